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

/// A message for people without the field path it opens with (`electorate.present: …`,
/// `poll.items[0].label: …`), its first letter in upper case and a full stop at its end: the
/// paths are for `--json` and logs, never for an officer's screen (issue 22, item 1). A message
/// that opens with no path is returned as it is, capitalised.
pub fn without_path(message: &str) -> String {
    let rest = match message.split_once(": ") {
        Some((head, rest)) if is_path(head) => rest,
        _ => message,
    };
    let mut chars = rest.trim().chars();
    let mut out: String = match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => return String::new(),
    };
    if !out.ends_with(['.', '!', '?', ')', '»', '”']) {
        out.push('.');
    }
    out
}

/// Whether `head` is a field path such as `ballots[3].answers[0]`, `poll.items[1]` or `format`.
fn is_path(head: &str) -> bool {
    !head.is_empty()
        && head.bytes().all(|b| {
            b.is_ascii_lowercase()
                || b.is_ascii_digit()
                || matches!(b, b'_' | b'.' | b'[' | b']' | b'$')
        })
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
    fn paths_are_taken_off_messages_for_people() {
        assert_eq!(
            without_path("electorate.present: số có mặt 9 lớn hơn tổng số 8"),
            "Số có mặt 9 lớn hơn tổng số 8."
        );
        assert_eq!(
            without_path("poll.items[0].options[1].label: không được để trống"),
            "Không được để trống."
        );
        assert_eq!(
            without_path("Tệp hỏng: không đọc được."),
            "Tệp hỏng: không đọc được."
        );
        assert_eq!(
            without_path("version 3: not supported"),
            "Version 3: not supported."
        );
    }

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
