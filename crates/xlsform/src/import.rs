//! The mapping from an XLSForm to a phieu poll (docs/xlsform.md). Every row of the `survey`
//! sheet becomes a question, joins the next question's label (notes, group labels), is left out
//! on purpose with a [`Skipped`] saying so (automatic metadata such as `start`), or is a
//! [`Problem`]. The whole workbook is read before anything is refused, so the officer sees every
//! problem at once. The poll built is an opinion survey (kind `survey`, rule `none`): nothing in
//! an XLSForm says which legal rule would decide it, and the core's own checks run on it last.

use std::collections::{HashMap, HashSet};

use phieu_core::{Poll, PollError};
use serde_json::{json, Map, Value};

use crate::expr::{self, Op, Subject};
use crate::name::{id_of, slug};
use crate::problem::{Location, Problem, ProblemKind, SkipKind, Skipped};
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
}

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
    let (base, language) = match h.split_once("::") {
        Some((b, l)) => (b.trim().replace(' ', "_"), Some(l)),
        None => (h.replace(' ', "_"), None),
    };
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
        ("constraint_message" | "required_message" | "guidance_hint", false) => Role::Ignored,
        _ => Role::Unsupported,
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
            Role::Ignored | Role::Unsupported | Role::Label(Slot::Other) | Role::Hint(Slot::Other)
        );
        if counted && !seen.insert(*r) {
            problems.push(Problem::new(
                sheet.header_at(j),
                ProblemKind::DuplicateColumn,
            ));
        }
        let filled = sheet.rows().iter().any(|row| !row[j].is_empty());
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
    let mut lists: HashMap<String, List> = HashMap::new();
    let mut first_rows: HashMap<(String, String), u32> = HashMap::new();
    for (i, row) in sheet.rows().iter().enumerate() {
        let list_name = &row[list_col];
        if list_name.is_empty() {
            if row
                .iter()
                .zip(&cols.roles)
                .any(|(c, r)| !c.is_empty() && *r != Role::Ignored)
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
        if vi.is_empty() {
            let at = vi_col.or(en_col).map_or_else(
                || Location::row(sheet.name(), sheet.excel_row(i)),
                |c| sheet.at(i, c),
            );
            list.problems
                .push(Problem::new(at, ProblemKind::MissingLabel));
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
    show_if: Option<(String, Vec<String>)>,
    type_at: Location,
    name_at: Location,
    label_at: Location,
    relevant_at: Option<Location>,
    constraint_at: Option<Location>,
}

/// What an earlier row is, for a `relevant` that names it.
#[derive(Debug, Clone)]
enum Earlier {
    /// A select that became item `index`.
    Select { index: usize, multiple: bool },
    /// A row that is not a select (a number, a note, a group …).
    NotChoice,
    /// A question with a problem already reported; tests of it add no second problem.
    Broken,
}

/// A condition in force, and where it was written.
#[derive(Debug, Clone)]
struct Condition {
    item: String,
    any_of: Vec<String>,
    at: Location,
}

/// An open `begin group`.
struct Group {
    at: Location,
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

/// The most characters of a text answer phieu takes (docs/poll-format.md §Limits).
const MAX_TEXT_LEN: u64 = 5_000;

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

    fn run(mut self, book: &Workbook, options: &ImportOptions) -> Result<Imported, Vec<Problem>> {
        let settings = book
            .settings
            .as_ref()
            .map(read_settings)
            .unwrap_or_default();
        let plain = default_slot(
            settings
                .get("default_language")
                .map_or("", |(v, _)| v.as_str()),
        );
        let Some(survey) = &book.survey else {
            return Err(vec![Problem::new(
                Location::sheet("survey"),
                ProblemKind::MissingSheet,
            )]);
        };
        let mut choice_problems = Vec::new();
        let mut lists = match &book.choices {
            None => Lists::NoSheet,
            Some(c) => read_choices(c, plain, &mut choice_problems, &mut self.skipped),
        };
        let cols = columns(survey, false, plain, &mut self.problems, &mut self.skipped);
        let type_col = cols.find(Role::Type);
        let name_col = cols.find(Role::Name);
        for (found, header) in [(type_col.is_some(), "type"), (name_col.is_some(), "name")] {
            if !found {
                self.problem(
                    Location::sheet(survey.name()),
                    ProblemKind::MissingColumn { header },
                );
            }
        }
        let has_label = cols
            .roles
            .iter()
            .any(|r| matches!(r, Role::Label(Slot::Vi | Slot::En)));
        if !has_label {
            self.problem(
                Location::sheet(survey.name()),
                ProblemKind::MissingColumn { header: "label" },
            );
        }
        let (Some(type_col), Some(name_col), true) = (type_col, name_col, has_label) else {
            return Err(self.problems);
        };
        for (i, row) in survey.rows().iter().enumerate() {
            let name = &row[name_col];
            if !name.is_empty() && !row[type_col].to_lowercase().starts_with("end") {
                self.all_names
                    .entry(name.clone())
                    .or_insert(survey.excel_row(i));
            }
        }
        let mut groups: Vec<Group> = Vec::new();
        let mut preamble: Vec<Preamble> = Vec::new();
        let mut repeat_depth = 0usize;
        let mut missing_choices_reported = false;
        for (i, row) in survey.rows().iter().enumerate() {
            let cell = |role: Role| cols.find(role).map_or("", |c| row[c].as_str());
            let at = |role: Role| cols.find(role).map(|c| survey.at(i, c));
            let type_at = survey.at(i, type_col);
            let blank = row
                .iter()
                .zip(&cols.roles)
                .all(|(c, r)| c.is_empty() || *r == Role::Ignored);
            if blank {
                continue;
            }
            let type_text = row[type_col]
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            let lower = type_text.to_lowercase();
            let lower = lower.replace("begin_", "begin ").replace("end_", "end ");
            if repeat_depth > 0 {
                match lower.as_str() {
                    "begin repeat" => repeat_depth += 1,
                    "end repeat" => repeat_depth -= 1,
                    _ => {}
                }
                continue;
            }
            if type_text.is_empty() {
                self.problem(type_at, ProblemKind::MissingType);
                continue;
            }
            if METADATA.contains(&lower.as_str()) {
                self.skipped.push(Skipped::new(
                    type_at,
                    SkipKind::Metadata { found: type_text },
                ));
                continue;
            }
            for (j, r) in cols.roles.iter().enumerate() {
                if *r == Role::Unsupported && !row[j].is_empty() {
                    self.problem(survey.at(i, j), ProblemKind::UnsupportedColumn);
                }
            }
            let name = row[name_col].clone();
            let vi = cell(Role::Label(Slot::Vi)).to_owned();
            let en = Some(cell(Role::Label(Slot::En)).to_owned()).filter(|s| !s.is_empty());
            let label_at = at(Role::Label(Slot::Vi))
                .or_else(|| at(Role::Label(Slot::En)))
                .unwrap_or_else(|| type_at.clone());
            let relevant = cell(Role::Relevant);
            match lower.as_str() {
                "begin group" => {
                    let condition = if relevant.is_empty() {
                        None
                    } else {
                        let at = at(Role::Relevant).unwrap_or_else(|| type_at.clone());
                        if groups.iter().any(|g| g.condition.is_some()) {
                            self.problem(at, ProblemKind::NestedConditions);
                            None
                        } else {
                            self.condition(relevant, at, survey.excel_row(i))
                        }
                    };
                    if !vi.is_empty() {
                        preamble.push(Preamble {
                            vi,
                            en,
                            at: label_at,
                        });
                    }
                    if !name.is_empty() {
                        self.earlier.insert(name, Earlier::NotChoice);
                    }
                    groups.push(Group {
                        at: type_at,
                        condition,
                    });
                    continue;
                }
                "end group" => {
                    if groups.pop().is_none() {
                        self.problem(type_at, ProblemKind::UnbalancedGroup { found: type_text });
                    }
                    continue;
                }
                "begin repeat" => {
                    self.problem(type_at, ProblemKind::UnsupportedType { found: type_text });
                    repeat_depth = 1;
                    continue;
                }
                "end repeat" => {
                    self.problem(type_at, ProblemKind::UnbalancedGroup { found: type_text });
                    continue;
                }
                "note" => {
                    if !relevant.is_empty() {
                        self.problem(
                            at(Role::Relevant).unwrap_or(type_at),
                            ProblemKind::ConditionalNote,
                        );
                    } else if vi.is_empty() {
                        self.problem(label_at, ProblemKind::MissingLabel);
                    } else {
                        preamble.push(Preamble {
                            vi,
                            en,
                            at: label_at,
                        });
                    }
                    if !name.is_empty() {
                        self.earlier.insert(name, Earlier::NotChoice);
                    }
                    continue;
                }
                _ => {}
            }
            // A question.
            let before = self.problems.len();
            let words: Vec<&str> = type_text.split(' ').collect();
            let lower_words: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
            let select = match lower_words
                .iter()
                .map(String::as_str)
                .collect::<Vec<_>>()
                .as_slice()
            {
                ["select_one" | "select1", ..] => Some((false, 1)),
                ["select", "one", ..] => Some((false, 2)),
                ["select_multiple", ..] => Some((true, 1)),
                ["select", "multiple", ..] => Some((true, 2)),
                ["select", "all", "that", "apply", ..] => Some((true, 4)),
                _ => None,
            };
            let mut kind = match (select, lower.as_str()) {
                (Some((multiple, skip)), _) => {
                    let rest = &words[skip..];
                    let (list, other) = match rest {
                        [list] => (Some(*list), false),
                        [list, o] if o.eq_ignore_ascii_case("or_other") => (Some(*list), true),
                        [] => (None, false),
                        _ => {
                            self.problem(
                                type_at.clone(),
                                ProblemKind::UnsupportedType {
                                    found: type_text.clone(),
                                },
                            );
                            (None, false)
                        }
                    };
                    match (list, &mut lists) {
                        (None, _) => {
                            if rest.is_empty() {
                                self.problem(type_at.clone(), ProblemKind::MissingListName);
                            }
                            None
                        }
                        (Some(_), Lists::NoSheet) => {
                            if !missing_choices_reported {
                                self.problem(Location::sheet("choices"), ProblemKind::MissingSheet);
                                missing_choices_reported = true;
                            }
                            None
                        }
                        // The sheet's missing column was reported; every list is unknown.
                        (Some(_), Lists::Unreadable) => None,
                        (Some(list), Lists::Read(lists)) => match lists.get_mut(list) {
                            None => {
                                self.problem(
                                    type_at.clone(),
                                    ProblemKind::MissingList { list: list.into() },
                                );
                                None
                            }
                            Some(l) => {
                                if !l.reported {
                                    l.reported = true;
                                    choice_problems.extend(l.problems.iter().cloned());
                                }
                                if l.problems.is_empty() {
                                    self.options(
                                        l,
                                        list,
                                        other,
                                        multiple,
                                        cell(Role::Appearance),
                                        &type_at,
                                    )
                                } else {
                                    None
                                }
                            }
                        },
                    }
                }
                (None, "integer" | "int") => Some(DraftKind::Number {
                    min: i64::from(i32::MIN),
                    max: i64::from(i32::MAX),
                }),
                (None, "text" | "string") => Some(DraftKind::Text { max_len: None }),
                (None, "decimal") => {
                    self.problem(type_at.clone(), ProblemKind::Decimal);
                    None
                }
                _ => {
                    self.problem(
                        type_at.clone(),
                        ProblemKind::UnsupportedType {
                            found: type_text.clone(),
                        },
                    );
                    None
                }
            };
            let understood =
                select.is_some() || matches!(lower.as_str(), "integer" | "int" | "text" | "string");
            if !understood {
                // One problem for one mistake: the rest of a row of another type (a calculate's
                // empty label, say) says nothing about what phieu would ask.
                if !name.is_empty() {
                    self.earlier.insert(name, Earlier::Broken);
                }
                continue;
            }
            // The name.
            let name_at = survey.at(i, name_col);
            let id = if name.is_empty() {
                self.problem(name_at.clone(), ProblemKind::MissingName);
                None
            } else if let Some(id) = id_of(&name) {
                match self.ids.get(&id) {
                    Some(first_row) => {
                        let first_row = *first_row;
                        self.problem(
                            name_at.clone(),
                            ProblemKind::DuplicateName {
                                name: name.clone(),
                                id,
                                first_row,
                            },
                        );
                        None
                    }
                    None => {
                        self.ids.insert(id.clone(), survey.excel_row(i));
                        Some(id)
                    }
                }
            } else {
                self.problem(name_at.clone(), ProblemKind::BadName { name: name.clone() });
                None
            };
            if vi.is_empty() {
                self.problem(label_at.clone(), ProblemKind::MissingLabel);
            }
            let required = match yes_no(cell(Role::Required)) {
                Some(r) => r,
                None => {
                    let found = cell(Role::Required).to_owned();
                    self.problem(
                        at(Role::Required).unwrap_or_else(|| type_at.clone()),
                        ProblemKind::BadRequired { found },
                    );
                    false
                }
            };
            // The constraint.
            let constraint = cell(Role::Constraint);
            let constraint_at = at(Role::Constraint).filter(|_| !constraint.is_empty());
            if let (Some(k), Some(c_at)) = (&mut kind, &constraint_at) {
                if let Err(p) = apply_constraint(k, constraint) {
                    self.problem(c_at.clone(), p);
                }
            }
            // The condition: the question's own, or its group's.
            let inherited = groups.iter().find_map(|g| g.condition.clone());
            let own = if relevant.is_empty() {
                None
            } else {
                let r_at = at(Role::Relevant).unwrap_or_else(|| type_at.clone());
                if inherited.is_some() {
                    self.problem(r_at, ProblemKind::NestedConditions);
                    None
                } else {
                    self.condition(relevant, r_at, survey.excel_row(i))
                }
            };
            let condition = own.or(inherited);
            // The label, with the notes before it and its hint.
            let hint_vi = cell(Role::Hint(Slot::Vi));
            let hint_en = cell(Role::Hint(Slot::En));
            let (label_vi, label_en) = joined(&preamble, &vi, en.as_deref());
            let label_vi = with_hint(label_vi, hint_vi);
            let label_en =
                label_en.map(|e| with_hint(e, if hint_en.is_empty() { hint_vi } else { hint_en }));
            preamble.clear();
            let ok = self.problems.len() == before;
            let index = self.drafts.len();
            let earlier = match &kind {
                Some(DraftKind::Single { .. }) if ok => Earlier::Select {
                    index,
                    multiple: false,
                },
                Some(DraftKind::Multiple { .. }) if ok => Earlier::Select {
                    index,
                    multiple: true,
                },
                Some(DraftKind::Number { .. } | DraftKind::Text { .. }) => Earlier::NotChoice,
                _ => Earlier::Broken,
            };
            if !name.is_empty() {
                self.earlier.insert(name, earlier);
            }
            if let (true, Some(kind), Some(id)) = (ok, kind, id) {
                self.drafts.push(Draft {
                    id,
                    vi: label_vi,
                    en: label_en,
                    required,
                    kind,
                    show_if: condition
                        .as_ref()
                        .map(|c| (c.item.clone(), c.any_of.clone())),
                    type_at,
                    name_at,
                    label_at,
                    relevant_at: condition.map(|c| c.at),
                    constraint_at,
                });
            }
        }
        for g in groups {
            self.problem(
                g.at,
                ProblemKind::UnbalancedGroup {
                    found: "begin group".into(),
                },
            );
        }
        // A repeat without its end was reported where it began: one problem for one mistake.
        for p in preamble {
            self.skipped
                .push(Skipped::new(p.at, SkipKind::TrailingNote));
        }
        choice_problems.sort_by(|a, b| a.at().cmp(b.at()));
        self.problems.extend(choice_problems);
        if self.problems.is_empty() && self.drafts.is_empty() {
            self.problem(Location::sheet(survey.name()), ProblemKind::NoQuestions);
        }
        let place = self.place(&settings, options);
        let head = self.head(&settings, options);
        if !self.problems.is_empty() {
            return Err(self.problems);
        }
        let (Some((commune, village)), Some((id, title))) = (place, head) else {
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
                self.locate(&e, &settings, survey),
                ProblemKind::Poll(e),
            )]),
        }
    }

    /// The options of a select from its list (and "Khác" for `or_other`); a 5-point `likert`
    /// list with whole-number names becomes a scale with those values.
    fn options(
        &mut self,
        list: &List,
        list_name: &str,
        other: bool,
        multiple: bool,
        appearance: &str,
        type_at: &Location,
    ) -> Option<DraftKind> {
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
                type_at.clone(),
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
                    type_at.clone(),
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
                at: type_at.clone(),
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
        let values: Option<Vec<i64>> = options.iter().map(|o| o.name.parse::<i64>().ok()).collect();
        let scale = match values {
            Some(values) if !other && appearance.to_lowercase().contains("likert") => {
                for (o, v) in options.iter_mut().zip(values) {
                    o.value = Some(v);
                }
                true
            }
            _ => false,
        };
        Some(DraftKind::Single { options, scale })
    }

    /// Maps a `relevant` to a condition on an earlier select; reports why when it cannot.
    fn condition(&mut self, relevant: &str, at: Location, row: u32) -> Option<Condition> {
        let complex = ProblemKind::ComplexRelevant {
            found: relevant.into(),
        };
        let Some(tests) = expr::relevant(relevant) else {
            self.problem(at, complex);
            return None;
        };
        let question = &tests[0].question;
        if tests.iter().any(|t| t.question != *question) {
            self.problem(at, complex);
            return None;
        }
        let (index, multiple) = match self.earlier.get(question) {
            Some(Earlier::Select { index, multiple }) => (*index, *multiple),
            Some(Earlier::Broken) => return None,
            Some(Earlier::NotChoice) => {
                self.problem(
                    at,
                    ProblemKind::RelevantNotChoice {
                        name: question.clone(),
                    },
                );
                return None;
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
                self.problem(at, kind);
                return None;
            }
        };
        if multiple && tests.iter().any(|t| t.equals) {
            self.problem(
                at,
                ProblemKind::RelevantEqualsOnMultiple {
                    name: question.clone(),
                },
            );
            return None;
        }
        let draft = &self.drafts[index];
        let mut any_of: Vec<String> = Vec::new();
        for t in &tests {
            match draft.kind.options().iter().find(|o| o.name == t.choice) {
                Some(o) => {
                    if !any_of.contains(&o.id) {
                        any_of.push(o.id.clone());
                    }
                }
                None => {
                    self.problem(
                        at,
                        ProblemKind::RelevantUnknownChoice {
                            name: question.clone(),
                            choice: t.choice.clone(),
                        },
                    );
                    return None;
                }
            }
        }
        Some(Condition {
            item: draft.id.clone(),
            any_of,
            at,
        })
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
    if let Some((item, any_of)) = &d.show_if {
        m.insert("show_if".into(), json!({ "item": item, "any_of": any_of }));
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
