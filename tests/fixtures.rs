//! Fixture bundles for the browser tests and journeys (`tests/data/*.json`), built with the core
//! so they are reproducible and cannot drift from the format: this test rebuilds each one and
//! compares it byte for byte. Run with `PHIEU_BLESS=1` to rewrite them after an intended format
//! change.
//!
//! Their salts are random, drawn from the operating system as the app draws its own from
//! `crypto.getRandomValues` (issue 15): with salts 0101…, 0202… anyone could open every
//! commitment of a public summary by trying the demo's three answers. Each ballot's salt is drawn
//! once, kept in `tests/data/fixture-salts.json` by the ballot's number, and reused, so the files
//! stay reproducible; blessing draws a salt only for a ballot that has none yet.
//!
//! - `demo-tablet-a.json`, `demo-tablet-b.json`: two tablets of the demo poll at one sitting;
//! - `demo-all.json`: one box holding the ballots of both (what merging them must give), and
//!   `demo-all-summary.json`, its public summary;
//! - `survey.json`: the satisfaction survey, with scales, free text, a multiple choice and a number;
//! - `other-poll.json`: a box of another poll, which a merge must refuse.

use std::path::PathBuf;

#[path = "support/fixture_salts.rs"]
mod fixture_salts;

use phieu_core::report::merge_bundles;
use phieu_core::{Answer, AuditBundle, Ballot, BallotBox, Electorate, Minutes, Poll, Salt};

const DEMO: &str = include_str!("../assets/polls/demo.json");
const SURVEY: &str = include_str!("../crates/core/tests/data/survey-poll.json");
const EXAMPLE: &str = include_str!("../crates/core/tests/data/example-poll.json");

fn minutes() -> Minutes {
    Minutes::new(
        "Nhà văn hóa thôn Đồng Tâm".into(),
        "14 giờ 00, ngày 12 tháng 4 năm 2026".into(),
        vec![
            "Nguyễn Văn An".into(),
            "Trần Thị Bích".into(),
            "Lê Văn Cường".into(),
        ],
        vec!["Phạm Thị Dung".into(), "Hoàng Văn Em".into()],
        "Đã chạy thử máy trước khi bỏ phiếu: 3 phiếu thử, kết quả khớp.".into(),
    )
    .and_then(|m| {
        m.with_proceedings(
            "Nguyễn Văn Hòa".into(),
            "Đỗ Thị Lan".into(),
            "15 giờ 30, ngày 12 tháng 4 năm 2026".into(),
            String::new(),
        )
    })
    .expect("fixture minutes are valid")
}

/// The salt of fixture ballot `seed` (`fixture_salts::salt`).
fn salt(seed: u8) -> Salt {
    let file = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/fixture-salts.json");
    fixture_salts::salt(&file, &format!("{seed:03}"))
}

fn bundle(poll: &str, ballots: &[(u8, Vec<Answer>)], total: u64, present: u64) -> AuditBundle {
    let poll = Poll::from_json(poll).expect("fixture poll is valid");
    let mut ballot_box = BallotBox::new(poll.clone());
    for (seed, answers) in ballots {
        let ballot =
            Ballot::new(&poll, answers.clone(), salt(*seed)).expect("fixture ballot is valid");
        ballot_box
            .cast(ballot)
            .expect("fixture ballots are distinct");
    }
    AuditBundle::new(
        ballot_box,
        Electorate::new(total, Some(present)).expect("fixture electorate is valid"),
        minutes(),
    )
    .expect("fixture bundle closes")
}

fn other(text: &str) -> Answer {
    Answer::Choice {
        option: "y_kien_khac".into(),
        free_text: Some(text.into()),
    }
}

fn tablet_a() -> Vec<(u8, Vec<Answer>)> {
    let mut v: Vec<_> = (1..=4)
        .map(|s| (s, vec![Answer::choice("dong_y")]))
        .collect();
    v.push((5, vec![Answer::choice("khong_dong_y")]));
    v.push((6, vec![other("Nên góp 300.000 đồng")]));
    v
}

fn tablet_b() -> Vec<(u8, Vec<Answer>)> {
    let mut v: Vec<_> = (7..=10)
        .map(|s| (s, vec![Answer::choice("dong_y")]))
        .collect();
    v.push((11, vec![Answer::choice("khong_dong_y")]));
    v
}

fn survey() -> AuditBundle {
    let s = |option: &str| Answer::choice(option);
    let areas = |options: &[&str], free_text: Option<&str>| Answer::Choices {
        options: options.iter().map(|o| (*o).to_owned()).collect(),
        free_text: free_text.map(String::from),
    };
    let ballots = vec![
        (
            21,
            vec![
                s("rat_hai_long"),
                Answer::Blank,
                areas(&["duong"], None),
                Answer::Number(4),
            ],
        ),
        (
            22,
            vec![
                s("hai_long"),
                Answer::Blank,
                areas(&["duong", "nuoc"], None),
                Answer::Number(5),
            ],
        ),
        (
            23,
            vec![
                s("khong_hai_long"),
                Answer::Text("Đường còn lầy lội".into()),
                areas(&["duong", "khac"], Some("Đèn đường")),
                Answer::Number(3),
            ],
        ),
        (
            24,
            vec![
                s("binh_thuong"),
                Answer::Blank,
                Answer::Blank,
                Answer::Blank,
            ],
        ),
        (
            25,
            vec![
                s("rat_khong_hai_long"),
                Answer::Text("Chưa có nước sạch".into()),
                areas(&["nuoc"], None),
                Answer::Number(6),
            ],
        ),
        (
            26,
            vec![
                s("hai_long"),
                Answer::Blank,
                areas(&["khac"], Some("Chợ")),
                Answer::Number(2),
            ],
        ),
    ];
    bundle(SURVEY, &ballots, 10, 8)
}

fn check(name: &str, actual: &str) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name);
    if std::env::var_os("PHIEU_BLESS").is_some() {
        std::fs::write(&path, actual).expect("tests/data is writable");
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (run with PHIEU_BLESS=1 to write it)",
            path.display()
        )
    });
    assert!(
        expected == actual,
        "{name} is stale: run with PHIEU_BLESS=1"
    );
}

#[test]
fn fixture_bundles_are_current() {
    let a = bundle(DEMO, &tablet_a(), 12, 11);
    let b = bundle(DEMO, &tablet_b(), 12, 11);
    let all: Vec<_> = tablet_a().into_iter().chain(tablet_b()).collect();
    let all = bundle(DEMO, &all, 12, 11);
    check("demo-tablet-a.json", &a.to_json());
    check("demo-tablet-b.json", &b.to_json());
    check("demo-all.json", &all.to_json());
    // The example portal publishes the same box (examples/portal/index.html, results mode).
    let portal = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("examples/portal/ket-qua-thon-dong-tam.json");
    if std::env::var_os("PHIEU_BLESS").is_some() {
        std::fs::write(&portal, all.to_json()).expect("examples/portal is writable");
    }
    assert_eq!(
        std::fs::read_to_string(&portal).ok().as_deref(),
        Some(all.to_json().as_str()),
        "examples/portal/ket-qua-thon-dong-tam.json is stale: run with PHIEU_BLESS=1"
    );
    check("demo-all-summary.json", &all.public_summary().to_json());
    check("survey.json", &survey().to_json());
    let example = vec![
        (31, vec![Answer::choice("dong_y")]),
        (32, vec![Answer::choice("khong_dong_y")]),
    ];
    check(
        "other-poll.json",
        &bundle(EXAMPLE, &example, 12, 11).to_json(),
    );

    // The journeys rely on this: merging the two tablets gives the one box, byte for byte.
    let merged = merge_bundles(&[a, b]).expect("the tablets merge");
    assert_eq!(merged.bundle().to_json(), all.to_json());
}
