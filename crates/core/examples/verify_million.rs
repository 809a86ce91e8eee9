//! Times `AuditBundle::verify` on a bundle of 1,000,000 ballots (issue 4: within 5× of
//! `openssl dgst -sha256` on the same file), without building the CLI and its server. The
//! bundle has the shape of `crates/cli/examples/bench_ingest.rs` (one `single` item, two thirds
//! "dong_y"), plus one ballot in ten with an "Ý kiến khác" free text, so that the free-text
//! path is timed too. Prints figures; it is never a test.
//!
//! The workspace's release profile is tuned for a small wasm file (opt-level "z"), so run it
//! with speed settings:
//!
//! ```sh
//! cargo run -p phieu-core --example verify_million --release \
//!   --config 'profile.release.opt-level=3' --config 'profile.release.lto="thin"' \
//!   --config 'profile.release.codegen-units=16' --config 'profile.release.panic="unwind"' \
//!   -- [BALLOTS]
//! ```

use std::path::{Path, PathBuf};
use std::time::Instant;

use phieu_core::{Answer, AuditBundle, Ballot, BallotBox, Electorate, Minutes, Poll, Salt};

fn salt(n: u64) -> Salt {
    let mut b = [0u8; 16];
    b[8..].copy_from_slice(&n.to_be_bytes());
    Salt::from_bytes(b)
}

fn main() {
    let n: u64 = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1_000_000);
    // PHIEU_BUNDLE=FILE keeps the bundle there and reuses it on the next run (to profile the
    // verification alone).
    let keep = std::env::var_os("PHIEU_BUNDLE").map(PathBuf::from);
    let dir = std::env::temp_dir().join(format!("phieu-verify-{}", std::process::id()));
    let path = keep.clone().unwrap_or_else(|| dir.join("big.json"));
    if !path.exists() {
        build(n, &path);
    }

    let mut best = f64::MAX;
    for _ in 0..3 {
        let t = Instant::now();
        let json = std::fs::read_to_string(&path).expect("read");
        let verified = AuditBundle::verify(&json).expect("verify");
        let elapsed = t.elapsed().as_secs_f64();
        assert!(verified.tally().ballots() > 0);
        drop(verified);
        best = best.min(elapsed);
    }
    let mut hash = f64::MAX;
    for _ in 0..3 {
        let t = Instant::now();
        let out = std::process::Command::new("openssl")
            .args(["dgst", "-sha256"])
            .arg(&path)
            .output();
        if !out.is_ok_and(|o| o.status.success()) {
            hash = f64::NAN;
            break;
        }
        hash = hash.min(t.elapsed().as_secs_f64());
    }
    println!(
        "read + verify (best of 3): {best:.2} s; openssl dgst -sha256 (best of 3): {hash:.2} s; ratio {:.1}×",
        best / hash
    );
    if keep.is_none() {
        let _ = std::fs::remove_dir_all(&dir);
    }
}

fn build(n: u64, path: &Path) {
    let poll = Poll::from_json(include_str!("../../../assets/polls/demo.json")).expect("poll");
    let t = Instant::now();
    let mut bx = BallotBox::new(poll.clone());
    let options = ["dong_y", "dong_y", "khong_dong_y"];
    for i in 0..n {
        let answer = if i % 10 == 9 {
            Answer::Choice {
                option: "y_kien_khac".into(),
                free_text: Some(format!("Ý kiến \"số\" {}", i % 17)),
            }
        } else {
            Answer::choice(options[(i % 3) as usize])
        };
        let ballot = Ballot::new(&poll, vec![answer], salt(i)).expect("ballot");
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
    let bundle = AuditBundle::new(bx, Electorate::new(n, None).expect("electorate"), minutes)
        .expect("bundle");
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).expect("temp dir");
    }
    std::fs::write(path, bundle.to_json()).expect("write");
    let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    println!(
        "built a bundle of {n} ballots ({:.0} MiB) in {:.1} s",
        size as f64 / 1048576.0,
        t.elapsed().as_secs_f64()
    );
}
