//! A row's `relevant` as skip logic: the expression (`crate::expr`) turned into the core's
//! `show_if` over earlier questions, a group's condition ANDed with its rows'.

use super::columns::*;
use super::cond::*;
use super::draft::*;
use super::importer::*;
use crate::expr::{self, Expr, Test};
use crate::problem::{Location, Problem, ProblemKind};

impl Importer {
    /// The condition of a question: the AND of every enclosing group's and its own (issue 23,
    /// item 3), placed at the innermost `relevant` written.
    pub(super) fn row_condition(&mut self, r: &Row) -> Option<Condition> {
        let mut parts: Vec<Cond> = Vec::new();
        let mut at = None;
        for g in &self.groups {
            if let Some(c) = &g.condition {
                parts.push(c.cond.clone());
                at = Some(c.at.clone());
            }
        }
        let relevant = r.cell(Role::Relevant);
        if !relevant.is_empty() {
            let own_at = r.at_or_type(Role::Relevant);
            if let Some(own) = self.condition(relevant, &own_at, r.excel_row()) {
                parts.push(own);
            }
            at = Some(own_at);
        }
        let cond = all_of(parts)?;
        Some(Condition { cond, at: at? })
    }

    /// Maps a `relevant` to a condition on earlier selects, every test checked; `None` with
    /// each reason reported once.
    pub(super) fn condition(&mut self, relevant: &str, at: &Location, row: u32) -> Option<Cond> {
        let Some(e) = expr::relevant(relevant) else {
            self.problem(
                at.clone(),
                ProblemKind::ComplexRelevant {
                    found: relevant.into(),
                },
            );
            return None;
        };
        let before = self.problems.len();
        let cond = self.cond_of(&e, at, row);
        // `${q} = 'a' or ${q} = 'b'` on a later q is one problem, not two.
        let mut found: Vec<Problem> = Vec::new();
        for p in self.problems.drain(before..) {
            if !found.contains(&p) {
                found.push(p);
            }
        }
        let clean = found.is_empty();
        self.problems.extend(found);
        cond.filter(|_| clean)
    }

    pub(super) fn cond_of(&mut self, e: &Expr, at: &Location, row: u32) -> Option<Cond> {
        match e {
            Expr::Test(t) => self.test(t, at, row),
            Expr::And(parts) | Expr::Or(parts) => {
                // Every part is checked, whatever the others gave.
                let parts: Vec<Option<Cond>> =
                    parts.iter().map(|p| self.cond_of(p, at, row)).collect();
                let parts: Vec<Cond> = parts.into_iter().collect::<Option<_>>()?;
                if matches!(e, Expr::And(_)) {
                    all_of(parts)
                } else {
                    Some(any_of(parts))
                }
            }
        }
    }

    pub(super) fn test(&mut self, t: &Test, at: &Location, row: u32) -> Option<Cond> {
        let question = &t.question;
        match self.earlier.get(question).cloned() {
            Some(Earlier::Select {
                id,
                multiple,
                choices,
                ..
            }) => {
                if multiple && t.equals {
                    self.problem(
                        at.clone(),
                        ProblemKind::RelevantEqualsOnMultiple {
                            name: question.clone(),
                        },
                    );
                    return None;
                }
                // A list that could not be read has its own problem; its choices are unknown.
                let choice = choices?
                    .into_iter()
                    .find(|(name, _)| *name == t.choice)
                    .map(|(_, id)| id);
                match choice {
                    Some(choice) => Some(Cond::Test {
                        item: id,
                        any_of: vec![choice],
                    }),
                    None => {
                        self.problem(
                            at.clone(),
                            ProblemKind::RelevantUnknownChoice {
                                name: question.clone(),
                                choice: t.choice.clone(),
                            },
                        );
                        None
                    }
                }
            }
            Some(Earlier::NotChoice { .. }) => {
                self.problem(
                    at.clone(),
                    ProblemKind::RelevantNotChoice {
                        name: question.clone(),
                    },
                );
                None
            }
            None => {
                let kind = match self.all_names.get(question) {
                    Some(r) if *r >= row => ProblemKind::RelevantLaterQuestion {
                        name: question.clone(),
                    },
                    _ => ProblemKind::RelevantUnknownQuestion {
                        name: question.clone(),
                    },
                };
                self.problem(at.clone(), kind);
                None
            }
        }
    }
}
