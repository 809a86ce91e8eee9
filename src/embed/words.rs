//! The embedded poll's own words in every language of `i18n/languages.toml` (the voter's screens
//! use the app's `i18n::kiosk` table, so a voter reads the same words in a portal as on the
//! tablet), and the words of the embedding API's refusals (`embed::protocol`).

use phieu_core::Lang;

use super::protocol::{MessageError, OptionError, OriginError, MAX_MESSAGE_BYTES, VERSION};

include!(concat!(env!("OUT_DIR"), "/i18n/embed.rs"));

/// The language codes a host may name, as people read a list: `vi hoặc en`, `vi, en or km`.
fn codes(lang: Lang) -> String {
    let all: Vec<&str> = Lang::ALL.iter().map(|l| l.code()).collect();
    match all.split_last() {
        Some((last, [])) => (*last).to_owned(),
        Some((last, rest)) => words(lang).codes_or(rest.join(", "), last),
        None => String::new(),
    }
}

impl OptionError {
    pub fn message(&self, lang: Lang) -> String {
        let w = words(lang);
        match self {
            OptionError::Mode(m) => w.option_mode(m),
            OptionError::Lang(l) => w.no_language(l, codes(lang)),
            OptionError::Electorate(n) => w.option_electorate(n),
            OptionError::Source => w.option_source.into(),
            OptionError::NotJson => w.option_not_json.into(),
        }
    }
}

impl MessageError {
    pub fn message(&self, lang: Lang) -> String {
        let w = words(lang);
        match self {
            MessageError::TooLarge(n) => w.message_too_large(n, MAX_MESSAGE_BYTES),
            MessageError::NotJson | MessageError::NotPhieu => w.message_not_phieu.into(),
            MessageError::Version(v) => w.message_version(v, VERSION),
            MessageError::UnknownType(t) => w.message_type(t),
            MessageError::Field(f) => w.message_field(f),
            MessageError::Lang(l) => w.no_language(l, codes(lang)),
        }
    }
}

impl OriginError {
    pub fn message(&self, lang: Lang) -> String {
        let w = words(lang);
        match self {
            OriginError::NotJson => w.origins_not_json(r#"{"version":1,"origins":[…]}"#),
            OriginError::Origin(o) => w.origins_bad(o),
        }
    }
}
