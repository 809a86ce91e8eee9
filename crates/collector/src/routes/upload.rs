//! `POST /bundles`: a tablet's or a portal's upload, verified with the core and stored once
//! (docs/collector.md §`POST /bundles`).

use axum::extract::{Request, State};
use axum::http::header::CONTENT_TYPE;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use phieu_core::{AuditBundle, BoxFingerprint};
use serde_json::json;

use super::access::{authorize, outside_scope};
use super::answer::{internal, is_digest, refuse, refuse_unread, verify_reasons, Reason};
use super::state::{now, AppState, Shared};
use crate::store::{LogEntry, Store, StoreError, Stored, StoredAs};
use crate::tokens::Role;
use crate::words::{http_words, log_words, Said};

/// `POST /bundles`: auth, then media type, then size, then verification, then storage.
pub async fn post_bundle(State(s): State<Shared>, req: Request) -> Response {
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
                Said::new(|l| http_words(l).needs_json),
            )],
        );
    }
    let too_large = || {
        refuse_unread(
            StatusCode::PAYLOAD_TOO_LARGE,
            "too_large",
            vec![Reason::new(
                "",
                Said::new(|l| http_words(l).too_large(s.max_body_bytes)),
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
                    Said::new(|l| http_words(l).body_timeout(s.limits.body_timeout.as_secs())),
                )],
            )
        }
        Ok(Err(_)) => {
            return refuse(
                StatusCode::BAD_REQUEST,
                "bad_request",
                vec![Reason::new(
                    "",
                    Said::new(|l| http_words(l).body_incomplete),
                )],
            )
        }
    };
    let Ok(text) = String::from_utf8(Vec::from(bytes)) else {
        return refuse(
            StatusCode::UNPROCESSABLE_ENTITY,
            "refused",
            vec![Reason::new("", Said::new(|l| http_words(l).not_utf8))],
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
                Said::new(|l| http_words(l).replaced(fp.short())),
            ),
            Err(StoreError::DuplicateBallot { commitment, other }) => refuse(
                StatusCode::CONFLICT,
                "conflict",
                vec![Reason::new(
                    "ballots",
                    Said::new(|l| http_words(l).duplicate_ballot(&commitment, &other)),
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
            Said::new(|l| http_words(l).stored(fp.short())),
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
                Said::new(|l| log_words(l).other_minutes(bundle.minutes_code().short()))
                    .joined(" / "),
            )
            .await;
            refuse(
                StatusCode::CONFLICT,
                "conflict",
                vec![Reason::new(
                    "seal",
                    Said::new(|l| http_words(l).other_minutes(&fingerprint, &stored_seal)),
                )],
            )
        }
        Err(StoreError::DuplicateBallot { commitment, other }) => {
            log_conflict(
                &s,
                &other,
                &portal,
                Said::new(|l| log_words(l).duplicate_ballot(fp.to_hex(), &commitment))
                    .joined(" / "),
            )
            .await;
            refuse(
                StatusCode::CONFLICT,
                "conflict",
                vec![Reason::new(
                    "ballots",
                    Said::new(|l| http_words(l).duplicate_ballot_elsewhere(&commitment, &other)),
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
    said: Said,
) -> Response {
    (
        status,
        Json(said.added_to(json!({
            "status": word,
            "fingerprint": fp.to_hex(),
            "short": fp.short(),
            "poll_hash": poll_hash,
            "ballots": ballots,
        }))),
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
        Said::new(|l| http_words(l).already_stored(fp.short())),
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
