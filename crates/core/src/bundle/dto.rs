//! The raw JSON shapes of the audit bundle and the public summary (docs/bundle-format.md), in
//! the field order they are written, and the conversions between them and the domain types.
//! The shapes are checked only for JSON types; reading one back (`tally_of`,
//! `electorate_of`, `minutes_of`, `answer_of`) checks what it states.

use serde::{Deserialize, Serialize};

use crate::ballot::{Answer, Ballot};
use crate::counted::{By, Counted, CountedItem, PaperBallots};
use crate::lang::Lang;
use crate::minutes::Minutes;
use crate::poll::dto::PollDto;
use crate::poll::Poll;
use crate::rule::{Electorate, Method, Outcome, OutcomeError};
use crate::tally::{ItemTally, Tally};

use super::error::BundleError;

/// The `format` of an audit bundle.
pub const AUDIT_FORMAT: &str = "phieu/audit-bundle";
/// The `format` of a public summary.
pub const SUMMARY_FORMAT: &str = "phieu/public-summary";
/// The only bundle version this crate reads and writes. Version 1 had a seal over the minutes
/// but not over the tally; version 2 replaced it with the minutes code.
pub const BUNDLE_VERSION: u64 = 2;

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
    /// The items voted by hands or on paper and their counts; absent when every item was voted
    /// on the tablet (docs/bundle-format.md §Minutes, issue 19).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub counted: Option<CountedDto>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct CountedDto {
    pub items: Vec<CountedItemDto>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paper: Option<PaperDto>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct CountedItemDto {
    pub item: String,
    pub by: String,
    pub counts: Vec<u64>,
    pub blank: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct PaperDto {
    pub issued: u64,
    pub returned: u64,
    pub invalid: u64,
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

pub(super) fn electorate_dto(e: &Electorate) -> ElectorateDto {
    ElectorateDto {
        total: e.total(),
        present: e.present(),
        method: match e.method() {
            Method::Meeting => None,
            Method::HouseholdForms => Some(Method::HOUSEHOLD_FORMS.into()),
        },
    }
}

pub(super) fn electorate_of(dto: &ElectorateDto) -> Result<Electorate, BundleError> {
    match dto.method.as_deref() {
        None => Electorate::new(dto.total, dto.present),
        Some(Method::HOUSEHOLD_FORMS) => match dto.present {
            None => Electorate::by_household_forms(dto.total),
            Some(present) => Err(OutcomeError::PresentWithForms { present }),
        },
        Some(other) => Err(OutcomeError::UnknownMethod {
            found: other.to_owned(),
        }),
    }
    .map_err(BundleError::Electorate)
}

pub(super) fn minutes_dto(m: &Minutes) -> MinutesDto {
    MinutesDto {
        place: m.place().into(),
        time: m.time().into(),
        closed_at: m.closed_at().into(),
        chair: m.chair().into(),
        secretary: m.secretary().into(),
        board: m.board().to_vec(),
        witnesses: m.witnesses().to_vec(),
        logic_and_accuracy_test: m.logic_and_accuracy_test().into(),
        complaints: m.complaints().into(),
        wrong_pins: m.wrong_pins(),
        ballots_issued: m.issued(),
        counted: counted_dto(m.counted()),
    }
}

fn counted_dto(c: &Counted) -> Option<CountedDto> {
    (!c.is_empty()).then(|| CountedDto {
        items: c
            .items()
            .iter()
            .map(|i| CountedItemDto {
                item: i.item.clone(),
                by: i.by.code().into(),
                counts: i.counts.clone(),
                blank: i.blank,
            })
            .collect(),
        paper: c.paper().map(|p| PaperDto {
            issued: p.issued,
            returned: p.returned,
            invalid: p.invalid,
        }),
    })
}

/// The counts stated in the minutes, read back but not yet checked against the poll (the
/// caller does, with the electorate: [`Counted::check`]).
pub(super) fn counted_of(dto: Option<CountedDto>) -> Result<Counted, BundleError> {
    let Some(dto) = dto else {
        return Ok(Counted::default());
    };
    let items = dto
        .items
        .into_iter()
        .enumerate()
        .map(|(index, i)| {
            let by = By::from_code(&i.by).ok_or_else(|| BundleError::Inconsistent {
                path: format!("minutes.counted.items[{index}].by"),
                detail: format!("{:?} is not \"hands\" or \"paper\"", i.by),
            })?;
            Ok(CountedItem {
                item: i.item,
                by,
                counts: i.counts,
                blank: i.blank,
            })
        })
        .collect::<Result<Vec<_>, BundleError>>()?;
    if items.is_empty() {
        return Err(BundleError::Inconsistent {
            path: "minutes.counted.items".into(),
            detail: "empty: leave minutes.counted out when every item was voted on the tablet"
                .into(),
        });
    }
    Ok(Counted::new(
        items,
        dto.paper.map(|p| PaperBallots {
            issued: p.issued,
            returned: p.returned,
            invalid: p.invalid,
        }),
    ))
}

/// The minutes of a bundle, with their counted items when the poll and electorate are given
/// (checked against them); without, the counted items are left out (a caller that needs them
/// reads them with [`counted_of`]).
pub(super) fn minutes_of(
    mut dto: MinutesDto,
    with: Option<(&Poll, &Electorate)>,
) -> Result<Minutes, BundleError> {
    let counted = counted_of(dto.counted.take())?;
    let minutes = minutes_without_counts(dto)?;
    match with {
        Some((poll, electorate)) if !counted.is_empty() => minutes
            .with_counted(counted, poll, electorate)
            .map_err(BundleError::Counted),
        _ => Ok(minutes),
    }
}

fn minutes_without_counts(dto: MinutesDto) -> Result<Minutes, BundleError> {
    Minutes::joined(
        dto.place,
        dto.time,
        dto.board,
        dto.witnesses,
        dto.logic_and_accuracy_test,
    )
    .and_then(|m| m.with_proceedings(dto.chair, dto.secretary, dto.closed_at, dto.complaints))
    .map(|m| m.with_wrong_pins(dto.wrong_pins))
    .map(|m| match dto.ballots_issued {
        Some(n) => m.with_issued(n),
        None => m,
    })
    .map_err(BundleError::Minutes)
}

pub(crate) fn answer_dto(a: &Answer) -> Option<AnswerDto> {
    match a {
        Answer::Blank => None,
        Answer::Choice { option, free_text } => Some(AnswerDto {
            option: Some(option.clone()),
            free_text: free_text.clone(),
            ..AnswerDto::default()
        }),
        Answer::Choices { options, free_text } => Some(AnswerDto {
            options: Some(options.clone()),
            free_text: free_text.clone(),
            ..AnswerDto::default()
        }),
        Answer::Number(n) => Some(AnswerDto {
            number: Some(*n),
            ..AnswerDto::default()
        }),
        Answer::Text(t) => Some(AnswerDto {
            text: Some(t.clone()),
            ..AnswerDto::default()
        }),
    }
}

/// Reads ballots' answers written as a bundle writes them: a list with one list per ballot of
/// one answer (or `null` for blank) per item (docs/bundle-format.md §Audit bundle). For making
/// bundles outside the browser (`phieu simulate`); each ballot is checked against its poll when
/// it is made.
pub fn answers_from_json(json: &str) -> Result<Vec<Vec<Answer>>, BundleError> {
    let lists: Vec<Vec<Option<AnswerDto>>> = serde_json::from_str(json).map_err(|e| {
        let (line, column) = (e.line(), e.column());
        BundleError::Json {
            path: String::new(),
            line,
            column,
            detail: e.to_string(),
        }
    })?;
    lists
        .into_iter()
        .enumerate()
        .map(|(i, answers)| {
            answers
                .into_iter()
                .enumerate()
                .map(|(j, a)| answer_of(a, &format!("ballots[{i}].answers[{j}]")))
                .collect()
        })
        .collect()
}

pub(crate) fn answer_of(dto: Option<AnswerDto>, path: &str) -> Result<Answer, BundleError> {
    let bad = || BundleError::Answer { path: path.into() };
    let Some(a) = dto else {
        return Ok(Answer::Blank);
    };
    match (a.option, a.options, a.number, a.text, a.free_text) {
        (Some(option), None, None, None, free_text) => Ok(Answer::Choice { option, free_text }),
        (None, Some(options), None, None, free_text) => Ok(Answer::Choices { options, free_text }),
        (None, None, Some(n), None, None) => Ok(Answer::Number(n)),
        (None, None, None, Some(t), None) => Ok(Answer::Text(t)),
        _ => Err(bad()),
    }
}

pub(crate) fn ballot_dto(b: &Ballot) -> BallotDto {
    BallotDto {
        commitment: b.commitment().to_hex(),
        salt: b.salt().to_hex(),
        answers: b.answers().iter().map(answer_dto).collect(),
    }
}

/// Which file a tally is written for: the audit bundle keeps every written answer; the public
/// summary (and so the minutes code) only those of items that publish them
/// (`Item::publishes_written_answers`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum View {
    Audit,
    Public,
}

pub(super) fn tally_dto(poll: &Poll, t: &Tally, view: View) -> TallyDto {
    TallyDto {
        ballots: t.ballots(),
        blank_ballots: t.blank_ballots(),
        items: poll
            .items()
            .iter()
            .zip(t.items())
            .map(|(item, it)| ItemTallyDto {
                item: item.id().into(),
                blank: it.blank(),
                options: item
                    .kind()
                    .options()
                    .iter()
                    .zip(it.counts())
                    .map(|(c, n)| OptionCountDto {
                        option: c.id().into(),
                        count: *n,
                    })
                    .collect(),
                free_text: if view == View::Audit || item.publishes_written_answers() {
                    it.free_texts().map(Into::into).collect()
                } else {
                    Vec::new()
                },
                mean: it.mean().map(|m| MeanDto {
                    sum: m.sum(),
                    count: m.count(),
                }),
            })
            .collect(),
    }
}

/// Reads a claimed tally back into a `Tally` of `poll`, checking its shape and that its counts
/// add up (docs/bundle-format.md §Consistency): every ballot is counted once per single-choice,
/// scale, number and published text item, at least once and at most `max` times per multiple
/// item, a mean is the sum of what was counted, and no item has more blanks than ballots or
/// fewer than the blank ballots.
pub(super) fn tally_of(poll: &Poll, dto: &TallyDto) -> Result<Tally, BundleError> {
    let shape = |path: String| BundleError::TallyShape { path };
    if dto.items.len() != poll.items().len() {
        return Err(shape("tally".into()));
    }
    let inconsistent = |path: String, detail: String| BundleError::Inconsistent { path, detail };
    if dto.blank_ballots > dto.ballots {
        return Err(inconsistent(
            "tally.blank_ballots".into(),
            format!(
                "{} blank ballots of {} ballots",
                dto.blank_ballots, dto.ballots
            ),
        ));
    }
    let mut items = Vec::with_capacity(dto.items.len());
    for (i, (item, it)) in poll.items().iter().zip(&dto.items).enumerate() {
        let path = format!("tally.items[{i}]");
        let options = item.kind().options();
        let same_options = it.item == item.id()
            && it.options.len() == options.len()
            && it
                .options
                .iter()
                .zip(options)
                .all(|(a, b)| a.option == b.id());
        if !same_options {
            return Err(shape(path));
        }
        let mut free_text = std::collections::BTreeMap::new();
        for (k, t) in it.free_text.iter().enumerate() {
            if it.free_text.get(k + 1).is_some_and(|next| next < t) {
                return Err(shape(format!("{path}.free_text[{k}]")));
            }
            *free_text.entry(t.clone()).or_insert(0u64) += 1;
        }
        let (sum, summed) = match &it.mean {
            Some(m) if m.count > 0 => (m.sum, m.count),
            Some(_) => return Err(shape(format!("{path}.mean"))),
            None => (0, 0),
        };
        // An item voted by hands or on paper adds up against those present or the paper
        // ballots, not the tablet's (`crate::counted`, checked with the minutes).
        if !poll.is_voted_elsewhere(i) {
            check_item_counts(&path, item, it, dto)?;
        }
        items.push(ItemTally::from_parts(
            it.blank,
            it.options.iter().map(|o| o.count).collect(),
            free_text,
            sum,
            summed,
        ));
    }
    Ok(Tally::from_parts(
        poll.hash(),
        dto.ballots,
        dto.blank_ballots,
        items,
    ))
}

/// The consistency of one item's claimed counts with the number of ballots (`tally_of`).
pub(super) fn check_item_counts(
    path: &str,
    item: &crate::poll::Item,
    it: &ItemTallyDto,
    dto: &TallyDto,
) -> Result<(), BundleError> {
    use crate::poll::ItemKind;
    let fail = |field: &str, detail: String| {
        Err(BundleError::Inconsistent {
            path: format!("{path}{field}"),
            detail,
        })
    };
    let ballots = dto.ballots;
    if it.blank > ballots || it.blank < dto.blank_ballots {
        return fail(
            ".blank",
            format!(
                "{} blank, but there are {ballots} ballots of which {} are blank",
                it.blank, dto.blank_ballots
            ),
        );
    }
    let answered = ballots - it.blank;
    let counts: Vec<u64> = it.options.iter().map(|o| o.count).collect();
    let total: u128 = counts.iter().map(|c| u128::from(*c)).sum();
    let options = item.kind().options();
    // Written answers: one at most per answer with a written option, none when withheld.
    let written_allowed: u64 = if item.publishes_written_answers() {
        match item.kind() {
            ItemKind::Text { .. } => answered,
            _ => options
                .iter()
                .zip(&counts)
                .filter(|(c, _)| c.free_text())
                .map(|(_, n)| *n)
                .sum(),
        }
    } else {
        0
    };
    let written = it.free_text.len() as u64;
    let text_exact =
        matches!(item.kind(), ItemKind::Text { .. }) && item.publishes_written_answers();
    if written > written_allowed || (text_exact && written != answered) {
        return fail(
            ".free_text",
            format!("{written} written answers where {written_allowed} at most can be"),
        );
    }
    let mean_count = it.mean.as_ref().map_or(0, |m| m.count);
    let mean_sum = it.mean.as_ref().map_or(0, |m| m.sum);
    match item.kind() {
        ItemKind::Single { .. } | ItemKind::Scale { .. } => {
            if total != u128::from(answered) {
                return fail(
                    ".options",
                    format!("the options add up to {total}, but {answered} ballots answered"),
                );
            }
        }
        ItemKind::Multiple { max, .. } => {
            if let Some(n) = counts.iter().find(|n| **n > answered) {
                return fail(
                    ".options",
                    format!("an option has {n} votes, but only {answered} ballots answered"),
                );
            }
            if total < u128::from(answered) || total > u128::from(answered) * u128::from(*max) {
                return fail(
                    ".options",
                    format!("{total} choices from {answered} ballots, each choosing 1 to {max}"),
                );
            }
        }
        ItemKind::Number { .. } | ItemKind::Text { .. } => {}
    }
    let (expected_count, expected_sum): (u64, i128) = match item.kind() {
        ItemKind::Scale { .. } => (
            counts.iter().sum(),
            options
                .iter()
                .zip(&counts)
                .map(|(c, n)| i128::from(c.value().unwrap_or(0)) * i128::from(*n))
                .sum(),
        ),
        ItemKind::Number { min, max } => {
            if mean_count != answered {
                return fail(
                    ".mean.count",
                    format!("{mean_count} numbers, but {answered} ballots answered"),
                );
            }
            let lo = i128::from(*min) * i128::from(mean_count);
            let hi = i128::from(*max) * i128::from(mean_count);
            if mean_sum < lo || mean_sum > hi {
                return fail(
                    ".mean.sum",
                    format!(
                        "{mean_sum} cannot be the sum of {mean_count} numbers from {min} to {max}"
                    ),
                );
            }
            (mean_count, mean_sum)
        }
        _ => (0, 0),
    };
    if mean_count != expected_count || mean_sum != expected_sum {
        return fail(
            ".mean",
            format!(
                "sum {mean_sum} of {mean_count}, but the counts give {expected_sum} of {expected_count}"
            ),
        );
    }
    Ok(())
}

pub(super) fn outcome_dto(o: &Outcome) -> OutcomeDto {
    let (count, of, option) = o.figures();
    OutcomeDto {
        item: o.item().into(),
        result: o.result().into(),
        count,
        of,
        option: option.map(Into::into),
        sentence_vi: o.sentence(Lang::Vi),
        sentence_en: o.sentence(Lang::En),
    }
}
