//! Finds the device's Vietnamese voice once at start (issue 20, item 1), for the setup screen's
//! note and the voter's "Nghe" button.

use yew::Callback;

use crate::edge::speech;
use crate::state::speech::Speech;
use crate::state::Action;

/// Asks the browser for a Vietnamese voice and tells the model what it found.
pub fn find(dispatch: Callback<Action>) {
    yew::platform::spawn_local(async move {
        let found = match speech::find_voice().await {
            Some(voice) => Speech::Ready(voice),
            None => Speech::Missing,
        };
        dispatch.emit(Action::Speech(found));
    });
}
