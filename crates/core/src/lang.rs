//! Languages and the text of a poll. Every label in a poll is Vietnamese first, with optional
//! English beside it and optionally the same text in other languages named by a BCP 47 tag
//! (`km`, `hmn`, `th`…: docs/poll-format.md §Text), so a voter of an ethnic minority can read
//! the poll in their own language (issue 20, item 3). phieu's own words (the core's messages
//! and outcome sentences, the app's, the CLI's, the collector's) are in every language of
//! `i18n/languages.toml` ([`Lang`], generated from that file; the words are the tables of
//! `i18n/`, i18n/README.md), so the app, the CLI and a server say the same thing; a poll's
//! content language ([`LangTag`]) is a separate thing.

include!(concat!(env!("OUT_DIR"), "/i18n/lang.rs"));

impl Lang {
    /// The language for a code such as `"vi"`, `"en"` or `"en-GB"`; `None` when unknown.
    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code.split(['-', '_']).next().unwrap_or("");
        Lang::ALL
            .into_iter()
            .find(|l| l.code().eq_ignore_ascii_case(primary))
    }

    /// Picks the Vietnamese or the English of a pair of messages not yet in a word table
    /// (`i18n/`); a language added to `i18n/languages.toml` reads the English of these.
    pub fn pick<T>(self, vi: T, en: T) -> T {
        match self {
            Lang::Vi => vi,
            _ => en,
        }
    }
}

/// One message in every language of `i18n/languages.toml`, for what is said to every reader at
/// once or before the reader's language is known: the CLI's usage errors and `--json`, the
/// collector's answers, its page at `/` and its log. As JSON it is one member per language
/// code, `{"vi": …, "en": …}`.
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
    /// is written once for every reader (the collector's page at `/`, its log), «vi / en».
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
    pub fn added_to(&self, mut object: serde_json::Value) -> serde_json::Value {
        if let serde_json::Value::Object(map) = &mut object {
            for lang in Lang::ALL {
                map.insert(lang.code().to_owned(), self.get(lang).into());
            }
        }
        object
    }
}

impl serde::Serialize for Said {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap as _;
        let mut map = serializer.serialize_map(Some(Lang::COUNT))?;
        for lang in Lang::ALL {
            map.serialize_entry(lang.code(), self.get(lang))?;
        }
        map.end()
    }
}

/// A word table's text with its placeholders (`{n}`) filled in; `{{` and `}}` are braces. The
/// tables are checked when they are built (crate `phieu-i18n`), so every placeholder has its
/// argument.
pub fn fill(template: &str, args: &[(&str, &dyn std::fmt::Display)]) -> String {
    use std::fmt::Write as _;
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(at) = rest.find(['{', '}']) {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        if tail.starts_with("{{") || tail.starts_with("}}") {
            out.push_str(&tail[..1]);
            rest = &tail[2..];
        } else if let (true, Some(close)) = (tail.starts_with('{'), tail.find('}')) {
            let name = &tail[1..close];
            match args.iter().find(|(n, _)| *n == name) {
                Some((_, value)) => {
                    let _ = write!(out, "{value}");
                }
                None => out.push_str(&tail[..=close]),
            }
            rest = &tail[close + 1..];
        } else {
            out.push_str(&tail[..1]);
            rest = &tail[1..];
        }
    }
    out.push_str(rest);
    out
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

/// The tag of a language a poll's text may be written in besides Vietnamese and English: a
/// BCP 47 primary language subtag of 2 or 3 lower-case letters (`km`, `hmn`, `th`), optionally
/// followed by a script (`-Latn`) and a region (`-VN`, `-419`), each in its one canonical case
/// (docs/poll-format.md §Text). Vietnamese and English have slots of their own, so `vi`, `en`
/// (and their 3-letter forms) are not tags of this kind, nor are `und`, `mul`, `mis` and `zxx`,
/// which name no language a voter reads.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LangTag(String);

/// Why a language tag is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BadTag {
    /// Not a well-formed tag in its canonical case (`KM`, `khmer`, `km_KH`, `k`).
    Malformed,
    /// Vietnamese or English, which have slots of their own (`vi`, `en`, `vi-VN`, `eng`).
    OwnSlot,
    /// A special code that names no language (`und`, `mul`, `mis`, `zxx`).
    NoLanguage,
}

impl LangTag {
    /// The tag `tag`, if it is one a poll's text may use (see [`LangTag`]).
    pub fn parse(tag: &str) -> Result<LangTag, BadTag> {
        let mut parts = tag.split('-');
        let primary = parts.next().unwrap_or("");
        let letters = |s: &str, n: std::ops::RangeInclusive<usize>| {
            n.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_lowercase())
        };
        if !letters(primary, 2..=3) {
            return Err(BadTag::Malformed);
        }
        // At most a script then a region, each once and in that order.
        let mut seen_script = false;
        let mut seen_region = false;
        for part in parts {
            let b = part.as_bytes();
            let script = b.len() == 4
                && b[0].is_ascii_uppercase()
                && b[1..].iter().all(u8::is_ascii_lowercase);
            let region = (b.len() == 2 && b.iter().all(u8::is_ascii_uppercase))
                || (b.len() == 3 && b.iter().all(u8::is_ascii_digit));
            if script && !seen_script && !seen_region {
                seen_script = true;
            } else if region && !seen_region {
                seen_region = true;
            } else {
                return Err(BadTag::Malformed);
            }
        }
        match primary {
            "vi" | "vie" | "en" | "eng" => Err(BadTag::OwnSlot),
            "und" | "mul" | "mis" | "zxx" => Err(BadTag::NoLanguage),
            _ => Ok(LangTag(tag.to_owned())),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The language's name in itself, for a voter choosing it (`ភាសាខ្មែរ` for `km`), when it is
    /// one of the languages of Vietnam's peoples or neighbours that phieu knows; `None` for the
    /// others, which are then shown by their tag.
    pub fn endonym(&self) -> Option<&'static str> {
        let primary = self.0.split('-').next().unwrap_or("");
        ENDONYMS
            .iter()
            .find(|(code, _)| *code == primary)
            .map(|(_, name)| *name)
    }
}

impl std::fmt::Display for LangTag {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Languages a voter in Vietnam may read better than Vietnamese, each by its own name (ISO 639
/// codes; names as their speakers write them). Vietnamese and English are the app's own.
const ENDONYMS: [(&str, &str); 16] = [
    ("km", "ភាសាខ្មែរ"),
    ("hmn", "Lus Hmoob"),
    ("th", "ภาษาไทย"),
    ("lo", "ພາສາລາວ"),
    ("zh", "中文"),
    ("tyz", "Tày"),
    ("blt", "Tai Dam"),
    ("rad", "Klei Êđê"),
    ("cja", "Cham"),
    ("cjm", "Cham"),
    ("jra", "Jarai"),
    ("bdq", "Bahnar"),
    ("mtq", "Mường"),
    ("nut", "Nùng"),
    ("fr", "Français"),
    ("ko", "한국어"),
];

/// A label in Vietnamese, with an optional English translation and optional translations into
/// other languages by tag (docs/poll-format.md §Text).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Text {
    vi: String,
    en: Option<String>,
    /// Other languages, sorted by tag, each tag once (the poll parser checks that).
    others: Vec<(LangTag, String)>,
}

impl Text {
    /// A text; `vi` must not be empty (the poll parser checks that, this constructor trusts it).
    pub fn new(vi: impl Into<String>, en: Option<String>) -> Text {
        Text {
            vi: vi.into(),
            en,
            others: Vec::new(),
        }
    }

    /// The text with `text` in the language `tag` too (replacing what it had in that language).
    pub fn with(mut self, tag: LangTag, text: impl Into<String>) -> Text {
        let text = text.into();
        match self.others.binary_search_by(|(t, _)| t.cmp(&tag)) {
            Ok(at) => self.others[at].1 = text,
            Err(at) => self.others.insert(at, (tag, text)),
        }
        self
    }

    /// The translations into languages other than Vietnamese and English, sorted by tag.
    pub fn others(&self) -> &[(LangTag, String)] {
        &self.others
    }

    /// The text in the language `tag` (`vi`, `en` or a tag of [`Text::others`]), falling back to
    /// Vietnamese when it has none in that language: what a voter who chose that language reads.
    pub fn in_tag(&self, tag: &str) -> &str {
        match tag {
            "vi" => &self.vi,
            "en" => self.en.as_deref().unwrap_or(&self.vi),
            _ => self
                .others
                .iter()
                .find(|(t, _)| t.as_str() == tag)
                .map_or(&self.vi, |(_, s)| s),
        }
    }

    /// The text in `lang`, falling back to Vietnamese when it has none in that language (no
    /// English, or no text in a language added to `i18n/languages.toml`).
    pub fn get(&self, lang: Lang) -> &str {
        self.in_tag(lang.code())
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
    fn language_tags_are_checked() {
        for good in ["km", "hmn", "th", "zh-Hant", "hmn-Latn-VN", "es-419", "tyz"] {
            assert_eq!(LangTag::parse(good).map(|t| t.to_string()), Ok(good.into()));
        }
        for bad in [
            "",
            "k",
            "KM",
            "Km",
            "khmer",
            "km_KH",
            "km-",
            "km-kh",
            "km-Latn-Latn",
            "km-VN-Latn",
            "km-VN-KH",
            "1m",
            "km kh",
        ] {
            assert_eq!(LangTag::parse(bad), Err(BadTag::Malformed), "{bad:?}");
        }
        for own in ["vi", "en", "vi-VN", "en-GB", "vie", "eng"] {
            assert_eq!(LangTag::parse(own), Err(BadTag::OwnSlot), "{own:?}");
        }
        assert_eq!(LangTag::parse("und"), Err(BadTag::NoLanguage));
        let km = LangTag::parse("km-KH").unwrap();
        assert_eq!(km.endonym(), Some("ភាសាខ្មែរ"));
        assert_eq!(LangTag::parse("qaa").unwrap().endonym(), None);
    }

    #[test]
    fn other_languages_fall_back_to_vietnamese() {
        let km = LangTag::parse("km").unwrap();
        let th = LangTag::parse("th").unwrap();
        let t = Text::new("Đồng ý", Some("Agree".into()))
            .with(th.clone(), "เห็นด้วย")
            .with(km.clone(), "យល់ព្រម");
        assert_eq!(t.in_tag("km"), "យល់ព្រម");
        assert_eq!(t.in_tag("th"), "เห็นด้วย");
        assert_eq!(t.in_tag("en"), "Agree");
        assert_eq!(t.in_tag("vi"), "Đồng ý");
        assert_eq!(t.in_tag("hmn"), "Đồng ý");
        // Sorted by tag, whatever order they were added in; a tag added again replaces.
        let tags: Vec<&str> = t.others().iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(tags, ["km", "th"]);
        let t = t.with(km, "បាទ");
        assert_eq!(t.others().len(), 2);
        assert_eq!(t.in_tag("km"), "បាទ");
        assert_eq!(Text::new("Có", None).in_tag("en"), "Có");
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
