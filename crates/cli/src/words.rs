//! What the command line says, in every language: the tables `i18n/cli_*.toml`, turned into Rust
//! by `build.rs` (crate `phieu-i18n`; i18n/README.md). Code reads `verify_words(lang).result(…)`.

use phieu_core::Lang;
use serde::ser::{Serialize, SerializeMap, Serializer};

include!(concat!(env!("OUT_DIR"), "/i18n/cli_error.rs"));
include!(concat!(env!("OUT_DIR"), "/i18n/cli_verify.rs"));
include!(concat!(env!("OUT_DIR"), "/i18n/cli_inspect.rs"));
include!(concat!(env!("OUT_DIR"), "/i18n/cli_minutes.rs"));
include!(concat!(env!("OUT_DIR"), "/i18n/cli_import.rs"));
include!(concat!(env!("OUT_DIR"), "/i18n/cli_commands.rs"));

/// One message in every language of `i18n/languages.toml`, for what is said before the reader's
/// language is chosen (a usage error) or to every reader at once (`--json`, which writes it as
/// `"vi": …, "en": …`, one member per language code).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Said(Vec<String>);

impl Said {
    /// The message `say` gives in each language.
    pub fn new(say: impl Fn(Lang) -> String) -> Said {
        Said(Lang::ALL.into_iter().map(say).collect())
    }

    /// The message in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        &self.0[lang.index()]
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
