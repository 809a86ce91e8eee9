//! A meeting on this tablet: the poll, the electorate, the minutes' names, the officer's PIN,
//! the phase of voting, and the ballot box; and the voter's walk through one ballot.
//!
//! Plain Rust: no Yew, no browser. The effects (storage, random salts, the clock) happen at the
//! edge and come back here as plain values, so every rule of the flow is a native unit test.

use std::rc::Rc;

use phieu_core::{
    check_answer, is_shown, Answer, BallotBox, BallotError, Electorate, ItemKind, Lang, Minutes,
    PinHash, Poll,
};

use super::Notice;

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
    pub field: Option<super::field::FieldFacts>,
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
            PinVerdict::Wrong { left } => Some(Notice::new(
                format!("Sai mã PIN. Còn {left} lần thử."),
                format!("Wrong PIN. {left} tries left."),
            )),
            PinVerdict::NowLocked { seconds } => Some(Notice::new(
                format!("Sai mã PIN {PIN_TRIES} lần: khóa {seconds} giây."),
                format!("{PIN_TRIES} wrong PINs: locked for {seconds} seconds."),
            )),
            PinVerdict::Locked { seconds } => Some(Notice::new(
                format!("Đã nhập sai mã PIN {PIN_TRIES} lần. Hãy chờ {seconds} giây."),
                format!("{PIN_TRIES} wrong PINs. Wait {seconds} seconds."),
            )),
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
            AdmitVerdict::Wrong { left } => Some(Notice::new(
                format!("Sai mã mời cử tri. Còn {left} lần thử."),
                format!("Wrong voter code. {left} tries left."),
            )),
            AdmitVerdict::Void => Some(Notice::new(
                format!("Sai mã mời cử tri {ADMIT_TRIES} lần: mã đã bị hủy. Cán bộ nhập mã PIN để mở bảng điều khiển, nơi có mã mới."),
                format!("{ADMIT_TRIES} wrong voter codes: the code is void. The officer enters the PIN to open the console, which shows a new one."),
            )),
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

/// An answer in words, as the review screen and nothing else shows it.
pub fn answer_in_words(
    poll: &Poll,
    index: usize,
    answer: &Answer,
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
            .map(|c| c.label().get(lang).to_owned())
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

/// Whether an item is answered by picking among options (a radio group or checkboxes).
pub fn is_choice(kind: &ItemKind) -> bool {
    matches!(
        kind,
        ItemKind::Single { .. } | ItemKind::Scale { .. } | ItemKind::Multiple { .. }
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const DEMO: &str = include_str!("../../assets/polls/demo.json");

    fn survey() -> Poll {
        Poll::from_json(
            r#"{"format":"phieu/poll","version":1,"id":"s","kind":"survey",
            "title":{"vi":"Khảo sát"},"place":{"commune":"Xã A","village":"Thôn B"},
            "rule":{"preset":"none"},
            "items":[
              {"id":"q1","type":"single","required":true,"label":{"vi":"Có đi họp không?"},
               "options":[{"id":"co","label":{"vi":"Có"}},{"id":"khong","label":{"vi":"Không"}}]},
              {"id":"q2","type":"text","label":{"vi":"Vì sao không?"},"show_if":{"item":"q1","any_of":["khong"]}},
              {"id":"q3","type":"number","label":{"vi":"Số người trong hộ"},"min":1,"max":20}
            ]}"#,
        )
        .unwrap()
    }

    #[test]
    fn a_required_question_cannot_be_skipped() {
        let poll = Poll::from_json(DEMO).unwrap();
        let v = Voting::new(&poll, false).forward(&poll);
        assert_eq!(v.step, Step::Question(0));
        let stuck = v.forward(&poll);
        assert_eq!(stuck.step, Step::Question(0));
        assert!(stuck.problem.is_some());
        let answered = stuck.answer(&poll, 0, Answer::choice("dong_y"));
        assert!(answered.problem.is_none());
        assert_eq!(answered.forward(&poll).step, Step::Review);
    }

    #[test]
    fn skip_logic_hides_and_clears_questions() {
        let poll = survey();
        let v = Voting::new(&poll, false).forward(&poll);
        let v = v.answer(&poll, 0, Answer::choice("khong")).forward(&poll);
        assert_eq!(v.step, Step::Question(1), "'why not' is shown after 'no'");
        let v = v.answer(&poll, 1, Answer::Text("Bận".into()));
        let v = v.back(&poll).answer(&poll, 0, Answer::choice("co"));
        assert_eq!(v.answers[1], Answer::Blank, "the hidden answer is cleared");
        let v = v.forward(&poll);
        assert_eq!(
            v.step,
            Step::Question(2),
            "'why not' is skipped after 'yes'"
        );
        assert_eq!(v.progress(&poll), Some((2, 2)));
        let v = v.answer(&poll, 2, Answer::Number(40)).forward(&poll);
        assert_eq!(
            v.step,
            Step::Question(2),
            "a number out of range is refused"
        );
        let v = v.answer(&poll, 2, Answer::Number(4)).forward(&poll);
        assert_eq!(v.step, Step::Review);
        assert_eq!(
            v.review(&poll).map(|(i, _)| i).collect::<Vec<_>>(),
            vec![0, 2]
        );
        assert_eq!(v.back(&poll).step, Step::Question(2));
        assert_eq!(v.change(0).step, Step::Question(0));
    }

    #[test]
    fn answers_read_in_words() {
        let poll = Poll::from_json(DEMO).unwrap();
        let other = Answer::Choice {
            option: "y_kien_khac".into(),
            free_text: Some("Làm vào mùa khô".into()),
        };
        assert_eq!(
            answer_in_words(&poll, 0, &other, Lang::Vi, "(để trống)"),
            "Ý kiến khác: “Làm vào mùa khô”"
        );
        assert_eq!(
            answer_in_words(&poll, 0, &Answer::choice("dong_y"), Lang::En, "(blank)"),
            "Agree"
        );
        assert_eq!(
            answer_in_words(&poll, 0, &Answer::Blank, Lang::En, "(blank)"),
            "(blank)"
        );
    }

    fn meeting_with_pin(pin: &str) -> Meeting {
        let poll = Rc::new(Poll::from_json(DEMO).unwrap());
        Meeting {
            id: "m".into(),
            poll: poll.clone(),
            electorate: Electorate::new(100, None).unwrap(),
            place: "Nhà văn hóa".into(),
            time: "19 giờ".into(),
            board: vec![],
            witnesses: vec![],
            pin: PinHash::new(pin, pin, [0; 16]).unwrap(),
            phase: Phase::Open,
            test: None,
            pin_failures: 0,
            pin_locked_until: 0.0,
            pin_lockouts: 0,
            pin_wrong_total: 0,
            issued: Some(0),
            created: None,
            exported: false,
            ballots: Rc::new(BallotBox::new((*poll).clone())),
            field: None,
            proceedings: Proceedings::default(),
        }
    }

    /// Issue 16, item 8: what the officer types at closing reaches the minutes (and so their
    /// code), survives a reload, and is tidied to what the minutes accept.
    #[test]
    fn the_proceedings_typed_at_closing_reach_the_minutes_and_survive_a_reload() {
        let mut m = meeting_with_pin("246813");
        assert_eq!(m.minutes().unwrap().chair(), "");
        m.proceedings = Proceedings {
            chair: "  Nguyễn Văn Tâm ".into(),
            secretary: "Đỗ Thị Lan".into(),
            closed_at: "21 giờ 15, ngày 25/11/2026".into(),
            complaints: "x".repeat(Proceedings::MAX_LEN + 5),
        }
        .tidied();
        let minutes = m.minutes().unwrap();
        assert_eq!(minutes.chair(), "Nguyễn Văn Tâm");
        assert_eq!(minutes.secretary(), "Đỗ Thị Lan");
        assert_eq!(minutes.closed_at(), "21 giờ 15, ngày 25/11/2026");
        assert_eq!(minutes.complaints().chars().count(), Proceedings::MAX_LEN);
        let json = crate::edge::meeting_record::to_json(&m);
        let back = crate::edge::meeting_record::from_json(&json, Poll::from_json_plain).unwrap();
        assert_eq!(back.proceedings, m.proceedings);
        // A meeting closed without any keeps its record as before.
        let plain = meeting_with_pin("246813");
        assert!(!crate::edge::meeting_record::to_json(&plain).contains("proceedings"));
    }

    /// Types `pin` at `now` and returns the verdict, keeping the meeting.
    fn attempt(m: &mut Meeting, pin: &str, now: f64) -> PinVerdict {
        let (next, verdict) = m.attempt_pin(pin, now);
        *m = next;
        verdict
    }

    #[test]
    fn the_admission_code_has_three_digits_and_three_tries() {
        let admit = Admit::from_random([0xe7, 0x03, 0, 0]); // 999
        assert_eq!(admit.code(), "999");
        assert_eq!(Admit::from_random([7, 0, 0, 0]).code(), "007");
        assert_eq!(Admit::from_random([0xe8, 0x03, 0, 0]).code(), "000"); // 1000 % 1000
        let (after, verdict) = admit.attempt("998");
        assert_eq!(verdict, AdmitVerdict::Wrong { left: 2 });
        let after = after.unwrap();
        // A right code resets the run of misses; the code stays for the next voter.
        let (again, verdict) = after.attempt("999");
        assert_eq!(verdict, AdmitVerdict::Right);
        assert_eq!(again, Some(admit.clone()));
        let (a1, _) = admit.attempt("1");
        let (a2, v2) = a1.unwrap().attempt("12");
        assert_eq!(v2, AdmitVerdict::Wrong { left: 1 });
        let (a3, v3) = a2.unwrap().attempt("123");
        assert_eq!((a3, v3), (None, AdmitVerdict::Void));
        assert!(v3.notice().unwrap().vi.contains("mã PIN"));
        assert_eq!(AdmitVerdict::Right.notice(), None);
    }

    #[test]
    fn ballots_issued_count_unlocks_and_go_into_the_minutes() {
        let m = meeting_with_pin("246813");
        assert_eq!(m.not_returned(), Some(0));
        let m = m.issuing().issuing();
        assert_eq!(m.issued, Some(2));
        assert_eq!(m.not_returned(), Some(2));
        assert_eq!(m.minutes().unwrap().issued(), Some(2));
        // Not counted (a field survey, or a meeting stored before the count): nothing added.
        let uncounted = Meeting { issued: None, ..m };
        assert_eq!(uncounted.issuing().issued, None);
        assert_eq!(uncounted.not_returned(), None);
        assert_eq!(uncounted.minutes().unwrap().issued(), None);
    }

    #[test]
    fn the_fifth_wrong_pin_locks_for_a_minute() {
        let mut m = meeting_with_pin("246813");
        for left in (1..=4).rev() {
            assert_eq!(
                attempt(&mut m, "111111", 1_000.0),
                PinVerdict::Wrong { left }
            );
            assert_eq!(m.pin_wait(1_000.0), None);
        }
        assert_eq!(
            attempt(&mut m, "111111", 1_000.0),
            PinVerdict::NowLocked { seconds: 60 }
        );
        assert_eq!(m.pin_wait(1_000.0), Some(60));
        assert_eq!(m.pin_wait(60_999.0), Some(1));
        assert_eq!(m.pin_wait(61_000.0), None);
        assert_eq!(
            PinVerdict::NowLocked { seconds: 60 }.notice().unwrap().vi,
            "Sai mã PIN 5 lần: khóa 60 giây."
        );
    }

    #[test]
    fn a_locked_pin_is_not_even_compared_and_the_try_is_not_counted() {
        let mut m = meeting_with_pin("246813");
        for _ in 0..5 {
            attempt(&mut m, "000000", 0.0);
        }
        assert_eq!(
            attempt(&mut m, "246813", 30_000.0),
            PinVerdict::Locked { seconds: 30 }
        );
        assert_eq!(m.pin_wrong_total, 5);
        assert_eq!(attempt(&mut m, "246813", 60_000.0), PinVerdict::Right);
    }

    #[test]
    fn locks_double_and_a_right_pin_does_not_shorten_the_next_one() {
        let mut m = meeting_with_pin("246813");
        let mut now = 0.0;
        let mut locks = Vec::new();
        for round in 0..4 {
            for _ in 0..4 {
                attempt(&mut m, "999999", now);
            }
            // Between rounds the officer types the right PIN: the run of tries starts again,
            // the doubling does not.
            if round % 2 == 1 {
                assert_eq!(attempt(&mut m, "246813", now), PinVerdict::Right);
                for _ in 0..4 {
                    attempt(&mut m, "999999", now);
                }
            }
            let PinVerdict::NowLocked { seconds } = attempt(&mut m, "999999", now) else {
                panic!("round {round} did not lock");
            };
            locks.push(seconds);
            now = m.pin_locked_until;
        }
        assert_eq!(locks, [60, 120, 240, 480]);
        assert_eq!(m.pin_lockouts, 4);
        // 5 per round, and 4 more in each of the two rounds with a right PIN in between.
        assert_eq!(m.pin_wrong_total, 28);
        // The minutes record them (and the minutes code covers them).
        assert_eq!(m.minutes().unwrap().wrong_pins(), 28);
    }

    #[test]
    fn the_lock_stops_doubling_at_its_cap() {
        assert_eq!(lock_ms(1), 60_000.0);
        assert_eq!(lock_ms(2), 120_000.0);
        assert_eq!(lock_ms(11), 60_000.0 * 1024.0);
        assert_eq!(lock_ms(u32::MAX), 60_000.0 * 1024.0);
    }

    #[test]
    fn a_stored_four_digit_pin_still_opens_its_meeting() {
        let mut m = meeting_with_pin("2468");
        assert_eq!(attempt(&mut m, "2468", 0.0), PinVerdict::Right);
    }

    #[test]
    fn the_minutes_record_the_test() {
        let line = TestResult {
            ballots: 3,
            fingerprint: "AAAA-BBBB-CCCC-DDDD".into(),
            passed: true,
        }
        .minutes_line();
        assert!(
            line.contains("3 phiếu thử") && line.contains("khớp") && line.contains("AAAA-BBBB")
        );
    }
}
