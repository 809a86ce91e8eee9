//! Items voted by hands or on paper: their checks, the tablet hiding them, and their counts in
//! the bundle, its verification and its minutes code.

use super::*;
use crate::ballot::{Answer, Ballot, BallotError, Salt};
use crate::ballot_box::BallotBox;
use crate::bundle::{AuditBundle, VerifyError};
use crate::minutes::Minutes;
use crate::rule::{Electorate, OutcomeError};

const TWO_ITEMS: &str = include_str!("../../../../assets/templates/dong-gop-cong-trinh.json");
const BOARD: &str = include_str!("../../../../assets/templates/bau-ban-giam-sat.json");
const CONFIDENCE: &str = include_str!("../../../../assets/templates/bo-phieu-tin-nhiem.json");

fn poll(json: &str) -> Poll {
    Poll::from_json(json).unwrap()
}

fn hands(item: &str, counts: &[u64], blank: u64) -> CountedItem {
    CountedItem {
        item: item.into(),
        by: By::Hands,
        counts: counts.to_vec(),
        blank,
    }
}

fn paper(item: &str, counts: &[u64], blank: u64) -> CountedItem {
    CountedItem {
        by: By::Paper,
        ..hands(item, counts, blank)
    }
}

fn electorate() -> Electorate {
    Electorate::new(100, Some(80)).unwrap()
}

/// A meeting of 100 households, 80 present, voting the first item on the tablet (`tablet`
/// ballots agreeing) and the second by hands.
fn mixed(tablet: u64, counts: &[u64], blank: u64) -> Result<AuditBundle, OutcomeError> {
    let poll = poll(TWO_ITEMS);
    let counted = Counted::new(vec![hands("muc_dong_gop", counts, blank)], None);
    let minutes = Minutes::default()
        .with_counted(counted, &poll, &electorate())
        .map_err(OutcomeError::Counted)?;
    let on_tablet = poll.voted_elsewhere(["muc_dong_gop"]);
    let mut the_box = BallotBox::new(on_tablet.clone());
    for i in 0..tablet {
        let answers = vec![Answer::choice("dong_y"), Answer::Blank];
        let ballot = Ballot::new(&on_tablet, answers, Salt::from_bytes([i as u8; 16])).unwrap();
        the_box.cast(ballot).unwrap();
    }
    AuditBundle::new(the_box, electorate(), minutes)
}

#[test]
fn the_tablet_does_not_ask_an_item_voted_by_hands() {
    let poll = poll(TWO_ITEMS).voted_elsewhere(["muc_dong_gop"]);
    assert_eq!(poll.hash(), self::poll(TWO_ITEMS).hash());
    assert!(poll.is_voted_elsewhere(1) && !poll.is_voted_elsewhere(0));
    assert!(!crate::ballot::is_shown(
        &poll,
        &[Answer::Blank, Answer::Blank],
        1
    ));
    let answered = vec![Answer::choice("dong_y"), Answer::choice("dong_y")];
    assert!(matches!(
        Ballot::new(&poll, answered, Salt::from_bytes([1; 16])),
        Err(BallotError::Hidden { index: 1, .. })
    ));
}

#[test]
fn hands_and_tablet_in_one_meeting_verify_and_decide_on_the_total() {
    let bundle = mixed(70, &[67, 5, 3], 5).unwrap();
    // The tablet's 70 agree on the first item; 67 hands of 100 households meet two thirds.
    assert_eq!(bundle.tally().items()[0].counts(), &[70, 0, 0]);
    assert_eq!(bundle.tally().items()[1].counts(), &[67, 5, 3]);
    assert_eq!(bundle.tally().items()[1].blank(), 5);
    assert_eq!(bundle.tally().ballots(), 70);
    assert!(bundle.outcomes().iter().all(|o| o.passed()));
    let json = bundle.to_json();
    assert!(json.contains("\"by\": \"hands\""));
    let back = AuditBundle::verify(&json).unwrap();
    assert_eq!(back, bundle);
    assert_eq!(back.minutes().counted().by("muc_dong_gop"), Some(By::Hands));
    let summary = bundle.public_summary();
    let summary_back = crate::bundle::PublicSummary::verify(&summary.to_json()).unwrap();
    assert_eq!(summary_back.tally().items()[1].counts(), &[67, 5, 3]);
    assert_eq!(summary_back.minutes_code(), bundle.minutes_code());
    // 66 hands of 100 is short of two thirds, however the tablet voted.
    let short = mixed(70, &[66, 6, 3], 5).unwrap();
    assert!(!short.outcomes()[1].passed(), "{:?}", short.outcomes());
}

#[test]
fn a_count_changed_after_signing_breaks_the_minutes_code() {
    let json = mixed(70, &[67, 5, 3], 5).unwrap().to_json();
    // Two hands moved from "không đồng ý" to "đồng ý", in the minutes and the tally alike.
    let edited = json.replacen(
        "\"counts\": [\n            67,\n            5,",
        "\"counts\": [\n            69,\n            3,",
        1,
    );
    assert!(edited != json, "the counts are written as expected");
    let edited = edited
        .replacen("\"count\": 67", "\"count\": 69", 1)
        .replacen("\"count\": 5", "\"count\": 3", 1);
    match AuditBundle::verify(&edited) {
        Err(VerifyError::Mismatch(found)) => assert!(
            found.iter().any(|d| d.path().contains("minutes_code")),
            "{found:?}"
        ),
        other => panic!("{other:?}"),
    }
    // The method changed from hands to paper: refused (no paper ballots were counted).
    let by_paper = json.replacen("\"by\": \"hands\"", "\"by\": \"paper\"", 1);
    assert!(matches!(
        AuditBundle::verify(&by_paper),
        Err(VerifyError::Parse(crate::bundle::BundleError::Counted(
            CountedError::PaperMissing
        )))
    ));
}

#[test]
fn a_bundle_without_counted_items_is_unchanged() {
    // Every bundle of the tablet alone keeps its bytes and its minutes code.
    let demo = include_str!("../../tests/data/demo-audit-bundle.json");
    let bundle = AuditBundle::verify(demo).unwrap();
    assert_eq!(bundle.to_json(), demo);
    assert!(!demo.contains("counted"));
}

#[test]
fn hands_must_add_up_to_those_present() {
    let e = mixed(0, &[60, 5, 3], 5).unwrap_err();
    assert!(
        matches!(
            e,
            OutcomeError::Counted(CountedError::HandsNotPresent { present: 80, .. })
        ),
        "{e:?}"
    );
    assert!(
        e.message(Lang::Vi).contains("80 người có mặt"),
        "{}",
        e.message(Lang::Vi)
    );
    let no_present = Counted::new(vec![hands("chu_truong", &[1, 0, 0], 0)], None);
    assert_eq!(
        no_present.check(&poll(TWO_ITEMS), None, 100),
        Err(CountedError::PresentRequired { index: 0 })
    );
}

#[test]
fn what_cannot_be_voted_by_hands_is_refused() {
    let e = electorate();
    let check = |json: &str, c: CountedItem| {
        Counted::new(vec![c], None).check(&poll(json), e.present(), e.total())
    };
    // Confidence votes are secret (L87 63–64).
    let confidence_item = poll(CONFIDENCE).items()[0].id().to_owned();
    assert!(matches!(
        check(CONFIDENCE, hands(&confidence_item, &[40, 40], 0)),
        Err(CountedError::SecretOnly { .. })
    ));
    // Several candidates at once cannot be shown by one raised hand.
    let counts = [10u64; 7];
    assert!(matches!(
        check(BOARD, hands("ban_giam_sat", &counts, 10)),
        Err(CountedError::HandsOneOption { .. })
    ));
    assert!(matches!(
        check(TWO_ITEMS, hands("khong_co", &[80, 0, 0], 0)),
        Err(CountedError::UnknownItem { .. })
    ));
    assert!(matches!(
        check(TWO_ITEMS, hands("chu_truong", &[80, 0], 0)),
        Err(CountedError::Options {
            expected: 3,
            found: 2,
            ..
        })
    ));
    let twice = Counted::new(
        vec![
            hands("muc_dong_gop", &[80, 0, 0], 0),
            hands("chu_truong", &[80, 0, 0], 0),
        ],
        None,
    );
    assert!(matches!(
        twice.check(&poll(TWO_ITEMS), e.present(), e.total()),
        Err(CountedError::Order { index: 1, .. })
    ));
}

#[test]
fn paper_counts_add_up_to_the_valid_paper_ballots() {
    let board = poll(BOARD);
    let e = electorate();
    let figures = PaperBallots {
        issued: 78,
        returned: 76,
        invalid: 2,
    };
    // 74 valid ballots: 4 left it blank, 70 chose 1 to 5 candidates each.
    let ok = Counted::new(
        vec![paper("ban_giam_sat", &[60, 55, 50, 40, 30, 20, 10], 4)],
        Some(figures),
    );
    assert_eq!(ok.check(&board, e.present(), e.total()), Ok(()));
    let too_many = Counted::new(
        vec![paper("ban_giam_sat", &[70, 70, 70, 70, 70, 70, 10], 4)],
        Some(figures),
    );
    assert!(matches!(
        too_many.check(&board, e.present(), e.total()),
        Err(CountedError::PaperNotValid { valid: 74, .. })
    ));
    let missing = Counted::new(
        vec![paper("ban_giam_sat", &[60, 0, 0, 0, 0, 0, 0], 4)],
        None,
    );
    assert_eq!(
        missing.check(&board, e.present(), e.total()),
        Err(CountedError::PaperMissing)
    );
    let returned_above_issued = Counted::new(
        vec![paper("ban_giam_sat", &[74, 0, 0, 0, 0, 0, 0], 0)],
        Some(PaperBallots {
            issued: 70,
            ..figures
        }),
    );
    assert!(matches!(
        returned_above_issued.check(&board, e.present(), e.total()),
        Err(CountedError::PaperFigures { .. })
    ));
    let above_present = Counted::new(
        vec![paper("ban_giam_sat", &[74, 0, 0, 0, 0, 0, 0], 0)],
        Some(PaperBallots {
            issued: 90,
            ..figures
        }),
    );
    assert!(matches!(
        above_present.check(&board, e.present(), e.total()),
        Err(CountedError::PaperAbovePresent { limit: 80, .. })
    ));
}

#[test]
fn a_meeting_all_on_paper_has_no_tablet_ballot_and_verifies() {
    let board = poll(BOARD);
    let counted = Counted::new(
        vec![paper("ban_giam_sat", &[60, 55, 50, 40, 30, 20, 10], 4)],
        Some(PaperBallots {
            issued: 78,
            returned: 76,
            invalid: 2,
        }),
    );
    assert!(counted.covers(&board));
    let minutes = Minutes::default()
        .with_counted(counted, &board, &electorate())
        .unwrap();
    let the_box = BallotBox::new(board.voted_elsewhere(["ban_giam_sat"]));
    let bundle = AuditBundle::new(the_box, electorate(), minutes).unwrap();
    let json = bundle.to_json();
    assert!(json.contains("\"ballots\": [],"));
    assert!(json.contains("\"returned\": 76"));
    assert_eq!(AuditBundle::verify(&json).unwrap(), bundle);
    // The tablet's own poll must hide what the minutes say was voted elsewhere.
    let unhidden = AuditBundle::new(
        BallotBox::new(board.clone()),
        electorate(),
        bundle.minutes().clone(),
    );
    assert!(matches!(
        unhidden,
        Err(OutcomeError::Counted(CountedError::NotHidden { .. }))
    ));
}

/// Every line of the minutes' layout as text, to search.
fn minutes_text(bundle: &AuditBundle, lang: Lang) -> String {
    let layout = crate::minutes::layout::minutes_layout(
        crate::minutes::layout::Record::of_audit(bundle),
        lang,
    );
    format!("{layout:?}")
}

#[test]
fn the_minutes_say_how_each_item_was_voted() {
    let mixed = mixed(70, &[67, 5, 3], 5).unwrap();
    let text = minutes_text(&mixed, Lang::Vi);
    assert!(
        text.contains("Biểu quyết công khai bằng hình thức giơ tay"),
        "{text}"
    );
    assert!(text.contains("Số người giơ tay"));
    // The tablet's ballots are still stated, and no paper figure is.
    assert!(text.contains("Số phiếu hợp lệ") && !text.contains("phiếu giấy"));
    assert!(minutes_text(&mixed, Lang::En).contains("Voted openly by a show of hands"));

    let board = poll(BOARD);
    let counted = Counted::new(
        vec![paper("ban_giam_sat", &[60, 55, 50, 40, 30, 20, 10], 4)],
        Some(PaperBallots {
            issued: 78,
            returned: 76,
            invalid: 2,
        }),
    );
    let minutes = Minutes::default()
        .with_counted(counted, &board, &electorate())
        .unwrap();
    let the_box = BallotBox::new(board.voted_elsewhere(["ban_giam_sat"]));
    let on_paper = AuditBundle::new(the_box, electorate(), minutes).unwrap();
    let text = minutes_text(&on_paper, Lang::Vi);
    for words in [
        "Số phiếu giấy phát ra\", \"78\"",
        "Số phiếu giấy thu vào\", \"76\"",
        "Số phiếu giấy hợp lệ\", \"74\"",
        "Số phiếu giấy không hợp lệ\", \"2\"",
        "hai người đếm độc lập",
        "Bỏ phiếu kín bằng phiếu giấy, kiểm phiếu bằng máy tính bảng",
    ] {
        assert!(text.contains(words), "{words} not in {text}");
    }
    // The tablet took no ballot: its figures are not printed as zeros.
    assert!(!text.contains("Số phiếu trắng"), "{text}");
}

#[test]
fn counted_items_are_not_merged_with_other_boxes_but_one_box_keeps_them() {
    let a = mixed(70, &[67, 5, 3], 5).unwrap();
    let alone = crate::merge::merge_bundles(std::slice::from_ref(&a)).unwrap();
    assert_eq!(alone.bundle().to_json(), a.to_json());
    let demo =
        AuditBundle::verify(include_str!("../../tests/data/demo-audit-bundle.json")).unwrap();
    let e = crate::merge::merge_bundles(&[demo, a]).unwrap_err();
    assert!(
        matches!(e, crate::merge::MergeBundlesError::Counted { index: 1 }),
        "{e:?}"
    );
    assert!(e.plain_message(Lang::Vi).contains("Hòm thứ 2"));
}

/// Two meetings of one poll whose tablet took no ballot are two boxes, never one: a collector
/// keys boxes by their fingerprint (found by the three-meetings journey: the second meeting all
/// by hands was "already sent").
#[test]
fn meetings_without_tablet_ballots_have_their_own_fingerprint() {
    let poll = poll(TWO_ITEMS);
    let all = ["chu_truong", "muc_dong_gop"];
    let bundle = |time: &str, agree: u64| {
        let counted = Counted::new(
            all.iter()
                .map(|id| hands(id, &[agree, 80 - agree, 0], 0))
                .collect(),
            None,
        );
        let minutes = Minutes::new(
            "Nhà văn hóa".into(),
            time.into(),
            vec![],
            vec![],
            String::new(),
        )
        .unwrap()
        .with_counted(counted, &poll, &electorate())
        .unwrap();
        AuditBundle::new(
            BallotBox::new(poll.voted_elsewhere(all)),
            electorate(),
            minutes,
        )
        .unwrap()
    };
    let a = bundle("8 giờ, 1/12/2026", 70);
    let b = bundle("8 giờ, 2/12/2026", 70);
    let c = bundle("8 giờ, 1/12/2026", 71);
    assert_ne!(a.fingerprint(), b.fingerprint());
    assert_ne!(a.fingerprint(), c.fingerprint());
    assert_ne!(a.fingerprint(), a.ballot_box().fingerprint());
    for x in [&a, &b, &c] {
        let back = AuditBundle::verify(&x.to_json()).unwrap();
        assert_eq!(back.fingerprint(), x.fingerprint());
        let summary = crate::bundle::PublicSummary::verify(&x.public_summary().to_json()).unwrap();
        assert_eq!(summary.fingerprint(), x.fingerprint());
    }
}
