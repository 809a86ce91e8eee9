//! Whether a voter holds the tablet with a ballot not yet confirmed, kept in `localStorage`
//! across a reload, a crash or a browser Back, so the lock screen that follows says whether the
//! last ballot went into the box instead of guessing (issue 22, item 2).
//!
//! Secrecy (docs/security.md §The last ballot): the marker holds the number of ballots in the
//! box when the voter was let in, and nothing else: no answer, no time. It is removed once the
//! ballot is cast. The count of unfinished ballots is a number the minutes need anyway (issued,
//! not returned).

use crate::state::meeting::LastBallot;

const OPEN: &str = "phieu.open-ballot.";
const ABANDONED: &str = "phieu.abandoned-ballots.";

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// A voter of meeting `meeting` is let in, with `cast` ballots in the box.
pub fn mark(meeting: &str, cast: usize) {
    if let Some(s) = local_storage() {
        // Without storage the lock screen after a reload says nothing of the last ballot: the
        // ballot itself is safe either way.
        let _ = s.set_item(&format!("{OPEN}{meeting}"), &cast.to_string());
    }
}

/// The voter's ballot is in the box (or the voter's screens closed without one being due).
pub fn clear(meeting: &str) {
    if let Some(s) = local_storage() {
        let _ = s.remove_item(&format!("{OPEN}{meeting}"));
    }
}

/// After a reload with `cast` ballots read back: what became of the ballot a voter held, and
/// how many ballots of this meeting were left unfinished in all; `None` when no voter held the
/// tablet. Read once: the marker is removed.
pub fn settle(meeting: &str, cast: usize) -> Option<(LastBallot, u32)> {
    let s = local_storage()?;
    let key = format!("{OPEN}{meeting}");
    let at_unlock = s.get_item(&key).ok().flatten()?.parse::<usize>().ok();
    let _ = s.remove_item(&key);
    let last = LastBallot::after_reload(at_unlock, cast)?;
    let count_key = format!("{ABANDONED}{meeting}");
    let mut abandoned = s
        .get_item(&count_key)
        .ok()
        .flatten()
        .and_then(|n| n.parse::<u32>().ok())
        .unwrap_or(0);
    if last == LastBallot::Abandoned {
        abandoned = abandoned.saturating_add(1);
        let _ = s.set_item(&count_key, &abandoned.to_string());
    }
    Some((last, abandoned))
}
