//! A message for the officer or the voter, in every language of `i18n/languages.toml`.
//!
//! A leaf of the model: the meeting, the field session, the roll and setup all say things with
//! it, and it imports nothing of theirs. Its words come from the word tables (`i18n/`), or from
//! the core's messages, which speak every language too.

use phieu_core::Lang;

/// A message with its words in every language, picked at render.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    text: [String; Lang::COUNT],
}

impl Notice {
    /// The message `say` gives in each language: `Notice::each(|l| paper_words(l).no_issued.into())`,
    /// `Notice::each(|l| error.message(l))`.
    pub fn each<S: Into<String>>(say: impl Fn(Lang) -> S) -> Notice {
        Notice {
            text: Lang::ALL.map(|lang| say(lang).into()),
        }
    }

    pub fn get(&self, lang: Lang) -> &str {
        &self.text[lang.index()]
    }
}
