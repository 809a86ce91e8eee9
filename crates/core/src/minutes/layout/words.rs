//! The words of the minutes that change with their kind: the name of the electorate and of
//! those present, who counts and signs, the recipients and copies, and the quorum line.

use super::kind::MinutesKind;
use crate::i18n::layout_words;
use crate::lang::Lang;
use crate::rule::{at_least_two_thirds, more_than_half, Electorate};

/// The words that change with the kind: who makes up the electorate, and who counts and signs.
pub(super) struct Words {
    pub(super) total: String,
    pub(super) present: String,
    pub(super) per_item: String,
    pub(super) board_head: String,
    pub(super) recipients: Vec<String>,
    pub(super) copies: String,
}

pub(super) fn words(kind: MinutesKind, lang: Lang) -> Words {
    let commune_three = || {
        (
            vec![
                layout_words(lang).commune_peoples_committee.to_owned(),
                layout_words(lang)
                    .standing_committee_of_the_commune_fatherland
                    .to_owned(),
                layout_words(lang).archive_village.to_owned(),
            ],
            layout_words(lang).copies_village.to_owned(),
        )
    };
    let ((total, present, of), board_head, (recipients, copies)) = match kind {
        MinutesKind::VillageMeeting => (
            (
                layout_words(lang)
                    .total_household_representatives
                    .to_owned(),
                layout_words(lang)
                    .household_representatives_present
                    .to_owned(),
                layout_words(lang).all_household_representatives.to_owned(),
            ),
            layout_words(lang).board_head_village.to_owned(),
            commune_three(),
        ),
        MinutesKind::HouseholdForms => (
            (
                layout_words(lang).households_handed_a_form.to_owned(),
                String::new(),
                layout_words(lang).all_households.to_owned(),
            ),
            layout_words(lang).board_head_village.to_owned(),
            commune_three(),
        ),
        MinutesKind::Council => (
            (
                layout_words(lang).total_delegates.to_owned(),
                layout_words(lang).delegates_present.to_owned(),
                layout_words(lang).all_delegates.to_owned(),
            ),
            layout_words(lang).board_head_council.to_owned(),
            (
                vec![
                    layout_words(lang)
                        .standing_committee_of_the_peoples_council
                        .to_owned(),
                    layout_words(lang).archive_session_records.to_owned(),
                ],
                layout_words(lang).copies_council.to_owned(),
            ),
        ),
        MinutesKind::Conference => (
            (
                layout_words(lang).total_people_convened.to_owned(),
                layout_words(lang).attendees.to_owned(),
                layout_words(lang).all_people_convened.to_owned(),
            ),
            layout_words(lang).board_head_council.to_owned(),
            (
                vec![
                    layout_words(lang).head_of_the_agency_or_unit.to_owned(),
                    layout_words(lang).archive_conference_records.to_owned(),
                ],
                layout_words(lang).copies_conference.to_owned(),
            ),
        ),
        MinutesKind::Survey => (
            (
                // docs/glossary.md: a survey may ask households or people.
                layout_words(lang)
                    .total_households_or_people_asked
                    .to_owned(),
                layout_words(lang).present.to_owned(),
                layout_words(lang).all_asked.to_owned(),
            ),
            String::new(),
            (
                vec![
                    layout_words(lang)
                        .standing_committee_of_the_commune_fatherland
                        .to_owned(),
                    layout_words(lang).archive_the_recorder.to_owned(),
                ],
                layout_words(lang).copies_survey.to_owned(),
            ),
        ),
    };
    Words {
        total,
        present,
        per_item: format!(
            "{} ({} {of})",
            layout_words(lang).ii_results_by_item.to_owned(),
            layout_words(lang).shares_are_of.to_owned()
        ),
        board_head,
        recipients,
        copies,
    }
}

/// The quorum line's value: those present of the total and, where the law ties the meeting's
/// validity to it, whether the meeting was validly held.
pub(super) fn quorum(kind: MinutesKind, e: &Electorate, lang: Lang) -> String {
    let Some(present) = e.present() else {
        return layout_words(lang).not_recorded.to_owned();
    };
    let total = e.total();
    let verdict = match kind {
        // Domain brief, "Quorum"; rule::decide says "not validly held" on the same test.
        MinutesKind::VillageMeeting => Some(if more_than_half(present, total) {
            layout_words(lang).more_than_half_the_meeting_is.to_owned()
        } else {
            layout_words(lang).not_more_than_half_the_meeting.to_owned()
        }),
        // L 51, L 69.2: at least two-thirds of those convened.
        MinutesKind::Conference => Some(if at_least_two_thirds(present, total) {
            layout_words(lang)
                .at_least_two_thirds_the_conference
                .to_owned()
        } else {
            layout_words(lang)
                .less_than_two_thirds_the_conference
                .to_owned()
        }),
        // A council session's own quorum is not a rule phieu applies (docs/legal.md §12).
        _ => None,
    };
    match verdict {
        Some(v) => format!("{present}/{total} ({v})"),
        None => format!("{present}/{total}"),
    }
}
