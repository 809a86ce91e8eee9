//! Items a meeting did not vote on the tablet (issue 19, items 4 and 5): voted by a show of
//! hands (biểu quyết giơ tay), whose counts the officer enters, or on paper ballots counted with
//! the tablet as the tally sheet (kiểm phiếu giấy). L 18.4.d: "Việc biểu quyết được thực hiện
//! bằng hình thức giơ tay hoặc bỏ phiếu kín" (docs/legal.md §4).
//!
//! Such an item is part of the poll (the same hash, rules and outcome sentences) but hidden on
//! the tablet: [`Poll::voted_elsewhere`] marks it, every tablet ballot leaves it blank, and the
//! tally takes its counts from here ([`crate::Tally::with_counted`]). The counts are stated in
//! the minutes (`minutes.counted` of the bundle) and covered by the minutes code, so a file
//! whose counts were changed after the paper was signed no longer matches it. Nothing can
//! recompute them: the sheet of hands or the paper ballots are the evidence, kept with the
//! signed minutes.

use crate::i18n::counted_words;
use crate::lang::Lang;
use crate::poll::{ItemKind, Poll, PollKind};

/// How an item was voted when not on the tablet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum By {
    /// A show of hands: the officer entered the counts per option.
    Hands,
    /// Paper ballots, counted with the tablet as the tally sheet by two counters whose counts
    /// agreed.
    Paper,
}

impl By {
    /// The name in the bundle: `"hands"` or `"paper"`.
    pub fn code(self) -> &'static str {
        match self {
            By::Hands => "hands",
            By::Paper => "paper",
        }
    }

    pub fn from_code(code: &str) -> Option<By> {
        match code {
            "hands" => Some(By::Hands),
            "paper" => Some(By::Paper),
            _ => None,
        }
    }

    /// How the minutes say it.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            By::Hands => counted_words(lang).by_hands,
            By::Paper => counted_words(lang).by_paper,
        }
    }
}

/// One item's counts, voted by hands or on paper.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct CountedItem {
    /// The poll item's id.
    pub item: String,
    pub by: By,
    /// Per option, in the poll's order.
    pub counts: Vec<u64>,
    /// By hands: those present who raised no hand for any option; on paper: valid ballots
    /// with nothing marked for this item.
    pub blank: u64,
}

/// The paper ballots of a meeting that voted some items on paper.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PaperBallots {
    /// Handed out to voters (số phiếu phát ra), as the board counted them.
    pub issued: u64,
    /// Put in the box and counted (số phiếu thu vào), invalid ones included.
    pub returned: u64,
    /// Of `returned`, those the board found invalid (phiếu không hợp lệ).
    pub invalid: u64,
}

impl PaperBallots {
    pub fn valid(&self) -> u64 {
        self.returned - self.invalid
    }
}

/// Every item of a meeting voted elsewhere than on the tablet, in poll order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Counted {
    items: Vec<CountedItem>,
    paper: Option<PaperBallots>,
}

/// Why counts entered for hands or paper are refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CountedError {
    UnknownItem {
        index: usize,
        item: String,
    },
    Order {
        index: usize,
        item: String,
    },
    SecretOnly {
        index: usize,
        item: String,
        kind: &'static str,
    },
    Logic {
        index: usize,
        item: String,
    },
    NotAChoice {
        index: usize,
        item: String,
    },
    HandsOneOption {
        index: usize,
        item: String,
    },
    Options {
        index: usize,
        expected: usize,
        found: usize,
    },
    PresentRequired {
        index: usize,
    },
    HandsNotPresent {
        index: usize,
        counted: u64,
        blank: u64,
        sum: u128,
        present: u64,
    },
    NotHidden {
        item: String,
    },
    PaperMissing,
    PaperUnused,
    PaperFigures {
        issued: u64,
        returned: u64,
        invalid: u64,
    },
    PaperAbovePresent {
        issued: u64,
        limit: u64,
    },
    PaperNotValid {
        index: usize,
        valid: u64,
        detail: String,
    },
}

/// In English: the message with its field path, for `--json` and logs.
impl std::fmt::Display for CountedError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for CountedError {}

impl CountedError {
    pub fn path(&self) -> String {
        let s = self.to_string();
        s.split_once(": ")
            .map(|(p, _)| p.to_owned())
            .unwrap_or_default()
    }

    pub fn message(&self, lang: Lang) -> String {
        let w = counted_words(lang);
        match self {
            CountedError::UnknownItem { index, item } => w.unknown_item(index, format!("{item:?}")),
            CountedError::Order { index, item } => w.order(index, format!("{item:?}")),
            CountedError::SecretOnly { index, item, kind } => {
                w.secret_only(index, format!("{item:?}"), kind)
            }
            CountedError::Logic { index, item } => w.logic(index, format!("{item:?}")),
            CountedError::NotAChoice { index, item } => w.not_a_choice(index, format!("{item:?}")),
            CountedError::HandsOneOption { index, item } => {
                w.hands_one_option(index, format!("{item:?}"))
            }
            CountedError::Options {
                index,
                expected,
                found,
            } => w.options(index, found, expected),
            CountedError::PresentRequired { index } => w.present_required(index),
            CountedError::HandsNotPresent {
                index,
                counted,
                blank,
                sum,
                present,
            } => w.hands_not_present(index, counted, blank, sum, present),
            CountedError::NotHidden { item } => w.not_hidden(format!("{item:?}")),
            CountedError::PaperMissing => w.paper_missing.into(),
            CountedError::PaperUnused => w.paper_unused.into(),
            CountedError::PaperFigures {
                issued,
                returned,
                invalid,
            } => w.paper_figures(issued, returned, invalid),
            CountedError::PaperAbovePresent { issued, limit } => {
                w.paper_above_present(issued, limit)
            }
            CountedError::PaperNotValid {
                index,
                valid,
                detail,
            } => w.paper_not_valid(index, valid, detail),
        }
    }
}

impl Counted {
    /// Counts as entered, not yet checked against a poll ([`Counted::check`]).
    pub fn new(items: Vec<CountedItem>, paper: Option<PaperBallots>) -> Counted {
        Counted { items, paper }
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn items(&self) -> &[CountedItem] {
        &self.items
    }

    pub fn paper(&self) -> Option<PaperBallots> {
        self.paper
    }

    /// How item `id` was voted: `None` on the tablet.
    pub fn by(&self, id: &str) -> Option<By> {
        self.items.iter().find(|c| c.item == id).map(|c| c.by)
    }

    /// Whether every item of `poll` was voted elsewhere, so the tablet took no ballot.
    pub fn covers(&self, poll: &Poll) -> bool {
        self.items.len() == poll.items().len()
    }

    /// Checks the counts against the poll and the electorate (`present` of `total`): each item once, in poll order, a
    /// choice item without skip logic; hands only for single-choice items of a meeting's
    /// decision or election, and adding up (with those who raised no hand) to the number
    /// present; paper items adding up to the valid paper ballots.
    pub fn check(&self, poll: &Poll, present: Option<u64>, total: u64) -> Result<(), CountedError> {
        let mut last = None;
        for (index, c) in self.items.iter().enumerate() {
            let item = || c.item.clone();
            let Some(at) = poll.items().iter().position(|i| i.id() == c.item) else {
                return Err(CountedError::UnknownItem {
                    index,
                    item: item(),
                });
            };
            if last.is_some_and(|l| l >= at) {
                return Err(CountedError::Order {
                    index,
                    item: item(),
                });
            }
            last = Some(at);
            eligible(poll, at, c.by, index)?;
            let kind = poll.items()[at].kind();
            let expected = kind.options().len();
            if c.counts.len() != expected {
                return Err(CountedError::Options {
                    index,
                    expected,
                    found: c.counts.len(),
                });
            }
            let sum: u128 = c.counts.iter().map(|&n| u128::from(n)).sum();
            match c.by {
                By::Hands => {
                    let present = present.ok_or(CountedError::PresentRequired { index })?;
                    if sum + u128::from(c.blank) != u128::from(present) {
                        return Err(CountedError::HandsNotPresent {
                            index,
                            counted: u64::try_from(sum).unwrap_or(u64::MAX),
                            blank: c.blank,
                            sum: sum + u128::from(c.blank),
                            present,
                        });
                    }
                }
                By::Paper => {
                    let paper = self.paper.ok_or(CountedError::PaperMissing)?;
                    let valid = paper.valid();
                    let wrong = |detail: String| CountedError::PaperNotValid {
                        index,
                        valid,
                        detail,
                    };
                    match kind {
                        ItemKind::Multiple { max, .. } => {
                            // Each valid ballot marked for the item chose 1 to `max` options.
                            let marked = u128::from(valid.saturating_sub(c.blank));
                            if c.blank > valid || sum < marked || sum > marked * u128::from(*max) {
                                return Err(wrong(format!(
                                    "{sum} lượt chọn, {} để trống / {sum} choices, {} blank",
                                    c.blank, c.blank
                                )));
                            }
                        }
                        _ => {
                            if sum + u128::from(c.blank) != u128::from(valid) {
                                return Err(wrong(format!("{sum} + {} để trống / blank", c.blank)));
                            }
                        }
                    }
                }
            }
        }
        let on_paper = self.items.iter().any(|c| c.by == By::Paper);
        match (self.paper, on_paper) {
            (None, true) => return Err(CountedError::PaperMissing),
            (Some(_), false) => return Err(CountedError::PaperUnused),
            (Some(p), true) => {
                if p.returned > p.issued || p.invalid > p.returned {
                    return Err(CountedError::PaperFigures {
                        issued: p.issued,
                        returned: p.returned,
                        invalid: p.invalid,
                    });
                }
                let limit = present.unwrap_or(total);
                if p.issued > limit {
                    return Err(CountedError::PaperAbovePresent {
                        issued: p.issued,
                        limit,
                    });
                }
            }
            (None, false) => {}
        }
        Ok(())
    }
}

/// Whether item `at` of `poll` may be voted `by` hands or on paper: a choice item without skip
/// logic, of a meeting's decision or election (a confidence vote is secret: L87 63–64), and by
/// hands only when one option is chosen (a raised hand is one option). `index` names the
/// entry in an error.
fn eligible(poll: &Poll, at: usize, by: By, index: usize) -> Result<(), CountedError> {
    let item = &poll.items()[at];
    let id = || item.id().to_owned();
    if !matches!(poll.kind(), PollKind::Decision | PollKind::Election) {
        return Err(CountedError::SecretOnly {
            index,
            item: id(),
            kind: poll.kind().name(),
        });
    }
    let referenced = poll.items().iter().any(|i| {
        i.show_if()
            .is_some_and(|s| s.conditions().iter().any(|c| c.item() == item.id()))
    });
    if item.show_if().is_some() || referenced {
        return Err(CountedError::Logic { index, item: id() });
    }
    match (item.kind(), by) {
        (ItemKind::Number { .. } | ItemKind::Text { .. }, _) => {
            Err(CountedError::NotAChoice { index, item: id() })
        }
        (ItemKind::Multiple { .. } | ItemKind::Scale { .. }, By::Hands) => {
            Err(CountedError::HandsOneOption { index, item: id() })
        }
        _ => Ok(()),
    }
}

/// Whether item `at` of `poll` may be voted `by` hands or on paper at a meeting (what the setup
/// screen offers); [`Counted::check`] says why not.
pub fn may_vote(poll: &Poll, at: usize, by: By) -> bool {
    at < poll.items().len() && eligible(poll, at, by, 0).is_ok()
}

#[cfg(test)]
mod tests;
