//! The flow of a meeting through the model, as the officer and the voters drive it.

use super::meeting::{Phase, Step};
use super::setup::{check, SetupForm};
use super::*;
use phieu_core::Answer;

const DEMO: &str = include_str!("../../assets/polls/demo.json");

fn form() -> SetupForm {
    SetupForm {
        total: "100".into(),
        present: "80".into(),
        place: "Nhà văn hóa thôn".into(),
        time: "19 giờ 30, ngày 25/11/2026".into(),
        board: vec![
            "Nguyễn Văn An".into(),
            "Trần Thị Bình".into(),
            "Lê Văn Cường".into(),
            "".into(),
        ],
        witnesses: vec!["Phạm Thị Dung".into(), "Hoàng Văn Em".into()],
        pin: "246813".into(),
        pin_again: "246813".into(),
        hands: Vec::new(),
        paper: false,
    }
}

fn poll() -> Rc<Poll> {
    Rc::new(Poll::from_json(DEMO).unwrap())
}

fn opened() -> Model {
    let meeting = check(&form(), poll(), "m1".into(), [1; 16]).unwrap();
    let model = Model::new(Lang::Vi, Page::Home)
        .apply(Action::Started(None))
        .apply(Action::MeetingStored(meeting.clone()));
    let mut open = meeting;
    open.phase = Phase::Open;
    model.apply(Action::MeetingStored(open))
}

#[test]
fn language_switch_keeps_the_poll() {
    let model =
        Model::new(Lang::Vi, Page::Home).apply(Action::PollLoaded(Err(Rc::new(LoadError::Http {
            status: 404,
        }))));
    let switched = model.apply(Action::SetLang(Lang::En));
    assert_eq!(switched.lang, Lang::En);
    assert_eq!(switched.poll, model.poll);
}

#[test]
fn retry_returns_to_loading() {
    let failed = Model::new(Lang::Vi, Page::Home).apply(Action::PollLoaded(Err(Rc::new(
        LoadError::Network("offline".into()),
    ))));
    assert_eq!(failed.apply(Action::LoadPoll).poll, PollState::Loading);
}

#[test]
fn the_setup_form_names_every_problem() {
    let bad = SetupForm {
        total: "một trăm".into(),
        board: vec!["An".into()],
        pin: "12".into(),
        pin_again: "12".into(),
        ..SetupForm::default()
    };
    let problems = check(&bad, poll(), "m".into(), [0; 16]).unwrap_err();
    let fields: Vec<_> = problems.iter().map(|p| p.field).collect();
    assert_eq!(
        fields,
        // The demo is a village decision: the number present is required (issue 16).
        [
            "total",
            "present",
            "board",
            "witnesses",
            "place",
            "time",
            "pin"
        ]
    );
    assert!(problems
        .iter()
        .all(|p| p.why.get(Lang::Vi) != p.why.get(Lang::En)));
}

/// Issue 16 item 8: only a village meeting asks for two household witnesses; a People's
/// Council's confidence vote, a staff conference and a survey have none, and what was typed
/// there for another poll is not carried into their minutes.
#[test]
fn only_a_village_meeting_needs_household_witnesses() {
    let template = |json: &str| Rc::new(Poll::from_json(json).unwrap());
    for poll in [
        template(include_str!("../../assets/templates/hoi-nghi-can-bo.json")),
        template(include_str!(
            "../../assets/templates/bo-phieu-tin-nhiem.json"
        )),
        template(include_str!("../../assets/templates/khao-sat-mttq.json")),
    ] {
        let none = SetupForm {
            witnesses: vec![String::new(); 2],
            ..form()
        };
        let meeting = check(&none, poll.clone(), "m".into(), [0; 16]).unwrap();
        assert!(meeting.witnesses.is_empty());
        let typed = check(&form(), poll, "m".into(), [0; 16]).unwrap();
        assert!(typed.witnesses.is_empty());
    }
    let none = SetupForm {
        witnesses: vec![String::new(); 2],
        ..form()
    };
    let problems = check(&none, poll(), "m".into(), [0; 16]).unwrap_err();
    assert_eq!(problems[0].field, "witnesses");
}

#[test]
fn a_new_pin_needs_six_digits_said_in_both_languages() {
    for short in ["2468", "24681"] {
        let four = SetupForm {
            pin: short.into(),
            pin_again: short.into(),
            ..form()
        };
        let problems = check(&four, poll(), "m".into(), [0; 16]).unwrap_err();
        assert_eq!(problems.len(), 1, "{short}");
        assert_eq!(problems[0].field, "pin");
        assert!(problems[0].get(Lang::Vi).contains("6 đến 8 chữ số"));
        assert!(problems[0].get(Lang::En).contains("6 to 8 digits"));
    }
    let letters = SetupForm {
        pin: "24681a".into(),
        pin_again: "24681a".into(),
        ..form()
    };
    assert_eq!(
        check(&letters, poll(), "m".into(), [0; 16]).unwrap_err()[0].field,
        "pin"
    );
    assert!(check(&form(), poll(), "m".into(), [0; 16]).is_ok());
}

#[test]
fn present_more_than_the_electorate_is_refused() {
    let f = SetupForm {
        present: "120".into(),
        ..form()
    };
    let problems = check(&f, poll(), "m".into(), [0; 16]).unwrap_err();
    assert_eq!(problems[0].field, "present");
}

#[test]
fn a_new_meeting_starts_in_the_test_on_the_officer_console() {
    let meeting = check(&form(), poll(), "m1".into(), [1; 16]).unwrap();
    assert_eq!(meeting.board.len(), 3, "empty name rows are dropped");
    let model = Model::new(Lang::Vi, Page::Home)
        .apply(Action::Started(None))
        .apply(Action::MeetingStored(meeting));
    assert_eq!(model.screen, Screen::Officer);
    // A real voter cannot be unlocked before the test has run and voting opened.
    assert_eq!(
        model.apply(Action::StartVoter { test: false }).screen,
        Screen::Officer
    );
    assert!(matches!(
        model.apply(Action::StartVoter { test: true }).screen,
        Screen::Voter(Voting { test: true, .. })
    ));
}

#[test]
fn a_voter_casts_and_the_answers_leave_memory() {
    let model = opened().apply(Action::StartVoter { test: false });
    let model = model
        .apply(Action::Vote(VoterAction::Forward))
        .apply(Action::Vote(VoterAction::Answer(
            0,
            Answer::choice("dong_y"),
        )))
        .apply(Action::Vote(VoterAction::Forward));
    assert!(matches!(&model.screen, Screen::Voter(v) if v.step == Step::Review));
    let saving = model.apply(Action::Vote(VoterAction::Confirm));
    assert!(matches!(&saving.screen, Screen::Voter(v) if v.step == Step::Saving));
    let cast = saving.apply(Action::Cast {
        receipt: "ABCD-EFGH-JK".into(),
        ballots: None,
        test_ballot: None,
    });
    assert_eq!(cast.screen, Screen::Receipt("ABCD-EFGH-JK".into()));
    assert!(
        !format!("{cast:?}").contains("option: \"dong_y\""),
        "no answer is left in the model"
    );
    assert!(
        format!("{saving:?}").contains("option: \"dong_y\""),
        "the check can fail"
    );
    assert_eq!(
        cast.apply(Action::ReceiptDone).screen,
        Screen::Pin(Intent::Officer)
    );
}

#[test]
fn a_failed_write_returns_to_the_review_saying_the_ballot_was_not_cast() {
    let model = opened()
        .apply(Action::StartVoter { test: false })
        .apply(Action::Vote(VoterAction::Forward))
        .apply(Action::Vote(VoterAction::Answer(
            0,
            Answer::choice("khong_dong_y"),
        )))
        .apply(Action::Vote(VoterAction::Forward))
        .apply(Action::Vote(VoterAction::Confirm))
        .apply(Action::NotCast(Notice::each(|l| {
            l.pick("Phiếu CHƯA được bỏ", "NOT cast")
        })));
    match &model.screen {
        Screen::Voter(v) => {
            assert_eq!(v.step, Step::Review);
            assert_eq!(
                v.answers[0],
                Answer::choice("khong_dong_y"),
                "nothing is lost"
            );
            assert_eq!(v.not_cast.as_deref(), Some("Phiếu CHƯA được bỏ"));
        }
        other => panic!("expected the review, got {other:?}"),
    }
}

#[test]
fn a_reload_asks_for_the_pin_unless_voting_is_over() {
    let meeting = check(&form(), poll(), "m1".into(), [1; 16]).unwrap();
    let open = Model::new(Lang::Vi, Page::Home).apply(Action::Started(Some(meeting.clone())));
    assert_eq!(open.screen, Screen::Pin(Intent::Officer));
    let mut closed = meeting;
    closed.phase = Phase::Closed;
    let closed = Model::new(Lang::Vi, Page::Home).apply(Action::Started(Some(closed)));
    assert_eq!(closed.screen, Screen::Results);
}

#[test]
fn the_tablet_page_sends_setup_and_results_to_the_office_page() {
    let meeting = check(&form(), poll(), "m1".into(), [1; 16]).unwrap();
    let office = |page| {
        Some(Go {
            doc: Doc::Office,
            page,
            hand_over: None,
        })
    };
    let starting = Model::new(Lang::Vi, Page::Home);
    assert_eq!(
        starting.elsewhere(Doc::Tablet),
        None,
        "storage is still opening"
    );
    let empty = starting.apply(Action::Started(None));
    assert_eq!(empty.elsewhere(Doc::Tablet), office(Page::Setup));
    let running = Model::new(Lang::Vi, Page::Home).apply(Action::Started(Some(meeting.clone())));
    assert_eq!(running.elsewhere(Doc::Tablet), None);
    let mut closed = meeting;
    closed.phase = Phase::Closed;
    let after = opened().apply(Action::MeetingStored(closed));
    assert_eq!(after.screen, Screen::Results);
    assert_eq!(after.elsewhere(Doc::Tablet), office(Page::Home));
    // Old bookmarks of the verify and merge pages on the tablet page still work.
    let verify = Model::new(Lang::Vi, Page::Verify);
    assert_eq!(verify.elsewhere(Doc::Tablet), office(Page::Verify));
    assert_eq!(verify.elsewhere(Doc::Office), None);
    let unusable = Model::new(Lang::Vi, Page::Home).apply(Action::DeviceUnusable(Device::OtherTab));
    assert_eq!(unusable.elsewhere(Doc::Tablet), None, "the tablet says why");
}

#[test]
fn the_header_offers_no_page_link_that_would_race_a_move_or_free_a_voter() {
    // A fresh tablet is about to move to setup: a "verify" tapped before it would be
    // overridden by the move (the CI failure of stop 27), so no link is offered until storage
    // is open and the page stays.
    let starting = Model::new(Lang::Vi, Page::Home);
    assert!(
        !starting.offers_nav(Doc::Tablet),
        "storage is still opening"
    );
    assert!(
        !starting.offers_nav(Doc::Office),
        "storage is still opening"
    );
    let empty = starting.apply(Action::Started(None));
    assert!(
        !empty.offers_nav(Doc::Tablet),
        "the tablet is moving to setup"
    );
    assert!(empty.offers_nav(Doc::Office));
    let verify = Model::new(Lang::Vi, Page::Verify).apply(Action::Started(None));
    assert!(
        !verify.offers_nav(Doc::Tablet),
        "an old bookmark is moving to the office"
    );
    assert!(verify.offers_nav(Doc::Office));
    // A meeting open: the officer's console offers the links, a voter's turn does not.
    let console = opened();
    assert!(console.offers_nav(Doc::Tablet));
    assert!(
        !console.offers_nav(Doc::Office),
        "the office page is moving to the tablet"
    );
    let voter = console.apply(Action::StartVoter { test: false });
    assert!(matches!(voter.screen, Screen::Voter(_)));
    assert!(!voter.offers_nav(Doc::Tablet), "a voter holds the tablet");
    assert!(
        !empty.offers_nav(Doc::Survey),
        "a respondent holds the device"
    );
}

#[test]
fn the_office_page_hands_a_new_meeting_to_the_tablet_and_sends_a_running_one_there() {
    let meeting = check(&form(), poll(), "m1".into(), [1; 16]).unwrap();
    let setup = Model::new(Lang::Vi, Page::Setup).apply(Action::Started(None));
    assert_eq!(setup.elsewhere(Doc::Office), None);
    let created = setup.apply(Action::MeetingStored(meeting.clone()));
    assert_eq!(
        created.elsewhere(Doc::Office),
        Some(Go {
            doc: Doc::Tablet,
            page: Page::Home,
            hand_over: Some("m1".into()),
        })
    );
    // A meeting read back from storage is not handed over: the tablet asks for the PIN.
    let reloaded = Model::new(Lang::Vi, Page::Home).apply(Action::Started(Some(meeting)));
    assert_eq!(
        reloaded.elsewhere(Doc::Office),
        Some(Go {
            doc: Doc::Tablet,
            page: Page::Home,
            hand_over: None,
        })
    );
}

#[test]
fn a_new_meeting_after_a_closed_one_opens_on_the_console() {
    let first = check(&form(), poll(), "m1".into(), [1; 16]).unwrap();
    let mut closed = first;
    closed.phase = Phase::Closed;
    let results = Model::new(Lang::Vi, Page::Setup).apply(Action::Started(Some(closed)));
    assert_eq!(
        results.elsewhere(Doc::Office),
        None,
        "results stay on the office page"
    );
    let second = check(&form(), poll(), "m2".into(), [2; 16]).unwrap();
    let created = results.apply(Action::MeetingStored(second));
    assert_eq!(created.screen, Screen::Officer);
    assert_eq!(
        created.elsewhere(Doc::Office).unwrap().hand_over.as_deref(),
        Some("m2")
    );
}

#[test]
fn a_hand_over_opens_the_console_once_and_only_for_that_meeting_in_its_test() {
    let meeting = check(&form(), poll(), "m1".into(), [1; 16]).unwrap();
    let started = Model::new(Lang::Vi, Page::Home).apply(Action::Started(Some(meeting.clone())));
    assert_eq!(started.screen, Screen::Pin(Intent::Officer));
    assert_eq!(
        started.apply(Action::HandedOver("m2".into())).screen,
        Screen::Pin(Intent::Officer),
        "another meeting's hand-over opens nothing"
    );
    let handed = started.apply(Action::HandedOver("m1".into()));
    assert_eq!(handed.screen, Screen::Officer);
    let mut open = meeting;
    open.phase = Phase::Open;
    let voting = Model::new(Lang::Vi, Page::Home).apply(Action::Started(Some(open)));
    assert_eq!(
        voting.apply(Action::HandedOver("m1".into())).screen,
        Screen::Pin(Intent::Officer),
        "once voting is open, only the PIN opens the console"
    );
}

/// Issue 19, item 2: the setup screen warns before a meeting when little space is left, says
/// nothing it does not know, and gives sizes an officer reads.
#[test]
fn storage_is_low_only_when_the_browser_says_so() {
    use crate::i18n::kiosk::size;
    use crate::state::Storage;
    let mb = 1024 * 1024;
    let s = |quota, usage| Storage {
        persisted: Some(false),
        quota,
        usage,
    };
    assert_eq!(s(Some(100 * mb), Some(95 * mb)).free(), Some(5 * mb));
    assert!(s(Some(100 * mb), Some(95 * mb)).low());
    assert!(!s(Some(100 * mb), Some(90 * mb)).low());
    assert!(
        s(Some(10 * mb), Some(20 * mb)).low(),
        "over quota is no space"
    );
    assert!(!s(None, Some(20 * mb)).low(), "unknown is not low");
    assert!(!s(Some(20 * mb), None).low());
    assert_eq!(size(1, Lang::Vi), "1 KB");
    assert_eq!(size(12 * mb + 5, Lang::Vi), "12 MB");
    assert_eq!(size(1536 * mb, Lang::Vi), "1,5 GB");
    assert_eq!(size(1536 * mb, Lang::En), "1.5 GB");
}

/// Issue 22, item 2: the lock screen says what became of the last ballot instead of guessing.
#[test]
fn the_lock_screen_knows_whether_the_last_ballot_was_recorded() {
    use super::meeting::LastBallot;
    // No voter held the tablet; a voter held it and a ballot was added since; none was.
    assert_eq!(LastBallot::after_reload(None, 3), None);
    assert_eq!(
        LastBallot::after_reload(Some(3), 4),
        Some(LastBallot::Recorded)
    );
    assert_eq!(
        LastBallot::after_reload(Some(3), 3),
        Some(LastBallot::Abandoned)
    );

    let model = opened().apply(Action::Lock);
    assert_eq!(model.screen, Screen::Pin(Intent::Officer));
    assert_eq!(model.last_ballot, None, "nothing to say before any voter");

    // A voter casts and closes the receipt: recorded.
    let voting = model
        .apply(Action::ShowOfficer)
        .apply(Action::StartVoter { test: false });
    let after = voting
        .apply(Action::Cast {
            receipt: "ACD-EHK-MNP-RTU".into(),
            ballots: None,
            test_ballot: None,
        })
        .apply(Action::ReceiptDone);
    assert_eq!(after.screen, Screen::Pin(Intent::Officer));
    assert_eq!(after.last_ballot, Some(LastBallot::Recorded));

    // The page reloads mid-ballot: the lock screen says it was not cast, and the console says
    // so too, with the count, until the next voter is let in.
    let reloaded = opened()
        .apply(Action::Started(opened().meeting))
        .apply(Action::Reloaded {
            last: LastBallot::Abandoned,
            abandoned: 2,
        });
    assert_eq!(reloaded.screen, Screen::Pin(Intent::Officer));
    assert_eq!(reloaded.last_ballot, Some(LastBallot::Abandoned));
    let console = reloaded.apply(Action::ShowOfficer);
    assert_eq!(console.abandoned, Some(2));
    let next = console.apply(Action::StartVoter { test: false });
    assert_eq!((next.abandoned, next.last_ballot), (None, None));
    // A reload after a recorded ballot tells the console nothing.
    let fine = opened().apply(Action::Reloaded {
        last: LastBallot::Recorded,
        abandoned: 0,
    });
    assert_eq!(fine.abandoned, None);
}

/// Issue 22, item 4: the sitting's admission code lives in memory; a pause or the close voids
/// it; misses are said and three void it.
#[test]
fn the_admission_code_is_voided_by_a_pause_and_by_three_misses() {
    use super::meeting::{Admit, AdmitVerdict};
    let admit = Admit::from_random([42, 0, 0, 0]);
    let model = opened().apply(Action::Admit(Some(admit.clone())));
    assert_eq!(model.admit.as_ref().map(Admit::code), Some("042"));
    let mut paused = model.meeting.clone().unwrap();
    paused.phase = Phase::Paused;
    assert_eq!(model.apply(Action::MeetingStored(paused)).admit, None);
    let (after, verdict) = admit.attempt("000");
    let missed = model.apply(Action::AdmitMissed {
        admit: after,
        notice: verdict.notice().unwrap(),
    });
    assert!(missed.admit.is_some());
    assert!(missed
        .notice
        .as_ref()
        .unwrap()
        .get(Lang::Vi)
        .contains("Còn 2 lần"));
    let void = missed.apply(Action::AdmitMissed {
        admit: None,
        notice: AdmitVerdict::Void.notice().unwrap(),
    });
    assert_eq!(void.admit, None);
}

/// Issue 19, item 3: a voter who walks away is cancelled by the officer with the PIN; until the
/// PIN is right, "back to the ballot" keeps the answers; the console says what happened.
#[test]
fn a_walked_away_turn_is_cancelled_and_back_keeps_the_answers() {
    let model = opened()
        .apply(Action::StartVoter { test: false })
        .apply(Action::Vote(VoterAction::Forward))
        .apply(Action::Vote(VoterAction::Answer(
            0,
            Answer::choice("dong_y"),
        )));
    let asking = model.apply(Action::CancelBallot);
    assert!(matches!(asking.screen, Screen::CancelBallot(_)));
    let back = asking.apply(Action::BackToBallot);
    assert_eq!(back.screen, model.screen, "the answers are still there");
    let cancelled = asking.apply(Action::BallotCancelled);
    assert_eq!(cancelled.screen, Screen::Officer);
    assert!(cancelled
        .notice
        .unwrap()
        .get(Lang::Vi)
        .contains("không thu vào"));
    assert!(
        !format!("{:?}", cancelled.screen).contains("dong_y"),
        "the cancelled answers leave the screen"
    );
    // While the ballot is being written, the turn cannot be cancelled.
    let saving = model
        .apply(Action::Vote(VoterAction::Forward))
        .apply(Action::Vote(VoterAction::Confirm));
    assert!(matches!(
        saving.apply(Action::CancelBallot).screen,
        Screen::Voter(_)
    ));
}

/// Issue 20, item 2: large text is set per voter, and stays for the next only when kept.
#[test]
fn large_text_lasts_one_voter_unless_kept() {
    let model = opened().apply(Action::SetLarge(true));
    assert!(model.large && !model.keep_large);
    let after = model
        .apply(Action::StartVoter { test: false })
        .apply(Action::Cast {
            receipt: "R".into(),
            ballots: None,
            test_ballot: None,
        })
        .apply(Action::ReceiptDone);
    assert!(!after.large, "one voter only");
    let kept = opened().apply(Action::KeepLarge(true));
    assert!(kept.large && kept.keep_large, "keeping turns it on");
    let after = kept
        .apply(Action::StartVoter { test: false })
        .apply(Action::CancelBallot)
        .apply(Action::BallotCancelled);
    assert!(after.large, "kept for the voters after");
    let off = after.apply(Action::SetLarge(false));
    assert!(
        !off.large && !off.keep_large,
        "turning it off stops keeping it"
    );
}

/// Reading a box back after a reload reports how far it has come; a bar shows only for a
/// large box, and the reading's end (or the meeting started) takes it away.
#[test]
fn reading_a_large_box_back_shows_its_progress_until_started() {
    let start = Model::new(Lang::Vi, Page::Home);
    assert_eq!(start.loading, None);
    let small = start.apply(Action::Loading(Some(Loading {
        done: 1000,
        total: 4999,
    })));
    assert!(!small.loading.unwrap().shown());
    let large = start.apply(Action::Loading(Some(Loading {
        done: 2000,
        total: 100_000,
    })));
    assert_eq!(
        large.loading,
        Some(Loading {
            done: 2000,
            total: 100_000
        })
    );
    assert!(large.loading.unwrap().shown());
    assert_eq!(large.device, Device::Starting);
    let further = large.apply(Action::Loading(Some(Loading {
        done: 4000,
        total: 100_000,
    })));
    assert_eq!(further.loading.map(|l| l.done), Some(4000));
    assert_eq!(further.apply(Action::Loading(None)).loading, None);
    let started = further.apply(Action::Started(None));
    assert_eq!(started.loading, None);
    assert_eq!(started.device, Device::Ready);
    let refused = further.apply(Action::DeviceUnusable(Device::OtherTab));
    assert_eq!(refused.loading, None);
}
