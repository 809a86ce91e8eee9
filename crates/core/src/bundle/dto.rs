//! The raw JSON shapes of the audit bundle and the public summary (docs/bundle-format.md), in
//! the field order they are written. Nothing here is checked beyond JSON types.

use serde::{Deserialize, Serialize};

use crate::poll::dto::PollDto;

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct AuditBundleDto {
    pub format: String,
    pub version: u64,
    pub poll: PollDto,
    pub poll_hash: String,
    pub electorate: ElectorateDto,
    pub minutes: MinutesDto,
    pub ballots: Vec<BallotDto>,
    pub tally: TallyDto,
    pub outcomes: Vec<OutcomeDto>,
    pub fingerprint: String,
    pub minutes_code: String,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct PublicSummaryDto {
    pub format: String,
    pub version: u64,
    pub poll: PollDto,
    pub poll_hash: String,
    pub electorate: ElectorateDto,
    pub minutes: MinutesDto,
    pub tally: TallyDto,
    pub outcomes: Vec<OutcomeDto>,
    pub fingerprint: String,
    pub minutes_code: String,
    pub commitments: Vec<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ElectorateDto {
    pub total: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub present: Option<u64>,
    /// `"household_forms"`, or absent for a meeting (docs/bundle-format.md §Electorate).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct MinutesDto {
    pub place: String,
    pub time: String,
    pub closed_at: String,
    pub chair: String,
    pub secretary: String,
    pub board: Vec<String>,
    pub witnesses: Vec<String>,
    pub logic_and_accuracy_test: String,
    pub complaints: String,
    pub wrong_pins: u64,
    /// Ballots issued on the tablet (unlocks for a voter); absent when not counted
    /// (docs/bundle-format.md §Minutes).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ballots_issued: Option<u64>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct BallotDto {
    pub commitment: String,
    pub salt: String,
    pub answers: Vec<Option<AnswerDto>>,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct AnswerDto {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub option: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub options: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub free_text: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct TallyDto {
    pub ballots: u64,
    pub blank_ballots: u64,
    pub items: Vec<ItemTallyDto>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ItemTallyDto {
    pub item: String,
    pub blank: u64,
    pub options: Vec<OptionCountDto>,
    pub free_text: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mean: Option<MeanDto>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct OptionCountDto {
    pub option: String,
    pub count: u64,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct MeanDto {
    pub sum: i128,
    pub count: u64,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct OutcomeDto {
    pub item: String,
    pub result: String,
    pub count: u64,
    pub of: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub option: Option<String>,
    pub sentence_vi: String,
    pub sentence_en: String,
}
