//! The designer's own words in Vietnamese and English ([`Words`]), and the names it gives the
//! kinds of poll, the questions offered in one tap, the item types and the electorates.

use phieu_core::{Lang, PollKind, Preset};

use crate::state::designer::{ItemPreset, ItemType};

include!(concat!(env!("OUT_DIR"), "/i18n/designer.rs"));

/// The kind of poll in words, and a line on what it is for.
pub fn kind_name(kind: PollKind, lang: Lang) -> (&'static str, &'static str) {
    let w = words(lang);
    match kind {
        PollKind::Decision => (w.kind_decision, w.kind_decision_hint),
        PollKind::Election => (w.kind_election, w.kind_election_hint),
        PollKind::ConfidenceRating => (w.kind_confidence_rating, w.kind_confidence_rating_hint),
        PollKind::ConfidenceVote => (w.kind_confidence_vote, w.kind_confidence_vote_hint),
        PollKind::Survey => (w.kind_survey, w.kind_survey_hint),
    }
}

/// What the officer adds with one tap.
pub fn preset_name(preset: ItemPreset, lang: Lang) -> &'static str {
    use ItemPreset as P;
    let w = words(lang);
    match preset {
        P::Decision => w.preset_decision,
        P::Candidates => w.preset_candidates,
        P::OneCandidate => w.preset_one_candidate,
        P::Board => w.preset_board,
        P::Rating => w.preset_rating,
        P::ConfidenceVote => w.preset_confidence_vote,
        P::YesNo => w.preset_yes_no,
        P::Satisfaction => w.preset_satisfaction,
        P::Single => w.preset_single,
        P::Multiple => w.preset_multiple,
        P::Scale5 => w.preset_scale5,
        P::Number => w.preset_number,
        P::Text => w.preset_text,
    }
}

pub fn type_name(kind: ItemType, lang: Lang) -> &'static str {
    let w = words(lang);
    match kind {
        ItemType::Single => w.type_single,
        ItemType::Multiple => w.type_multiple,
        ItemType::Scale => w.type_scale,
        ItemType::Number => w.type_number,
        ItemType::Text => w.type_text,
    }
}

/// What the rule counts against: the electorate the officer enters at setup (domain brief,
/// "Who votes, and the denominator").
pub fn electorate_name(preset: Preset, lang: Lang) -> &'static str {
    let w = words(lang);
    match preset {
        Preset::TwoThirdsHouseholds | Preset::MajorityHouseholds => w.electorate_households,
        Preset::MajorityPresent => w.electorate_majority_present,
        Preset::ConfidenceRating | Preset::ConfidenceVote => w.electorate_delegates,
        Preset::Conference => w.electorate_conference,
        Preset::None => w.electorate_none,
    }
}
