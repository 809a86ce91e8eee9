//! Issue 17, items 2 and 3, against a real collector: who may read openings, what counts in a
//! tally (a box confirmed against its signed paper minutes), tokens scoped to places and
//! revoked, one verification for many tallies, and conflicts that an operator resolves instead
//! of a tally that fails for good.

use phieu_core::AuditBundle;
use serde_json::Value;

use crate::collector::{start, Http, AUDITOR, CONFIRMER, TOKEN, VILLAGE};
use crate::fixtures;
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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn openings_go_only_to_an_auditor() {
    let dir = Scratch::new("openings");
    let c = start(dir.path().join("phieu.db").to_str().unwrap(), 1 << 20).await;
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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_forged_box_does_not_count_until_confirmed_with_the_code_on_its_paper_minutes() {
    let dir = Scratch::new("forged");
    let c = start(dir.path().join("phieu.db").to_str().unwrap(), 1 << 20).await;
    let http = Http::new(&c.url());
    let (real, forged) = (real_cluster(), forged_box());

    // The real cluster, confirmed at the commune with the code on its signed minutes.
    assert_eq!(http.post(&real).await.0, 201);
    assert_eq!(result_of(&tally(&http, &real).await), (0, "none"));
    http.confirm_box(&real).await;
    assert_eq!(result_of(&tally(&http, &real).await), (5, "failed"));

    // A token holder of the village uploads the forged box: stored, listed, not counted.
    let (status, body) = http
        .post_with(&forged.to_json(), Some(VILLAGE), "application/json")
        .await;
    assert_eq!(status, 201, "{body}");
    let t = tally(&http, &real).await;
    assert_eq!(result_of(&t), (5, "failed"), "{t}");
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
    let real_code = phieu_cli::collect::paper_code(&real);
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
    let forged_code = phieu_cli::collect::paper_code(&forged);
    let (status, body) = http.confirm(&fp, &forged_code, VILLAGE).await;
    assert_eq!(status, 403, "{body}");
    let (status, _) = http
        .confirm(&fp, &forged_code, "no-such-token-0123456789")
        .await;
    assert_eq!(status, 401);
    assert_eq!(result_of(&tally(&http, &real).await), (5, "failed"));
    // The log says who confirmed the real box.
    let t = tally(&http, &real).await;
    assert_eq!(t["log"][0]["action"], "confirm");
    assert_eq!(t["log"][0]["actor"], "ubnd");
    assert_eq!(t["log"].as_array().unwrap().len(), 1, "{t}");
    // The code is read as people type it: upper case, spaces, hyphens.
    let cluster_b = fixtures::cluster_b();
    assert_eq!(http.post(&cluster_b).await.0, 201);
    let typed = phieu_cli::collect::paper_code(&cluster_b)
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
