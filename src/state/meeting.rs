//! A meeting on this tablet: the poll, the electorate, the minutes' names, the officer's PIN,
//! the phase of voting, and the ballot box; and the voter's walk through one ballot.
//!
//! Plain Rust: no Yew, no browser. The effects (storage, random salts, the clock) happen at the
//! edge and come back here as plain values, so every rule of the flow is a native unit test.

use std::rc::Rc;

use phieu_core::{
    check_answer, is_shown, Answer, AuditBundle, BallotBox, BallotError, Electorate, ItemKind,
    Lang, Minutes, PinHash, Poll,
};

use super::notice::Notice;
use super::paper::PaperCount;
use crate::state::words::meeting_says as says;

/// How many wrong PINs in a row lock the officer's screens.
pub const PIN_TRIES: u32 = 5;
/// How long the first lock lasts (ms); each further lock of the same meeting lasts twice as long
/// as the one before (60 s, 120 s, 240 s …), up to [`PIN_MAX_DOUBLINGS`] doublings.
pub const PIN_LOCK_MS: f64 = 60_000.0;
/// The longest lock is 60 s × 2¹⁰ (about 17 hours): past that a meeting is over anyway, and a
/// cap keeps the arithmetic finite.
pub const PIN_MAX_DOUBLINGS: u32 = 10;
/// The fewest digits of a new PIN (setup). The core reads PINs of 4 to 8 digits, so a meeting
/// stored with a 4-digit PIN before this rule keeps working; only new ones need 6: 10⁶ PINs
/// against 5 tries per doubling lock.
pub const NEW_PIN_MIN: usize = 6;

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

/// Where voting stands. Stored with the meeting, so a reload comes back to the same phase.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    /// Set up; the logic-and-accuracy test runs now. No real ballot can be cast.
    Testing,
    /// Voters may vote.
    Open,
    /// Voting is paused (a break in the meeting); no voter can be unlocked.
    Paused,
    /// Voting is over: the box is final and the results may be shown.
    Closed,
}

impl Phase {
    pub fn name(self) -> &'static str {
        match self {
            Phase::Testing => "testing",
            Phase::Open => "open",
            Phase::Paused => "paused",
            Phase::Closed => "closed",
        }
    }

    pub fn from_name(name: &str) -> Option<Phase> {
        [Phase::Testing, Phase::Open, Phase::Paused, Phase::Closed]
            .into_iter()
            .find(|p| p.name() == name)
    }
}

/// The result of the logic-and-accuracy test, as the minutes record it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TestResult {
    pub ballots: u64,
    pub fingerprint: String,
    pub passed: bool,
}

impl TestResult {
    /// The line for the minutes, in Vietnamese (the minutes' language).
    pub fn minutes_line(&self) -> String {
        format!(
            "Đã chạy thử máy trước khi bỏ phiếu: {} phiếu thử, kết quả {}; mã kiểm tra hòm phiếu thử {}; hòm phiếu thử đã được xóa trước khi mở bỏ phiếu.",
            self.ballots,
            if self.passed { "khớp" } else { "KHÔNG khớp" },
            self.fingerprint
        )
    }
}

/// A meeting as the app holds it.
#[derive(Clone, Debug, PartialEq)]
pub struct Meeting {
    pub id: String,
    pub poll: Rc<Poll>,
    pub electorate: Electorate,
    pub place: String,
    pub time: String,
    pub board: Vec<String>,
    pub witnesses: Vec<String>,
    pub pin: PinHash,
    pub phase: Phase,
    pub test: Option<TestResult>,
    /// Wrong PINs in a row since the last lock or right PIN, and until when (ms since the
    /// epoch) the PIN is locked.
    pub pin_failures: u32,
    pub pin_locked_until: f64,
    /// How many times the PIN has locked in this meeting: the next lock lasts
    /// [`lock_ms`]`(pin_lockouts + 1)`. A right PIN never lowers it.
    pub pin_lockouts: u32,
    /// Every wrong PIN typed in this meeting, for the console and the minutes ("N wrong PIN
    /// attempts"). Never reset.
    pub pin_wrong_total: u32,
    /// The real box. Its ballots are never shown before `Phase::Closed`.
    pub ballots: Rc<BallotBox>,
    /// A field survey's own facts (`state::field`); `None` for a meeting.
    pub field: Option<FieldFacts>,
    /// What the officer typed at closing for the minutes: the chair, the secretary, when the
    /// count ended and the complaints raised (all may be empty; the minutes then print lines
    /// to fill in by hand).
    pub proceedings: Proceedings,
    /// Ballots issued: each time the tablet was unlocked for a voter, stored before the voter's
    /// first screen shows (issue 19, item 3). `None` for a field survey, and for a meeting
    /// stored before the count existed.
    pub issued: Option<u64>,
    /// When the meeting was set up on this device (ms since the epoch), for the list of past
    /// meetings; a date about the meeting, never about a ballot. `None` in older records.
    pub created: Option<f64>,
    /// The officer saved the closed meeting's audit bundle to a file: it may then be deleted
    /// from the device (`state::past`).
    pub exported: bool,
    /// The items this meeting votes by a show of hands, chosen at setup, in poll order, with
    /// the counts the officer entered (issue 19, item 4). The tablet does not ask them
    /// (`Poll::voted_elsewhere`); empty when every item is voted on the tablet.
    pub hands: Vec<Hands>,
    /// A meeting that votes on paper ballots and counts them with the tablet as the tally sheet
    /// (issue 19, item 5): every item, counted twice (`state::paper`). `None` otherwise.
    pub paper: Option<PaperCount>,
}

/// An item voted by a show of hands and, once entered, the hands raised for each option.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hands {
    pub item: String,
    pub counts: Option<Vec<u64>>,
}

/// The meeting's proceedings as the officer types them when closing the vote (issue 16, item
/// 8): each is free text, at most [`Proceedings::MAX_LEN`] characters, and may be empty.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Proceedings {
    pub chair: String,
    pub secretary: String,
    pub closed_at: String,
    pub complaints: String,
}

impl Proceedings {
    /// The longest text the minutes keep in one field (`phieu_core::Minutes`).
    pub const MAX_LEN: usize = 2_000;

    /// The same proceedings with each field trimmed and cut to [`Proceedings::MAX_LEN`]
    /// characters, so that the minutes always accept them.
    pub fn tidied(self) -> Proceedings {
        let tidy = |s: String| s.trim().chars().take(Proceedings::MAX_LEN).collect();
        Proceedings {
            chair: tidy(self.chair),
            secretary: tidy(self.secretary),
            closed_at: tidy(self.closed_at),
            complaints: tidy(self.complaints),
        }
    }
}

impl Meeting {
    /// The audit bundle of this meeting's box, or why it cannot be built, in sentences for the
    /// officer, without field paths or rule names (issue 22). The office page builds it once
    /// for each meeting and language (`app::office`), not on every render.
    pub fn audit_bundle(&self, lang: Lang) -> Result<AuditBundle, String> {
        self.minutes()
            .map_err(|e| phieu_core::without_path(&e.message(lang)))
            .and_then(|minutes| {
                if self.hands.is_empty() && self.paper.is_none() {
                    return Ok(minutes);
                }
                minutes
                    .with_counted(self.counted()?, &self.poll, &self.electorate)
                    .map_err(|e| phieu_core::without_path(&e.message(lang)))
            })
            .and_then(|minutes| {
                AuditBundle::new((*self.ballots).clone(), self.electorate, minutes)
                    .map_err(|e| e.plain_message(lang))
            })
    }

    /// The minutes' metadata, with the test line once the test has run.
    pub fn minutes(&self) -> Result<Minutes, phieu_core::MinutesError> {
        Minutes::new(
            self.place.clone(),
            self.time.clone(),
            self.board.clone(),
            self.witnesses.clone(),
            match (&self.field, &self.test) {
                (Some(field), _) => field.minutes_line(),
                (None, Some(test)) => test.minutes_line(),
                (None, None) if self.paper.is_some() => {
                    "Bỏ phiếu bằng phiếu giấy; máy tính bảng chỉ dùng làm bảng kiểm phiếu: không có phiếu điện tử để chạy thử.".to_owned()
                }
                (None, None) if self.all_by_hands() => {
                    "Biểu quyết giơ tay, không bỏ phiếu trên máy tính bảng: không có máy để chạy thử.".to_owned()
                }
                (None, None) => "Chưa chạy thử máy trước khi bỏ phiếu.".to_owned(),
            },
        )
        // A survey's minutes are signed by whoever collected the responses ("Người lập biên
        // bản"), kept as the one who took the minutes.
        .and_then(|m| match &self.field {
            Some(field) if !field.staff.trim().is_empty() => m.with_proceedings(
                String::new(),
                field.staff.trim().to_owned(),
                String::new(),
                String::new(),
            ),
            Some(_) => Ok(m),
            None => {
                let p = self.proceedings.clone();
                m.with_proceedings(p.chair, p.secretary, p.closed_at, p.complaints)
            }
        })
        .map(|m| m.with_wrong_pins(u64::from(self.pin_wrong_total)))
        .map(|m| match self.issued {
            Some(n) => m.with_issued(n),
            None => m,
        })
    }

    /// Ballots issued and not returned: voters let in who did not confirm (the tablet was
    /// reloaded, or the officer cancelled their turn). `None` when issues are not counted.
    pub fn not_returned(&self) -> Option<u64> {
        self.issued
            .map(|n| n.saturating_sub(self.ballots.len() as u64))
    }

    /// The same meeting with one more ballot issued (when issues are counted).
    pub fn issuing(&self) -> Meeting {
        Meeting {
            issued: self.issued.map(|n| n.saturating_add(1)),
            ..self.clone()
        }
    }

    /// Whether the PIN may be tried at `now` (ms), or how many seconds are left of the lock.
    pub fn pin_wait(&self, now: f64) -> Option<u32> {
        (now < self.pin_locked_until)
            .then(|| ((self.pin_locked_until - now) / 1000.0).ceil() as u32)
    }

    /// One PIN attempt at `now` (ms): the meeting after it (to be stored before anything is
    /// shown, so a reload neither forgets a failure nor lifts a lock) and what to say. While
    /// locked the PIN is not even compared, and the attempt is not counted.
    pub fn attempt_pin(&self, pin: &str, now: f64) -> (Meeting, PinVerdict) {
        if let Some(seconds) = self.pin_wait(now) {
            return (self.clone(), PinVerdict::Locked { seconds });
        }
        let mut next = self.clone();
        if self.pin.matches(pin) {
            // The officer is back: a new run of tries, but the locks so far still count, so
            // the next lock is longer than the last.
            next.pin_failures = 0;
            return (next, PinVerdict::Right);
        }
        next.pin_wrong_total = next.pin_wrong_total.saturating_add(1);
        next.pin_failures += 1;
        if next.pin_failures < PIN_TRIES {
            let left = PIN_TRIES - next.pin_failures;
            return (next, PinVerdict::Wrong { left });
        }
        next.pin_failures = 0;
        next.pin_lockouts = next.pin_lockouts.saturating_add(1);
        next.pin_locked_until = now + lock_ms(next.pin_lockouts);
        let seconds = (lock_ms(next.pin_lockouts) / 1000.0) as u32;
        (next, PinVerdict::NowLocked { seconds })
    }

    /// A PIN typed for a step of the meeting at `now` (ms): the verdict, and the meeting to
    /// store before anything is shown, or `None` while the PIN is locked (nothing is counted,
    /// so nothing is stored). A right PIN typed to close voting (`closing`) closes it.
    pub fn pin_step(&self, pin: &str, now: f64, closing: bool) -> (Option<Meeting>, PinVerdict) {
        let (mut next, verdict) = self.attempt_pin(pin, now);
        if let PinVerdict::Locked { .. } = verdict {
            return (None, verdict);
        }
        if closing && verdict == PinVerdict::Right {
            next.phase = Phase::Closed;
        }
        (Some(next), verdict)
    }
}

/// How long the `n`-th lock of a meeting lasts (ms): 60 s, then twice the one before, capped.
pub fn lock_ms(n: u32) -> f64 {
    PIN_LOCK_MS * f64::from(1u32 << n.saturating_sub(1).min(PIN_MAX_DOUBLINGS))
}

/// What one PIN attempt came to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PinVerdict {
    Right,
    /// Wrong, with `left` tries before the PIN locks.
    Wrong {
        left: u32,
    },
    /// Wrong, and the PIN is now locked for `seconds`.
    NowLocked {
        seconds: u32,
    },
    /// Not tried: the PIN is locked for `seconds` more.
    Locked {
        seconds: u32,
    },
}

impl PinVerdict {
    /// What the officer is told, in both languages (`None` for a right PIN).
    pub fn notice(self) -> Option<Notice> {
        match self {
            PinVerdict::Right => None,
            PinVerdict::Wrong { left } => Some(Notice::each(|l| says(l).wrong_pin(left))),
            PinVerdict::NowLocked { seconds } => {
                Some(Notice::each(|l| says(l).now_locked(PIN_TRIES, seconds)))
            }
            PinVerdict::Locked { seconds } => {
                Some(Notice::each(|l| says(l).locked(PIN_TRIES, seconds)))
            }
        }
    }
}

/// How many digits the voter-admission code has (docs/security.md §Letting each voter in).
pub const ADMIT_DIGITS: usize = 3;
/// How many wrong admission codes in a row void the code: then only the officer's full PIN
/// opens the console, which draws a new one. A guess then succeeds with odds of at most
/// 3 in 1,000 per code drawn.
pub const ADMIT_TRIES: u32 = 3;

/// The voter-admission code of one sitting (issue 22, item 4): a short code drawn at random when
/// the officer's console shows while voting is open, shown only there, kept in memory only (a
/// reload forgets it, and the full PIN is needed once again). Typed on the lock screen, it lets
/// the next voter straight into the ballot: three taps instead of a PIN, OK and "next voter".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Admit {
    code: String,
    misses: u32,
}

/// What one typed admission code came to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AdmitVerdict {
    Right,
    /// Wrong, with `left` tries before the code is void.
    Wrong {
        left: u32,
    },
    /// Wrong, and the code is now void: only the full PIN opens the console.
    Void,
}

impl Admit {
    /// The code drawn from `random` (four bytes of the browser's CSPRNG): a number below
    /// 1,000 written with three digits. The modulo bias (296 in 2³²) is negligible.
    pub fn from_random(random: [u8; 4]) -> Admit {
        let n = u32::from_le_bytes(random) % 1_000;
        Admit {
            code: format!("{n:03}"),
            misses: 0,
        }
    }

    /// The code, for the officer's console only.
    pub fn code(&self) -> &str {
        &self.code
    }

    /// Checks a typed code: the admission after it (`None`: void) and the verdict.
    pub fn attempt(&self, typed: &str) -> (Option<Admit>, AdmitVerdict) {
        if typed == self.code {
            let again = Admit {
                misses: 0,
                ..self.clone()
            };
            return (Some(again), AdmitVerdict::Right);
        }
        let misses = self.misses + 1;
        if misses >= ADMIT_TRIES {
            return (None, AdmitVerdict::Void);
        }
        let next = Admit {
            misses,
            ..self.clone()
        };
        (
            Some(next),
            AdmitVerdict::Wrong {
                left: ADMIT_TRIES - misses,
            },
        )
    }
}

impl AdmitVerdict {
    /// What the officer is told on the lock screen, in both languages (`None` when right).
    pub fn notice(self) -> Option<Notice> {
        match self {
            AdmitVerdict::Right => None,
            AdmitVerdict::Wrong { left } => Some(Notice::each(|l| says(l).wrong_code(left))),
            AdmitVerdict::Void => Some(Notice::each(|l| says(l).code_void(ADMIT_TRIES))),
        }
    }
}

/// What became of the last ballot a voter held, as the lock screen says it (issue 22, item 2).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LastBallot {
    /// Confirmed and in the box: the voter saw the receipt.
    Recorded,
    /// Not in the box: the tablet was reloaded (or left the voting screen) before Confirm.
    Abandoned,
}

impl LastBallot {
    /// After a reload: a voter was let in with `at_unlock` ballots in the box (`None`: no voter
    /// held the tablet), and the box now holds `cast`. Only a ballot cast since then is the
    /// voter's, so an unchanged count means the ballot was never confirmed.
    pub fn after_reload(at_unlock: Option<usize>, cast: usize) -> Option<LastBallot> {
        at_unlock.map(|n| {
            if cast > n {
                LastBallot::Recorded
            } else {
                LastBallot::Abandoned
            }
        })
    }
}

/// Which step of a ballot the voter is on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Welcome,
    Question(usize),
    Review,
    /// Confirmed: the ballot is being written to storage.
    Saving,
}

/// One voter's ballot in progress. Dropped, answers and all, when the receipt screen closes.
#[derive(Clone, Debug, PartialEq)]
pub struct Voting {
    /// A logic-and-accuracy test ballot: goes to the test box, never the real one.
    pub test: bool,
    pub step: Step,
    pub answers: Vec<Answer>,
    /// Why the voter cannot go on from this question (in both languages, picked at render).
    pub problem: Option<Rc<BallotError>>,
    /// The storage error of the last confirm, if it failed: the ballot was not cast.
    pub not_cast: Option<String>,
}

impl Voting {
    pub fn new(poll: &Poll, test: bool) -> Voting {
        Voting {
            test,
            step: Step::Welcome,
            answers: vec![Answer::Blank; poll.items().len()],
            problem: None,
            not_cast: None,
        }
    }

    /// The first shown item at or after `from`, given the answers so far.
    fn shown_from(&self, poll: &Poll, from: usize) -> Option<usize> {
        (from..poll.items().len()).find(|&i| is_shown(poll, &self.answers, i))
    }

    /// The last shown item before `before`.
    fn shown_before(&self, poll: &Poll, before: usize) -> Option<usize> {
        (0..before)
            .rev()
            .find(|&i| is_shown(poll, &self.answers, i))
    }

    /// Sets the answer to item `index`; answers to items that this hides are cleared, so the
    /// ballot never carries an answer to a question the voter no longer sees.
    pub fn answer(&self, poll: &Poll, index: usize, answer: Answer) -> Voting {
        let mut next = self.clone();
        if let Some(slot) = next.answers.get_mut(index) {
            *slot = answer;
        }
        for i in 0..next.answers.len() {
            if !is_shown(poll, &next.answers, i) {
                next.answers[i] = Answer::Blank;
            }
        }
        next.problem = None;
        next
    }

    /// Forward: from the welcome to the first question; from a question, after checking its
    /// answer, to the next shown question or the review.
    pub fn forward(&self, poll: &Poll) -> Voting {
        let mut next = self.clone();
        next.problem = None;
        next.not_cast = None;
        next.step = match self.step {
            Step::Welcome => self
                .shown_from(poll, 0)
                .map_or(Step::Review, Step::Question),
            Step::Question(i) => {
                if let Err(e) = check_answer(poll, &mut next.answers, i) {
                    next.problem = Some(Rc::new(e));
                    return next;
                }
                self.shown_from(poll, i + 1)
                    .map_or(Step::Review, Step::Question)
            }
            other => other,
        };
        next
    }

    /// Back: to the previous shown question (or the welcome), or from the review to the last.
    pub fn back(&self, poll: &Poll) -> Voting {
        let mut next = self.clone();
        next.problem = None;
        next.not_cast = None;
        next.step = match self.step {
            Step::Question(i) => self
                .shown_before(poll, i)
                .map_or(Step::Welcome, Step::Question),
            Step::Review => self
                .shown_before(poll, poll.items().len())
                .map_or(Step::Welcome, Step::Question),
            other => other,
        };
        next
    }

    /// Jumps from the review to one question to change it.
    pub fn change(&self, index: usize) -> Voting {
        let mut next = self.clone();
        if self.step == Step::Review {
            next.step = Step::Question(index);
        }
        next
    }

    /// The shown items and their answers, in poll order, for the review screen.
    pub fn review<'a>(&'a self, poll: &'a Poll) -> impl Iterator<Item = (usize, &'a Answer)> + 'a {
        (0..poll.items().len())
            .filter(|&i| is_shown(poll, &self.answers, i))
            .map(|i| (i, &self.answers[i]))
    }

    /// Position of the current question among the shown ones, and how many are shown: "2 / 5".
    pub fn progress(&self, poll: &Poll) -> Option<(usize, usize)> {
        let Step::Question(i) = self.step else {
            return None;
        };
        let shown: Vec<usize> = (0..poll.items().len())
            .filter(|&j| is_shown(poll, &self.answers, j))
            .collect();
        Some((shown.iter().position(|&j| j == i)? + 1, shown.len()))
    }
}

/// Whether an item is answered by picking among options (a radio group or checkboxes).
pub fn is_choice(kind: &ItemKind) -> bool {
    matches!(
        kind,
        ItemKind::Single { .. } | ItemKind::Scale { .. } | ItemKind::Multiple { .. }
    )
}

mod counts;
#[cfg(test)]
mod tests;
