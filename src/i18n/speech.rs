//! Reading aloud (issue 20, item 1): the button's words in the interface's language, the
//! setup screen's note for the officer, and what is spoken. What is spoken is always
//! Vietnamese, whatever language the screen is in: the voice is a `vi-VN` one.

use phieu_core::{Answer, Item, ItemKind, Lang, Poll};

use super::kiosk::kiosk;
use crate::state::reading::{answer_in_words, Reading};

include!(concat!(env!("OUT_DIR"), "/i18n/speech.rs"));

/// What "Nghe" reads on a question's screen: the question, the person it is about, how to
/// answer, then each option with its number.
pub fn question_lines(item: &Item) -> Vec<String> {
    let (w, k) = (speech_words(Lang::Vi), kiosk(Lang::Vi));
    let mut lines = vec![item.label().get(Lang::Vi).to_owned()];
    if let Some(p) = item.person() {
        lines.push(match p.position() {
            Some(pos) => format!("{}, {}", p.name(), pos.get(Lang::Vi)),
            None => p.name().to_owned(),
        });
    }
    let options = |lines: &mut Vec<String>, how: String| {
        lines.push(how);
        for (i, c) in item.kind().options().iter().enumerate() {
            lines.push(w.option(i + 1, c.label().get(Lang::Vi)));
        }
    };
    match item.kind() {
        ItemKind::Single { .. } | ItemKind::Scale { .. } => {
            options(&mut lines, k.choose_one.to_owned())
        }
        ItemKind::Multiple {
            options: all, max, ..
        } => {
            let how = if (*max as usize) < all.len() {
                k.choose_at_most(max)
            } else {
                k.choose_many.to_owned()
            };
            options(&mut lines, how)
        }
        ItemKind::Number { min, max } => lines.push(w.number(min, max)),
        ItemKind::Text { .. } => lines.push(k.type_text.to_owned()),
    }
    lines
}

/// What "Nghe" reads on the review screen: its title, each question shown with the answer
/// given, then how to confirm.
pub fn review_lines<'a>(
    poll: &Poll,
    review: impl Iterator<Item = (usize, &'a Answer)>,
) -> Vec<String> {
    let k = kiosk(Lang::Vi);
    let mut lines = vec![k.review_title.to_owned()];
    lines.extend(review.map(|(i, a)| {
        format!(
            "{}: {}",
            poll.items()[i].label().get(Lang::Vi),
            answer_in_words(poll, i, a, &Reading::default(), Lang::Vi, k.blank)
        )
    }));
    lines.push(k.review_hint.to_owned());
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::meeting::Voting;

    fn demo() -> Poll {
        Poll::from_json(include_str!("../../assets/polls/demo.json")).expect("the demo poll")
    }

    #[test]
    fn a_question_is_read_then_each_option_with_its_number() {
        let poll = demo();
        let item = &poll.items()[0];
        let lines = question_lines(item);
        assert_eq!(lines[0], item.label().get(Lang::Vi));
        let options = item.kind().options();
        let read: Vec<&String> = lines.iter().rev().take(options.len()).rev().collect();
        for (i, (line, c)) in read.iter().zip(options).enumerate() {
            assert_eq!(**line, format!("Số {}: {}", i + 1, c.label().get(Lang::Vi)));
        }
    }

    #[test]
    fn what_is_spoken_is_vietnamese_whatever_the_screen_language() {
        let poll = demo();
        let item = &poll.items()[0];
        assert!(question_lines(item)
            .iter()
            .all(|l| !l.starts_with("Number ")));
        assert!(question_lines(item).contains(&"Chọn một".to_owned()));
    }

    #[test]
    fn the_review_reads_each_answer_back_before_confirm() {
        let poll = demo();
        let mut v = Voting::new(&poll, false);
        let first = poll.items()[0].kind().options()[0].id().to_owned();
        v.answers[0] = Answer::choice(first);
        let lines = review_lines(&poll, v.review(&poll));
        assert_eq!(
            lines.first().map(String::as_str),
            Some(kiosk(Lang::Vi).review_title)
        );
        assert_eq!(
            lines.last().map(String::as_str),
            Some(kiosk(Lang::Vi).review_hint)
        );
        let chosen = poll.items()[0].kind().options()[0].label().get(Lang::Vi);
        assert!(lines[1].ends_with(chosen), "{lines:?}");
    }
}
