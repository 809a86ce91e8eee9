//! The audit bundle the benchmarks use, built with the core: the road-contribution poll of
//! `assets/polls/demo.json` (one `single` item) for any village, `ballots` ballots with fixed
//! salts — two in three "dong_y", one in three "khong_dong_y", and one in ten "Ý kiến khác"
//! with a free text, so that the free-text path is timed too.
//!
//! Shared by `crates/core/examples/verify_million.rs`, `crates/collector/examples/bench_ingest.rs`
//! and `crates/cli/examples/bench_verify.rs`, each including this file with `#[path]`: it is not part of any library, so it costs the
//! core's build nothing.

use phieu_core::{Answer, AuditBundle, Ballot, BallotBox, Electorate, Minutes, Poll, Salt};

const POLL: &str = include_str!("../../../../assets/polls/demo.json");

/// A box of `ballots` ballots for `village` of Xã Tam Hưng, `households` households.
pub fn bundle(village: &str, households: u64, ballots: u64) -> AuditBundle {
    let poll = Poll::from_json(&POLL.replace("Thôn Đồng Tâm", village)).expect("poll");
    let mut bx = BallotBox::new(poll.clone());
    let options = ["dong_y", "dong_y", "khong_dong_y"];
    for i in 0..ballots {
        let answer = if i % 10 == 9 {
            Answer::Choice {
                option: "y_kien_khac".into(),
                free_text: Some(format!("Ý kiến \"số\" {}", i % 17)),
            }
        } else {
            Answer::choice(options[(i % 3) as usize])
        };
        let mut salt = [0u8; 16];
        salt[8..].copy_from_slice(&i.to_be_bytes());
        let ballot = Ballot::new(&poll, vec![answer], Salt::from_bytes(salt)).expect("ballot");
        bx.cast(ballot).expect("cast");
    }
    let minutes = Minutes::new(
        "Nhà văn hóa".into(),
        "14 giờ 00, ngày 12/4/2026".into(),
        vec!["An".into(), "Bình".into(), "Cường".into()],
        vec!["Dung".into(), "Em".into()],
        String::new(),
    )
    .expect("minutes");
    AuditBundle::new(
        bx,
        Electorate::new(households, Some(households)).expect("electorate"),
        minutes,
    )
    .expect("bundle")
}
