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
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
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

/// A text in Vietnamese, in English when there is one (`en` left out otherwise), and in any
/// other language by its tag: `{"vi": "Đồng ý", "en": "Agree", "km": "យល់ព្រម"}`
/// (docs/poll-format.md §Text). Any key besides `vi` and `en` is read as a language tag into
/// `others`, in the order written, duplicates included: whether it is a well-formed tag, written
/// once, is for `Poll::try_from` to say, with the field's path. It is written `vi`, `en`, then
/// `others` in their order (the core writes them sorted by tag).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextDto {
    pub vi: String,
    pub en: Option<String>,
    pub others: Vec<(String, String)>,
}

impl Serialize for TextDto {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(None)?;
        map.serialize_entry("vi", &self.vi)?;
        if let Some(en) = &self.en {
            map.serialize_entry("en", en)?;
        }
        for (tag, text) in &self.others {
            map.serialize_entry(tag, text)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for TextDto {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<TextDto, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = TextDto;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a text: {\"vi\": …, \"en\": …, and other languages by tag}")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<TextDto, A::Error> {
                use serde::de::Error;
                let mut vi: Option<String> = None;
                let mut en: Option<Option<String>> = None;
                let mut others = Vec::new();
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "vi" if vi.is_some() => return Err(A::Error::duplicate_field("vi")),
                        "vi" => vi = Some(map.next_value()?),
                        "en" if en.is_some() => return Err(A::Error::duplicate_field("en")),
                        "en" => en = Some(map.next_value()?),
                        _ => {
                            let text: String = map.next_value()?;
                            others.push((key, text));
                        }
                    }
                }
                Ok(TextDto {
                    vi: vi.ok_or_else(|| A::Error::missing_field("vi"))?,
                    en: en.flatten(),
                    others,
                })
            }
        }
        d.deserialize_map(Visitor)
    }
}

/// Where the poll is held: the commune, and the village (empty for a commune-wide poll).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PlaceDto {
    pub commune: String,
    pub village: String,
}

/// The rule: a preset by name, a decision's matter, a survey's optional target.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RuleDto {
    pub preset: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub matter: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<TargetDto>,
}

/// A survey's target: `numerator` of every `denominator` chose one of `options` of `item`.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
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
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
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
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PersonDto {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<TextDto>,
}

/// A show_if as written: `item` and `any_of` (one condition), or `all`, or `any` (a
/// combination); which of these shapes it is, is checked by `poll::check_condition`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
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
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ChoiceDto {
    pub id: String,
    pub label: TextDto,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub free_text: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<i64>,
}
