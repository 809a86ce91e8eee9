//! The merge's tests: bundles of one poll merged, attendance per sitting, refusals.

use super::*;
use crate::ballot::{Answer, Ballot, Salt};
use crate::ballot_box::BallotBox;
use crate::poll::Poll;

const POLL: &str = include_str!("../../tests/data/example-poll.json");

/// A bundle of the example poll holding one ballot per `(choice, salt seed)`, with minutes at
/// `place`.
pub(crate) fn bundle(
    choices: &[(&str, u8)],
    total: u64,
    present: Option<u64>,
    place: &str,
) -> AuditBundle {
    let poll = Poll::from_json(POLL).unwrap();
    let mut b = BallotBox::new(poll.clone());
    for (choice, seed) in choices {
        let ballot = Ballot::new(
            &poll,
            vec![Answer::choice(*choice)],
            Salt::from_bytes([*seed; 16]),
        )
        .unwrap();
        b.cast(ballot).unwrap();
    }
    let minutes = Minutes::new(
        place.into(),
        "14 giờ, 12/4/2026".into(),
        vec!["An".into(), "Bình".into(), "Chi".into()],
        vec!["Dung".into(), "Em".into()],
        "Kiểm thử: đúng".into(),
    )
    .unwrap();
    AuditBundle::new(b, Electorate::new(total, present).unwrap(), minutes).unwrap()
}

/// Issue 22: the merge page names the boxes by their place in the list, never `boxes[1]`.
#[test]
fn a_refused_merge_names_boxes_by_their_place() {
    let b = bundle(&[("dong_y", 1)], 8, Some(8), "Nhà văn hóa");
    let e = merge_bundles(&[b.clone(), b.clone()]).unwrap_err();
    assert!(e.message(Lang::Vi).starts_with("boxes[1]"));
    assert_eq!(
        e.plain_message(Lang::Vi),
        format!(
            "Hòm thứ 2 trùng với hòm thứ 1 (mã kiểm tra hòm phiếu {}).",
            b.fingerprint().short()
        )
    );
    assert!(!e.plain_message(Lang::En).contains("boxes["));
}

#[test]
fn merging_two_boxes_equals_one_box_holding_every_ballot() {
    let a = bundle(
        &[("dong_y", 1), ("khong_dong_y", 2)],
        10,
        Some(6),
        "Nhà văn hóa",
    );
    let b = bundle(&[("dong_y", 3)], 10, Some(6), "Nhà văn hóa");
    let all = bundle(
        &[("dong_y", 1), ("khong_dong_y", 2), ("dong_y", 3)],
        10,
        Some(6),
        "Nhà văn hóa",
    );
    let merged = merge_bundles(&[a.clone(), b.clone()]).unwrap();
    assert_eq!(merged.bundle().to_json(), all.to_json());
    assert_eq!(merged.boxes(), &[BoxEntry::of(&a), BoxEntry::of(&b)]);
    assert_eq!(merged.boxes()[1].ballots(), 1);
}

#[test]
fn clusters_add_their_attendance_and_list_every_place() {
    let a = bundle(&[("dong_y", 1)], 10, Some(6), "Cụm 1");
    let b = bundle(&[("dong_y", 2)], 10, Some(3), "Cụm 2");
    let merged = merge_bundles(&[a, b]).unwrap();
    assert_eq!(merged.bundle().electorate().present(), Some(9));
    assert_eq!(merged.bundle().minutes().place(), "Cụm 1; Cụm 2");
    assert_eq!(merged.bundle().minutes().time(), "14 giờ, 12/4/2026");
}

/// Issue 16, item 4: two clusters of 14 present each are 28 present, so 10 agreeing of 28
/// present does not pass a present-based rule (it did, as 10 of 14, when equal numbers were
/// taken for tablets of one sitting).
#[test]
fn two_clusters_of_fourteen_are_twenty_eight_present() {
    let poll_json = POLL
        .replace("majority_households", "majority_present")
        .replace("self_governance", "procedural");
    let poll = Poll::from_json(&poll_json).unwrap();
    let make = |seeds: std::ops::Range<u8>, agree: u8, place: &str| {
        let mut b = BallotBox::new(poll.clone());
        for seed in seeds {
            let choice = if seed % 100 < agree {
                "dong_y"
            } else {
                "khong_dong_y"
            };
            let ballot = Ballot::new(
                &poll,
                vec![Answer::choice(choice)],
                Salt::from_bytes([seed; 16]),
            )
            .unwrap();
            b.cast(ballot).unwrap();
        }
        let minutes = Minutes::new(
            place.into(),
            "14 giờ, 12/4/2026".into(),
            vec![format!("An {place}"), "Bình".into(), "Chi".into()],
            vec![format!("Dung {place}"), "Em".into()],
            format!("Chạy thử {place}: đúng"),
        )
        .unwrap();
        AuditBundle::new(b, Electorate::new(40, Some(14)).unwrap(), minutes).unwrap()
    };
    // Cluster 1: 5 agree of 14 (seeds 0..14, agree below 5); cluster 2: 5 agree of 14.
    let one = make(0..14, 5, "Cụm 1");
    let two = make(100..114, 5, "Cụm 2");
    let merged = merge_bundles(&[one.clone(), two.clone()]).unwrap();
    let bundle = merged.bundle();
    assert_eq!(bundle.electorate().present(), Some(28));
    assert_eq!(bundle.outcomes()[0].result(), "failed");
    assert_eq!(bundle.outcomes()[0].figures(), (10, 28, None));
    // Every box's facts are kept: both boards, both witness lists, both test lines.
    let m = bundle.minutes();
    assert!(
        m.board().contains(&"An Cụm 1".to_owned()) && m.board().contains(&"An Cụm 2".to_owned())
    );
    assert_eq!(m.board().len(), 4);
    assert_eq!(m.witnesses().len(), 3);
    assert_eq!(
        m.logic_and_accuracy_test(),
        "Chạy thử Cụm 1: đúng; Chạy thử Cụm 2: đúng"
    );
    assert_eq!(merged.boxes()[1].minutes(), two.minutes());
    assert_eq!(merged.boxes()[0].minutes_code(), one.minutes_code());
    // The merged bundle verifies as it is written.
    assert!(AuditBundle::verify(&bundle.to_json()).is_ok());
    // Two tablets of one sitting (same place and time) count those present once, and must
    // agree on the number.
    let tablet = |seeds: std::ops::Range<u8>, present: u64| {
        let mut b = BallotBox::new(poll.clone());
        for seed in seeds {
            b.cast(
                Ballot::new(
                    &poll,
                    vec![Answer::choice("dong_y")],
                    Salt::from_bytes([seed; 16]),
                )
                .unwrap(),
            )
            .unwrap();
        }
        AuditBundle::new(
            b,
            Electorate::new(40, Some(present)).unwrap(),
            minutes_at("Nhà văn hóa"),
        )
        .unwrap()
    };
    let same = merge_bundles(&[tablet(0..3, 20), tablet(3..6, 20)]).unwrap();
    assert_eq!(same.bundle().electorate().present(), Some(20));
    let err = merge_bundles(&[tablet(0..3, 20), tablet(3..6, 21)]).unwrap_err();
    assert_eq!(err.path(), "boxes[1].electorate.present");
    assert!(err.message(Lang::Vi).contains("cùng một buổi họp"));
}

fn minutes_at(place: &str) -> Minutes {
    Minutes::new(
        place.into(),
        "14 giờ, 12/4/2026".into(),
        vec!["An".into(), "Bình".into(), "Chi".into()],
        vec!["Dung".into(), "Em".into()],
        "Chạy thử: đúng".into(),
    )
    .unwrap()
}

#[test]
fn the_same_box_twice_and_another_total_are_refused() {
    let a = bundle(&[("dong_y", 1)], 10, Some(10), "x");
    let err = merge_bundles(&[a.clone(), a.clone()]).unwrap_err();
    assert_eq!(err.index(), Some(1));
    assert!(err
        .message(Lang::Vi)
        .starts_with("boxes[1]: trùng với hòm boxes[0]"));
    let other = bundle(&[("dong_y", 2)], 12, Some(12), "x");
    let err = merge_bundles(&[a, other]).unwrap_err();
    assert_eq!(err.path(), "boxes[1].electorate.total");
    assert!(err.message(Lang::En).contains("12, but boxes[0] has 10"));
    assert!(err.message(Lang::Vi).contains("tổng số cử tri là 12"));
    assert_eq!(merge_bundles(&[]).unwrap_err().path(), "boxes");
}

#[test]
fn merging_one_box_gives_it_back() {
    let a = bundle(&[("dong_y", 1), ("khong_dong_y", 2)], 10, Some(6), "x");
    let merged = merge_bundles(std::slice::from_ref(&a)).unwrap();
    assert_eq!(merged.bundle(), &a);
}
