use super::*;
use crate::state::{Action, Doc, Lang, Model, Page, Screen, VoterAction};

const SURVEY20: &str = include_str!("../../../assets/polls/survey20.json");
const MTTQ: &str = include_str!("../../../assets/templates/khao-sat-mttq.json");

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
        crate::state::Notice::each(|l| l.pick("x", "x")),
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
            phieu_core::ItemKind::Single { options } | phieu_core::ItemKind::Scale { options } => {
                Answer::choice(options[0].id())
            }
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
    let bundle = phieu_core::AuditBundle::new((*c.ballots).clone(), c.electorate, minutes).unwrap();
    assert_eq!(bundle.ballot_box().len(), 1);
}

const DEMO: &str = include_str!("../../../assets/polls/demo.json");

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
        "../../../assets/templates/lay-phieu-tin-nhiem.json"
    ))));
    assert!(!by_forms(&poll(include_str!(
        "../../../assets/templates/hoi-nghi-can-bo.json"
    ))));
    let asked =
        Model::new(Lang::Vi, Page::Survey).apply(Action::Field(FieldAction::NeedsRoll(p.clone())));
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
    assert!(kept
        .mark(3)
        .unwrap_err()
        .notice()
        .get(Lang::Vi)
        .contains("Hộ số 3"));
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
    let record = crate::state::meeting_record::to_json(&meeting);
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
    let json = crate::state::meeting_record::to_json(&meeting);
    assert!(json.contains("\"method\":\"household_forms\""), "{json}");
    let back = crate::state::meeting_record::from_json(&json, Poll::from_json_plain).unwrap();
    assert_eq!(
        back.electorate,
        Electorate::by_household_forms(120).unwrap()
    );
    assert_eq!(back.electorate.present(), None);
    assert_eq!(back, meeting);
    assert_eq!(Roll::from_json(&roll.to_json()), Some(roll));
    // A meeting's record is as before: no method.
    let survey = new_session(poll(SURVEY20), "s".into(), pin());
    assert!(!crate::state::meeting_record::to_json(&survey).contains("method"));
    let spoilt = json.replace("\"household_forms\"", "\"telepathy\"");
    assert!(crate::state::meeting_record::from_json(&spoilt, Poll::from_json_plain).is_err());
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
    let bundle = phieu_core::AuditBundle::new((*c.ballots).clone(), c.electorate, minutes).unwrap();
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
