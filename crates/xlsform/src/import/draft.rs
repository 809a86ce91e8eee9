//! A question before it is the poll's ([`Draft`], [`DraftKind`], [`DraftOption`]), what an
//! earlier row is ([`Earlier`]), the groups and notes open while the rows are read, and a range
//! `constraint` applied to a question (docs/xlsform.md §constraint).

use super::cond::*;
use crate::expr::{self, Op, Subject};
use crate::problem::{Location, ProblemKind};

/// A text in the languages a form carries over: Vietnamese (empty when the form has none),
/// English and the poll's second language (docs/xlsform.md §Languages).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Words {
    pub(super) vi: String,
    pub(super) en: Option<String>,
    pub(super) second: Option<String>,
}

impl Words {
    pub(super) fn is_empty(&self) -> bool {
        self.vi.is_empty() && self.en.is_none() && self.second.is_none()
    }
}

/// An option of an item, before it is the poll's.
#[derive(Debug, Clone)]
pub(super) struct DraftOption {
    /// The XLSForm choice name (`other` for `or_other`).
    pub(super) name: String,
    pub(super) id: String,
    pub(super) words: Words,
    pub(super) free_text: bool,
    pub(super) value: Option<i64>,
    pub(super) at: Location,
}

#[derive(Debug, Clone)]
pub(super) enum DraftKind {
    Single {
        options: Vec<DraftOption>,
        scale: bool,
    },
    Multiple {
        options: Vec<DraftOption>,
        min: u64,
        max: u64,
    },
    Number {
        min: i64,
        max: i64,
    },
    Text {
        max_len: Option<u64>,
    },
}

impl DraftKind {
    pub(super) fn options(&self) -> &[DraftOption] {
        match self {
            DraftKind::Single { options, .. } | DraftKind::Multiple { options, .. } => options,
            _ => &[],
        }
    }
}

/// An item before it is the poll's, with the cells it came from (to place the core's own errors).
#[derive(Debug, Clone)]
pub(super) struct Draft {
    pub(super) id: String,
    pub(super) words: Words,
    pub(super) required: bool,
    pub(super) kind: DraftKind,
    pub(super) show_if: Option<Cond>,
    pub(super) type_at: Location,
    pub(super) name_at: Location,
    pub(super) label_at: Location,
    pub(super) relevant_at: Option<Location>,
    pub(super) constraint_at: Option<Location>,
}

/// What an earlier row is, for a `relevant` (or a label's `${name}`) that names it.
#[derive(Debug, Clone)]
pub(super) enum Earlier {
    /// A select; its choices (XLSForm name, id) when its list could be read, and the item it
    /// became, if it did (a select with a problem of its own is still tested, issue 23 item 1).
    Select {
        id: String,
        multiple: bool,
        choices: Option<Vec<(String, String)>>,
        item: Option<usize>,
    },
    /// A row that is not a select (a number, a text, a note, a group, a refused type …), and the
    /// item it became, if any.
    NotChoice { item: Option<usize> },
}

impl Earlier {
    pub(super) fn item(&self) -> Option<usize> {
        match self {
            Earlier::Select { item, .. } | Earlier::NotChoice { item } => *item,
        }
    }
}

/// An open `begin group` or `begin repeat`.
pub(super) struct Group {
    pub(super) at: Location,
    pub(super) repeat: bool,
    pub(super) condition: Option<Condition>,
}

/// Text waiting to be shown with the next question (notes, group labels).
pub(super) struct Preamble {
    pub(super) words: Words,
    pub(super) at: Location,
}

/// Applies a range constraint to a question (docs/xlsform.md §constraint); a text's length
/// is at most `max_text_len`.
pub(super) fn apply_constraint(
    kind: &mut DraftKind,
    constraint: &str,
    max_text_len: u64,
) -> Result<(), ProblemKind> {
    let complex = || ProblemKind::ComplexConstraint {
        found: constraint.into(),
    };
    if let DraftKind::Single { .. } = kind {
        return Err(ProblemKind::ConstraintNotForType {
            question_type: "select_one".into(),
        });
    }
    let (subject, bounds) = expr::constraint(constraint).ok_or_else(complex)?;
    match (kind, subject) {
        (DraftKind::Number { min, max }, Subject::Value) => narrow(&bounds, min, max, constraint),
        (DraftKind::Multiple { options, min, max }, Subject::CountSelected) => {
            let count = options.len() as i64;
            let (mut lo, mut hi) = (0, count);
            narrow(&bounds, &mut lo, &mut hi, constraint)?;
            // More than there are options is no bound at all; fewer than one chosen is none.
            let hi = hi.min(count);
            if lo > hi || hi < 1 {
                return Err(ProblemKind::EmptyRange { min: lo, max: hi });
            }
            // 0 ≤ lo ≤ hi ≤ count, so both fit.
            *min = lo.max(0) as u64;
            *max = hi as u64;
            Ok(())
        }
        (DraftKind::Text { max_len }, Subject::StringLength) => {
            if bounds.iter().any(|b| !matches!(b.op, Op::Le | Op::Lt)) {
                return Err(complex());
            }
            let (mut lo, mut hi) = (0, max_text_len as i64);
            narrow(&bounds, &mut lo, &mut hi, constraint)?;
            if hi < 1 {
                return Err(ProblemKind::EmptyRange { min: 1, max: hi });
            }
            *max_len = Some(hi as u64);
            Ok(())
        }
        _ => Err(complex()),
    }
}

/// Narrows `[min, max]` by the bounds of a constraint.
pub(super) fn narrow(
    bounds: &[expr::Bound],
    min: &mut i64,
    max: &mut i64,
    found: &str,
) -> Result<(), ProblemKind> {
    for b in bounds {
        let n = whole(&b.number)?;
        let complex = || ProblemKind::ComplexConstraint {
            found: found.into(),
        };
        match b.op {
            Op::Ge => *min = (*min).max(n),
            Op::Gt => *min = (*min).max(n.checked_add(1).ok_or_else(complex)?),
            Op::Le => *max = (*max).min(n),
            Op::Lt => *max = (*max).min(n.checked_sub(1).ok_or_else(complex)?),
            Op::Eq => {
                *min = (*min).max(n);
                *max = (*max).min(n);
            }
            Op::Ne => return Err(complex()),
        }
    }
    if *min > *max {
        return Err(ProblemKind::EmptyRange {
            min: *min,
            max: *max,
        });
    }
    Ok(())
}

/// A whole number as written in a constraint; `Err` with the kind of problem otherwise.
pub(super) fn whole(number: &str) -> Result<i64, ProblemKind> {
    if let Ok(n) = number.parse::<i64>() {
        return Ok(n);
    }
    // `120.0` is whole; `2.5` is not.
    match number.split_once('.') {
        Some((int, frac)) if !frac.is_empty() && frac.bytes().all(|b| b == b'0') => {
            int.parse::<i64>().map_err(|_| ProblemKind::NotWhole {
                found: number.into(),
            })
        }
        _ => Err(ProblemKind::NotWhole {
            found: number.into(),
        }),
    }
}
