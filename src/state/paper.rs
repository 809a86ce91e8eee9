//! Counting paper ballots with the tablet as the tally sheet (issue 19, item 5): the counting
//! board reads each paper ballot aloud and a counter taps what it says, one ballot after
//! another. This is the sheet's model, pure and tested natively: the marks of each paper
//! ballot, the running counts, undo, and the comparison of two counters' counts item by item,
//! whose differences must be recounted before the minutes can be made.
//!
//! A paper ballot is marked item by item, in the poll's order. For a single-choice or scale
//! item one tap records the option (or "để trống") and moves on; for a multiple-choice item
//! the counter ticks the options crossed on the paper, then "xong". A ballot the board finds
//! invalid is one tap, whatever item it is at. After the last item the ballot is recorded and
//! the next one starts at the first item. Undo takes back the ballot being marked or, when
//! none is, the last one recorded.

use phieu_core::{By, Counted, CountedItem, ItemKind, PaperBallots, Poll};

use super::notice::Notice;
use crate::state::words::paper_says as says;

/// What a counter marked for one item of one paper ballot.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Mark {
    /// Nothing chosen for this item.
    Blank,
    /// The options chosen, by index, in increasing order.
    Chosen(Vec<usize>),
}

/// One paper ballot as counted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Paper {
    /// Found invalid by the counting board: counted as a ballot, in no item.
    Invalid,
    /// One mark per item of the poll.
    Valid(Vec<Mark>),
}

/// How an item is marked on paper: one of `options` (one tap), or ticks of up to `max` of them
/// (a multiple-choice item).
#[derive(Clone, Debug, PartialEq, Eq)]
struct Shape {
    options: usize,
    max: Option<usize>,
}

/// Why a poll cannot be counted on the sheet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SheetError {
    /// Item `item` asks for a number or words: paper answers to those cannot be tapped.
    NotAChoice { item: usize },
    /// The poll has no item.
    Empty,
    /// A stored paper ballot does not fit the poll (storage damaged): its place in the list.
    Damaged { paper: usize },
}

/// What the counter taps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tap {
    /// Option `i` of the item being marked (ticked or unticked on a multiple-choice item).
    Option(usize),
    /// Nothing chosen for the item being marked.
    Blank,
    /// The options ticked for a multiple-choice item are all (none: blank).
    Done,
    /// The board found this paper ballot invalid.
    Invalid,
    /// Take back the ballot being marked, or the last one recorded.
    Undo,
}

/// Why a tap was not taken.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refused {
    /// A multiple-choice item allows at most `max` options: a paper with more is for the board
    /// to judge (invalid, usually), not for the sheet to record.
    TooMany { max: usize },
    /// No such option for the item being marked.
    NoSuchOption,
    /// "Xong" on an item that takes one tap.
    NotMultiple,
    /// Nothing counted yet.
    NothingToUndo,
}

/// The tally sheet of one counter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sheet {
    shapes: Vec<Shape>,
    papers: Vec<Paper>,
    /// The marks of the ballot being counted, one per item done.
    current: Vec<Mark>,
    /// The options ticked so far on the multiple-choice item being marked.
    ticked: Vec<usize>,
}

/// How many of each, from one sheet.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Paper ballots counted, valid and invalid.
    pub ballots: u64,
    pub invalid: u64,
    /// Per item, in the poll's order.
    pub items: Vec<ItemCounts>,
}

/// One item's counts over the valid ballots.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ItemCounts {
    /// Per option, in the poll's order.
    pub options: Vec<u64>,
    /// Valid ballots with nothing chosen for this item.
    pub blank: u64,
}

/// Where two counters' counts differ: what the board must count again.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Difference {
    Ballots {
        a: u64,
        b: u64,
    },
    Invalid {
        a: u64,
        b: u64,
    },
    Option {
        item: usize,
        option: usize,
        a: u64,
        b: u64,
    },
    Blank {
        item: usize,
        a: u64,
        b: u64,
    },
}

impl Difference {
    /// The item to recount, if the difference is in one.
    pub fn item(&self) -> Option<usize> {
        match self {
            Difference::Option { item, .. } | Difference::Blank { item, .. } => Some(*item),
            Difference::Ballots { .. } | Difference::Invalid { .. } => None,
        }
    }
}

impl Sheet {
    /// An empty sheet for `poll`, whose items must all be choices.
    pub fn new(poll: &Poll) -> Result<Sheet, SheetError> {
        if poll.items().is_empty() {
            return Err(SheetError::Empty);
        }
        let shapes = poll
            .items()
            .iter()
            .enumerate()
            .map(|(item, it)| match it.kind() {
                ItemKind::Single { options } | ItemKind::Scale { options } => Ok(Shape {
                    options: options.len(),
                    max: None,
                }),
                ItemKind::Multiple { options, max, .. } => Ok(Shape {
                    options: options.len(),
                    max: Some(
                        usize::try_from(*max)
                            .unwrap_or(usize::MAX)
                            .min(options.len()),
                    ),
                }),
                ItemKind::Number { .. } | ItemKind::Text { .. } => {
                    Err(SheetError::NotAChoice { item })
                }
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Sheet {
            shapes,
            papers: Vec::new(),
            current: Vec::new(),
            ticked: Vec::new(),
        })
    }

    /// The sheet of `poll` with `papers` already recorded (read back from storage: a ballot
    /// that was being marked when the page went away is marked again).
    pub fn restore(poll: &Poll, papers: Vec<Paper>) -> Result<Sheet, SheetError> {
        let mut sheet = Sheet::new(poll)?;
        let fits = |p: &Paper| match p {
            Paper::Invalid => true,
            Paper::Valid(marks) => {
                marks.len() == sheet.shapes.len()
                    && marks.iter().zip(&sheet.shapes).all(|(m, s)| match m {
                        Mark::Blank => true,
                        Mark::Chosen(o) => {
                            !o.is_empty()
                                && o.iter().all(|&i| i < s.options)
                                && (o.len() == 1 || s.max.is_some_and(|max| o.len() <= max))
                        }
                    })
            }
        };
        if let Some(at) = papers.iter().position(|p| !fits(p)) {
            return Err(SheetError::Damaged { paper: at });
        }
        sheet.papers = papers;
        Ok(sheet)
    }

    /// The item being marked on the ballot being counted.
    pub fn item(&self) -> usize {
        self.current.len()
    }

    /// The options ticked so far on the multiple-choice item being marked.
    pub fn ticked(&self) -> &[usize] {
        &self.ticked
    }

    /// Whether a ballot is part-way marked.
    pub fn marking(&self) -> bool {
        !self.current.is_empty() || !self.ticked.is_empty()
    }

    /// The paper ballots recorded, in the order counted.
    pub fn papers(&self) -> &[Paper] {
        &self.papers
    }

    /// Takes one tap of the counter.
    pub fn tap(&mut self, tap: Tap) -> Result<(), Refused> {
        let shape = &self.shapes[self.item()];
        let (options, max) = (shape.options, shape.max);
        match (tap, max) {
            (Tap::Option(i), _) if i >= options => return Err(Refused::NoSuchOption),
            (Tap::Option(i), None) => self.mark(Mark::Chosen(vec![i])),
            (Tap::Option(i), Some(max)) => match self.ticked.iter().position(|&t| t == i) {
                Some(at) => {
                    self.ticked.remove(at);
                }
                None if self.ticked.len() >= max => return Err(Refused::TooMany { max }),
                None => {
                    self.ticked.push(i);
                    self.ticked.sort_unstable();
                }
            },
            (Tap::Done, None) => return Err(Refused::NotMultiple),
            (Tap::Done, Some(_)) => {
                let ticked = std::mem::take(&mut self.ticked);
                self.mark(if ticked.is_empty() {
                    Mark::Blank
                } else {
                    Mark::Chosen(ticked)
                });
            }
            (Tap::Blank, _) => {
                self.ticked.clear();
                self.mark(Mark::Blank);
            }
            (Tap::Invalid, _) => {
                self.current.clear();
                self.ticked.clear();
                self.papers.push(Paper::Invalid);
            }
            (Tap::Undo, _) => {
                if self.marking() {
                    self.current.clear();
                    self.ticked.clear();
                } else if self.papers.pop().is_none() {
                    return Err(Refused::NothingToUndo);
                }
            }
        }
        Ok(())
    }

    fn mark(&mut self, mark: Mark) {
        self.current.push(mark);
        if self.current.len() == self.shapes.len() {
            self.papers
                .push(Paper::Valid(std::mem::take(&mut self.current)));
        }
    }

    /// The running counts of the ballots recorded (not of the one being marked).
    pub fn counts(&self) -> Counts {
        let mut items: Vec<ItemCounts> = self
            .shapes
            .iter()
            .map(|s| ItemCounts {
                options: vec![0; s.options],
                blank: 0,
            })
            .collect();
        let mut invalid = 0;
        for paper in &self.papers {
            match paper {
                Paper::Invalid => invalid += 1,
                Paper::Valid(marks) => {
                    for (counts, mark) in items.iter_mut().zip(marks) {
                        match mark {
                            Mark::Blank => counts.blank += 1,
                            Mark::Chosen(options) => {
                                for &o in options {
                                    counts.options[o] += 1;
                                }
                            }
                        }
                    }
                }
            }
        }
        Counts {
            ballots: self.papers.len() as u64,
            invalid,
            items,
        }
    }
}

/// Every place where two counters' counts of the same poll differ, the ballots first, then
/// item by item. Empty: the counts agree and the minutes can be made.
pub fn differences(a: &Counts, b: &Counts) -> Vec<Difference> {
    let mut out = Vec::new();
    if a.ballots != b.ballots {
        out.push(Difference::Ballots {
            a: a.ballots,
            b: b.ballots,
        });
    }
    if a.invalid != b.invalid {
        out.push(Difference::Invalid {
            a: a.invalid,
            b: b.invalid,
        });
    }
    for (item, (x, y)) in a.items.iter().zip(&b.items).enumerate() {
        for (option, (&ca, &cb)) in x.options.iter().zip(&y.options).enumerate() {
            if ca != cb {
                out.push(Difference::Option {
                    item,
                    option,
                    a: ca,
                    b: cb,
                });
            }
        }
        if x.blank != y.blank {
            out.push(Difference::Blank {
                item,
                a: x.blank,
                b: y.blank,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests;

/// A meeting's count of paper ballots (issue 19, item 5): the paper ballots issued, as the
/// board counted them, and the two counters' sheets. Only the recorded papers are stored; a
/// ballot being marked when the page went away is marked again.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PaperCount {
    pub issued: Option<u64>,
    pub sheets: [Sheet; 2],
}

impl PaperCount {
    /// An empty count for `poll`, whose items must all be choices.
    pub fn new(poll: &Poll) -> Result<PaperCount, SheetError> {
        let sheet = Sheet::new(poll)?;
        Ok(PaperCount {
            issued: None,
            sheets: [sheet.clone(), sheet],
        })
    }

    /// Where the two counters differ, once both have counted; `None` before.
    pub fn differences(&self) -> Option<Vec<Difference>> {
        let [a, b] = &self.sheets;
        (!a.papers().is_empty() && !b.papers().is_empty())
            .then(|| differences(&a.counts(), &b.counts()))
    }

    /// What still stands between the count and the minutes, for the officer; `None` when the
    /// issued ballots are entered, both counters have counted every ballot they were marking,
    /// and their counts agree.
    pub fn blocker(&self) -> Option<Notice> {
        if self.issued.is_none() {
            return Some(Notice::each(|l| says(l).no_issued));
        }
        if self.sheets.iter().any(Sheet::marking) {
            return Some(Notice::each(|l| says(l).counter_mid_ballot));
        }
        match self.differences() {
            None => Some(Notice::each(|l| says(l).two_counts_needed)),
            Some(d) if !d.is_empty() => Some(Notice::each(|l| says(l).counts_differ)),
            Some(_) => None,
        }
    }

    /// The counts for the minutes, once the two counters agree (see [`PaperCount::blocker`]).
    pub fn counted(&self, poll: &Poll) -> Result<Counted, Notice> {
        if let Some(n) = self.blocker() {
            return Err(n);
        }
        let counts = self.sheets[0].counts();
        let items = poll
            .items()
            .iter()
            .zip(counts.items)
            .map(|(item, c)| CountedItem {
                item: item.id().to_owned(),
                by: By::Paper,
                counts: c.options,
                blank: c.blank,
            })
            .collect();
        Ok(Counted::new(
            items,
            Some(PaperBallots {
                issued: self.issued.unwrap_or(0),
                returned: counts.ballots,
                invalid: counts.invalid,
            }),
        ))
    }
}

impl PaperCount {
    /// Counter `k` (0 or 1) taps `tap` on their sheet; refused with the reason when the sheet
    /// does not take it.
    pub fn tap(&mut self, k: usize, tap: Tap) -> Result<(), Notice> {
        let sheet = self.sheets.get_mut(k).ok_or_else(no_such_counter)?;
        sheet.tap(tap).map_err(|r| match r {
            Refused::TooMany { max } => Notice::each(|l| says(l).too_many_choices(max)),
            Refused::NothingToUndo => Notice::each(|l| says(l).nothing_to_undo),
            Refused::NoSuchOption | Refused::NotMultiple => {
                Notice::each(|l| says(l).no_such_choice)
            }
        })
    }

    /// Counter `k`'s sheet emptied, to count again from the first ballot.
    pub fn recount(&mut self, k: usize, poll: &Poll) -> Result<(), Notice> {
        let sheet = self.sheets.get_mut(k).ok_or_else(no_such_counter)?;
        *sheet = Sheet::new(poll).map_err(|_| no_such_counter())?;
        Ok(())
    }

    /// The paper ballots issued, as typed: a whole number, at most `limit` (those present, or
    /// the electorate).
    pub fn set_issued(&mut self, typed: &str, limit: u64) -> Result<(), Notice> {
        let n: u64 = typed
            .trim()
            .parse()
            .map_err(|_| Notice::each(|l| says(l).issued_not_digits))?;
        if n > limit {
            return Err(Notice::each(|l| says(l).issued_over_present(n, limit)));
        }
        self.issued = Some(n);
        Ok(())
    }
}

fn no_such_counter() -> Notice {
    Notice::each(|l| says(l).no_such_counter)
}
