//! `phieu verify` on an audit bundle of 1,000,000 ballots, in-process, against
//! `openssl dgst -sha256` on the same file (issue 8; goal ≤ 5×), printed as figures (never a timed
//! test). The collector's ingest figures are `crates/collector/examples/bench_ingest.rs`.
//!
//! The workspace's release profile is tuned for a small wasm file (opt-level "z", fat LTO), so
//! run it with speed settings:
//!
//! ```sh
//! cargo run -p phieu-cli --example bench_verify --release \
//!   --config 'profile.release.opt-level=3' --config 'profile.release.lto="thin"' \
//!   --config 'profile.release.codegen-units=16' --config 'profile.release.panic="unwind"' \
//!   -- [BALLOTS]
//! ```
//!
//! BALLOTS (default 1,000,000) is the size of the bundle `phieu verify` reads.

use std::path::PathBuf;
use std::time::Instant;

use clap::Parser;

#[path = "../../core/examples/support/bench_bundle.rs"]
mod bench_bundle;

fn main() {
    let n_ballots: u64 = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1_000_000);
    let dir = std::env::temp_dir().join(format!("phieu-bench-verify-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path: PathBuf = dir.join("big.json");
    let t = Instant::now();
    let big = bench_bundle::bundle("Thôn Lớn", n_ballots, n_ballots);
    std::fs::write(&path, big.to_json()).expect("write");
    drop(big);
    let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    println!(
        "built a bundle of {n_ballots} ballots ({:.0} MiB) in {:.1} s",
        size as f64 / 1048576.0,
        t.elapsed().as_secs_f64()
    );
    let cli = phieu_cli::Cli::parse_from(["phieu", "verify", path.to_str().expect("path")]);
    let t = Instant::now();
    let status = phieu_cli::run(&cli, &mut std::io::sink()).expect("verify ran");
    let verify = t.elapsed();
    assert_eq!(status, phieu_cli::Status::Good);
    let t = Instant::now();
    let openssl = std::process::Command::new("openssl")
        .args(["dgst", "-sha256"])
        .arg(&path)
        .output();
    let hash = t.elapsed();
    match openssl {
        Ok(out) if out.status.success() => println!(
            "phieu verify: {:.2} s; openssl dgst -sha256: {:.2} s; ratio {:.1}×",
            verify.as_secs_f64(),
            hash.as_secs_f64(),
            verify.as_secs_f64() / hash.as_secs_f64()
        ),
        _ => println!(
            "phieu verify: {:.2} s; openssl not available for the comparison",
            verify.as_secs_f64()
        ),
    }
    let _ = std::fs::remove_dir_all(&dir);
}
