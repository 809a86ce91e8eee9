//! Reading aloud (issue 20, item 1): the button's words in the interface's language, the
//! setup screen's note for the officer, and what is spoken. What is spoken is always
//! Vietnamese, whatever language the screen is in: the voice is a `vi-VN` one.

use phieu_core::{Answer, Item, ItemKind, Lang, Poll};

use super::kiosk::kiosk;
use crate::state::reading::{answer_in_words, Reading};

pub struct SpeechWords {
    /// The voter's button, and its words while it reads (tapping again stops).
    pub listen: &'static str,
    pub stop: &'static str,
    /// The setup screen's section.
    pub heading: &'static str,
    /// {name}: the voice, on the device.
    pub ready: &'static str,
    /// {name}: the voice needs the network.
    pub ready_online: &'static str,
    pub missing: &'static str,
    /// Spoken before each option: {n} its number, {label} its words.
    pub option: &'static str,
    /// Spoken for a number question: {min}, {max}.
    pub number: &'static str,
}

const VI: SpeechWords = SpeechWords {
    listen: "Nghe",
    stop: "Dừng đọc",
    heading: "Đọc to cho cử tri",
    ready: "Máy có giọng đọc tiếng Việt ({name}), đọc được khi không có mạng. Trên mỗi câu hỏi, cử tri bấm «Nghe» để nghe câu hỏi và các lựa chọn. Đưa tai nghe cho cử tri để giữ bí mật lá phiếu.",
    ready_online: "Máy có giọng đọc tiếng Việt ({name}) nhưng giọng này cần mạng: khi mất mạng có thể không đọc được. Nên cài giọng tiếng Việt ngoại tuyến. Đưa tai nghe cho cử tri để giữ bí mật lá phiếu.",
    missing: "Máy này không có giọng đọc tiếng Việt, nên nút «Nghe» không hiện cho cử tri. Trên máy tính bảng Android: Cài đặt › Hỗ trợ tiếp cận › Chuyển văn bản thành giọng nói, tải giọng tiếng Việt, rồi mở lại trang.",
    option: "Số {n}: {label}",
    number: "Nhập một số từ {min} đến {max}",
};

const EN: SpeechWords = SpeechWords {
    listen: "Listen",
    stop: "Stop reading",
    heading: "Reading aloud to voters",
    ready: "This device has a Vietnamese voice ({name}) that reads with no network. On every question the voter taps «Listen» to hear the question and its choices. Give the voter headphones to keep the ballot secret.",
    ready_online: "This device has a Vietnamese voice ({name}), but it needs the network: it may not read when offline. Installing an offline Vietnamese voice is better. Give the voter headphones to keep the ballot secret.",
    missing: "This device has no Vietnamese voice, so voters are not offered «Listen». On an Android tablet: Settings › Accessibility › Text-to-speech, download the Vietnamese voice, then reload the page.",
    option: "Number {n}: {label}",
    number: "Type a number from {min} to {max}",
};

pub fn speech_words(lang: Lang) -> &'static SpeechWords {
    match lang {
        Lang::Vi => &VI,
        Lang::En => &EN,
    }
}

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
            lines.push(
                w.option
                    .replace("{n}", &(i + 1).to_string())
                    .replace("{label}", c.label().get(Lang::Vi)),
            );
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
                k.choose_at_most.replace("{n}", &max.to_string())
            } else {
                k.choose_many.to_owned()
            };
            options(&mut lines, how)
        }
        ItemKind::Number { min, max } => lines.push(
            w.number
                .replace("{min}", &min.to_string())
                .replace("{max}", &max.to_string()),
        ),
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
