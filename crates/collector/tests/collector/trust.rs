//! Issue 17, items 2 and 3, against a real collector: who may read openings, what counts in a
//! tally (a box confirmed against its signed paper minutes), tokens scoped to places and
//! revoked, one verification for many tallies, and conflicts that an operator resolves instead
//! of a tally that fails for good. Each scenario runs on a fresh SQLite file and, in
//! `postgres_scenarios`, on a database of its own in a PostgreSQL cluster the test starts.

use std::path::Path;

use phieu_core::AuditBundle;
use serde_json::Value;

use crate::fixtures;
use crate::suite::{start, Http, AUDITOR, CONFIRMER, TOKEN, VILLAGE};
use crate::support::Scratch;

/// Đồng Tâm, 12 households, one real cluster: 4 agree, 1 disagree. 4 × 3 < 12 × 2: not passed.
fn real_cluster() -> AuditBundle {
    let b: Vec<(u32, &str)> = (501..=504)
        .map(|n| (n, "agree"))
        .chain([(505, "disagree")])
        .collect();
    fixtures::bundle("Thôn Đồng Tâm", 12, "Cụm dân cư số 1", &b)
}

/// What a token holder makes up at home: 4 more "agree" ballots for Đồng Tâm, which would
/// turn "Not passed 4/12" into "Passed 8/12".
fn forged_box() -> AuditBundle {
    let b: Vec<(u32, &str)> = (601..=604).map(|n| (n, "agree")).collect();
    fixtures::bundle("Thôn Đồng Tâm", 12, "Cụm dân cư số 2", &b)
}

async fn tally(http: &Http, bundle: &AuditBundle) -> Value {
    let hash = bundle.poll().hash().to_hex();
    let (status, t) = http.get_json(&format!("/polls/{hash}/tally")).await;
    assert_eq!(status, 200, "{t}");
    t
}

fn result_of(t: &Value) -> (u64, &str) {
    (
        t["ballots"].as_u64().unwrap_or(0),
        t["outcomes"][0]["result"].as_str().unwrap_or("none"),
    )
}

async fn openings_go_only_to_an_auditor(db: &str, _dir: &Path) {
    let c = start(db, 1 << 20).await;
    let http = Http::new(&c.url());
    let good = fixtures::good();
    let fp = good.fingerprint().to_hex();
    assert_eq!(http.post(&good).await.0, 201);

    // Anonymous: 401 and no salt. An uploader or a confirmer: 403 and no salt.
    for (token, status) in [(None, 401), (Some(TOKEN), 403), (Some(CONFIRMER), 403)] {
        let (got, body) = http.get_as(&format!("/bundles/{fp}"), token).await;
        assert_eq!(got, status, "{token:?}: {body}");
        assert!(!body.contains("\"salt\""), "{body}");
    }
    // The auditor gets the bundle as received, openings and all.
    let (got, body) = http.get_as(&format!("/bundles/{fp}"), Some(AUDITOR)).await;
    assert_eq!((got, body.as_str()), (200, good.to_json().as_str()));
    assert!(body.contains("\"salt\""));
    // Anyone gets the box's public summary: commitments, no opening; it verifies.
    let (got, body) = http.get(&format!("/bundles/{fp}/summary")).await;
    assert_eq!(got, 200, "{body}");
    assert!(
        !body.contains("\"salt\"") && !body.contains("dong_y\"}"),
        "{body}"
    );
    let summary = phieu_core::PublicSummary::verify(&body).unwrap();
    assert_eq!(summary.fingerprint(), good.fingerprint());
    // The page links the summary, never the bundle.
    let (_, page) = http.get("/").await;
    assert!(page.contains(&format!("/bundles/{fp}/summary\"")), "{page}");
    assert!(!page.contains(&format!("/bundles/{fp}\"")), "{page}");
    c.stop().await.unwrap();
}

async fn a_forged_box_does_not_count_until_confirmed_with_the_code_on_its_paper_minutes(
    db: &str,
    _dir: &Path,
) {
    let c = start(db, 1 << 20).await;
    let http = Http::new(&c.url());
    let (real, forged) = (real_cluster(), forged_box());

    // The real cluster, confirmed at the commune with the code on its signed minutes.
    assert_eq!(http.post(&real).await.0, 201);
    assert_eq!(result_of(&tally(&http, &real).await), (0, "none"));
    http.confirm_box(&real).await;
    assert_eq!(
        result_of(&tally(&http, &real).await),
        (5, "not_validly_held")
    );

    // A token holder of the village uploads the forged box: stored, listed, not counted.
    let (status, body) = http
        .post_with(&forged.to_json(), Some(VILLAGE), "application/json")
        .await;
    assert_eq!(status, 201, "{body}");
    let t = tally(&http, &real).await;
    assert_eq!(result_of(&t), (5, "not_validly_held"), "{t}");
    assert_eq!(
        t["not_counted"][0]["fingerprint"],
        forged.fingerprint().to_hex()
    );
    assert_eq!(t["not_counted"][0]["state"], "received");
    assert!(t["not_counted"][0]["en"]
        .as_str()
        .unwrap()
        .starts_with("received, not confirmed"));
    let summary = http
        .get(&format!("/polls/{}/summary", real.poll().hash().to_hex()))
        .await
        .1;
    assert_eq!(
        phieu_core::PublicSummary::verify(&summary)
            .unwrap()
            .tally()
            .ballots(),
        5
    );

    // No paper carries the forged box's code: the real box's code, a made-up one, or an
    // uploader trying to confirm its own box are all refused, and nothing changes.
    let fp = forged.fingerprint().to_hex();
    let real_code = phieu_collector::paper_code(&real);
    let (status, body) = http.confirm(&fp, &real_code, CONFIRMER).await;
    assert_eq!(
        (status, &body["status"]),
        (422, &"wrong_code".into()),
        "{body}"
    );
    assert!(body["reasons"][0]["vi"]
        .as_str()
        .unwrap()
        .contains("chưa được tính"));
    let (status, _) = http.confirm(&fp, "0000000000000000", CONFIRMER).await;
    assert_eq!(status, 422);
    let forged_code = phieu_collector::paper_code(&forged);
    let (status, body) = http.confirm(&fp, &forged_code, VILLAGE).await;
    assert_eq!(status, 403, "{body}");
    let (status, _) = http
        .confirm(&fp, &forged_code, "no-such-token-0123456789")
        .await;
    assert_eq!(status, 401);
    assert_eq!(
        result_of(&tally(&http, &real).await),
        (5, "not_validly_held")
    );
    // The log says who confirmed the real box.
    let t = tally(&http, &real).await;
    assert_eq!(t["log"][0]["action"], "confirm");
    assert_eq!(t["log"][0]["actor"], "ubnd");
    assert_eq!(t["log"].as_array().unwrap().len(), 1, "{t}");
    // The code is read as people type it: upper case, spaces, hyphens.
    let cluster_b = fixtures::cluster_b();
    assert_eq!(http.post(&cluster_b).await.0, 201);
    let typed = phieu_collector::paper_code(&cluster_b)
        .to_uppercase()
        .as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join("-");
    let (status, body) = http
        .confirm(&cluster_b.fingerprint().to_hex(), &typed, CONFIRMER)
        .await;
    assert_eq!(
        (status, &body["status"]),
        (200, &"confirmed".into()),
        "{body}"
    );
    let (status, body) = http
        .confirm(&cluster_b.fingerprint().to_hex(), &typed, CONFIRMER)
        .await;
    assert_eq!(
        (status, &body["status"]),
        (200, &"already_confirmed".into())
    );
    // A real second cluster, confirmed, counts: 8 agree of 12, 8 × 3 ≥ 12 × 2.
    assert_eq!(result_of(&tally(&http, &real).await), (9, "passed"));
    c.stop().await.unwrap();
}

async fn a_token_acts_only_for_its_places(db: &str, _dir: &Path) {
    let c = start(db, 1 << 20).await;
    let http = Http::new(&c.url());
    // The Đồng Tâm token may send a box of Đồng Tâm, not one of Tân Lập.
    let tan_lap = fixtures::bundle("Thôn Tân Lập", 10, "Nhà văn hóa", &[(701, "agree")]);
    let (status, body) = http
        .post_with(&tan_lap.to_json(), Some(VILLAGE), "application/json")
        .await;
    assert_eq!(
        (status, &body["status"]),
        (403, &"outside_scope".into()),
        "{body}"
    );
    assert!(body["reasons"][0]["en"]
        .as_str()
        .unwrap()
        .contains("is only for Xã Tam Hưng: Thôn Đồng Tâm; this box is of Thôn Tân Lập"));
    assert!(body["reasons"][0]["vi"]
        .as_str()
        .unwrap()
        .contains("chỉ dùng cho Xã Tam Hưng: Thôn Đồng Tâm"));
    assert_eq!(c.store().count().await.unwrap(), 0);
    let (status, body) = http
        .post_with(&real_cluster().to_json(), Some(VILLAGE), "application/json")
        .await;
    assert_eq!(status, 201, "{body}");
    // An auditor or a confirmer cannot upload.
    for token in [AUDITOR, CONFIRMER] {
        let (status, _) = http
            .post_with(&tan_lap.to_json(), Some(token), "application/json")
            .await;
        assert_eq!(status, 403, "{token}");
    }
    c.stop().await.unwrap();
}

async fn a_revoked_token_is_refused_at_once(db: &str, dir: &Path) {
    let c = start(db, 1 << 20).await;
    let http = Http::new(&c.url());
    assert_eq!(
        http.post_with(&real_cluster().to_json(), Some(VILLAGE), "application/json")
            .await
            .0,
        201
    );
    // Revoked on the database while the collector runs.
    let run = crate::support::collect(
        dir,
        &[
            "--lang",
            "en",
            "--database",
            db,
            "token",
            "revoke",
            "dong-tam",
            "--by",
            "Chủ tịch UBND xã",
            "--reason",
            "tablet lost",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("revoked"), "{}", run.stdout);
    let (status, body) = http
        .post_with(&forged_box().to_json(), Some(VILLAGE), "application/json")
        .await;
    assert_eq!(status, 401, "{body}");
    assert!(body["reasons"][0]["vi"]
        .as_str()
        .unwrap()
        .contains("đã bị thu hồi"));
    // Listed as revoked; its name is not given again.
    let tokens = [
        format!("dong-tam={VILLAGE};role=uploader;commune=Xã Tam Hưng;villages=Thôn Đồng Tâm"),
        format!("ubnd={CONFIRMER};role=confirmer,operator;commune=Xã Tam Hưng"),
    ];
    let run = crate::support::collect(
        dir,
        &[
            "--lang",
            "en",
            "--database",
            db,
            "--token",
            &tokens[0],
            "--token",
            &tokens[1],
            "token",
            "list",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .contains("dong-tam\tuploader\tXã Tam Hưng: Thôn Đồng Tâm\trevoked")
            && run
                .stdout
                .contains("ubnd\tconfirmer,operator\tXã Tam Hưng\tactive"),
        "{}",
        run.stdout
    );
    assert!(!run.stdout.contains(VILLAGE));
    let run = crate::support::collect(
        dir,
        &[
            "--database",
            db,
            "token",
            "add",
            "dong-tam",
            "--commune",
            "Xã Tam Hưng",
        ],
    );
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("đã bị thu hồi"), "{}", run.stderr);
    // A new token: one line, with a fresh secret, that the collector reads.
    let file = dir.join("tokens");
    let run = crate::support::collect(
        dir,
        &[
            "--database",
            db,
            "--tokens-file",
            file.to_str().unwrap(),
            "token",
            "add",
            "dong-tam-2",
            "--role",
            "uploader",
            "--commune",
            "Xã Tam Hưng",
            "--village",
            "Thôn Đồng Tâm",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let line = run.stdout.trim();
    assert!(
        line.starts_with("dong-tam-2=")
            && line.ends_with(";role=uploader;commune=Xã Tam Hưng;villages=Thôn Đồng Tâm"),
        "{line}"
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap().trim(), line);
    let read = phieu_collector::Tokens::parse(&[], Some(&file)).unwrap();
    assert_eq!(read.iter().next().unwrap().name, "dong-tam-2");
    c.stop().await.unwrap();
}

async fn many_concurrent_tallies_verify_the_boxes_once(db: &str, _dir: &Path) {
    let c = start(db, 1 << 20).await;
    let http = Http::new(&c.url());
    let (a, b) = (fixtures::cluster_a(), fixtures::cluster_b());
    for x in [&a, &b] {
        assert_eq!(http.post(x).await.0, 201);
        http.confirm_box(x).await;
    }
    let hash = a.poll().hash().to_hex();
    let before = c.verifications();
    let mut tasks = tokio::task::JoinSet::new();
    for i in 0..40 {
        let (client, base, hash) = (http.client.clone(), http.base.clone(), hash.clone());
        tasks.spawn(async move {
            let h = Http { client, base };
            let path = if i % 2 == 0 { "tally" } else { "summary" };
            h.get(&format!("/polls/{hash}/{path}")).await
        });
    }
    let mut answers = std::collections::BTreeSet::new();
    while let Some(joined) = tasks.join_next().await {
        let (status, body) = joined.unwrap();
        assert_eq!(status, 200, "{body}");
        answers.insert(body);
    }
    assert_eq!(
        answers.len(),
        2,
        "one tally and one summary, each the same 20 times"
    );
    assert_eq!(
        c.verifications() - before,
        1,
        "40 requests, one verification"
    );
    // A new confirmed box is a new set: verified once more, then cached again.
    let extra = fixtures::bundle("Thôn Đồng Tâm", 12, "Cụm dân cư số 4", &[(801, "agree")]);
    assert_eq!(http.post(&extra).await.0, 201);
    http.confirm_box(&extra).await;
    let before = c.verifications();
    for _ in 0..5 {
        let (_, t) = http.get_json(&format!("/polls/{hash}/tally")).await;
        assert_eq!(t["ballots"], 10);
    }
    assert_eq!(c.verifications() - before, 1);
    c.stop().await.unwrap();
}

async fn a_box_holding_a_stolen_ballot_no_longer_blocks_the_real_cluster(db: &str, _dir: &Path) {
    let c = start(db, 1 << 20).await;
    let http = Http::new(&c.url());
    // A box holding ballot 105 of cluster 1 arrives first; the real cluster 1 is refused.
    let (stolen, real) = (fixtures::overlap(), fixtures::cluster_a());
    assert_eq!(http.post(&stolen).await.0, 201);
    let (status, body) = http.post(&real).await;
    assert_eq!(status, 409, "{body}");
    // The operator sees the conflict in the tally, with the box to look at.
    let t = tally(&http, &real).await;
    assert_eq!(t["conflicts"][0]["kind"], "upload_refused", "{t}");
    assert_eq!(t["conflicts"][0]["box"], stolen.fingerprint().to_hex());
    assert!(t["conflicts"][0]["reason"]
        .as_str()
        .unwrap()
        .contains(&real.fingerprint().to_hex()));
    // An uploader cannot quarantine; the operator does, saying why.
    let fp = stolen.fingerprint().to_hex();
    let quarantine = |token: &'static str| {
        http.client
            .post(format!("{}/boxes/{fp}/quarantine", http.base))
            .header("authorization", format!("Bearer {token}"))
            .header("content-type", "application/json")
            .body(r#"{"reason":"holds ballot 105 of cluster 1, no paper minutes"}"#)
            .send()
    };
    assert_eq!(quarantine(TOKEN).await.unwrap().status().as_u16(), 403);
    assert_eq!(quarantine(CONFIRMER).await.unwrap().status().as_u16(), 200);
    // The real cluster goes in, is confirmed and counts; the conflict is closed.
    assert_eq!(http.post(&real).await.0, 201);
    http.confirm_box(&real).await;
    let t = tally(&http, &real).await;
    assert_eq!(result_of(&t).0, 5, "{t}");
    assert_eq!(t["conflicts"], serde_json::json!([]), "{t}");
    assert_eq!(t["not_counted"][0]["state"], "quarantined");
    let q = t["log"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["action"] == "quarantine")
        .unwrap();
    assert_eq!(
        (&q["subject"], &q["actor"]),
        (&fp.clone().into(), &"ubnd".into())
    );
    // The page shows the log too.
    let (_, page) = http.get("/").await;
    assert!(
        page.contains("holds ballot 105 of cluster 1") && page.contains("quarantined, not counted"),
        "{page}"
    );
    c.stop().await.unwrap();
}

/// The Đồng Tâm poll edited after some boxes were made with it: same id, another hash.
fn edited_poll_box() -> AuditBundle {
    use phieu_core::{Answer, Ballot, BallotBox, Electorate, Minutes, Poll};
    let json = std::fs::read_to_string(fixtures::data().join("poll-road.json"))
        .unwrap()
        .replace("500.000 đồng", "400.000 đồng");
    let poll = Poll::from_json(&json).unwrap();
    let mut bx = BallotBox::new(poll.clone());
    for n in 901..=903 {
        bx.cast(Ballot::new(&poll, vec![Answer::choice("dong_y")], fixtures::salt(n)).unwrap())
            .unwrap();
    }
    let minutes = Minutes::new(
        "Nhà văn hóa thôn Đồng Tâm".into(),
        "14 giờ 00, ngày 19/4/2026".into(),
        vec![
            "Nguyễn Văn An".into(),
            "Trần Thị Bình".into(),
            "Lê Văn Cường".into(),
        ],
        vec!["Phạm Thị Dung".into(), "Hoàng Văn Em".into()],
        String::new(),
    )
    .unwrap();
    AuditBundle::new(bx, Electorate::new(12, Some(7)).unwrap(), minutes).unwrap()
}

async fn an_edited_poll_with_the_same_id_no_longer_fails_the_rollup(db: &str, dir: &Path) {
    let c = start(db, 1 << 20).await;
    let http = Http::new(&c.url());
    let (good, edited) = (fixtures::good(), edited_poll_box());
    assert_eq!(good.poll().id(), edited.poll().id());
    assert_ne!(good.poll().hash(), edited.poll().hash());
    for x in [&good, &edited] {
        assert_eq!(http.post(x).await.0, 201);
        http.confirm_box(x).await;
    }
    let rollup = format!(
        "/communes/X%C3%A3%20Tam%20H%C6%B0ng/polls/{}/rollup?households=40",
        good.poll().id()
    );
    let (status, r) = http.get_json(&rollup).await;
    assert_eq!(status, 200, "{r}");
    assert_eq!(r["villages_reporting"], 0, "{r}");
    assert_eq!(r["conflicts"][0]["kind"], "two_polls_one_id", "{r}");
    assert_eq!(r["conflicts"][0]["village"], "Thôn Đồng Tâm");
    // The operator quarantines the edited poll's box from the command line.
    let run = crate::support::collect(
        dir,
        &[
            "--lang",
            "en",
            "--database",
            db,
            "quarantine",
            &edited.fingerprint().to_hex(),
            "--reason",
            "made with an edited poll",
            "--by",
            "Cán bộ văn phòng xã",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let (status, r) = http.get_json(&rollup).await;
    assert_eq!(status, 200, "{r}");
    assert_eq!(r["villages_reporting"], 1, "{r}");
    assert_eq!(r["agree"], 8, "{r}");
    assert_eq!(r["conflicts"], serde_json::json!([]), "{r}");
    assert!(r["log"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["action"] == "quarantine" && e["actor"] == "Cán bộ văn phòng xã"));
    c.stop().await.unwrap();
}

/// Each scenario as a test on its own SQLite file.
macro_rules! on_sqlite {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            use crate::support::Scratch;
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    let dir = Scratch::new(stringify!($name));
                    let db = dir.path().join("phieu.db");
                    super::$name(db.to_str().unwrap(), dir.path()).await;
                }
            )*
        }
        /// Every scenario on PostgreSQL, each in a database of its own (SKIP where PostgreSQL
        /// is not installed, as in postgres.rs).
        #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
        async fn postgres_scenarios() {
            let dir = Scratch::new("pg-trust");
            let cluster = match pg_cluster::Cluster::start(dir.path(), false) {
                Ok(c) => c,
                Err(reason) => {
                    println!("SKIP postgres_scenarios: {reason}");
                    return;
                }
            };
            sqlx::any::install_default_drivers();
            let admin = sqlx::AnyPool::connect(&cluster.url()).await.unwrap();
            $(
                sqlx::query(concat!("CREATE DATABASE ", stringify!($name)))
                    .execute(&admin)
                    .await
                    .unwrap();
                let url = cluster.url().replace("/postgres", concat!("/", stringify!($name)));
                $name(&url, dir.path()).await;
            )*
            admin.close().await;
        }
    };
}

// postgres.rs keeps its cluster module private; loading the file a second time here leaves
// that file as it is (making it `pub` there would let this be a `use`).
#[allow(clippy::duplicate_mod)]
#[path = "pg_cluster.rs"]
mod pg_cluster;

on_sqlite!(
    openings_go_only_to_an_auditor,
    a_forged_box_does_not_count_until_confirmed_with_the_code_on_its_paper_minutes,
    a_token_acts_only_for_its_places,
    a_revoked_token_is_refused_at_once,
    many_concurrent_tallies_verify_the_boxes_once,
    a_box_holding_a_stolen_ballot_no_longer_blocks_the_real_cluster,
    an_edited_poll_with_the_same_id_no_longer_fails_the_rollup,
    a_quarantined_box_is_replaced_by_the_real_minutes,
);

/// A box of `n` ballots (salts from `from`) of `village`'s poll, with 3n households.
fn big_box(village: &str, from: u32, n: u32, place: &str) -> AuditBundle {
    let ballots: Vec<(u32, &str)> = (from..from + n).map(|i| (i, "agree")).collect();
    fixtures::bundle(village, u64::from(n) * 3, place, &ballots)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn heavy_requests_beyond_the_limit_get_503_with_retry_after() {
    let dir = Scratch::new("heavy");
    let limits = phieu_collector::Limits {
        max_heavy_requests: 1,
        ..phieu_collector::Limits::default()
    };
    let c = crate::suite::start_with(
        dir.path().join("phieu.db").to_str().unwrap(),
        64 << 20,
        limits,
    )
    .await;
    let http = Http::new(&c.url());
    // Two polls of two big boxes each, confirmed: neither poll's merge is cached yet.
    let mut hashes = Vec::new();
    for (k, village) in ["Thôn Lớn", "Thôn Nhỏ"].into_iter().enumerate() {
        let base = 10_000 + 20_000 * u32::try_from(k).unwrap();
        let boxes = [
            big_box(village, base, 4_000, "Cụm 1"),
            big_box(village, base + 10_000, 4_000, "Cụm 2"),
        ];
        for b in &boxes {
            assert_eq!(http.post(b).await.0, 201);
            http.confirm_box(b).await;
        }
        hashes.push(boxes[0].poll().hash().to_hex());
    }
    // Both tallies at once: one is computed, the other turned away with Retry-After.
    let ask = |hash: String| {
        let (client, base) = (http.client.clone(), http.base.clone());
        async move {
            let resp = client
                .get(format!("{base}/polls/{hash}/tally"))
                .send()
                .await
                .unwrap();
            let retry = resp
                .headers()
                .get("retry-after")
                .map(|v| v.to_str().unwrap().to_owned());
            (resp.status().as_u16(), retry)
        }
    };
    let (first, second) = tokio::join!(ask(hashes[0].clone()), ask(hashes[1].clone()));
    let mut answers = [first, second];
    answers.sort();
    assert_eq!(
        answers,
        [(200, None), (503, Some("5".to_owned()))],
        "one computed, one refused"
    );
    // Asked again, both are answered.
    for hash in hashes {
        assert_eq!(http.get(&format!("/polls/{hash}/tally")).await.0, 200);
    }
    c.stop().await.unwrap();
}

/// The same ballots as `real`, other minutes: the same box (fingerprint), another seal.
fn false_minutes(real: &AuditBundle) -> AuditBundle {
    let minutes = phieu_core::Minutes::new(
        "Nơi khác".into(),
        "20 giờ 00, ngày 12/4/2026".into(),
        vec!["Người lạ".into(), "Người lạ 2".into(), "Người lạ 3".into()],
        vec!["X".into(), "Y".into()],
        String::new(),
    )
    .unwrap();
    AuditBundle::new(
        real.ballot_box().clone(),
        phieu_core::Electorate::new(100, Some(100)).unwrap(),
        minutes,
    )
    .unwrap()
}

/// Good ballots sent first with false minutes (electorate 100 instead of 12) block the real
/// minutes (same box, other seal: 409); once the operator quarantines the false one, the real
/// one replaces it, starts unconfirmed, and counts when confirmed.
async fn a_quarantined_box_is_replaced_by_the_real_minutes(db: &str, _dir: &Path) {
    let c = start(db, 1 << 20).await;
    let http = Http::new(&c.url());
    let real = fixtures::good();
    let false_one = false_minutes(&real);
    assert_eq!(false_one.fingerprint(), real.fingerprint());
    assert_ne!(false_one.minutes_code(), real.minutes_code());
    assert_eq!(http.post(&false_one).await.0, 201);
    let (status, body) = http.post(&real).await;
    assert_eq!(status, 409, "{body}");
    let t = tally(&http, &real).await;
    assert_eq!(t["conflicts"][0]["kind"], "upload_refused", "{t}");
    // Quarantined, then replaced by the real minutes, which start unconfirmed.
    let fp = real.fingerprint().to_hex();
    let resp = http
        .client
        .post(format!("{}/boxes/{fp}/quarantine", http.base))
        .header("authorization", format!("Bearer {CONFIRMER}"))
        .header("content-type", "application/json")
        .body(r#"{"reason":"electorate 100 is not Đồng Tâm's 12"}"#)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status().as_u16(), 200);
    let (status, body) = http.post(&real).await;
    assert_eq!(
        (status, &body["status"]),
        (201, &"replaced".into()),
        "{body}"
    );
    assert_eq!(http.post(&real).await.0, 200, "a resend of the replacement");
    let t = tally(&http, &real).await;
    assert_eq!(t["not_counted"][0]["state"], "received", "{t}");
    assert_eq!(t["conflicts"], serde_json::json!([]), "{t}");
    // The false minutes' code no longer confirms anything; the real one does.
    let (status, _) = http
        .confirm(&fp, &phieu_collector::paper_code(&false_one), CONFIRMER)
        .await;
    assert_eq!(status, 422);
    http.confirm_box(&real).await;
    let t = tally(&http, &real).await;
    assert_eq!(result_of(&t), (9, "passed"), "{t}");
    let actions: Vec<&str> = t["log"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    for a in ["conflict", "quarantine", "replace", "confirm"] {
        assert!(actions.contains(&a), "{actions:?}");
    }
    let (_, bundle) = http.get_as(&format!("/bundles/{fp}"), Some(AUDITOR)).await;
    assert_eq!(bundle, real.to_json());
    c.stop().await.unwrap();
}
