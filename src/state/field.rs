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

use super::meeting::{Meeting, Phase, Step, Voting};
use super::{Model, Notice, Screen};
pub use roll::{Household, Roll, RollError};

/// Every field session's meeting id starts with this, so a glance at storage tells them apart.
pub const ID_PREFIX: &str = "field-";

/// What a field session adds to a meeting, stored with it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FieldFacts {
    /// Who collected the responses (asked when closing; may stay empty).
    pub staff: String,
    /// The minutes' line about how the survey was run, written when it closes.
    pub summary: String,
}

impl FieldFacts {
    /// The same facts with the count of damaged ballot records (left out of the count) added
    /// to the minutes' line; unchanged for none.
    pub fn with_damaged(self, damaged: usize) -> FieldFacts {
        if damaged == 0 {
            return self;
        }
        let line = self.minutes_line();
        FieldFacts {
            summary: format!(
                "{line} Có {damaged} bản ghi phiếu trong bộ nhớ bị hỏng, không được tính."
            ),
            ..self
        }
    }

    /// The line the minutes carry in place of the logic-and-accuracy test.
    pub fn minutes_line(&self) -> String {
        if self.summary.is_empty() {
            "Lấy ý kiến tại hộ gia đình (khảo sát thực địa); không chạy thử máy.".to_owned()
        } else {
            self.summary.clone()
        }
    }
}

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
        return Err(Notice::new(
            "Chưa có phiếu nào: chưa thể kết thúc khảo sát.",
            "There are no responses yet: the survey cannot be closed.",
        ));
    };
    if place.trim().is_empty() {
        return Err(Notice::new(
            "Hãy nhập nơi khảo sát.",
            "Enter where the survey was run.",
        ));
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

/// Applies a field action to `next` (the model being built by [`Model::apply`]).
pub fn apply(next: &mut Model, action: FieldAction) {
    match action {
        FieldAction::Started {
            meeting,
            draft,
            days,
            today,
            roll,
            damaged,
        } => {
            next.device = super::Device::Ready;
            // Whatever the roll's setup said (a total refused) is over; a notice of the
            // opening itself (a sealed response not finished) stays.
            if matches!(next.screen, Screen::Field(FieldScreen::NewRoll(_))) {
                next.notice = None;
            }
            next.screen = match (draft, &roll) {
                (Some(d), _) => Screen::Field(FieldScreen::Resume(d)),
                // Forms: a household is chosen on the roll before any form opens.
                (None, Some(_)) => Screen::Field(FieldScreen::Between { saved: false }),
                (None, None) => Screen::Voter(respondent(&meeting.poll)),
            };
            next.meeting = Some(*meeting);
            next.field = Some(Session {
                days,
                today,
                paused: None,
                roll,
                damaged,
            });
        }
        FieldAction::NeedsRoll(poll) => {
            next.device = super::Device::Ready;
            next.screen = Screen::Field(FieldScreen::NewRoll(poll));
        }
        FieldAction::Handed(roll) => {
            // Only from the officer's screen: a second "hand" (a double tap) opens no form
            // over the one already open.
            let between = matches!(next.screen, Screen::Field(FieldScreen::Between { .. }));
            if let (true, Some(m), Some(s)) = (between, &next.meeting, next.field.as_mut()) {
                s.roll = Some(roll);
                s.paused = None;
                next.notice = None;
                next.screen = Screen::Voter(respondent(&m.poll));
            }
        }
        FieldAction::Failed(why) => {
            next.device = super::Device::Ready;
            next.screen = Screen::Field(FieldScreen::Failed(why));
        }
        FieldAction::Resume => {
            if let (Screen::Field(FieldScreen::Resume(d)), Some(m)) = (&next.screen, &next.meeting)
            {
                next.screen = Screen::Voter(d.voting(&m.poll));
            }
        }
        FieldAction::Discard => {
            let forms = next.field.as_ref().is_some_and(|s| s.roll.is_some());
            if forms {
                // The household stays marked: its form was handed over (module `roll`).
                next.screen = Screen::Field(FieldScreen::Between { saved: false });
            } else if let Some(m) = &next.meeting {
                next.screen = Screen::Voter(respondent(&m.poll));
            }
        }
        FieldAction::Saved {
            ballots,
            days,
            today,
        } => {
            // The answers leave memory here, as a voter's do at the receipt.
            if let Some(m) = next.meeting.as_mut() {
                m.ballots = ballots;
            }
            next.notice = None;
            let (roll, damaged) = next.field.take().map_or((None, 0), |s| (s.roll, s.damaged));
            next.field = Some(Session {
                days,
                today,
                paused: None,
                roll,
                damaged,
            });
            next.screen = Screen::Field(FieldScreen::Between { saved: true });
        }
        FieldAction::Staff => {
            if let (Screen::Voter(v), Some(s)) = (&next.screen, next.field.as_mut()) {
                s.paused = Some(v.clone());
                next.screen = Screen::Field(FieldScreen::Between { saved: false });
            }
        }
        FieldAction::Next => {
            let forms = next.field.as_ref().is_some_and(|s| s.roll.is_some());
            let paused = next.field.as_mut().and_then(|s| s.paused.take());
            match (&next.meeting, paused) {
                (Some(_), Some(v)) => next.screen = Screen::Voter(v),
                // Forms: the next form opens only for a household marked on the roll.
                (Some(_), None) if forms => {}
                (Some(m), None) => next.screen = Screen::Voter(respondent(&m.poll)),
                (None, _) => {}
            }
        }
        FieldAction::AskClose => {
            next.notice = None;
            next.screen = Screen::Field(FieldScreen::Close);
        }
        FieldAction::CancelClose => {
            next.notice = None;
            next.screen = Screen::Field(FieldScreen::Between { saved: false });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::{Action, Doc, Lang, Page, VoterAction};

    const SURVEY20: &str = include_str!("../../assets/polls/survey20.json");
    const MTTQ: &str = include_str!("../../assets/templates/khao-sat-mttq.json");

    fn poll(json: &str) -> Rc<Poll> {
        Rc::new(Poll::from_json(json).unwrap())
    }

    fn pin() -> PinHash {
        PinHash::new("13572468", "13572468", [3; 16]).unwrap()
    }

    fn started(json: &str, draft: Option<Draft>, days: Days) -> Model {
        let meeting = new_session(poll(json), "abc".into(), pin());
        Model::new(Lang::Vi, Page::Survey).apply(Action::Field(FieldAction::Started {
            meeting: Box::new(meeting),
            draft,
            days,
            today: "2026-11-25".into(),
            roll: None,
            damaged: 0,
        }))
    }

    fn voting(m: &Model) -> &Voting {
        match &m.screen {
            Screen::Voter(v) => v,
            other => panic!("not on a respondent's screen: {other:?}"),
        }
    }

    #[test]
    fn a_fresh_session_opens_on_the_first_question_and_stays_on_the_survey_page() {
        for json in [SURVEY20, MTTQ] {
            let m = started(json, None, Days::default());
            assert_eq!(voting(&m).step, Step::Question(0));
            assert_eq!(m.elsewhere(Doc::Survey), None);
            let meeting = m.meeting.as_ref().unwrap();
            assert!(meeting.id.starts_with(ID_PREFIX));
            assert_eq!(meeting.phase, Phase::Open);
            assert!(meeting.minutes().is_ok(), "no board, no witnesses: valid");
        }
    }

    /// A field session in progress runs on the survey page only: the tablet page, the office
    /// page and the old address `index.html#/survey?src=…` all move there; once closed, its
    /// results are the office page's.
    #[test]
    fn a_session_in_progress_is_the_survey_pages_and_a_closed_one_the_offices() {
        let to = |doc, page| {
            Some(crate::state::Go {
                doc,
                page,
                hand_over: None,
            })
        };
        let survey = to(Doc::Survey, Page::Survey);
        // The old address, before anything is read: the tablet page moves at once.
        let old = Model::new(Lang::Vi, Page::Survey);
        assert_eq!(old.elsewhere(Doc::Tablet), survey);
        assert_eq!(old.elsewhere(Doc::Survey), None);
        // The plain tablet or office address, with a session in storage.
        let meeting = new_session(poll(SURVEY20), "abc".into(), pin());
        let found = |page| Model::new(Lang::Vi, page).apply(Action::Started(Some(meeting.clone())));
        assert_eq!(found(Page::Home).elsewhere(Doc::Tablet), survey);
        for page in [Page::Home, Page::Setup] {
            assert_eq!(found(page).elsewhere(Doc::Office), survey, "{page:?}");
        }
        // The survey page saying why its poll could not be opened stays.
        let failed = Model::new(Lang::Vi, Page::Home).apply(Action::Field(FieldAction::Failed(
            crate::state::Notice::new("x", "x"),
        )));
        assert_eq!(failed.elsewhere(Doc::Survey), None);
        // Closed: the survey page moves to the office page's results, which stay there.
        let mut done = meeting;
        done.phase = Phase::Closed;
        let closed =
            started(SURVEY20, None, Days::default()).apply(Action::MeetingStored(done.clone()));
        assert_eq!(closed.elsewhere(Doc::Survey), to(Doc::Office, Page::Home));
        let results = Model::new(Lang::Vi, Page::Home).apply(Action::Started(Some(done)));
        assert_eq!(results.elsewhere(Doc::Office), None);
    }

    #[test]
    fn a_draft_is_kept_only_once_something_is_answered_and_round_trips() {
        let p = poll(SURVEY20);
        let v = respondent(&p);
        assert_eq!(Draft::of(&v), None, "nothing answered, nothing to keep");
        let v = v
            .answer(&p, 0, Answer::choice("khong_hai_long"))
            .forward(&p);
        let v = v.answer(
            &p,
            1,
            Answer::Choices {
                options: vec!["giao_thong".into()],
                free_text: None,
            },
        );
        let d = Draft::of(&v).expect("answered");
        assert_eq!(d.step, v.step);
        let back = Draft::from_json(&p, &d.to_json()).unwrap();
        assert_eq!(back, d);
        assert_eq!(back.voting(&p).answers, v.answers);
        assert_eq!(back.answered(), 2);
        let sealed = Draft {
            salt: Some([9; 16]),
            ..d.clone()
        };
        assert_eq!(Draft::from_json(&p, &sealed.to_json()), Some(sealed));
        let mut saving = v.clone();
        saving.step = Step::Saving;
        assert_eq!(Draft::of(&saving), None);
        // Every kind of answer is read back as it was written.
        let mut answers = vec![Answer::Blank; p.items().len()];
        answers[0] = Answer::Choice {
            option: "khac".into(),
            free_text: Some("Ý kiến \"riêng\"".into()),
        };
        answers[1] = Answer::Choices {
            options: vec!["a".into(), "b".into()],
            free_text: None,
        };
        answers[2] = Answer::Number(-7);
        answers[3] = Answer::Text("Đường làng".into());
        answers[4] = Answer::choice("tot");
        let every = Draft {
            step: Step::Review,
            answers,
            salt: None,
        };
        assert_eq!(Draft::from_json(&p, &every.to_json()), Some(every));
    }

    #[test]
    fn damaged_records_go_into_the_minutes_line() {
        let facts = FieldFacts {
            staff: "Lê Thị Hoa".into(),
            summary: String::new(),
        };
        assert_eq!(facts.clone().with_damaged(0), facts);
        let line = facts.with_damaged(2).minutes_line();
        assert!(line.starts_with("Lấy ý kiến tại hộ gia đình"), "{line}");
        assert!(
            line.ends_with(" Có 2 bản ghi phiếu trong bộ nhớ bị hỏng, không được tính."),
            "{line}"
        );
    }

    #[test]
    fn a_damaged_or_foreign_draft_is_not_offered() {
        let p = poll(SURVEY20);
        let other = poll(MTTQ);
        let v = respondent(&other).answer(&other, 0, Answer::choice("thuong_xuyen"));
        let foreign = Draft {
            step: Step::Question(0),
            answers: v.answers,
            salt: None,
        };
        assert_eq!(Draft::from_json(&p, &foreign.to_json()), None);
        assert_eq!(Draft::from_json(&p, "{\"version\":1"), None);
        let bad_salt = Draft::of(&respondent(&p).answer(&p, 0, Answer::choice("hai_long")))
            .unwrap()
            .to_json()
            .replace("\"version\"", "\"salt\":\"zz\",\"version\"");
        assert_eq!(Draft::from_json(&p, &bad_salt), None);
        // An answer of no known kind, or missing what its kind needs, spoils the draft.
        let good = Draft::of(&respondent(&p).answer(&p, 0, Answer::choice("hai_long")))
            .unwrap()
            .to_json();
        assert!(
            good.contains("\"t\":\"choice\",\"option\":\"hai_long\""),
            "{good}"
        );
        for spoilt in [
            good.replace("\"t\":\"choice\"", "\"t\":\"ranking\""),
            good.replace("\"option\":\"hai_long\"", "\"choice\":\"hai_long\""),
            good.replace("{\"t\":\"blank\"}", "{\"t\":\"number\"}"),
        ] {
            assert_ne!(spoilt, good);
            assert_eq!(Draft::from_json(&p, &spoilt), None, "{spoilt}");
        }
    }

    #[test]
    fn an_interrupted_respondent_resumes_at_their_question_or_is_discarded() {
        let p = poll(SURVEY20);
        let v = respondent(&p)
            .answer(&p, 0, Answer::choice("hai_long"))
            .forward(&p);
        let at = v.step;
        assert_ne!(at, Step::Question(0));
        let draft = Draft::of(&v).unwrap();
        let m = started(SURVEY20, Some(draft.clone()), Days::default());
        assert_eq!(m.screen, Screen::Field(FieldScreen::Resume(draft)));
        assert_eq!(m.elsewhere(Doc::Survey), None);
        let resumed = m.apply(Action::Field(FieldAction::Resume));
        assert_eq!(voting(&resumed).step, at);
        assert_eq!(voting(&resumed).answers[0], Answer::choice("hai_long"));
        let discarded = m.apply(Action::Field(FieldAction::Discard));
        assert_eq!(voting(&discarded).step, Step::Question(0));
        assert!(voting(&discarded)
            .answers
            .iter()
            .all(|a| *a == Answer::Blank));
    }

    #[test]
    fn a_saved_response_leaves_memory_and_the_counts_go_up() {
        let p = poll(SURVEY20);
        let m = started(SURVEY20, None, Days::default()).apply(Action::Vote(VoterAction::Answer(
            0,
            Answer::choice("hai_long"),
        )));
        let days = Days::default().plus_one("2026-11-25");
        let saved = m.apply(Action::Field(FieldAction::Saved {
            ballots: Rc::new(BallotBox::new((*p).clone())),
            days: days.clone(),
            today: "2026-11-25".into(),
        }));
        assert_eq!(
            saved.screen,
            Screen::Field(FieldScreen::Between { saved: true })
        );
        let s = saved.field.as_ref().unwrap();
        assert_eq!((s.days.on(&s.today), s.days.total()), (1, 1));
        let next = saved.apply(Action::Field(FieldAction::Next));
        assert!(voting(&next).answers.iter().all(|a| *a == Answer::Blank));
        assert_eq!(voting(&next).step, Step::Question(0));
    }

    #[test]
    fn the_staff_screen_sets_the_respondent_aside_and_gives_them_back() {
        let m = started(SURVEY20, None, Days::default()).apply(Action::Vote(VoterAction::Answer(
            0,
            Answer::choice("hai_long"),
        )));
        let staff = m.apply(Action::Field(FieldAction::Staff));
        assert_eq!(
            staff.screen,
            Screen::Field(FieldScreen::Between { saved: false })
        );
        let back = staff.apply(Action::Field(FieldAction::Next));
        assert_eq!(voting(&back).answers[0], Answer::choice("hai_long"));
        let closing = staff.apply(Action::Field(FieldAction::AskClose));
        assert_eq!(closing.screen, Screen::Field(FieldScreen::Close));
        let cancelled = closing.apply(Action::Field(FieldAction::CancelClose));
        assert_eq!(
            cancelled.screen,
            Screen::Field(FieldScreen::Between { saved: false })
        );
    }

    #[test]
    fn days_count_apart_from_the_responses_and_write_the_minutes_line() {
        let days = Days::default()
            .plus_one("2026-11-24")
            .plus_one("2026-11-25")
            .plus_one("2026-11-25");
        assert_eq!(days.on("2026-11-25"), 2);
        assert_eq!(days.on("2026-11-26"), 0);
        assert_eq!(days.total(), 3);
        assert_eq!(days.span(), "24/11/2026 – 25/11/2026");
        assert_eq!(Days::default().plus_one("2026-11-25").span(), "25/11/2026");
        assert_eq!(
            days.summary("Lê Thị Hoa"),
            "Lấy ý kiến tại hộ gia đình (khảo sát thực địa) do Lê Thị Hoa thực hiện; số phiếu theo ngày: 24/11/2026: 1; 25/11/2026: 2. Không chạy thử máy."
        );
    }

    #[test]
    fn closing_counts_the_respondents_as_the_electorate_and_refuses_an_empty_survey() {
        let p = poll(SURVEY20);
        let meeting = new_session(p.clone(), "x".into(), pin());
        let days = Days::default().plus_one("2026-11-25");
        assert!(closed(&meeting, &days, None, "Thôn Bình An", "").is_err());
        let mut with_one = meeting.clone();
        let mut b = BallotBox::new((*p).clone());
        let mut v = respondent(&p);
        for _ in 0..40 {
            if v.step == Step::Review {
                break;
            }
            let Step::Question(i) = v.step else { break };
            let a = match p.items()[i].kind() {
                phieu_core::ItemKind::Single { options }
                | phieu_core::ItemKind::Scale { options } => Answer::choice(options[0].id()),
                phieu_core::ItemKind::Multiple { options, .. } => Answer::Choices {
                    options: vec![options[0].id().to_owned()],
                    free_text: None,
                },
                phieu_core::ItemKind::Number { min, .. } => Answer::Number(*min),
                phieu_core::ItemKind::Text { .. } => Answer::Text("Ý kiến".into()),
            };
            v = v.answer(&p, i, a).forward(&p);
        }
        assert_eq!(v.step, Step::Review);
        let ballot =
            phieu_core::Ballot::new(&p, v.answers.clone(), phieu_core::Salt::from_bytes([5; 16]))
                .unwrap();
        b.cast(ballot).unwrap();
        with_one.ballots = Rc::new(b);
        assert!(
            closed(&with_one, &days, None, "  ", "").is_err(),
            "a place is needed"
        );
        let c = closed(
            &with_one,
            &days,
            None,
            " Thôn Bình An, Xã Tân Hòa ",
            " Lê Thị Hoa ",
        )
        .unwrap();
        assert_eq!(c.phase, Phase::Closed);
        assert_eq!(c.electorate.total(), 1);
        assert_eq!(c.place, "Thôn Bình An, Xã Tân Hòa");
        assert_eq!(c.time, "25/11/2026");
        let minutes = c.minutes().unwrap();
        assert!(minutes.logic_and_accuracy_test().contains("Lê Thị Hoa"));
        let bundle =
            phieu_core::AuditBundle::new((*c.ballots).clone(), c.electorate, minutes).unwrap();
        assert_eq!(bundle.ballot_box().len(), 1);
    }

    const DEMO: &str = include_str!("../../assets/polls/demo.json");

    /// A ballot of the demo decision with `option`, its salt `n`.
    fn demo_ballot(p: &Poll, option: &str, n: u8) -> phieu_core::Ballot {
        phieu_core::Ballot::new(
            p,
            vec![Answer::choice(option)],
            phieu_core::Salt::from_bytes([n; 16]),
        )
        .unwrap()
    }

    fn forms_started(roll: Roll) -> Model {
        let meeting = new_forms_session(poll(DEMO), "forms".into(), pin(), &roll);
        Model::new(Lang::Vi, Page::Survey).apply(Action::Field(FieldAction::Started {
            meeting: Box::new(meeting),
            draft: None,
            days: Days::default(),
            today: "2026-11-24".into(),
            roll: Some(roll),
            damaged: 0,
        }))
    }

    /// Issue 16, item 2: a village's decision opens as a collection by forms: the roll first,
    /// then the officer's screen; a household's form opens only once it is marked; a household
    /// already marked is refused (the roll unchanged, the box untouched), and the next form
    /// waits for a household.
    #[test]
    fn forms_open_on_the_roll_and_a_household_cannot_answer_twice() {
        let p = poll(DEMO);
        assert!(by_forms(&p));
        assert!(!by_forms(&poll(SURVEY20)));
        assert!(!by_forms(&poll(include_str!(
            "../../assets/templates/lay-phieu-tin-nhiem.json"
        ))));
        assert!(!by_forms(&poll(include_str!(
            "../../assets/templates/hoi-nghi-can-bo.json"
        ))));
        let asked = Model::new(Lang::Vi, Page::Survey)
            .apply(Action::Field(FieldAction::NeedsRoll(p.clone())));
        assert_eq!(asked.screen, Screen::Field(FieldScreen::NewRoll(p.clone())));
        assert_eq!(asked.elsewhere(Doc::Survey), None);

        let m = forms_started(Roll::new("5", "").unwrap());
        assert_eq!(
            m.screen,
            Screen::Field(FieldScreen::Between { saved: false })
        );
        assert_eq!(m.elsewhere(Doc::Survey), None);
        assert!(is_forms(m.meeting.as_ref().unwrap()));
        // No household chosen: "next" opens no form.
        let still = m.apply(Action::Field(FieldAction::Next));
        assert_eq!(still.screen, m.screen);

        let roll = m.field.as_ref().unwrap().roll.clone().unwrap();
        let marked = roll.mark(3).unwrap();
        let answering = m.apply(Action::Field(FieldAction::Handed(marked.clone())));
        assert_eq!(voting(&answering).step, Step::Question(0));
        let saved = answering.apply(Action::Field(FieldAction::Saved {
            ballots: Rc::new(BallotBox::new((*p).clone())),
            days: Days::default().plus_one("2026-11-24"),
            today: "2026-11-24".into(),
        }));
        let kept = saved.field.as_ref().unwrap().roll.as_ref().unwrap();
        assert_eq!(kept, &marked, "saving a form keeps the roll");
        assert_eq!(kept.mark(3), Err(RollError::AlreadyAnswered(3)));
        assert!(kept.mark(3).unwrap_err().notice().vi.contains("Hộ số 3"));
        // The form just handed is kept, unanswered, so a reload offers it back.
        let handed = Draft::handed(&p);
        assert_eq!(handed.step, Step::Question(0));
        assert_eq!(
            Draft::from_json(&p, &handed.to_json()),
            Some(handed.clone())
        );
        assert!(
            !handed.to_json().contains('3'),
            "the draft names no household"
        );
        // An interrupted form discarded after a reload goes back to the roll, not to a form.
        let draft = Draft::of(&voting(&answering).answer(&p, 0, Answer::choice("dong_y"))).unwrap();
        let mut resumed = forms_started(marked.clone());
        resumed = resumed.apply(Action::Field(FieldAction::Started {
            meeting: Box::new(resumed.meeting.clone().unwrap()),
            draft: Some(draft.clone()),
            days: Days::default(),
            today: "2026-11-24".into(),
            roll: Some(marked),
            damaged: 0,
        }));
        assert_eq!(resumed.screen, Screen::Field(FieldScreen::Resume(draft)));
        let discarded = resumed.apply(Action::Field(FieldAction::Discard));
        assert_eq!(
            discarded.screen,
            Screen::Field(FieldScreen::Between { saved: false })
        );
    }

    /// Issue 16, item 2: the roll and the box are kept apart. The roll's record names no
    /// ballot and no order; the meeting's record and a form's draft name no household.
    #[test]
    fn the_roll_and_the_box_are_kept_apart() {
        let p = poll(DEMO);
        let roll = Roll::new("4", "Nguyễn Văn An\nTrần Thị Bình").unwrap();
        let mut meeting = new_forms_session(p.clone(), "apart".into(), pin(), &roll);
        let mut b = BallotBox::new((*p).clone());
        let (one, two) = (
            demo_ballot(&p, "dong_y", 1),
            demo_ballot(&p, "khong_dong_y", 2),
        );
        let commitments = [one.commitment().to_hex(), two.commitment().to_hex()];
        b.cast(one).unwrap();
        b.cast(two).unwrap();
        meeting.ballots = Rc::new(b);
        // Households 2 then 1 answered; the roll stored is the one of 1 then 2.
        let roll = roll.mark(2).unwrap().mark(1).unwrap();
        let stored = roll.to_json();
        assert_eq!(
            stored,
            Roll::new("4", "Nguyễn Văn An\nTrần Thị Bình")
                .unwrap()
                .mark(1)
                .unwrap()
                .mark(2)
                .unwrap()
                .to_json()
        );
        for c in &commitments {
            assert!(!stored.contains(&c[..16]), "the roll names no ballot");
        }
        assert!(!stored.contains("2026") && !stored.contains("dong_y"));
        let record = crate::edge::meeting_record::to_json(&meeting);
        assert!(
            !record.contains("Nguyễn Văn An") && !record.contains("answered"),
            "{record}"
        );
        let draft = Draft::of(&respondent(&p).answer(&p, 0, Answer::choice("dong_y"))).unwrap();
        assert!(
            !draft.to_json().contains("household"),
            "{}",
            draft.to_json()
        );
    }

    /// Issue 16, item 2: a collection by forms survives a reload through its storage records:
    /// the meeting record keeps the method and the total households, the roll its households.
    #[test]
    fn a_forms_session_round_trips_through_its_storage_records() {
        let p = poll(DEMO);
        let roll = Roll::new("120", "Nguyễn Văn An").unwrap().mark(7).unwrap();
        let meeting = new_forms_session(p, "trip".into(), pin(), &roll);
        let json = crate::edge::meeting_record::to_json(&meeting);
        assert!(json.contains("\"method\":\"household_forms\""), "{json}");
        let back = crate::edge::meeting_record::from_json(&json, Poll::from_json_plain).unwrap();
        assert_eq!(
            back.electorate,
            Electorate::by_household_forms(120).unwrap()
        );
        assert_eq!(back.electorate.present(), None);
        assert_eq!(back, meeting);
        assert_eq!(Roll::from_json(&roll.to_json()), Some(roll));
        // A meeting's record is as before: no method.
        let survey = new_session(poll(SURVEY20), "s".into(), pin());
        assert!(!crate::edge::meeting_record::to_json(&survey).contains("method"));
        let spoilt = json.replace("\"household_forms\"", "\"telepathy\"");
        assert!(crate::edge::meeting_record::from_json(&spoilt, Poll::from_json_plain).is_err());
    }

    /// Issue 16, item 2: closing counts on the total households, as a meeting does, with no
    /// quorum; the bundle says household_forms.
    #[test]
    fn closing_forms_counts_on_every_household() {
        let p = poll(DEMO);
        let roll = Roll::new("5", "").unwrap();
        let mut meeting = new_forms_session(p.clone(), "close".into(), pin(), &roll);
        let days = Days::default()
            .plus_one("2026-11-24")
            .plus_one("2026-11-25");
        assert!(
            closed(&meeting, &days, Some(&roll), "Thôn Đồng Tâm", "").is_err(),
            "no form yet"
        );
        let mut b = BallotBox::new((*p).clone());
        for (i, o) in ["dong_y", "dong_y", "dong_y", "khong_dong_y"]
            .iter()
            .enumerate()
        {
            b.cast(demo_ballot(&p, o, i as u8)).unwrap();
        }
        meeting.ballots = Rc::new(b);
        let roll = (1..=4).fold(roll, |r, n| r.mark(n).unwrap());
        let c = closed(
            &meeting,
            &days,
            Some(&roll),
            " Thôn Đồng Tâm ",
            "Lê Thị Hoa",
        )
        .unwrap();
        assert_eq!(c.electorate, Electorate::by_household_forms(5).unwrap());
        assert_eq!(c.time, "24/11/2026 – 25/11/2026");
        let minutes = c.minutes().unwrap();
        assert!(
            minutes.logic_and_accuracy_test().contains("Phát phiếu lấy ý kiến tới từng hộ gia đình do Lê Thị Hoa thực hiện; số hộ đã trả lời theo danh sách: 4/5"),
            "{}",
            minutes.logic_and_accuracy_test()
        );
        let bundle =
            phieu_core::AuditBundle::new((*c.ballots).clone(), c.electorate, minutes).unwrap();
        // 3 agree of 5 households: 9 < 10, not two-thirds. Not "not validly held".
        assert!(matches!(
            bundle.outcomes()[0].decision(),
            phieu_core::Decision::Threshold {
                agree: 3,
                of: 5,
                passed: false,
                ..
            }
        ));
        assert!(bundle.to_json().contains("\"method\": \"household_forms\""));
    }
}
