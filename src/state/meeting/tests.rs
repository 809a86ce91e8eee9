use super::*;
use crate::state::reading::{answer_in_words, Reading};

const DEMO: &str = include_str!("../../../assets/polls/demo.json");

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
        answer_in_words(
            &poll,
            0,
            &other,
            &Reading::default(),
            Lang::Vi,
            "(để trống)"
        ),
        "Ý kiến khác: “Làm vào mùa khô”"
    );
    assert_eq!(
        answer_in_words(
            &poll,
            0,
            &Answer::choice("dong_y"),
            &Reading::default(),
            Lang::En,
            "(blank)"
        ),
        "Agree"
    );
    assert_eq!(
        answer_in_words(
            &poll,
            0,
            &Answer::Blank,
            &Reading::default(),
            Lang::En,
            "(blank)"
        ),
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
        hands: Vec::new(),
        paper: None,
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
    let json = crate::state::meeting_record::to_json(&m);
    let back = crate::state::meeting_record::from_json(&json, Poll::from_json_plain).unwrap();
    assert_eq!(back.proceedings, m.proceedings);
    // A meeting closed without any keeps its record as before.
    let plain = meeting_with_pin("246813");
    assert!(!crate::state::meeting_record::to_json(&plain).contains("proceedings"));
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
    assert!(v3.notice().unwrap().get(Lang::Vi).contains("mã PIN"));
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
        PinVerdict::NowLocked { seconds: 60 }
            .notice()
            .unwrap()
            .get(Lang::Vi),
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
    assert!(line.contains("3 phiếu thử") && line.contains("khớp") && line.contains("AAAA-BBBB"));
}

/// Issue 18: the office page's results come from this one bundle, built once per meeting and
/// language; why it cannot be built is a sentence for the officer, without field paths.
#[test]
fn a_closed_meeting_gives_its_audit_bundle_or_a_plain_reason() {
    let mut m = meeting_with_pin("246813");
    m.phase = Phase::Closed;
    // The demo's rule counts those present: without that number, no bundle, and a sentence.
    let why = m.audit_bundle(Lang::En).unwrap_err();
    assert!(why.contains("number present"), "{why}");
    m.electorate = Electorate::new(100, Some(80)).unwrap();
    let bundle = m.audit_bundle(Lang::En).unwrap();
    assert_eq!(bundle.fingerprint(), m.ballots.fingerprint());
    // Minutes the core refuses: said without their field path.
    m.board = (1..=6).map(|n| format!("Thành viên {n}")).collect();
    let why = m.audit_bundle(Lang::En).unwrap_err();
    assert!(!why.is_empty());
    assert!(!why.contains("minutes."), "{why}");
}

/// Issue 18: what a PIN does for a step is the model's. Locked: nothing to store; right to
/// close: closed; wrong to close: counted, still open; right for the console: unchanged phase.
#[test]
fn a_pin_step_closes_only_on_the_right_pin_and_stores_nothing_while_locked() {
    let m = meeting_with_pin("246813");
    let (closed, verdict) = m.pin_step("246813", 0.0, true);
    assert_eq!(verdict, PinVerdict::Right);
    assert_eq!(closed.unwrap().phase, Phase::Closed);
    let (wrong, verdict) = m.pin_step("000000", 0.0, true);
    assert!(matches!(verdict, PinVerdict::Wrong { .. }));
    let wrong = wrong.unwrap();
    assert_eq!((wrong.phase, wrong.pin_failures), (Phase::Open, 1));
    let (console, _) = m.pin_step("246813", 0.0, false);
    assert_eq!(console.unwrap().phase, Phase::Open);
    let locked = Meeting {
        pin_locked_until: 60_000.0,
        ..m
    };
    let (nothing, verdict) = locked.pin_step("246813", 1_000.0, true);
    assert_eq!(nothing, None);
    assert_eq!(verdict, PinVerdict::Locked { seconds: 59 });
}
