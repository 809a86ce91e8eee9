//! The collector's HTTP interface (docs/collector.md §Endpoints). Every refusal is JSON with a
//! `status` word and `reasons`, each with a field path and a message in Vietnamese and English,
//! so that a tablet can show the reason and a portal can log it.

use std::collections::{BTreeMap, HashMap};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use axum::extract::{Path, Query, Request, State};
use axum::http::header::{AUTHORIZATION, CONNECTION, CONTENT_TYPE, RETRY_AFTER, WWW_AUTHENTICATE};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode};
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
use subtle::ConstantTimeEq;
use tokio::sync::{OnceCell, Semaphore};
use tower_http::cors::{AllowOrigin, CorsLayer};

use super::store::{BoxState, Listed, LogEntry, StoreError, Stored, StoredAs};
use super::{paper_code, Role, Store, Token, Tokens};
use crate::minutes::esc;

pub(super) struct AppState {
    pub store: Store,
    pub tokens: Tokens,
    pub max_body_bytes: usize,
    pub limits: super::Limits,
    /// How many times a set of stored bundles was verified and merged (the cache's misses).
    pub verifications: Arc<AtomicU64>,
    /// The verified merge of each set of boxes asked for, by their sorted fingerprints. A
    /// stored box never changes (its fingerprint is its key, the first bundle stays), so an
    /// entry never goes stale; a new box, a confirmation or a quarantine changes which set a
    /// tally asks for. Emptied when it holds [`MERGES_KEPT`] sets or [`BALLOTS_KEPT`] ballots,
    /// so that it stays small however many sets are asked for.
    pub merges: Mutex<HashMap<Vec<String>, Arc<OnceCell<Merge>>>>,
    /// Heavy requests (a merge not yet cached) computed at once.
    pub heavy: Semaphore,
}

impl AppState {
    pub fn new(
        store: Store,
        tokens: Tokens,
        max_body_bytes: usize,
        limits: super::Limits,
    ) -> AppState {
        AppState {
            store,
            tokens,
            max_body_bytes,
            heavy: Semaphore::new(limits.max_heavy_requests.max(1)),
            limits,
            verifications: Arc::new(AtomicU64::new(0)),
            merges: Mutex::new(HashMap::new()),
        }
    }
}

/// Sets of boxes whose merge is kept.
const MERGES_KEPT: usize = 64;

/// Ballots kept in merges (a parsed ballot with its opening is some hundreds of bytes).
const BALLOTS_KEPT: u64 = 1_000_000;

/// A verified merge, or why the boxes do not merge.
type Merge = Result<Arc<Merged>, Vec<Reason>>;

/// Boxes verified and merged.
pub(super) struct Merged {
    bundle: AuditBundle,
    fingerprints: Vec<String>,
}

type Shared = Arc<AppState>;

pub(super) fn router(state: Shared, origins: &[HeaderValue]) -> Router {
    let router = Router::new()
        .route("/", get(index))
        .route("/bundles", post(post_bundle))
        .route("/bundles/{fingerprint}", get(get_bundle))
        .route("/bundles/{fingerprint}/summary", get(box_summary))
        .route("/boxes/{fingerprint}/confirm", post(confirm))
        .route("/boxes/{fingerprint}/quarantine", post(quarantine))
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

/// The token of this request, if it may act in one of `roles`: 401 without a known token or
/// with a revoked one (`WWW-Authenticate: Bearer`, the connection closed: the body is not
/// read), 403 for a token without the role. Revocations are read from the log at every
/// request, so `phieu collect token revoke` takes effect at once.
async fn authorize(s: &AppState, headers: &HeaderMap, roles: &[Role]) -> Result<Token, Response> {
    let unauthorized = |vi: String, en: String| {
        let mut r = refuse_unread(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            vec![Reason::new("Authorization", vi, en)],
        );
        r.headers_mut()
            .insert(WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        r
    };
    let auth = headers.get(AUTHORIZATION).and_then(|h| h.to_str().ok());
    let Some(token) = s.tokens.find(auth) else {
        return Err(unauthorized(
            "thiếu hoặc sai mã (Authorization: Bearer …)".to_owned(),
            "missing or wrong token (Authorization: Bearer …)".to_owned(),
        ));
    };
    match s.store.revoked(&token.name).await {
        Ok(false) => {}
        Ok(true) => {
            return Err(unauthorized(
                format!("mã {:?} đã bị thu hồi", token.name),
                format!("token {:?} has been revoked", token.name),
            ))
        }
        Err(e) => return Err(internal(&e)),
    }
    if !roles.iter().any(|r| token.has(*r)) {
        let words: Vec<&str> = roles.iter().map(|r| r.word()).collect();
        return Err(refuse_unread(
            StatusCode::FORBIDDEN,
            "forbidden",
            vec![Reason::new(
                "Authorization",
                format!(
                    "mã {:?} không có vai trò {}",
                    token.name,
                    words.join(" hay ")
                ),
                format!(
                    "token {:?} does not have the role {}",
                    token.name,
                    words.join(" or ")
                ),
            )],
        ));
    }
    Ok(token.clone())
}

/// 403: a box of a place the token does not cover.
/// The state and the short fingerprint of the stored box `fp`, if the token's place covers it;
/// otherwise the answer to give (404, 403, 500). Shared by confirming and quarantining.
async fn box_in_scope(s: &Shared, token: &Token, fp: &str) -> Result<(BoxState, String), Response> {
    let (row, state) = match s.store.box_of(fp).await {
        Ok(Some(found)) => found,
        Ok(None) => return Err(not_found().await),
        Err(e) => return Err(internal(&e)),
    };
    if !token.scope.covers(&row.commune, &row.village) {
        return Err(outside_scope(token, &row.commune, &row.village));
    }
    let short = BoxFingerprint::from_hex(fp)
        .map(|f| f.short())
        .unwrap_or_default();
    Ok((state, short))
}

fn outside_scope(token: &Token, commune: &str, village: &str) -> Response {
    refuse(
        StatusCode::FORBIDDEN,
        "outside_scope",
        vec![Reason::new(
            "poll.place",
            format!(
                "mã {:?} chỉ dùng cho {}; hòm phiếu này của {village}, {commune}",
                token.name,
                token.scope.describe()
            ),
            format!(
                "token {:?} is only for {}; this box is of {village}, {commune}",
                token.name,
                token.scope.describe()
            ),
        )],
    )
}

/// Records, against the stored box `subject`, that an upload was refused because of it, so
/// that the operator sees the conflict in its tally (the refused box is not stored). A
/// failure to record it does not change the answer to the upload.
async fn log_conflict(s: &AppState, subject: &str, portal: &str, reason: String) {
    let _ = s
        .store
        .log(&LogEntry {
            at: now(),
            action: "conflict".to_owned(),
            subject: subject.to_owned(),
            actor: portal.to_owned(),
            reason,
            generation: 0,
        })
        .await;
}

#[derive(Debug, serde::Deserialize)]
struct QuarantineBody {
    reason: String,
}

/// `POST /boxes/{fingerprint}/quarantine` with `{"reason": "…"}`: an operator (a token with the
/// role `operator` covering the box) takes the box out of every tally, for good; the log keeps
/// who, when and why. The box's ballots are freed, so the real box that holds one of them can
/// be sent again.
async fn quarantine(
    State(s): State<Shared>,
    Path(fp): Path<String>,
    headers: HeaderMap,
    body: Result<Json<QuarantineBody>, axum::extract::rejection::JsonRejection>,
) -> Response {
    if !is_digest(&fp) {
        return bad_digest("fingerprint");
    }
    let token = match authorize(&s, &headers, &[Role::Operator]).await {
        Ok(t) => t,
        Err(answer) => return answer,
    };
    let reason = match body {
        Ok(Json(b)) if !b.reason.trim().is_empty() => b.reason,
        _ => {
            return refuse(
                StatusCode::UNPROCESSABLE_ENTITY,
                "refused",
                vec![Reason::new(
                    "reason",
                    "cần {\"reason\": \"…\"}: lý do cách ly, ghi vào nhật ký",
                    "expected {\"reason\": \"…\"}: why, for the log",
                )],
            )
        }
    };
    let (state, short) = match box_in_scope(&s, &token, &fp).await {
        Ok(found) => found,
        Err(answer) => return answer,
    };
    if state != BoxState::Quarantined {
        let entry = LogEntry {
            at: now(),
            action: "quarantine".to_owned(),
            subject: fp.clone(),
            actor: token.name.clone(),
            reason,
            generation: 0,
        };
        if let Err(e) = s.store.quarantine(&entry).await {
            return internal(&e);
        }
    }
    Json(json!({
        "status": "quarantined",
        "fingerprint": fp,
        "short": short,
        "vi": format!("hòm phiếu {short} đã cách ly: không còn được tính"),
        "en": format!("box {short} quarantined: no longer counted"),
    }))
    .into_response()
}

/// `POST /bundles`: auth, then media type, then size, then verification, then storage.
async fn post_bundle(State(s): State<Shared>, req: Request) -> Response {
    let (parts, body) = req.into_parts();
    let token = match authorize(&s, &parts.headers, &[Role::Uploader]).await {
        Ok(t) => t,
        Err(answer) => return answer,
    };
    let portal = token.name.clone();
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
    // A bundle of a quarantined box with other minutes replaces it (once verified, below).
    let mut replaces: Option<String> = None;
    if let Some(fp) = claimed_fingerprint(&text) {
        match s.store.stored_as(fp, &text).await {
            Ok(StoredAs::Same { poll_hash, ballots }) => {
                if let Some(fp) = BoxFingerprint::from_hex(fp) {
                    return already_stored(fp, &poll_hash, u64::try_from(ballots).unwrap_or(0));
                }
            }
            Ok(StoredAs::Quarantined) => replaces = Some(fp.to_owned()),
            Ok(StoredAs::Nothing | StoredAs::Other) => {}
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
    let place = bundle.poll().place();
    if !token.scope.covers(place.commune(), place.village()) {
        return outside_scope(&token, place.commune(), place.village());
    }
    let fp = bundle.fingerprint();
    let poll_hash = bundle.poll().hash().to_hex();
    let ballots = bundle.tally().ballots();
    if replaces.as_deref() == Some(fp.to_hex().as_str()) {
        let new = Store::new_box(&bundle, text, &portal, now());
        return match s.store.replace(&new).await {
            Ok(()) => stored(
                StatusCode::CREATED,
                "replaced",
                fp,
                &poll_hash,
                ballots,
                format!("đã nhận hòm phiếu {} thay cho hòm đã cách ly; chờ xác nhận bằng mã trên biên bản giấy", fp.short()),
                format!("box {} received in place of the quarantined one; it counts once confirmed with the code on its paper minutes", fp.short()),
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
        };
    }
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
        Err(StoreError::Conflict {
            fingerprint,
            stored_seal,
        }) => {
            log_conflict(
                &s,
                &fingerprint,
                &portal,
                format!(
                    "hòm phiếu cùng mã kiểm tra với biên bản khác (mã biên bản {}) bị từ chối / the same box with other minutes (minutes code {}) was refused",
                    bundle.minutes_code().short(),
                    bundle.minutes_code().short()
                ),
            )
            .await;
            refuse(
            StatusCode::CONFLICT,
            "conflict",
            vec![Reason::new(
                "seal",
                format!("hòm phiếu {fingerprint} đã được lưu với biên bản khác (mã biên bản {stored_seal}); không thay thế"),
                format!("box {fingerprint} is already stored with different minutes (minutes code {stored_seal}); not replaced"),
            )],
        )
        }
        Err(StoreError::DuplicateBallot { commitment, other }) => {
            log_conflict(
                &s,
                &other,
                &portal,
                format!(
                    "hòm phiếu {} bị từ chối: phiếu {commitment} đã có trong hòm này / box {} was refused: ballot {commitment} is already in this box",
                    fp.to_hex(),
                    fp.to_hex()
                ),
            )
            .await;
            refuse(
            StatusCode::CONFLICT,
            "conflict",
            vec![Reason::new(
                "ballots",
                format!("phiếu {commitment} đã có trong hòm phiếu {other}: một phiếu không được tính hai lần; nếu hòm kia sai, cán bộ vận hành có thể cách ly nó rồi gửi lại hòm này"),
                format!("ballot {commitment} is already in box {other}: no ballot is counted twice; if that box is the wrong one, an operator can quarantine it, then send this one again"),
            )],
        )
        }
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

/// `GET /bundles/{fingerprint}`: the bundle as received, with every ballot's salt and opening,
/// for an auditor (a token with the role `auditor` whose place covers the box) to run
/// `phieu verify`. Anyone else gets 401 or 403 and the public summary's address: with a
/// receipt and the openings, a vote buyer could confirm a vote (docs/security.md).
async fn get_bundle(
    State(s): State<Shared>,
    Path(fp): Path<String>,
    headers: HeaderMap,
) -> Response {
    if !is_digest(&fp) {
        return bad_digest("fingerprint");
    }
    let token = match authorize(&s, &headers, &[Role::Auditor]).await {
        Ok(t) => t,
        Err(answer) => return answer,
    };
    let row = match s.store.box_of(&fp).await {
        Ok(Some((row, _))) => row,
        Ok(None) => return not_found().await,
        Err(e) => return internal(&e),
    };
    if !token.scope.covers(&row.commune, &row.village) {
        return outside_scope(&token, &row.commune, &row.village);
    }
    match s.store.bundle(&fp).await {
        Ok(Some(json)) => ([(CONTENT_TYPE, "application/json")], json).into_response(),
        Ok(None) => not_found().await,
        Err(e) => internal(&e),
    }
}

/// `GET /bundles/{fingerprint}/summary`: one box's public summary (commitments, counts,
/// outcomes; no salt, no opening), for anyone.
async fn box_summary(State(s): State<Shared>, Path(fp): Path<String>) -> Response {
    if !is_digest(&fp) {
        return bad_digest("fingerprint");
    }
    // Only a stored box reaches the cache: unknown fingerprints must not push real merges out.
    match s.store.box_of(&fp).await {
        Ok(Some(_)) => {}
        Ok(None) => return not_found().await,
        Err(e) => return internal(&e),
    }
    match merged(&s, vec![fp]).await {
        Ok(Ok(m)) => (
            [(CONTENT_TYPE, "application/json")],
            m.bundle.public_summary().to_json(),
        )
            .into_response(),
        Ok(Err(reasons)) => refuse(StatusCode::CONFLICT, "conflict", reasons),
        Err(answer) => answer,
    }
}

#[derive(Debug, serde::Deserialize)]
struct ConfirmBody {
    code: String,
}

/// `POST /boxes/{fingerprint}/confirm` with `{"code": "…"}`: someone at the commune (a token
/// with the role `confirmer` or `operator` covering the box) types the code printed on the
/// signed paper minutes; if it is this box's, the box counts from now on (a `confirm` line in
/// the log, with the token's name). A forged box has no signed paper, so it never counts.
async fn confirm(
    State(s): State<Shared>,
    Path(fp): Path<String>,
    headers: HeaderMap,
    body: Result<Json<ConfirmBody>, axum::extract::rejection::JsonRejection>,
) -> Response {
    if !is_digest(&fp) {
        return bad_digest("fingerprint");
    }
    let token = match authorize(&s, &headers, &[Role::Confirmer, Role::Operator]).await {
        Ok(t) => t,
        Err(answer) => return answer,
    };
    let Ok(Json(body)) = body else {
        return refuse(
            StatusCode::UNPROCESSABLE_ENTITY,
            "refused",
            vec![Reason::new(
                "code",
                "cần {\"code\": \"…\"}: mã in trên biên bản giấy đã ký",
                "expected {\"code\": \"…\"}: the code printed on the signed paper minutes",
            )],
        );
    };
    let (state, short) = match box_in_scope(&s, &token, &fp).await {
        Ok(found) => found,
        Err(answer) => return answer,
    };
    let answer = |status: StatusCode, word: &str, vi: String, en: String| {
        (
            status,
            Json(json!({ "status": word, "fingerprint": fp, "short": short, "vi": vi, "en": en })),
        )
            .into_response()
    };
    match state {
        BoxState::Confirmed => {
            return answer(
                StatusCode::OK,
                "already_confirmed",
                format!("hòm phiếu {short} đã được xác nhận từ trước"),
                format!("box {short} was already confirmed"),
            )
        }
        BoxState::Quarantined => {
            return refuse(
                StatusCode::CONFLICT,
                "quarantined",
                vec![Reason::new(
                    "",
                    format!("hòm phiếu {short} đã bị cách ly: không xác nhận được"),
                    format!("box {short} is quarantined: it cannot be confirmed"),
                )],
            )
        }
        BoxState::Received => {}
    }
    let expected = match merged(&s, vec![fp.clone()]).await {
        Ok(Ok(m)) => paper_code(&m.bundle),
        Ok(Err(reasons)) => return refuse(StatusCode::CONFLICT, "conflict", reasons),
        Err(answer) => return answer,
    };
    let typed: String = body
        .code
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .flat_map(char::to_lowercase)
        .collect();
    if !bool::from(typed.as_bytes().ct_eq(expected.as_bytes())) {
        return refuse(
            StatusCode::UNPROCESSABLE_ENTITY,
            "wrong_code",
            vec![Reason::new(
                "code",
                format!("mã này không phải mã trên biên bản của hòm phiếu {short}: hòm phiếu chưa được tính; kiểm tra lại biên bản giấy"),
                format!("this is not the code on the minutes of box {short}: the box is not counted; check the paper minutes"),
            )],
        );
    }
    let entry = LogEntry {
        at: now(),
        action: "confirm".to_owned(),
        subject: fp.clone(),
        actor: token.name.clone(),
        reason: "mã biên bản khớp / minutes code matches".to_owned(),
        generation: 0,
    };
    if let Err(e) = s.store.log(&entry).await {
        return internal(&e);
    }
    answer(
        StatusCode::OK,
        "confirmed",
        format!("đã xác nhận hòm phiếu {short}: từ nay được tính"),
        format!("box {short} confirmed: it counts from now on"),
    )
}

/// Verifies stored bundles again (they were verified on the way in; this also guards against a
/// database edited by hand) and merges them with the core's `merge_bundles`, in fingerprint
/// order, so that the merged bundle does not depend on the order of arrival.
fn combine(jsons: &[String]) -> Merge {
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
    if bundles.len() == 1 {
        let bundle = bundles.pop().expect("one bundle");
        return Ok(Arc::new(Merged {
            bundle,
            fingerprints,
        }));
    }
    merge_bundles(&bundles)
        .map(|m| {
            Arc::new(Merged {
                bundle: m.into_parts().0,
                fingerprints,
            })
        })
        .map_err(|e: MergeBundlesError| {
            vec![Reason::new(
                e.path(),
                e.message(Lang::Vi),
                e.message(Lang::En),
            )]
        })
}

/// The verified merge of the boxes `fingerprints` (not empty): from the cache, or computed
/// once however many requests ask for it at the same time (the others wait for the first).
/// The outer error is the answer to give instead: 503 with `Retry-After` when
/// [`super::Limits::max_heavy_requests`] merges are already being computed, 500 when the
/// database fails.
async fn merged(s: &AppState, mut fingerprints: Vec<String>) -> Result<Merge, Response> {
    fingerprints.sort();
    let cell = {
        let mut merges = s.merges.lock().unwrap_or_else(|p| p.into_inner());
        if !merges.contains_key(&fingerprints) {
            let ballots: u64 = merges
                .values()
                .filter_map(|cell| cell.get())
                .filter_map(|m| m.as_ref().ok())
                .map(|m| m.bundle.tally().ballots())
                .sum();
            if merges.len() >= MERGES_KEPT || ballots >= BALLOTS_KEPT {
                merges.clear();
            }
        }
        Arc::clone(merges.entry(fingerprints.clone()).or_default())
    };
    cell.get_or_try_init(|| async {
        let Ok(_permit) = s.heavy.try_acquire() else {
            return Err(busy());
        };
        let mut jsons = Vec::with_capacity(fingerprints.len());
        for fp in &fingerprints {
            match s.store.bundle(fp).await {
                Ok(Some(j)) => jsons.push(j),
                Ok(None) => return Err(not_found().await),
                Err(e) => return Err(internal(&e)),
            }
        }
        s.verifications.fetch_add(1, Ordering::Relaxed);
        tokio::task::spawn_blocking(move || combine(&jsons))
            .await
            .map_err(|_| internal(&StoreError::Db(sqlx::Error::WorkerCrashed)))
    })
    .await
    .cloned()
}

/// 503: too many heavy requests at once.
fn busy() -> Response {
    let mut r = refuse(
        StatusCode::SERVICE_UNAVAILABLE,
        "busy",
        vec![Reason::new(
            "",
            "máy chủ đang tính các kết quả khác; hãy thử lại sau vài giây",
            "the collector is computing other results; try again in a few seconds",
        )],
    );
    r.headers_mut()
        .insert(RETRY_AFTER, HeaderValue::from_static("5"));
    r
}

/// A box that does not count, as listed in every view of a tally.
fn not_counted_json(l: &Listed) -> Value {
    let short = BoxFingerprint::from_hex(&l.fingerprint)
        .map(|f| f.short())
        .unwrap_or_default();
    let (vi, en) = match l.state {
        BoxState::Received => (
            "đã nhận, chưa xác nhận: chưa tính (nhập mã trên biên bản giấy đã ký để xác nhận)",
            "received, not confirmed: not counted (enter the code on the signed paper minutes to confirm it)",
        ),
        BoxState::Quarantined => ("đã cách ly: không tính", "quarantined: not counted"),
        BoxState::Confirmed => ("", ""),
    };
    json!({
        "fingerprint": l.fingerprint,
        "short": short,
        "village": l.village,
        "ballots": l.ballots,
        "state": l.state,
        "vi": vi,
        "en": en,
    })
}

/// A poll's boxes, split into those counted (confirmed) and the others, or the answer to give
/// instead: 404 for a bad or unknown hash, 500 when the database fails.
async fn poll_boxes(
    s: &AppState,
    hash: &str,
) -> Result<(Vec<String>, Vec<Listed>, Vec<LogEntry>), Response> {
    if !is_digest(hash) {
        return Err(bad_digest("poll_hash"));
    }
    let listed = match s.store.boxes_of_poll(hash).await {
        Ok(l) if l.is_empty() => return Err(not_found().await),
        Ok(l) => l,
        Err(e) => return Err(internal(&e)),
    };
    let subjects: Vec<String> = listed.iter().map(|l| l.fingerprint.clone()).collect();
    let log = match s.store.log_of(&subjects).await {
        Ok(l) => l,
        Err(e) => return Err(internal(&e)),
    };
    let (counted, others): (Vec<Listed>, Vec<Listed>) = listed
        .into_iter()
        .partition(|l| l.state == BoxState::Confirmed);
    Ok((
        counted.into_iter().map(|l| l.fingerprint).collect(),
        others,
        log,
    ))
}

/// `GET /polls/{hash}/tally`: the confirmed boxes of the poll merged into one public summary;
/// the others listed as not counted, with the log of every box.
async fn tally(State(s): State<Shared>, Path(hash): Path<String>) -> Response {
    let (counted, others, log) = match poll_boxes(&s, &hash).await {
        Ok(b) => b,
        Err(answer) => return answer,
    };
    let not_counted: Vec<Value> = others.iter().map(not_counted_json).collect();
    let conflicts = open_conflicts(&log, &others);
    if counted.is_empty() {
        return Json(json!({
            "poll_hash": hash,
            "boxes": 0,
            "box_fingerprints": [],
            "ballots": 0,
            "outcomes": [],
            "summary": null,
            "not_counted": not_counted,
            "conflicts": conflicts,
            "log": log,
            "vi": "chưa có hòm phiếu nào được xác nhận: chưa có kết quả",
            "en": "no box is confirmed yet: no result",
        }))
        .into_response();
    }
    let m = match merged(&s, counted).await {
        Ok(Ok(m)) => m,
        Ok(Err(reasons)) => {
            // The confirmed boxes do not merge (electorates that differ, more ballots than
            // households): no result, the boxes and the reasons listed for the operator, who
            // quarantines the wrong one; never a tally that fails for good.
            let mut conflicts = conflicts;
            conflicts.push(json!({ "kind": "boxes_do_not_merge", "reasons": reasons }));
            return Json(json!({
                "poll_hash": hash,
                "boxes": 0,
                "box_fingerprints": [],
                "ballots": 0,
                "outcomes": [],
                "summary": null,
                "not_counted": not_counted,
                "conflicts": conflicts,
                "log": log,
                "vi": "các hòm phiếu đã xác nhận không gộp được: chưa có kết quả, xem conflicts",
                "en": "the confirmed boxes do not merge: no result, see conflicts",
            }))
            .into_response();
        }
        Err(answer) => return answer,
    };
    // Embedded as raw JSON so that its bytes keep the canonical field order.
    let summary = RawValue::from_string(m.bundle.public_summary().to_json())
        .unwrap_or_else(|_| RawValue::NULL.to_owned());
    Json(json!({
        "poll_hash": hash,
        "boxes": m.fingerprints.len(),
        "box_fingerprints": m.fingerprints,
        "ballots": m.bundle.tally().ballots(),
        "outcomes": outcomes_json(&m.bundle),
        "summary": summary,
        "not_counted": not_counted,
        "conflicts": conflicts,
        "log": log,
    }))
    .into_response()
}

/// The conflicts still open: uploads refused because of a stored box (log lines `conflict`)
/// that an operator has not quarantined.
fn open_conflicts(log: &[LogEntry], boxes: &[Listed]) -> Vec<Value> {
    // A conflict stays open while the box it names is the one it was about (not replaced since)
    // and counts or may still count (not quarantined).
    let open = |e: &LogEntry| {
        boxes
            .iter()
            .find(|l| l.fingerprint == e.subject)
            .is_none_or(|l| l.state != BoxState::Quarantined && l.generation == e.generation)
    };
    log.iter()
        .filter(|e| e.action == "conflict" && open(e))
        .map(|e| {
            json!({
                "kind": "upload_refused",
                "box": e.subject,
                "portal": e.actor,
                "at": e.at,
                "reason": e.reason,
            })
        })
        .collect()
}

/// `GET /polls/{hash}/summary`: the merged public summary of the confirmed boxes, byte for
/// byte as phieu writes it, for a portal to publish and anyone to check with `phieu verify`.
async fn summary(State(s): State<Shared>, Path(hash): Path<String>) -> Response {
    let (counted, _, _) = match poll_boxes(&s, &hash).await {
        Ok(b) => b,
        Err(answer) => return answer,
    };
    if counted.is_empty() {
        return refuse(
            StatusCode::NOT_FOUND,
            "not_confirmed",
            vec![Reason::new(
                "",
                "chưa có hòm phiếu nào của cuộc lấy ý kiến này được xác nhận",
                "no box of this poll is confirmed yet",
            )],
        );
    }
    match merged(&s, counted).await {
        Ok(Ok(m)) => (
            [(CONTENT_TYPE, "application/json")],
            m.bundle.public_summary().to_json(),
        )
            .into_response(),
        Ok(Err(reasons)) => refuse(StatusCode::CONFLICT, "conflict", reasons),
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

/// One poll in `/villages`: poll id, title, boxes and ballots received, and of them confirmed.
#[derive(Default)]
struct PollEntry {
    id: String,
    title: String,
    boxes: u64,
    ballots: i64,
    confirmed_boxes: u64,
    confirmed_ballots: i64,
}

/// `GET /villages`: the villages heard from, with their polls, boxes and ballots received and,
/// of them, those confirmed (only those count).
async fn villages(State(s): State<Shared>) -> Response {
    let (rows, states) = match (s.store.boxes().await, s.store.states().await) {
        (Ok(r), Ok(st)) => (r, st.into_iter().collect::<BTreeMap<_, _>>()),
        (Err(e), _) | (_, Err(e)) => return internal(&e),
    };
    // (commune, village) → poll hash → entry
    let mut map: BTreeMap<(String, String), BTreeMap<String, PollEntry>> = BTreeMap::new();
    for r in rows {
        let confirmed = states.get(&r.fingerprint) == Some(&BoxState::Confirmed);
        let polls = map.entry((r.commune, r.village)).or_default();
        let e = polls.entry(r.poll_hash).or_insert_with(|| PollEntry {
            id: r.poll_id,
            title: r.title,
            ..PollEntry::default()
        });
        e.boxes += 1;
        e.ballots = e.ballots.saturating_add(r.ballots);
        if confirmed {
            e.confirmed_boxes += 1;
            e.confirmed_ballots = e.confirmed_ballots.saturating_add(r.ballots);
        }
    }
    let list: Vec<Value> = map
        .into_iter()
        .map(|((commune, village), polls)| {
            json!({
                "commune": commune,
                "village": village,
                "polls": polls.into_iter().map(|(hash, e)| json!({
                    "poll_hash": hash,
                    "poll_id": e.id,
                    "title": e.title,
                    "boxes": e.boxes,
                    "ballots": e.ballots,
                    "confirmed_boxes": e.confirmed_boxes,
                    "confirmed_ballots": e.confirmed_ballots,
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    Json(json!({ "villages": list })).into_response()
}

#[derive(Debug, serde::Deserialize)]
struct RollupQuery {
    households: Option<u64>,
}

/// `GET /communes/{commune}/polls/{poll_id}/rollup?households=N`: each village's merged
/// outcome, and whether the households that agree, summed over the villages, are at least
/// two-thirds of the commune's N households (L 21.1; docs/legal.md §Commune totals).
async fn rollup(
    State(s): State<Shared>,
    Path((commune, poll_id)): Path<(String, String)>,
    query: Result<Query<RollupQuery>, axum::extract::rejection::QueryRejection>,
) -> Response {
    let Some(total) = query.ok().and_then(|q| q.0.households) else {
        return refuse(
            StatusCode::BAD_REQUEST,
            "bad_request",
            vec![Reason::new(
                "households",
                "cần ?households=N: tổng số hộ gia đình của cả xã (khoản 1 Điều 21 Luật 10/2022/QH15 tính trên tổng số đại diện hộ gia đình trong xã, không chỉ các thôn đã gửi)",
                "needs ?households=N: every household of the commune (Article 21.1, Law 10/2022/QH15 counts all the commune's household representatives, not only those of villages that reported)",
            )],
        );
    };
    let listed = match s.store.boxes_in_commune(&commune, &poll_id).await {
        Ok(r) if r.is_empty() => return not_found().await,
        Ok(r) => r,
        Err(e) => return internal(&e),
    };
    let subjects: Vec<String> = listed.iter().map(|l| l.fingerprint.clone()).collect();
    let log = match s.store.log_of(&subjects).await {
        Ok(l) => l,
        Err(e) => return internal(&e),
    };
    let others: Vec<Listed> = listed
        .iter()
        .filter(|l| l.state != BoxState::Confirmed)
        .cloned()
        .collect();
    let not_counted: Vec<Value> = others.iter().map(not_counted_json).collect();
    // The confirmed boxes, by village, then by poll hash: one poll per village.
    let mut by_village: BTreeMap<String, BTreeMap<String, Vec<String>>> = BTreeMap::new();
    for l in listed
        .into_iter()
        .filter(|l| l.state == BoxState::Confirmed)
    {
        by_village
            .entry(l.village)
            .or_default()
            .entry(l.poll_hash)
            .or_default()
            .push(l.fingerprint);
    }
    let mut results = Vec::new();
    let mut villages = Vec::new();
    let mut conflicts = open_conflicts(&log, &others);
    for (village, polls) in by_village {
        // Two polls with one id in one village (an edited poll): the village is left out and
        // the operator told, instead of the whole roll-up failing; quarantining the wrong
        // poll's boxes brings the village back.
        if polls.len() > 1 {
            conflicts.push(json!({
                "kind": "two_polls_one_id",
                "village": village,
                "poll_hashes": polls.keys().collect::<Vec<_>>(),
                "boxes": polls.values().flatten().collect::<Vec<_>>(),
                "vi": format!("{village} có {} cuộc lấy ý kiến khác nhau cùng mã {poll_id}: thôn này chưa được tính; cách ly các hòm phiếu của cuộc sai", polls.len()),
                "en": format!("{village} has {} different polls with the id {poll_id}: the village is not counted; quarantine the boxes of the wrong one", polls.len()),
            }));
            continue;
        }
        let Some((hash, fingerprints)) = polls.into_iter().next() else {
            continue;
        };
        let m = match merged(&s, fingerprints.clone()).await {
            Ok(Ok(m)) => m,
            Ok(Err(reasons)) => {
                conflicts.push(json!({
                    "kind": "boxes_do_not_merge",
                    "village": village,
                    "poll_hashes": [hash],
                    "boxes": fingerprints,
                    "reasons": reasons,
                }));
                continue;
            }
            Err(answer) => return answer,
        };
        let merged = &m.bundle;
        // A village approved when every decided item passed (a money decision has one); the
        // commune counts its households, not its approval.
        let approved =
            !merged.outcomes().is_empty() && merged.outcomes().iter().all(|o| o.passed());
        let Some(count) = VillageResult::of(merged) else {
            continue;
        };
        results.push(count);
        villages.push(json!({
            "village": village,
            "poll_hash": hash,
            "boxes": m.fingerprints.len(),
            "ballots": merged.tally().ballots(),
            "approved": approved,
            "outcomes": outcomes_json(merged),
        }));
    }
    match commune_rollup(total, &results) {
        Ok(outcome) => Json(json!({
            "commune": commune,
            "poll_id": poll_id,
            "households_total": outcome.households(),
            "households_reporting": outcome.reported(),
            "villages_reporting": results.len(),
            "agree": outcome.agree(),
            "passed": outcome.passed(),
            "vi": outcome.sentence(Lang::Vi),
            "en": outcome.sentence(Lang::En),
            "villages": villages,
            "not_counted": not_counted,
            "conflicts": conflicts,
            "log": log,
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

/// `GET /`: a small page listing the boxes received, whether each counts, and the log.
async fn index(State(s): State<Shared>) -> Response {
    let (rows, states, log) = match (
        s.store.boxes().await,
        s.store.states().await,
        s.store.whole_log().await,
    ) {
        (Ok(r), Ok(st), Ok(l)) => (r, st.into_iter().collect::<BTreeMap<_, _>>(), l),
        (Err(e), _, _) | (_, Err(e), _) | (_, _, Err(e)) => return internal(&e),
    };
    let mut h = String::from(
        "<!doctype html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n<title>phieu collect</title>\n<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #999;padding:.3em .6em;text-align:left}td.n{text-align:right}code{font-size:.9em}</style>\n</head>\n<body>\n<h1>Hòm phiếu đã nhận <small>/ Boxes received</small></h1>\n",
    );
    h.push_str(&format!(
        "<p>{} hòm phiếu / boxes · <a href=\"/villages\">/villages</a>. Một hòm phiếu chỉ được tính khi đã xác nhận bằng mã trên biên bản giấy đã ký / A box counts only once confirmed with the code on its signed paper minutes.</p>\n",
        rows.len()
    ));
    h.push_str("<table>\n<tr><th>Xã / Commune</th><th>Thôn / Village</th><th>Cuộc lấy ý kiến / Poll</th><th>Mã kiểm tra hòm phiếu / Fingerprint</th><th>Phiếu / Ballots</th><th>Cổng / Portal</th><th>Trạng thái / State</th><th>Kết quả / Tally</th></tr>\n");
    for r in &rows {
        let short = phieu_core::BoxFingerprint::from_hex(&r.fingerprint)
            .map(|f| f.short())
            .unwrap_or_default();
        let state = match states.get(&r.fingerprint) {
            Some(BoxState::Confirmed) => "đã xác nhận, được tính / confirmed, counted",
            Some(BoxState::Quarantined) => "đã cách ly, không tính / quarantined, not counted",
            _ => "đã nhận, chưa xác nhận / received, not confirmed",
        };
        // The public summary only: the bundle with its openings is for auditors.
        h.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td>{}</td><td><a href=\"/bundles/{}/summary\"><code>{}</code></a></td><td class=\"n\">{}</td><td>{}</td><td>{}</td><td><a href=\"/polls/{}/tally\">tally</a></td></tr>\n",
            esc(&r.commune),
            esc(&r.village),
            esc(&r.title),
            esc(&r.fingerprint),
            esc(&short),
            r.ballots,
            esc(&r.portal),
            state,
            esc(&r.poll_hash),
        ));
    }
    h.push_str("</table>\n<h2>Nhật ký <small>/ Log</small></h2>\n<table>\n<tr><th>Lúc / At (UTC s)</th><th>Việc / Action</th><th>Đối tượng / Subject</th><th>Người làm / By</th><th>Lý do / Reason</th></tr>\n");
    for e in &log {
        h.push_str(&format!(
            "<tr><td class=\"n\">{}</td><td>{}</td><td><code>{}</code></td><td>{}</td><td>{}</td></tr>\n",
            e.at,
            esc(&e.action),
            esc(&e.subject),
            esc(&e.actor),
            esc(&e.reason),
        ));
    }
    h.push_str("</table>\n</body>\n</html>\n");
    Html(h).into_response()
}
