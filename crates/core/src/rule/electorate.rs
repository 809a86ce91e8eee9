//! The electorate, the stated denominator of every share (households, delegates or those
//! convened, and how many are present), how the ballots were collected, and why an electorate or
//! an outcome cannot be computed.

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
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OutcomeError {
    #[error("electorate.total: the electorate must be at least 1")]
    Empty,
    #[error("electorate.present: {present} present is more than the electorate of {total}")]
    PresentExceedsTotal { present: u64, total: u64 },
    #[error("electorate.total: {ballots} ballots cast is more than the electorate of {total}")]
    BallotsExceedTotal { ballots: u64, total: u64 },
    #[error("electorate.present: {ballots} ballots cast is more than the {present} present")]
    BallotsExceedPresent { ballots: u64, present: u64 },
    #[error("electorate.present: rule {preset:?} needs the number present")]
    PresentRequired { preset: &'static str },
    #[error("tally.poll_hash: the tally is for poll {found}, not for poll {expected}")]
    WrongPoll { expected: PollHash, found: PollHash },
    #[error("electorate.method: forms handed to households collect a village's decision or election, not a {kind}")]
    FormsNotForThisPoll { kind: &'static str },
    #[error("electorate.method: {found:?} is not a method (only \"household_forms\", or none for a meeting)")]
    UnknownMethod { found: String },
    #[error("electorate.present: forms handed to households have no one present, {present} given")]
    PresentWithForms { present: u64 },
    /// The counts of the items voted by hands or on paper (`crate::counted`) do not hold.
    #[error("{0}")]
    Counted(crate::counted::CountedError),
}

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
        let vi = match self {
            E::Empty => "electorate.total: tổng số cử tri phải ít nhất là 1".to_owned(),
            E::PresentExceedsTotal { present, total } => {
                format!("electorate.present: số có mặt {present} lớn hơn tổng số {total}")
            }
            E::BallotsExceedTotal { ballots, total } => {
                format!("electorate.total: số phiếu {ballots} lớn hơn tổng số cử tri {total}")
            }
            E::BallotsExceedPresent { ballots, present } => {
                format!("electorate.present: số phiếu {ballots} lớn hơn số có mặt {present}")
            }
            E::PresentRequired { preset } => {
                format!("electorate.present: quy tắc {preset:?} cần số người có mặt")
            }
            E::WrongPoll { expected, found } => format!(
                "tally.poll_hash: kết quả thuộc cuộc lấy ý kiến {found}, không phải {expected}"
            ),
            E::FormsNotForThisPoll { kind } => format!(
                "electorate.method: phát phiếu lấy ý kiến tới hộ gia đình chỉ dùng cho việc quyết định hoặc bầu cử của thôn, không dùng cho loại {kind}"
            ),
            E::UnknownMethod { found } => format!(
                "electorate.method: {found:?} không phải cách lấy ý kiến (chỉ có \"household_forms\", hoặc để trống khi họp)"
            ),
            E::PresentWithForms { present } => format!(
                "electorate.present: phát phiếu tới hộ gia đình thì không có số người có mặt, nhưng tệp ghi {present}"
            ),
            E::Counted(e) => return e.message(lang),
        };
        lang.pick(vi, self.to_string())
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
                lang.pick(
                    format!(
                        "Quy tắc «{rule}» tính trên số người có mặt: hãy nhập số người có mặt."
                    ),
                    format!(
                        "The rule “{rule}” is counted on those present: enter the number present."
                    ),
                )
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
