//! The household roll of a collection by forms (issue 16, item 2; domain brief, "Quorum, and
//! voting by form"): households numbered 1..N, N the village's total households, optionally
//! with the names of a pasted list, and the set of those that have answered.
//!
//! The roll is **never linked to the box**. It is a record of its own (`phieu-field`/`rolls`,
//! apart from the ballots in `phieu`/`ballots`), and it keeps only *which* households have
//! answered, as a set: no order of marking, no time, no commitment, nothing of a form. Its
//! storage form lists the households that answered sorted by number, so the record written
//! after marking 7 then 2 is byte for byte the one written after marking 2 then 7. A household
//! is marked when its form is handed over (before any answer), so a household can never answer
//! twice, even if the device dies between a form and the roll: in doubt, the roll refuses.
//!
//! Plain Rust: native tests below.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::state::notice::Notice;
use crate::state::words::field_says as says;

/// The most households a roll takes: far above any village (the largest have a few thousand),
/// low enough that the roll's screen stays a list one can scroll.
pub const MOST_HOUSEHOLDS: u32 = 10_000;

/// A household's number on the roll, from 1.
pub type Household = u32;

/// The roll: how many households, their names if a list was pasted, and which have answered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Roll {
    total: u32,
    /// `names[i]` is household `i + 1`'s; shorter than `total` when the list was.
    names: Vec<String>,
    answered: BTreeSet<Household>,
}

/// Why a roll cannot be made, or a household not marked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RollError {
    /// The number of households is not a whole number from 1 to [`MOST_HOUSEHOLDS`].
    BadTotal(String),
    /// The pasted list names more households than the total.
    TooManyNames { names: usize, total: u32 },
    /// No household has this number.
    NotOnRoll(Household),
    /// This household has already answered: one form per household.
    AlreadyAnswered(Household),
}

impl RollError {
    /// What the officer is told, in Vietnamese and English.
    pub fn notice(&self) -> Notice {
        match self {
            RollError::BadTotal(given) => {
                Notice::each(|l| says(l).bad_total(MOST_HOUSEHOLDS, given))
            }
            RollError::TooManyNames { names, total } => {
                Notice::each(|l| says(l).too_many_names(names, total))
            }
            RollError::NotOnRoll(n) => Notice::each(|l| says(l).not_on_roll(n)),
            RollError::AlreadyAnswered(n) => Notice::each(|l| says(l).already_answered(n)),
        }
    }
}

impl Roll {
    /// A roll of `total` households (as typed), named by `names` (one per line, blank lines
    /// skipped, in the order of the roll) when a list was pasted.
    pub fn new(total: &str, names: &str) -> Result<Roll, RollError> {
        let given = total.trim();
        let total = given
            .parse::<u32>()
            .ok()
            .filter(|n| (1..=MOST_HOUSEHOLDS).contains(n))
            .ok_or_else(|| RollError::BadTotal(given.to_owned()))?;
        let names: Vec<String> = names
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect();
        if names.len() > total as usize {
            return Err(RollError::TooManyNames {
                names: names.len(),
                total,
            });
        }
        Ok(Roll {
            total,
            names,
            answered: BTreeSet::new(),
        })
    }

    /// The total households: the denominator of every share.
    pub fn total(&self) -> u32 {
        self.total
    }

    /// How many households have answered.
    pub fn answered_count(&self) -> usize {
        self.answered.len()
    }

    pub fn has_answered(&self, household: Household) -> bool {
        self.answered.contains(&household)
    }

    /// The name of household `n`, if the pasted list gave one.
    pub fn name(&self, household: Household) -> Option<&str> {
        let i = usize::try_from(household.checked_sub(1)?).ok()?;
        self.names.get(i).map(String::as_str)
    }

    /// Every household, in the roll's order: its number and name.
    pub fn households(&self) -> impl Iterator<Item = (Household, Option<&str>)> + '_ {
        (1..=self.total).map(|n| (n, self.name(n)))
    }

    /// The roll with `household` marked as answered; refused if it is not on the roll or has
    /// already answered (the roll is unchanged then: nothing is lost).
    pub fn mark(&self, household: Household) -> Result<Roll, RollError> {
        if !(1..=self.total).contains(&household) {
            return Err(RollError::NotOnRoll(household));
        }
        if self.has_answered(household) {
            return Err(RollError::AlreadyAnswered(household));
        }
        let mut next = self.clone();
        next.answered.insert(household);
        Ok(next)
    }

    /// The storage form (`phieu-field`/`rolls`): versioned JSON of the total, the names and
    /// the households that answered, **sorted by number**, so nothing says in which order
    /// they were marked.
    pub fn to_json(&self) -> String {
        let record = RollRecord {
            version: ROLL_VERSION,
            total: self.total,
            names: self.names.clone(),
            answered: self.answered.iter().copied().collect(),
        };
        serde_json::to_string(&record).unwrap_or_default()
    }

    /// Reads a stored roll back; `None` when it is damaged (a household off the roll or twice,
    /// more names than households, another version).
    pub fn from_json(json: &str) -> Option<Roll> {
        let r: RollRecord = serde_json::from_str(json).ok()?;
        if r.version != ROLL_VERSION
            || !(1..=MOST_HOUSEHOLDS).contains(&r.total)
            || r.names.len() > r.total as usize
        {
            return None;
        }
        let mut answered = BTreeSet::new();
        for n in r.answered {
            if !(1..=r.total).contains(&n) || !answered.insert(n) {
                return None;
            }
        }
        Some(Roll {
            total: r.total,
            names: r.names,
            answered,
        })
    }
}

const ROLL_VERSION: u32 = 1;

#[derive(Serialize, Deserialize)]
struct RollRecord {
    version: u32,
    total: u32,
    names: Vec<String>,
    answered: Vec<Household>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use phieu_core::Lang;

    fn roll() -> Roll {
        Roll::new(" 5 ", "Nguyễn Văn An\n\n  Trần Thị Bình \nLê Văn Cường\n").unwrap()
    }

    #[test]
    fn a_roll_numbers_every_household_and_names_those_of_the_list() {
        let r = roll();
        assert_eq!(r.total(), 5);
        let all: Vec<_> = r.households().collect();
        assert_eq!(
            all,
            vec![
                (1, Some("Nguyễn Văn An")),
                (2, Some("Trần Thị Bình")),
                (3, Some("Lê Văn Cường")),
                (4, None),
                (5, None),
            ]
        );
        assert_eq!(Roll::new("3", "").unwrap().name(1), None);
        for bad in ["", "0", "-2", "ba", "10001", "2.5"] {
            assert!(
                matches!(Roll::new(bad, ""), Err(RollError::BadTotal(_))),
                "{bad}"
            );
        }
        assert_eq!(
            Roll::new("1", "A\nB"),
            Err(RollError::TooManyNames { names: 2, total: 1 })
        );
    }

    /// Issue 16, item 2: a household already marked cannot answer twice, and the refusal
    /// changes nothing.
    #[test]
    fn a_household_that_answered_is_refused_a_second_form_and_nothing_is_lost() {
        let r = roll().mark(2).unwrap().mark(4).unwrap();
        assert_eq!(r.answered_count(), 2);
        assert_eq!(r.mark(2), Err(RollError::AlreadyAnswered(2)));
        assert_eq!(r.mark(0), Err(RollError::NotOnRoll(0)));
        assert_eq!(r.mark(6), Err(RollError::NotOnRoll(6)));
        assert!(r.has_answered(2) && r.has_answered(4) && !r.has_answered(3));
        let said = RollError::AlreadyAnswered(2).notice();
        assert!(
            said.get(Lang::Vi).contains("Hộ số 2 đã trả lời phiếu rồi"),
            "{}",
            said.get(Lang::Vi)
        );
        assert!(
            said.get(Lang::En)
                .contains("Household 2 has already answered"),
            "{}",
            said.get(Lang::En)
        );
    }

    /// The roll keeps a set: the order of marking leaves no trace in what is stored.
    #[test]
    fn the_stored_roll_says_which_households_answered_never_in_which_order() {
        let a = roll().mark(5).unwrap().mark(1).unwrap().mark(3).unwrap();
        let b = roll().mark(1).unwrap().mark(3).unwrap().mark(5).unwrap();
        assert_eq!(a.to_json(), b.to_json());
        assert!(
            a.to_json().contains("\"answered\":[1,3,5]"),
            "{}",
            a.to_json()
        );
        assert_eq!(Roll::from_json(&a.to_json()), Some(a));
    }

    #[test]
    fn a_roll_round_trips_and_a_damaged_one_is_refused() {
        let r = roll().mark(3).unwrap();
        let json = r.to_json();
        assert_eq!(Roll::from_json(&json), Some(r));
        for spoilt in [
            json.replace("\"answered\":[3]", "\"answered\":[3,3]"),
            json.replace("\"answered\":[3]", "\"answered\":[9]"),
            json.replace("\"total\":5", "\"total\":2"),
            json.replace("\"version\":1", "\"version\":2"),
            "{".to_owned(),
        ] {
            assert_ne!(spoilt, json);
            assert_eq!(Roll::from_json(&spoilt), None, "{spoilt}");
        }
    }
}
