//! A message for the officer or the voter, with its words in both languages.
//!
//! A leaf of the model: the meeting, the field session, the roll and setup all say things with
//! it, and it imports nothing of theirs.

use phieu_core::Lang;

/// A message with its words in both languages, picked at render.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub vi: String,
    pub en: String,
}

impl Notice {
    pub fn new(vi: impl Into<String>, en: impl Into<String>) -> Notice {
        Notice {
            vi: vi.into(),
            en: en.into(),
        }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Vi => &self.vi,
            Lang::En => &self.en,
        }
    }
}
