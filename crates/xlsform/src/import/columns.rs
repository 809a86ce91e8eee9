//! The survey and choices sheets' columns: which XLSForm column each header is ([`Role`]), in
//! which language a label column is ([`Slot`]), and where each is ([`Columns`]).

use std::collections::HashSet;

use phieu_core::LangTag;

use crate::problem::{Problem, ProblemKind, SkipKind, Skipped};
use crate::sheet::Sheet;

/// The language of a label or hint column: Vietnamese, English, the poll's second language
/// (one language besides those two, docs/xlsform.md §Languages), or one left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Slot {
    Vi,
    En,
    Second,
    Other,
}

/// The languages of a workbook: the second language chosen (its BCP 47 tag), and the slot of a
/// plain `label` column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Languages {
    pub(super) second: Option<LangTag>,
    pub(super) plain: Slot,
}

impl Default for Languages {
    fn default() -> Languages {
        Languages {
            second: None,
            plain: Slot::Vi,
        }
    }
}

/// Language names forms use for the languages of Vietnam and its neighbours (Kobo writes
/// `Khmer (km)`, which the code in brackets settles; a bare name is looked up here).
const NAMES: [(&str, &str); 24] = [
    ("vietnamese", "vi"),
    ("tiếng việt", "vi"),
    ("tieng viet", "vi"),
    ("english", "en"),
    ("tiếng anh", "en"),
    ("tieng anh", "en"),
    ("khmer", "km"),
    ("tiếng khmer", "km"),
    ("hmong", "hmn"),
    ("h'mông", "hmn"),
    ("tiếng h'mông", "hmn"),
    ("thai", "th"),
    ("lao", "lo"),
    ("chinese", "zh"),
    ("tày", "tyz"),
    ("tay", "tyz"),
    ("ede", "rad"),
    ("ê đê", "rad"),
    ("cham", "cjm"),
    ("jarai", "jra"),
    ("bahnar", "bdq"),
    ("muong", "mtq"),
    ("french", "fr"),
    ("korean", "ko"),
];

/// A tag written in any case (`KM-kh` is `km-KH`): the primary subtag lower case, a script
/// title case, a region upper case.
fn canonical_case(code: &str) -> String {
    code.replace('_', "-")
        .split('-')
        .enumerate()
        .map(|(i, part)| match (i, part.len()) {
            (0, _) => part.to_lowercase(),
            (_, 4) => {
                let mut c = part.chars();
                c.next().map_or(String::new(), |f| {
                    f.to_uppercase()
                        .chain(c.flat_map(char::to_lowercase))
                        .collect()
                })
            }
            _ => part.to_uppercase(),
        })
        .collect::<Vec<_>>()
        .join("-")
}

/// The language a `label::…` suffix or a `default_language` names, as `"vi"`, `"en"` or
/// another BCP 47 tag: `Vietnamese`, `vi`, `Tiếng Việt (vi)`, `English (en)`, `Khmer (km)`,
/// `km`, `Khmer`. `None` when it names none phieu can tell (`Klingon`, `Other (xx_1)`).
pub(super) fn tag_of(language: &str) -> Option<String> {
    let l = language.trim();
    let code = match (l.rfind('('), l.ends_with(')')) {
        (Some(open), true) => l[open + 1..l.len() - 1].trim(),
        _ => l,
    };
    let code = canonical_case(code);
    let primary = code.split('-').next().unwrap_or("");
    if matches!(primary, "vi" | "vie") {
        return Some("vi".into());
    }
    if matches!(primary, "en" | "eng") {
        return Some("en".into());
    }
    if LangTag::parse(&code).is_ok() {
        return Some(code);
    }
    let name = l.to_lowercase();
    NAMES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, tag)| (*tag).to_owned())
}

/// The slot of a language, given the second language chosen.
fn slot_in(language: &str, second: Option<&LangTag>) -> Slot {
    match tag_of(language).as_deref() {
        Some("vi") => Slot::Vi,
        Some("en") => Slot::En,
        Some(tag) if second.is_some_and(|s| s.as_str() == tag) => Slot::Second,
        _ => Slot::Other,
    }
}

/// A header's column name and the language after `::` (or the legacy single colon).
fn split_header(h: &str) -> (&str, Option<&str>) {
    match h.split_once("::") {
        Some((b, l)) => (b, Some(l)),
        None => match h.split_once(':') {
            Some((b, l)) if matches!(b.trim(), "label" | "hint" | "media") => (b, Some(l)),
            _ => (h, None),
        },
    }
}

/// The workbook's languages (docs/xlsform.md §Languages): the second language is the form's
/// `default_language` when that is neither Vietnamese nor English, else the first other language
/// of a label column of the survey sheet, then of the choices sheet; a plain `label` column is in
/// `default_language`, Vietnamese when the form names none.
pub(super) fn languages(sheets: &[&Sheet], default_language: &str) -> Languages {
    let default = default_language.trim();
    let named_default = !default.is_empty() && default != "default";
    let other = |tag: Option<String>| tag.filter(|t| t != "vi" && t != "en");
    let from_columns = || {
        sheets.iter().flat_map(|s| s.headers()).find_map(|h| {
            let h = h.trim();
            match split_header(h) {
                (base, Some(language)) if base.trim().eq_ignore_ascii_case("label") => {
                    other(tag_of(language))
                }
                _ => None,
            }
        })
    };
    let second = named_default
        .then(|| other(tag_of(default)))
        .flatten()
        .or_else(from_columns)
        .and_then(|t| LangTag::parse(&t).ok());
    let plain = if named_default {
        slot_in(default, second.as_ref())
    } else {
        Slot::Vi
    };
    Languages { second, plain }
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

pub(super) fn role(header: &str, choices: bool, langs: &Languages) -> Role {
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
    // `label::English (en)`, and the legacy single colon, `label:English`. The header as
    // written, not lower-cased, names the language (`km-KH`).
    let (base, _) = split_header(&h);
    let language = split_header(header.trim()).1;
    let base = base.trim().replace(' ', "_");
    let slot = language.map_or(langs.plain, |l| slot_in(l, langs.second.as_ref()));
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
    langs: &Languages,
    problems: &mut Vec<Problem>,
    skipped: &mut Vec<Skipped>,
) -> Columns {
    let roles: Vec<Role> = sheet
        .headers()
        .iter()
        .map(|h| role(h, choices, langs))
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
            let language = split_header(sheet.headers()[j].trim())
                .1
                .unwrap_or("")
                .trim();
            let kind = match (tag_of(language), &langs.second) {
                (Some(_), Some(kept)) => SkipKind::OtherLanguage {
                    language: language.to_owned(),
                    kept: kept.to_string(),
                },
                _ => SkipKind::UnknownLanguage {
                    language: language.to_owned(),
                },
            };
            skipped.push(Skipped::new(sheet.header_at(j), kind));
        }
    }
    Columns { roles }
}
