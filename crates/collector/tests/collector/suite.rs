//! `phieu collect` against SQLite (and, through `suite`, PostgreSQL: see postgres.rs): status
//! codes, idempotence, concurrent uploads of one bundle, refusals that change nothing, the
//! merged tally, the villages, the commune roll-up, the page, auth, size, media type and CORS.

use std::time::Duration;

use phieu_collector::{Collector, Config, Limits, Tokens};
use phieu_core::AuditBundle;
use serde_json::Value;

use crate::fixtures;
use crate::support::{collect_child, Scratch};

/// A first-version token (`NAME=SECRET`): an uploader for every place.
pub const TOKEN: &str = "tinh-test-0123456789abcdef";
/// Confirms and quarantines boxes of Xã Tam Hưng.
pub const CONFIRMER: &str = "ubnd-test-0123456789abcdef";
/// Reads bundles with their openings, everywhere.
pub const AUDITOR: &str = "kiem-toan-0123456789abcdef";
/// Uploads boxes of Thôn Đồng Tâm only.
pub const VILLAGE: &str = "dong-tam-0123456789abcdef";
pub const ORIGIN: &str = "https://xa-tamhung.example.vn";

pub async fn start(database: &str, max_body_bytes: usize) -> Collector {
    start_with(database, max_body_bytes, Limits::default()).await
}

pub async fn start_with(database: &str, max_body_bytes: usize, limits: Limits) -> Collector {
    let config = Config {
        listen: "127.0.0.1:0".parse().unwrap(),
        database: phieu_collector::database_url(database),
        tokens: Tokens::parse(
            &[
                format!("tinh={TOKEN}"),
                format!("ubnd={CONFIRMER};role=confirmer,operator;commune=Xã Tam Hưng"),
                format!("kiem-toan={AUDITOR};role=auditor;commune=*"),
                format!(
                    "dong-tam={VILLAGE};role=uploader;commune=Xã Tam Hưng;villages=Thôn Đồng Tâm"
                ),
            ],
            None,
        )
        .unwrap(),
        allow_origins: vec![ORIGIN.parse().unwrap()],
        max_body_bytes,
        limits,
    };
    Collector::start(config).await.unwrap()
}

/// A small HTTP client for one collector.
pub struct Http {
    pub client: reqwest::Client,
    pub base: String,
}

impl Http {
    pub fn new(base: &str) -> Http {
        Http {
            client: reqwest::Client::builder()
                .timeout(Duration::from_secs(60))
                .build()
                .unwrap(),
            base: base.trim_end_matches('/').to_owned(),
        }
    }

    /// `POST /bundles` with this body, token and media type: the whole response.
    pub async fn send(
        &self,
        body: &str,
        token: Option<&str>,
        content_type: &str,
    ) -> reqwest::Response {
        let mut req = self
            .client
            .post(format!("{}/bundles", self.base))
            .header("content-type", content_type)
            .body(body.to_owned());
        if let Some(t) = token {
            req = req.header("authorization", format!("Bearer {t}"));
        }
        req.send().await.unwrap()
    }

    /// `POST /bundles`: the status, and the body as JSON (or as text when it is not JSON).
    pub async fn post_with(
        &self,
        body: &str,
        token: Option<&str>,
        content_type: &str,
    ) -> (u16, Value) {
        let resp = self.send(body, token, content_type).await;
        let status = resp.status().as_u16();
        let text = resp.text().await.unwrap();
        (
            status,
            serde_json::from_str(&text).unwrap_or(Value::String(text)),
        )
    }

    pub async fn post(&self, bundle: &AuditBundle) -> (u16, Value) {
        self.post_with(&bundle.to_json(), Some(TOKEN), "application/json")
            .await
    }

    pub async fn get(&self, path: &str) -> (u16, String) {
        self.get_as(path, None).await
    }

    /// `GET path` with this bearer token, if any.
    pub async fn get_as(&self, path: &str, token: Option<&str>) -> (u16, String) {
        let mut req = self.client.get(format!("{}{path}", self.base));
        if let Some(t) = token {
            req = req.header("authorization", format!("Bearer {t}"));
        }
        let resp = req.send().await.unwrap();
        (resp.status().as_u16(), resp.text().await.unwrap())
    }

    /// `POST /boxes/{fp}/confirm` with this code and token.
    pub async fn confirm(&self, fp: &str, code: &str, token: &str) -> (u16, Value) {
        let resp = self
            .client
            .post(format!("{}/boxes/{fp}/confirm", self.base))
            .header("authorization", format!("Bearer {token}"))
            .header("content-type", "application/json")
            .body(serde_json::json!({ "code": code }).to_string())
            .send()
            .await
            .unwrap();
        let status = resp.status().as_u16();
        let text = resp.text().await.unwrap();
        (
            status,
            serde_json::from_str(&text).unwrap_or(Value::String(text)),
        )
    }

    /// Confirms `bundle`'s box with the code on its paper minutes: 200.
    pub async fn confirm_box(&self, bundle: &AuditBundle) {
        let (status, body) = self
            .confirm(
                &bundle.fingerprint().to_hex(),
                &phieu_collector::paper_code(bundle),
                CONFIRMER,
            )
            .await;
        assert_eq!(status, 200, "{body}");
    }

    pub async fn get_json(&self, path: &str) -> (u16, Value) {
        let (status, text) = self.get(path).await;
        (
            status,
            serde_json::from_str(&text).unwrap_or(Value::String(text)),
        )
    }
}

/// The villages of the roll-up, each its own poll with the shared poll id.
fn tan_lap() -> AuditBundle {
    // 10 households, 7 agree: 21 ≥ 20, passes.
    let b: Vec<(u32, &str)> = (1..=7)
        .map(|n| (n, "agree"))
        .chain([(8, "disagree")])
        .collect();
    fixtures::bundle("Thôn Tân Lập", 10, "Nhà văn hóa thôn Tân Lập", &b)
}

fn hoa_binh() -> AuditBundle {
    // 10 households, 5 agree: 15 < 20, fails.
    let b: Vec<(u32, &str)> = (1..=5)
        .map(|n| (n, "agree"))
        .chain([(6, "disagree")])
        .collect();
    fixtures::bundle("Thôn Hòa Bình", 10, "Nhà văn hóa thôn Hòa Bình", &b)
}

async fn counts(c: &Collector) -> (i64, i64) {
    (
        c.store().count().await.unwrap(),
        c.store().ballot_count().await.unwrap(),
    )
}

/// Everything a portal relies on, against one database.
pub async fn suite(database: &str) {
    let c = start(database, 64 * 1024).await;
    let http = Http::new(&c.url());
    let a = fixtures::cluster_a();

    // New, then the same again: 201, then 200, stored once.
    let (status, body) = http.post(&a).await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(body["status"], "stored");
    assert_eq!(body["fingerprint"], a.fingerprint().to_hex());
    let (status, body) = http.post(&a).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["status"], "already_stored");
    assert_eq!(counts(&c).await, (1, 5));

    // Sixteen concurrent uploads of one new bundle: exactly one stores it.
    let b = fixtures::cluster_b();
    let json = b.to_json();
    let mut tasks = Vec::new();
    for _ in 0..16 {
        let (client, base, json) = (http.client.clone(), http.base.clone(), json.clone());
        tasks.push(tokio::spawn(async move {
            let h = Http { client, base };
            h.post_with(&json, Some(TOKEN), "application/json").await.0
        }));
    }
    let mut statuses = Vec::new();
    for t in tasks {
        statuses.push(t.await.unwrap());
    }
    statuses.sort_unstable();
    assert_eq!(
        statuses.iter().filter(|s| **s == 201).count(),
        1,
        "{statuses:?}"
    );
    assert_eq!(
        statuses.iter().filter(|s| **s == 200).count(),
        15,
        "{statuses:?}"
    );
    assert_eq!(counts(&c).await, (2, 9));

    // Refusals, with reasons, and nothing stored changes.
    let stored_a = http
        .get_as(
            &format!("/bundles/{}", a.fingerprint().to_hex()),
            Some(AUDITOR),
        )
        .await;
    assert_eq!(stored_a, (200, a.to_json()));
    let tampered = std::fs::read_to_string(fixtures::data().join("tampered-count.json")).unwrap();
    let (status, body) = http
        .post_with(&tampered, Some(TOKEN), "application/json")
        .await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(body["status"], "refused");
    assert_eq!(
        body["reasons"][0]["path"],
        "tally.items[0].options[0].count"
    );
    assert!(body["reasons"][0]["vi"]
        .as_str()
        .unwrap()
        .contains("kiểm lại được 8"));
    assert!(body["reasons"][0]["en"]
        .as_str()
        .unwrap()
        .contains("recounted 8"));
    let (status, body) = http
        .post_with("{not json", Some(TOKEN), "application/json")
        .await;
    assert_eq!(status, 422, "{body}");
    // A ballot already in another box.
    let (status, body) = http.post(&fixtures::overlap()).await;
    assert_eq!(status, 409, "{body}");
    assert!(
        body["reasons"][0]["en"]
            .as_str()
            .unwrap()
            .contains("no ballot is counted twice"),
        "{body}"
    );
    // The same box with other minutes: the stored one is not replaced.
    let b_elsewhere = fixtures::bundle(
        "Thôn Đồng Tâm",
        12,
        "Somewhere else",
        &(201..205).map(|n| (n, "agree")).collect::<Vec<_>>(),
    );
    assert_eq!(b_elsewhere.fingerprint(), b.fingerprint());
    let (status, body) = http.post(&b_elsewhere).await;
    assert_eq!(status, 409, "{body}");
    assert_eq!(body["reasons"][0]["path"], "seal");
    assert_eq!(counts(&c).await, (2, 9));
    assert_eq!(
        http.get_as(
            &format!("/bundles/{}", a.fingerprint().to_hex()),
            Some(AUDITOR)
        )
        .await,
        stored_a
    );

    // Auth, media type, size, unknown addresses.
    let good = fixtures::good().to_json();
    let big = " ".repeat(100 * 1024);
    // Each refusal sent before the body was read also closes its connection, so the client
    // does not reuse it: the next request used to find it dropped now and then (hyper's
    // IncompleteMessage on the GET below).
    for (body, token, content_type, status) in [
        (&good, None, "application/json", 401),
        (
            &good,
            Some("wrong-token-0123456789"),
            "application/json",
            401,
        ),
        (&good, Some(TOKEN), "text/plain", 415),
        (&big, Some(TOKEN), "application/json", 413),
    ] {
        let resp = http.send(body, token, content_type).await;
        let connection = resp.headers().get("connection").cloned();
        let (got, text) = (resp.status().as_u16(), resp.text().await.unwrap());
        assert_eq!(got, status, "{content_type} {token:?}: {text}");
        assert_eq!(
            connection.as_ref().map(|v| v.as_bytes()),
            Some(&b"close"[..]),
            "{content_type} {token:?}: {got}"
        );
    }
    assert_eq!(http.get("/nowhere").await.0, 404);
    assert_eq!(http.get("/polls/not-a-hash/tally").await.0, 404);
    assert_eq!(
        http.get(&format!("/polls/{}/tally", "0".repeat(64)))
            .await
            .0,
        404
    );
    assert_eq!(counts(&c).await, (2, 9));

    // The merged tally of Đồng Tâm, once both clusters are confirmed against their paper
    // minutes: 9 ballots, 8 agree of 12 households.
    let hash = a.poll().hash().to_hex();
    let (status, t) = http.get_json(&format!("/polls/{hash}/tally")).await;
    assert_eq!(
        (status, &t["boxes"], &t["ballots"]),
        (200, &0.into(), &0.into()),
        "{t}"
    );
    assert_eq!(t["not_counted"].as_array().map(Vec::len), Some(2), "{t}");
    http.confirm_box(&a).await;
    http.confirm_box(&b).await;
    let (status, t) = http.get_json(&format!("/polls/{hash}/tally")).await;
    assert_eq!(status, 200, "{t}");
    assert_eq!(t["boxes"], 2);
    assert_eq!(t["ballots"], 9);
    assert_eq!(t["outcomes"][0]["result"], "passed");
    assert_eq!(t["summary"]["format"], "phieu/public-summary");
    // The merged public summary, as published, verifies on its own.
    let (status, summary) = http.get(&format!("/polls/{hash}/summary")).await;
    assert_eq!(status, 200);
    let summary = phieu_core::PublicSummary::verify(&summary).unwrap();
    assert_eq!(summary.tally().ballots(), 9);
    assert_eq!(t["summary"]["fingerprint"], summary.fingerprint().to_hex());

    // Two more villages, then the commune roll-up (L 21.1).
    assert_eq!(http.post(&tan_lap()).await.0, 201);
    assert_eq!(http.post(&hoa_binh()).await.0, 201);
    http.confirm_box(&tan_lap()).await;
    http.confirm_box(&hoa_binh()).await;
    let (status, v) = http.get_json("/villages").await;
    assert_eq!(status, 200);
    let names: Vec<&str> = v["villages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["village"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Thôn Hòa Bình", "Thôn Tân Lập", "Thôn Đồng Tâm"]);
    let dong_tam = &v["villages"][2]["polls"][0];
    assert_eq!(
        (
            &dong_tam["boxes"],
            &dong_tam["confirmed_boxes"],
            &dong_tam["confirmed_ballots"]
        ),
        (&2.into(), &2.into(), &9.into()),
        "{v}"
    );
    let rollup = |n: &str| {
        format!(
            "/communes/X%C3%A3%20Tam%20H%C6%B0ng/polls/{}/rollup{n}",
            a.poll().id()
        )
    };
    // Two of three villages approve (Đồng Tâm 8/12, Tân Lập 7/10; Hòa Bình 5/10 does not), but
    // the commune counts households (issue 16, item 3): 20 of 32 agree, 60 < 64, not passed.
    let (status, r) = http.get_json(&rollup("?households=32")).await;
    assert_eq!(status, 200, "{r}");
    assert_eq!(
        (
            r["agree"].as_u64(),
            r["passed"].as_bool(),
            r["villages_reporting"].as_u64()
        ),
        (Some(20), Some(false), Some(3)),
        "{r}"
    );
    assert!(
        r["vi"]
            .as_str()
            .unwrap()
            .starts_with("Không được thông qua: 20/32"),
        "{r}"
    );
    let approving = r["villages"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|v| v["approved"] == true)
        .count();
    assert_eq!(approving, 2, "{r}");
    // Households of villages that have not reported count as not agreeing.
    let (status, r) = http.get_json(&rollup("?households=40")).await;
    assert_eq!(status, 200, "{r}");
    assert_eq!(r["households_reporting"], 32);
    assert_eq!(r["passed"], false);
    assert_eq!(http.get_json(&rollup("")).await.0, 400);
    // Fewer households in the commune than in the villages that reported: refused.
    assert_eq!(http.get_json(&rollup("?households=31")).await.0, 400);

    // The page lists the boxes, escaped.
    let (status, page) = http.get("/").await;
    assert_eq!(status, 200);
    assert!(
        page.contains("Thôn Tân Lập") && page.contains(&a.fingerprint().short()),
        "{page}"
    );

    // CORS: the configured origin may upload from a browser, another may not; never *.
    let pre = |origin: &'static str| {
        http.client
            .request(reqwest::Method::OPTIONS, format!("{}/bundles", http.base))
            .header("origin", origin)
            .header("access-control-request-method", "POST")
            .header(
                "access-control-request-headers",
                "authorization, content-type",
            )
            .send()
    };
    let ok = pre(ORIGIN).await.unwrap();
    assert_eq!(
        ok.headers()
            .get("access-control-allow-origin")
            .and_then(|h| h.to_str().ok()),
        Some(ORIGIN)
    );
    let other = pre("https://elsewhere.example").await.unwrap();
    assert!(other.headers().get("access-control-allow-origin").is_none());

    // A wave of concurrent uploads, written by the group commit in shared transactions: 24 new
    // boxes each sent twice, one box holding a ballot already stored, one tampered. Each new
    // box is stored once, and the refused ones take nothing down with them.
    let (boxes_before, ballots_before) = counts(&c).await;
    let wave: Vec<AuditBundle> = (0..24u32)
        .map(|i| {
            fixtures::bundle(
                "Thôn Mới",
                100,
                &format!("Tổ {i}"),
                &[(1000 + 2 * i, "agree"), (1001 + 2 * i, "disagree")],
            )
        })
        .collect();
    let mut bodies: Vec<(String, u16)> = Vec::new();
    for b in &wave {
        bodies.push((b.to_json(), 0));
        bodies.push((b.to_json(), 0));
    }
    bodies.push((fixtures::overlap().to_json(), 409));
    bodies.push((tampered.clone(), 422));
    let mut tasks = Vec::new();
    for (json, expected) in bodies {
        let (client, base) = (http.client.clone(), http.base.clone());
        tasks.push(tokio::spawn(async move {
            let h = Http { client, base };
            let (status, body) = h.post_with(&json, Some(TOKEN), "application/json").await;
            (status, expected, body)
        }));
    }
    let (mut created, mut already) = (0, 0);
    for t in tasks {
        let (status, expected, body) = t.await.unwrap();
        match (status, expected) {
            (201, 0) => created += 1,
            (200, 0) => already += 1,
            (s, e) => assert_eq!(s, e, "{body}"),
        }
    }
    assert_eq!((created, already), (24, 24));
    assert_eq!(counts(&c).await, (boxes_before + 24, ballots_before + 48));

    c.stop().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_suite() {
    let dir = Scratch::new("sqlite");
    suite(dir.path().join("phieu.db").to_str().unwrap()).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn stored_boxes_survive_a_restart() {
    let dir = Scratch::new("restart");
    let db = dir.path().join("phieu.db");
    let db = db.to_str().unwrap();
    let c = start(db, 1 << 20).await;
    assert_eq!(Http::new(&c.url()).post(&fixtures::good()).await.0, 201);
    c.stop().await.unwrap();
    let c = start(db, 1 << 20).await;
    assert_eq!(Http::new(&c.url()).post(&fixtures::good()).await.0, 200);
    assert_eq!(c.store().count().await.unwrap(), 1);
    c.stop().await.unwrap();
}

#[test]
fn collect_without_flags_creates_phieu_db_and_prints_its_url() {
    let dir = Scratch::new("noflags");
    // Only the port is chosen, so that the test never collides with a running collector.
    let (mut child, first_line) =
        collect_child(dir.path(), &["--lang", "en", "--listen", "127.0.0.1:0"]);
    let _ = child.kill();
    let _ = child.wait();
    assert!(
        first_line.contains("listening on http://127.0.0.1:"),
        "{first_line}"
    );
    assert!(first_line.contains("sqlite://phieu.db"), "{first_line}");
    assert!(dir.path().join("phieu.db").exists());
}

#[test]
fn collect_refuses_bad_configuration() {
    let dir = Scratch::new("badconfig");
    let run = crate::support::collect(dir.path(), &["--lang", "en", "--allow-origin", "*"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("* is never allowed"), "{}", run.stderr);
    let run = crate::support::collect(dir.path(), &["--token", "portal=short"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("ít nhất 16 ký tự"), "{}", run.stderr);
}
