//! Benchmarks for issue 8, printed as figures (never a timed test):
//!
//! 1. `phieu collect` ingest on loopback, SQLite: distinct bundles posted by 8 concurrent
//!    clients (bundles stored per second), then the same bundles again (idempotent answers per
//!    second). Goal ≥ 1,000/s.
//! 2. `phieu verify` on an audit bundle of 1,000,000 ballots, against `openssl dgst -sha256` on
//!    the same file. Goal ≤ 5×.
//!
//! The workspace's release profile is tuned for a small wasm file (opt-level "z", fat LTO), so
//! run it with speed settings:
//!
//! ```sh
//! cargo run -p phieu-cli --example bench_ingest --release \
//!   --config 'profile.release.opt-level=3' --config 'profile.release.lto="thin"' \
//!   --config 'profile.release.codegen-units=16' --config 'profile.release.panic="unwind"' \
//!   -- [BUNDLES] [BALLOTS]
//! ```

use std::path::PathBuf;
use std::time::{Duration, Instant};

use clap::Parser;
use phieu_cli::collect::{Collector, Config, Tokens};
use phieu_core::{Answer, AuditBundle, Ballot, BallotBox, Electorate, Minutes, Poll, Salt};

const TOKEN: &str = "bench-token-0123456789abcdef";
const POLL: &str = include_str!("../tests/data/poll-road.json");

fn salt(n: u64) -> Salt {
    let mut b = [0u8; 16];
    b[8..].copy_from_slice(&n.to_be_bytes());
    Salt::from_bytes(b)
}

fn bundle(village: &str, households: u64, ballots: u64) -> AuditBundle {
    let poll = Poll::from_json(&POLL.replace("Thôn Đồng Tâm", village)).expect("poll");
    let mut bx = BallotBox::new(poll.clone());
    let options = ["dong_y", "dong_y", "khong_dong_y"];
    for n in 0..ballots {
        let answer = Answer::choice(options[(n % 3) as usize]);
        let ballot = Ballot::new(&poll, vec![answer], salt(n)).expect("ballot");
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
        Electorate::new(households, None).expect("electorate"),
        minutes,
    )
    .expect("bundle")
}

async fn post_all(url: &str, bundles: &[String], workers: usize) -> (Duration, [usize; 2]) {
    let client = reqwest::Client::new();
    let started = Instant::now();
    let mut tasks = Vec::new();
    for w in 0..workers {
        let client = client.clone();
        let url = url.to_owned();
        let mine: Vec<String> = bundles.iter().skip(w).step_by(workers).cloned().collect();
        tasks.push(tokio::spawn(async move {
            let mut seen = [0usize; 2];
            for json in mine {
                let resp = client
                    .post(&url)
                    .header("authorization", format!("Bearer {TOKEN}"))
                    .header("content-type", "application/json")
                    .body(json)
                    .send()
                    .await
                    .expect("send");
                match resp.status().as_u16() {
                    201 => seen[0] += 1,
                    200 => seen[1] += 1,
                    s => panic!("unexpected status {s}"),
                }
            }
            seen
        }));
    }
    let mut total = [0usize; 2];
    for t in tasks {
        let s = t.await.expect("worker");
        total[0] += s[0];
        total[1] += s[1];
    }
    (started.elapsed(), total)
}

fn main() {
    let mut args = std::env::args().skip(1);
    let n_bundles: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(2000);
    let n_ballots: u64 = args
        .next()
        .and_then(|a| a.parse().ok())
        .unwrap_or(1_000_000);
    let dir = std::env::temp_dir().join(format!("phieu-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");

    // 1. Ingest.
    let bundles: Vec<String> = (0..n_bundles)
        .map(|i| bundle(&format!("Thôn {i}"), 100, 20).to_json())
        .collect();
    let bytes: usize = bundles.iter().map(String::len).sum();
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    runtime.block_on(async {
        let config = Config {
            listen: "127.0.0.1:0".parse().expect("addr"),
            database: phieu_cli::collect::database_url(
                dir.join("phieu.db").to_str().expect("path"),
            ),
            tokens: Tokens::parse(&[format!("bench={TOKEN}")], None).expect("tokens"),
            allow_origins: Vec::new(),
            max_body_bytes: 16 << 20,
        };
        let collector = Collector::start(config).await.expect("collector");
        let url = format!("{}bundles", collector.url());
        let (first, seen) = post_all(&url, &bundles, 8).await;
        assert_eq!(seen, [n_bundles, 0]);
        let (again, seen) = post_all(&url, &bundles, 8).await;
        assert_eq!(seen, [0, n_bundles]);
        assert_eq!(
            collector.store().count().await.expect("count"),
            n_bundles as i64
        );
        println!(
            "ingest (SQLite, loopback, 8 clients, {n_bundles} bundles of 20 ballots, {} KiB each): \
             new {:.0}/s, resend (200, idempotent) {:.0}/s",
            bytes / n_bundles / 1024,
            n_bundles as f64 / first.as_secs_f64(),
            n_bundles as f64 / again.as_secs_f64(),
        );
        collector.stop().await.expect("stop");
    });

    // 2. Verify 1 M ballots, and openssl over the same bytes.
    let path: PathBuf = dir.join("big.json");
    let t = Instant::now();
    let big = bundle("Thôn Lớn", n_ballots, n_ballots);
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
