//! Every bundle arrives exactly once through a bad network. A proxy between a retrying client
//! (standing in for the app's outbox) and the collector fails about 30% of connections, the same
//! way on every run (a seeded generator per connection): it drops the connection before
//! forwarding, answers 500, stalls past the client's timeout, or forwards the upload and then
//! drops the answer, so the collector has stored a box the client believes lost. The client
//! resends until it gets 201 or 200; the collector must end with each box stored once.

use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

use crate::fixtures;
use crate::suite::{start, TOKEN};
use crate::support::Scratch;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fate {
    Pass,
    Drop,
    Error500,
    Stall,
    ForwardThenDrop,
}

/// The fate of connection `n`: splitmix64 of the seed and `n`, so a run is reproducible.
fn fate(n: u64) -> Fate {
    let mut z = n
        .wrapping_add(0x9e37_79b9_7f4a_7c15)
        .wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    match (z ^ (z >> 31)) % 100 {
        0..=7 => Fate::Drop,
        8..=15 => Fate::Error500,
        16..=21 => Fate::Stall,
        22..=29 => Fate::ForwardThenDrop,
        _ => Fate::Pass,
    }
}

#[derive(Default)]
struct Stats {
    connections: AtomicU64,
    failed: AtomicU64,
    forwarded_then_dropped: AtomicU64,
}

/// Reads one HTTP/1.1 request (headers and a Content-Length body).
async fn read_request(s: &mut TcpStream) -> Option<Vec<u8>> {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 16 * 1024];
    loop {
        let n = s.read(&mut chunk).await.ok()?;
        if n == 0 {
            return None;
        }
        buf.extend_from_slice(&chunk[..n]);
        if let Some(end) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&buf[..end]).to_ascii_lowercase();
            let len: usize = head
                .lines()
                .find_map(|l| l.strip_prefix("content-length:"))
                .and_then(|v| v.trim().parse().ok())
                .unwrap_or(0);
            while buf.len() < end + 4 + len {
                let n = s.read(&mut chunk).await.ok()?;
                if n == 0 {
                    return None;
                }
                buf.extend_from_slice(&chunk[..n]);
            }
            return Some(buf);
        }
    }
}

async fn forward(upstream: SocketAddr, request: &[u8]) -> Option<Vec<u8>> {
    let mut up = TcpStream::connect(upstream).await.ok()?;
    up.write_all(request).await.ok()?;
    let mut response = Vec::new();
    // The client sends `Connection: close`, so the collector closes after its answer.
    up.read_to_end(&mut response).await.ok()?;
    Some(response)
}

async fn proxy(listener: TcpListener, upstream: SocketAddr, stats: Arc<Stats>) {
    while let Ok((mut inbound, _)) = listener.accept().await {
        let n = stats.connections.fetch_add(1, Ordering::Relaxed);
        let stats = stats.clone();
        tokio::spawn(async move {
            let Some(request) = read_request(&mut inbound).await else {
                return;
            };
            let f = fate(n);
            if f != Fate::Pass {
                stats.failed.fetch_add(1, Ordering::Relaxed);
            }
            match f {
                Fate::Drop => {}
                Fate::Error500 => {
                    let _ = inbound
                        .write_all(b"HTTP/1.1 500 Internal Server Error\r\ncontent-length: 0\r\nconnection: close\r\n\r\n")
                        .await;
                }
                Fate::Stall => {
                    // Longer than the client waits; then the connection is dropped.
                    tokio::time::sleep(Duration::from_secs(2)).await;
                }
                Fate::ForwardThenDrop => {
                    if forward(upstream, &request).await.is_some() {
                        stats.forwarded_then_dropped.fetch_add(1, Ordering::Relaxed);
                    }
                }
                Fate::Pass => {
                    if let Some(response) = forward(upstream, &request).await {
                        let _ = inbound.write_all(&response).await;
                    }
                }
            }
        });
    }
}

/// Sends one bundle until the collector acknowledges it (201 stored, 200 already stored);
/// retries network errors, timeouts and 5xx with a short backoff; returns the attempts.
async fn send_until_acknowledged(client: &reqwest::Client, url: &str, json: &str) -> (u32, u16) {
    for attempt in 1..=200u32 {
        let sent = client
            .post(url)
            .header("authorization", format!("Bearer {TOKEN}"))
            .header("content-type", "application/json")
            .header("connection", "close")
            .body(json.to_owned())
            .send()
            .await;
        if let Ok(resp) = sent {
            let status = resp.status().as_u16();
            if status == 200 || status == 201 {
                return (attempt, status);
            }
            assert!(status >= 500, "a refusal is final, not retried: {status}");
        }
        tokio::time::sleep(Duration::from_millis(u64::from(attempt.min(10)) * 5)).await;
    }
    panic!("no acknowledgement after 200 attempts");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_bundle_arrives_once_through_a_flaky_network() {
    let dir = Scratch::new("flaky");
    let collector = start(dir.path().join("phieu.db").to_str().unwrap(), 1 << 20).await;
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let proxy_addr = listener.local_addr().unwrap();
    let stats = Arc::new(Stats::default());
    let proxy_task = tokio::spawn(proxy(listener, collector.addr(), stats.clone()));

    // 24 boxes, each of its own village, 3 ballots each.
    let bundles: Vec<String> = (0..24u32)
        .map(|i| {
            let ballots: Vec<(u32, &str)> = (0..3).map(|k| (i * 10 + k, "agree")).collect();
            fixtures::bundle(&format!("Thôn số {i}"), 10, "Nhà văn hóa", &ballots).to_json()
        })
        .collect();
    let client = reqwest::Client::builder()
        .timeout(Duration::from_millis(500))
        .pool_max_idle_per_host(0)
        .build()
        .unwrap();
    let url = format!("http://{proxy_addr}/bundles");
    let mut tasks = Vec::new();
    for worker in 0..4usize {
        let (client, url) = (client.clone(), url.clone());
        let mine: Vec<String> = bundles.iter().skip(worker).step_by(4).cloned().collect();
        tasks.push(tokio::spawn(async move {
            let mut results = Vec::new();
            for json in mine {
                results.push(send_until_acknowledged(&client, &url, &json).await);
            }
            results
        }));
    }
    let mut attempts = 0;
    let mut already = 0;
    for t in tasks {
        for (a, status) in t.await.unwrap() {
            attempts += a;
            already += u32::from(status == 200);
        }
    }
    proxy_task.abort();
    let connections = stats.connections.load(Ordering::Relaxed);
    let failed = stats.failed.load(Ordering::Relaxed);
    let lost_answers = stats.forwarded_then_dropped.load(Ordering::Relaxed);
    println!(
        "flaky network: {attempts} attempts for 24 bundles, {failed}/{connections} connections failed, \
         {lost_answers} stored but answer lost, {already} acknowledged as already stored"
    );
    // The network really was bad, and a box stored behind a lost answer was acknowledged on resend.
    assert!(failed > 0 && attempts > 24, "{failed} {attempts}");
    assert!(lost_answers > 0 && already > 0, "{lost_answers} {already}");
    // Every box arrived, once.
    assert_eq!(collector.store().count().await.unwrap(), 24);
    assert_eq!(collector.store().ballot_count().await.unwrap(), 72);
    collector.stop().await.unwrap();
}
