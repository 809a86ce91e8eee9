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
    let lw = layout_words(lang);
    let commune_three = || {
        (
            vec![
                lw.commune_peoples_committee.to_owned(),
                lw.standing_committee_of_the_commune_fatherland.to_owned(),
                lw.archive_village.to_owned(),
            ],
            lw.copies_village.to_owned(),
        )
    };
    let ((total, present, of), board_head, (recipients, copies)) = match kind {
        MinutesKind::VillageMeeting => (
            (
                lw.total_household_representatives.to_owned(),
                lw.household_representatives_present.to_owned(),
                lw.all_household_representatives.to_owned(),
            ),
            lw.board_head_village.to_owned(),
            commune_three(),
        ),
        MinutesKind::HouseholdForms => (
            (
                lw.households_handed_a_form.to_owned(),
                String::new(),
                lw.all_households.to_owned(),
            ),
            lw.board_head_village.to_owned(),
            commune_three(),
        ),
        MinutesKind::Council => (
            (
                lw.total_delegates.to_owned(),
                lw.delegates_present.to_owned(),
                lw.all_delegates.to_owned(),
            ),
            lw.board_head_council.to_owned(),
            (
                vec![
                    lw.standing_committee_of_the_peoples_council.to_owned(),
                    lw.archive_session_records.to_owned(),
                ],
                lw.copies_council.to_owned(),
            ),
        ),
        MinutesKind::Conference => (
            (
                lw.total_people_convened.to_owned(),
                lw.attendees.to_owned(),
                lw.all_people_convened.to_owned(),
            ),
            lw.board_head_council.to_owned(),
            (
                vec![
                    lw.head_of_the_agency_or_unit.to_owned(),
                    lw.archive_conference_records.to_owned(),
                ],
                lw.copies_conference.to_owned(),
            ),
        ),
        MinutesKind::Survey => (
            (
                // docs/glossary.md: a survey may ask households or people.
                lw.total_households_or_people_asked.to_owned(),
                lw.present.to_owned(),
                lw.all_asked.to_owned(),
            ),
            String::new(),
            (
                vec![
                    lw.standing_committee_of_the_commune_fatherland.to_owned(),
                    lw.archive_the_recorder.to_owned(),
                ],
                lw.copies_survey.to_owned(),
            ),
        ),
    };
    Words {
        total,
        present,
        per_item: format!(
            "{} ({} {of})",
            lw.ii_results_by_item.to_owned(),
            lw.shares_are_of.to_owned()
        ),
        board_head,
        recipients,
        copies,
    }
}

/// The quorum line's value: those present of the total and, where the law ties the meeting's
/// validity to it, whether the meeting was validly held.
pub(super) fn quorum(kind: MinutesKind, e: &Electorate, lang: Lang) -> String {
    let lw = layout_words(lang);
    let Some(present) = e.present() else {
        return lw.not_recorded.to_owned();
    };
    let total = e.total();
    let verdict = match kind {
        // Domain brief, "Quorum"; rule::decide says "not validly held" on the same test.
        MinutesKind::VillageMeeting => Some(if more_than_half(present, total) {
            lw.quorum_meeting_valid.to_owned()
        } else {
            lw.quorum_meeting_not_valid.to_owned()
        }),
        // L 51, L 69.2: at least two-thirds of those convened.
        MinutesKind::Conference => Some(if at_least_two_thirds(present, total) {
            lw.quorum_conference_valid.to_owned()
        } else {
            lw.quorum_conference_not_valid.to_owned()
        }),
        // A council session's own quorum is not a rule phieu applies (docs/legal.md §12).
        _ => None,
    };
    match verdict {
        Some(v) => format!("{present}/{total} ({v})"),
        None => format!("{present}/{total}"),
    }
}
