//! The raw JSON shape of a poll definition (docs/poll-format.md), exactly as serde reads and
//! writes it. Nothing here is checked beyond JSON types: `Poll::try_from` does the checking.
//! Unknown fields are refused so that a misspelt field is an error, not a silent default.
//!
//! It is also the one writer of the format: the core writes a checked poll through it
//! (`Poll::to_json`), and the designer and the XLSForm importer fill it in and hand it to
//! `Poll::try_from`, instead of writing JSON by hand. Optional fields that are `None` (and a
//! `free_text` that is `false`) are left out of what is written, as the format allows.

use serde::{Deserialize, Serialize};

/// A poll definition as written (docs/poll-format.md): its header, place, rule and items.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PollDto {
    pub format: String,
    pub version: u64,
    pub id: String,
    pub kind: String,
    pub title: TextDto,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<TextDto>,
    pub place: PlaceDto,
    pub rule: RuleDto,
    pub items: Vec<ItemDto>,
}

/// A text in Vietnamese, and in English when there is one (`en` left out otherwise).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct TextDto {
    pub vi: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
}

/// Where the poll is held: the commune, and the village (empty for a commune-wide poll).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PlaceDto {
    pub commune: String,
    pub village: String,
}

/// The rule: a preset by name, a decision's matter, a survey's optional target.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RuleDto {
    pub preset: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub matter: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<TargetDto>,
}

/// A survey's target: `numerator` of every `denominator` chose one of `options` of `item`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct TargetDto {
    pub item: String,
    pub options: Vec<String>,
    pub numerator: u64,
    pub denominator: u64,
    /// `"ballots"`, or absent for the electorate (docs/poll-format.md §Target).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub of: Option<String>,
}

/// One item (question) as written; which fields apply depends on its `type`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ItemDto {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(default)]
    pub required: bool,
    pub label: TextDto,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person: Option<PersonDto>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub show_if: Option<ConditionDto>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub options: Option<Vec<ChoiceDto>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_len: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publish: Option<bool>,
}

/// The person an item is about (an official rated, a single candidate).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PersonDto {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<TextDto>,
}

/// A show_if as written: `item` and `any_of` (one condition), or `all`, or `any` (a
/// combination); which of these shapes it is, is checked by `poll::check_condition`.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ConditionDto {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub any_of: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub all: Option<Vec<ConditionDto>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub any: Option<Vec<ConditionDto>>,
}

/// One option of a choice item; `value` is a scale point's number.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ChoiceDto {
    pub id: String,
    pub label: TextDto,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub free_text: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<i64>,
}
