//! The steps of reading and checking that the audit bundle and the public summary share: the
//! canonical spelling, the header and version, the poll as embedded, the poll hash, ballots issued,
//! the path-by-path comparison of claimed and recomputed values, and the end of verification
//! (outcomes, fingerprint and minutes code) written once.

use crate::ballot_box::BoxFingerprint;
use crate::minutes::Minutes;
use crate::poll::Poll;
use crate::rule::{decide, Electorate, Outcome};
use crate::tally::Tally;

use super::dto::{outcome_dto, OutcomeDto, TallyDto, BUNDLE_VERSION};
use super::error::{BundleError, Discrepancy, VerifyError};
use super::minutes_code::MinutesCode;
use super::stated::{minutes_code, Stated};

/// Pretty JSON with two-space indents and a final newline (docs/bundle-format.md §JSON rules).
pub(super) fn canonical_json<T: serde::Serialize>(value: &T) -> String {
    // Serialising strings, integers and vectors cannot fail.
    let mut s = serde_json::to_string_pretty(value).unwrap_or_default();
    s.push('\n');
    s
}

pub(super) fn to_value<T: serde::Serialize>(value: &T) -> serde_json::Value {
    serde_json::to_value(value).unwrap_or(serde_json::Value::Null)
}

/// Parses a bundle and refuses it unless it is byte for byte what phieu would write for it.
pub(super) fn parse_canonical<T>(json: &str) -> Result<T, BundleError>
where
    T: serde::de::DeserializeOwned + serde::Serialize,
{
    let de = &mut serde_json::Deserializer::from_str(json);
    let dto: T = serde_path_to_error::deserialize(de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        let (line, column) = (inner.line(), inner.column());
        let detail = inner.to_string();
        let suffix = format!(" at line {line} column {column}");
        BundleError::Json {
            path: if path == "." { String::new() } else { path },
            line,
            column,
            detail: detail.strip_suffix(&suffix).unwrap_or(&detail).to_owned(),
        }
    })?;
    let again = canonical_json(&dto);
    if again != json {
        let offset = again
            .bytes()
            .zip(json.bytes())
            .position(|(a, b)| a != b)
            .unwrap_or(again.len().min(json.len()));
        let line = json.as_bytes()[..offset.min(json.len())]
            .iter()
            .filter(|b| **b == b'\n')
            .count()
            + 1;
        return Err(BundleError::NotCanonical { offset, line });
    }
    Ok(dto)
}

/// Reads the version from the opening of a file in canonical form before anything else, so that
/// a file of another version is told it is one (with both versions named) rather than refused
/// for a field its version did not have. Anything else is left to the full reading.
pub(super) fn sniff_version(json: &str, format: &str) -> Result<(), BundleError> {
    let opening = format!("{{\n  \"format\": \"{format}\",\n  \"version\": ");
    let Some(rest) = json.strip_prefix(&opening) else {
        return Ok(());
    };
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    match rest[..digits].parse::<u64>() {
        Ok(found) if found != BUNDLE_VERSION && rest[digits..].starts_with(",\n") => {
            Err(BundleError::Version { found })
        }
        _ => Ok(()),
    }
}

/// Ballots returned cannot outnumber the ballots issued, when the minutes count them.
pub(super) fn check_issued(minutes: &Minutes, returned: u64, found: &mut Vec<Discrepancy>) {
    if let Some(issued) = minutes.issued().filter(|&n| n < returned) {
        found.push(Discrepancy::Issued { issued, returned });
    }
}

pub(super) fn check_header(
    format: &str,
    expected: &'static str,
    version: u64,
) -> Result<(), BundleError> {
    if format != expected {
        return Err(BundleError::Format {
            expected,
            found: format.into(),
        });
    }
    if version != BUNDLE_VERSION {
        return Err(BundleError::Version { found: version });
    }
    Ok(())
}

pub(super) fn check_poll_hash(claimed: &str, poll: &Poll, found: &mut Vec<Discrepancy>) {
    if claimed != poll.hash().to_hex() {
        found.push(Discrepancy::PollHash {
            claimed: claimed.into(),
            computed: poll.hash(),
        });
    }
}

/// Compares a file's claimed fingerprint and minutes code (hex) with the recomputed ones,
/// noting each difference; gives the recomputed code. Shared by the audit bundle and the public
/// summary (docs/bundle-format.md §Minutes code).
pub(super) fn check_fingerprint_and_code(
    (claimed_fp, claimed_code): (&str, &str),
    poll: &Poll,
    computed_fp: BoxFingerprint,
    (electorate, minutes): (&Electorate, &Minutes),
    (tally, outcomes): (&TallyDto, &[OutcomeDto]),
    found: &mut Vec<Discrepancy>,
) -> Result<MinutesCode, BundleError> {
    let claimed_fp = BoxFingerprint::from_bytes(digest_of(claimed_fp, "fingerprint")?);
    if claimed_fp != computed_fp {
        found.push(Discrepancy::Fingerprint {
            claimed: claimed_fp,
            computed: computed_fp,
        });
    }
    let computed = minutes_code(Stated {
        poll,
        fingerprint: computed_fp,
        electorate,
        minutes,
        tally,
        outcomes,
    });
    let claimed = MinutesCode::from_bytes(digest_of(claimed_code, "minutes_code")?);
    if claimed != computed {
        found.push(Discrepancy::MinutesCode { claimed, computed });
    }
    Ok(computed)
}

pub(crate) fn digest_of(s: &str, path: &str) -> Result<[u8; 32], BundleError> {
    crate::encoding::from_hex::<32>(s).ok_or_else(|| BundleError::Hex {
        path: path.into(),
        found: s.into(),
        bytes: 32,
    })
}

/// Reports every leaf where `claimed` and `computed` differ, by JSON path.
pub(super) fn compare(
    path: &str,
    claimed: &serde_json::Value,
    computed: &serde_json::Value,
    found: &mut Vec<Discrepancy>,
) {
    use serde_json::Value;
    match (claimed, computed) {
        (Value::Object(a), Value::Object(b)) => {
            for (k, va) in a {
                let p = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                compare(&p, va, b.get(k).unwrap_or(&Value::Null), found);
            }
            for (k, vb) in b {
                if !a.contains_key(k) {
                    compare(&format!("{path}.{k}"), &Value::Null, vb, found);
                }
            }
        }
        (Value::Array(a), Value::Array(b)) => {
            for (i, (va, vb)) in a.iter().zip(b).enumerate() {
                compare(&format!("{path}[{i}]"), va, vb, found);
            }
            if a.len() != b.len() {
                found.push(Discrepancy::Count {
                    path: format!("{path}.length"),
                    claimed: a.len().to_string(),
                    computed: b.len().to_string(),
                });
            }
        }
        (a, b) if a != b => found.push(Discrepancy::Count {
            path: path.into(),
            claimed: a.to_string(),
            computed: b.to_string(),
        }),
        _ => {}
    }
}

/// What a file claims at its end: its outcomes, its fingerprint and its minutes code (hex).
pub(super) struct Claimed<'a> {
    pub(super) outcomes: &'a [OutcomeDto],
    pub(super) fingerprint: &'a str,
    pub(super) minutes_code: &'a str,
}

/// The end of verification, the same for an audit bundle and a public summary
/// (docs/bundle-format.md §Verifying): the outcomes decided again from the tally under the rule
/// and compared with the claimed ones, then the fingerprint and the minutes code over what the
/// minutes state (`stated`: the tally as the file writes it); the file is refused with every
/// discrepancy `found`, on the way here or now. Gives the outcomes and the recomputed minutes
/// code.
pub(super) fn finish_verify(
    claimed: Claimed<'_>,
    poll: &Poll,
    (tally, stated): (&Tally, &TallyDto),
    (electorate, minutes): (&Electorate, &Minutes),
    computed_fp: BoxFingerprint,
    mut found: Vec<Discrepancy>,
) -> Result<(Vec<Outcome>, MinutesCode), VerifyError> {
    let outcomes = match decide(poll, tally, electorate) {
        Ok(o) => o,
        Err(e) => {
            found.push(Discrepancy::Electorate(e));
            Vec::new()
        }
    };
    let computed_outcomes: Vec<OutcomeDto> = outcomes.iter().map(outcome_dto).collect();
    // Equal lists have no differing leaf, so the path-by-path comparison is needed only when
    // they differ.
    if claimed.outcomes != computed_outcomes {
        compare(
            "outcomes",
            &to_value(&claimed.outcomes),
            &to_value(&computed_outcomes),
            &mut found,
        );
    }
    let computed_code = check_fingerprint_and_code(
        (claimed.fingerprint, claimed.minutes_code),
        poll,
        computed_fp,
        (electorate, minutes),
        (stated, &computed_outcomes),
        &mut found,
    )?;
    if !found.is_empty() {
        return Err(VerifyError::Mismatch(found));
    }
    Ok((outcomes, computed_code))
}

/// Reads the poll embedded in a bundle and refuses any spelling but the one `Poll::to_json`
/// writes (docs/poll-format.md §Canonical form): the same poll written with and without a
/// default (a multiple item's `min`, a text item's `max_len`) would otherwise be two files of
/// one poll hash.
pub(super) fn poll_of(dto: crate::poll::dto::PollDto) -> Result<Poll, BundleError> {
    let given = to_value(&dto);
    let poll = Poll::try_from(dto).map_err(BundleError::Poll)?;
    let canonical = to_value(&poll.to_dto());
    if given != canonical {
        let mut found = Vec::new();
        compare("", &given, &canonical, &mut found);
        let (path, detail) = match found.first() {
            Some(Discrepancy::Count {
                path,
                claimed,
                computed,
            }) => (
                path.trim_end_matches(".length").to_owned(),
                format!("{claimed} where the canonical form has {computed}"),
            ),
            _ => (String::new(), String::new()),
        };
        return Err(BundleError::PollSpelling { path, detail });
    }
    Ok(poll)
}
