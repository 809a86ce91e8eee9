//! Languages and bilingual text. Every label in a poll is Vietnamese first, with optional English
//! beside it (docs/poll-format.md §Text); every message the core produces for people (errors,
//! outcome sentences) is rendered here in both, so the app, the CLI and a server say the same thing.

/// A language the core can speak. Vietnamese is the default: it is the language of the meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    Vi,
    En,
}

impl Lang {
    /// The BCP 47 code: `"vi"` or `"en"`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }

    /// The language for a code such as `"vi"`, `"en"` or `"en-GB"`; `None` when unknown.
    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code.split(['-', '_']).next().unwrap_or("");
        match primary.to_ascii_lowercase().as_str() {
            "vi" => Some(Lang::Vi),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// Picks the Vietnamese or the English of a pair of messages (the core's, the command line's
    /// and the collector's).
    pub fn pick<T>(self, vi: T, en: T) -> T {
        match self {
            Lang::Vi => vi,
            Lang::En => en,
        }
    }
}

/// A label in Vietnamese with an optional English translation (docs/poll-format.md §Text).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Text {
    vi: String,
    en: Option<String>,
}

impl Text {
    /// A text; `vi` must not be empty (the poll parser checks that, this constructor trusts it).
    pub fn new(vi: impl Into<String>, en: Option<String>) -> Text {
        Text { vi: vi.into(), en }
    }

    /// The text in `lang`, falling back to Vietnamese when there is no English.
    pub fn get(&self, lang: Lang) -> &str {
        match (lang, &self.en) {
            (Lang::En, Some(en)) => en,
            _ => &self.vi,
        }
    }

    pub fn vi(&self) -> &str {
        &self.vi
    }

    pub fn en(&self) -> Option<&str> {
        self.en.as_deref()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for lang in [Lang::Vi, Lang::En] {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
        }
        assert_eq!(Lang::from_code("en-GB"), Some(Lang::En));
        assert_eq!(Lang::from_code("fr"), None);
        assert_eq!(Lang::default(), Lang::Vi);
    }

    #[test]
    fn english_falls_back_to_vietnamese() {
        let t = Text::new("Đồng ý", None);
        assert_eq!(t.get(Lang::En), "Đồng ý");
        let t = Text::new("Đồng ý", Some("Agree".into()));
        assert_eq!(t.get(Lang::En), "Agree");
        assert_eq!(t.get(Lang::Vi), "Đồng ý");
    }
}
