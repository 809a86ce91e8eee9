//! The choices sheet: its lists of options by `list_name`, every row checked; the problems of
//! a list are reported only if a question uses it.

use std::collections::HashMap;

use super::columns::*;
use super::draft::Words;
use crate::name::id_of;
use crate::problem::{Location, Problem, ProblemKind, Skipped};
use crate::sheet::Sheet;

/// One row of the `choices` sheet.
#[derive(Debug, Clone)]
pub(super) struct ChoiceRow {
    /// The XLSForm name, as written.
    pub(super) name: String,
    pub(super) id: String,
    pub(super) words: Words,
    pub(super) at: Location,
}

/// A list of the `choices` sheet, with the problems of its rows (reported only when a
/// question uses the list: an unused list is never asked).
#[derive(Debug, Clone, Default)]
pub(super) struct List {
    pub(super) choices: Vec<ChoiceRow>,
    pub(super) problems: Vec<Problem>,
    pub(super) reported: bool,
}

/// The lists of the `choices` sheet.
pub(super) enum Lists {
    NoSheet,
    /// The sheet lacks `list_name` or `name` (reported once, at the sheet).
    Unreadable,
    Read(HashMap<String, List>),
}

pub(super) fn read_choices(
    sheet: &Sheet,
    langs: &Languages,
    survey_has_vietnamese: bool,
    problems: &mut Vec<Problem>,
    skipped: &mut Vec<Skipped>,
) -> Lists {
    let cols = columns(sheet, true, langs, problems, skipped);
    let mut missing = false;
    for (role, header) in [(Role::ListName, "list_name"), (Role::Name, "name")] {
        if cols.find(role).is_none() {
            problems.push(Problem::new(
                Location::sheet(sheet.name()),
                ProblemKind::MissingColumn { header },
            ));
            missing = true;
        }
    }
    let (Some(list_col), Some(name_col), false) =
        (cols.find(Role::ListName), cols.find(Role::Name), missing)
    else {
        return Lists::Unreadable;
    };
    let vi_col = cols.find(Role::Label(Slot::Vi));
    let en_col = cols.find(Role::Label(Slot::En));
    let second_col = cols.find(Role::Label(Slot::Second));
    // Choices in another language only: one problem for the sheet when the survey has its
    // Vietnamese; a form with no Vietnamese anywhere is imported for the designer to finish.
    let no_vietnamese = vi_col.is_none() && (en_col.is_some() || second_col.is_some());
    if no_vietnamese && survey_has_vietnamese {
        problems.push(Problem::new(
            Location::sheet(sheet.name()),
            ProblemKind::NoVietnamese {
                default_language: None,
                found: en_col
                    .into_iter()
                    .chain(second_col)
                    .map(|c| sheet.headers()[c].trim().to_owned())
                    .collect(),
            },
        ));
    }
    let vi_header = vi_col.map_or_else(
        || "label".to_owned(),
        |c| sheet.headers()[c].trim().to_owned(),
    );
    let mut lists: HashMap<String, List> = HashMap::new();
    let mut first_rows: HashMap<(String, String), u32> = HashMap::new();
    for (i, row) in sheet.rows().iter().enumerate() {
        let list_name = &row[list_col];
        if list_name.is_empty() {
            if row
                .iter()
                .zip(&cols.roles)
                .any(|(c, r)| !c.is_empty() && !matches!(r, Role::Ignored | Role::NotXlsForm))
            {
                problems.push(Problem::new(
                    sheet.at(i, list_col),
                    ProblemKind::MissingListName,
                ));
            }
            continue;
        }
        let list = lists.entry(list_name.clone()).or_default();
        let mut ok = true;
        for (j, r) in cols.roles.iter().enumerate() {
            if *r == Role::Unsupported && !row[j].is_empty() {
                list.problems
                    .push(Problem::new(sheet.at(i, j), ProblemKind::UnsupportedColumn));
            }
        }
        let name = row[name_col].clone();
        let id = if name.is_empty() {
            list.problems.push(Problem::new(
                sheet.at(i, name_col),
                ProblemKind::MissingName,
            ));
            ok = false;
            String::new()
        } else if let Some(id) = id_of(&name) {
            match first_rows.get(&(list_name.clone(), id.clone())) {
                Some(first_row) => {
                    list.problems.push(Problem::new(
                        sheet.at(i, name_col),
                        ProblemKind::DuplicateName {
                            name: name.clone(),
                            id: id.clone(),
                            first_row: *first_row,
                        },
                    ));
                    ok = false;
                }
                None => {
                    first_rows.insert((list_name.clone(), id.clone()), sheet.excel_row(i));
                }
            }
            id
        } else {
            list.problems.push(Problem::new(
                sheet.at(i, name_col),
                ProblemKind::BadName { name: name.clone() },
            ));
            ok = false;
            String::new()
        };
        let vi = vi_col.map(|c| row[c].clone()).unwrap_or_default();
        // Without any Vietnamese column the choice is kept, so that its list is not also "too
        // short": the sheet's one problem says what is wrong.
        if vi.is_empty() && !no_vietnamese {
            let at = vi_col.map_or_else(
                || Location::row(sheet.name(), sheet.excel_row(i)),
                |c| sheet.at(i, c),
            );
            list.problems.push(Problem::new(
                at,
                ProblemKind::MissingLabel {
                    column: vi_header.clone(),
                },
            ));
            ok = false;
        }
        if ok {
            list.choices.push(ChoiceRow {
                name,
                id,
                words: Words {
                    vi,
                    en: en_col.map(|c| row[c].clone()).filter(|s| !s.is_empty()),
                    second: second_col.map(|c| row[c].clone()).filter(|s| !s.is_empty()),
                },
                at: vi_col
                    .or(en_col)
                    .or(second_col)
                    .map_or_else(|| sheet.at(i, name_col), |c| sheet.at(i, c)),
            });
        }
    }
    Lists::Read(lists)
}
