//! The mapping from an XLSForm to a phieu poll (docs/xlsform.md). Every row of the `survey`
//! sheet becomes a question, joins the next question's label (notes, group labels), is left out
//! on purpose with a [`Skipped`] saying so (automatic metadata such as `start`), or is a
//! [`Problem`]. The whole workbook is read in one pass before anything is refused, every row
//! checked whatever else is wrong with it, so the officer sees every problem at once. `run` goes
//! by phase: the survey's columns, the choices, every row (`row`: groups, notes, questions),
//! what is still open at the end (`close`), and the poll checked by the core (`build`). The poll
//! built is an opinion survey (kind `survey`, rule `none`): nothing in an XLSForm says which
//! legal rule would decide it, and the core's own checks run on it last.

use std::collections::{HashMap, HashSet};

use phieu_core::{Poll, PollError};
use serde_json::{json, Map, Value};

use crate::expr::{self, Expr, Op, Subject, Test};
use crate::name::{id_of, slug};
use crate::problem::{Identity, Location, Problem, ProblemKind, SkipKind, Skipped};
use crate::sheet::{self, Sheet, Workbook};

#[cfg(test)]
mod tests;

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

/// A poll read from an XLSForm, and what was left out on purpose.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    poll: Poll,
    skipped: Vec<Skipped>,
}

impl Imported {
    pub fn poll(&self) -> &Poll {
        &self.poll
    }

    pub fn skipped(&self) -> &[Skipped] {
        &self.skipped
    }

    pub fn into_parts(self) -> (Poll, Vec<Skipped>) {
        (self.poll, self.skipped)
    }
}

/// Reads an XLSForm workbook (.xlsx bytes) into a survey poll, or lists every problem in it.
pub fn import(bytes: &[u8], options: &ImportOptions) -> Result<Imported, Vec<Problem>> {
    let book = sheet::read(bytes)?;
    import_workbook(&book, options)
}

/// As [`import`], from sheets already read.
pub fn import_workbook(book: &Workbook, options: &ImportOptions) -> Result<Imported, Vec<Problem>> {
    Importer::default().run(book, options)
}

// ---------------------------------------------------------------------------------------------
// Columns

/// The language of a label or hint column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Slot {
    Vi,
    En,
    Other,
}

/// What a column means to the importer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Role {
    Type,
    Name,
    ListName,
    Label(Slot),
    Hint(Slot),
    Required,
    Relevant,
    Constraint,
    Appearance,
    /// Carries nothing phieu would show differently (`constraint_message`, Kobo's `$kuid` …).
    Ignored,
    /// Matters to the form and phieu has no equivalent: a filled cell is a problem.
    Unsupported,
    /// Not an XLSForm column at all (notes, a test column, data on choices): ODK ignores it,
    /// and phieu says once that it left it out.
    NotXlsForm,
}

/// The XLSForm columns (survey and choices sheets) phieu has no equivalent for; any other
/// header phieu does not read is not XLSForm (docs/xlsform.md §Sheets and columns).
const XLSFORM_COLUMNS: [&str; 21] = [
    "default",
    "choice_filter",
    "calculation",
    "read_only",
    "readonly",
    "parameters",
    "repeat_count",
    "media",
    "image",
    "big-image",
    "audio",
    "video",
    "trigger",
    "body",
    "instance",
    "control",
    "autoplay",
    "intent",
    "save_to",
    "jr",
    "list_name",
];

/// The language a `label::…` suffix names: `Vietnamese`, `vi`, `Tiếng Việt (vi)`, `English (en)`.
fn slot_of(language: &str) -> Slot {
    let l = language.trim().to_lowercase();
    let code = match (l.rfind('('), l.ends_with(')')) {
        (Some(open), true) => l[open + 1..l.len() - 1].trim().to_owned(),
        _ => l.clone(),
    };
    let is = |c: &str, names: &[&str]| {
        code == c || code.starts_with(&format!("{c}-")) || names.contains(&code.as_str())
    };
    if is("vi", &["vietnamese", "tiếng việt", "tieng viet"]) {
        Slot::Vi
    } else if is("en", &["english", "tiếng anh", "tieng anh"]) {
        Slot::En
    } else {
        Slot::Other
    }
}

/// The slot of a plain `label` column: Vietnamese unless `default_language` says otherwise.
fn default_slot(default_language: &str) -> Slot {
    if default_language.trim().is_empty() || default_language.trim() == "default" {
        Slot::Vi
    } else {
        slot_of(default_language)
    }
}

fn role(header: &str, choices: bool, plain: Slot) -> Role {
    let h = header.trim().to_lowercase();
    if h.is_empty() || h.starts_with('$') {
        return Role::Ignored;
    }
    // pyxform's aliases: `bind:relevant` is `relevant`, `bind:jr:constraintMsg` a message.
    let h = h
        .strip_prefix("bind::")
        .or_else(|| h.strip_prefix("bind:"))
        .map_or(h.clone(), str::to_owned);
    if let Some(jr) = h.strip_prefix("jr:") {
        return if jr.ends_with("msg") {
            Role::Ignored
        } else {
            Role::Unsupported
        };
    }
    // `label::English (en)`, and the legacy single colon, `label:English`.
    let (base, language) = match h.split_once("::") {
        Some((b, l)) => (b, Some(l)),
        None => match h.split_once(':') {
            Some((b, l)) if matches!(b.trim(), "label" | "hint" | "media") => (b, Some(l)),
            _ => (h.as_str(), None),
        },
    };
    let base = base.trim().replace(' ', "_");
    let slot = language.map_or(plain, slot_of);
    match (base.as_str(), choices) {
        ("label", _) => Role::Label(slot),
        ("name", _) => Role::Name,
        ("list_name", true) => Role::ListName,
        ("type", false) => Role::Type,
        ("hint", false) => Role::Hint(slot),
        ("required", false) => Role::Required,
        ("relevant", false) => Role::Relevant,
        ("constraint", false) => Role::Constraint,
        ("appearance", false) => Role::Appearance,
        (
            "constraint_message" | "required_message" | "guidance_hint" | "constraintmsg"
            | "requiredmsg",
            false,
        ) => Role::Ignored,
        (b, _) if XLSFORM_COLUMNS.contains(&b) => Role::Unsupported,
        _ => Role::NotXlsForm,
    }
}

/// The columns of one sheet, by role.
struct Columns {
    roles: Vec<Role>,
}

impl Columns {
    fn find(&self, role: Role) -> Option<usize> {
        self.roles.iter().position(|r| *r == role)
    }
}

/// Reads a sheet's header: the role of each column, a problem for a repeated header, and one
/// [`Skipped`] for each filled label or hint column in a third language.
fn columns(
    sheet: &Sheet,
    choices: bool,
    plain: Slot,
    problems: &mut Vec<Problem>,
    skipped: &mut Vec<Skipped>,
) -> Columns {
    let roles: Vec<Role> = sheet
        .headers()
        .iter()
        .map(|h| role(h, choices, plain))
        .collect();
    let mut seen = HashSet::new();
    for (j, r) in roles.iter().enumerate() {
        let counted = !matches!(
            r,
            Role::Ignored
                | Role::Unsupported
                | Role::NotXlsForm
                | Role::Label(Slot::Other)
                | Role::Hint(Slot::Other)
        );
        if counted && !seen.insert(*r) {
            problems.push(Problem::new(
                sheet.header_at(j),
                ProblemKind::DuplicateColumn,
            ));
        }
        let filled = sheet.rows().iter().any(|row| !row[j].is_empty());
        if *r == Role::NotXlsForm && filled {
            skipped.push(Skipped::new(sheet.header_at(j), SkipKind::NotXlsForm));
        }
        if matches!(r, Role::Label(Slot::Other) | Role::Hint(Slot::Other)) && filled {
            let header = &sheet.headers()[j];
            let language = header
                .split_once("::")
                .map_or(header.as_str(), |(_, l)| l)
                .trim();
            skipped.push(Skipped::new(
                sheet.header_at(j),
                SkipKind::OtherLanguage {
                    language: language.to_owned(),
                },
            ));
        }
    }
    Columns { roles }
}

// ---------------------------------------------------------------------------------------------
// Choices

/// One row of the `choices` sheet.
#[derive(Debug, Clone)]
struct ChoiceRow {
    /// The XLSForm name, as written.
    name: String,
    id: String,
    vi: String,
    en: Option<String>,
    at: Location,
}

/// A list of the `choices` sheet, with the problems of its rows (reported only when a
/// question uses the list: an unused list is never asked).
#[derive(Debug, Clone, Default)]
struct List {
    choices: Vec<ChoiceRow>,
    problems: Vec<Problem>,
    reported: bool,
}

/// The lists of the `choices` sheet.
enum Lists {
    NoSheet,
    /// The sheet lacks `list_name` or `name` (reported once, at the sheet).
    Unreadable,
    Read(HashMap<String, List>),
}

fn read_choices(
    sheet: &Sheet,
    plain: Slot,
    survey_has_vietnamese: bool,
    problems: &mut Vec<Problem>,
    skipped: &mut Vec<Skipped>,
) -> Lists {
    let cols = columns(sheet, true, plain, problems, skipped);
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
    // Choices in another language only: one problem for the sheet (none when the survey sheet
    // already said so for the whole form).
    let no_vietnamese = vi_col.is_none() && en_col.is_some();
    if no_vietnamese && survey_has_vietnamese {
        problems.push(Problem::new(
            Location::sheet(sheet.name()),
            ProblemKind::NoVietnamese {
                default_language: None,
                found: en_col
                    .map(|c| sheet.headers()[c].trim().to_owned())
                    .into_iter()
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
                vi,
                en: en_col.map(|c| row[c].clone()).filter(|s| !s.is_empty()),
                at: vi_col.map_or_else(|| sheet.at(i, name_col), |c| sheet.at(i, c)),
            });
        }
    }
    Lists::Read(lists)
}

// ---------------------------------------------------------------------------------------------
// Questions

/// An option of an item, before it is JSON.
#[derive(Debug, Clone)]
struct DraftOption {
    /// The XLSForm choice name (`other` for `or_other`).
    name: String,
    id: String,
    vi: String,
    en: Option<String>,
    free_text: bool,
    value: Option<i64>,
    at: Location,
}

#[derive(Debug, Clone)]
enum DraftKind {
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
    fn options(&self) -> &[DraftOption] {
        match self {
            DraftKind::Single { options, .. } | DraftKind::Multiple { options, .. } => options,
            _ => &[],
        }
    }
}

/// An item before it is JSON, with the cells it came from (to place the core's own errors).
#[derive(Debug, Clone)]
struct Draft {
    id: String,
    vi: String,
    en: Option<String>,
    required: bool,
    kind: DraftKind,
    show_if: Option<Cond>,
    type_at: Location,
    name_at: Location,
    label_at: Location,
    relevant_at: Option<Location>,
    constraint_at: Option<Location>,
}

/// What an earlier row is, for a `relevant` (or a label's `${name}`) that names it.
#[derive(Debug, Clone)]
enum Earlier {
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
    fn item(&self) -> Option<usize> {
        match self {
            Earlier::Select { item, .. } | Earlier::NotChoice { item } => *item,
        }
    }
}

/// A condition as the poll's `show_if` will carry it (docs/poll-format.md §Skip logic).
#[derive(Debug, Clone, PartialEq)]
enum Cond {
    Test { item: String, any_of: Vec<String> },
    All(Vec<Cond>),
    Any(Vec<Cond>),
}

impl Cond {
    fn json(&self) -> Value {
        match self {
            Cond::Test { item, any_of } => json!({ "item": item, "any_of": any_of }),
            Cond::All(parts) => json!({ "all": parts.iter().map(Cond::json).collect::<Vec<_>>() }),
            Cond::Any(parts) => json!({ "any": parts.iter().map(Cond::json).collect::<Vec<_>>() }),
        }
    }
}

/// The AND of conditions: none is no condition, one is itself, and an AND inside is flattened.
fn all_of(parts: Vec<Cond>) -> Option<Cond> {
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
fn any_of(parts: Vec<Cond>) -> Cond {
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
struct Condition {
    cond: Cond,
    at: Location,
}

/// An open `begin group` or `begin repeat`.
struct Group {
    at: Location,
    repeat: bool,
    condition: Option<Condition>,
}

/// Text waiting to be shown with the next question (notes, group labels).
struct Preamble {
    vi: String,
    en: Option<String>,
    at: Location,
}

/// The automatic fields of ODK and Kobo that record when, where, on which device or by whom a
/// form was filled: phieu must not record them (domain brief, "Secrecy").
const METADATA: [&str; 14] = [
    "start",
    "end",
    "today",
    "deviceid",
    "phonenumber",
    "username",
    "email",
    "simserial",
    "subscriberid",
    "audit",
    "start-geopoint",
    "background-audio",
    "background-geopoint",
    "uri:deviceid",
];

use phieu_core::MAX_TEXT_LEN;

#[derive(Default)]
struct Importer {
    problems: Vec<Problem>,
    skipped: Vec<Skipped>,
    drafts: Vec<Draft>,
    /// XLSForm names of the rows read so far.
    earlier: HashMap<String, Earlier>,
    /// Every XLSForm name in the survey sheet, with its row, to tell "later" from "unknown".
    all_names: HashMap<String, u32>,
    /// First row of each item id, for duplicates.
    ids: HashMap<String, u32>,
    /// The groups and repeats open at the row being read, outermost first.
    groups: Vec<Group>,
    /// Notes and group labels waiting for the next question.
    preamble: Vec<Preamble>,
    /// The problems of the lists that questions use, reported after the survey's.
    choice_problems: Vec<Problem>,
    missing_choices_reported: bool,
    /// The header of the survey's Vietnamese label column; `None` when it has none (said once,
    /// for the whole sheet, rather than on every row).
    vi_header: Option<String>,
}

/// One row of the survey sheet, with the columns it is read by.
struct Row<'a> {
    survey: &'a Sheet,
    cols: &'a Columns,
    type_col: usize,
    name_col: usize,
    i: usize,
    cells: &'a [String],
}

impl<'a> Row<'a> {
    fn cell(&self, role: Role) -> &'a str {
        self.cols.find(role).map_or("", |c| self.cells[c].as_str())
    }

    fn at(&self, role: Role) -> Option<Location> {
        self.cols.find(role).map(|c| self.survey.at(self.i, c))
    }

    fn type_at(&self) -> Location {
        self.survey.at(self.i, self.type_col)
    }

    /// The cell of `role`, else the row's type cell.
    fn at_or_type(&self, role: Role) -> Location {
        self.at(role).unwrap_or_else(|| self.type_at())
    }

    fn name(&self) -> &'a str {
        &self.cells[self.name_col]
    }

    fn excel_row(&self) -> u32 {
        self.survey.excel_row(self.i)
    }

    /// The Vietnamese and English labels, and the cell to name when the label is wrong.
    fn labels(&self) -> (String, Option<String>, Location) {
        let vi = self.cell(Role::Label(Slot::Vi)).to_owned();
        let en = Some(self.cell(Role::Label(Slot::En)).to_owned()).filter(|s| !s.is_empty());
        let at = self
            .at(Role::Label(Slot::Vi))
            .or_else(|| self.at(Role::Label(Slot::En)))
            .unwrap_or_else(|| self.type_at());
        (vi, en, at)
    }
}

/// A question's `type`, read.
enum QuestionType<'a> {
    Select {
        multiple: bool,
        list: Option<&'a str>,
        other: bool,
    },
    Number,
    Text,
    Decimal,
    /// A type phieu does not ask (reported).
    Refused,
}

/// Reads a question's type: `select_one LIST`, `select one from LIST`, `select all that apply
/// from LIST`, with `or_other` or `or specify other`; `integer`, `text` and their aliases.
fn question_type(type_text: &str) -> QuestionType<'_> {
    let words: Vec<&str> = type_text.split(' ').collect();
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let lower: Vec<&str> = lower.iter().map(String::as_str).collect();
    let select = match lower.as_slice() {
        ["select_one" | "select1", ..] => Some((false, 1)),
        ["select", "one", ..] => Some((false, 2)),
        ["select_multiple", ..] => Some((true, 1)),
        ["select", "multiple", ..] => Some((true, 2)),
        ["select", "all", "that", "apply", ..] => Some((true, 4)),
        _ => None,
    };
    let Some((multiple, skip)) = select else {
        return match lower.join(" ").as_str() {
            "integer" | "int" => QuestionType::Number,
            "text" | "string" => QuestionType::Text,
            "decimal" => QuestionType::Decimal,
            _ => QuestionType::Refused,
        };
    };
    let mut rest = &words[skip..];
    let mut rest_lower = &lower[skip..];
    if rest_lower.first() == Some(&"from") {
        rest = &rest[1..];
        rest_lower = &rest_lower[1..];
    }
    let (list, other) = match (rest, rest_lower) {
        ([], _) => (None, false),
        ([list], _) => (Some(*list), false),
        ([list, _], [_, "or_other"]) => (Some(*list), true),
        ([list, ..], [_, "or", "specify", "other"]) => (Some(*list), true),
        _ => return QuestionType::Refused,
    };
    QuestionType::Select {
        multiple,
        list,
        other,
    }
}

/// `${name}` in `text` replaced by `with` (spaces inside the braces allowed).
fn replace_reference(text: &str, name: &str, with: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find("${") {
        let after = &rest[start + 2..];
        match after.find('}') {
            Some(end) if after[..end].trim() == name => {
                out.push_str(&rest[..start]);
                out.push_str(with);
                rest = &after[end + 1..];
            }
            _ => {
                out.push_str(&rest[..start + 2]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Whether a text or number question asks who the respondent is (issue 23, item 7): by its
/// name or its label, in Vietnamese or English.
fn identifying(id: &str, vi: &str, en: Option<&str>) -> Option<Identity> {
    let label = format!("{} {}", vi, en.unwrap_or("")).to_lowercase();
    let id_has = |words: &[&str]| words.iter().any(|w| id.contains(w));
    let label_has = |words: &[&str]| words.iter().any(|w| label.contains(w));
    if id_has(&[
        "cccd",
        "cmnd",
        "id_number",
        "national_id",
        "can_cuoc",
        "passport",
    ]) || label_has(&[
        "cccd",
        "cmnd",
        "căn cước",
        "chứng minh",
        "id number",
        "identity card",
        "national id",
        "passport",
    ]) {
        Some(Identity::IdNumber)
    } else if id_has(&["phone", "dien_thoai", "sdt", "mobile"])
        || label_has(&["điện thoại", "sđt", "phone number", "mobile"])
    {
        Some(Identity::Phone)
    } else if id == "name"
        || id_has(&[
            "ho_ten",
            "hoten",
            "ho_va_ten",
            "full_name",
            "fullname",
            "respondent_name",
            "ten_nguoi_tra_loi",
            "ten_chu_ho",
        ])
        || label_has(&[
            "họ tên",
            "họ và tên",
            "tên người trả lời",
            "tên chủ hộ",
            "your name",
            "full name",
            "respondent's name",
            "name of the respondent",
        ])
    {
        Some(Identity::Name)
    } else {
        None
    }
}

fn yes_no(cell: &str) -> Option<bool> {
    match cell.trim().to_lowercase().as_str() {
        "" | "no" | "false" | "false()" | "0" => Some(false),
        "yes" | "true" | "true()" | "1" => Some(true),
        _ => None,
    }
}

/// A whole number as written in a constraint; `Err` with the kind of problem otherwise.
fn whole(number: &str) -> Result<i64, ProblemKind> {
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

/// Narrows `[min, max]` by the bounds of a constraint.
fn narrow(
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

/// Joins notes waiting to be shown before a label, one paragraph each.
fn joined(preamble: &[Preamble], vi: &str, en: Option<&str>) -> (String, Option<String>) {
    let mut v: Vec<&str> = preamble.iter().map(|p| p.vi.as_str()).collect();
    v.push(vi);
    // A note without English shows its Vietnamese in the English text too, as the app does
    // for any label without English.
    let e = en.map(|en| {
        let mut parts: Vec<&str> = preamble
            .iter()
            .map(|p| p.en.as_deref().unwrap_or(&p.vi))
            .collect();
        parts.push(en);
        parts.join("\n")
    });
    (v.join("\n"), e)
}

/// A hint joins the label as its own line, in brackets unless it has its own.
fn with_hint(label: String, hint: &str) -> String {
    if hint.is_empty() {
        label
    } else if hint.starts_with('(') {
        format!("{label}\n{hint}")
    } else {
        format!("{label}\n({hint})")
    }
}

impl Importer {
    fn problem(&mut self, at: Location, kind: ProblemKind) {
        self.problems.push(Problem::new(at, kind));
    }

    fn notice(&mut self, at: Location, kind: SkipKind) {
        self.skipped.push(Skipped::new(at, kind));
    }

    /// Reads the whole workbook in one pass, every row checked whatever else is wrong with it
    /// (issue 23, item 1), then builds the poll if nothing was.
    fn run(mut self, book: &Workbook, options: &ImportOptions) -> Result<Imported, Vec<Problem>> {
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
        let plain = default_slot(&default_language);
        let Some(cols) = self.survey_columns(survey, plain, &default_language) else {
            return Err(self.problems);
        };
        let mut lists = match &book.choices {
            None => Lists::NoSheet,
            Some(c) => read_choices(
                c,
                plain,
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

    /// The survey sheet's columns: `type`, `name` and a label are needed to read it at all. A
    /// sheet whose labels are all in another language is one problem here, not one per row.
    fn survey_columns(
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
    fn language_notice(
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

    /// One row of the survey sheet.
    fn row(&mut self, r: &Row, lists: &mut Lists) {
        let blank = r
            .cells
            .iter()
            .zip(&r.cols.roles)
            .all(|(c, role)| c.is_empty() || matches!(role, Role::Ignored | Role::NotXlsForm));
        if blank {
            return;
        }
        let type_text = r.cells[r.type_col]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let lower = type_text
            .to_lowercase()
            .replace("begin_", "begin ")
            .replace("end_", "end ");
        if type_text.is_empty() {
            self.problem(r.type_at(), ProblemKind::MissingType);
            return;
        }
        if METADATA.contains(&lower.as_str()) {
            self.notice(r.type_at(), SkipKind::Metadata { found: type_text });
            return;
        }
        if lower == "calculate" && matches!(r.name(), "__version__" | "_version_") {
            self.notice(r.type_at(), SkipKind::FormVersion);
            return;
        }
        self.unsupported_cells(r, &lower);
        match lower.as_str() {
            "begin group" | "begin repeat" => {
                self.begin_group(r, &type_text, lower == "begin repeat")
            }
            "end group" | "end repeat" => {
                let repeat = lower == "end repeat";
                match self.groups.last() {
                    Some(g) if g.repeat == repeat => {
                        self.groups.pop();
                    }
                    _ => self.problem(
                        r.type_at(),
                        ProblemKind::UnbalancedGroup { found: type_text },
                    ),
                }
            }
            "note" => self.note(r),
            _ => self.question(r, lists, &type_text),
        }
    }

    /// Filled cells of XLSForm columns phieu cannot carry over. A `calculate`'s `calculation`
    /// is the calculate itself, already refused by its type: one problem for one row.
    fn unsupported_cells(&mut self, r: &Row, lower_type: &str) {
        for (j, role) in r.cols.roles.iter().enumerate() {
            let header = r.survey.headers()[j].trim().to_lowercase();
            let own_calculation = lower_type == "calculate" && header.ends_with("calculation");
            if *role == Role::Unsupported && !r.cells[j].is_empty() && !own_calculation {
                self.problem(r.survey.at(r.i, j), ProblemKind::UnsupportedColumn);
            }
        }
    }

    /// `begin group` (or `begin repeat`, refused, whose rows are still read): its label waits
    /// for the first question inside, its condition applies to every question inside.
    fn begin_group(&mut self, r: &Row, type_text: &str, repeat: bool) {
        if repeat {
            self.problem(
                r.type_at(),
                ProblemKind::UnsupportedType {
                    found: type_text.into(),
                },
            );
        }
        let relevant = r.cell(Role::Relevant);
        let condition = if relevant.is_empty() {
            None
        } else {
            let at = r.at_or_type(Role::Relevant);
            self.condition(relevant, &at, r.excel_row())
                .map(|cond| Condition { cond, at })
        };
        let (vi, en, label_at) = r.labels();
        if !vi.is_empty() {
            self.preamble.push(Preamble {
                vi,
                en,
                at: label_at,
            });
        }
        if !r.name().is_empty() {
            self.earlier
                .insert(r.name().to_owned(), Earlier::NotChoice { item: None });
        }
        self.groups.push(Group {
            at: r.type_at(),
            repeat,
            condition,
        });
    }

    /// A note joins the next question's label.
    fn note(&mut self, r: &Row) {
        let (mut vi, mut en, label_at) = r.labels();
        if !r.cell(Role::Relevant).is_empty() {
            self.problem(r.at_or_type(Role::Relevant), ProblemKind::ConditionalNote);
        } else if vi.is_empty() {
            if self.vi_header.is_some() {
                self.missing_label(label_at);
            }
        } else {
            self.references(&label_at, &mut vi, &mut en);
            self.preamble.push(Preamble {
                vi,
                en,
                at: label_at,
            });
        }
        if !r.name().is_empty() {
            self.earlier
                .insert(r.name().to_owned(), Earlier::NotChoice { item: None });
        }
    }

    fn missing_label(&mut self, at: Location) {
        let column = self.vi_header.clone().unwrap_or_else(|| "label".into());
        self.problem(at, ProblemKind::MissingLabel { column });
    }

    /// A question: its type, name, label, `required`, constraint and condition are each checked,
    /// whatever the others gave; it becomes an item only when nothing was wrong with it.
    fn question(&mut self, r: &Row, lists: &mut Lists, type_text: &str) {
        let before = self.problems.len();
        let type_at = r.type_at();
        let parsed = question_type(type_text);
        let mut kind = match parsed {
            QuestionType::Select {
                multiple,
                list,
                other,
            } => self.select(r, lists, multiple, list, other),
            QuestionType::Number => Some(DraftKind::Number {
                min: i64::from(i32::MIN),
                max: i64::from(i32::MAX),
            }),
            QuestionType::Text => Some(DraftKind::Text { max_len: None }),
            QuestionType::Decimal => {
                self.problem(type_at.clone(), ProblemKind::Decimal);
                None
            }
            QuestionType::Refused => {
                self.problem(
                    type_at.clone(),
                    ProblemKind::UnsupportedType {
                        found: type_text.into(),
                    },
                );
                None
            }
        };
        let asked = !matches!(parsed, QuestionType::Refused | QuestionType::Decimal);
        let name = r.name().to_owned();
        let name_at = r.survey.at(r.i, r.name_col);
        let id = self.question_id(&name, &name_at, r.excel_row());
        let (vi, en, label_at) = r.labels();
        // A refused type (a calculate, say) has no label to ask with: not a second problem.
        if asked && vi.is_empty() && self.vi_header.is_some() {
            self.missing_label(label_at.clone());
        }
        let required = match yes_no(r.cell(Role::Required)) {
            Some(required) => required,
            None => {
                let found = r.cell(Role::Required).to_owned();
                self.problem(
                    r.at_or_type(Role::Required),
                    ProblemKind::BadRequired { found },
                );
                false
            }
        };
        let constraint = r.cell(Role::Constraint);
        let constraint_at = r.at(Role::Constraint).filter(|_| !constraint.is_empty());
        if let (Some(k), Some(at)) = (&mut kind, &constraint_at) {
            if let Err(p) = apply_constraint(k, constraint) {
                self.problem(at.clone(), p);
            }
        }
        let condition = self.row_condition(r);
        let earlier = match &kind {
            Some(k @ (DraftKind::Single { .. } | DraftKind::Multiple { .. })) => Earlier::Select {
                id: id.clone().unwrap_or_default(),
                multiple: matches!(k, DraftKind::Multiple { .. }),
                choices: Some(
                    k.options()
                        .iter()
                        .map(|o| (o.name.clone(), o.id.clone()))
                        .collect(),
                ),
                item: None,
            },
            None if matches!(parsed, QuestionType::Select { .. }) => Earlier::Select {
                id: id.clone().unwrap_or_default(),
                multiple: matches!(parsed, QuestionType::Select { multiple: true, .. }),
                choices: None,
                item: None,
            },
            _ => Earlier::NotChoice { item: None },
        };
        if !asked {
            // The notes before a refused row wait for the next question.
            if !name.is_empty() {
                self.earlier.insert(name, earlier);
            }
            return;
        }
        let (label_vi, label_en) = self.label(r, vi, en, &label_at);
        if let Some(what) = kind
            .as_ref()
            .filter(|k| matches!(k, DraftKind::Number { .. } | DraftKind::Text { .. }))
            .and_then(|_| identifying(id.as_deref().unwrap_or(""), &label_vi, label_en.as_deref()))
        {
            self.notice(label_at.clone(), SkipKind::Identifying { what });
        }
        let ok = self.problems.len() == before;
        let index = self.drafts.len();
        let pushed = ok && kind.is_some() && id.is_some();
        if !name.is_empty() {
            let item = pushed.then_some(index);
            self.earlier.insert(
                name,
                match earlier {
                    Earlier::Select {
                        id,
                        multiple,
                        choices,
                        ..
                    } => Earlier::Select {
                        id,
                        multiple,
                        choices,
                        item,
                    },
                    Earlier::NotChoice { .. } => Earlier::NotChoice { item },
                },
            );
        }
        if let (true, Some(kind), Some(id)) = (pushed, kind, id) {
            self.drafts.push(Draft {
                id,
                vi: label_vi,
                en: label_en,
                required,
                kind,
                relevant_at: condition.as_ref().map(|c| c.at.clone()),
                show_if: condition.map(|c| c.cond),
                type_at,
                name_at,
                label_at,
                constraint_at,
            });
        }
    }

    /// The options of a select, from its list; `None` with the problem reported.
    fn select(
        &mut self,
        r: &Row,
        lists: &mut Lists,
        multiple: bool,
        list: Option<&str>,
        other: bool,
    ) -> Option<DraftKind> {
        let type_at = r.type_at();
        let Some(list) = list else {
            self.problem(type_at, ProblemKind::MissingListName);
            return None;
        };
        match lists {
            Lists::NoSheet => {
                if !self.missing_choices_reported {
                    self.problem(Location::sheet("choices"), ProblemKind::MissingSheet);
                    self.missing_choices_reported = true;
                }
                None
            }
            // The sheet's missing column was reported; every list is unknown.
            Lists::Unreadable => None,
            Lists::Read(lists) => match lists.get_mut(list) {
                None => {
                    self.problem(type_at, ProblemKind::MissingList { list: list.into() });
                    None
                }
                Some(l) => {
                    if !l.reported {
                        l.reported = true;
                        self.choice_problems.extend(l.problems.iter().cloned());
                    }
                    if l.problems.is_empty() {
                        let l = l.clone();
                        self.options(&l, list, other, multiple, r)
                    } else {
                        None
                    }
                }
            },
        }
    }

    /// The item id of a question's name; `None` with the problem reported.
    fn question_id(&mut self, name: &str, at: &Location, row: u32) -> Option<String> {
        if name.is_empty() {
            self.problem(at.clone(), ProblemKind::MissingName);
            return None;
        }
        let Some(id) = id_of(name) else {
            self.problem(at.clone(), ProblemKind::BadName { name: name.into() });
            return None;
        };
        if let Some(first_row) = self.ids.get(&id).copied() {
            self.problem(
                at.clone(),
                ProblemKind::DuplicateName {
                    name: name.into(),
                    id,
                    first_row,
                },
            );
            return None;
        }
        self.ids.insert(id.clone(), row);
        Some(id)
    }

    /// The condition of a question: the AND of every enclosing group's and its own (issue 23,
    /// item 3), placed at the innermost `relevant` written.
    fn row_condition(&mut self, r: &Row) -> Option<Condition> {
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

    /// A question's label: the notes before it, its own, its hint, and `${…}` references in its
    /// own words or its hint (a note's were taken when it was read).
    fn label(
        &mut self,
        r: &Row,
        vi: String,
        en: Option<String>,
        at: &Location,
    ) -> (String, Option<String>) {
        let hint_vi = r.cell(Role::Hint(Slot::Vi));
        let hint_en = r.cell(Role::Hint(Slot::En));
        let (label_vi, label_en) = joined(&self.preamble, &vi, en.as_deref());
        let mut label_vi = with_hint(label_vi, hint_vi);
        let mut label_en =
            label_en.map(|e| with_hint(e, if hint_en.is_empty() { hint_vi } else { hint_en }));
        self.preamble.clear();
        self.references(at, &mut label_vi, &mut label_en);
        (label_vi, label_en)
    }

    /// `${name}` in a label (issue 23, item 7): an earlier question of the poll becomes "(the
    /// answer to question N)" and is said so; anything else is a problem.
    fn references(&mut self, at: &Location, vi: &mut String, en: &mut Option<String>) {
        let mut names = expr::references(vi);
        for n in en.as_deref().map(expr::references).unwrap_or_default() {
            if !names.contains(&n) {
                names.push(n);
            }
        }
        let (mut shown, mut questions) = (Vec::new(), Vec::new());
        for name in names {
            match self.earlier.get(&name).and_then(Earlier::item) {
                Some(index) => {
                    let n = index + 1;
                    *vi = replace_reference(vi, &name, &format!("(câu trả lời câu {n})"));
                    if let Some(e) = en.as_mut() {
                        *e = replace_reference(e, &name, &format!("(the answer to question {n})"));
                    }
                    shown.push(name);
                    questions.push(n);
                }
                None => self.problem(at.clone(), ProblemKind::LabelReference { name }),
            }
        }
        if !shown.is_empty() {
            self.notice(
                at.clone(),
                SkipKind::LabelReference {
                    names: shown,
                    questions,
                },
            );
        }
    }

    /// What is still open at the end of the sheet, and the lists' problems.
    fn close(&mut self, survey: &Sheet) {
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

    /// The poll, checked by the core like any other, or every problem found.
    fn build(
        mut self,
        survey: &Sheet,
        settings: &Settings,
        options: &ImportOptions,
    ) -> Result<Imported, Vec<Problem>> {
        let place = self.place(settings, options);
        let head = self.head(settings, options);
        let (Some((commune, village)), Some((id, title)), true) =
            (place, head, self.problems.is_empty())
        else {
            return Err(self.problems);
        };
        let json = json!({
            "format": "phieu/poll",
            "version": 1,
            "id": id,
            "kind": "survey",
            "title": { "vi": title },
            "place": { "commune": commune, "village": village },
            "rule": { "preset": "none" },
            "items": self.drafts.iter().map(item_json).collect::<Vec<_>>(),
        });
        match Poll::from_json(&json.to_string()) {
            Ok(poll) => Ok(Imported {
                poll,
                skipped: self.skipped,
            }),
            Err(e) => Err(vec![Problem::new(
                self.locate(&e, settings, survey),
                ProblemKind::Poll(e),
            )]),
        }
    }

    /// The options of a select from its list (and "Khác" for `or_other`); a `likert` list with
    /// whole-number names becomes a scale with those values, another is said to stay a single
    /// choice.
    fn options(
        &mut self,
        list: &List,
        list_name: &str,
        other: bool,
        multiple: bool,
        r: &Row,
    ) -> Option<DraftKind> {
        let type_at = r.type_at();
        let mut options: Vec<DraftOption> = list
            .choices
            .iter()
            .map(|c| DraftOption {
                name: c.name.clone(),
                id: c.id.clone(),
                vi: c.vi.clone(),
                en: c.en.clone(),
                free_text: false,
                value: None,
                at: c.at.clone(),
            })
            .collect();
        if options.len() < 2 {
            self.problem(
                type_at,
                ProblemKind::TooFewChoices {
                    list: list_name.into(),
                    found: options.len(),
                },
            );
            return None;
        }
        if other {
            if let Some(c) = options.iter().find(|o| o.id == "other") {
                let first_row = c.at.row_number().unwrap_or(0);
                self.problem(
                    type_at,
                    ProblemKind::DuplicateName {
                        name: "other".into(),
                        id: "other".into(),
                        first_row,
                    },
                );
                return None;
            }
            options.push(DraftOption {
                name: "other".into(),
                id: "other".into(),
                vi: "Khác".into(),
                en: Some("Other".into()),
                free_text: true,
                value: None,
                at: type_at,
            });
        }
        if multiple {
            let max = options.len() as u64;
            return Some(DraftKind::Multiple {
                options,
                min: 0,
                max,
            });
        }
        let likert = r.cell(Role::Appearance).to_lowercase().contains("likert");
        let values: Option<Vec<i64>> = options.iter().map(|o| o.name.parse::<i64>().ok()).collect();
        let scale = match values {
            Some(values) if !other && likert => {
                for (o, v) in options.iter_mut().zip(values) {
                    o.value = Some(v);
                }
                true
            }
            _ => {
                if likert {
                    self.notice(
                        r.at_or_type(Role::Appearance),
                        SkipKind::LikertWithoutValues,
                    );
                }
                false
            }
        };
        Some(DraftKind::Single { options, scale })
    }

    /// Maps a `relevant` to a condition on earlier selects, every test checked; `None` with
    /// each reason reported once.
    fn condition(&mut self, relevant: &str, at: &Location, row: u32) -> Option<Cond> {
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

    fn cond_of(&mut self, e: &Expr, at: &Location, row: u32) -> Option<Cond> {
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

    fn test(&mut self, t: &Test, at: &Location, row: u32) -> Option<Cond> {
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

    /// The commune and village: the officer's, else the `settings` sheet's.
    fn place(&mut self, settings: &Settings, options: &ImportOptions) -> Option<(String, String)> {
        let given = |o: &Option<String>| {
            o.as_deref()
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
        };
        let from_sheet = |key: &str| {
            settings
                .get(key)
                .map(|(v, _)| v.clone())
                .filter(|s| !s.is_empty())
        };
        let village = given(&options.village)
            .or_else(|| from_sheet("village"))
            .unwrap_or_default();
        match given(&options.commune).or_else(|| from_sheet("commune")) {
            Some(commune) => Some((commune, village)),
            None => {
                self.problem(Location::sheet("settings"), ProblemKind::NoCommune);
                None
            }
        }
    }

    /// The poll id and title: `form_id` and `form_title`, else the file name (as pyxform does).
    fn head(&mut self, settings: &Settings, options: &ImportOptions) -> Option<(String, String)> {
        let stem = options.file_stem.trim();
        let title_cell = settings.get("form_title").filter(|(v, _)| !v.is_empty());
        let id = match settings.get("form_id").filter(|(v, _)| !v.is_empty()) {
            Some((form_id, at)) => match slug(form_id) {
                Some(id) => id,
                None => {
                    self.problem(
                        at.clone(),
                        ProblemKind::BadFormId {
                            found: form_id.clone(),
                        },
                    );
                    return None;
                }
            },
            None => {
                let source = if stem.is_empty() {
                    title_cell.map_or("", |(v, _)| v.as_str())
                } else {
                    stem
                };
                match slug(source) {
                    Some(id) => id,
                    None => {
                        self.problem(
                            Location::sheet("settings"),
                            ProblemKind::BadFormId {
                                found: source.into(),
                            },
                        );
                        return None;
                    }
                }
            }
        };
        let title = match title_cell {
            Some((t, _)) => t.clone(),
            None if !stem.is_empty() => stem.to_owned(),
            None => id.clone(),
        };
        Some((id, title))
    }

    /// The cell a core error is about: `items[3].options[1].label.vi` is the label of the choice
    /// behind the second option of the fourth item.
    fn locate(&self, e: &PollError, settings: &Settings, survey: &Sheet) -> Location {
        let path = e.path();
        if let Some(rest) = path.strip_prefix("items[") {
            let (index, rest) = rest.split_once(']').unwrap_or((rest, ""));
            if let Some(d) = index.parse::<usize>().ok().and_then(|i| self.drafts.get(i)) {
                if let Some(opt) = rest.strip_prefix(".options[") {
                    let j = opt
                        .split_once(']')
                        .and_then(|(j, _)| j.parse::<usize>().ok());
                    if let Some(o) = j.and_then(|j| d.kind.options().get(j)) {
                        return o.at.clone();
                    }
                }
                return if rest.starts_with(".label") {
                    d.label_at.clone()
                } else if rest.starts_with(".id") {
                    d.name_at.clone()
                } else if rest.starts_with(".show_if") {
                    d.relevant_at.clone().unwrap_or_else(|| d.type_at.clone())
                } else if rest.starts_with(".min") || rest.starts_with(".max") || rest.is_empty() {
                    d.constraint_at.clone().unwrap_or_else(|| d.type_at.clone())
                } else {
                    d.type_at.clone()
                };
            }
            return Location::sheet(survey.name());
        }
        let key = match path.split('.').next().unwrap_or("") {
            "id" => "form_id",
            "title" => "form_title",
            "place" => "commune",
            _ => return Location::sheet(survey.name()),
        };
        settings
            .get(key)
            .map_or_else(|| Location::sheet("settings"), |(_, at)| at.clone())
    }
}

/// Applies a range constraint to a question (docs/xlsform.md §constraint).
fn apply_constraint(kind: &mut DraftKind, constraint: &str) -> Result<(), ProblemKind> {
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
            let (mut lo, mut hi) = (0, MAX_TEXT_LEN as i64);
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

fn text_json(vi: &str, en: Option<&str>) -> Value {
    match en {
        Some(en) => json!({ "vi": vi, "en": en }),
        None => json!({ "vi": vi }),
    }
}

fn item_json(d: &Draft) -> Value {
    let mut m = Map::new();
    m.insert("id".into(), json!(d.id));
    m.insert("required".into(), json!(d.required));
    m.insert("label".into(), text_json(&d.vi, d.en.as_deref()));
    if let Some(c) = &d.show_if {
        m.insert("show_if".into(), c.json());
    }
    let options = |options: &[DraftOption]| -> Value {
        options
            .iter()
            .map(|o| {
                let mut c = Map::new();
                c.insert("id".into(), json!(o.id));
                c.insert("label".into(), text_json(&o.vi, o.en.as_deref()));
                if o.free_text {
                    c.insert("free_text".into(), json!(true));
                }
                if let Some(v) = o.value {
                    c.insert("value".into(), json!(v));
                }
                Value::Object(c)
            })
            .collect()
    };
    let kind = match &d.kind {
        DraftKind::Single { options: o, scale } => {
            m.insert("options".into(), options(o));
            if *scale {
                "scale"
            } else {
                "single"
            }
        }
        DraftKind::Multiple {
            options: o,
            min,
            max,
        } => {
            m.insert("options".into(), options(o));
            m.insert("min".into(), json!(min));
            m.insert("max".into(), json!(max));
            "multiple"
        }
        DraftKind::Number { min, max } => {
            m.insert("min".into(), json!(min));
            m.insert("max".into(), json!(max));
            "number"
        }
        DraftKind::Text { max_len } => {
            if let Some(n) = max_len {
                m.insert("max_len".into(), json!(n));
            }
            "text"
        }
    };
    m.insert("type".into(), json!(kind));
    Value::Object(m)
}

/// The `settings` sheet: each header with the value below it and that cell.
type Settings = HashMap<String, (String, Location)>;

fn read_settings(sheet: &Sheet) -> Settings {
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
