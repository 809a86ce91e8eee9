//! Ballots and their commitments. A ballot is one voter's answers, one per poll item in poll
//! order, plus a 16-byte salt that the caller draws from a secure random source (the core has no
//! RNG). Its commitment is SHA-256 over the canonical encoding of (tag, poll hash, answers, salt)
//! (docs/bundle-format.md §Ballot commitment): it binds the ballot to its poll, and without the
//! salt it reveals nothing about the answers.

use crate::encoding::{digest_newtype, Encoder, BALLOT_TAG};
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
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BallotError {
    #[error("answers: the poll has {expected} items, the ballot answers {found}")]
    WrongCount { expected: usize, found: usize },
    #[error("answers[{index}]: item {item:?} takes an answer of type {expected:?}")]
    WrongType {
        index: usize,
        item: String,
        expected: &'static str,
    },
    #[error("answers[{index}]: item {item:?} has no option {option:?}")]
    UnknownOption {
        index: usize,
        item: String,
        option: String,
    },
    #[error("answers[{index}]: option {option:?} of item {item:?} is chosen twice")]
    DuplicateOption {
        index: usize,
        item: String,
        option: String,
    },
    #[error("answers[{index}]: item {item:?} takes {min} to {max} options, {found} chosen")]
    ChoiceCount {
        index: usize,
        item: String,
        min: u64,
        max: u64,
        found: usize,
    },
    #[error("answers[{index}]: item {item:?} has free text but no free-text option is chosen")]
    FreeTextNotAllowed { index: usize, item: String },
    #[error("answers[{index}]: item {item:?} takes at most {max} characters, {len} given")]
    TooLong {
        index: usize,
        item: String,
        max: u64,
        len: usize,
    },
    #[error("answers[{index}]: item {item:?} takes a number from {min} to {max}, {value} given")]
    OutOfRange {
        index: usize,
        item: String,
        min: i64,
        max: i64,
        value: i64,
    },
    #[error("answers[{index}]: item {item:?} is required")]
    Required { index: usize, item: String },
    #[error("answers[{index}]: item {item:?} is hidden by its condition and must be blank")]
    Hidden { index: usize, item: String },
}

impl BallotError {
    /// The field path of the answer concerned, such as `answers[2]`.
    pub fn path(&self) -> String {
        self.index()
            .map_or_else(|| "answers".into(), |index| format!("answers[{index}]"))
    }

    /// A sentence for people in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        use BallotError as E;
        let en = self.to_string();
        let vi = match self {
            E::WrongCount { expected, found } => {
                format!("answers: phiếu có {expected} câu hỏi nhưng có {found} câu trả lời")
            }
            E::WrongType { index, item, expected } => {
                format!("answers[{index}]: câu {item:?} cần câu trả lời loại {expected:?}")
            }
            E::UnknownOption { index, item, option } => {
                format!("answers[{index}]: câu {item:?} không có lựa chọn {option:?}")
            }
            E::DuplicateOption { index, item, option } => {
                format!("answers[{index}]: lựa chọn {option:?} của câu {item:?} bị chọn hai lần")
            }
            E::ChoiceCount { index, item, min, max, found } => format!(
                "answers[{index}]: câu {item:?} cần chọn từ {min} đến {max} lựa chọn, đã chọn {found}"
            ),
            E::FreeTextNotAllowed { index, item } => format!(
                "answers[{index}]: câu {item:?} có ghi ý kiến nhưng không chọn mục ghi ý kiến"
            ),
            E::TooLong { index, item, max, len } => {
                format!("answers[{index}]: câu {item:?} tối đa {max} ký tự, đã viết {len}")
            }
            E::OutOfRange { index, item, min, max, value } => format!(
                "answers[{index}]: câu {item:?} cần một số từ {min} đến {max}, đã nhập {value}"
            ),
            E::Required { index, item } => {
                format!("answers[{index}]: câu {item:?} bắt buộc phải trả lời")
            }
            E::Hidden { index, item } => {
                format!("answers[{index}]: câu {item:?} bị ẩn theo điều kiện nên phải để trống")
            }
        };
        lang.pick(vi, en)
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
        let question = match (lang, label) {
            (Lang::Vi, Some(l)) => format!("Câu {number} («{l}»)"),
            (Lang::Vi, None) => format!("Câu {number}"),
            (Lang::En, Some(l)) => format!("Question {number} (“{l}”)"),
            (Lang::En, None) => format!("Question {number}"),
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
        match self {
            E::Required { .. } => match kind {
                Some(ItemKind::Multiple { min, .. }) if *min > 1 => lang.pick(
                    format!("Xin chọn ít nhất {min} ý trước khi bấm Tiếp."),
                    format!("Please choose at least {min} before pressing Next."),
                ),
                Some(ItemKind::Number { .. }) => lang.pick(
                    "Xin nhập một số trước khi bấm Tiếp.".into(),
                    "Please enter a number before pressing Next.".into(),
                ),
                Some(ItemKind::Text { .. }) => lang.pick(
                    "Xin viết câu trả lời trước khi bấm Tiếp.".into(),
                    "Please write an answer before pressing Next.".into(),
                ),
                _ => lang.pick(
                    "Xin chọn một ý trước khi bấm Tiếp.".into(),
                    "Please choose one before pressing Next.".into(),
                ),
            },
            E::ChoiceCount {
                min, max, found, ..
            } if (*found as u64) > *max => lang.pick(
                format!("Chỉ được chọn tối đa {max} ý, đang chọn {found}: xin bỏ bớt."),
                format!("Choose at most {max}; {found} are chosen: please untick some."),
            ),
            E::ChoiceCount { min, found, .. } => lang.pick(
                format!("Cần chọn ít nhất {min} ý, đang chọn {found}."),
                format!("Choose at least {min}; {found} chosen so far."),
            ),
            E::OutOfRange {
                min, max, value, ..
            } => lang.pick(
                format!("Xin nhập một số từ {min} đến {max} (đã nhập {value})."),
                format!("Please enter a number from {min} to {max} ({value} was entered)."),
            ),
            E::TooLong { max, len, .. } => lang.pick(
                format!("Ý kiến dài tối đa {max} ký tự, đang có {len}: xin viết ngắn lại."),
                format!("At most {max} characters; this has {len}: please shorten it."),
            ),
            E::FreeTextNotAllowed { .. } => lang.pick(
                "Chỉ ghi ý kiến khi chọn mục ghi ý kiến.".into(),
                "Write an opinion only with the option that asks for one.".into(),
            ),
            E::Hidden { .. } => lang.pick(
                "Câu này không được hỏi theo câu trả lời trước đó nên phải để trống.".into(),
                "This question is not asked after the earlier answer, so it must be left blank."
                    .into(),
            ),
            E::WrongType { .. } | E::UnknownOption { .. } | E::DuplicateOption { .. } => lang.pick(
                "Câu trả lời không đúng với các lựa chọn của câu hỏi: xin trả lời lại.".into(),
                "The answer does not fit the question's options: please answer again.".into(),
            ),
            E::WrongCount { expected, found } => lang.pick(
                format!(
                    "Phiếu có {found} câu trả lời, nhưng cuộc lấy ý kiến có {expected} câu hỏi."
                ),
                format!("The ballot has {found} answers, but the poll has {expected} questions."),
            ),
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
