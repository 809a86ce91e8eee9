//! The language a voter reads a poll in (issue 20, item 3). A poll may carry its texts in other
//! languages besides Vietnamese and English (`km`, `hmn`…, docs/poll-format.md §Text); the voter
//! picks one on the first screen. It is not the app's language: the buttons and hints stay in
//! Vietnamese (or English), only the poll's own words change. Nothing of it is stored or cast: a
//! ballot holds option ids, so its commitment and the tally are the same whatever the language.

use phieu_core::{Answer, Lang, Poll, Text};

/// The language a voter reads the poll's texts in: the app's own (Vietnamese, or English where
/// the poll has it, as before), or one the voter chose by its tag.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Reading(Option<String>);

impl Reading {
    /// The texts in the language `tag` (`vi`, `en` or one of the poll's other languages).
    pub fn tag(tag: impl Into<String>) -> Reading {
        Reading(Some(tag.into()))
    }

    /// The text as this voter reads it, in an app whose language is `lang`.
    pub fn text<'a>(&self, text: &'a Text, lang: Lang) -> &'a str {
        match &self.0 {
            Some(tag) => text.in_tag(tag),
            None => text.get(lang),
        }
    }

    /// The BCP 47 code to put on the elements holding the poll's texts (`lang="km"`), so the
    /// browser shapes and voices them as that language.
    pub fn code(&self, lang: Lang) -> String {
        self.0.clone().unwrap_or_else(|| lang.code().to_owned())
    }

    /// Whether this is the language `tag`, in an app whose language is `lang`.
    pub fn is(&self, tag: &str, lang: Lang) -> bool {
        self.code(lang) == tag
    }
}

/// The languages a voter may read `poll` in, each with its name in itself, Vietnamese first;
/// empty when the poll has no language besides Vietnamese and English (it then follows the app's
/// language, as before, and no choice is offered).
pub fn choices(poll: &Poll) -> Vec<(String, String)> {
    let others = poll.languages();
    if others.is_empty() {
        return Vec::new();
    }
    let mut out = vec![("vi".to_owned(), "Tiếng Việt".to_owned())];
    if poll.has_english() {
        out.push(("en".to_owned(), "English".to_owned()));
    }
    out.extend(others.iter().map(|tag| {
        let name = tag.endonym().map_or_else(|| tag.to_string(), str::to_owned);
        (tag.to_string(), name)
    }));
    out
}

/// An answer in the words of the poll as this voter reads it, for the review screen: the chosen
/// options' labels, the free text after them, the number or the text; `blank` when there is none.
pub fn answer_in_words(
    poll: &Poll,
    index: usize,
    answer: &Answer,
    reading: &Reading,
    lang: Lang,
    blank: &str,
) -> String {
    let Some(item) = poll.items().get(index) else {
        return String::new();
    };
    let label = |id: &str| {
        item.kind()
            .options()
            .iter()
            .find(|c| c.id() == id)
            .map(|c| reading.text(c.label(), lang).to_owned())
            .unwrap_or_else(|| id.to_owned())
    };
    let with_text = |words: String, free: &Option<String>| match free {
        Some(t) if !t.is_empty() => format!("{words}: “{t}”"),
        _ => words,
    };
    match answer {
        Answer::Blank => blank.to_owned(),
        Answer::Choice { option, free_text } => with_text(label(option), free_text),
        Answer::Choices { options, free_text } => with_text(
            options
                .iter()
                .map(|o| label(o))
                .collect::<Vec<_>>()
                .join(", "),
            free_text,
        ),
        Answer::Number(n) => n.to_string(),
        Answer::Text(t) => t.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DEMO: &str = include_str!("../../assets/polls/demo.json");

    fn khmer() -> Poll {
        let json = DEMO.replacen(
            "\"vi\": \"Đồng ý\"",
            "\"vi\": \"Đồng ý\", \"km\": \"យល់ព្រម\"",
            1,
        );
        Poll::from_json(&json).unwrap()
    }

    #[test]
    fn a_poll_in_vietnamese_and_english_offers_no_choice() {
        assert!(choices(&Poll::from_json(DEMO).unwrap()).is_empty());
    }

    #[test]
    fn a_poll_in_khmer_offers_vietnamese_english_and_khmer() {
        let names: Vec<(String, String)> = choices(&khmer());
        let names: Vec<(&str, &str)> = names
            .iter()
            .map(|(t, n)| (t.as_str(), n.as_str()))
            .collect();
        assert_eq!(
            names,
            [("vi", "Tiếng Việt"), ("en", "English"), ("km", "ភាសាខ្មែរ")]
        );
    }

    #[test]
    fn the_voters_language_changes_the_words_only() {
        let poll = khmer();
        let agree = Answer::choice("dong_y");
        let read = |r: &Reading, lang| answer_in_words(&poll, 0, &agree, r, lang, "-");
        assert_eq!(read(&Reading::tag("km"), Lang::Vi), "យល់ព្រម");
        assert_eq!(read(&Reading::tag("km"), Lang::En), "យល់ព្រម");
        assert_eq!(read(&Reading::default(), Lang::Vi), "Đồng ý");
        assert_eq!(read(&Reading::tag("vi"), Lang::En), "Đồng ý");
        // A text with no Khmer shows its Vietnamese.
        let disagree = Answer::choice("khong_dong_y");
        assert_eq!(
            answer_in_words(&poll, 0, &disagree, &Reading::tag("km"), Lang::Vi, "-"),
            "Không đồng ý"
        );
        assert_eq!(Reading::tag("km").code(Lang::Vi), "km");
        assert_eq!(Reading::default().code(Lang::En), "en");
        assert!(Reading::default().is("vi", Lang::Vi));
    }
}
