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
        match (self, lang) {
            (LoadError::Network(detail), Lang::Vi) => {
                format!("Không tải được tệp phiếu (mạng hoặc địa chỉ): {detail}")
            }
            (LoadError::Network(detail), Lang::En) => {
                format!("The poll file could not be fetched (network or address): {detail}")
            }
            (LoadError::Http { status }, Lang::Vi) => {
                format!("Máy chủ trả lời lỗi {status} khi tải tệp phiếu.")
            }
            (LoadError::Http { status }, Lang::En) => {
                format!("The server answered {status} when asked for the poll file.")
            }
            (LoadError::Invalid(error), lang) => error.message(lang),
        }
    }
}
