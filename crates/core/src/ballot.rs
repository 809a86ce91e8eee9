//! Ballots and their commitments. A ballot is one voter's answers, one per poll item in poll
//! order, plus a 16-byte salt that the caller draws from a secure random source (the core has no
//! RNG). Its commitment is SHA-256 over the canonical encoding of (tag, poll hash, answers, salt)
//! (docs/bundle-format.md §Ballot commitment): it binds the ballot to its poll, and without the
//! salt it reveals nothing about the answers.

use crate::encoding::{digest_newtype, Encoder, BALLOT_TAG};
use crate::i18n::ballot_words;
use crate::lang::Lang;
use crate::poll::{Condition, ItemKind, Poll, PollHash};

digest_newtype!(
    /// SHA-256 of a ballot's canonical encoding (docs/bundle-format.md §Ballot commitment).
    BallotCommitment
);

/// The most characters a voter may write in an "Ý kiến khác" field.
pub const MAX_FREE_TEXT: u64 = 500;

/// 16 random bytes chosen by the caller for each ballot, so that two equal ballots have different
/// commitments and a commitment cannot be guessed by trying every possible vote.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Salt([u8; 16]);

impl Salt {
    pub fn from_bytes(bytes: [u8; 16]) -> Salt {
        Salt(bytes)
    }

    pub fn as_bytes(&self) -> &[u8; 16] {
        &self.0
    }

    pub fn to_hex(&self) -> String {
        crate::encoding::to_hex(&self.0)
    }

    pub fn from_hex(s: &str) -> Option<Salt> {
        crate::encoding::from_hex::<16>(s).map(Salt)
    }
}

impl core::fmt::Debug for Salt {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "Salt({})", self.to_hex())
    }
}

/// A voter's answer to one item (docs/bundle-format.md §Answers).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Answer {
    /// Left blank, or not shown because of skip logic.
    Blank,
    /// One option of a single or scale item; `free_text` only with a free-text option.
    Choice {
        option: String,
        free_text: Option<String>,
    },
    /// Options of a multiple item, kept in poll order; `free_text` only with a free-text option.
    Choices {
        options: Vec<String>,
        free_text: Option<String>,
    },
    Number(i64),
    Text(String),
}

impl Answer {
    /// A single choice without free text.
    pub fn choice(option: impl Into<String>) -> Answer {
        Answer::Choice {
            option: option.into(),
            free_text: None,
        }
    }

    pub fn is_blank(&self) -> bool {
        matches!(self, Answer::Blank)
    }
}

/// Why a set of answers is not a valid ballot for a poll. `path` names the answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BallotError {
    WrongCount {
        expected: usize,
        found: usize,
    },
    WrongType {
        index: usize,
        item: String,
        expected: &'static str,
    },
    UnknownOption {
        index: usize,
        item: String,
        option: String,
    },
    DuplicateOption {
        index: usize,
        item: String,
        option: String,
    },
    ChoiceCount {
        index: usize,
        item: String,
        min: u64,
        max: u64,
        found: usize,
    },
    FreeTextNotAllowed {
        index: usize,
        item: String,
    },
    TooLong {
        index: usize,
        item: String,
        max: u64,
        len: usize,
    },
    OutOfRange {
        index: usize,
        item: String,
        min: i64,
        max: i64,
        value: i64,
    },
    Required {
        index: usize,
        item: String,
    },
    Hidden {
        index: usize,
        item: String,
    },
}

/// In English: the message with its field path, for `--json` and logs.
impl std::fmt::Display for BallotError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for BallotError {}

impl BallotError {
    /// The field path of the answer concerned, such as `answers[2]`.
    pub fn path(&self) -> String {
        self.index()
            .map_or_else(|| "answers".into(), |index| format!("answers[{index}]"))
    }

    /// A sentence for people in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        use BallotError as E;
        let w = ballot_words(lang);
        match self {
            E::WrongCount { expected, found } => w.wrong_count(expected, found),
            E::WrongType {
                index,
                item,
                expected,
            } => w.wrong_type(index, format!("{item:?}"), format!("{expected:?}")),
            E::UnknownOption {
                index,
                item,
                option,
            } => w.unknown_option(index, format!("{item:?}"), format!("{option:?}")),
            E::DuplicateOption {
                index,
                item,
                option,
            } => w.duplicate_option(index, format!("{option:?}"), format!("{item:?}")),
            E::ChoiceCount {
                index,
                item,
                min,
                max,
                found,
            } => w.choice_count(index, format!("{item:?}"), min, max, found),
            E::FreeTextNotAllowed { index, item } => {
                w.free_text_not_allowed(index, format!("{item:?}"))
            }
            E::TooLong {
                index,
                item,
                max,
                len,
            } => w.too_long(index, format!("{item:?}"), max, len),
            E::OutOfRange {
                index,
                item,
                min,
                max,
                value,
            } => w.out_of_range(index, format!("{item:?}"), min, max, value),
            E::Required { index, item } => w.required(index, format!("{item:?}")),
            E::Hidden { index, item } => w.hidden(index, format!("{item:?}")),
        }
    }
}

impl BallotError {
    /// What the voter, respondent or officer is told, in `lang`: a plain sentence that names the
    /// question by its number and its words, never a field path or an id (issue 22, item 1).
    /// The paths stay in [`BallotError::message`], for `--json` and logs.
    pub fn plain_message(&self, lang: Lang, poll: &Poll) -> String {
        self.plain(lang, Some(poll))
    }

    /// What to do, without naming the question: for a screen that shows the question right
    /// above it ("Xin chọn một ý trước khi bấm Tiếp").
    pub fn advice(&self, lang: Lang, poll: &Poll) -> String {
        self.what_to_do(lang, Some(poll))
    }

    /// The plain sentence; without the poll (a file that did not verify) the question is named
    /// by its number alone.
    pub(crate) fn plain(&self, lang: Lang, poll: Option<&Poll>) -> String {
        let Some(index) = self.index() else {
            return self.what_to_do(lang, poll);
        };
        let number = index + 1;
        let label = poll
            .and_then(|p| p.items().get(index))
            .map(|item| shortened(item.label().get(lang)));
        let question = match label {
            Some(l) => ballot_words(lang).question_named(number, l),
            None => ballot_words(lang).question(number),
        };
        format!("{question}: {}", lower_first(&self.what_to_do(lang, poll)))
    }

    /// The index of the answer concerned; `None` when the ballot has the wrong number of them.
    fn index(&self) -> Option<usize> {
        use BallotError as E;
        match self {
            E::WrongCount { .. } => None,
            E::WrongType { index, .. }
            | E::UnknownOption { index, .. }
            | E::DuplicateOption { index, .. }
            | E::ChoiceCount { index, .. }
            | E::FreeTextNotAllowed { index, .. }
            | E::TooLong { index, .. }
            | E::OutOfRange { index, .. }
            | E::Required { index, .. }
            | E::Hidden { index, .. } => Some(*index),
        }
    }

    /// The sentence that says what is wrong and what to do, as a whole sentence.
    fn what_to_do(&self, lang: Lang, poll: Option<&Poll>) -> String {
        use BallotError as E;
        let kind = self
            .index()
            .and_then(|i| poll.and_then(|p| p.items().get(i)))
            .map(|item| item.kind());
        let w = ballot_words(lang);
        match self {
            E::Required { .. } => match kind {
                Some(ItemKind::Multiple { min, .. }) if *min > 1 => w.choose_at_least(min),
                Some(ItemKind::Number { .. }) => w.enter_number.into(),
                Some(ItemKind::Text { .. }) => w.write_answer.into(),
                _ => w.choose_one.into(),
            },
            E::ChoiceCount { max, found, .. } if (*found as u64) > *max => {
                w.too_many_chosen(max, found)
            }
            E::ChoiceCount { min, found, .. } => w.too_few_chosen(min, found),
            E::OutOfRange {
                min, max, value, ..
            } => w.number_out_of_range(min, max, value),
            E::TooLong { max, len, .. } => w.opinion_too_long(max, len),
            E::FreeTextNotAllowed { .. } => w.free_text_only_with_option.into(),
            E::Hidden { .. } => w.hidden_must_be_blank.into(),
            E::WrongType { .. } | E::UnknownOption { .. } | E::DuplicateOption { .. } => {
                w.answer_again.into()
            }
            E::WrongCount { expected, found } => w.answers_not_questions(found, expected),
        }
    }
}

/// A question's words, cut after about 60 characters (at a character boundary) so that a
/// message stays one or two lines.
fn shortened(label: &str) -> String {
    const MOST: usize = 60;
    if label.chars().count() <= MOST {
        return label.to_owned();
    }
    let cut: String = label.chars().take(MOST).collect();
    format!("{}…", cut.trim_end())
}

/// A sentence's first letter in lower case, to follow a colon.
pub(crate) fn lower_first(sentence: &str) -> String {
    let mut chars = sentence.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A valid ballot for one poll, with its commitment computed once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ballot {
    poll_hash: PollHash,
    answers: Vec<Answer>,
    salt: Salt,
    commitment: BallotCommitment,
}

impl Ballot {
    /// Checks `answers` (one per item, in poll order) against `poll` and commits to them.
    /// The options of a multiple answer are put in poll order, and an empty free text is read as
    /// none, so that each ballot has exactly one encoding.
    pub fn new(poll: &Poll, answers: Vec<Answer>, salt: Salt) -> Result<Ballot, BallotError> {
        let mut e = Encoder::default();
        Ballot::new_with(poll, answers, salt, &mut e)
    }

    /// As `new`, reusing an encoder's buffer (for verifying large bundles).
    pub(crate) fn new_with(
        poll: &Poll,
        mut answers: Vec<Answer>,
        salt: Salt,
        e: &mut Encoder,
    ) -> Result<Ballot, BallotError> {
        check(poll, &mut answers)?;
        let commitment = commit(e, poll.hash(), &answers, &salt);
        Ok(Ballot {
            poll_hash: poll.hash(),
            answers,
            salt,
            commitment,
        })
    }

    pub fn poll_hash(&self) -> PollHash {
        self.poll_hash
    }

    /// One answer per poll item, in poll order.
    pub fn answers(&self) -> &[Answer] {
        &self.answers
    }

    pub fn salt(&self) -> Salt {
        self.salt
    }

    pub fn commitment(&self) -> BallotCommitment {
        self.commitment
    }

    /// Whether every answer is blank (phiếu trắng).
    pub fn is_blank(&self) -> bool {
        self.answers.iter().all(Answer::is_blank)
    }
}

/// The canonical encoding of a ballot (docs/bundle-format.md §Ballot commitment).
pub(crate) fn encode(e: &mut Encoder, poll_hash: PollHash, answers: &[Answer], salt: &Salt) {
    e.reset(BALLOT_TAG);
    e.raw(poll_hash.as_bytes());
    e.len(answers.len());
    for a in answers {
        match a {
            Answer::Blank => e.byte(0),
            Answer::Choice { option, free_text } => {
                e.byte(1);
                e.str(option);
                e.opt(free_text.as_deref(), |e, s| e.str(s));
            }
            Answer::Choices { options, free_text } => {
                e.byte(2);
                e.len(options.len());
                for o in options {
                    e.str(o);
                }
                e.opt(free_text.as_deref(), |e, s| e.str(s));
            }
            Answer::Number(n) => {
                e.byte(3);
                e.i64(*n);
            }
            Answer::Text(t) => {
                e.byte(4);
                e.str(t);
            }
        }
    }
    e.raw(salt.as_bytes());
}

fn commit(
    e: &mut Encoder,
    poll_hash: PollHash,
    answers: &[Answer],
    salt: &Salt,
) -> BallotCommitment {
    encode(e, poll_hash, answers, salt);
    BallotCommitment::from_bytes(e.sha256())
}

/// Whether `item` is shown given the answers before it (docs/poll-format.md §Skip logic).
pub(crate) fn shown(poll: &Poll, answers: &[Answer], index: usize) -> bool {
    // An item this meeting votes by hands or on paper is never on a tablet ballot.
    if poll.is_voted_elsewhere(index) {
        return false;
    }
    let Some(show_if) = poll.items().get(index).and_then(|i| i.show_if()) else {
        return true;
    };
    // Each condition names an earlier item, whose answer is blank when it was hidden itself:
    // a question behind a hidden one is hidden too.
    show_if.is_met(&|cond: &Condition| {
        let Some(pos) = poll.items().iter().position(|i| i.id() == cond.item()) else {
            return false;
        };
        match answers.get(pos) {
            Some(Answer::Choice { option, .. }) => cond.any_of().contains(option),
            Some(Answer::Choices { options, .. }) => {
                options.iter().any(|o| cond.any_of().contains(o))
            }
            _ => false,
        }
    })
}

fn check(poll: &Poll, answers: &mut [Answer]) -> Result<(), BallotError> {
    let items = poll.items();
    if answers.len() != items.len() {
        return Err(BallotError::WrongCount {
            expected: items.len(),
            found: answers.len(),
        });
    }
    (0..items.len()).try_for_each(|index| check_answer(poll, answers, index))
}

/// Whether item `index` is shown to a voter who gave `answers` so far (its `show_if`, if any,
/// is met by an earlier answer; docs/poll-format.md §Skip logic). The voting screens and the
/// ballot check use this one function, so what a voter sees is what the ballot may contain.
pub fn is_shown(poll: &Poll, answers: &[Answer], index: usize) -> bool {
    shown(poll, answers, index)
}

/// Checks the answer to item `index` given the earlier `answers`, and brings it to its one
/// canonical form (an empty text or set is blank; options of a multiple item in poll order).
/// The voting screen calls this before moving on, so the voter learns of a missing required
/// answer or a number out of range on the question itself, in the same words the ballot
/// check would use. `answers` must have one entry per item.
pub fn check_answer(poll: &Poll, answers: &mut [Answer], index: usize) -> Result<(), BallotError> {
    let items = poll.items();
    let Some(item) = items.get(index) else {
        return Err(BallotError::WrongCount {
            expected: items.len(),
            found: answers.len(),
        });
    };
    if answers.len() != items.len() {
        return Err(BallotError::WrongCount {
            expected: items.len(),
            found: answers.len(),
        });
    }
    {
        let name = || item.id().to_owned();
        // An empty text or an empty set of options is a blank answer: one meaning, one encoding.
        let empty = match &answers[index] {
            Answer::Text(t) => t.is_empty(),
            Answer::Choices { options, free_text } => {
                options.is_empty() && free_text.as_deref().unwrap_or("").is_empty()
            }
            _ => false,
        };
        if empty {
            answers[index] = Answer::Blank;
        }
        if !shown(poll, answers, index) {
            if !answers[index].is_blank() {
                return Err(BallotError::Hidden {
                    index,
                    item: name(),
                });
            }
            return Ok(());
        }
        let wrong_type = || BallotError::WrongType {
            index,
            item: name(),
            expected: item.kind().name(),
        };
        let free_text_ok = |free_text: &mut Option<String>, chosen_free: bool| {
            if free_text.as_deref() == Some("") {
                *free_text = None;
            }
            match free_text {
                None => Ok(()),
                Some(_) if !chosen_free => Err(BallotError::FreeTextNotAllowed {
                    index,
                    item: name(),
                }),
                Some(t) => {
                    let len = t.chars().count();
                    if len as u64 > MAX_FREE_TEXT {
                        Err(BallotError::TooLong {
                            index,
                            item: name(),
                            max: MAX_FREE_TEXT,
                            len,
                        })
                    } else {
                        Ok(())
                    }
                }
            }
        };
        let answer = &mut answers[index];
        match (item.kind(), answer) {
            (_, Answer::Blank) => {
                if item.required() {
                    return Err(BallotError::Required {
                        index,
                        item: name(),
                    });
                }
            }
            (
                ItemKind::Single { options } | ItemKind::Scale { options },
                Answer::Choice { option, free_text },
            ) => {
                let Some(choice) = options.iter().find(|c| c.id() == option) else {
                    return Err(BallotError::UnknownOption {
                        index,
                        item: name(),
                        option: option.clone(),
                    });
                };
                free_text_ok(free_text, choice.free_text())?;
            }
            (
                ItemKind::Multiple { options, min, max },
                Answer::Choices {
                    options: chosen,
                    free_text,
                },
            ) => {
                let count_ok = || {
                    let n = chosen.len() as u64;
                    if n < *min || n > *max {
                        return Err(BallotError::ChoiceCount {
                            index,
                            item: name(),
                            min: *min,
                            max: *max,
                            found: chosen.len(),
                        });
                    }
                    Ok(())
                };
                // Most often the options come in poll order already (as every stored opening
                // does): then there is nothing to sort, no repeat, and nothing to copy.
                if let Some(chose_free) = in_poll_order(options, chosen) {
                    count_ok()?;
                    return free_text_ok(free_text, chose_free);
                }
                let mut positions = Vec::with_capacity(chosen.len());
                for o in chosen.iter() {
                    let Some(p) = options.iter().position(|c| c.id() == o) else {
                        return Err(BallotError::UnknownOption {
                            index,
                            item: name(),
                            option: o.clone(),
                        });
                    };
                    if positions.contains(&p) {
                        return Err(BallotError::DuplicateOption {
                            index,
                            item: name(),
                            option: o.clone(),
                        });
                    }
                    positions.push(p);
                }
                count_ok()?;
                // A set of options has one encoding: poll order.
                positions.sort_unstable();
                *chosen = positions
                    .iter()
                    .map(|&p| options[p].id().to_owned())
                    .collect();
                let chose_free = positions.iter().any(|&p| options[p].free_text());
                free_text_ok(free_text, chose_free)?;
            }
            (ItemKind::Number { min, max }, Answer::Number(value)) => {
                if *value < *min || *value > *max {
                    return Err(BallotError::OutOfRange {
                        index,
                        item: name(),
                        min: *min,
                        max: *max,
                        value: *value,
                    });
                }
            }
            (ItemKind::Text { max_len }, Answer::Text(text)) => {
                let len = text.chars().count();
                if len as u64 > *max_len {
                    return Err(BallotError::TooLong {
                        index,
                        item: name(),
                        max: *max_len,
                        len,
                    });
                }
            }
            _ => return Err(wrong_type()),
        }
    }
    Ok(())
}

/// Whether `chosen` names options of `options` in strictly increasing poll order (so none is
/// unknown or repeated), and then whether one of them takes a free text; `None` otherwise,
/// for the general check to say what is wrong or to put them in order.
fn in_poll_order(options: &[crate::poll::Choice], chosen: &[String]) -> Option<bool> {
    let mut from = 0;
    let mut free = false;
    for o in chosen {
        let p = from + options[from..].iter().position(|c| c.id() == o)?;
        free |= options[p].free_text();
        from = p + 1;
    }
    Some(free)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A multiple answer's options in poll order take the short path (`in_poll_order`); any
    /// other list the general one. Both say the same as the rule written out here, for every
    /// list of up to three of the survey's options and one unknown: the first unknown or
    /// repeated option in the list, else the count, else the free text, and the options put
    /// in poll order.
    #[test]
    fn multiple_answers_are_checked_as_the_rule_says_in_any_order() {
        let poll = Poll::from_json(include_str!("../tests/data/survey-poll.json")).unwrap();
        let ids = ["duong", "nuoc", "khac", "ao"];
        let mut lists: Vec<Vec<&str>> = vec![vec![]];
        for _ in 0..3 {
            let longer: Vec<Vec<&str>> = lists
                .iter()
                .filter(|l| l.len() == lists.iter().map(Vec::len).max().unwrap_or(0))
                .flat_map(|l| {
                    ids.iter().map(move |id| {
                        let mut l = l.clone();
                        l.push(id);
                        l
                    })
                })
                .collect();
            lists.extend(longer);
        }
        assert_eq!(lists.len(), 1 + 4 + 16 + 64);
        for list in &lists {
            for free in [None, Some("ý kiến")] {
                let chosen: Vec<String> = list.iter().map(|s| (*s).to_owned()).collect();
                let mut answers = vec![
                    Answer::choice("hai_long"),
                    Answer::Blank,
                    Answer::Choices {
                        options: chosen.clone(),
                        free_text: free.map(str::to_owned),
                    },
                    Answer::Blank,
                ];
                let got = check_answer(&poll, &mut answers, 2).map(|()| answers[2].clone());
                let item = || "linh_vuc".to_owned();
                let mut seen = Vec::new();
                let mut expected = None;
                for o in list {
                    let Some(p) = ids[..3].iter().position(|id| id == o) else {
                        expected = Some(Err(BallotError::UnknownOption {
                            index: 2,
                            item: item(),
                            option: (*o).to_owned(),
                        }));
                        break;
                    };
                    if seen.contains(&p) {
                        expected = Some(Err(BallotError::DuplicateOption {
                            index: 2,
                            item: item(),
                            option: (*o).to_owned(),
                        }));
                        break;
                    }
                    seen.push(p);
                }
                seen.sort_unstable();
                let expected = expected.unwrap_or_else(|| {
                    if list.is_empty() && free.is_none() {
                        Ok(Answer::Blank)
                    } else if list.len() > 2 {
                        Err(BallotError::ChoiceCount {
                            index: 2,
                            item: item(),
                            min: 0,
                            max: 2,
                            found: list.len(),
                        })
                    } else if free.is_some() && !seen.contains(&2) {
                        Err(BallotError::FreeTextNotAllowed {
                            index: 2,
                            item: item(),
                        })
                    } else {
                        Ok(Answer::Choices {
                            options: seen.iter().map(|&p| ids[p].to_owned()).collect(),
                            free_text: free.map(str::to_owned),
                        })
                    }
                });
                assert_eq!(got, expected, "{list:?} {free:?}");
            }
        }
    }
}
