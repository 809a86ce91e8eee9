//! A condition as the poll's `show_if` will carry it ([`Cond`]), and how conditions are joined
//! by `and` and `or` (docs/poll-format.md §Skip logic).

use phieu_core::poll::dto::ConditionDto;

use crate::problem::Location;

/// A condition as the poll's `show_if` will carry it (docs/poll-format.md §Skip logic).
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Cond {
    Test { item: String, any_of: Vec<String> },
    All(Vec<Cond>),
    Any(Vec<Cond>),
}

impl Cond {
    pub(super) fn dto(&self) -> ConditionDto {
        match self {
            Cond::Test { item, any_of } => ConditionDto {
                item: Some(item.clone()),
                any_of: Some(any_of.clone()),
                ..ConditionDto::default()
            },
            Cond::All(parts) => ConditionDto {
                all: Some(parts.iter().map(Cond::dto).collect()),
                ..ConditionDto::default()
            },
            Cond::Any(parts) => ConditionDto {
                any: Some(parts.iter().map(Cond::dto).collect()),
                ..ConditionDto::default()
            },
        }
    }
}

/// The AND of conditions: none is no condition, one is itself, and an AND inside is flattened.
pub(super) fn all_of(parts: Vec<Cond>) -> Option<Cond> {
    let mut flat = Vec::new();
    for p in parts {
        match p {
            Cond::All(inner) => flat.extend(inner),
            other => flat.push(other),
        }
    }
    match flat.len() {
        0 => None,
        1 => flat.pop(),
        _ => Some(Cond::All(flat)),
    }
}

/// The OR of conditions, with the tests of one question merged into one (`${q} = 'a' or
/// ${q} = 'b'` is one test with two answers, as phieu always wrote it).
pub(super) fn any_of(parts: Vec<Cond>) -> Cond {
    let mut out: Vec<Cond> = Vec::new();
    for p in parts {
        let p = match p {
            Cond::Any(inner) => {
                out.extend(inner);
                continue;
            }
            other => other,
        };
        if let Cond::Test { item, any_of } = &p {
            let same = out.iter_mut().find_map(|c| match c {
                Cond::Test { item: i, any_of: a } if i == item => Some(a),
                _ => None,
            });
            if let Some(a) = same {
                for choice in any_of {
                    if !a.contains(choice) {
                        a.push(choice.clone());
                    }
                }
                continue;
            }
        }
        out.push(p);
    }
    if out.len() == 1 {
        out.remove(0)
    } else {
        Cond::Any(out)
    }
}

/// A condition in force, and where it was written.
#[derive(Debug, Clone)]
pub(super) struct Condition {
    pub(super) cond: Cond,
    pub(super) at: Location,
}
