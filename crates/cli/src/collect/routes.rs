//! The collector's HTTP interface (docs/collector.md §Endpoints). Every refusal is JSON with a
//! `status` word and `reasons`, each with a field path and a message in Vietnamese and English,
//! so that a tablet can show the reason and a portal can log it.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use axum::extract::{Path, Query, Request, State};
use axum::http::header::{AUTHORIZATION, CONNECTION, CONTENT_TYPE, WWW_AUTHENTICATE};
use axum::http::{HeaderValue, Method, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use phieu_core::report::{merge_bundles, MergeBundlesError};
use phieu_core::{
    commune_rollup, AuditBundle, BoxFingerprint, Lang, MergeError, VerifyError, VillageResult,
};
use serde::Serialize;
use serde_json::value::RawValue;
use serde_json::{json, Value};
use tower_http::cors::{AllowOrigin, CorsLayer};

use super::store::{StoreError, Stored};
use super::{Store, Tokens};
use crate::minutes::esc;

pub(super) struct AppState {
    pub store: Store,
    pub tokens: Tokens,
    pub max_body_bytes: usize,
    pub limits: super::Limits,
}

type Shared = Arc<AppState>;

pub(super) fn router(state: Shared, origins: &[HeaderValue]) -> Router {
    let router = Router::new()
        .route("/", get(index))
        .route("/bundles", post(post_bundle))
        .route("/bundles/{fingerprint}", get(get_bundle))
        .route("/polls/{hash}/tally", get(tally))
        .route("/polls/{hash}/summary", get(summary))
        .route("/villages", get(villages))
        .route("/communes/{commune}/polls/{poll_id}/rollup", get(rollup))
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .with_state(state);
    if origins.is_empty() {
        return router;
    }
    router.layer(
        CorsLayer::new()
            .allow_origin(AllowOrigin::list(origins.iter().cloned()))
            .allow_methods([Method::GET, Method::POST])
            .allow_headers([AUTHORIZATION, CONTENT_TYPE])
            .max_age(Duration::from_secs(3600)),
    )
}

/// One reason for a refusal.
#[derive(Debug, Clone, Serialize)]
pub struct Reason {
    pub path: String,
    pub vi: String,
    pub en: String,
}

impl Reason {
    fn new(path: impl Into<String>, vi: impl Into<String>, en: impl Into<String>) -> Reason {
        Reason {
            path: path.into(),
            vi: vi.into(),
            en: en.into(),
        }
    }
}

fn refuse(status: StatusCode, word: &str, reasons: Vec<Reason>) -> Response {
    (status, Json(json!({ "status": word, "reasons": reasons }))).into_response()
}

/// A refusal sent before the request body was read to its end. The
/// connection is closed after it (`Connection: close`), so a client never
/// reuses a connection whose unread body would be taken for its next request,
/// nor one the server is about to drop.
fn refuse_unread(status: StatusCode, word: &str, reasons: Vec<Reason>) -> Response {
    let mut r = refuse(status, word, reasons);
    r.headers_mut()
        .insert(CONNECTION, HeaderValue::from_static("close"));
    r
}

fn internal(e: &StoreError) -> Response {
    refuse(
        StatusCode::INTERNAL_SERVER_ERROR,
        "error",
        vec![Reason::new(
            "",
            format!("máy chủ chưa lưu được, hãy gửi lại sau: {e}"),
            format!("the collector could not store this, send it again later: {e}"),
        )],
    )
}

async fn not_found() -> Response {
    refuse(
        StatusCode::NOT_FOUND,
        "not_found",
        vec![Reason::new(
            "",
            "không có địa chỉ này (xem docs/collector.md)",
            "no such endpoint (see docs/collector.md)",
        )],
    )
}

async fn method_not_allowed() -> Response {
    refuse(
        StatusCode::METHOD_NOT_ALLOWED,
        "method_not_allowed",
        vec![Reason::new(
            "",
            "địa chỉ này không nhận phương thức đó",
            "this endpoint does not take that method",
        )],
    )
}

fn now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

fn verify_reasons(e: &VerifyError) -> Vec<Reason> {
    match e {
        VerifyError::Parse(p) => vec![Reason::new(
            p.path(),
            p.message(Lang::Vi),
            p.message(Lang::En),
        )],
        VerifyError::Mismatch(list) => list
            .iter()
            .map(|d| Reason::new(d.path(), d.message(Lang::Vi), d.message(Lang::En)))
            .collect(),
    }
}

/// `POST /bundles`: auth, then media type, then size, then verification, then storage.
async fn post_bundle(State(s): State<Shared>, req: Request) -> Response {
    let (parts, body) = req.into_parts();
    let auth = parts
        .headers
        .get(AUTHORIZATION)
        .and_then(|h| h.to_str().ok());
    let Some(portal) = s.tokens.portal(auth).map(str::to_owned) else {
        let mut r = refuse_unread(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            vec![Reason::new(
                "Authorization",
                "thiếu hoặc sai mã tải lên (Authorization: Bearer …)",
                "missing or wrong upload token (Authorization: Bearer …)",
            )],
        );
        r.headers_mut()
            .insert(WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        return r;
    };
    let json_type = parts
        .headers
        .get(CONTENT_TYPE)
        .and_then(|h| h.to_str().ok())
        .and_then(|t| t.split(';').next())
        .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/json"));
    if !json_type {
        return refuse_unread(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            vec![Reason::new(
                "Content-Type",
                "gói phải gửi với Content-Type: application/json",
                "send the bundle with Content-Type: application/json",
            )],
        );
    }
    let too_large = || {
        refuse_unread(
            StatusCode::PAYLOAD_TOO_LARGE,
            "too_large",
            vec![Reason::new(
                "",
                format!("gói lớn hơn {} byte mà máy chủ nhận", s.max_body_bytes),
                format!(
                    "the bundle is larger than the {} bytes this collector takes",
                    s.max_body_bytes
                ),
            )],
        )
    };
    let declared = parts
        .headers
        .get(axum::http::header::CONTENT_LENGTH)
        .and_then(|h| h.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > s.max_body_bytes as u64) {
        return too_large();
    }
    let read = tokio::time::timeout(
        s.limits.body_timeout,
        axum::body::to_bytes(body, s.max_body_bytes),
    );
    let bytes = match read.await {
        Ok(Ok(b)) => b,
        Ok(Err(e)) if is_length_limit(&e) => return too_large(),
        Err(_) => {
            return refuse_unread(
                StatusCode::REQUEST_TIMEOUT,
                "timeout",
                vec![Reason::new(
                    "",
                    format!(
                        "nội dung không đến đủ trong {} giây; hãy gửi lại",
                        s.limits.body_timeout.as_secs()
                    ),
                    format!(
                        "the body did not arrive whole within {} s; send it again",
                        s.limits.body_timeout.as_secs()
                    ),
                )],
            )
        }
        Ok(Err(_)) => {
            return refuse(
                StatusCode::BAD_REQUEST,
                "bad_request",
                vec![Reason::new(
                    "",
                    "không nhận đủ nội dung",
                    "the body did not arrive whole",
                )],
            )
        }
    };
    let Ok(text) = String::from_utf8(Vec::from(bytes)) else {
        return refuse(
            StatusCode::UNPROCESSABLE_ENTITY,
            "refused",
            vec![Reason::new(
                "",
                "gói không phải văn bản UTF-8",
                "the bundle is not UTF-8 text",
            )],
        );
    };
    // A resend of a stored box is answered from the stored copy, without verifying it again:
    // bundles are canonical, so the same box is the same bytes, and the stored bytes were
    // verified on the way in. Anything else (a new box, other bytes) goes the whole way.
    if let Some(fp) = claimed_fingerprint(&text) {
        match s.store.stored_as(fp, &text).await {
            Ok(Some((poll_hash, ballots))) => {
                if let Some(fp) = BoxFingerprint::from_hex(fp) {
                    return already_stored(fp, &poll_hash, u64::try_from(ballots).unwrap_or(0));
                }
            }
            Ok(None) => {}
            Err(e) => return internal(&e),
        }
    }
    let (bundle, text) = if text.len() <= VERIFY_IN_PLACE {
        (AuditBundle::verify(&text), text)
    } else {
        // A big bundle is CPU work for a while: keep it off the threads that serve connections.
        match tokio::task::spawn_blocking(move || (AuditBundle::verify(&text), text)).await {
            Ok(done) => done,
            Err(_) => return internal(&StoreError::Db(sqlx::Error::WorkerCrashed)),
        }
    };
    let bundle = match bundle {
        Ok(b) => b,
        Err(e) => {
            return refuse(
                StatusCode::UNPROCESSABLE_ENTITY,
                "refused",
                verify_reasons(&e),
            )
        }
    };
    let fp = bundle.fingerprint();
    let poll_hash = bundle.poll().hash().to_hex();
    let ballots = bundle.tally().ballots();
    match s.store.put(&bundle, text, &portal, now()).await {
        Ok(Stored::New) => stored(
            StatusCode::CREATED,
            "stored",
            fp,
            &poll_hash,
            ballots,
            format!("đã nhận và lưu hòm phiếu {}", fp.short()),
            format!("box {} received and stored", fp.short()),
        ),
        Ok(Stored::Already) => already_stored(fp, &poll_hash, ballots),
        Err(StoreError::Conflict { fingerprint, stored_seal }) => refuse(
            StatusCode::CONFLICT,
            "conflict",
            vec![Reason::new(
                "seal",
                format!("hòm phiếu {fingerprint} đã được lưu với biên bản khác (niêm phong {stored_seal}); không thay thế"),
                format!("box {fingerprint} is already stored with different minutes (seal {stored_seal}); not replaced"),
            )],
        ),
        Err(StoreError::DuplicateBallot { commitment, other }) => refuse(
            StatusCode::CONFLICT,
            "conflict",
            vec![Reason::new(
                "ballots",
                format!("phiếu {commitment} đã có trong hòm phiếu {other}: một phiếu không được tính hai lần"),
                format!("ballot {commitment} is already in box {other}: no ballot is counted twice"),
            )],
        ),
        Err(e) => internal(&e),
    }
}

/// Bundles up to this size (some 250 ballots) are verified on the connection's own thread:
/// under 0.2 ms (bench_ingest prints it), too short to hold up the connections that share the
/// thread, and a village box of 20 ballots (30 µs) costs less than a hand-off to another thread.
const VERIFY_IN_PLACE: usize = 64 * 1024;

/// The fingerprint a canonical bundle claims (its last but one field), only as a key to look
/// up a stored copy: it is trusted for nothing else.
fn claimed_fingerprint(text: &str) -> Option<&str> {
    const KEY: &str = "\"fingerprint\": \"";
    let at = text.rfind(KEY)? + KEY.len();
    let fp = text.get(at..at + 64)?;
    is_digest(fp).then_some(fp)
}

/// The answer to an upload the collector holds: 201 (new) or 200 (already stored).
fn stored(
    status: StatusCode,
    word: &str,
    fp: BoxFingerprint,
    poll_hash: &str,
    ballots: u64,
    vi: String,
    en: String,
) -> Response {
    (
        status,
        Json(json!({
            "status": word,
            "fingerprint": fp.to_hex(),
            "short": fp.short(),
            "poll_hash": poll_hash,
            "ballots": ballots,
            "vi": vi,
            "en": en,
        })),
    )
        .into_response()
}

fn already_stored(fp: BoxFingerprint, poll_hash: &str, ballots: u64) -> Response {
    stored(
        StatusCode::OK,
        "already_stored",
        fp,
        poll_hash,
        ballots,
        format!("hòm phiếu {} đã có từ trước, không lưu lần nữa", fp.short()),
        format!("box {} was already stored; not stored again", fp.short()),
    )
}

fn is_length_limit(e: &axum::Error) -> bool {
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(s) = source {
        if s.to_string().contains("length limit") {
            return true;
        }
        source = s.source();
    }
    false
}

fn is_digest(s: &str) -> bool {
    s.len() == 64
        && s.bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

fn bad_digest(path: &str) -> Response {
    refuse(
        StatusCode::NOT_FOUND,
        "not_found",
        vec![Reason::new(
            path,
            "cần 64 chữ số hex viết thường",
            "expected 64 lower-case hex digits",
        )],
    )
}

/// `GET /bundles/{fingerprint}`: the bundle as received, for an auditor to run `phieu verify`.
async fn get_bundle(State(s): State<Shared>, Path(fp): Path<String>) -> Response {
    if !is_digest(&fp) {
        return bad_digest("fingerprint");
    }
    match s.store.bundle(&fp).await {
        Ok(Some(json)) => ([(CONTENT_TYPE, "application/json")], json).into_response(),
        Ok(None) => not_found().await,
        Err(e) => internal(&e),
    }
}

/// Verifies stored bundles again (they were verified on the way in; this also guards against a
/// database edited by hand) and merges them with the core's `merge_bundles`, in fingerprint
/// order, so that the merged bundle does not depend on the order of arrival. Gives the merged
/// bundle and the boxes' fingerprints, sorted.
async fn combined(jsons: Vec<String>) -> Result<(AuditBundle, Vec<String>), Vec<Reason>> {
    let joined = tokio::task::spawn_blocking(move || {
        let mut bundles: Vec<AuditBundle> = Vec::with_capacity(jsons.len());
        for (i, j) in jsons.iter().enumerate() {
            match AuditBundle::verify(j) {
                Ok(b) => bundles.push(b),
                Err(e) => {
                    return Err(verify_reasons(&e)
                        .into_iter()
                        .map(|r| Reason::new(format!("boxes[{i}].{}", r.path), r.vi, r.en))
                        .collect())
                }
            }
        }
        bundles.sort_by_key(AuditBundle::fingerprint);
        let fingerprints = bundles.iter().map(|b| b.fingerprint().to_hex()).collect();
        merge_bundles(&bundles)
            .map(|m| (m.into_parts().0, fingerprints))
            .map_err(|e: MergeBundlesError| {
                vec![Reason::new(
                    e.path(),
                    e.message(Lang::Vi),
                    e.message(Lang::En),
                )]
            })
    })
    .await;
    joined.unwrap_or_else(|_| Err(vec![Reason::new("", "lỗi nội bộ", "internal error")]))
}

/// Every stored box of poll `hash` merged, or the answer to give instead: 404 for a bad or
/// unknown hash, 409 when the boxes do not merge, 500 when the database fails.
async fn merged_poll(s: &AppState, hash: &str) -> Result<(AuditBundle, Vec<String>), Response> {
    if !is_digest(hash) {
        return Err(bad_digest("poll_hash"));
    }
    let jsons = match s.store.bundles_of_poll(hash).await {
        Ok(j) if j.is_empty() => return Err(not_found().await),
        Ok(j) => j,
        Err(e) => return Err(internal(&e)),
    };
    combined(jsons)
        .await
        .map_err(|reasons| refuse(StatusCode::CONFLICT, "conflict", reasons))
}

/// `GET /polls/{hash}/tally`: every box of the poll merged into one public summary.
async fn tally(State(s): State<Shared>, Path(hash): Path<String>) -> Response {
    let (merged, fingerprints) = match merged_poll(&s, &hash).await {
        Ok(m) => m,
        Err(answer) => return answer,
    };
    // Embedded as raw JSON so that its bytes keep the canonical field order.
    let summary = RawValue::from_string(merged.public_summary().to_json())
        .unwrap_or_else(|_| RawValue::NULL.to_owned());
    Json(json!({
        "poll_hash": hash,
        "boxes": fingerprints.len(),
        "box_fingerprints": fingerprints,
        "ballots": merged.tally().ballots(),
        "outcomes": outcomes_json(&merged),
        "summary": summary,
    }))
    .into_response()
}

/// `GET /polls/{hash}/summary`: the merged public summary, byte for byte as phieu writes it,
/// for a portal to publish and anyone to check with `phieu verify`.
async fn summary(State(s): State<Shared>, Path(hash): Path<String>) -> Response {
    match merged_poll(&s, &hash).await {
        Ok((merged, _)) => (
            [(CONTENT_TYPE, "application/json")],
            merged.public_summary().to_json(),
        )
            .into_response(),
        Err(answer) => answer,
    }
}

/// Each decided item's outcome, with its sentence in both languages.
fn outcomes_json(merged: &AuditBundle) -> Vec<Value> {
    merged
        .outcomes()
        .iter()
        .map(|o| {
            json!({
                "item": o.item(),
                "result": o.result(),
                "vi": o.sentence(Lang::Vi),
                "en": o.sentence(Lang::En),
            })
        })
        .collect()
}

/// (poll id, title, boxes, ballots) of one poll in `/villages`.
type PollEntry = (String, String, u64, i64);

/// `GET /villages`: the villages heard from, with their polls, boxes and ballots.
async fn villages(State(s): State<Shared>) -> Response {
    let rows = match s.store.boxes().await {
        Ok(r) => r,
        Err(e) => return internal(&e),
    };
    // (commune, village) → poll hash → (poll id, title, boxes, ballots)
    let mut map: BTreeMap<(String, String), BTreeMap<String, PollEntry>> = BTreeMap::new();
    for r in rows {
        let polls = map.entry((r.commune, r.village)).or_default();
        let e = polls
            .entry(r.poll_hash)
            .or_insert((r.poll_id, r.title, 0, 0));
        e.2 += 1;
        e.3 = e.3.saturating_add(r.ballots);
    }
    let list: Vec<Value> = map
        .into_iter()
        .map(|((commune, village), polls)| {
            json!({
                "commune": commune,
                "village": village,
                "polls": polls.into_iter().map(|(hash, (id, title, boxes, ballots))| json!({
                    "poll_hash": hash,
                    "poll_id": id,
                    "title": title,
                    "boxes": boxes,
                    "ballots": ballots,
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    Json(json!({ "villages": list })).into_response()
}

#[derive(Debug, serde::Deserialize)]
struct RollupQuery {
    villages: Option<u64>,
}

/// `GET /communes/{commune}/polls/{poll_id}/rollup?villages=N`: each village's merged outcome,
/// and whether at least two-thirds of the commune's N villages approved (L 21.1).
async fn rollup(
    State(s): State<Shared>,
    Path((commune, poll_id)): Path<(String, String)>,
    query: Result<Query<RollupQuery>, axum::extract::rejection::QueryRejection>,
) -> Response {
    let Some(total) = query.ok().and_then(|q| q.0.villages) else {
        return refuse(
            StatusCode::BAD_REQUEST,
            "bad_request",
            vec![Reason::new(
                "villages",
                "cần ?villages=N: tổng số thôn, tổ dân phố của xã (khoản 1 Điều 21 Luật 10/2022/QH15 tính trên tất cả các thôn, không chỉ các thôn đã gửi)",
                "needs ?villages=N: every village of the commune (Article 21.1, Law 10/2022/QH15 counts all of them, not only those that reported)",
            )],
        );
    };
    let rows = match s.store.bundles_in_commune(&commune, &poll_id).await {
        Ok(r) if r.is_empty() => return not_found().await,
        Ok(r) => r,
        Err(e) => return internal(&e),
    };
    // Group the boxes by poll hash: one poll per village.
    let mut groups: Vec<(String, String, Vec<String>)> = Vec::new();
    for (hash, village, json) in rows {
        match groups.last_mut() {
            Some(g) if g.0 == hash => g.2.push(json),
            _ => groups.push((hash, village, vec![json])),
        }
    }
    let mut results = Vec::new();
    let mut villages = Vec::new();
    for (hash, village, jsons) in groups {
        let (merged, fingerprints) = match combined(jsons).await {
            Ok(m) => m,
            Err(reasons) => return refuse(StatusCode::CONFLICT, "conflict", reasons),
        };
        // A village approved when every decided item passed (a money decision has one).
        let approved =
            !merged.outcomes().is_empty() && merged.outcomes().iter().all(|o| o.passed());
        results.push(VillageResult::new(village.clone(), approved));
        villages.push(json!({
            "village": village,
            "poll_hash": hash,
            "boxes": fingerprints.len(),
            "ballots": merged.tally().ballots(),
            "approved": approved,
            "outcomes": outcomes_json(&merged),
        }));
    }
    match commune_rollup(total, &results) {
        Ok(outcome) => Json(json!({
            "commune": commune,
            "poll_id": poll_id,
            "villages_total": outcome.villages(),
            "villages_reporting": results.len(),
            "approved": outcome.approved(),
            "passed": outcome.passed(),
            "vi": outcome.sentence(Lang::Vi),
            "en": outcome.sentence(Lang::En),
            "villages": villages,
        }))
        .into_response(),
        Err(e @ MergeError::DuplicateVillage { .. }) => refuse(
            StatusCode::CONFLICT,
            "conflict",
            vec![Reason::new(
                e.path(),
                e.message(Lang::Vi),
                e.message(Lang::En),
            )],
        ),
        Err(e) => refuse(
            StatusCode::BAD_REQUEST,
            "bad_request",
            vec![Reason::new(
                e.path(),
                e.message(Lang::Vi),
                e.message(Lang::En),
            )],
        ),
    }
}

/// `GET /`: a small page listing the boxes received.
async fn index(State(s): State<Shared>) -> Response {
    let rows = match s.store.boxes().await {
        Ok(r) => r,
        Err(e) => return internal(&e),
    };
    let mut h = String::from(
        "<!doctype html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n<title>phieu collect</title>\n<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #999;padding:.3em .6em;text-align:left}td.n{text-align:right}code{font-size:.9em}</style>\n</head>\n<body>\n<h1>Hòm phiếu đã nhận <small>/ Boxes received</small></h1>\n",
    );
    h.push_str(&format!(
        "<p>{} hòm phiếu / boxes · <a href=\"/villages\">/villages</a></p>\n",
        rows.len()
    ));
    h.push_str("<table>\n<tr><th>Xã / Commune</th><th>Thôn / Village</th><th>Cuộc lấy ý kiến / Poll</th><th>Dấu vân tay / Fingerprint</th><th>Phiếu / Ballots</th><th>Cổng / Portal</th><th>Kết quả / Tally</th></tr>\n");
    for r in &rows {
        let short = phieu_core::BoxFingerprint::from_hex(&r.fingerprint)
            .map(|f| f.short())
            .unwrap_or_default();
        h.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td>{}</td><td><a href=\"/bundles/{}\"><code>{}</code></a></td><td class=\"n\">{}</td><td>{}</td><td><a href=\"/polls/{}/tally\">tally</a></td></tr>\n",
            esc(&r.commune),
            esc(&r.village),
            esc(&r.title),
            esc(&r.fingerprint),
            esc(&short),
            r.ballots,
            esc(&r.portal),
            esc(&r.poll_hash),
        ));
    }
    h.push_str("</table>\n</body>\n</html>\n");
    Html(h).into_response()
}
