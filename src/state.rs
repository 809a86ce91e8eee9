//! The app's model: what is on screen and why, changed only by [`Action`]s.
//!
//! Plain Rust with no Yew and no browser in it, so every transition is a unit test. The
//! view layer wraps [`Model`] in a reducer (see `app.rs`); event handlers only dispatch.

use std::rc::Rc;

use phieu_core::{Lang, Poll};

use crate::edge::poll_loader::LoadError;

/// Where the poll shown on the first page stands.
#[derive(Clone, Debug)]
pub enum PollState {
    Loading,
    Ready(Rc<Poll>),
    Failed(Rc<LoadError>),
}

/// Two states are the same when they hold the very same poll or error: cheap, and all a
/// re-render needs to know.
impl PartialEq for PollState {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (PollState::Loading, PollState::Loading) => true,
            (PollState::Ready(a), PollState::Ready(b)) => Rc::ptr_eq(a, b),
            (PollState::Failed(a), PollState::Failed(b)) => Rc::ptr_eq(a, b),
            _ => false,
        }
    }
}

/// The pages an address can name (see `edge::route`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Page {
    /// The officer's start: the poll on this device and the meeting.
    Home,
    /// The auditor's check of an audit bundle.
    Verify,
    /// Merging the boxes of several tablets or sittings.
    Merge,
}

/// Everything the app shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Model {
    pub lang: Lang,
    pub page: Page,
    pub poll: PollState,
}

/// Everything that can happen to the model.
#[derive(Clone, Debug)]
pub enum Action {
    SetLang(Lang),
    /// The address changed (a link or the Back button).
    Navigate(Page),
    /// A new attempt to load the poll has started (first load or "try again").
    LoadPoll,
    PollLoaded(Result<Rc<Poll>, Rc<LoadError>>),
}

impl Model {
    pub fn new(lang: Lang, page: Page) -> Self {
        Model {
            lang,
            page,
            poll: PollState::Loading,
        }
    }

    /// The model after `action`.
    pub fn apply(&self, action: Action) -> Model {
        let mut next = self.clone();
        match action {
            Action::SetLang(lang) => next.lang = lang,
            Action::Navigate(page) => next.page = page,
            Action::LoadPoll => next.poll = PollState::Loading,
            Action::PollLoaded(Ok(poll)) => next.poll = PollState::Ready(poll),
            Action::PollLoaded(Err(error)) => next.poll = PollState::Failed(error),
        }
        next
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_switch_keeps_the_poll() {
        let model = Model::new(Lang::Vi, Page::Home).apply(Action::PollLoaded(Err(Rc::new(
            LoadError::Http { status: 404 },
        ))));
        let switched = model.apply(Action::SetLang(Lang::En));
        assert_eq!(switched.lang, Lang::En);
        assert_eq!(switched.poll, model.poll);
    }

    #[test]
    fn retry_returns_to_loading() {
        let failed = Model::new(Lang::Vi, Page::Home).apply(Action::PollLoaded(Err(Rc::new(
            LoadError::Network("offline".into()),
        ))));
        assert_eq!(failed.apply(Action::LoadPoll).poll, PollState::Loading);
    }
}
