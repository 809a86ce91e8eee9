//! The electorate and the legal rules: given a poll, its tally and the electorate the officer
//! entered, decide each decided item under the poll's preset (domain brief, "Rule presets") in
//! integer arithmetic against the stated denominator, and say so in a Vietnamese and an English
//! sentence that cites the article applied. Shares over 100% cannot happen: more ballots than
//! electors is an error, not a result.

use crate::lang::Lang;
use crate::poll::{
    ItemKind, Poll, PollHash, PollKind, Preset, AGREE, LOW_CONFIDENCE, NO_CONFIDENCE,
};
use crate::tally::{Share, Tally};

/// The denominator of a poll: total households (village polls, L 18.2), total delegates
/// (confidence votes, L87 63-64) or those convened (conferences, L 51, L 69), and optionally
/// how many are present.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Electorate {
    total: u64,
    present: Option<u64>,
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
}

impl OutcomeError {
    pub fn path(&self) -> &'static str {
        match self {
            OutcomeError::Empty | OutcomeError::BallotsExceedTotal { .. } => "electorate.total",
            OutcomeError::PresentExceedsTotal { .. }
            | OutcomeError::BallotsExceedPresent { .. }
            | OutcomeError::PresentRequired { .. } => "electorate.present",
            OutcomeError::WrongPoll { .. } => "tally.poll_hash",
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
        };
        lang.pick(vi, self.to_string())
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
        Ok(Electorate { total, present })
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

/// agree × 3 ≥ total × 2 (L 15.1-2, L 21.1), in u128 so that no count can overflow.
pub fn at_least_two_thirds(count: u64, total: u64) -> bool {
    u128::from(count) * 3 >= u128::from(total) * 2
}

/// count × 2 > total (L 15.3-6, D59 3.5d, L87 64.3).
pub fn more_than_half(count: u64, total: u64) -> bool {
    u128::from(count) * 2 > u128::from(total)
}

/// The smallest count that is at least two-thirds of `total`.
fn two_thirds_min(total: u64) -> u64 {
    u64::try_from((u128::from(total) * 2).div_ceil(3)).unwrap_or(u64::MAX)
}

/// The smallest count that is more than half of `total`.
fn majority_min(total: u64) -> u64 {
    total / 2 + 1
}

/// How a confidence rating came out (R96 3, L87 63).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RatingLevel {
    /// Not more than half rated low confidence.
    NotMoreThanHalfLow,
    /// More than half rated low: the official may resign, else a confidence vote follows.
    MoreThanHalfLow,
    /// At least two-thirds rated low: dismissal is proposed.
    TwoThirdsLow,
}

/// The decision on one item.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Decision {
    /// A count against a threshold (two_thirds_households, majority_households,
    /// majority_present, conference): `of` is the denominator the preset names.
    Threshold {
        preset: Preset,
        agree: u64,
        of: u64,
        passed: bool,
    },
    /// A conference without two-thirds of those convened present decides nothing (L 51, L 69).
    Inquorate { present: u64, convened: u64 },
    /// A candidate won more than half of all households (D59 3.5d).
    Elected {
        option: String,
        name: String,
        votes: u64,
        of: u64,
    },
    /// No candidate reached more than half of all households: the commune decides on a re-run
    /// (D59 3.5d).
    NoMajority { best: u64, of: u64 },
    /// A confidence rating of one official (R96 3, L87 63).
    Rating {
        name: String,
        low: u64,
        of: u64,
        level: RatingLevel,
    },
    /// A confidence vote on one official (R96, L87 64.3).
    ConfidenceVote {
        name: String,
        no_confidence: u64,
        of: u64,
        dismissed: bool,
    },
    /// A survey target (practice): `count` × `denominator` ≥ `of` × `numerator`.
    Target {
        count: u64,
        of: u64,
        numerator: u64,
        denominator: u64,
        met: bool,
    },
}

/// The outcome of one item: which item, and the decision.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Outcome {
    item: String,
    decision: Decision,
}

impl Outcome {
    pub fn item(&self) -> &str {
        &self.item
    }

    pub fn decision(&self) -> &Decision {
        &self.decision
    }

    /// A short machine name of the result, as in the bundle's `outcomes[].result`.
    pub fn result(&self) -> &'static str {
        match &self.decision {
            Decision::Threshold { passed: true, .. } => "passed",
            Decision::Threshold { passed: false, .. } => "failed",
            Decision::Inquorate { .. } => "inquorate",
            Decision::Elected { .. } => "elected",
            Decision::NoMajority { .. } => "no_majority",
            Decision::Rating { level, .. } => match level {
                RatingLevel::NotMoreThanHalfLow => "not_more_than_half_low",
                RatingLevel::MoreThanHalfLow => "more_than_half_low",
                RatingLevel::TwoThirdsLow => "two_thirds_low",
            },
            Decision::ConfidenceVote {
                dismissed: true, ..
            } => "dismissed",
            Decision::ConfidenceVote {
                dismissed: false, ..
            } => "not_dismissed",
            Decision::Target { met: true, .. } => "target_met",
            Decision::Target { met: false, .. } => "target_missed",
        }
    }

    /// Whether a decision passed, a candidate was elected or a target was met. Ratings and
    /// confidence votes are judged on their own terms (`result`), not as passing.
    pub fn passed(&self) -> bool {
        matches!(self.result(), "passed" | "elected" | "target_met")
    }

    /// The sentence for the minutes, citing the article applied, e.g.
    /// "Đạt: 67/100 hộ đồng ý (≥ 2/3 tổng số hộ, Điều 15 Luật 10/2022/QH15)".
    pub fn sentence(&self, lang: Lang) -> String {
        const L15_VI: &str = "Điều 15 Luật 10/2022/QH15";
        const L15_EN: &str = "Article 15, Law 10/2022/QH15";
        const D59_VI: &str = "khoản 5 Điều 3 Nghị định 59/2023/NĐ-CP";
        const D59_EN: &str = "Article 3.5, Decree 59/2023/ND-CP";
        const D59D_VI: &str = "điểm d khoản 5 Điều 3 Nghị định 59/2023/NĐ-CP";
        const D59D_EN: &str = "Article 3.5(d), Decree 59/2023/ND-CP";
        const CONF_VI: &str = "Điều 51 và Điều 69 Luật 10/2022/QH15";
        const CONF_EN: &str = "Articles 51 and 69, Law 10/2022/QH15";
        const R96_VI: &str = "Điều 3 Nghị quyết 96/2023/QH15, Điều 63 Luật 87/2015/QH13";
        const R96_EN: &str = "Article 3, Resolution 96/2023/QH15; Article 63, Law 87/2015/QH13";
        const L87_VI: &str = "khoản 3 Điều 64 Luật 87/2015/QH13, Nghị quyết 96/2023/QH15";
        const L87_EN: &str = "Article 64.3, Law 87/2015/QH13; Resolution 96/2023/QH15";
        match (&self.decision, lang) {
            (Decision::Threshold { preset, agree, of, passed }, _) => {
                let (unit_vi, unit_en, rule_vi, rule_en, need, law_vi, law_en) = match preset {
                    Preset::TwoThirdsHouseholds => (
                        "hộ", "households", "≥ 2/3 tổng số hộ", "≥ 2/3 of all households",
                        two_thirds_min(*of), L15_VI, L15_EN,
                    ),
                    Preset::MajorityPresent => (
                        "người có mặt", "of those present", "> 1/2 số người có mặt",
                        "> 1/2 of those present", majority_min(*of), D59_VI, D59_EN,
                    ),
                    Preset::Conference => (
                        "người dự hội nghị", "attendees", "> 1/2 số người dự hội nghị",
                        "> 1/2 of attendees", majority_min(*of), CONF_VI, CONF_EN,
                    ),
                    _ => (
                        "hộ", "households", "> 1/2 tổng số hộ", "> 1/2 of all households",
                        majority_min(*of), L15_VI, L15_EN,
                    ),
                };
                match (lang, passed) {
                    (Lang::Vi, true) => format!("Đạt: {agree}/{of} {unit_vi} đồng ý ({rule_vi}, {law_vi})"),
                    (Lang::Vi, false) => format!(
                        "Không đạt: {agree}/{of} {unit_vi} đồng ý (cần {rule_vi}, tức ít nhất {need}, {law_vi})"
                    ),
                    (Lang::En, true) => format!("Passed: {agree}/{of} {unit_en} agree ({rule_en}, {law_en})"),
                    (Lang::En, false) => format!(
                        "Not passed: {agree}/{of} {unit_en} agree (needs {rule_en}, at least {need}, {law_en})"
                    ),
                }
            }
            (Decision::Inquorate { present, convened }, Lang::Vi) => format!(
                "Hội nghị không hợp lệ: {present}/{convened} người được triệu tập có mặt (cần ≥ 2/3, tức ít nhất {}, {CONF_VI})",
                two_thirds_min(*convened)
            ),
            (Decision::Inquorate { present, convened }, Lang::En) => format!(
                "Conference not valid: {present}/{convened} of those convened attended (needs ≥ 2/3, at least {}, {CONF_EN})",
                two_thirds_min(*convened)
            ),
            (Decision::Elected { name, votes, of, .. }, Lang::Vi) => format!(
                "Trúng cử: {name}, {votes}/{of} hộ bầu (> 1/2 tổng số hộ, {D59D_VI})"
            ),
            (Decision::Elected { name, votes, of, .. }, Lang::En) => format!(
                "Elected: {name}, {votes}/{of} households (> 1/2 of all households, {D59D_EN})"
            ),
            (Decision::NoMajority { best, of }, Lang::Vi) => format!(
                "Không có người nào được quá 1/2 tổng số hộ bầu (cao nhất {best}/{of} hộ); Ủy ban nhân dân xã quyết định bầu lại ({D59D_VI})"
            ),
            (Decision::NoMajority { best, of }, Lang::En) => format!(
                "No candidate reached more than half of all households (highest {best}/{of}); the commune People's Committee decides on a new election ({D59D_EN})"
            ),
            (Decision::Rating { name, low, of, level }, Lang::Vi) => {
                let what = match level {
                    RatingLevel::NotMoreThanHalfLow => "không quá 1/2",
                    RatingLevel::MoreThanHalfLow => "quá 1/2: có thể xin từ chức, nếu không sẽ bỏ phiếu tín nhiệm",
                    RatingLevel::TwoThirdsLow => "từ 2/3 trở lên: trình miễn nhiệm hoặc bãi nhiệm",
                };
                format!("{name}: {low}/{of} đại biểu đánh giá tín nhiệm thấp, {what} ({R96_VI})")
            }
            (Decision::Rating { name, low, of, level }, Lang::En) => {
                let what = match level {
                    RatingLevel::NotMoreThanHalfLow => "not more than half",
                    RatingLevel::MoreThanHalfLow => "more than half: may resign, otherwise a confidence vote follows",
                    RatingLevel::TwoThirdsLow => "two-thirds or more: dismissal is proposed",
                };
                format!("{name}: {low}/{of} delegates rated low confidence, {what} ({R96_EN})")
            }
            (Decision::ConfidenceVote { name, no_confidence, of, dismissed }, Lang::Vi) => {
                let what = if *dismissed {
                    "quá 1/2 tổng số đại biểu: trình miễn nhiệm hoặc bãi nhiệm"
                } else {
                    "không quá 1/2 tổng số đại biểu"
                };
                format!("{name}: {no_confidence}/{of} đại biểu không tín nhiệm, {what} ({L87_VI})")
            }
            (Decision::ConfidenceVote { name, no_confidence, of, dismissed }, Lang::En) => {
                let what = if *dismissed {
                    "more than half of all delegates: dismissal is proposed"
                } else {
                    "not more than half of all delegates"
                };
                format!("{name}: {no_confidence}/{of} delegates voted no confidence, {what} ({L87_EN})")
            }
            (Decision::Target { count, of, numerator, denominator, met }, Lang::Vi) => format!(
                "{}: {count}/{of} (chỉ tiêu ≥ {numerator}/{denominator} tổng số)",
                if *met { "Đạt chỉ tiêu" } else { "Chưa đạt chỉ tiêu" }
            ),
            (Decision::Target { count, of, numerator, denominator, met }, Lang::En) => format!(
                "{}: {count}/{of} (target ≥ {numerator}/{denominator} of the total)",
                if *met { "Target met" } else { "Target not met" }
            ),
        }
    }
}

/// Decides every decided item of `poll` (docs/poll-format.md §Kinds) from `tally` against
/// `electorate`. A survey without a target has no outcomes.
pub fn decide(
    poll: &Poll,
    tally: &Tally,
    electorate: &Electorate,
) -> Result<Vec<Outcome>, OutcomeError> {
    if tally.poll_hash() != poll.hash() {
        return Err(OutcomeError::WrongPoll {
            expected: poll.hash(),
            found: tally.poll_hash(),
        });
    }
    electorate.admits(tally.ballots())?;
    let preset = poll.rule().preset();
    let total = electorate.total();
    let present = || {
        electorate.present().ok_or(OutcomeError::PresentRequired {
            preset: preset.name(),
        })
    };
    let count_of = |index: usize, option: &str| {
        let o = poll.items()[index].option_index(option);
        o.and_then(|o| tally.items().get(index)?.counts().get(o).copied())
            .unwrap_or(0)
    };
    let mut outcomes = Vec::new();
    if let Some(target) = poll.rule().target() {
        let index = poll.items().iter().position(|i| i.id() == target.item());
        if let Some(index) = index {
            let count: u64 = target.options().iter().map(|o| count_of(index, o)).sum();
            let met = u128::from(count) * u128::from(target.denominator())
                >= u128::from(total) * u128::from(target.numerator());
            outcomes.push(Outcome {
                item: target.item().to_owned(),
                decision: Decision::Target {
                    count,
                    of: total,
                    numerator: target.numerator(),
                    denominator: target.denominator(),
                    met,
                },
            });
        }
    }
    for (index, item) in poll.decided_items() {
        let person = || {
            item.person()
                .map(|p| p.name().to_owned())
                .unwrap_or_default()
        };
        let decision = match (poll.kind(), preset) {
            (PollKind::Election, _) => {
                let ItemKind::Single { options } = item.kind() else {
                    continue;
                };
                let single = item.option_index(AGREE).is_some();
                let counts = tally.items().get(index).map(|t| t.counts()).unwrap_or(&[]);
                let best = counts.iter().copied().max().unwrap_or(0);
                // With one candidate only "Đồng ý" elects; otherwise the top candidate does.
                // Two candidates cannot both have more than half, so the winner is unique.
                let winner = if single {
                    let agree = count_of(index, AGREE);
                    more_than_half(agree, total).then(|| (AGREE.to_owned(), person(), agree))
                } else {
                    options
                        .iter()
                        .zip(counts)
                        .find(|(_, n)| more_than_half(**n, total))
                        .map(|(c, n)| (c.id().to_owned(), c.label().vi().to_owned(), *n))
                };
                match winner {
                    Some((option, name, votes)) => Decision::Elected {
                        option,
                        name,
                        votes,
                        of: total,
                    },
                    None => Decision::NoMajority {
                        best: if single { count_of(index, AGREE) } else { best },
                        of: total,
                    },
                }
            }
            (_, Preset::TwoThirdsHouseholds) => {
                let agree = count_of(index, AGREE);
                Decision::Threshold {
                    preset,
                    agree,
                    of: total,
                    passed: at_least_two_thirds(agree, total),
                }
            }
            (_, Preset::MajorityHouseholds) => {
                let agree = count_of(index, AGREE);
                Decision::Threshold {
                    preset,
                    agree,
                    of: total,
                    passed: more_than_half(agree, total),
                }
            }
            (_, Preset::MajorityPresent) => {
                let agree = count_of(index, AGREE);
                let present = present()?;
                Decision::Threshold {
                    preset,
                    agree,
                    of: present,
                    passed: more_than_half(agree, present),
                }
            }
            (_, Preset::Conference) => {
                let present = present()?;
                if at_least_two_thirds(present, total) {
                    let agree = count_of(index, AGREE);
                    Decision::Threshold {
                        preset,
                        agree,
                        of: present,
                        passed: more_than_half(agree, present),
                    }
                } else {
                    Decision::Inquorate {
                        present,
                        convened: total,
                    }
                }
            }
            (_, Preset::ConfidenceRating) => {
                let low = count_of(index, LOW_CONFIDENCE);
                let level = if at_least_two_thirds(low, total) {
                    RatingLevel::TwoThirdsLow
                } else if more_than_half(low, total) {
                    RatingLevel::MoreThanHalfLow
                } else {
                    RatingLevel::NotMoreThanHalfLow
                };
                Decision::Rating {
                    name: person(),
                    low,
                    of: total,
                    level,
                }
            }
            (_, Preset::ConfidenceVote) => {
                let no_confidence = count_of(index, NO_CONFIDENCE);
                Decision::ConfidenceVote {
                    name: person(),
                    no_confidence,
                    of: total,
                    dismissed: more_than_half(no_confidence, total),
                }
            }
            (_, Preset::None) => continue,
        };
        outcomes.push(Outcome {
            item: item.id().to_owned(),
            decision,
        });
    }
    Ok(outcomes)
}
