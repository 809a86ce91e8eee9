//! Benchmark for issue 8, printed as figures (never a timed test): `phieu collect` ingest on
//! loopback: distinct bundles posted by 8 concurrent clients (bundles stored per second), then
//! the same bundles again (idempotent answers per second). On SQLite, and on a throw-away
//! PostgreSQL with its default durability when `pg_ctl` is installed (the cluster of the
//! collector's test, `tests/collector/pg_cluster.rs`). Goal ≥ 1,000/s on SQLite. Also the time
//! `AuditBundle::verify` takes on one small and one 64 KiB bundle. (`phieu verify` on 1,000,000
//! ballots is `crates/cli/examples/bench_verify.rs`.)
//!
//! The workspace's release profile is tuned for a small wasm file (opt-level "z", fat LTO), so
//! run it with speed settings:
//!
//! ```sh
//! cargo run -p phieu-collector --example bench_ingest --release \
//!   --config 'profile.release.opt-level=3' --config 'profile.release.lto="thin"' \
//!   --config 'profile.release.codegen-units=16' --config 'profile.release.panic="unwind"' \
//!   -- [BUNDLES]
//! ```
//!
//! BUNDLES (default 2000) are posted in each ingest run.

use std::time::{Duration, Instant};

use phieu_collector::{Collector, Config, Limits, Tokens};
use phieu_core::AuditBundle;

#[path = "../../core/examples/support/bench_bundle.rs"]
mod bench_bundle;
#[path = "../tests/collector/pg_cluster.rs"]
mod pg_cluster;

const TOKEN: &str = "bench-token-0123456789abcdef";

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

/// Posts `bundles` new, then again, to a collector on `database`; prints the rates.
fn ingest(runtime: &tokio::runtime::Runtime, label: &str, database: String, bundles: &[String]) {
    let n = bundles.len();
    let kib = bundles.iter().map(String::len).sum::<usize>() / n.max(1) / 1024;
    runtime.block_on(async {
        let config = Config {
            listen: "127.0.0.1:0".parse().expect("addr"),
            database,
            tokens: Tokens::parse(&[format!("bench={TOKEN}")], None).expect("tokens"),
            allow_origins: Vec::new(),
            max_body_bytes: 16 << 20,
            limits: Limits::default(),
        };
        let collector = Collector::start(config).await.expect("collector");
        let url = format!("{}bundles", collector.url());
        let (first, seen) = post_all(&url, bundles, 8).await;
        assert_eq!(seen, [n, 0]);
        let (again, seen) = post_all(&url, bundles, 8).await;
        assert_eq!(seen, [0, n]);
        assert_eq!(collector.store().count().await.expect("count"), n as i64);
        println!(
            "ingest ({label}, loopback, 8 clients, {n} bundles of 20 ballots, {kib} KiB each): \
             new {:.0}/s, resend (200, idempotent) {:.0}/s",
            n as f64 / first.as_secs_f64(),
            n as f64 / again.as_secs_f64(),
        );
        collector.stop().await.expect("stop");
    });
}

/// Microseconds `AuditBundle::verify` takes on `json`, best of a few hundred runs.
fn verify_micros(json: &str) -> f64 {
    (0..300)
        .map(|_| {
            let t = Instant::now();
            AuditBundle::verify(json).expect("verify");
            t.elapsed().as_secs_f64() * 1e6
        })
        .fold(f64::MAX, f64::min)
}

fn main() {
    let n_bundles: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(2000);
    let dir = std::env::temp_dir().join(format!("phieu-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");

    let bundles: Vec<String> = (0..n_bundles)
        .map(|i| bench_bundle::bundle(&format!("Thôn {i}"), 100, 20).to_json())
        .collect();
    let medium = bench_bundle::bundle("Thôn Vừa", 300, 300).to_json();
    println!(
        "verify in place: {:.0} µs for 20 ballots ({} KiB), {:.0} µs for 300 ballots ({} KiB)",
        verify_micros(&bundles[0]),
        bundles[0].len() / 1024,
        verify_micros(&medium),
        medium.len() / 1024,
    );
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let sqlite = phieu_collector::database_url(dir.join("phieu.db").to_str().expect("path"));
    ingest(&runtime, "SQLite", sqlite, &bundles);
    let pg_dir = dir.join("pg");
    std::fs::create_dir_all(&pg_dir).expect("temp dir");
    if std::env::var_os("PHIEU_BENCH_SQLITE_ONLY").is_none() {
        match pg_cluster::Cluster::start(&pg_dir, true) {
            Ok(cluster) => ingest(&runtime, "PostgreSQL", cluster.url(), &bundles),
            Err(reason) => println!("ingest (PostgreSQL): SKIP, {reason}"),
        }
    }

    let _ = std::fs::remove_dir_all(&dir);
}
