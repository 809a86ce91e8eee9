//! Times `AuditBundle::verify` on a bundle of 1,000,000 ballots (issue 4: within 5× of
//! `openssl dgst -sha256` on the same file), without building the CLI and its server. The
//! bundle is the benchmarks' own (`support/bench_bundle.rs`, shared with
//! `crates/cli/examples/bench_verify.rs` and `crates/collector/examples/bench_ingest.rs`): one
//! `single` item, two thirds "dong_y", one ballot in ten with an "Ý kiến khác" free text. Prints figures; it is never a test.
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

use phieu_core::AuditBundle;

#[path = "support/bench_bundle.rs"]
mod bench_bundle;

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
    let t = Instant::now();
    let bundle = bench_bundle::bundle("Thôn Đồng Tâm", n, n);
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
