//! The electorate and the legal rules: given a poll, its tally and the electorate the officer
//! entered, decide each decided item under the poll's preset (domain brief, "Rule presets") in
//! integer arithmetic against the stated denominator, and say so in a Vietnamese and an English
//! sentence that cites the article applied. Shares over 100% cannot happen: more ballots than
//! electors is an error, not a result.

mod electorate;

pub use electorate::{Electorate, Method, OutcomeError};

use crate::lang::Lang;
use crate::poll::{
    ItemKind, Poll, PollKind, Preset, TargetBase, AGREE, LOW_CONFIDENCE, NO_CONFIDENCE,
};
use crate::tally::Tally;

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
    /// A conference without two-thirds of those convened present decides nothing (L 51, L 69.2).
    Inquorate { present: u64, convened: u64 },
    /// A village meeting attended by no more than half of the households' representatives was not
    /// validly held: it decides nothing, and the matter goes to a new meeting or to opinion forms
    /// handed to every household (domain brief, "Quorum"; docs/legal.md §Quorum).
    NotValidlyHeld { present: u64, households: u64 },
    /// A candidate won more than half of all households; a village head then awaits the
    /// commune's recognition (docs/legal.md §Village head).
    Elected {
        option: String,
        name: String,
        votes: u64,
        of: u64,
    },
    /// A member elected to a board with several seats: more than half of all households, and
    /// among the highest up to the seats.
    ElectedToBoard {
        option: String,
        name: String,
        votes: u64,
        of: u64,
    },
    /// No candidate reached more than half of all households: the commune decides on a re-run.
    NoMajority { best: u64, of: u64 },
    /// A board candidate who is not elected: short of more than half of all households, or
    /// behind those elected to every seat.
    NotElected {
        option: String,
        name: String,
        votes: u64,
        of: u64,
    },
    /// Board candidates with more than half of all households who tie for the last seats, more
    /// of them than seats left: nobody of the tie is elected and the minutes say so.
    TiedForLastSeat {
        option: String,
        name: String,
        votes: u64,
        of: u64,
        seats_left: u64,
    },
    /// A board election that filled fewer seats than it has: `elected` of `seats`.
    SeatsUnfilled { elected: u64, seats: u64 },
    /// A confidence rating of one official (R96, L87 63).
    Rating {
        name: String,
        low: u64,
        of: u64,
        level: RatingLevel,
    },
    /// A confidence vote on one official: more than half no confidence leads to a *proposal* to
    /// dismiss, decided by the body that elected the official (R96, L87).
    ConfidenceVote {
        name: String,
        no_confidence: u64,
        of: u64,
        dismissal_proposed: bool,
    },
    /// A survey target (practice): `count` × `denominator` ≥ `of` × `numerator`, where `of` is
    /// the electorate or the ballots collected (`base`).
    Target {
        count: u64,
        of: u64,
        numerator: u64,
        denominator: u64,
        base: TargetBase,
        met: bool,
    },
}

/// The outcome of one item: which item, and the decision.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Outcome {
    item: String,
    decision: Decision,
}

// Citations, checked as docs/legal.md says (article and clause read in a verbatim reproduction
// unless that file marks them otherwise).
const L21_VI: &str = "khoản 1 Điều 21 Luật 10/2022/QH15";
const L21_EN: &str = "Article 21.1, Law 10/2022/QH15";
const D59_VI: &str = "khoản 5 Điều 3 Nghị định 59/2023/NĐ-CP";
const D59_EN: &str = "Article 3.5, Decree 59/2023/ND-CP";
const D59_FORMS_VI: &str = "điểm b khoản 1 Điều 4 Nghị định 59/2023/NĐ-CP";
const D59_FORMS_EN: &str = "Article 4.1(b), Decree 59/2023/ND-CP";
const D59_HEAD_VI: &str = "Nghị định 59/2023/NĐ-CP";
const D59_HEAD_EN: &str = "Decree 59/2023/ND-CP";
const CONF_VI: &str = "Điều 51 và khoản 2 Điều 69 Luật 10/2022/QH15";
const CONF_EN: &str = "Article 51 and Article 69.2, Law 10/2022/QH15";
const RATING_VI: &str = "Điều 63 Luật 87/2015/QH13, Nghị quyết 96/2023/QH15";
const RATING_EN: &str = "Article 63, Law 87/2015/QH13; Resolution 96/2023/QH15";
const VOTE_VI: &str = "Luật 87/2015/QH13, Nghị quyết 96/2023/QH15";
const VOTE_EN: &str = "Law 87/2015/QH13; Resolution 96/2023/QH15";

impl Outcome {
    pub fn item(&self) -> &str {
        &self.item
    }

    pub fn decision(&self) -> &Decision {
        &self.decision
    }

    /// A short machine name of the result, as in the bundle's `outcomes[].result`
    /// (docs/bundle-format.md §Outcomes).
    pub fn result(&self) -> &'static str {
        match &self.decision {
            Decision::Threshold { passed: true, .. } => "passed",
            Decision::Threshold { passed: false, .. } => "failed",
            Decision::Inquorate { .. } => "inquorate",
            Decision::NotValidlyHeld { .. } => "not_validly_held",
            Decision::Elected { .. } | Decision::ElectedToBoard { .. } => "elected",
            Decision::NoMajority { .. } => "no_majority",
            Decision::NotElected { .. } => "not_elected",
            Decision::TiedForLastSeat { .. } => "tied_for_last_seat",
            Decision::SeatsUnfilled { .. } => "seats_unfilled",
            Decision::Rating { level, .. } => match level {
                RatingLevel::NotMoreThanHalfLow => "not_more_than_half_low",
                RatingLevel::MoreThanHalfLow => "more_than_half_low",
                RatingLevel::TwoThirdsLow => "two_thirds_low",
            },
            Decision::ConfidenceVote {
                dismissal_proposed: true,
                ..
            } => "dismissal_proposed",
            Decision::ConfidenceVote {
                dismissal_proposed: false,
                ..
            } => "no_dismissal_proposed",
            Decision::Target { met: true, .. } => "target_met",
            Decision::Target { met: false, .. } => "target_missed",
        }
    }

    /// Whether a decision passed, a candidate was elected or a target was met. Ratings and
    /// confidence votes are judged on their own terms (`result`), not as passing.
    pub fn passed(&self) -> bool {
        matches!(self.result(), "passed" | "elected" | "target_met")
    }

    /// The numbers the bundle writes beside the result: the count, its denominator, and the
    /// option the outcome is about (docs/bundle-format.md §Outcomes).
    pub fn figures(&self) -> (u64, u64, Option<&str>) {
        match &self.decision {
            Decision::Threshold { agree, of, .. } => (*agree, *of, None),
            Decision::Inquorate { present, convened } => (*present, *convened, None),
            Decision::NotValidlyHeld {
                present,
                households,
            } => (*present, *households, None),
            Decision::Elected {
                option, votes, of, ..
            }
            | Decision::ElectedToBoard {
                option, votes, of, ..
            }
            | Decision::NotElected {
                option, votes, of, ..
            }
            | Decision::TiedForLastSeat {
                option, votes, of, ..
            } => (*votes, *of, Some(option)),
            Decision::NoMajority { best, of } => (*best, *of, None),
            Decision::SeatsUnfilled { elected, seats } => (*elected, *seats, None),
            Decision::Rating { low, of, .. } => (*low, *of, None),
            Decision::ConfidenceVote {
                no_confidence, of, ..
            } => (*no_confidence, *of, None),
            Decision::Target { count, of, .. } => (*count, *of, None),
        }
    }

    /// The sentence for the minutes, citing the article applied, e.g. "Được thông qua: 67/100
    /// đại diện hộ gia đình đồng ý (từ 2/3 tổng số đại diện hộ gia đình trở lên, khoản 1 Điều 21
    /// Luật 10/2022/QH15)". Each template is part of the format (docs/bundle-format.md
    /// §Outcome sentences), so an outside verifier can regenerate and compare it.
    pub fn sentence(&self, lang: Lang) -> String {
        match (&self.decision, lang) {
            (Decision::Threshold { preset, agree, of, passed }, _) => {
                let (unit_vi, unit_en, rule_vi, rule_en, need, law_vi, law_en) = match preset {
                    Preset::TwoThirdsHouseholds => (
                        "đại diện hộ gia đình", "household representatives",
                        "từ 2/3 tổng số đại diện hộ gia đình trở lên",
                        "at least 2/3 of all household representatives",
                        two_thirds_min(*of), L21_VI, L21_EN,
                    ),
                    Preset::MajorityPresent => (
                        "người có mặt", "of those present", "trên 50% số người có mặt",
                        "more than 50% of those present", majority_min(*of), D59_VI, D59_EN,
                    ),
                    Preset::Conference => (
                        "người dự hội nghị", "attendees", "trên 50% số người dự hội nghị",
                        "more than 50% of attendees", majority_min(*of), CONF_VI, CONF_EN,
                    ),
                    _ => (
                        "đại diện hộ gia đình", "household representatives",
                        "trên 50% tổng số đại diện hộ gia đình",
                        "more than 50% of all household representatives",
                        majority_min(*of), L21_VI, L21_EN,
                    ),
                };
                match (lang, passed) {
                    (Lang::Vi, true) => format!("Được thông qua: {agree}/{of} {unit_vi} đồng ý ({rule_vi}, {law_vi})"),
                    (Lang::Vi, false) => format!(
                        "Không được thông qua: {agree}/{of} {unit_vi} đồng ý (cần {rule_vi}, tức ít nhất {need}, {law_vi})"
                    ),
                    (Lang::En, true) => format!("Passed: {agree}/{of} {unit_en} agree ({rule_en}, {law_en})"),
                    (Lang::En, false) => format!(
                        "Not passed: {agree}/{of} {unit_en} agree (needs {rule_en}, at least {need}, {law_en})"
                    ),
                }
            }
            (Decision::Inquorate { present, convened }, Lang::Vi) => format!(
                "Hội nghị không hợp lệ: {present}/{convened} người được triệu tập có mặt (cần ít nhất 2/3, tức {}, {CONF_VI})",
                two_thirds_min(*convened)
            ),
            (Decision::Inquorate { present, convened }, Lang::En) => format!(
                "Conference not valid: {present}/{convened} of those convened attended (needs at least 2/3, that is {}, {CONF_EN})",
                two_thirds_min(*convened)
            ),
            (Decision::NotValidlyHeld { present, households }, Lang::Vi) => format!(
                "Cuộc họp không hợp lệ, chưa quyết định được: {present}/{households} đại diện hộ gia đình có mặt (cần trên 50%, tức ít nhất {}); tổ chức họp lại hoặc phát phiếu lấy ý kiến tới hộ gia đình ({D59_FORMS_VI})",
                majority_min(*households)
            ),
            (Decision::NotValidlyHeld { present, households }, Lang::En) => format!(
                "The meeting was not validly held and decided nothing: {present}/{households} household representatives attended (needs more than 50%, at least {}); hold it again or collect opinions by forms handed to every household ({D59_FORMS_EN})",
                majority_min(*households)
            ),
            (Decision::Elected { name, votes, of, .. }, Lang::Vi) => format!(
                "Trúng cử: {name}, {votes}/{of} đại diện hộ gia đình bầu (trên 50% tổng số đại diện hộ gia đình, {L21_VI}); kết quả chờ Ủy ban nhân dân xã công nhận ({D59_HEAD_VI})"
            ),
            (Decision::Elected { name, votes, of, .. }, Lang::En) => format!(
                "Elected: {name}, {votes}/{of} household representatives (more than 50% of all household representatives, {L21_EN}); the result awaits recognition by the commune People's Committee ({D59_HEAD_EN})"
            ),
            (Decision::NoMajority { best, of }, Lang::Vi) => format!(
                "Không có người nào đạt trên 50% tổng số đại diện hộ gia đình (cao nhất {best}/{of}); Ủy ban nhân dân xã xem xét, quyết định bầu lại ({D59_HEAD_VI})"
            ),
            (Decision::NoMajority { best, of }, Lang::En) => format!(
                "No candidate reached more than 50% of all household representatives (highest {best}/{of}); the commune People's Committee decides on a new election ({D59_HEAD_EN})"
            ),
            (Decision::ElectedToBoard { name, votes, of, .. }, Lang::Vi) => format!(
                "Trúng cử: {name}, {votes}/{of} đại diện hộ gia đình bầu (trên 50% tổng số đại diện hộ gia đình, {L21_VI})"
            ),
            (Decision::ElectedToBoard { name, votes, of, .. }, Lang::En) => format!(
                "Elected: {name}, {votes}/{of} household representatives (more than 50% of all household representatives, {L21_EN})"
            ),
            (Decision::NotElected { name, votes, of, .. }, Lang::Vi) => format!(
                "Không trúng cử: {name}, {votes}/{of} đại diện hộ gia đình bầu"
            ),
            (Decision::NotElected { name, votes, of, .. }, Lang::En) => format!(
                "Not elected: {name}, {votes}/{of} household representatives"
            ),
            (Decision::TiedForLastSeat { name, votes, of, seats_left, .. }, Lang::Vi) => format!(
                "Chưa xác định: {name}, {votes}/{of} đại diện hộ gia đình bầu, bằng số phiếu với người khác ở {seats_left} ghế cuối; hội nghị bầu lại giữa những người bằng phiếu"
            ),
            (Decision::TiedForLastSeat { name, votes, of, seats_left, .. }, Lang::En) => format!(
                "Undecided: {name}, {votes}/{of} household representatives, tied with others for the last {seats_left} seat(s); the meeting votes again between those tied"
            ),
            (Decision::SeatsUnfilled { elected, seats }, Lang::Vi) => format!(
                "Bầu được {elected}/{seats} thành viên: còn thiếu {}, cần bầu bổ sung",
                seats - elected
            ),
            (Decision::SeatsUnfilled { elected, seats }, Lang::En) => format!(
                "{elected} of {seats} members elected: {} short, a further election is needed",
                seats - elected
            ),
            (Decision::Rating { name, low, of, level }, Lang::Vi) => {
                let what = match level {
                    RatingLevel::NotMoreThanHalfLow => "không quá 1/2",
                    RatingLevel::MoreThanHalfLow => "trên 1/2 và dưới 2/3: có thể xin từ chức, nếu không sẽ bị bỏ phiếu tín nhiệm",
                    RatingLevel::TwoThirdsLow => "từ 2/3 trở lên: cơ quan có thẩm quyền trình miễn nhiệm hoặc đề nghị miễn nhiệm",
                };
                format!("{name}: {low}/{of} đại biểu đánh giá tín nhiệm thấp, {what} ({RATING_VI})")
            }
            (Decision::Rating { name, low, of, level }, Lang::En) => {
                let what = match level {
                    RatingLevel::NotMoreThanHalfLow => "not more than half",
                    RatingLevel::MoreThanHalfLow => "more than half and less than two-thirds: may resign, otherwise a confidence vote follows",
                    RatingLevel::TwoThirdsLow => "two-thirds or more: the competent body proposes dismissal",
                };
                format!("{name}: {low}/{of} delegates rated low confidence, {what} ({RATING_EN})")
            }
            (Decision::ConfidenceVote { name, no_confidence, of, dismissal_proposed }, Lang::Vi) => {
                let what = if *dismissal_proposed {
                    "quá 1/2 tổng số đại biểu: cơ quan có thẩm quyền trình Hội đồng nhân dân miễn nhiệm (đề nghị miễn nhiệm, chưa phải là miễn nhiệm)"
                } else {
                    "không quá 1/2 tổng số đại biểu"
                };
                format!("{name}: {no_confidence}/{of} đại biểu không tín nhiệm, {what} ({VOTE_VI})")
            }
            (Decision::ConfidenceVote { name, no_confidence, of, dismissal_proposed }, Lang::En) => {
                let what = if *dismissal_proposed {
                    "more than half of all delegates: the competent body proposes dismissal (a proposal, not a dismissal)"
                } else {
                    "not more than half of all delegates"
                };
                format!("{name}: {no_confidence}/{of} delegates voted no confidence, {what} ({VOTE_EN})")
            }
            (Decision::Target { count, of, numerator, denominator, base, met }, Lang::Vi) => format!(
                "{}: {count}/{of} (chỉ tiêu từ {numerator}/{denominator} {} trở lên)",
                if *met { "Đạt chỉ tiêu" } else { "Chưa đạt chỉ tiêu" },
                match base {
                    TargetBase::Electorate => "tổng số",
                    TargetBase::Ballots => "số phiếu thu về",
                }
            ),
            (Decision::Target { count, of, numerator, denominator, base, met }, Lang::En) => format!(
                "{}: {count}/{of} (target at least {numerator}/{denominator} of {})",
                if *met { "Target met" } else { "Target not met" },
                match base {
                    TargetBase::Electorate => "the total",
                    TargetBase::Ballots => "the ballots collected",
                }
            ),
        }
    }
}

/// The outcomes of a board election with `seats` seats (domain brief, "Boards with several
/// seats"): candidates with more than half of all households, highest first, are elected up to
/// the seats; candidates tied across the last seat are not, and say so; fewer elected than seats
/// adds a `SeatsUnfilled`. In poll order, so the minutes list candidates as the ballot does.
fn board_outcomes(
    item: &crate::poll::Item,
    counts: &[u64],
    seats: u64,
    total: u64,
) -> Vec<Decision> {
    let options = item.kind().options();
    let mut reached: Vec<u64> = counts
        .iter()
        .copied()
        .filter(|n| more_than_half(*n, total))
        .collect();
    reached.sort_unstable_by(|a, b| b.cmp(a));
    // The votes of the last seat, if more candidates reached the threshold than there are seats.
    let cut = usize::try_from(seats)
        .ok()
        .and_then(|s| reached.get(s.checked_sub(1)?).copied())
        .filter(|_| reached.len() as u64 > seats);
    let above = |n: u64| cut.is_none_or(|c| n > c);
    let elected_above = reached.iter().filter(|n| above(**n)).count() as u64;
    let mut out = Vec::with_capacity(options.len() + 1);
    for (c, n) in options.iter().zip(counts) {
        let (option, name, votes, of) = (c.id().to_owned(), c.label().vi().to_owned(), *n, total);
        out.push(if !more_than_half(votes, total) {
            Decision::NotElected {
                option,
                name,
                votes,
                of,
            }
        } else if above(votes) {
            Decision::ElectedToBoard {
                option,
                name,
                votes,
                of,
            }
        } else if cut.is_some_and(|c| votes == c) {
            // Those tied at the last seat: more of them than seats left.
            let tied = reached.iter().filter(|x| **x == votes).count() as u64;
            let seats_left = seats - elected_above;
            if tied <= seats_left {
                Decision::ElectedToBoard {
                    option,
                    name,
                    votes,
                    of,
                }
            } else {
                Decision::TiedForLastSeat {
                    option,
                    name,
                    votes,
                    of,
                    seats_left,
                }
            }
        } else {
            Decision::NotElected {
                option,
                name,
                votes,
                of,
            }
        });
    }
    let elected = out
        .iter()
        .filter(|d| matches!(d, Decision::ElectedToBoard { .. }))
        .count() as u64;
    if elected < seats {
        out.push(Decision::SeatsUnfilled { elected, seats });
    }
    out
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
    if electorate.method() == Method::HouseholdForms && !poll.is_village_meeting() {
        return Err(OutcomeError::FormsNotForThisPoll {
            kind: poll.kind().name(),
        });
    }
    if poll.is_village_meeting() && electorate.method() == Method::Meeting {
        let present = present()?;
        if !more_than_half(present, total) {
            // An invalid meeting decides nothing: one outcome per decided item says so.
            for (_, item) in poll.decided_items() {
                outcomes.push(Outcome {
                    item: item.id().to_owned(),
                    decision: Decision::NotValidlyHeld {
                        present,
                        households: total,
                    },
                });
            }
            return Ok(outcomes);
        }
    }
    if let Some(target) = poll.rule().target() {
        let index = poll.items().iter().position(|i| i.id() == target.item());
        if let Some(index) = index {
            let count: u64 = target.options().iter().map(|o| count_of(index, o)).sum();
            let of = match target.of() {
                TargetBase::Electorate => total,
                TargetBase::Ballots => tally.ballots(),
            };
            // No ballot collected meets no target (0 × d ≥ 0 × n would say "met").
            let met = count > 0
                && u128::from(count) * u128::from(target.denominator())
                    >= u128::from(of) * u128::from(target.numerator());
            outcomes.push(Outcome {
                item: target.item().to_owned(),
                decision: Decision::Target {
                    count,
                    of,
                    numerator: target.numerator(),
                    denominator: target.denominator(),
                    base: target.of(),
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
                let options = match item.kind() {
                    ItemKind::Single { options } => options,
                    ItemKind::Multiple { max, .. } => {
                        let counts = tally.items().get(index).map(|t| t.counts()).unwrap_or(&[]);
                        outcomes.extend(board_outcomes(item, counts, *max, total).into_iter().map(
                            |decision| Outcome {
                                item: item.id().to_owned(),
                                decision,
                            },
                        ));
                        continue;
                    }
                    _ => continue,
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
                    dismissal_proposed: more_than_half(no_confidence, total),
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
