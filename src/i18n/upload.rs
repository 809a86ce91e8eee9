//! The words of the upload to the portal (the outbox on the results screen), in Vietnamese and
//! English: one table per language, so a missing translation is a compile error. Placeholders
//! in braces (`{time}`, `{n}`, `{status}`) are filled by the component.

use crate::state::outbox::{Accepted, Retry, TokenError, UrlError};

include!(concat!(env!("OUT_DIR"), "/i18n/upload.rs"));

impl Strings {
    pub fn url_error(&self, e: UrlError) -> &'static str {
        match e {
            UrlError::Empty => self.url_empty,
            UrlError::NotHttp => self.url_not_http,
            UrlError::NoHost => self.url_no_host,
            UrlError::Spaces => self.url_spaces,
            UrlError::Credentials => self.url_credentials,
        }
    }

    pub fn token_error(&self, e: TokenError) -> &'static str {
        match e {
            TokenError::Empty => self.token_empty,
            TokenError::BadCharacters => self.token_bad,
            TokenError::Inherited => self.token_inherited,
        }
    }

    /// Why the last try failed, in words.
    pub fn retry(&self, why: Retry) -> String {
        match why {
            Retry::Offline => self.offline.to_owned(),
            Retry::Network => self.network.to_owned(),
            Retry::Timeout => self.timeout.to_owned(),
            Retry::Server(s) => self.server(s),
            Retry::Unexpected(s) => self.unexpected(s),
            Retry::NotThisBox(s) => self.not_this_box(s),
        }
    }

    pub fn sent(&self, how: Accepted) -> &'static str {
        match how {
            Accepted::Stored => self.sent_stored,
            Accepted::AlreadyStored => self.sent_already,
        }
    }
}
