//! Every row of the survey sheet in turn: groups and repeats, notes that join the next
//! question's label, automatic metadata left out on purpose, labels with their `${name}`
//! references. A question row is `question`.

use phieu_core::Lang;

use super::choices::*;
use super::columns::*;
use super::cond::*;
use super::draft::*;
use super::importer::*;
use crate::expr;
use crate::i18n::import_words;
use crate::problem::{Location, ProblemKind, SkipKind};

/// The automatic fields of ODK and Kobo that record when, where, on which device or by whom a
/// form was filled: phieu must not record them (domain brief, "Secrecy").
pub(super) const METADATA: [&str; 14] = [
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

/// A question's `type`, read.
pub(super) enum QuestionType<'a> {
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
pub(super) fn question_type(type_text: &str) -> QuestionType<'_> {
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
pub(super) fn replace_reference(text: &str, name: &str, with: &str) -> String {
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

/// Joins notes waiting to be shown before a label, one paragraph each, in each language.
pub(super) fn joined(preamble: &[Preamble], own: &Words) -> Words {
    let join = |parts: Vec<&str>| {
        parts
            .into_iter()
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>()
            .join("\n")
    };
    let mut v: Vec<&str> = preamble.iter().map(|p| p.words.vi.as_str()).collect();
    v.push(&own.vi);
    // A note without English (or the second language) shows its Vietnamese in that text too,
    // as the app does for any label without it.
    let other = |mine: Option<&str>, of: fn(&Words) -> Option<&str>| {
        mine.map(|mine| {
            let mut parts: Vec<&str> = preamble
                .iter()
                .map(|p| of(&p.words).unwrap_or(&p.words.vi))
                .collect();
            parts.push(mine);
            join(parts)
        })
    };
    Words {
        vi: join(v),
        en: other(own.en.as_deref(), |w| w.en.as_deref()),
        second: other(own.second.as_deref(), |w| w.second.as_deref()),
    }
}

/// A hint joins the label as its own line, in brackets unless it has its own.
pub(super) fn with_hint(label: String, hint: &str) -> String {
    if hint.is_empty() || label.is_empty() {
        label
    } else if hint.starts_with('(') {
        format!("{label}\n{hint}")
    } else {
        format!("{label}\n({hint})")
    }
}

pub(super) fn yes_no(cell: &str) -> Option<bool> {
    match cell.trim().to_lowercase().as_str() {
        "" | "no" | "false" | "false()" | "0" => Some(false),
        "yes" | "true" | "true()" | "1" => Some(true),
        _ => None,
    }
}

impl Importer {
    /// One row of the survey sheet.
    pub(super) fn row(&mut self, r: &Row, lists: &mut Lists) {
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
    pub(super) fn unsupported_cells(&mut self, r: &Row, lower_type: &str) {
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
    pub(super) fn begin_group(&mut self, r: &Row, type_text: &str, repeat: bool) {
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
        let (words, label_at) = r.labels();
        if !words.is_empty() {
            self.preamble.push(Preamble {
                words,
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
    pub(super) fn note(&mut self, r: &Row) {
        let (mut words, label_at) = r.labels();
        if !r.cell(Role::Relevant).is_empty() {
            self.problem(r.at_or_type(Role::Relevant), ProblemKind::ConditionalNote);
        } else if words.vi.is_empty() && (self.vi_header.is_some() || words.is_empty()) {
            if self.vi_header.is_some() {
                self.missing_label(label_at);
            }
        } else {
            self.references(&label_at, &mut words);
            self.preamble.push(Preamble {
                words,
                at: label_at,
            });
        }
        if !r.name().is_empty() {
            self.earlier
                .insert(r.name().to_owned(), Earlier::NotChoice { item: None });
        }
    }

    pub(super) fn missing_label(&mut self, at: Location) {
        let column = self.vi_header.clone().unwrap_or_else(|| "label".into());
        self.problem(at, ProblemKind::MissingLabel { column });
    }

    /// A question's label: the notes before it, its own, its hint, and `${…}` references in its
    /// own words or its hint (a note's were taken when it was read).
    pub(super) fn label(&mut self, r: &Row, own: &Words, at: &Location) -> Words {
        let hint_vi = r.cell(Role::Hint(Slot::Vi));
        let hint_en = r.cell(Role::Hint(Slot::En));
        let hint_second = r.cell(Role::Hint(Slot::Second));
        let joined = joined(&self.preamble, own);
        let hint_or_vi = |hint: &str| -> String {
            if hint.is_empty() {
                hint_vi.to_owned()
            } else {
                hint.to_owned()
            }
        };
        let mut words = Words {
            vi: with_hint(joined.vi, hint_vi),
            en: joined.en.map(|e| with_hint(e, &hint_or_vi(hint_en))),
            second: joined
                .second
                .map(|s| with_hint(s, &hint_or_vi(hint_second))),
        };
        self.preamble.clear();
        self.references(at, &mut words);
        words
    }

    /// `${name}` in a label (issue 23, item 7): an earlier question of the poll becomes "(the
    /// answer to question N)" and is said so; anything else is a problem.
    pub(super) fn references(&mut self, at: &Location, words: &mut Words) {
        let mut names = expr::references(&words.vi);
        let others = [words.en.as_deref(), words.second.as_deref()];
        for n in others.into_iter().flatten().flat_map(expr::references) {
            if !names.contains(&n) {
                names.push(n);
            }
        }
        let (mut shown, mut questions) = (Vec::new(), Vec::new());
        for name in names {
            match self.earlier.get(&name).and_then(Earlier::item) {
                Some(index) => {
                    let n = index + 1;
                    let vi = import_words(Lang::Vi).answer_to_question(n);
                    words.vi = replace_reference(&words.vi, &name, &vi);
                    if let Some(e) = words.en.as_mut() {
                        let en = import_words(Lang::En).answer_to_question(n);
                        *e = replace_reference(e, &name, &en);
                    }
                    // The second language points in Vietnamese: phieu writes no other.
                    if let Some(s) = words.second.as_mut() {
                        *s = replace_reference(s, &name, &vi);
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
}
