//! The parts of the poll designer's editor: labelled fields that show their problem beside
//! them ([`fields`]), the sections about the poll as a whole ([`poll_sections`]), one question
//! ([`item_card`]), and the list of questions that reorders by arrows or by dragging
//! ([`item_list`]). They take the draft and its problems, and send every
//! change up as an [`Edit`]; the page applies it.

pub mod fields;
pub mod item_card;
pub mod item_list;
pub mod poll_sections;

use std::rc::Rc;

use phieu_core::Lang;
use yew::prelude::*;

use crate::i18n::designer::problem_message;
use crate::state::designer::{Draft, Edit, Field, FieldProblem, ItemField, LabelAt, OptionField};
use fields::SecondField;

/// What every part of the editor needs: the language, the draft, its problems, where edits go.
#[derive(Clone, PartialEq)]
pub struct Editor {
    pub lang: Lang,
    pub draft: Rc<Draft>,
    pub problems: Rc<Vec<FieldProblem>>,
    pub on_edit: Callback<Edit>,
}

impl Editor {
    /// The message for `field`, if it has a problem.
    pub fn problem(&self, field: Field) -> Option<String> {
        self.problems
            .iter()
            .find(|p| p.field == field)
            .map(|p| problem_message(p, &self.draft, self.lang))
    }

    /// Whether any field of item `index` matching `pick` has a problem.
    pub fn item_has_problem(&self, index: usize, pick: impl Fn(ItemField) -> bool) -> bool {
        self.problems
            .iter()
            .any(|p| matches!(p.field, Field::Item(i, f) if i == index && pick(f)))
    }

    /// The second-language field of the label `at`, whose Vietnamese field is `vi_id`; `None`
    /// when the draft has no second language.
    pub fn second(&self, at: LabelAt, vi_id: &str) -> Option<SecondField> {
        let tag = self.draft.second_lang.clone();
        if tag.is_empty() {
            return None;
        }
        let name = language_name(&tag);
        Some(SecondField {
            id: format!("{}-second", vi_id.trim_end_matches("-vi")),
            tag,
            name,
            on_input: self.on_edit.reform(move |v| Edit::SecondText(at, v)),
        })
    }

    /// A callback that makes the edit `f` of what was typed.
    pub fn edit(&self, f: impl Fn(String) -> Edit + 'static) -> Callback<String> {
        self.on_edit.reform(f)
    }
}

/// A language by its own name and tag, "ភាសាខ្មែរ (km)", or its tag alone.
pub fn language_name(tag: &str) -> String {
    match phieu_core::LangTag::parse(tag)
        .ok()
        .and_then(|t| t.endonym())
    {
        Some(name) => format!("{name} ({tag})"),
        None => tag.to_owned(),
    }
}

fn lang_suffix(lang: Lang) -> &'static str {
    lang.code()
}

/// The element id of a field on the form, stable while the officer types (items and options
/// are named by their keys, not their positions): where "go to the problem" moves focus.
pub fn dom_id(draft: &Draft, field: Field) -> String {
    match field {
        Field::Poll => "d-problems".into(),
        Field::PollId => "d-poll-id".into(),
        Field::Kind => "d-kind".into(),
        Field::Title(l) => format!("d-title-{}", lang_suffix(l)),
        Field::Subject(l) => format!("d-subject-{}", lang_suffix(l)),
        Field::Commune => "d-commune".into(),
        Field::Village => "d-village".into(),
        // A decision offers no preset: its rule follows from the matter chosen there.
        Field::Preset if draft.kind == phieu_core::PollKind::Decision => "d-matter".into(),
        Field::Preset => "d-rule".into(),
        Field::Matter => "d-matter".into(),
        Field::TargetItem => "d-target-item".into(),
        Field::TargetOptions => "d-target-options".into(),
        Field::TargetFraction => "d-target-numerator".into(),
        Field::Items => "d-items".into(),
        Field::Item(i, f) => {
            let Some(item) = draft.items.get(i) else {
                return "d-items".into();
            };
            let base = format!("d-i{}", item.key);
            match f {
                ItemField::Whole => base,
                ItemField::Id => format!("{base}-id"),
                ItemField::Type => format!("{base}-type"),
                ItemField::Label(l) => format!("{base}-label-{}", lang_suffix(l)),
                ItemField::PersonName => format!("{base}-person"),
                ItemField::PersonPosition(l) => format!("{base}-position-{}", lang_suffix(l)),
                ItemField::ShowIfItem => format!("{base}-show-if"),
                ItemField::ShowIfAnswers => format!("{base}-answers"),
                ItemField::Options => format!("{base}-options"),
                ItemField::Min => format!("{base}-min"),
                ItemField::Max => format!("{base}-max"),
                ItemField::MaxLen => format!("{base}-max-len"),
                ItemField::Option(j, of) => {
                    let Some(option) = item.options.get(j) else {
                        return format!("{base}-options");
                    };
                    let o = format!("{base}-o{}", option.key);
                    match of {
                        OptionField::Whole => o,
                        OptionField::Id => format!("{o}-id"),
                        OptionField::Label(l) => format!("{o}-label-{}", lang_suffix(l)),
                        OptionField::FreeText => format!("{o}-free"),
                        OptionField::Value => format!("{o}-value"),
                    }
                }
            }
        }
    }
}
