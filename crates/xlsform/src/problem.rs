//! What the importer found wrong with a workbook, and what it left out on purpose. Every finding
//! names the cell it is about as Excel shows it (sheet, row number from 1, column letter and the
//! header above it), so an officer can find it in the spreadsheet, and renders itself in every
//! language of phieu's words (docs/xlsform.md §Problems; the words are in
//! i18n/xlsform_place.toml, xlsform_problem.toml and xlsform_skipped.toml), the way the core's
//! errors do.

use phieu_core::{Lang, PollError};

use crate::i18n::{place_words, problem_words, skip_words};

/// A cell, a row or a whole sheet of the workbook.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Location {
    sheet: String,
    row: Option<u32>,
    column: Option<Column>,
}

/// A column as Excel shows it: its letter and the header in its first row.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Column {
    letter: String,
    header: String,
}

impl Column {
    /// The column with 0-based index `index` (0 is `A`, 26 is `AA`) and its header.
    pub fn new(index: u32, header: impl Into<String>) -> Column {
        Column {
            letter: column_letter(index),
            header: header.into(),
        }
    }

    pub fn letter(&self) -> &str {
        &self.letter
    }

    pub fn header(&self) -> &str {
        &self.header
    }
}

/// The letters of the column with 0-based index `index`: A … Z, AA … AZ, BA …
pub fn column_letter(index: u32) -> String {
    let mut n = u64::from(index) + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        // rem < 26, so the byte is an ASCII capital.
        letters.push(char::from(b'A' + rem as u8));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

/// A name or a cell's text as the messages quote it: in double quotes, escaped as Rust's `{:?}`
/// writes it (the tables' "quoted" placeholders).
struct Quoted<'a>(&'a str);

impl std::fmt::Display for Quoted<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}", self.0)
    }
}

impl Location {
    /// The whole file (for example one that is not a workbook).
    pub fn file() -> Location {
        Location::sheet("")
    }

    /// A whole sheet (for example one that is missing).
    pub fn sheet(sheet: impl Into<String>) -> Location {
        Location {
            sheet: sheet.into(),
            row: None,
            column: None,
        }
    }

    /// A whole row; `row` is 1-based as Excel shows it.
    pub fn row(sheet: impl Into<String>, row: u32) -> Location {
        Location {
            sheet: sheet.into(),
            row: Some(row),
            column: None,
        }
    }

    /// One cell; `row` is 1-based as Excel shows it.
    pub fn cell(sheet: impl Into<String>, row: u32, column: Column) -> Location {
        Location {
            sheet: sheet.into(),
            row: Some(row),
            column: Some(column),
        }
    }

    /// A column of a sheet (its header cell is in `row`).
    pub fn column(sheet: impl Into<String>, column: Column) -> Location {
        Location {
            sheet: sheet.into(),
            row: None,
            column: Some(column),
        }
    }

    pub fn sheet_name(&self) -> &str {
        &self.sheet
    }

    /// The row number as Excel shows it (from 1).
    pub fn row_number(&self) -> Option<u32> {
        self.row
    }

    pub fn column_ref(&self) -> Option<&Column> {
        self.column.as_ref()
    }

    /// "trang tính survey, hàng 7, cột C (label)" / "sheet survey, row 7, column C (label)".
    pub fn describe(&self, lang: Lang) -> String {
        let words = place_words(lang);
        if self.sheet.is_empty() {
            return words.the_file.into();
        }
        let mut s = words.sheet(&self.sheet);
        if let Some(r) = self.row {
            s.push_str(", ");
            s.push_str(&words.row(r));
        }
        if let Some(c) = &self.column {
            s.push_str(", ");
            s.push_str(&c.describe(lang));
        }
        s
    }
}

impl Column {
    /// "cột C (label)" / "column C (label)": the letter, and the header when it has one.
    fn describe(&self, lang: Lang) -> String {
        let mut s = place_words(lang).column(&self.letter);
        if !self.header.is_empty() {
            s.push_str(&format!(" ({})", self.header));
        }
        s
    }
}

/// Something in the workbook that stops it becoming a poll, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    at: Location,
    kind: ProblemKind,
}

impl Problem {
    pub fn new(at: Location, kind: ProblemKind) -> Problem {
        Problem { at, kind }
    }

    pub fn at(&self) -> &Location {
        &self.at
    }

    pub fn kind(&self) -> &ProblemKind {
        &self.kind
    }

    /// "trang tính survey, hàng 7, cột A (type): …" in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        format!("{}: {}", self.at.describe(lang), self.kind.message(lang))
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

/// Why a workbook cannot become a poll (docs/xlsform.md §Problems).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProblemKind {
    /// The bytes are not an .xlsx workbook that can be read.
    NotAWorkbook { detail: String },
    /// The file is larger than the importer reads.
    TooLarge { bytes: usize, max: usize },
    /// A sheet the form needs is missing.
    MissingSheet,
    /// A column the sheet needs is missing (the location names the sheet).
    MissingColumn { header: &'static str },
    /// Two columns of one sheet that give the same thing (`label` twice, or `label` and
    /// `label::Vietnamese` when both are Vietnamese).
    DuplicateColumn,
    /// A cell in a column phieu does not carry over (for example `default`, `choice_filter`,
    /// `media::image`): importing without it would change the form.
    UnsupportedColumn,
    /// A row with other cells filled but no `type`.
    MissingType,
    /// A question type phieu has no equivalent for.
    UnsupportedType { found: String },
    /// `decimal`: phieu counts whole numbers only.
    Decimal,
    /// A `select_one`/`select_multiple` without a list name.
    MissingListName,
    /// A select whose list is not in the `choices` sheet.
    MissingList { list: String },
    /// A list with fewer than two choices.
    TooFewChoices { list: String, found: usize },
    /// A question or choice without a name.
    MissingName,
    /// A name that cannot become a phieu id (1-64 of a-z, 0-9, `_`, `-` after lower-casing and
    /// dropping Vietnamese accents).
    BadName { name: String },
    /// Two questions, or two choices of one list, whose names give the same id.
    DuplicateName {
        name: String,
        id: String,
        first_row: u32,
    },
    /// An empty cell in the Vietnamese label column (named: `label`, `label::Vietnamese (vi)` …).
    MissingLabel { column: String },
    /// A sheet with labels but no Vietnamese label column at all (an English-only form): one
    /// problem for the sheet, naming the form's `default_language` when it has one and the label
    /// columns it does have.
    NoVietnamese {
        default_language: Option<String>,
        found: Vec<String>,
    },
    /// A label that shows the answer to a question (`${name}`) that phieu cannot point to: not
    /// an earlier question of the poll.
    LabelReference { name: String },
    /// A `required` cell that is neither yes nor no.
    BadRequired { found: String },
    /// A `relevant` that is not of the simple forms phieu shows questions by.
    ComplexRelevant { found: String },
    /// A `relevant` names a question that does not exist.
    RelevantUnknownQuestion { name: String },
    /// A `relevant` names a question that comes at or after this row.
    RelevantLaterQuestion { name: String },
    /// A `relevant` tests a question that is not a select.
    RelevantNotChoice { name: String },
    /// A `relevant` compares with a choice the question's list does not have.
    RelevantUnknownChoice { name: String, choice: String },
    /// `${q} = 'x'` on a select_multiple (ODK compares the whole answer; use `selected()`).
    RelevantEqualsOnMultiple { name: String },
    /// A note with a `relevant`: phieu shows a note as part of the next question. (A group's
    /// condition applies to the questions inside it, and its label shows with the first.)
    ConditionalNote,
    /// A `constraint` that is not a range of the forms phieu enforces.
    ComplexConstraint { found: String },
    /// A `constraint` on a question type phieu cannot bound.
    ConstraintNotForType { question_type: String },
    /// A bound that is not a whole number where one is needed.
    NotWhole { found: String },
    /// A range with nothing in it.
    EmptyRange { min: i64, max: i64 },
    /// `end group` without a `begin group`, or the other way round.
    UnbalancedGroup { found: String },
    /// No question that phieu can ask.
    NoQuestions,
    /// No commune: neither in the `settings` sheet nor given by the officer.
    NoCommune,
    /// `form_id` (or the file name) that cannot become a poll id.
    BadFormId { found: String },
    /// The poll the mapping built is refused by phieu's own checks (docs/poll-format.md).
    Poll(PollError),
}

impl ProblemKind {
    /// The reason in `lang`, without the location.
    pub fn message(&self, lang: Lang) -> String {
        use ProblemKind as K;
        let w = problem_words(lang);
        let q = |s: &str| Quoted(s).to_string();
        match self {
            K::NotAWorkbook { detail } => {
                // The reader's reasons are technical and English; the commonest, a file that is
                // not a zip at all (an old .xls, a .csv), is said in words, the rest as damage,
                // unless the language leaves those empty to show the reader's own reason.
                let why = if detail.starts_with("not a zip file") {
                    w.not_a_zip
                } else {
                    w.damaged
                };
                w.not_a_workbook(if why.is_empty() { detail } else { why })
            }
            K::TooLarge { bytes, max } => w.too_large(bytes, max),
            K::MissingSheet => w.missing_sheet.into(),
            K::MissingColumn { header } => w.missing_column(q(header)),
            K::DuplicateColumn => w.duplicate_column.into(),
            K::UnsupportedColumn => w.unsupported_column.into(),
            K::MissingType => w.missing_type.into(),
            K::UnsupportedType { found } => w.unsupported_type(q(found)),
            K::Decimal => w.decimal.into(),
            K::MissingListName => w.missing_list_name.into(),
            K::MissingList { list } => w.missing_list(q(list)),
            K::TooFewChoices { list, found } => w.too_few_choices(q(list), found),
            K::MissingName => w.missing_name.into(),
            K::BadName { name } => w.bad_name(q(name)),
            K::DuplicateName {
                name,
                id,
                first_row,
            } => w.duplicate_name(q(name), q(id), first_row),
            K::MissingLabel { column } => w.missing_label(column),
            K::NoVietnamese {
                default_language,
                found,
            } => {
                let found = found.join(", ");
                match default_language {
                    Some(language) => w.no_vietnamese_default(q(language), found),
                    None => w.no_vietnamese(found),
                }
            }
            K::LabelReference { name } => w.label_reference(q(name), name),
            K::BadRequired { found } => w.bad_required(q(found)),
            K::ComplexRelevant { found } => w.complex_relevant(q(found)),
            K::RelevantUnknownQuestion { name } => w.relevant_unknown_question(q(name)),
            K::RelevantLaterQuestion { name } => w.relevant_later_question(q(name)),
            K::RelevantNotChoice { name } => w.relevant_not_choice(q(name)),
            K::RelevantUnknownChoice { name, choice } => {
                w.relevant_unknown_choice(q(name), q(choice))
            }
            K::RelevantEqualsOnMultiple { name } => w.relevant_equals_on_multiple(q(name), name),
            K::ConditionalNote => w.conditional_note.into(),
            K::ComplexConstraint { found } => w.complex_constraint(q(found)),
            K::ConstraintNotForType { question_type } => {
                w.constraint_not_for_type(q(question_type))
            }
            K::NotWhole { found } => w.not_whole(q(found)),
            K::EmptyRange { min, max } => w.empty_range(min, max),
            K::UnbalancedGroup { found } => w.unbalanced_group(q(found)),
            K::NoQuestions => w.no_questions.into(),
            K::NoCommune => w.no_commune.into(),
            K::BadFormId { found } => w.bad_form_id(q(found)),
            K::Poll(e) => e.message(lang),
        }
    }
}

/// Something in the workbook phieu leaves out on purpose, and says so (docs/xlsform.md §What is
/// left out).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    at: Location,
    kind: SkipKind,
}

impl Skipped {
    pub fn new(at: Location, kind: SkipKind) -> Skipped {
        Skipped { at, kind }
    }

    pub fn at(&self) -> &Location {
        &self.at
    }

    pub fn kind(&self) -> &SkipKind {
        &self.kind
    }

    pub fn message(&self, lang: Lang) -> String {
        format!("{}: {}", self.at.describe(lang), self.kind.message(lang))
    }
}

/// Why something was left out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SkipKind {
    /// `start`, `end`, `today`, `deviceid`, `username`, `audit` …: phieu records nothing about
    /// when, where or on which device a ballot was cast (domain brief, "Secrecy").
    Metadata { found: String },
    /// A note (or group label) with no question after it to show it with.
    TrailingNote,
    /// A label or hint column in a language other than Vietnamese, English and the poll's second
    /// language `kept` (a poll carries one language besides those two from a form).
    OtherLanguage { language: String, kept: String },
    /// A label or hint column in a language phieu cannot tell (no code it knows): left out.
    UnknownLanguage { language: String },
    /// The form has no Vietnamese labels: imported with its labels in `language` (the English or
    /// second-language slot) and every Vietnamese label empty, to be written in the designer
    /// before the poll can be used (issue 23, item 6).
    NoVietnamese { language: String },
    /// Kobo's `calculate` row `__version__`, written on each deploy: it names the form's
    /// version, asks nothing.
    FormVersion,
    /// A column that is not XLSForm at all (notes, a test column, a data column on choices):
    /// ODK ignores it too.
    NotXlsForm,
    /// The plain `label` column, with no `default_language`, has not one Vietnamese letter: its
    /// text went into the Vietnamese slot, and may be another language (docs/xlsform.md
    /// §Languages).
    MaybeNotVietnamese,
    /// `${name}` in a label, shown as a pointer to that earlier question ("(the answer to
    /// question 3)"): phieu shows no answer inside another question.
    LabelReference {
        names: Vec<String>,
        questions: Vec<usize>,
    },
    /// `appearance` `likert` on choices whose names are not whole numbers: a single choice,
    /// without the mean a scale has.
    LikertWithoutValues,
    /// A question asking for a name, a phone number or an ID number in an anonymous survey.
    Identifying { what: Identity },
}

/// What an identifying question asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Identity {
    Name,
    Phone,
    IdNumber,
}

impl SkipKind {
    pub fn message(&self, lang: Lang) -> String {
        let w = skip_words(lang);
        let q = |s: &str| Quoted(s).to_string();
        match self {
            SkipKind::Metadata { found } => w.metadata(q(found)),
            SkipKind::TrailingNote => w.trailing_note.into(),
            SkipKind::OtherLanguage { language, kept } => w.other_language(q(language), q(kept)),
            SkipKind::UnknownLanguage { language } => w.unknown_language(q(language)),
            SkipKind::NoVietnamese { language } => w.no_vietnamese(q(language)),
            SkipKind::FormVersion => w.form_version.into(),
            SkipKind::NotXlsForm => w.not_xlsform.into(),
            SkipKind::MaybeNotVietnamese => w.maybe_not_vietnamese.into(),
            SkipKind::LabelReference { names, questions } => {
                let pairs: Vec<String> = names
                    .iter()
                    .zip(questions)
                    .map(|(name, question)| w.label_reference_pair(name, question))
                    .collect();
                w.label_reference(pairs.join(", "))
            }
            SkipKind::LikertWithoutValues => w.likert_without_values.into(),
            SkipKind::Identifying { what } => w.identifying(match what {
                Identity::Name => w.identity_name,
                Identity::Phone => w.identity_phone,
                Identity::IdNumber => w.identity_id_number,
            }),
        }
    }
}

/// Findings of one cause in one column of one sheet, gathered with their rows: "sheet survey,
/// rows 3, 5, 8–19 (14 rows), column C (label): no Vietnamese label …" instead of 14 lines
/// (issue 23, item 2). Two findings share a cause when their sheet, column and message are the
/// same; a finding about a whole sheet or column keeps a group of its own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// The sheet and column (no row).
    at: Location,
    rows: Vec<u32>,
    /// The variant's name (`MissingLabel`), for scripts.
    kind: String,
    /// The reason in every language, in the order of [`Lang::ALL`].
    reasons: [String; Lang::COUNT],
}

impl Group {
    /// Where, without the row.
    pub fn at(&self) -> &Location {
        &self.at
    }

    /// The rows as Excel numbers them, ascending; empty for a whole sheet or column.
    pub fn rows(&self) -> &[u32] {
        &self.rows
    }

    /// The kind's name, such as `MissingLabel` or `Metadata`.
    pub fn kind(&self) -> &str {
        &self.kind
    }

    /// The reason, without the place, in `lang`.
    pub fn reason(&self, lang: Lang) -> &str {
        &self.reasons[lang.index()]
    }

    /// The place and the reason in `lang`, as one line.
    pub fn message(&self, lang: Lang) -> String {
        let words = place_words(lang);
        let mut place = Location {
            row: None,
            column: None,
            ..self.at.clone()
        }
        .describe(lang);
        match self.rows.as_slice() {
            [] => {}
            [r] => {
                place.push_str(", ");
                place.push_str(&words.row(r));
            }
            all => {
                place.push_str(", ");
                place.push_str(&words.rows(ranges(all), all.len()));
            }
        }
        if let Some(c) = &self.at.column {
            place.push_str(", ");
            place.push_str(&c.describe(lang));
        }
        format!("{place}: {}", self.reason(lang))
    }
}

/// "3, 5, 8–19": runs of consecutive rows as ranges.
fn ranges(rows: &[u32]) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < rows.len() {
        let start = rows[i];
        let mut end = start;
        while i + 1 < rows.len() && rows[i + 1] == end + 1 {
            i += 1;
            end = rows[i];
        }
        out.push(if end == start {
            start.to_string()
        } else {
            format!("{start}–{end}")
        });
        i += 1;
    }
    out.join(", ")
}

/// The variant's name of a kind: what its `Debug` starts with.
fn kind_name(debug: String) -> String {
    debug
        .split(|c: char| !c.is_ascii_alphanumeric())
        .next()
        .unwrap_or_default()
        .to_owned()
}

fn group_by(
    findings: impl Iterator<Item = (Location, String, [String; Lang::COUNT])>,
) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    for (at, kind, reasons) in findings {
        let row = at.row;
        let place = Location { row: None, ..at };
        // A whole sheet or column is its own group; rows of one cause gather.
        let same = groups.iter_mut().find(|g| {
            row.is_some()
                && !g.rows.is_empty()
                && g.at == place
                && g.kind == kind
                && g.reasons == reasons
        });
        match (same, row) {
            (Some(g), Some(r)) => {
                if !g.rows.contains(&r) {
                    g.rows.push(r);
                    g.rows.sort_unstable();
                }
            }
            _ => groups.push(Group {
                at: place,
                rows: row.into_iter().collect(),
                kind,
                reasons,
            }),
        }
    }
    groups
}

/// The problems gathered by cause, in the order each cause was first found.
pub fn group_problems(problems: &[Problem]) -> Vec<Group> {
    group_by(problems.iter().map(|p| {
        (
            p.at.clone(),
            kind_name(format!("{:?}", p.kind)),
            Lang::ALL.map(|lang| p.kind.message(lang)),
        )
    }))
}

/// What was left out, and the warnings, gathered by cause likewise.
pub fn group_skipped(skipped: &[Skipped]) -> Vec<Group> {
    group_by(skipped.iter().map(|s| {
        (
            s.at.clone(),
            kind_name(format!("{:?}", s.kind)),
            Lang::ALL.map(|lang| s.kind.message(lang)),
        )
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problems_of_one_cause_gather_with_their_rows() {
        let label = |row| Location::cell("survey", row, Column::new(2, "label"));
        let mut problems: Vec<Problem> = [3, 5, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19]
            .into_iter()
            .map(|r| {
                Problem::new(
                    label(r),
                    ProblemKind::MissingLabel {
                        column: "label".into(),
                    },
                )
            })
            .collect();
        problems.insert(
            1,
            Problem::new(Location::sheet("settings"), ProblemKind::NoCommune),
        );
        problems.push(Problem::new(
            Location::cell("survey", 4, Column::new(5, "default")),
            ProblemKind::UnsupportedColumn,
        ));
        let groups = group_problems(&problems);
        assert_eq!(groups.len(), 3);
        assert_eq!(groups[0].rows().len(), 14);
        assert_eq!(
            groups[0].message(Lang::En),
            "sheet survey, rows 3, 5, 8–19 (14 rows), column C (label): no Vietnamese label: the cell of column label is empty"
        );
        assert_eq!(
            groups[0].message(Lang::Vi),
            "trang tính survey, hàng 3, 5, 8–19 (14 hàng), cột C (label): thiếu nhãn tiếng Việt: ô của cột label để trống"
        );
        assert_eq!(groups[0].kind(), "MissingLabel");
        // A whole sheet, and a single row, read as a problem does.
        assert_eq!(groups[1].message(Lang::En), problems[1].message(Lang::En));
        assert_eq!(groups[2].message(Lang::En), problems[15].message(Lang::En));
        assert_eq!(ranges(&[1, 2, 4, 6, 7, 8]), "1–2, 4, 6–8");
    }

    #[test]
    fn column_letters_are_as_excel_shows_them() {
        let cases = [
            (0, "A"),
            (2, "C"),
            (25, "Z"),
            (26, "AA"),
            (27, "AB"),
            (51, "AZ"),
        ];
        for (index, letters) in cases {
            assert_eq!(column_letter(index), letters);
        }
        assert_eq!(column_letter(52), "BA");
        assert_eq!(column_letter(701), "ZZ");
        assert_eq!(column_letter(702), "AAA");
        assert_eq!(column_letter(16_383), "XFD");
    }

    #[test]
    fn locations_read_as_excel_shows_them() {
        let at = Location::cell("survey", 7, Column::new(2, "label"));
        assert_eq!(
            at.describe(Lang::Vi),
            "trang tính survey, hàng 7, cột C (label)"
        );
        assert_eq!(
            at.describe(Lang::En),
            "sheet survey, row 7, column C (label)"
        );
        assert_eq!(
            Location::sheet("choices").describe(Lang::En),
            "sheet choices"
        );
        assert_eq!(
            Location::row("survey", 3).describe(Lang::En),
            "sheet survey, row 3"
        );
    }
}
