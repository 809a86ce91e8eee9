//! The survey and choices sheets' columns: which XLSForm column each header is ([`Role`]), in
//! which language a label column is ([`Slot`]), and where each is ([`Columns`]).

use std::collections::HashSet;

use crate::problem::{Problem, ProblemKind, SkipKind, Skipped};
use crate::sheet::Sheet;

/// The language of a label or hint column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Slot {
    Vi,
    En,
    Other,
}

/// What a column means to the importer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Role {
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
pub(super) const XLSFORM_COLUMNS: [&str; 21] = [
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
pub(super) fn slot_of(language: &str) -> Slot {
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
pub(super) fn default_slot(default_language: &str) -> Slot {
    if default_language.trim().is_empty() || default_language.trim() == "default" {
        Slot::Vi
    } else {
        slot_of(default_language)
    }
}

pub(super) fn role(header: &str, choices: bool, plain: Slot) -> Role {
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
pub(super) struct Columns {
    pub(super) roles: Vec<Role>,
}

impl Columns {
    pub(super) fn find(&self, role: Role) -> Option<usize> {
        self.roles.iter().position(|r| *r == role)
    }
}

/// Reads a sheet's header: the role of each column, a problem for a repeated header, and one
/// [`Skipped`] for each filled label or hint column in a third language.
pub(super) fn columns(
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
