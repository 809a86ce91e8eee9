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
        default_language: &str,
    ) -> Option<Columns> {
        let cols = columns(
            survey,
            false,
            &self.langs,
            &mut self.problems,
            &mut self.skipped,
        );
        for (role, header) in [(Role::Type, "type"), (Role::Name, "name")] {
            if cols.find(role).is_none() {
                self.problem(
                    Location::sheet(survey.name()),
                    ProblemKind::MissingColumn { header },
                );
            }
        }
        self.vi_header = cols
            .find(Role::Label(Slot::Vi))
            .map(|c| survey.headers()[c].trim().to_owned());
        let has_label = cols
            .roles
            .iter()
            .any(|r| matches!(r, Role::Label(Slot::Vi | Slot::En | Slot::Second)));
        if !has_label {
            self.problem(
                Location::sheet(survey.name()),
                ProblemKind::MissingColumn { header: "label" },
            );
        } else if self.vi_header.is_none() {
            // Never English in the Vietnamese slot (issue 23, item 6, docs/xlsform.md
            // §Languages): the form comes in with its own language in its slot and every
            // Vietnamese label empty, said once for the sheet, for the designer to finish.
            let language = [Slot::En, Slot::Second]
                .into_iter()
                .filter_map(|slot| cols.find(Role::Label(slot)))
                .map(|c| survey.headers()[c].trim())
                .find_map(|h| {
                    h.split_once(':')
                        .map(|(_, l)| l.trim_start_matches(':').trim().to_owned())
                })
                .or_else(|| Some(default_language.trim().to_owned()).filter(|l| !l.is_empty()))
                .unwrap_or_else(|| "label".into());
            self.notice(
                Location::sheet(survey.name()),
                SkipKind::NoVietnamese {
                    language: language.clone(),
                },
            );
            self.no_vietnamese = Some(language);
            // The title is in the form's default language, else in its English, else in its
            // second language.
            self.own_slot = Some(match self.langs.plain {
                slot @ (Slot::En | Slot::Second) => slot,
                _ if cols.find(Role::Label(Slot::En)).is_some() => Slot::En,
                _ => Slot::Second,
            });
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
