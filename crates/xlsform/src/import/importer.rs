//! The importer: what it takes and gives ([`ImportOptions`], [`Imported`]), its state while it
//! reads a workbook ([`Importer`]), one survey row with its columns ([`Row`]), and `run`, which
//! goes by phase: the survey sheet's header (`header`), the choices (`choices`), every row
//! (`rows`, `question`, `condition`), what is still open at the end (`close`), and the poll
//! checked by the core (`build`).

use std::collections::HashMap;

use phieu_core::poll::dto::PollDto;
use phieu_core::Poll;

use super::choices::*;
use super::columns::*;
use super::draft::*;
use crate::problem::{Location, Problem, ProblemKind, SkipKind, Skipped};
use crate::sheet::{Sheet, Workbook};

/// What the XLSForm cannot say and the caller knows: where the poll is held, and the file's name
/// (pyxform uses it for the form id and title when the `settings` sheet has none).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportOptions {
    /// The commune; when given it wins over the `settings` sheet's `commune` column.
    pub commune: Option<String>,
    /// The village (thôn, tổ dân phố); likewise wins over `settings`' `village`.
    pub village: Option<String>,
    /// The file name without its extension, such as `khao-sat-mttq`.
    pub file_stem: String,
}

/// The poll an XLSForm gave: ready to use, or waiting for its Vietnamese labels.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportedPoll {
    Ready(Poll),
    /// The form has no Vietnamese labels (issue 23, item 6): the raw poll with its labels in the
    /// form's language (English, or the second-language slot) and every Vietnamese text empty
    /// where the form gave none. Everything else was checked by the core as for any poll; it
    /// becomes a poll only once the Vietnamese is written (the office page opens it in the
    /// designer, with every missing Vietnamese label marked). Never a poll with another
    /// language in the Vietnamese slot.
    NeedsVietnamese(PollDto),
}

/// A poll read from an XLSForm, and what was left out on purpose.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    pub(super) poll: ImportedPoll,
    pub(super) skipped: Vec<Skipped>,
}

impl Imported {
    /// The poll, when the form had its Vietnamese labels.
    pub fn poll(&self) -> Option<&Poll> {
        match &self.poll {
            ImportedPoll::Ready(poll) => Some(poll),
            ImportedPoll::NeedsVietnamese(_) => None,
        }
    }

    /// The raw poll of a form without Vietnamese labels.
    pub fn needs_vietnamese(&self) -> Option<&PollDto> {
        match &self.poll {
            ImportedPoll::Ready(_) => None,
            ImportedPoll::NeedsVietnamese(dto) => Some(dto),
        }
    }

    pub fn skipped(&self) -> &[Skipped] {
        &self.skipped
    }

    pub fn into_parts(self) -> (ImportedPoll, Vec<Skipped>) {
        (self.poll, self.skipped)
    }
}

#[derive(Default)]
pub(super) struct Importer {
    pub(super) problems: Vec<Problem>,
    pub(super) skipped: Vec<Skipped>,
    pub(super) drafts: Vec<Draft>,
    /// XLSForm names of the rows read so far.
    pub(super) earlier: HashMap<String, Earlier>,
    /// Every XLSForm name in the survey sheet, with its row, to tell "later" from "unknown".
    pub(super) all_names: HashMap<String, u32>,
    /// First row of each item id, for duplicates.
    pub(super) ids: HashMap<String, u32>,
    /// The groups and repeats open at the row being read, outermost first.
    pub(super) groups: Vec<Group>,
    /// Notes and group labels waiting for the next question.
    pub(super) preamble: Vec<Preamble>,
    /// The problems of the lists that questions use, reported after the survey's.
    pub(super) choice_problems: Vec<Problem>,
    pub(super) missing_choices_reported: bool,
    /// The header of the survey's Vietnamese label column; `None` when it has none (said once,
    /// for the whole sheet, rather than on every row).
    pub(super) vi_header: Option<String>,
    /// The workbook's languages: the second language and the plain label's slot.
    pub(super) langs: Languages,
    /// The language the form is written in when it has no Vietnamese label column at all
    /// (issue 23, item 6): imported with every Vietnamese label empty.
    pub(super) no_vietnamese: Option<String>,
    /// The slot of the form's own language when it has no Vietnamese: where its title goes.
    pub(super) own_slot: Option<Slot>,
    /// The most characters of a text answer (the `MAX_TEXT_LEN` of `import.rs`), the top of a
    /// text question's `string-length` range.
    pub(super) max_text_len: u64,
}

/// One row of the survey sheet, with the columns it is read by.
pub(super) struct Row<'a> {
    pub(super) survey: &'a Sheet,
    pub(super) cols: &'a Columns,
    pub(super) type_col: usize,
    pub(super) name_col: usize,
    pub(super) i: usize,
    pub(super) cells: &'a [String],
}

impl<'a> Row<'a> {
    pub(super) fn cell(&self, role: Role) -> &'a str {
        self.cols.find(role).map_or("", |c| self.cells[c].as_str())
    }

    pub(super) fn at(&self, role: Role) -> Option<Location> {
        self.cols.find(role).map(|c| self.survey.at(self.i, c))
    }

    pub(super) fn type_at(&self) -> Location {
        self.survey.at(self.i, self.type_col)
    }

    /// The cell of `role`, else the row's type cell.
    pub(super) fn at_or_type(&self, role: Role) -> Location {
        self.at(role).unwrap_or_else(|| self.type_at())
    }

    pub(super) fn name(&self) -> &'a str {
        &self.cells[self.name_col]
    }

    pub(super) fn excel_row(&self) -> u32 {
        self.survey.excel_row(self.i)
    }

    /// The Vietnamese, English and second-language labels, and the cell to name when the label
    /// is wrong.
    pub(super) fn labels(&self) -> (Words, Location) {
        let some = |slot| Some(self.cell(Role::Label(slot)).to_owned()).filter(|s| !s.is_empty());
        let words = Words {
            vi: self.cell(Role::Label(Slot::Vi)).to_owned(),
            en: some(Slot::En),
            second: some(Slot::Second),
        };
        let at = [Slot::Vi, Slot::En, Slot::Second]
            .into_iter()
            .find_map(|slot| self.at(Role::Label(slot)))
            .unwrap_or_else(|| self.type_at());
        (words, at)
    }
}

/// The `settings` sheet: each header with the value below it and that cell.
pub(super) type Settings = HashMap<String, (String, Location)>;

pub(super) fn read_settings(sheet: &Sheet) -> Settings {
    let mut out = Settings::new();
    let Some(row) = sheet.rows().first() else {
        return out;
    };
    for (j, h) in sheet.headers().iter().enumerate() {
        let key = h.trim().to_lowercase().replace(' ', "_");
        out.entry(key)
            .or_insert_with(|| (row[j].clone(), sheet.at(0, j)));
    }
    out
}

impl Importer {
    pub(super) fn problem(&mut self, at: Location, kind: ProblemKind) {
        self.problems.push(Problem::new(at, kind));
    }

    pub(super) fn notice(&mut self, at: Location, kind: SkipKind) {
        self.skipped.push(Skipped::new(at, kind));
    }

    /// Reads the whole workbook in one pass, every row checked whatever else is wrong with it
    /// (issue 23, item 1), then builds the poll if nothing was.
    pub(super) fn run(
        mut self,
        book: &Workbook,
        options: &ImportOptions,
    ) -> Result<Imported, Vec<Problem>> {
        let settings = book
            .settings
            .as_ref()
            .map(read_settings)
            .unwrap_or_default();
        let default_language = settings
            .get("default_language")
            .map_or("", |(v, _)| v.trim())
            .to_owned();
        let Some(survey) = &book.survey else {
            return Err(vec![Problem::new(
                Location::sheet("survey"),
                ProblemKind::MissingSheet,
            )]);
        };
        let sheets: Vec<&Sheet> = [Some(survey), book.choices.as_ref()]
            .into_iter()
            .flatten()
            .collect();
        self.langs = languages(&sheets, &default_language);
        let Some(cols) = self.survey_columns(survey, &default_language) else {
            return Err(self.problems);
        };
        let mut lists = match &book.choices {
            None => Lists::NoSheet,
            Some(c) => read_choices(
                c,
                &self.langs,
                self.vi_header.is_some(),
                &mut self.choice_problems,
                &mut self.skipped,
            ),
        };
        self.language_notice(book, survey, &cols, &default_language);
        let (Some(type_col), Some(name_col)) = (cols.find(Role::Type), cols.find(Role::Name))
        else {
            return Err(self.problems);
        };
        for (i, cells) in survey.rows().iter().enumerate() {
            let name = &cells[name_col];
            if !name.is_empty() && !cells[type_col].to_lowercase().starts_with("end") {
                self.all_names
                    .entry(name.clone())
                    .or_insert(survey.excel_row(i));
            }
        }
        for (i, cells) in survey.rows().iter().enumerate() {
            let row = Row {
                survey,
                cols: &cols,
                type_col,
                name_col,
                i,
                cells,
            };
            self.row(&row, &mut lists);
        }
        self.close(survey);
        self.build(survey, &settings, options)
    }

    /// What is still open at the end of the sheet, and the lists' problems.
    pub(super) fn close(&mut self, survey: &Sheet) {
        for g in std::mem::take(&mut self.groups) {
            let found = if g.repeat {
                "begin repeat"
            } else {
                "begin group"
            };
            self.problem(
                g.at,
                ProblemKind::UnbalancedGroup {
                    found: found.into(),
                },
            );
        }
        for p in std::mem::take(&mut self.preamble) {
            self.notice(p.at, SkipKind::TrailingNote);
        }
        let mut choice_problems = std::mem::take(&mut self.choice_problems);
        choice_problems.sort_by(|a, b| a.at().cmp(b.at()));
        self.problems.extend(choice_problems);
        if self.problems.is_empty() && self.drafts.is_empty() {
            self.problem(Location::sheet(survey.name()), ProblemKind::NoQuestions);
        }
    }
}
