//! What the collector says, in every language: the tables `i18n/collector_*.toml`, turned into
//! Rust by `build.rs` (crate `phieu-i18n`; i18n/README.md). Code reads
//! `command_words(lang).revoked(…)`.

include!(concat!(env!("OUT_DIR"), "/i18n/collector_error.rs"));
include!(concat!(env!("OUT_DIR"), "/i18n/collector_command.rs"));
include!(concat!(env!("OUT_DIR"), "/i18n/collector_http.rs"));
include!(concat!(env!("OUT_DIR"), "/i18n/collector_page.rs"));
include!(concat!(env!("OUT_DIR"), "/i18n/collector_log.rs"));

use phieu_core::Lang;
use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::Value;

/// One message in every language of `i18n/languages.toml`: the collector answers every reader
/// at once, `"vi": …, "en": …` (one member per language code) beside the rest of its answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Said(Vec<String>);

impl Said {
    /// The message `say` gives in each language.
    pub fn new<S: Into<String>>(say: impl Fn(Lang) -> S) -> Said {
        Said(Lang::ALL.into_iter().map(|l| say(l).into()).collect())
    }

    /// The message in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        &self.0[lang.index()]
    }

    /// Every language's message, in the order of `languages.toml`, between `sep`s: for what
    /// is written once for every reader (the page at `/`, the log), «vi / en».
    pub fn joined(&self, sep: &str) -> String {
        self.0.join(sep)
    }

    /// The message in the first language (Vietnamese), and in the others.
    pub fn split_first(&self) -> (&str, &[String]) {
        match self.0.split_first() {
            Some((first, rest)) => (first, rest),
            None => ("", &[]),
        }
    }

    /// The JSON object `object` with this message added, one member per language code.
    pub fn added_to(&self, mut object: Value) -> Value {
        if let Value::Object(map) = &mut object {
            for lang in Lang::ALL {
                map.insert(lang.code().to_owned(), Value::from(self.get(lang)));
            }
        }
        object
    }
}

impl Serialize for Said {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(Lang::COUNT))?;
        for lang in Lang::ALL {
            map.serialize_entry(lang.code(), self.get(lang))?;
        }
        map.end()
    }
}
