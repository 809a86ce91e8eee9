//! Where each problem belongs on the form: the core names a JSON path
//! (`items[2].options[0].label.vi`), [`Field::of_path`] turns it into the field the officer is
//! typing in; and what a problem is ([`Problem`], [`FieldProblem`]).

use phieu_core::{Lang, PollError};

/// Where on the form a field of the draft is. Core errors name a JSON path
/// (`items[2].options[0].label.vi`); [`Field::of_path`] turns it into one of these.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    /// The poll as a whole: a problem the designer cannot place on one field.
    Poll,
    PollId,
    Kind,
    Title(Lang),
    Subject(Lang),
    Commune,
    Village,
    Preset,
    /// What a decision decides.
    Matter,
    /// The survey target's item, its options, and its fraction.
    TargetItem,
    TargetOptions,
    TargetFraction,
    /// The list of questions (none at all, none the rule can decide, too many).
    Items,
    Item(usize, ItemField),
}

/// A field of one item.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ItemField {
    /// The item as a whole.
    Whole,
    Id,
    Type,
    Label(Lang),
    /// The person's name (also where "this item must name a person" belongs).
    PersonName,
    PersonPosition(Lang),
    /// The question the item is shown after (also "a decided item is shown to everyone").
    ShowIfItem,
    ShowIfAnswers,
    /// The list of options (too few, not the ones the rule counts).
    Options,
    /// The lower and upper bound: of a number, or of how many options a `multiple` allows.
    Min,
    Max,
    MaxLen,
    Option(usize, OptionField),
}

/// A field of one option.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum OptionField {
    Whole,
    Id,
    Label(Lang),
    FreeText,
    Value,
}

/// One segment of a core path: a name and an optional index (`options[2]`).
fn segments(path: &str) -> Vec<(&str, Option<usize>)> {
    if path.is_empty() {
        return Vec::new();
    }
    path.split('.')
        .map(|seg| match seg.split_once('[') {
            Some((name, rest)) => (name, rest.trim_end_matches(']').parse().ok()),
            None => (seg, None),
        })
        .collect()
}

fn lang_of(rest: &[(&str, Option<usize>)]) -> Lang {
    match rest {
        [("en", None)] => Lang::En,
        _ => Lang::Vi,
    }
}

impl Field {
    /// The field a core error path names (docs/poll-format.md: every error names its path).
    /// A path the designer has no field for falls back to the nearest whole it belongs to.
    pub fn of_path(path: &str) -> Field {
        match segments(path).as_slice() {
            [("id", None)] => Field::PollId,
            [("kind", None)] => Field::Kind,
            [("title", None), rest @ ..] => Field::Title(lang_of(rest)),
            [("subject", None), rest @ ..] => Field::Subject(lang_of(rest)),
            [("place", None), ("commune", None)] => Field::Commune,
            [("place", None), ("village", None)] => Field::Village,
            [("rule", None), ("preset", None)] => Field::Preset,
            [("rule", None), ("matter", None)] => Field::Matter,
            [("rule", None), ("target", None), ("item", None)] => Field::TargetItem,
            [("rule", None), ("target", None), ("options", _)] => Field::TargetOptions,
            [("rule", None), ("target", None), ..] => Field::TargetFraction,
            [("items", None)] => Field::Items,
            [("items", Some(i)), rest @ ..] => Field::Item(*i, item_field(rest)),
            _ => Field::Poll,
        }
    }
}

fn item_field(rest: &[(&str, Option<usize>)]) -> ItemField {
    match rest {
        [("id", None)] => ItemField::Id,
        [("type", None)] => ItemField::Type,
        [("label", None), r @ ..] => ItemField::Label(lang_of(r)),
        [("person", None)] | [("person", None), ("name", None)] => ItemField::PersonName,
        [("person", None), ("position", None), r @ ..] => ItemField::PersonPosition(lang_of(r)),
        [("show_if", None)] | [("show_if", None), ("item", None)] => ItemField::ShowIfItem,
        [("show_if", None), ("any_of", _), ..] => ItemField::ShowIfAnswers,
        // A kept combined condition is not edited field by field: its problems show at the
        // question's choice of condition.
        [("show_if", None), ("all" | "any", _), ..] => ItemField::ShowIfItem,
        [("options", None)] => ItemField::Options,
        [("options", Some(j)), r @ ..] => ItemField::Option(*j, option_field(r)),
        [("min", None)] => ItemField::Min,
        [("max", None)] => ItemField::Max,
        [("max_len", None)] => ItemField::MaxLen,
        _ => ItemField::Whole,
    }
}

fn option_field(rest: &[(&str, Option<usize>)]) -> OptionField {
    match rest {
        [("id", None)] => OptionField::Id,
        [("label", None), r @ ..] => OptionField::Label(lang_of(r)),
        [("free_text", None)] => OptionField::FreeText,
        [("value", None)] => OptionField::Value,
        _ => OptionField::Whole,
    }
}

/// What is wrong with a field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// The core refused the poll here (its error carries the reason and the data).
    Core(PollError),
    /// What was typed in a number field is not a whole number (the core never sees it).
    NotANumber { text: String },
    /// A board's number of seats is not typed: the format would take every candidate as a
    /// seat, which no election means (docs/poll-format.md §Board elections).
    SeatsMissing,
    /// The label is written in another language but not in Vietnamese, which every poll needs
    /// (an imported form's, issue 23, item 6).
    NoVietnamese,
}

/// A problem and the field it belongs next to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldProblem {
    pub field: Field,
    pub problem: Problem,
}
