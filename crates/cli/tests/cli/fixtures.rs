//! Bundles built with the core (fixed minutes, random salts kept in tests/data/fixture-salts.json
//! so they are reproducible), so that the files under tests/data/ can be regenerated and
//! compared byte for byte: `fixtures_are_current` fails when they drift, and
//! `PHIEU_BLESS=1 cargo test -p phieu-cli` rewrites them.

use std::path::{Path, PathBuf};

#[path = "../../../../tests/support/fixture_salts.rs"]
mod fixture_salts;

use phieu_core::{Answer, AuditBundle, Ballot, BallotBox, Electorate, Minutes, Poll, Salt};

/// crates/cli/tests/data, also from the collector's tests, which include this file.
pub fn data() -> PathBuf {
    let crates = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    crates.join("cli/tests/data")
}

pub fn blessing() -> bool {
    std::env::var_os("PHIEU_BLESS").is_some()
}

/// Compares `actual` with the file `name` under tests/data, or writes it when blessing.
pub fn check_file(name: &str, actual: &str) {
    let path = data().join(name);
    if blessing() {
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (run with PHIEU_BLESS=1 to create it)",
            path.display()
        )
    });
    assert!(
        expected == actual,
        "{name} differs from what the code produces now (PHIEU_BLESS=1 rewrites it):\n--- expected\n{expected}\n--- actual\n{actual}"
    );
}

/// The road-contribution poll (two_thirds_households) of one village of Xã Tam Hưng; the
/// poll id is shared by every village, which is what a commune roll-up groups by.
pub fn poll(village: &str) -> Poll {
    let json = std::fs::read_to_string(data().join("poll-road.json"))
        .unwrap()
        .replace("Thôn Đồng Tâm", village);
    Poll::from_json(&json).unwrap()
}

/// The salt of fixture ballot `n` (`fixture_salts::salt`: random, drawn once and kept).
pub fn salt(n: u32) -> Salt {
    fixture_salts::salt(&data().join("fixture-salts.json"), &format!("{n:04}"))
}

/// One ballot per (salt number, answer): "agree", "disagree" or any other text as "other
/// opinion" with that free text.
pub fn bundle(village: &str, households: u64, place: &str, ballots: &[(u32, &str)]) -> AuditBundle {
    let poll = poll(village);
    let mut bx = BallotBox::new(poll.clone());
    for (n, answer) in ballots {
        let a = match *answer {
            "agree" => Answer::choice("dong_y"),
            "disagree" => Answer::choice("khong_dong_y"),
            text => Answer::Choice {
                option: "y_kien_khac".into(),
                free_text: Some(text.into()),
            },
        };
        bx.cast(Ballot::new(&poll, vec![a], salt(*n)).unwrap())
            .unwrap();
    }
    let minutes = Minutes::new(
        place.into(),
        "14 giờ 00, ngày 12/4/2026".into(),
        vec![
            "Nguyễn Văn An".into(),
            "Trần Thị Bình".into(),
            "Lê Văn Cường".into(),
        ],
        vec!["Phạm Thị Dung".into(), "Hoàng Văn Em".into()],
        "Chạy thử: 3 phiếu mẫu, kết quả đúng".into(),
    )
    .unwrap();
    // Those present: everyone who voted (a cluster alone may be short of the village's quorum;
    // merged, the clusters' attendance adds up).
    let present = (ballots.len() as u64).min(households);
    AuditBundle::new(
        bx,
        Electorate::new(households, Some(present)).unwrap(),
        minutes,
    )
    .unwrap()
}

fn agree(from: u32, count: u32) -> Vec<(u32, &'static str)> {
    (from..from + count).map(|n| (n, "agree")).collect()
}

/// The receipt code of the first ballot (in commitment order) of `bundle`'s box.
pub fn first_receipt(bundle: &AuditBundle) -> String {
    bundle
        .ballot_box()
        .ballots()
        .next()
        .unwrap()
        .receipt()
        .to_string()
}

/// Đồng Tâm, 12 households, 9 ballots: 8 agree (8 × 3 ≥ 12 × 2: passes), 1 other opinion.
pub fn good() -> AuditBundle {
    let mut b = agree(1, 8);
    b.push((9, "Góp 300.000 đồng"));
    bundle("Thôn Đồng Tâm", 12, "Nhà văn hóa thôn Đồng Tâm", &b)
}

/// Cluster 1 of Đồng Tâm: 5 ballots.
pub fn cluster_a() -> AuditBundle {
    let mut b = agree(101, 4);
    b.push((105, "disagree"));
    bundle("Thôn Đồng Tâm", 12, "Cụm dân cư số 1", &b)
}

/// Cluster 2 of Đồng Tâm: 4 ballots.
pub fn cluster_b() -> AuditBundle {
    bundle("Thôn Đồng Tâm", 12, "Cụm dân cư số 2", &agree(201, 4))
}

/// A box that holds ballot 105 of cluster 1 again.
pub fn overlap() -> AuditBundle {
    bundle(
        "Thôn Đồng Tâm",
        12,
        "Cụm dân cư số 3",
        &[(105, "disagree"), (301, "agree")],
    )
}

/// Replaces the `nth` (0-based) occurrence of `from` in `s`.
pub fn replace_nth(s: &str, from: &str, to: &str, nth: usize) -> String {
    let (i, _) = s
        .match_indices(from)
        .nth(nth)
        .expect("occurrence to replace");
    format!("{}{to}{}", &s[..i], &s[i + from.len()..])
}

/// Every committed fixture, by file name.
pub fn all() -> Vec<(&'static str, String)> {
    let good = good().to_json();
    let summary = self::good().public_summary().to_json();
    // The claimed count of "agree" in the tally: 8 → 9.
    let tampered_count = replace_nth(&good, "\"count\": 8", "\"count\": 9", 0);
    // The first ballot's answer changed from "agree" to "disagree" after it was committed.
    let at = good.find("\"ballots\": [").unwrap();
    let tampered_ballot = format!(
        "{}{}",
        &good[..at],
        replace_nth(
            &good[at..],
            "\"option\": \"dong_y\"",
            "\"option\": \"khong_dong_y\"",
            0
        )
    );
    // One "agree" moved to "disagree", the outcome, its sentences and the minutes code made to
    // agree with it by a forger: alone it verifies, against the audit bundle or the code on the
    // paper it does not.
    let moved = replace_nth(
        &replace_nth(&summary, "\"count\": 8\n", "\"count\": 7\n", 0),
        "\"count\": 0\n",
        "\"count\": 1\n",
        0,
    );
    let tampered_summary = fixture_salts::forge_summary(&moved).expect("a consistent forgery");
    vec![
        ("good.json", good),
        ("good-summary.json", summary),
        ("tampered-count.json", tampered_count),
        ("tampered-ballot.json", tampered_ballot),
        ("tampered-summary.json", tampered_summary),
        ("cluster-a.json", cluster_a().to_json()),
        ("cluster-b.json", cluster_b().to_json()),
        ("overlap.json", overlap().to_json()),
    ]
}
