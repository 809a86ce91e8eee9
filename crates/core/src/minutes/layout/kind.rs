//! Which minutes a poll gets, from its kind, its rule and how its ballots were collected.

use crate::poll::{Poll, PollKind, Preset};
use crate::rule::{Electorate, Method};

/// Which minutes a poll gets: each kind has its own heading, title, name for the electorate,
/// witnesses (or none), copies and signature lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MinutesKind {
    /// A village (or residential group) meeting of household representatives: a decision that
    /// is not a staff conference's, or an election (D59 Mẫu 02).
    VillageMeeting,
    /// Opinion forms handed to every household instead of a meeting (D59 Mẫu 04).
    HouseholdForms,
    /// A People's Council's confidence rating or confidence vote (R96, L87 63-64).
    Council,
    /// An agency or enterprise staff conference (L 51, L 69).
    Conference,
    /// An opinion survey: no decision, no board, no witnesses.
    Survey,
}

impl MinutesKind {
    pub fn of(poll: &Poll, electorate: &Electorate) -> MinutesKind {
        if electorate.method() == Method::HouseholdForms {
            return MinutesKind::HouseholdForms;
        }
        match (poll.kind(), poll.rule().preset()) {
            (PollKind::ConfidenceRating | PollKind::ConfidenceVote, _) => MinutesKind::Council,
            (_, Preset::Conference) => MinutesKind::Conference,
            (PollKind::Survey, _) | (_, Preset::None) => MinutesKind::Survey,
            _ => MinutesKind::VillageMeeting,
        }
    }

    /// Whether the ballots were cast at a sitting whose attendance the minutes state.
    pub fn is_meeting(self) -> bool {
        matches!(
            self,
            MinutesKind::VillageMeeting | MinutesKind::Council | MinutesKind::Conference
        )
    }
}
