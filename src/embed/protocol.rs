//! The embedding API's words, as plain data: the options a host gives (`mode`, `lang`), the
//! versioned `postMessage` set between an embedding iframe and its parent page, the parent
//! origins allowed to talk to it, and the tally a host receives when voting closes
//! (docs/embedding.md §Messages).
//!
//! No browser in here, and no crate beyond serde, serde_json and the core: every payload the
//! host can send is parsed by [`HostMessage::parse`] natively, unit-tested below and fuzzed by
//! `fuzz/fuzz_targets/embed_message.rs` (which includes this very file). The refusals' words for
//! people (`OptionError::message`, `MessageError::message`, `OriginError::message`) are in
//! `embed::words`, from `i18n/embed.toml`, so that this file stays whole on its own.

use phieu_core::{BoxFingerprint, Lang, Poll, Tally};
use serde_json::{json, Map, Value};

/// The version of the message set. Every message carries it as `"phieu": 1`; a message with
/// another version is refused with [`MessageError::Version`], so a host written for a later
/// version learns at once that this build does not speak it.
pub const VERSION: u64 = 1;

/// The largest message read from a host (an inline poll is the only big payload; the largest
/// shipped template is about 20 KB). A bigger one is refused before it is parsed.
pub const MAX_MESSAGE_BYTES: usize = 1 << 20;

/// What an embedded poll is for (docs/embedding.md §Modes).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// A meeting on a shared device: voter after voter, each ballot on disk before its receipt;
    /// the host closes voting, then the tally is shown and handed to the host.
    Kiosk,
    /// One respondent on their own device answers a survey poll once, then sees thanks.
    Survey,
    /// Shows the results of an audit bundle (or public summary) after checking it.
    Results,
}

impl Mode {
    pub fn name(self) -> &'static str {
        match self {
            Mode::Kiosk => "kiosk",
            Mode::Survey => "survey",
            Mode::Results => "results",
        }
    }

    /// The mode an attribute or option names; an absent one is `kiosk`.
    pub fn parse(name: Option<&str>) -> Result<Mode, OptionError> {
        match name.map(str::trim) {
            None | Some("") | Some("kiosk") => Ok(Mode::Kiosk),
            Some("survey") => Ok(Mode::Survey),
            Some("results") => Ok(Mode::Results),
            Some(other) => Err(OptionError::Mode(other.to_owned())),
        }
    }
}

/// The language an attribute, option or message names; an absent one is Vietnamese.
pub fn parse_lang(code: Option<&str>) -> Result<Lang, OptionError> {
    match code.map(str::trim) {
        None | Some("") => Ok(Lang::Vi),
        Some(c) => Lang::from_code(c).ok_or_else(|| OptionError::Lang(c.to_owned())),
    }
}

/// A host's option that phieu does not understand.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OptionError {
    Mode(String),
    Lang(String),
    /// `electorate` is not a whole number from 1 up.
    Electorate(String),
    /// Both `src` and an inline poll, or neither.
    Source,
    NotJson,
}

/// What a host asks of one embedded poll: the `<phieu-poll>` attributes, `phieu.mount()`'s
/// options or the iframe's query, all given as strings (docs/embedding.md §Attributes).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    pub mode: Mode,
    pub lang: Lang,
    /// The poll (kiosk, survey) or the audit bundle (results); `None` waits for `load-poll`.
    pub source: Option<PollSource>,
    /// Which box on this device: ballots are kept per poll and box name, so two kiosks of one
    /// poll on one page can keep two boxes. At most 64 characters.
    pub box_name: String,
    /// The total electorate (households, delegates): with it the closed tally states each share
    /// of the total and the outcome under the poll's rule.
    pub electorate: Option<u64>,
}

impl Options {
    /// Reads `{"mode":…,"lang":…,"src":…,"poll":…,"box":…,"electorate":…}` (every value a
    /// string, as attributes are; `poll` is the inline poll's JSON text).
    pub fn parse(text: &str) -> Result<Options, OptionError> {
        let value: Value = serde_json::from_str(text).map_err(|_| OptionError::NotJson)?;
        let get = |key: &str| {
            value
                .get(key)
                .and_then(Value::as_str)
                .map(str::trim)
                .filter(|s| !s.is_empty())
        };
        let source = match (get("src"), get("poll")) {
            (Some(url), None) => Some(PollSource::Url(url.to_owned())),
            (None, Some(poll)) => Some(PollSource::Inline(poll.to_owned())),
            (None, None) => None,
            (Some(_), Some(_)) => return Err(OptionError::Source),
        };
        let electorate = match get("electorate") {
            None => None,
            Some(n) => match n.parse::<u64>() {
                Ok(n) if n > 0 => Some(n),
                _ => return Err(OptionError::Electorate(n.to_owned())),
            },
        };
        Ok(Options {
            mode: Mode::parse(get("mode"))?,
            lang: parse_lang(get("lang"))?,
            source,
            box_name: get("box").unwrap_or("").chars().take(64).collect(),
            electorate,
        })
    }
}

/// Where a poll comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PollSource {
    /// A URL, relative to the page that embeds (or to the iframe's page).
    Url(String),
    /// The poll's JSON text itself.
    Inline(String),
}

/// A message from the host page to an embedding iframe (docs/embedding.md §From the host).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HostMessage {
    /// `{"phieu":1,"type":"load-poll","url":"polls/demo.json"}` or
    /// `{"phieu":1,"type":"load-poll","poll":{…}}`: show this poll (kiosk and survey) or this
    /// audit bundle (`url` only, results mode).
    LoadPoll(PollSource),
    /// `{"phieu":1,"type":"set-lang","lang":"en"}`.
    SetLang(Lang),
    /// `{"phieu":1,"type":"close"}`: close voting (kiosk mode). The host decides who may.
    Close,
}

/// Why a host's message was refused. Each is answered with an `error` message to the (allowed)
/// parent, so a host developer sees what was wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MessageError {
    TooLarge(usize),
    NotJson,
    NotPhieu,
    Version(Value),
    UnknownType(String),
    Field(&'static str),
    Lang(String),
}

impl MessageError {
    /// The stable code sent in the `error` message's `code`.
    pub fn code(&self) -> &'static str {
        match self {
            MessageError::TooLarge(_) => "message-too-large",
            MessageError::NotJson | MessageError::NotPhieu => "message-not-phieu",
            MessageError::Version(_) => "message-version",
            MessageError::UnknownType(_) => "message-type",
            MessageError::Field(_) | MessageError::Lang(_) => "message-field",
        }
    }
}

impl HostMessage {
    /// Reads one message, given as the JSON text of the `MessageEvent`'s data (a host may post an
    /// object or a string; the bridge turns either into text).
    pub fn parse(text: &str) -> Result<HostMessage, MessageError> {
        if text.len() > MAX_MESSAGE_BYTES {
            return Err(MessageError::TooLarge(text.len()));
        }
        let value: Value = serde_json::from_str(text).map_err(|_| MessageError::NotJson)?;
        // A host that posts a JSON string (postMessage(JSON.stringify(m))) is read the same.
        let value = match value {
            Value::String(inner) => {
                serde_json::from_str(&inner).map_err(|_| MessageError::NotJson)?
            }
            other => other,
        };
        let Value::Object(map) = value else {
            return Err(MessageError::NotPhieu);
        };
        match map.get("phieu") {
            None => return Err(MessageError::NotPhieu),
            Some(v) if v.as_u64() == Some(VERSION) => {}
            Some(v) => return Err(MessageError::Version(v.clone())),
        }
        let kind = match map.get("type") {
            Some(Value::String(t)) => t.as_str(),
            _ => return Err(MessageError::Field("type")),
        };
        match kind {
            "load-poll" => match (map.get("url"), map.get("poll")) {
                (Some(Value::String(url)), None) if !url.trim().is_empty() => Ok(
                    HostMessage::LoadPoll(PollSource::Url(url.trim().to_owned())),
                ),
                (None, Some(poll @ Value::Object(_))) => {
                    Ok(HostMessage::LoadPoll(PollSource::Inline(poll.to_string())))
                }
                (None, Some(Value::String(poll))) => {
                    Ok(HostMessage::LoadPoll(PollSource::Inline(poll.clone())))
                }
                (Some(_), Some(_)) | (None, None) => Err(MessageError::Field("url|poll")),
                (Some(_), None) => Err(MessageError::Field("url")),
                (None, Some(_)) => Err(MessageError::Field("poll")),
            },
            "set-lang" => match map.get("lang") {
                Some(Value::String(code)) => Lang::from_code(code)
                    .map(HostMessage::SetLang)
                    .ok_or_else(|| MessageError::Lang(code.clone())),
                _ => Err(MessageError::Field("lang")),
            },
            "close" => Ok(HostMessage::Close),
            other => Err(MessageError::UnknownType(other.to_owned())),
        }
    }
}

/// A message from phieu to the host (an iframe's parent, or a component's event detail).
#[derive(Clone, Debug, PartialEq)]
pub enum EmbedMessage {
    /// The poll is shown and the embed listens. `poll` is the poll's id.
    Ready {
        mode: Mode,
        poll: String,
        lang: Lang,
    },
    /// The content's height in CSS pixels: the host sets the iframe's height to it.
    Resize { height: u32 },
    /// A ballot is on disk. The receipt code only: never a choice.
    Cast { receipt: String },
    /// Voting closed (kiosk) or a bundle was checked (results): its tally and fingerprint.
    Closed { fingerprint: String, tally: Value },
    /// Something went wrong; `code` is stable, `message` is for people, in the embed's language.
    Error { code: String, message: String },
}

impl EmbedMessage {
    /// The message's `type`, which is also the component's event name after `phieu-`.
    pub fn kind(&self) -> &'static str {
        match self {
            EmbedMessage::Ready { .. } => "ready",
            EmbedMessage::Resize { .. } => "resize",
            EmbedMessage::Cast { .. } => "cast",
            EmbedMessage::Closed { .. } => "closed",
            EmbedMessage::Error { .. } => "error",
        }
    }

    /// What a component's event carries as `detail` (the message without its envelope).
    pub fn detail(&self) -> Value {
        match self {
            EmbedMessage::Ready { mode, poll, lang } => {
                json!({ "mode": mode.name(), "poll": poll, "lang": lang.code() })
            }
            EmbedMessage::Resize { height } => json!({ "height": height }),
            EmbedMessage::Cast { receipt } => json!({ "receipt": receipt }),
            EmbedMessage::Closed { fingerprint, tally } => {
                json!({ "fingerprint": fingerprint, "tally": tally })
            }
            EmbedMessage::Error { code, message } => json!({ "code": code, "message": message }),
        }
    }

    /// The whole message as an iframe posts it: `{"phieu":1,"type":…,…detail}`.
    pub fn to_value(&self) -> Value {
        let mut map = Map::new();
        map.insert("phieu".into(), json!(VERSION));
        map.insert("type".into(), json!(self.kind()));
        if let Value::Object(detail) = self.detail() {
            map.extend(detail);
        }
        Value::Object(map)
    }
}

/// A closed box's counts as a host receives them (docs/embedding.md §The tally): per item its
/// id, the ballots that left it blank, each option's count in poll order, and for number and
/// scale items the exact mean as `sum`/`count`. Free-text answers are not in it (they are in
/// the audit bundle, which the host gets by upload).
pub fn tally_value(poll: &Poll, tally: &Tally, fingerprint: &BoxFingerprint) -> Value {
    let items: Vec<Value> = poll
        .items()
        .iter()
        .zip(tally.items())
        .map(|(item, counts)| {
            let options: Vec<Value> = item
                .kind()
                .options()
                .iter()
                .zip(counts.counts())
                .map(|(o, n)| json!({ "id": o.id(), "count": n }))
                .collect();
            let mut v = json!({ "id": item.id(), "blank": counts.blank(), "options": options });
            if let Some(mean) = counts.mean() {
                // An i128 sum does not fit JSON numbers in every reader: a decimal string.
                v["mean"] = json!({ "sum": mean.sum().to_string(), "count": mean.count() });
            }
            v
        })
        .collect();
    json!({
        "poll": poll.id(),
        "poll_hash": poll.hash().to_hex(),
        "fingerprint": fingerprint.to_hex(),
        "ballots": tally.ballots(),
        "items": items,
    })
}

/// The parent origins allowed to embed the iframe, read from `embed-origins.json` beside the
/// build (docs/embedding.md §Origins): `{"version":1,"origins":["https://xa.example.gov.vn"]}`.
/// Only whoever deploys the build can change it; nothing in the address can add to it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AllowList {
    origins: Vec<String>,
}

/// Why the allow-list file was refused (the iframe then talks to no one, and says so).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OriginError {
    NotJson,
    /// An entry that is not `scheme://host[:port]`; `*` is refused here.
    Origin(String),
}

/// `scheme://host[:port]` in lower case, or `None`: no path, query, user or wildcard.
pub fn normalize_origin(text: &str) -> Option<String> {
    let lower = text.trim().to_ascii_lowercase();
    let (scheme, rest) = lower.split_once("://")?;
    if !matches!(scheme, "http" | "https") || rest.is_empty() {
        return None;
    }
    let (host, port) = match rest.rsplit_once(':') {
        Some((h, p)) if !h.ends_with(']') || h.starts_with('[') => {
            if p.is_empty() || p.len() > 5 || !p.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            (h, Some(p.parse::<u16>().ok()?))
        }
        _ => (rest, None),
    };
    let host_ok = if let Some(v6) = host.strip_prefix('[').and_then(|h| h.strip_suffix(']')) {
        !v6.is_empty()
            && v6
                .bytes()
                .all(|b| b.is_ascii_hexdigit() || b == b':' || b == b'.')
    } else {
        !host.is_empty()
            && host
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.')
    };
    if !host_ok {
        return None;
    }
    Some(match port {
        Some(p) => format!("{scheme}://{host}:{p}"),
        None => format!("{scheme}://{host}"),
    })
}

impl AllowList {
    pub fn parse(text: &str) -> Result<AllowList, OriginError> {
        let value: Value = serde_json::from_str(text).map_err(|_| OriginError::NotJson)?;
        if value.get("version").and_then(Value::as_u64) != Some(1) {
            return Err(OriginError::NotJson);
        }
        let Some(Value::Array(list)) = value.get("origins") else {
            return Err(OriginError::NotJson);
        };
        let origins = list
            .iter()
            .map(|o| {
                let text = o.as_str().unwrap_or_default();
                normalize_origin(text).ok_or_else(|| OriginError::Origin(o.to_string()))
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(AllowList { origins })
    }

    /// Whether `origin` (as the browser reports it, e.g. `MessageEvent.origin`) is allowed.
    pub fn allows(&self, origin: &str) -> bool {
        normalize_origin(origin).is_some_and(|o| self.origins.contains(&o))
    }

    /// The parent's origin: the first candidate the list allows, in the order the browser
    /// gives them (`location.ancestorOrigins[0]`, then the referrer's origin, then `?parent=`).
    /// A candidate the list does not hold is never used, so the address cannot add an origin.
    pub fn parent<'a>(&self, candidates: impl IntoIterator<Item = &'a str>) -> Option<String> {
        candidates
            .into_iter()
            .filter_map(normalize_origin)
            .find(|o| self.origins.contains(o))
    }

    pub fn is_empty(&self) -> bool {
        self.origins.is_empty()
    }

    /// Who the parent is, from what the browser says and what the address claims (issue 17:
    /// `?parent=` naming an allowed portal must not let another page take ballots).
    ///
    /// The browser's word decides when it has one: `location.ancestorOrigins[0]` (Chromium,
    /// WebKit), else the referrer's origin; the parent is then allowed only if that origin is,
    /// whatever `?parent=` says. Only when the browser says nothing (Firefox with the referrer
    /// withheld) does `?parent=` count, and then as a claim: the frame shows the poll but takes
    /// no ballot until the parent's first message arrives from that very origin.
    pub fn check_parent(
        &self,
        ancestor: Option<&str>,
        referrer: Option<&str>,
        claimed: Option<&str>,
    ) -> ParentCheck {
        let allowed = |o: &str| normalize_origin(o).filter(|o| self.origins.contains(o));
        let witness = [ancestor, referrer]
            .into_iter()
            .flatten()
            .find(|o| !o.trim().is_empty() && *o != "null");
        match (witness, claimed) {
            (Some(seen), _) => allowed(seen).map_or(ParentCheck::Refused, ParentCheck::Allowed),
            (None, Some(claim)) => {
                allowed(claim).map_or(ParentCheck::Refused, ParentCheck::Claimed)
            }
            (None, None) => ParentCheck::Refused,
        }
    }
}

/// The `resize` heights are multiples of this many CSS px.
pub const HEIGHT_STEP: u32 = 160;

/// The height to send for content `content` px tall after `last` was sent: rounded up to a
/// multiple of [`HEIGHT_STEP`], and never below `last`. With a question's opinion field
/// reserved whether or not it is open (`embed::view`), what a choice can still change (a longer
/// answer on the review screen) then moves the height at most by one step, once in the frame's
/// life, instead of at every voter (issue 17).
pub fn resize_height(content: u32, last: u32) -> u32 {
    content
        .div_ceil(HEIGHT_STEP)
        .saturating_mul(HEIGHT_STEP)
        .max(last)
}

/// What [`AllowList::check_parent`] found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ParentCheck {
    /// The browser names the parent and the list allows it: talk to it, take ballots.
    Allowed(String),
    /// Only the address names the parent: talk to that origin (nothing else receives the
    /// messages), but take no ballot until a message from the parent proves its origin.
    Claimed(String),
    /// The parent is not allowed: the refusal screen, and no message.
    Refused,
}

#[cfg(test)]
mod tests;
