//! The raw JSON shape of a poll definition (docs/poll-format.md), exactly as serde reads and
//! writes it. Nothing here is checked beyond JSON types: `Poll::try_from` does the checking.
//! Unknown fields are refused so that a misspelt field is an error, not a silent default.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct PollDto {
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

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct TextDto {
    pub vi: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct PlaceDto {
    pub commune: String,
    pub village: String,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RuleDto {
    pub preset: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub matter: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<TargetDto>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct TargetDto {
    pub item: String,
    pub options: Vec<String>,
    pub numerator: u64,
    pub denominator: u64,
    /// `"ballots"`, or absent for the electorate (docs/poll-format.md §Target).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub of: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ItemDto {
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

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct PersonDto {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<TextDto>,
}

/// A show_if as written: `item` and `any_of` (one condition), or `all`, or `any` (a
/// combination); which of these shapes it is, is checked by `poll::check_condition`.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ConditionDto {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub any_of: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub all: Option<Vec<ConditionDto>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub any: Option<Vec<ConditionDto>>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ChoiceDto {
    pub id: String,
    pub label: TextDto,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub free_text: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<i64>,
}
