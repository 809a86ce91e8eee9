//! The first phase: the survey sheet's header. `type`, `name` and a label column are needed to
//! read the sheet at all; a sheet whose labels are all in another language is one problem, not
//! one per row.

use super::columns::*;
use super::importer::*;
use crate::problem::{Location, ProblemKind, SkipKind};
use crate::sheet::{Sheet, Workbook};

impl Importer {
    /// The survey sheet's columns: `type`, `name` and a label are needed to read it at all. A
    /// sheet whose labels are all in another language is one problem here, not one per row.
    pub(super) fn survey_columns(
        &mut self,
        survey: &Sheet,
        plain: Slot,
        default_language: &str,
    ) -> Option<Columns> {
        let cols = columns(survey, false, plain, &mut self.problems, &mut self.skipped);
        for (role, header) in [(Role::Type, "type"), (Role::Name, "name")] {
            if cols.find(role).is_none() {
                self.problem(
                    Location::sheet(survey.name()),
                    ProblemKind::MissingColumn { header },
                );
            }
        }
        let labels: Vec<String> = cols
            .roles
            .iter()
            .zip(survey.headers())
            .filter(|(r, _)| matches!(r, Role::Label(_)))
            .map(|(_, h)| h.trim().to_owned())
            .collect();
        self.vi_header = cols
            .find(Role::Label(Slot::Vi))
            .map(|c| survey.headers()[c].trim().to_owned());
        let has_label = cols
            .roles
            .iter()
            .any(|r| matches!(r, Role::Label(Slot::Vi | Slot::En)));
        if !has_label {
            self.problem(
                Location::sheet(survey.name()),
                ProblemKind::MissingColumn { header: "label" },
            );
        } else if self.vi_header.is_none() {
            // Never English in the Vietnamese slot (issue 23, item 6's interim, docs/xlsform.md
            // §Languages): the form is refused with this one problem.
            self.problem(
                Location::sheet(survey.name()),
                ProblemKind::NoVietnamese {
                    default_language: Some(default_language.to_owned()).filter(|l| !l.is_empty()),
                    found: labels,
                },
            );
        }
        let ok = cols.find(Role::Type).is_some() && cols.find(Role::Name).is_some() && has_label;
        ok.then_some(cols)
    }

    /// A plain `label` column taken as Vietnamese although the form names no language and not
    /// one of its labels has a Vietnamese letter: said, in both languages (docs/xlsform.md
    /// §Languages).
    pub(super) fn language_notice(
        &mut self,
        book: &Workbook,
        survey: &Sheet,
        cols: &Columns,
        default_language: &str,
    ) {
        let Some(col) = cols.find(Role::Label(Slot::Vi)) else {
            return;
        };
        if !default_language.is_empty() || survey.headers()[col].trim().to_lowercase() != "label" {
            return;
        }
        let plain_labels = |sheet: &Sheet| -> Vec<String> {
            sheet
                .headers()
                .iter()
                .position(|h| h.trim().to_lowercase() == "label")
                .map(|c| sheet.rows().iter().map(|r| r[c].clone()).collect())
                .unwrap_or_default()
        };
        let mut texts = plain_labels(survey);
        if let Some(choices) = &book.choices {
            texts.extend(plain_labels(choices));
        }
        let letters = texts
            .iter()
            .flat_map(|t| t.chars())
            .filter(|c| c.is_alphabetic());
        let mut any = false;
        for c in letters {
            if !c.is_ascii() {
                return;
            }
            any = true;
        }
        if any {
            self.notice(
                Location::column(survey.name(), survey.column(col)),
                SkipKind::MaybeNotVietnamese,
            );
        }
    }
}
