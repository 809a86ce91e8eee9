//! The electorate, the stated denominator of every share (households, delegates or those
//! convened, and how many are present), how the ballots were collected, and why an electorate or
//! an outcome cannot be computed.

use crate::i18n::rule_words;
use crate::lang::Lang;
use crate::poll::PollHash;
use crate::tally::Share;

/// The denominator of a poll: total households (village polls, L 18.2), total delegates
/// (confidence votes, L87 63-64) or those convened (conferences, L 51, L 69), and optionally
/// how many are present; and how the ballots were collected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Electorate {
    total: u64,
    present: Option<u64>,
    method: Method,
}

/// How the ballots of a poll were collected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Method {
    /// At a meeting (or a conference, or a session): the quorum rules apply to those present.
    #[default]
    Meeting,
    /// By opinion forms handed to every household and collected over several days, when a
    /// village meeting cannot be held or the commune chooses it (domain brief, "Quorum, and
    /// voting by form"). No one is "present", so no quorum applies; every share is still of
    /// the total households.
    HouseholdForms,
}

impl Method {
    /// The JSON name of a method that is not a meeting; a meeting is written as no field.
    pub const HOUSEHOLD_FORMS: &'static str = "household_forms";
}

/// Why an electorate or an outcome cannot be computed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OutcomeError {
    Empty,
    PresentExceedsTotal {
        present: u64,
        total: u64,
    },
    BallotsExceedTotal {
        ballots: u64,
        total: u64,
    },
    BallotsExceedPresent {
        ballots: u64,
        present: u64,
    },
    PresentRequired {
        preset: &'static str,
    },
    WrongPoll {
        expected: PollHash,
        found: PollHash,
    },
    FormsNotForThisPoll {
        kind: &'static str,
    },
    UnknownMethod {
        found: String,
    },
    PresentWithForms {
        present: u64,
    },
    /// The counts of the items voted by hands or on paper (`crate::counted`) do not hold.
    Counted(crate::counted::CountedError),
}

/// In English: the message with its field path, for `--json` and logs.
impl std::fmt::Display for OutcomeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for OutcomeError {}

impl OutcomeError {
    pub fn path(&self) -> &'static str {
        match self {
            OutcomeError::Empty | OutcomeError::BallotsExceedTotal { .. } => "electorate.total",
            OutcomeError::PresentExceedsTotal { .. }
            | OutcomeError::BallotsExceedPresent { .. }
            | OutcomeError::PresentRequired { .. } => "electorate.present",
            OutcomeError::WrongPoll { .. } => "tally.poll_hash",
            OutcomeError::FormsNotForThisPoll { .. } | OutcomeError::UnknownMethod { .. } => {
                "electorate.method"
            }
            OutcomeError::PresentWithForms { .. } => "electorate.present",
            OutcomeError::Counted(_) => "minutes.counted",
        }
    }

    pub fn message(&self, lang: Lang) -> String {
        use OutcomeError as E;
        let w = rule_words(lang);
        match self {
            E::Empty => w.empty.into(),
            E::PresentExceedsTotal { present, total } => w.present_exceeds_total(present, total),
            E::BallotsExceedTotal { ballots, total } => w.ballots_exceed_total(ballots, total),
            E::BallotsExceedPresent { ballots, present } => {
                w.ballots_exceed_present(ballots, present)
            }
            E::PresentRequired { preset } => w.present_required(format!("{preset:?}")),
            E::WrongPoll { expected, found } => w.wrong_poll(found, expected),
            E::FormsNotForThisPoll { kind } => w.forms_not_for_this_poll(kind),
            E::UnknownMethod { found } => w.unknown_method(format!("{found:?}")),
            E::PresentWithForms { present } => w.present_with_forms(present),
            E::Counted(e) => e.message(lang),
        }
    }
}

impl OutcomeError {
    /// What an officer reads: the message without its field path, and a rule named in words,
    /// never by its JSON name (`majority_present`; issue 22). [`OutcomeError::message`] keeps
    /// both, for `--json` and logs.
    pub fn plain_message(&self, lang: Lang) -> String {
        match self {
            OutcomeError::PresentRequired { preset } => {
                let rule = crate::poll::Preset::from_name(preset).map_or("", |p| p.words(lang));
                rule_words(lang).enter_present(rule)
            }
            _ => crate::lang::without_path(&self.message(lang)),
        }
    }
}

impl Electorate {
    pub fn new(total: u64, present: Option<u64>) -> Result<Electorate, OutcomeError> {
        if total == 0 {
            return Err(OutcomeError::Empty);
        }
        if let Some(present) = present {
            if present > total {
                return Err(OutcomeError::PresentExceedsTotal { present, total });
            }
        }
        Ok(Electorate {
            total,
            present,
            method: Method::Meeting,
        })
    }

    /// The electorate of opinion forms handed to each of `total` households: no one is present,
    /// the total households stay the denominator.
    pub fn by_household_forms(total: u64) -> Result<Electorate, OutcomeError> {
        Ok(Electorate {
            method: Method::HouseholdForms,
            ..Electorate::new(total, None)?
        })
    }

    /// How the ballots were collected.
    pub fn method(&self) -> Method {
        self.method
    }

    /// Total households, delegates or people convened: the denominator of every share.
    pub fn total(&self) -> u64 {
        self.total
    }

    pub fn present(&self) -> Option<u64> {
        self.present
    }

    /// `count` as a share of the total electorate (domain brief, "the denominator").
    pub fn share(&self, count: u64) -> Share {
        Share::new(count, self.total)
    }

    /// Checks that `ballots` cast fit in this electorate.
    pub fn admits(&self, ballots: u64) -> Result<(), OutcomeError> {
        if ballots > self.total {
            return Err(OutcomeError::BallotsExceedTotal {
                ballots,
                total: self.total,
            });
        }
        if let Some(present) = self.present {
            if ballots > present {
                return Err(OutcomeError::BallotsExceedPresent { ballots, present });
            }
        }
        Ok(())
    }
}
