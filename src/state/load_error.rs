//! Why a poll could not be loaded: a plain value the model holds (`PollState::Failed`), made
//! by the loader at the edge (`edge::poll_loader`).

use phieu_core::{Lang, PollError};

/// Why a poll could not be loaded. Each says what went wrong in the voter's language.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadError {
    /// No answer at all: offline, blocked, or a malformed URL.
    Network(String),
    /// The server answered with an error status.
    Http { status: u16 },
    /// The file arrived but is not a valid poll.
    Invalid(PollError),
}

impl LoadError {
    pub fn message(&self, lang: Lang) -> String {
        let says = super::words::meeting_says(lang);
        match self {
            LoadError::Network(detail) => says.poll_not_fetched(detail),
            LoadError::Http { status } => says.poll_http_error(status),
            LoadError::Invalid(error) => error.message(lang),
        }
    }
}
