//! The upload outbox as plain data: where each audit bundle stands on its way to the portal,
//! how an answer of the collector moves it on, and when to try again.
//!
//! The client rule is the collector's (docs/collector.md §`POST /bundles`): resend on a network
//! error, a timeout, 408, 429 or any 5xx, with backoff; stop on 201 or 200 (done: 200 "already
//! stored" is the answer to a resend, so it counts as sent) and on any other 4xx (refused: show
//! the server's reason, never resend unchanged). The bundle's fingerprint is its key everywhere,
//! so a resend can never make a second copy, here or at the collector.
//!
//! No Yew, no browser, no clock and no RNG in here: the time (`now_ms`, milliseconds since the
//! epoch) and the jitter are inputs, so every transition is a native unit test.

pub mod pump;

use std::collections::BTreeSet;
use std::rc::Rc;

use phieu_core::Lang;
use serde::Deserialize;

/// The first wait after a failed try (ms); each further failure doubles it.
pub const FIRST_DELAY_MS: u64 = 2_000;
/// The longest wait between two tries (ms): a tablet that found a signal tries within 5 min.
pub const MAX_DELAY_MS: u64 = 300_000;
/// How long one try may take before it is abandoned as a timeout (ms).
pub const TIMEOUT_MS: u32 = 30_000;

/// A message of the collector in both languages (its JSON `vi` and `en` fields).
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct Reason {
    pub vi: String,
    pub en: String,
}

impl Reason {
    /// The collector answers in Vietnamese and English (docs/portal-api.md); a language added
    /// to `i18n/languages.toml` reads the English.
    pub fn text(&self, lang: Lang) -> &str {
        lang.pick(&self.vi, &self.en)
    }
}

/// How the collector took the bundle.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Accepted {
    /// 201: a new box, verified and stored.
    Stored,
    /// 200: the collector already held this very box (a resend after a lost answer).
    AlreadyStored,
}

/// Why a try did not reach an answer worth keeping: each is worth another try later.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Retry {
    /// The device says it has no network.
    Offline,
    /// The request failed on the way (no route, DNS, connection reset, CORS).
    Network,
    /// No answer within [`TIMEOUT_MS`].
    Timeout,
    /// 408, 429 or a 5xx: the server asks to come back later.
    Server(u16),
    /// An answer that is not the collector's (e.g. a Wi-Fi login page answering 200 with HTML).
    Unexpected(u16),
    /// A 2xx that says "stored" but does not carry this bundle's fingerprint back (none, or
    /// another): not a collector that verified this box, so the bundle is not counted as sent.
    NotThisBox(u16),
}

/// What one try came to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    Accepted(Accepted),
    /// A 4xx other than 408 and 429, with the server's reasons (empty when it gave none).
    Refused {
        status: u16,
        reasons: Vec<Reason>,
    },
    Retry(Retry),
}

/// The collector's JSON answer, as much of it as the outbox reads.
#[derive(Deserialize)]
struct Answer {
    status: String,
    #[serde(default)]
    fingerprint: Option<String>,
    #[serde(default)]
    reasons: Vec<Reason>,
}

/// Reads the collector's answer to `POST /bundles` of the bundle `fingerprint` (hex).
///
/// A bundle counts as delivered only when the answer names its fingerprint: the collector
/// computes it from the ballots it verified (docs/collector.md §`POST /bundles`), so an answer
/// without it, or with another, is not that collector having stored this box (issue 17: a
/// look-alike answering `201 {"status":"stored"}` must not make the real collector miss it).
pub fn classify(status: u16, body: &str, fingerprint: &str) -> Outcome {
    let answer = serde_json::from_str::<Answer>(body).ok();
    match status {
        200 | 201 => {
            // A 2xx counts only when it is the collector speaking about this very box: a captive
            // portal's login page also answers 200.
            let Some(a) = answer else {
                return Outcome::Retry(Retry::Unexpected(status));
            };
            let accepted = match (status, a.status.as_str()) {
                (201, "stored") => Accepted::Stored,
                (200, "already_stored") => Accepted::AlreadyStored,
                _ => return Outcome::Retry(Retry::Unexpected(status)),
            };
            if a.fingerprint.as_deref() == Some(fingerprint) {
                Outcome::Accepted(accepted)
            } else {
                Outcome::Retry(Retry::NotThisBox(status))
            }
        }
        408 | 429 | 500..=599 => Outcome::Retry(Retry::Server(status)),
        400..=499 => Outcome::Refused {
            status,
            reasons: answer.map(|a| a.reasons).unwrap_or_default(),
        },
        _ => Outcome::Retry(Retry::Unexpected(status)),
    }
}

/// The wait (ms) before the next try after `failures` failed tries in a row: 2 s doubling up to
/// 5 min, then scaled by the jitter into 75–100 % of that, so that the tablets of a commune that
/// all find the network at once do not all come back at the same second. `jitter` is uniform
/// over `u16` (drawn from `crypto.getRandomValues` at the edge).
pub fn backoff_ms(failures: u32, jitter: u16) -> u64 {
    let doublings = failures.saturating_sub(1).min(20);
    let base = FIRST_DELAY_MS
        .saturating_mul(1 << doublings)
        .min(MAX_DELAY_MS);
    // base × (3/4 + jitter/2^18): integer arithmetic, never above `base`.
    base * (3 * 65_536 + u64::from(jitter)) / (4 * 65_536)
}

/// Where one bundle stands.
#[derive(Clone, Debug, PartialEq)]
pub enum ItemState {
    /// Not yet accepted: the next try is due at `next_try_ms`. `failures` counts the failed
    /// tries in a row and `last` says why the last one failed.
    Waiting {
        failures: u32,
        next_try_ms: f64,
        last: Option<Retry>,
    },
    /// The collector holds it: nothing more to do.
    Sent(Accepted),
    /// The collector refused it: resending the same bundle would be refused again.
    Refused { status: u16, reasons: Vec<Reason> },
}

impl ItemState {
    /// A bundle just put in the outbox: due at once.
    pub fn new(now_ms: f64) -> ItemState {
        ItemState::Waiting {
            failures: 0,
            next_try_ms: now_ms,
            last: None,
        }
    }

    /// The state after a try that came to `outcome`. A finished item stays as it is.
    pub fn after(&self, outcome: Outcome, now_ms: f64, jitter: u16) -> ItemState {
        let ItemState::Waiting { failures, .. } = self else {
            return self.clone();
        };
        match outcome {
            Outcome::Accepted(how) => ItemState::Sent(how),
            Outcome::Refused { status, reasons } => ItemState::Refused { status, reasons },
            Outcome::Retry(why) => {
                let failures = failures.saturating_add(1);
                ItemState::Waiting {
                    failures,
                    next_try_ms: now_ms + backoff_ms(failures, jitter) as f64,
                    last: Some(why),
                }
            }
        }
    }

    /// The network is back (the `online` event): a waiting item is due now. Its failure count
    /// stays, so a flapping connection still backs off.
    pub fn wake(&self, now_ms: f64) -> ItemState {
        match self {
            ItemState::Waiting {
                failures,
                next_try_ms,
                last,
            } => ItemState::Waiting {
                failures: *failures,
                next_try_ms: next_try_ms.min(now_ms),
                last: *last,
            },
            done => done.clone(),
        }
    }

    /// The officer changed the portal's address or token: a refused item is worth one more
    /// try, since it is no longer sent unchanged. Other items are as they were.
    pub fn after_new_settings(&self, now_ms: f64) -> ItemState {
        match self {
            ItemState::Refused { .. } => ItemState::new(now_ms),
            other => other.wake(now_ms),
        }
    }

    pub fn is_waiting(&self) -> bool {
        matches!(self, ItemState::Waiting { .. })
    }
}

/// One audit bundle in the outbox.
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    /// The box fingerprint in hex: the key.
    pub fingerprint: String,
    /// The fingerprint as read aloud (`BC24-03D2-D2CA-9805`).
    pub short: String,
    /// The audit bundle exactly as `AuditBundle::to_json` wrote it.
    pub bundle: Rc<String>,
    pub state: ItemState,
}

/// A fingerprint in hex as read aloud: its first 8 bytes in 4 groups of 4 upper-case digits
/// (docs/bundle-format.md §Box fingerprint), the form printed on the minutes.
pub fn short(fingerprint_hex: &str) -> String {
    let digits: Vec<char> = fingerprint_hex
        .chars()
        .take(16)
        .map(|c| c.to_ascii_uppercase())
        .collect();
    digits
        .chunks(4)
        .map(|group| group.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join("-")
}

/// What the retry loop does now: send `due`, and wake up again at `wake_at_ms`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Plan {
    pub due: Vec<String>,
    pub wake_at_ms: Option<f64>,
}

/// Which waiting items are due at `now_ms` (and not already on the wire), and when the next
/// one falls due.
pub fn plan(items: &[Item], in_flight: &BTreeSet<String>, now_ms: f64) -> Plan {
    let mut plan = Plan::default();
    for item in items {
        let ItemState::Waiting { next_try_ms, .. } = item.state else {
            continue;
        };
        if in_flight.contains(&item.fingerprint) {
            continue;
        }
        if next_try_ms <= now_ms {
            plan.due.push(item.fingerprint.clone());
        } else {
            plan.wake_at_ms = Some(plan.wake_at_ms.map_or(next_try_ms, |w| w.min(next_try_ms)));
        }
    }
    plan
}

/// Why the portal's address cannot be used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UrlError {
    Empty,
    /// Not `http://` or `https://` (e.g. `ftp:`, `javascript:`, or no scheme at all).
    NotHttp,
    NoHost,
    Spaces,
    /// `user:password@host`: browsers refuse such addresses for fetch, and a password does not
    /// belong in an address anyway.
    Credentials,
}

/// Why the upload token cannot be used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenError {
    Empty,
    /// Spaces or characters outside printable ASCII cannot go into an HTTP header.
    BadCharacters,
    /// The token saved for another portal, kept while the address moved elsewhere: a token is
    /// the secret of one portal and never follows an address to a new one.
    Inherited,
}

/// Checks the portal's address and gives the address to `POST` to: the collector's
/// `…/bundles`. A bare origin (`https://portal.example.vn` or with a trailing `/`) means the
/// collector itself, so `bundles` is appended; any other path is taken as given (a portal's
/// proxy may forward `/phieu/bundles`).
pub fn check_url(input: &str) -> Result<String, UrlError> {
    let url = input.trim();
    if url.is_empty() {
        return Err(UrlError::Empty);
    }
    if url.chars().any(char::is_whitespace) {
        return Err(UrlError::Spaces);
    }
    let lower = url.to_ascii_lowercase();
    let rest = ["https://", "http://"]
        .iter()
        .find_map(|scheme| lower.starts_with(scheme).then(|| &url[scheme.len()..]))
        .ok_or(UrlError::NotHttp)?;
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, path) = rest.split_at(authority_end);
    if authority.contains('@') {
        return Err(UrlError::Credentials);
    }
    let host = authority.rsplit_once(':').map_or(authority, |(h, _)| h);
    if host.is_empty() || host == "[" {
        return Err(UrlError::NoHost);
    }
    Ok(match path {
        "" => format!("{url}/bundles"),
        "/" => format!("{url}bundles"),
        _ => url.to_owned(),
    })
}

/// The origin of a checked address (`https://xa.example.vn:8443`), lower-cased, or `None`
/// when the address is not usable: what the officer is shown before confirming a new address,
/// and what decides whether the saved token may go along.
pub fn origin_of(input: &str) -> Option<String> {
    let url = check_url(input).ok()?;
    let (scheme, rest) = url.split_once("://")?;
    let authority = &rest[..rest.find(['/', '?', '#']).unwrap_or(rest.len())];
    Some(format!("{}://{}", scheme, authority).to_ascii_lowercase())
}

/// The server's name and port alone (`xa.example.vn:8443`), in large type on the confirmation.
pub fn host_of(input: &str) -> Option<String> {
    origin_of(input).and_then(|o| o.split_once("://").map(|(_, host)| host.to_owned()))
}

/// Checks the upload token given by the portal (docs/collector.md §Authentication).
pub fn check_token(input: &str) -> Result<String, TokenError> {
    let token = input.trim();
    if token.is_empty() {
        return Err(TokenError::Empty);
    }
    if !token.chars().all(|c| c.is_ascii_graphic()) {
        return Err(TokenError::BadCharacters);
    }
    Ok(token.to_owned())
}

/// Where bundles go and the token that lets them in: both checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Endpoint {
    pub url: String,
    pub token: String,
}

impl Endpoint {
    /// New settings typed over the saved ones (`saved_url`, `saved_token`): both fields checked
    /// as [`Endpoint::parse`] does, and the saved token refused for an address on another
    /// origin, so that changing the address never sends the old portal's secret elsewhere.
    pub fn parse_change(
        saved_url: &str,
        saved_token: &str,
        url: &str,
        token: &str,
    ) -> Result<Endpoint, (Option<UrlError>, Option<TokenError>)> {
        let endpoint = Endpoint::parse(url, token)?;
        let moved = origin_of(url) != origin_of(saved_url);
        if moved && !saved_token.trim().is_empty() && token.trim() == saved_token.trim() {
            return Err((None, Some(TokenError::Inherited)));
        }
        Ok(endpoint)
    }

    /// Both fields checked; each error is for its own field of the form.
    pub fn parse(
        url: &str,
        token: &str,
    ) -> Result<Endpoint, (Option<UrlError>, Option<TokenError>)> {
        match (check_url(url), check_token(token)) {
            (Ok(url), Ok(token)) => Ok(Endpoint { url, token }),
            (url, token) => Err((url.err(), token.err())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FP: &str = "bc2403d2d2ca9805b95a23a767cf713acae40c0e088afb491093797ae15c1f9a";

    fn check_classify(status: u16, body: &str, expected: Outcome) {
        assert_eq!(classify(status, body, FP), expected, "{status} {body}");
    }

    #[test]
    fn answers_of_the_collector_map_to_outcomes() {
        let stored = format!(r#"{{"status":"stored","fingerprint":"{FP}","vi":"a","en":"b"}}"#);
        let again = format!(r#"{{"status":"already_stored","fingerprint":"{FP}"}}"#);
        let refused = r#"{"status":"unauthorized","reasons":[{"path":"Authorization","vi":"sai mã","en":"wrong token"}]}"#;
        let reason = Reason {
            vi: "sai mã".into(),
            en: "wrong token".into(),
        };
        check_classify(201, &stored, Outcome::Accepted(Accepted::Stored));
        check_classify(200, &again, Outcome::Accepted(Accepted::AlreadyStored));
        check_classify(
            401,
            refused,
            Outcome::Refused {
                status: 401,
                reasons: vec![reason.clone()],
            },
        );
        for status in [409, 413, 415, 422] {
            check_classify(
                status,
                refused,
                Outcome::Refused {
                    status,
                    reasons: vec![reason.clone()],
                },
            );
        }
        check_classify(
            404,
            "<html>not found</html>",
            Outcome::Refused {
                status: 404,
                reasons: vec![],
            },
        );
        for status in [408, 429, 500, 502, 503, 504] {
            check_classify(status, "", Outcome::Retry(Retry::Server(status)));
        }
    }

    #[test]
    fn a_2xx_that_is_not_the_collector_about_this_box_is_tried_again() {
        let other = r#"{"status":"stored","fingerprint":"00"}"#;
        check_classify(201, other, Outcome::Retry(Retry::NotThisBox(201)));
        check_classify(
            200,
            "<html>Wi-Fi login</html>",
            Outcome::Retry(Retry::Unexpected(200)),
        );
        check_classify(
            200,
            r#"{"status":"stored"}"#,
            Outcome::Retry(Retry::Unexpected(200)),
        );
        // Issue 17: a look-alike's "stored" without this box's fingerprint, or with another,
        // leaves the bundle waiting and says why.
        check_classify(
            201,
            r#"{"status":"stored"}"#,
            Outcome::Retry(Retry::NotThisBox(201)),
        );
        check_classify(
            201,
            r#"{"status":"stored","fingerprint":null}"#,
            Outcome::Retry(Retry::NotThisBox(201)),
        );
        check_classify(
            200,
            r#"{"status":"already_stored"}"#,
            Outcome::Retry(Retry::NotThisBox(200)),
        );
        check_classify(204, "", Outcome::Retry(Retry::Unexpected(204)));
        check_classify(302, "", Outcome::Retry(Retry::Unexpected(302)));
    }

    #[test]
    fn backoff_doubles_from_two_seconds_to_five_minutes_with_jitter_below_the_base() {
        let full: Vec<u64> = (1..=10).map(|n| backoff_ms(n, u16::MAX)).collect();
        let least: Vec<u64> = (1..=10).map(|n| backoff_ms(n, 0)).collect();
        assert_eq!(
            least,
            [1_500, 3_000, 6_000, 12_000, 24_000, 48_000, 96_000, 192_000, 225_000, 225_000]
        );
        for (n, (lo, hi)) in least.iter().zip(&full).enumerate() {
            let base = (FIRST_DELAY_MS << n).min(MAX_DELAY_MS);
            assert!(
                *lo == base * 3 / 4 && *hi < base && *hi > base * 99 / 100,
                "{n}"
            );
        }
        assert_eq!(backoff_ms(0, 0), 1_500, "a first failure never waits 0");
        assert_eq!(backoff_ms(u32::MAX, u16::MAX), backoff_ms(9, u16::MAX));
    }

    #[test]
    fn a_waiting_item_moves_on_with_each_outcome_and_a_finished_one_stays() {
        let new = ItemState::new(1_000.0);
        let failed = new.after(Outcome::Retry(Retry::Offline), 1_000.0, 0);
        assert_eq!(
            failed,
            ItemState::Waiting {
                failures: 1,
                next_try_ms: 2_500.0,
                last: Some(Retry::Offline)
            }
        );
        let failed_again = failed.after(Outcome::Retry(Retry::Server(503)), 3_000.0, 0);
        assert_eq!(
            failed_again,
            ItemState::Waiting {
                failures: 2,
                next_try_ms: 6_000.0,
                last: Some(Retry::Server(503))
            }
        );
        let sent = failed_again.after(Outcome::Accepted(Accepted::AlreadyStored), 7_000.0, 0);
        assert_eq!(sent, ItemState::Sent(Accepted::AlreadyStored));
        assert_eq!(sent.after(Outcome::Retry(Retry::Network), 8_000.0, 0), sent);
        let refused = new.after(
            Outcome::Refused {
                status: 422,
                reasons: vec![],
            },
            1_000.0,
            0,
        );
        assert_eq!(
            refused,
            ItemState::Refused {
                status: 422,
                reasons: vec![]
            }
        );
        assert_eq!(
            refused.after(Outcome::Accepted(Accepted::Stored), 9_000.0, 0),
            refused
        );
    }

    #[test]
    fn online_wakes_waiting_items_and_new_settings_requeue_refused_ones() {
        let waiting = ItemState::Waiting {
            failures: 4,
            next_try_ms: 50_000.0,
            last: Some(Retry::Offline),
        };
        assert_eq!(
            waiting.wake(10_000.0),
            ItemState::Waiting {
                failures: 4,
                next_try_ms: 10_000.0,
                last: Some(Retry::Offline)
            }
        );
        let sent = ItemState::Sent(Accepted::Stored);
        assert_eq!(sent.wake(10_000.0), sent);
        assert_eq!(sent.after_new_settings(10_000.0), sent);
        let refused = ItemState::Refused {
            status: 401,
            reasons: vec![],
        };
        assert_eq!(refused.wake(10_000.0), refused);
        assert_eq!(
            refused.after_new_settings(10_000.0),
            ItemState::new(10_000.0)
        );
    }

    fn item(fingerprint: &str, state: ItemState) -> Item {
        Item {
            fingerprint: fingerprint.into(),
            short: String::new(),
            bundle: Rc::new(String::new()),
            state,
        }
    }

    #[test]
    fn the_plan_sends_due_items_not_on_the_wire_and_wakes_for_the_next() {
        let items = [
            item("a", ItemState::new(100.0)),
            item("b", ItemState::new(500.0)),
            item(
                "c",
                ItemState::Waiting {
                    failures: 1,
                    next_try_ms: 300.0,
                    last: None,
                },
            ),
            item("d", ItemState::Sent(Accepted::Stored)),
            item("e", ItemState::new(0.0)),
        ];
        let in_flight = BTreeSet::from(["e".to_owned()]);
        assert_eq!(
            plan(&items, &in_flight, 200.0),
            Plan {
                due: vec!["a".into()],
                wake_at_ms: Some(300.0)
            }
        );
        assert_eq!(plan(&items[3..4], &in_flight, 200.0), Plan::default());
    }

    #[test]
    fn the_short_form_is_the_one_on_the_minutes() {
        assert_eq!(short(FP), "BC24-03D2-D2CA-9805");
        assert_eq!(short("ab"), "AB");
    }

    #[test]
    fn the_portal_address_must_be_http_or_https_with_a_host() {
        let ok = |input: &str, expected: &str| assert_eq!(check_url(input), Ok(expected.into()));
        ok("http://127.0.0.1:8787", "http://127.0.0.1:8787/bundles");
        ok(" https://xa.example.vn/ ", "https://xa.example.vn/bundles");
        ok(
            "HTTPS://xa.example.vn/phieu/bundles",
            "HTTPS://xa.example.vn/phieu/bundles",
        );
        ok("http://[::1]:8787/bundles", "http://[::1]:8787/bundles");
        let bad = |input: &str, expected: UrlError| assert_eq!(check_url(input), Err(expected));
        bad("", UrlError::Empty);
        bad("   ", UrlError::Empty);
        bad("xa.example.vn/bundles", UrlError::NotHttp);
        bad("ftp://xa.example.vn", UrlError::NotHttp);
        bad("javascript:alert(1)", UrlError::NotHttp);
        bad("https://", UrlError::NoHost);
        bad("https:///bundles", UrlError::NoHost);
        bad("https://:8787/", UrlError::NoHost);
        bad("https://xa example.vn", UrlError::Spaces);
        bad("https://user:pw@xa.example.vn/", UrlError::Credentials);
    }

    #[test]
    fn the_token_must_fit_in_a_header() {
        assert_eq!(
            check_token(" abcdef0123456789 "),
            Ok("abcdef0123456789".into())
        );
        assert_eq!(check_token(""), Err(TokenError::Empty));
        assert_eq!(check_token("abc def"), Err(TokenError::BadCharacters));
        assert_eq!(check_token("mãbímật"), Err(TokenError::BadCharacters));
        assert_eq!(
            Endpoint::parse("ftp://x", ""),
            Err((Some(UrlError::NotHttp), Some(TokenError::Empty)))
        );
        assert_eq!(
            Endpoint::parse("http://x", "t0ken"),
            Ok(Endpoint {
                url: "http://x/bundles".into(),
                token: "t0ken".into()
            })
        );
    }

    #[test]
    fn a_new_address_shows_its_origin_and_never_takes_the_old_token_along() {
        assert_eq!(
            origin_of("HTTPS://Xa.Example.vn:8443/phieu/bundles").as_deref(),
            Some("https://xa.example.vn:8443")
        );
        assert_eq!(
            host_of("http://127.0.0.1:9999").as_deref(),
            Some("127.0.0.1:9999")
        );
        assert_eq!(origin_of("javascript:alert(1)"), None);
        let saved = ("https://xa.example.vn/bundles", "old-secret");
        let change = |url: &str, token: &str| Endpoint::parse_change(saved.0, saved.1, url, token);
        assert_eq!(
            change("http://127.0.0.1:9999/", "old-secret"),
            Err((None, Some(TokenError::Inherited)))
        );
        assert!(change("http://127.0.0.1:9999/", "new-secret").is_ok());
        // Same portal, another path or the same address: the token stays the portal's.
        assert!(change("https://XA.example.vn/phieu/bundles", "old-secret").is_ok());
        assert!(change("https://xa.example.vn/bundles", "old-secret").is_ok());
        // Nothing saved yet: the first settings.
        assert!(Endpoint::parse_change("", "", "https://xa.example.vn", "t").is_ok());
    }
}
