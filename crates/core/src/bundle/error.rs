//! What a reader of a bundle is told: `BundleError` when the file is not a well-formed bundle at
//! all, `Discrepancy` for each claim that does not hold, `VerifyError` for either, each with its
//! message in Vietnamese and English.

use crate::ballot::BallotCommitment;
use crate::ballot::BallotError;
use crate::ballot_box::BoxFingerprint;
use crate::i18n::bundle_words;
use crate::lang::Lang;
use crate::minutes::MinutesError;
use crate::poll::{PollError, PollHash};
use crate::rule::OutcomeError;

use super::minutes_code::MinutesCode;

/// Why a file is not a well-formed bundle at all (before any recomputation).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BundleError {
    #[error("{}", self.message(Lang::En))]
    Json {
        path: String,
        line: usize,
        column: usize,
        detail: String,
    },
    #[error("{}", self.message(Lang::En))]
    NotCanonical { offset: usize, line: usize },
    #[error("{}", self.message(Lang::En))]
    Format {
        expected: &'static str,
        found: String,
    },
    #[error("{}", self.message(Lang::En))]
    Version { found: u64 },
    #[error("{}", self.message(Lang::En))]
    PollSpelling { path: String, detail: String },
    #[error("{}", self.message(Lang::En))]
    Inconsistent { path: String, detail: String },
    #[error("poll.{0}")]
    Poll(PollError),
    #[error("{}", self.message(Lang::En))]
    Hex {
        path: String,
        found: String,
        bytes: usize,
    },
    #[error("{0}")]
    Electorate(OutcomeError),
    #[error("{0}")]
    Minutes(MinutesError),
    #[error("{}", self.message(Lang::En))]
    Answer { path: String },
    #[error("{}", self.message(Lang::En))]
    TallyShape { path: String },
    /// The counts of the items voted by hands or on paper do not hold (`crate::counted`).
    #[error("{0}")]
    Counted(crate::counted::CountedError),
}

impl BundleError {
    pub fn path(&self) -> String {
        match self {
            BundleError::Json { path, .. }
            | BundleError::Hex { path, .. }
            | BundleError::Answer { path }
            | BundleError::TallyShape { path } => path.clone(),
            BundleError::NotCanonical { .. } => String::new(),
            BundleError::Format { .. } => "format".into(),
            BundleError::Version { .. } => "version".into(),
            BundleError::PollSpelling { path, .. } => format!("poll.{path}"),
            BundleError::Inconsistent { path, .. } => path.clone(),
            BundleError::Poll(e) if e.path().is_empty() => "poll".into(),
            BundleError::Poll(e) => format!("poll.{}", e.path()),
            BundleError::Electorate(e) => e.path().into(),
            BundleError::Minutes(e) => e.path(),
            BundleError::Counted(e) => e.path(),
        }
    }

    pub fn message(&self, lang: Lang) -> String {
        let w = bundle_words(lang);
        match self {
            BundleError::Json {
                path,
                line,
                column,
                detail,
            } => w.json(path, line, column, detail),
            BundleError::NotCanonical { offset, line } => w.not_canonical(offset, line),
            BundleError::Format { expected, found } => {
                w.format(format!("{expected:?}"), format!("{found:?}"))
            }
            BundleError::Version { found: 1 } => w.version_1.into(),
            BundleError::Version { found } => w.version(found),
            BundleError::PollSpelling { path, detail } => w.poll_spelling(path, detail),
            BundleError::Inconsistent { path, detail } => w.inconsistent(path, detail),
            BundleError::Poll(e) if e.path().is_empty() => format!("poll: {}", e.message(lang)),
            BundleError::Poll(e) => format!("poll.{}", e.message(lang)),
            BundleError::Hex { path, found, bytes } => w.hex(path, format!("{found:?}"), bytes),
            BundleError::Electorate(e) => e.message(lang),
            BundleError::Minutes(e) => e.message(lang),
            BundleError::Counted(e) => e.message(lang),
            BundleError::Answer { path } => w.answer(path),
            BundleError::TallyShape { path } => w.tally_shape(path),
        }
    }
}

impl BundleError {
    /// What an officer or auditor reads when a file cannot be read as a bundle: a sentence
    /// without the field path (issue 22: "keep paths for --json and logs only"), which
    /// [`BundleError::message`] and [`BundleError::path`] keep.
    pub fn plain_message(&self, lang: Lang) -> String {
        let w = bundle_words(lang);
        let altered = w.altered;
        match self {
            BundleError::Json { line, column, .. } => w.plain_json(line, column, altered),
            BundleError::NotCanonical { line, .. } => w.plain_not_canonical(line, altered),
            BundleError::Format { .. } => w.plain_format.into(),
            BundleError::Version { .. } => crate::lang::without_path(&self.message(lang)),
            BundleError::PollSpelling { .. } | BundleError::Poll(_) => w.plain_poll(altered),
            BundleError::Inconsistent { .. } => w.plain_inconsistent(altered),
            BundleError::Hex { .. } => w.plain_hex(altered),
            BundleError::Electorate(e) => e.plain_message(lang),
            BundleError::Minutes(e) => crate::lang::without_path(&e.message(lang)),
            BundleError::Counted(e) => crate::lang::without_path(&e.message(lang)),
            BundleError::Answer { .. } => w.plain_answer(altered),
            BundleError::TallyShape { .. } => w.plain_tally_shape(altered),
        }
    }
}

impl VerifyError {
    /// Every message for people in `lang`, one per line, without field paths.
    pub fn plain_message(&self, lang: Lang) -> String {
        match self {
            VerifyError::Parse(e) => e.plain_message(lang),
            VerifyError::Mismatch(list) => list
                .iter()
                .map(|d| d.plain_message(lang))
                .collect::<Vec<_>>()
                .join("\n"),
        }
    }
}

/// One thing a bundle claims that its own contents do not bear out.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Discrepancy {
    #[error("{}", self.message(Lang::En))]
    PollHash { claimed: String, computed: PollHash },
    #[error("{}", self.message(Lang::En))]
    InvalidBallot { index: usize, error: BallotError },
    #[error("{}", self.message(Lang::En))]
    Commitment {
        index: usize,
        claimed: BallotCommitment,
        computed: BallotCommitment,
    },
    #[error("{}", self.message(Lang::En))]
    Order { path: String },
    #[error("{0}")]
    Electorate(OutcomeError),
    #[error("{}", self.message(Lang::En))]
    Fingerprint {
        claimed: BoxFingerprint,
        computed: BoxFingerprint,
    },
    #[error("{}", self.message(Lang::En))]
    MinutesCode {
        claimed: MinutesCode,
        computed: MinutesCode,
    },
    #[error("{}", self.message(Lang::En))]
    Count {
        path: String,
        claimed: String,
        computed: String,
    },
    #[error("{}", self.message(Lang::En))]
    Issued { issued: u64, returned: u64 },
}

impl Discrepancy {
    pub fn path(&self) -> String {
        match self {
            Discrepancy::PollHash { .. } => "poll_hash".into(),
            Discrepancy::InvalidBallot { index, error } => {
                format!("ballots[{index}].{}", error.path())
            }
            Discrepancy::Commitment { index, .. } => format!("ballots[{index}].commitment"),
            Discrepancy::Order { path } | Discrepancy::Count { path, .. } => path.clone(),
            Discrepancy::Electorate(e) => e.path().into(),
            Discrepancy::Fingerprint { .. } => "fingerprint".into(),
            Discrepancy::MinutesCode { .. } => "minutes_code".into(),
            Discrepancy::Issued { .. } => "minutes.ballots_issued".into(),
        }
    }

    pub fn message(&self, lang: Lang) -> String {
        let w = bundle_words(lang);
        match self {
            Discrepancy::PollHash { claimed, computed } => w.poll_hash(claimed, computed),
            Discrepancy::InvalidBallot { index, error } => {
                w.invalid_ballot(index, error.message(lang))
            }
            Discrepancy::Commitment {
                index,
                claimed,
                computed,
            } => w.commitment(index, claimed, computed),
            Discrepancy::Order { path } => w.order(path),
            Discrepancy::Electorate(e) => e.message(lang),
            Discrepancy::Fingerprint { claimed, computed } => w.fingerprint(claimed, computed),
            Discrepancy::MinutesCode { claimed, computed } => w.minutes_code(claimed, computed),
            Discrepancy::Count {
                path,
                claimed,
                computed,
            } => w.count(path, claimed, computed),
            Discrepancy::Issued { issued, returned } => w.issued(issued, returned),
        }
    }
}

impl Discrepancy {
    /// What an officer or auditor reads on the verify page, in `lang`: a plain sentence that
    /// names the ballot, question, option or result by its number, never a field path (issue
    /// 22, item 1). The paths stay in [`Discrepancy::message`] and [`Discrepancy::path`], for
    /// `--json` and logs. A file that did not verify has no trusted poll, so questions are
    /// named by number.
    pub fn plain_message(&self, lang: Lang) -> String {
        let w = bundle_words(lang);
        match self {
            Discrepancy::PollHash { .. } => w.plain_poll_hash.into(),
            Discrepancy::InvalidBallot { index, error } => w.plain_invalid_ballot(
                index + 1,
                crate::ballot::lower_first(&error.plain(lang, None)),
            ),
            Discrepancy::Commitment { index, .. } => w.plain_commitment(index + 1),
            Discrepancy::Order { .. } => w.plain_order.into(),
            Discrepancy::Electorate(e) => e.plain_message(lang),
            Discrepancy::Fingerprint { claimed, computed } => {
                w.plain_fingerprint(claimed.short(), computed.short())
            }
            Discrepancy::MinutesCode { claimed, computed } => {
                w.plain_minutes_code(claimed.short(), computed.short())
            }
            Discrepancy::Count {
                path,
                claimed,
                computed,
            } => w.plain_count(count_in_words(path, lang), claimed, computed),
            Discrepancy::Issued { issued, returned } => w.plain_issued(issued, returned),
        }
    }
}

/// The number or words a [`Discrepancy::Count`] path points at, named for people: "Câu 1, lựa
/// chọn 2: số phiếu" for `tally.items[0].options[1].count`.
pub(super) fn count_in_words(path: &str, lang: Lang) -> String {
    // The indexes along the path, in order: `outcomes[0].of` gives [0].
    let numbers: Vec<usize> = path
        .split('[')
        .skip(1)
        .filter_map(|s| s.split(']').next()?.parse::<usize>().ok())
        .map(|n| n + 1)
        .collect();
    let last = path.rsplit(['.', ']']).next().unwrap_or("");
    let item = numbers.first().copied().unwrap_or(0);
    let w = bundle_words(lang);
    if path == "tally.ballots" {
        return w.count_ballots.into();
    }
    if path == "tally.blank_ballots" {
        return w.count_blank_ballots.into();
    }
    if path.starts_with("tally.items[") {
        if path.contains(".options[") {
            let option = numbers.get(1).copied().unwrap_or(0);
            return w.count_option(item, option);
        }
        let part = match last {
            "blank" => w.count_part_blank,
            _ if path.contains(".free_text") => w.count_part_free_text,
            _ if path.contains(".mean") => w.count_part_mean,
            _ => w.count_part_result,
        };
        return w.count_item(item, part);
    }
    if path.starts_with("outcomes[") {
        let part = match last {
            "of" => w.outcome_part_of,
            "count" => w.outcome_part_count,
            "result" => w.outcome_part_result,
            "option" => w.outcome_part_option,
            "sentence_vi" | "sentence_en" => w.outcome_part_sentence,
            _ => w.outcome_part_other,
        };
        return w.count_outcome(item, part);
    }
    if path.starts_with("outcomes") {
        return w.count_outcomes.into();
    }
    w.count_other.into()
}

/// Why verification failed: the file could not be read, or it could and its claims do not hold.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum VerifyError {
    #[error("{0}")]
    Parse(BundleError),
    #[error("{} discrepancies, the first: {}", .0.len(), .0.first().map(ToString::to_string).unwrap_or_default())]
    Mismatch(Vec<Discrepancy>),
}

impl VerifyError {
    /// Every message in `lang`, one per line.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            VerifyError::Parse(e) => e.message(lang),
            VerifyError::Mismatch(list) => list
                .iter()
                .map(|d| d.message(lang))
                .collect::<Vec<_>>()
                .join("\n"),
        }
    }

    /// The discrepancies found, empty for a parse error.
    pub fn discrepancies(&self) -> &[Discrepancy] {
        match self {
            VerifyError::Parse(_) => &[],
            VerifyError::Mismatch(list) => list,
        }
    }
}

impl From<BundleError> for VerifyError {
    fn from(e: BundleError) -> VerifyError {
        VerifyError::Parse(e)
    }
}
