//! The setup form's attendance: required where the meeting's validity depends on it, said why
//! in both languages, and a warning (not a refusal) when the meeting would not be validly held.

use super::*;

fn template(file: &str) -> Rc<Poll> {
    let path = format!("{}/assets/templates/{file}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    Rc::new(Poll::from_json(&text).unwrap_or_else(|e| panic!("{path}: {e}")))
}

fn form(total: &str, present: &str) -> SetupForm {
    SetupForm {
        total: total.into(),
        present: present.into(),
        place: "Nhà văn hóa thôn".into(),
        time: "19 giờ 30, ngày 25/11/2026".into(),
        board: vec!["An".into(), "Bình".into(), "Cường".into()],
        witnesses: vec!["Dung".into(), "Em".into()],
        pin: "246802".into(),
        pin_again: "246802".into(),
        hands: Vec::new(),
        paper: false,
    }
}

/// Each template and whether its number present is required, and why.
const ATTENDANCE: [(&str, Attendance); 9] = [
    ("dong-gop-cong-trinh.json", Attendance::VillageMeeting),
    ("huong-uoc.json", Attendance::VillageMeeting),
    ("mien-nhiem-truong-thon.json", Attendance::VillageMeeting),
    ("bau-truong-thon.json", Attendance::VillageMeeting),
    ("hoi-nghi-can-bo.json", Attendance::Conference),
    ("lay-phieu-tin-nhiem.json", Attendance::Optional),
    ("bo-phieu-tin-nhiem.json", Attendance::Optional),
    ("hai-long-nong-thon-moi.json", Attendance::Optional),
    ("khao-sat-mttq.json", Attendance::Optional),
];

#[test]
fn the_number_present_is_required_for_a_village_meeting_and_a_conference_issue_16() {
    for (file, attendance) in ATTENDANCE {
        let poll = template(file);
        assert_eq!(Attendance::of(&poll), attendance, "{file}");
        let result = check(&form("100", ""), poll.clone(), "m".into(), [0; 16]);
        if attendance.required() {
            let problems = result.expect_err(file);
            assert_eq!(problems.len(), 1, "{file}: {problems:?}");
            assert_eq!(problems[0].field, "present");
            // The reason is named, in each language.
            let (vi, en) = (problems[0].get(Lang::Vi), problems[0].get(Lang::En));
            match attendance {
                Attendance::Conference => {
                    assert!(vi.contains("từ 2/3 số người được triệu tập"), "{vi}");
                    assert!(en.contains("at least 2/3 of those convened"), "{en}");
                }
                _ => {
                    assert!(
                        vi.contains("trên 50% tổng số đại diện hộ gia đình tham dự"),
                        "{vi}"
                    );
                    assert!(
                        en.contains("more than 50% of all household representatives attend"),
                        "{en}"
                    );
                }
            }
            assert!(
                check(&form("100", "60"), poll, "m".into(), [0; 16]).is_ok(),
                "{file}"
            );
        } else {
            let meeting = result.unwrap_or_else(|p| panic!("{file}: {p:?}"));
            assert_eq!(meeting.electorate.present(), None);
        }
    }
}

#[test]
fn an_inquorate_village_meeting_is_warned_of_at_its_boundary_but_may_be_opened_issue_16() {
    let poll = template("dong-gop-cong-trinh.json");
    // 50 of 100 is not more than half: warned, in words that say it is not a rejection.
    let warning = quorum_warning(&form("100", "50"), &poll).expect("50/100 is inquorate");
    assert!(
        warning
            .get(Lang::Vi)
            .starts_with("Cuộc họp không hợp lệ: 50/100"),
        "{}",
        warning.get(Lang::Vi)
    );
    assert!(warning.get(Lang::Vi).contains("ít nhất 51"));
    assert!(warning.get(Lang::En).contains("not “not passed”"));
    // The officer may still open it: the results will say it was not validly held.
    let meeting = check(&form("100", "50"), poll.clone(), "m".into(), [0; 16]).unwrap();
    assert_eq!(meeting.electorate.present(), Some(50));
    // 51 of 100 is a valid meeting; so is 3 of 5, not 2 of 5 (odd totals).
    assert_eq!(quorum_warning(&form("100", "51"), &poll), None);
    assert_eq!(quorum_warning(&form("5", "3"), &poll), None);
    assert!(quorum_warning(&form("5", "2"), &poll).is_some());
    // Nothing to warn of while the numbers are not numbers yet, or are refused anyway.
    assert_eq!(quorum_warning(&form("100", ""), &poll), None);
    assert_eq!(quorum_warning(&form("", "10"), &poll), None);
    assert_eq!(quorum_warning(&form("100", "120"), &poll), None);
    // An election is a village meeting too; a survey is not.
    assert!(quorum_warning(&form("100", "50"), &template("bau-truong-thon.json")).is_some());
    assert_eq!(
        quorum_warning(&form("100", "10"), &template("khao-sat-mttq.json")),
        None
    );
}

#[test]
fn a_conference_is_warned_of_below_two_thirds_of_those_convened() {
    let poll = template("hoi-nghi-can-bo.json");
    let warning = quorum_warning(&form("90", "59"), &poll).expect("59/90 is below 2/3");
    assert!(
        warning.get(Lang::Vi).contains("ít nhất 60"),
        "{}",
        warning.get(Lang::Vi)
    );
    assert_eq!(quorum_warning(&form("90", "60"), &poll), None);
    // Two-thirds of 100 is 66.67: at least 67 attend.
    assert!(quorum_warning(&form("100", "66"), &poll).is_some());
    assert_eq!(quorum_warning(&form("100", "67"), &poll), None);
}

/// Issue 19, item 4: items chosen for a show of hands are hidden from the tablet, counted by the
/// officer against those present, stored with the meeting, and sealed in the minutes.
#[test]
fn a_meeting_votes_one_item_by_hands_and_the_other_on_the_tablet() {
    let poll = template("dong-gop-cong-trinh.json");
    let mut f = form("100", "80");
    f.hands = vec!["muc_dong_gop".into(), "khong_co".into()];
    let m = check(&f, poll.clone(), "m".into(), [0; 16]).unwrap();
    assert_eq!(m.hands.len(), 1, "an unknown id is dropped");
    assert!(m.poll.is_voted_elsewhere(1) && !m.poll.is_voted_elsewhere(0));
    assert_eq!(
        m.phase,
        Phase::Testing,
        "the tablet still votes the first item"
    );
    assert!(!m.all_by_hands());
    assert_eq!(m.hands_missing(), Some(1));
    // Not counted yet: no minutes, and the officer is told which question.
    let e = m.audit_bundle(Lang::Vi).unwrap_err();
    assert!(e.contains("Chưa nhập kết quả giơ tay"), "{e}");
    // More hands than people present are refused; words are refused; nothing changes.
    let typed = |v: [&str; 3]| v.map(String::from).to_vec();
    let e = m.enter_hands(1, &typed(["70", "10", "1"])).unwrap_err();
    assert!(e.get(Lang::Vi).contains("81") && e.get(Lang::Vi).contains("80"));
    assert!(m.enter_hands(1, &typed(["bảy", "0", "0"])).is_err());
    assert!(
        m.enter_hands(0, &typed(["1", "0", "0"])).is_err(),
        "item 1 is on the tablet"
    );
    let counted = m.enter_hands(1, &typed(["67", " 5", "3"])).unwrap();
    assert_eq!(counted.hands_missing(), None);
    let bundle = counted.audit_bundle(Lang::Vi).unwrap();
    assert_eq!(bundle.tally().items()[1].counts(), &[67, 5, 3]);
    assert_eq!(bundle.tally().items()[1].blank(), 5);
    assert_eq!(
        bundle.minutes().counted().by("muc_dong_gop"),
        Some(phieu_core::By::Hands)
    );
    // The counts and the choice of items survive a reload.
    let json = crate::state::meeting_record::to_json(&counted);
    let back = crate::state::meeting_record::from_json(&json, Poll::from_json).unwrap();
    assert_eq!(back, counted);
    assert!(back.poll.is_voted_elsewhere(1));
    // Once closed, the show of hands is final.
    let closed = Meeting {
        phase: Phase::Closed,
        ..counted
    };
    assert!(closed.enter_hands(1, &typed(["68", "4", "3"])).is_err());
}

#[test]
fn a_meeting_all_by_hands_opens_without_a_test_and_needs_those_present() {
    let poll = template("mien-nhiem-truong-thon.json");
    let id = poll.items()[0].id().to_owned();
    let mut f = form("100", "");
    f.hands = vec![id];
    let problems = check(&f, poll.clone(), "m".into(), [0; 16]).unwrap_err();
    assert!(problems.iter().any(|p| p.field == "present"));
    f.present = "60".into();
    let m = check(&f, poll, "m".into(), [0; 16]).unwrap();
    assert!(m.all_by_hands());
    assert_eq!((m.phase, m.issued), (Phase::Open, None));
    let options = m.poll.items()[0].kind().options().len();
    let mut typed = vec!["0".to_owned(); options];
    typed[0] = "55".into();
    let bundle = m
        .enter_hands(0, &typed)
        .unwrap()
        .audit_bundle(Lang::Vi)
        .unwrap();
    assert!(bundle
        .minutes()
        .logic_and_accuracy_test()
        .contains("giơ tay"));
    assert_eq!(bundle.tally().ballots(), 0);
}

#[test]
fn a_confidence_vote_cannot_be_voted_by_hands() {
    let poll = template("bo-phieu-tin-nhiem.json");
    let mut f = form("100", "80");
    f.hands = vec![poll.items()[0].id().to_owned()];
    let m = check(&f, poll, "m".into(), [0; 16]).unwrap();
    assert!(m.hands.is_empty(), "secret by law: the tablet asks it");
}

/// Issue 19, item 5: a paper meeting counted twice on the tablet; a difference must be recounted
/// before the minutes can be made; the papers survive a reload; the minutes state the paper.
#[test]
fn a_paper_meeting_is_counted_twice_and_closes_only_when_the_counts_agree() {
    use crate::state::paper::Tap;
    let poll = template("dong-gop-cong-trinh.json");
    let mut f = form("100", "80");
    f.paper = true;
    f.hands = vec!["muc_dong_gop".into()];
    let m = check(&f, poll, "m".into(), [0; 16]).unwrap();
    assert!(m.hands.is_empty() && m.paper.is_some());
    assert_eq!((m.phase, m.issued), (Phase::Open, None));
    assert!(m.poll.is_voted_elsewhere(0) && m.poll.is_voted_elsewhere(1));
    let tap = |m: Meeting, k: usize, taps: &[Tap]| {
        taps.iter()
            .fold(m, |m, &t| m.paper_step(|p, _, _| p.tap(k, t)).unwrap())
    };
    // Three ballots: agree/agree, agree/disagree, invalid.
    let ballots = [
        Tap::Option(0),
        Tap::Option(0),
        Tap::Option(0),
        Tap::Option(1),
        Tap::Invalid,
    ];
    let m = tap(m, 0, &ballots);
    // The second counter hears the second ballot's second answer wrong.
    let m = tap(
        m,
        1,
        &[
            Tap::Option(0),
            Tap::Option(0),
            Tap::Option(0),
            Tap::Option(0),
            Tap::Invalid,
        ],
    );
    let m = m
        .paper_step(|p, _, limit| p.set_issued("3", limit))
        .unwrap();
    let differences = m.paper.as_ref().unwrap().differences().unwrap();
    assert_eq!(differences.len(), 2, "{differences:?}");
    assert!(differences.iter().all(|d| d.item() == Some(1)));
    assert!(m
        .close_blocker()
        .unwrap()
        .get(Lang::Vi)
        .contains("chưa khớp"));
    assert!(m.audit_bundle(Lang::Vi).is_err());
    // Counter 2 counts again from the start, right this time.
    let m = tap(
        m.paper_step(|p, poll, _| p.recount(1, poll)).unwrap(),
        1,
        &ballots,
    );
    assert_eq!(m.close_blocker(), None);
    let json = crate::state::meeting_record::to_json(&m);
    let back = crate::state::meeting_record::from_json(&json, Poll::from_json).unwrap();
    assert_eq!(back, m);
    let bundle = back.audit_bundle(Lang::Vi).unwrap();
    assert_eq!(bundle.tally().items()[1].counts(), &[1, 1, 0]);
    assert_eq!(bundle.minutes().counted().paper().unwrap().invalid, 1);
    assert!(bundle
        .minutes()
        .logic_and_accuracy_test()
        .contains("phiếu giấy"));
    // More issued than present: refused.
    assert!(back
        .paper_step(|p, _, limit| p.set_issued("81", limit))
        .is_err());
    let closed = Meeting {
        phase: Phase::Closed,
        ..back
    };
    assert!(closed.paper_step(|p, _, _| p.tap(0, Tap::Invalid)).is_err());
}
