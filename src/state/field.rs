//! Field-survey mode: a Fatherland Front staff member runs an opinion survey on their own
//! device, one respondent after another, over days (issue 7; docs/field-survey.md).
//!
//! A field session IS a [`Meeting`] (same box, same commitments, same closing and audit bundle)
//! whose [`Meeting::field`] holds what a survey adds: the staff member's name and, once closed,
//! the line the minutes carry instead of the logic-and-accuracy test. Around it this module
//! keeps two things the meeting flow does not have:
//!
//! - the **draft** of the respondent in progress ([`Draft`]): every answer is written to
//!   storage as it is given, so a dead battery loses at most the answer being typed; a reload
//!   offers to continue at the same question or to discard it. Confirming seals the draft with
//!   the ballot's salt first, so an interrupted commit is finished with the very same
//!   commitment (stored once, keyed by it) and counted once;
//! - the **count per day** ([`Days`]): how many responses were confirmed on each local date.
//!   It is a separate tally of integers that names no response, and the ballots keep no time or
//!   order (ARCHITECTURE.md, invariants), so no day can be linked to an answer.
//!
//!
//! The same session also runs a village's decision or election **by forms handed to every
//! household**, over days, when a meeting cannot be held (issue 16, item 2; domain brief,
//! "Quorum, and voting by form"): its electorate is `Electorate::by_household_forms` (every
//! share of the total households, no quorum), and a household [`Roll`] kept apart from the box
//! lets each household answer once ([`roll`]).
//!
//! Plain Rust, like the rest of the model: native tests below.

pub mod roll;

use std::collections::BTreeMap;
use std::rc::Rc;

use phieu_core::{Answer, BallotBox, Electorate, Method, PinHash, Poll};
use serde::{Deserialize, Serialize};

pub use super::meeting::FieldFacts;
use super::meeting::{Meeting, Phase, Step, Voting};
use super::notice::Notice;
use crate::state::words::field_says as says;
pub use roll::{Household, Roll, RollError};

/// Every field session's meeting id starts with this, so a glance at storage tells them apart.
pub const ID_PREFIX: &str = "field-";

/// Responses confirmed per local date (`YYYY-MM-DD`): integers only, never a response.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Days(pub BTreeMap<String, u64>);

impl Days {
    /// The counts as storage lists them. Inserted one by one rather than collected: a
    /// `BTreeMap` collected from a list sorts it first, which links a stable sort of
    /// `(String, u64)` into the survey page for nothing (about 2 KB gzip).
    pub fn of(list: Vec<(String, u64)>) -> Days {
        let mut days = BTreeMap::new();
        for (day, count) in list {
            days.insert(day, count);
        }
        Days(days)
    }

    /// Responses confirmed on `day`.
    pub fn on(&self, day: &str) -> u64 {
        self.0.get(day).copied().unwrap_or(0)
    }

    /// Responses confirmed on every day together.
    pub fn total(&self) -> u64 {
        self.0.values().sum()
    }

    /// The days after one more response on `day`.
    pub fn plus_one(&self, day: &str) -> Days {
        let mut next = self.clone();
        *next.0.entry(day.to_owned()).or_insert(0) += 1;
        next
    }

    /// `2026-11-25` as the minutes write it: `25/11/2026`.
    pub fn written(day: &str) -> String {
        let mut parts = day.split('-');
        match (parts.next(), parts.next(), parts.next()) {
            (Some(y), Some(m), Some(d)) => format!("{d}/{m}/{y}"),
            _ => day.to_owned(),
        }
    }

    /// The dates the survey ran, for the minutes' time: one day, or the first and the last.
    pub fn span(&self) -> String {
        let first = self.0.keys().next();
        let last = self.0.keys().next_back();
        match (first, last) {
            (Some(a), Some(b)) if a == b => Days::written(a),
            (Some(a), Some(b)) => format!("{} – {}", Days::written(a), Days::written(b)),
            _ => String::new(),
        }
    }

    /// " do NAME thực hiện" for the minutes' line, or nothing when no name was given.
    fn by(staff: &str) -> String {
        let staff = staff.trim();
        if staff.is_empty() {
            String::new()
        } else {
            format!(" do {staff} thực hiện")
        }
    }

    /// "DAY: N; DAY: N" for the minutes' line.
    fn per_day(&self) -> String {
        self.0
            .iter()
            .map(|(d, n)| format!("{}: {n}", Days::written(d)))
            .collect::<Vec<_>>()
            .join("; ")
    }

    /// The minutes' line for a closed survey: who ran it and how many responses each day.
    pub fn summary(&self, staff: &str) -> String {
        let (by, per_day) = (Days::by(staff), self.per_day());
        format!(
            "Lấy ý kiến tại hộ gia đình (khảo sát thực địa){by}; số phiếu theo ngày: {per_day}. Không chạy thử máy."
        )
    }
}

impl Days {
    /// The minutes' line for a closed collection by forms: who ran it, how many households of
    /// the roll answered, and how many forms came in each day.
    pub fn forms_summary(&self, staff: &str, roll: &Roll) -> String {
        let (by, per_day) = (Days::by(staff), self.per_day());
        format!(
            "Phát phiếu lấy ý kiến tới từng hộ gia đình{by}; số hộ đã trả lời theo danh sách: {}/{}; số phiếu theo ngày: {per_day}. Danh sách hộ giữ riêng, không gắn với phiếu. Không chạy thử máy.",
            roll.answered_count(),
            roll.total()
        )
    }
}

/// The respondent in progress, as kept in storage between two answers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Draft {
    /// The question the respondent was on (or the review).
    pub step: Step,
    pub answers: Vec<Answer>,
    /// Set when the respondent confirmed: the ballot's salt, so finishing an interrupted commit
    /// gives the same commitment.
    pub salt: Option<[u8; 16]>,
}

/// The draft's storage format: versioned JSON of plain values. Its answers are written as
/// [`AnswerRecord`]s and read back as [`AnswerIn`]s: the same JSON.
#[derive(Serialize, Deserialize)]
struct DraftRecord<A> {
    version: u32,
    /// The question index, or `None` for the review.
    question: Option<usize>,
    answers: Vec<A>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    salt: Option<String>,
}

/// One answer as a draft writes it: `{"t": "choice", "option": "dong_y", "free_text": null}`.
#[derive(Serialize)]
#[serde(tag = "t", rename_all = "snake_case")]
enum AnswerRecord {
    Blank,
    Choice {
        option: String,
        free_text: Option<String>,
    },
    Choices {
        options: Vec<String>,
        free_text: Option<String>,
    },
    Number {
        n: i64,
    },
    Text {
        s: String,
    },
}

impl From<&Answer> for AnswerRecord {
    fn from(a: &Answer) -> AnswerRecord {
        match a.clone() {
            Answer::Blank => AnswerRecord::Blank,
            Answer::Choice { option, free_text } => AnswerRecord::Choice { option, free_text },
            Answer::Choices { options, free_text } => AnswerRecord::Choices { options, free_text },
            Answer::Number(n) => AnswerRecord::Number { n },
            Answer::Text(s) => AnswerRecord::Text { s },
        }
    }
}

/// One answer of a draft read back, field by field. Reading [`AnswerRecord`] itself would take
/// serde's machinery for internally tagged enums, which first reads every answer into a
/// generic value (`Content`): 6 KB gzip on the survey page, for this one type.
#[derive(Deserialize)]
struct AnswerIn {
    t: String,
    #[serde(default)]
    option: Option<String>,
    #[serde(default)]
    options: Option<Vec<String>>,
    #[serde(default)]
    free_text: Option<String>,
    #[serde(default)]
    n: Option<i64>,
    #[serde(default)]
    s: Option<String>,
}

impl AnswerIn {
    /// The answer, or `None` when the record is not one `AnswerRecord` writes.
    fn answer(self) -> Option<Answer> {
        let free_text = self.free_text;
        Some(match self.t.as_str() {
            "blank" => Answer::Blank,
            "choice" => Answer::Choice {
                option: self.option?,
                free_text,
            },
            "choices" => Answer::Choices {
                options: self.options?,
                free_text,
            },
            "number" => Answer::Number(self.n?),
            "text" => Answer::Text(self.s?),
            _ => return None,
        })
    }
}

const DRAFT_VERSION: u32 = 1;

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex16(s: &str) -> Option<[u8; 16]> {
    if s.len() != 32 || !s.is_ascii() {
        return None;
    }
    let mut out = [0u8; 16];
    for (i, byte) in out.iter_mut().enumerate() {
        *byte = u8::from_str_radix(&s[2 * i..2 * i + 2], 16).ok()?;
    }
    Some(out)
}

impl Draft {
    /// What to keep of a respondent's walk: nothing before the first answer (a reload then
    /// simply shows the first question again), nothing while the confirm is being written.
    pub fn of(voting: &Voting) -> Option<Draft> {
        if voting.answers.iter().all(|a| *a == Answer::Blank) {
            return None;
        }
        match voting.step {
            Step::Question(_) | Step::Review => Some(Draft {
                step: voting.step,
                answers: voting.answers.clone(),
                salt: None,
            }),
            Step::Welcome | Step::Saving => None,
        }
    }

    pub fn to_json(&self) -> String {
        let record = DraftRecord {
            version: DRAFT_VERSION,
            question: match self.step {
                Step::Question(i) => Some(i),
                _ => None,
            },
            answers: self.answers.iter().map(AnswerRecord::from).collect(),
            salt: self.salt.map(|s| hex(&s)),
        };
        serde_json::to_string(&record).unwrap_or_default()
    }

    /// Reads a stored draft back for `poll`; `None` when it is damaged or does not fit the poll
    /// (then there is nothing to resume, and the resume screen is not shown).
    pub fn from_json(poll: &Poll, json: &str) -> Option<Draft> {
        let r: DraftRecord<AnswerIn> = serde_json::from_str(json).ok()?;
        let n = poll.items().len();
        if r.version != DRAFT_VERSION || r.answers.len() != n {
            return None;
        }
        let step = match r.question {
            Some(i) if i < n => Step::Question(i),
            Some(_) => return None,
            None => Step::Review,
        };
        let salt = match r.salt {
            Some(s) => Some(unhex16(&s)?),
            None => None,
        };
        Some(Draft {
            step,
            answers: r
                .answers
                .into_iter()
                .map(AnswerIn::answer)
                .collect::<Option<_>>()?,
            salt,
        })
    }

    /// The respondent's walk, back at the step they were on.
    pub fn voting(&self, poll: &Poll) -> Voting {
        let mut v = Voting::new(poll, false);
        v.answers = self.answers.clone();
        v.step = self.step;
        v
    }

    /// The draft of a form just handed to a household, nothing answered yet: kept so that a
    /// reload before the first answer offers the form back (the household is already marked).
    pub fn handed(poll: &Poll) -> Draft {
        let v = respondent(poll);
        Draft {
            step: v.step,
            answers: v.answers,
            salt: None,
        }
    }

    /// How many questions the respondent had answered (for the resume screen).
    pub fn answered(&self) -> usize {
        self.answers.iter().filter(|a| **a != Answer::Blank).count()
    }
}

/// A respondent's walk: straight to the first question (no welcome: the staff member hands
/// over the device already on it).
pub fn respondent(poll: &Poll) -> Voting {
    Voting::new(poll, false).forward(poll)
}

/// A new field session for `poll`: open at once (a survey has no logic-and-accuracy test and
/// no officer's PIN; the device is the staff member's own). The electorate is set when it
/// closes, to the number of respondents; `pin` is a hash nobody is told, never asked for.
pub fn new_session(poll: Rc<Poll>, id: String, pin: PinHash) -> Meeting {
    let place = poll.place();
    let place = [place.village(), place.commune()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(", ");
    Meeting {
        id: format!("{ID_PREFIX}{id}"),
        electorate: Electorate::new(1, None).expect("1 is a valid electorate"),
        ballots: Rc::new(BallotBox::new((*poll).clone())),
        poll,
        place,
        time: String::new(),
        board: Vec::new(),
        witnesses: Vec::new(),
        pin,
        phase: Phase::Open,
        test: None,
        pin_failures: 0,
        pin_locked_until: 0.0,
        pin_lockouts: 0,
        pin_wrong_total: 0,
        issued: None,
        created: None,
        exported: false,
        field: Some(FieldFacts::default()),
        proceedings: Default::default(),
        hands: Vec::new(),
        paper: None,
    }
}

/// Whether `poll` may be collected by forms handed to households: a village's decision or
/// election (`Poll::is_village_meeting`), never a confidence poll or a staff conference.
pub fn by_forms(poll: &Poll) -> bool {
    poll.is_village_meeting()
}

/// A new collection by forms of `poll` over `roll`'s households: open at once, its electorate
/// the total households of the roll, with no one "present" (`Electorate::by_household_forms`).
pub fn new_forms_session(poll: Rc<Poll>, id: String, pin: PinHash, roll: &Roll) -> Meeting {
    let mut m = new_session(poll, id, pin);
    m.electorate = Electorate::by_household_forms(u64::from(roll.total()))
        .expect("a roll has at least one household");
    m
}

/// Whether `meeting` is a collection by forms handed to households.
pub fn is_forms(meeting: &Meeting) -> bool {
    meeting.electorate.method() == Method::HouseholdForms
}

/// Why a survey (or a collection by forms) cannot be closed as asked, or the closed meeting.
/// A survey's electorate becomes its respondents; forms keep the total households.
pub fn closed(
    meeting: &Meeting,
    days: &Days,
    roll: Option<&Roll>,
    place: &str,
    staff: &str,
) -> Result<Meeting, Notice> {
    let count = meeting.ballots.len() as u64;
    let electorate = match roll {
        Some(_) if is_forms(meeting) && count > 0 => Ok(meeting.electorate),
        _ => Electorate::new(count, None),
    };
    let Ok(electorate) = electorate else {
        return Err(Notice::each(|l| says(l).no_responses_yet));
    };
    if place.trim().is_empty() {
        return Err(Notice::each(|l| says(l).place_missing));
    }
    let mut next = meeting.clone();
    next.electorate = electorate;
    next.place = place.trim().to_owned();
    next.time = days.span();
    next.phase = Phase::Closed;
    next.field = Some(FieldFacts {
        staff: staff.trim().to_owned(),
        summary: match roll {
            Some(roll) if is_forms(meeting) => days.forms_summary(staff, roll),
            _ => days.summary(staff),
        },
    });
    Ok(next)
}

/// The screens of a field session besides the respondent's own (which is [`Screen::Voter`]).
#[derive(Clone, Debug, PartialEq)]
pub enum FieldScreen {
    /// A respondent was interrupted: continue at their question, or discard.
    Resume(Draft),
    /// The staff member's screen between respondents; `saved` right after a confirm.
    Between { saved: bool },
    /// "Close the survey with N responses?" with the place and the staff member's name.
    Close,
    /// The survey could not be opened (its file, or the route): why, in both languages.
    Failed(Notice),
    /// A village's decision or election opened for forms, with no collection on this device
    /// yet: the officer enters the total households and may paste their names.
    NewRoll(Rc<Poll>),
}

/// What the field session holds besides its meeting.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Session {
    pub days: Days,
    /// Today's local date, `YYYY-MM-DD`, read when the counts were.
    pub today: String,
    /// The respondent set aside while the staff member looks at the counts.
    pub paused: Option<Voting>,
    /// A collection by forms: the household roll (kept apart from the box).
    pub roll: Option<Roll>,
    /// Stored ballot records found damaged when the session opened (not text, not an opening
    /// of this poll, or a repeat): left out of the count, shown to the staff member and put in
    /// the minutes (issue 19, item 6).
    pub damaged: usize,
}

impl Session {
    /// A respondent set aside has answered something: the staff member's screen offers them
    /// back, and closing now would lose those answers.
    pub fn unfinished(&self) -> bool {
        self.paused.as_ref().is_some_and(|v| Draft::of(v).is_some())
    }
}

/// What happens in a field session.
#[derive(Clone, Debug)]
pub enum FieldAction {
    /// Storage and the poll are ready; `draft` is an unfinished respondent to offer; `roll`
    /// the household roll of a collection by forms.
    Started {
        meeting: Box<Meeting>,
        draft: Option<Draft>,
        days: Days,
        today: String,
        roll: Option<Roll>,
        /// Damaged ballot records left out of the box when it was read back.
        damaged: usize,
    },
    Failed(Notice),
    /// The poll is a village's decision or election with no collection here yet: ask for the
    /// roll.
    NeedsRoll(Rc<Poll>),
    /// Household `n` is marked on the roll (on disk): its form opens on the first question.
    Handed(Roll),
    Resume,
    Discard,
    /// A response is on disk: the box now holds it and the day's count is one more.
    Saved {
        ballots: Rc<BallotBox>,
        days: Days,
        today: String,
    },
    /// The staff member's screen, setting aside the respondent in progress.
    Staff,
    Next,
    AskClose,
    CancelClose,
}

#[cfg(test)]
mod tests;
