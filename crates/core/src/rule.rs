//! The electorate and the legal rules: given a poll, its tally and the electorate the officer
//! entered, decide each decided item under the poll's preset (domain brief, "Rule presets") in
//! integer arithmetic against the stated denominator, and say so in a Vietnamese and an English
//! sentence that cites the article applied. Shares over 100% cannot happen: more ballots than
//! electors is an error, not a result.

mod electorate;

pub use electorate::{Electorate, Method, OutcomeError};

use crate::i18n::rule_words;
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

// The citations of the outcome sentences are in i18n/core_rule.toml (checked as docs/legal.md
// says: article and clause read in a verbatim reproduction unless that file marks them otherwise).

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
        let w = rule_words(lang);
        match &self.decision {
            Decision::Threshold {
                preset,
                agree,
                of,
                passed,
            } => {
                let (unit, rule, need, law) = match preset {
                    Preset::TwoThirdsHouseholds => (
                        w.unit_households,
                        w.rule_two_thirds_households,
                        two_thirds_min(*of),
                        w.law_21,
                    ),
                    Preset::MajorityPresent => (
                        w.unit_present,
                        w.rule_majority_present,
                        majority_min(*of),
                        w.law_d59,
                    ),
                    Preset::Conference => (
                        w.unit_attendees,
                        w.rule_majority_attendees,
                        majority_min(*of),
                        w.law_conference,
                    ),
                    _ => (
                        w.unit_households,
                        w.rule_majority_households,
                        majority_min(*of),
                        w.law_21,
                    ),
                };
                if *passed {
                    w.passed(agree, of, unit, rule, law)
                } else {
                    w.not_passed(agree, of, unit, rule, need, law)
                }
            }
            Decision::Inquorate { present, convened } => w.inquorate(
                present,
                convened,
                two_thirds_min(*convened),
                w.law_conference,
            ),
            Decision::NotValidlyHeld {
                present,
                households,
            } => w.not_validly_held(
                present,
                households,
                majority_min(*households),
                w.law_d59_forms,
            ),
            Decision::Elected {
                name, votes, of, ..
            } => w.elected_head(name, votes, of, w.law_21, w.law_d59_head),
            Decision::NoMajority { best, of } => w.no_majority(best, of, w.law_d59_head),
            Decision::ElectedToBoard {
                name, votes, of, ..
            } => w.elected_to_board(name, votes, of, w.law_21),
            Decision::NotElected {
                name, votes, of, ..
            } => w.not_elected(name, votes, of),
            Decision::TiedForLastSeat {
                name,
                votes,
                of,
                seats_left,
                ..
            } => w.tied_for_last_seat(name, votes, of, seats_left),
            Decision::SeatsUnfilled { elected, seats } => {
                w.seats_unfilled(elected, seats, seats - elected)
            }
            Decision::Rating {
                name,
                low,
                of,
                level,
            } => {
                let what = match level {
                    RatingLevel::NotMoreThanHalfLow => w.rating_not_more_than_half_low,
                    RatingLevel::MoreThanHalfLow => w.rating_more_than_half_low,
                    RatingLevel::TwoThirdsLow => w.rating_two_thirds_low,
                };
                w.rating(name, low, of, what, w.law_rating)
            }
            Decision::ConfidenceVote {
                name,
                no_confidence,
                of,
                dismissal_proposed,
            } => {
                let what = if *dismissal_proposed {
                    w.dismissal_proposed
                } else {
                    w.no_dismissal_proposed
                };
                w.confidence_vote(name, no_confidence, of, what, w.law_vote)
            }
            Decision::Target {
                count,
                of,
                numerator,
                denominator,
                base,
                met,
            } => {
                let verdict = if *met { w.target_met } else { w.target_missed };
                let base = match base {
                    TargetBase::Electorate => w.base_electorate,
                    TargetBase::Ballots => w.base_ballots,
                };
                w.target(verdict, count, of, numerator, denominator, base)
            }
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
