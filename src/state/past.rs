//! The meetings kept on this device, as the office page lists them (issue 19, item 1): newest
//! first, each with what it was about and where it stands (in progress, closed, waiting to
//! upload, uploaded), a record that cannot be read listed as damaged (never hidden), and the
//! rule for deleting one: only a closed meeting whose audit bundle the collector acknowledged,
//! or that the officer saved to a file.
//!
//! Plain data: the effects read the records, the boxes and the outbox, and hand them here.

use phieu_core::Text;

use super::meeting::{Meeting, Phase};
use super::outbox::ItemState;

/// Where a meeting stands, for the list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Standing {
    /// Set up or voting: run on the tablet page.
    InProgress,
    /// Closed; its bundle is not in the outbox.
    Closed,
    /// Closed; its bundle waits in the outbox (or was refused: it still needs the officer).
    Waiting,
    /// Closed; the collector acknowledged its bundle (its fingerprint came back).
    Uploaded,
}

/// One meeting of the list.
#[derive(Clone, Debug, PartialEq)]
pub struct PastMeeting {
    pub id: String,
    pub title: Text,
    pub place: String,
    pub time: String,
    /// When the meeting was set up on this device (ms since the epoch), for the order; `None`
    /// for a record written before the date was kept.
    pub created: Option<f64>,
    pub ballots: usize,
    pub standing: Standing,
    /// The officer saved its audit bundle to a file (the results page's download).
    pub exported: bool,
    /// A field survey or a collection by forms rather than a meeting.
    pub field: bool,
}

/// An entry of the list.
#[derive(Clone, Debug, PartialEq)]
pub enum Past {
    Meeting(PastMeeting),
    /// A meeting record that cannot be read: its key, why, and how many ballots are still
    /// stored under it. Listed so the officer knows, never deleted from here.
    Damaged {
        id: String,
        why: String,
        ballots: u32,
    },
}

impl PastMeeting {
    /// The entry of `meeting`, with the outbox's state of its bundle (looked up by the box's
    /// fingerprint; `None` when the bundle is not in the outbox).
    pub fn of(meeting: &Meeting, outbox: Option<&ItemState>) -> PastMeeting {
        let standing = match (meeting.phase, outbox) {
            (Phase::Closed, Some(ItemState::Sent(_))) => Standing::Uploaded,
            (Phase::Closed, Some(_)) => Standing::Waiting,
            (Phase::Closed, None) => Standing::Closed,
            _ => Standing::InProgress,
        };
        PastMeeting {
            id: meeting.id.clone(),
            title: meeting.poll.title().clone(),
            place: meeting.place.clone(),
            time: meeting.time.clone(),
            created: meeting.created,
            ballots: meeting.ballots.len(),
            standing,
            exported: meeting.exported,
            field: meeting.field.is_some(),
        }
    }

    /// Whether the officer may delete it: closed, and its bundle acknowledged by the collector
    /// or saved to a file, so the ballots live on outside this device.
    pub fn may_delete(&self) -> bool {
        self.standing == Standing::Uploaded
            || (self.standing != Standing::InProgress && self.exported)
    }
}

/// The list in the order the office page shows it: newest first (by the date it was set up;
/// records without one after, by id), damaged records last.
pub fn ordered(mut list: Vec<Past>) -> Vec<Past> {
    list.sort_by(|a, b| match (a, b) {
        (Past::Meeting(a), Past::Meeting(b)) => b
            .created
            .unwrap_or(f64::NEG_INFINITY)
            .total_cmp(&a.created.unwrap_or(f64::NEG_INFINITY))
            .then_with(|| a.id.cmp(&b.id)),
        (Past::Meeting(_), Past::Damaged { .. }) => std::cmp::Ordering::Less,
        (Past::Damaged { .. }, Past::Meeting(_)) => std::cmp::Ordering::Greater,
        (Past::Damaged { id: a, .. }, Past::Damaged { id: b, .. }) => a.cmp(b),
    });
    list
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::outbox::{Accepted, Retry};

    fn entry(id: &str, created: Option<f64>, standing: Standing, exported: bool) -> PastMeeting {
        PastMeeting {
            id: id.into(),
            title: Text::new("Làm đường", None),
            place: "Nhà văn hóa".into(),
            time: "8 giờ".into(),
            created,
            ballots: 3,
            standing,
            exported,
            field: false,
        }
    }

    #[test]
    fn only_an_uploaded_or_exported_closed_meeting_may_be_deleted() {
        assert!(entry("a", None, Standing::Uploaded, false).may_delete());
        assert!(entry("a", None, Standing::Closed, true).may_delete());
        assert!(entry("a", None, Standing::Waiting, true).may_delete());
        assert!(!entry("a", None, Standing::Closed, false).may_delete());
        assert!(!entry("a", None, Standing::Waiting, false).may_delete());
        assert!(!entry("a", None, Standing::InProgress, true).may_delete());
    }

    #[test]
    fn the_outbox_says_waiting_or_uploaded() {
        let form = crate::state::setup::SetupForm {
            total: "10".into(),
            present: "8".into(),
            place: "Nhà văn hóa".into(),
            time: "8 giờ".into(),
            board: vec!["An".into(), "Bình".into(), "Cường".into()],
            witnesses: vec!["Dung".into(), "Em".into()],
            pin: "246813".into(),
            pin_again: "246813".into(),
            hands: Vec::new(),
            paper: false,
        };
        let poll = std::rc::Rc::new(
            phieu_core::Poll::from_json(include_str!("../../assets/polls/demo.json")).unwrap(),
        );
        let m = crate::state::setup::check(&form, poll, "m1".into(), [1; 16]).unwrap();
        let mut closed = m.clone();
        closed.phase = Phase::Closed;
        let of = |m: &Meeting, s: Option<&ItemState>| PastMeeting::of(m, s).standing;
        assert_eq!(of(&m, None), Standing::InProgress);
        assert_eq!(of(&closed, None), Standing::Closed);
        let waiting = ItemState::Waiting {
            failures: 1,
            next_try_ms: 0.0,
            last: Some(Retry::Offline),
        };
        assert_eq!(of(&closed, Some(&waiting)), Standing::Waiting);
        let sent = ItemState::Sent(Accepted::Stored);
        assert_eq!(of(&closed, Some(&sent)), Standing::Uploaded);
        assert_eq!(of(&m, Some(&sent)), Standing::InProgress);
    }

    #[test]
    fn newest_first_then_undated_then_damaged() {
        let list = ordered(vec![
            Past::Damaged {
                id: "z".into(),
                why: "?".into(),
                ballots: 2,
            },
            Past::Meeting(entry("old", Some(1.0), Standing::Closed, false)),
            Past::Meeting(entry("undated", None, Standing::Closed, false)),
            Past::Meeting(entry("new", Some(2.0), Standing::Closed, false)),
        ]);
        let ids: Vec<&str> = list
            .iter()
            .map(|p| match p {
                Past::Meeting(m) => m.id.as_str(),
                Past::Damaged { id, .. } => id.as_str(),
            })
            .collect();
        assert_eq!(ids, ["new", "old", "undated", "z"]);
    }
}
