//! One stored box: its bundle for an auditor, its public summary for anyone, and what the commune
//! does with it: confirm it with the code on its signed paper minutes, or quarantine it
//! (docs/collector.md §Confirmation, §Quarantine).

use axum::extract::{Path, State};
use axum::http::header::CONTENT_TYPE;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::json;
use subtle::ConstantTimeEq;

use super::access::{authorize, box_in_scope, outside_scope};
use super::answer::{bad_digest, internal, is_digest, not_found, refuse, Reason};
use super::state::{now, Shared};
use crate::paper::paper_code;
use crate::store::{BoxState, LogEntry};
use crate::tokens::Role;
use crate::words::{http_words, log_words, Said};

#[derive(Debug, serde::Deserialize)]
pub struct QuarantineBody {
    reason: String,
}

/// `POST /boxes/{fingerprint}/quarantine` with `{"reason": "…"}`: an operator (a token with the
/// role `operator` covering the box) takes the box out of every tally, for good; the log keeps
/// who, when and why. The box's ballots are freed, so the real box that holds one of them can
/// be sent again.
pub async fn quarantine(
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
                    Said::new(|l| http_words(l).quarantine_needs_reason(r#"{"reason": "…"}"#)),
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
    let said = Said::new(|l| http_words(l).box_quarantined(&short));
    Json(said.added_to(json!({
        "status": "quarantined",
        "fingerprint": fp,
        "short": short,
    })))
    .into_response()
}

/// `GET /bundles/{fingerprint}`: the bundle as received, with every ballot's salt and opening,
/// for an auditor (a token with the role `auditor` whose place covers the box) to run
/// `phieu verify`. Anyone else gets 401 or 403 and the public summary's address: with a
/// receipt and the openings, a vote buyer could confirm a vote (docs/security.md).
pub async fn get_bundle(
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
pub async fn box_summary(State(s): State<Shared>, Path(fp): Path<String>) -> Response {
    if !is_digest(&fp) {
        return bad_digest("fingerprint");
    }
    // Only a stored box reaches the cache: unknown fingerprints must not push real merges out.
    match s.store.box_of(&fp).await {
        Ok(Some(_)) => {}
        Ok(None) => return not_found().await,
        Err(e) => return internal(&e),
    }
    match s.merges.get(&s.store, vec![fp]).await {
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
pub struct ConfirmBody {
    code: String,
}

/// `POST /boxes/{fingerprint}/confirm` with `{"code": "…"}`: someone at the commune (a token
/// with the role `confirmer` or `operator` covering the box) types the code printed on the
/// signed paper minutes; if it is this box's, the box counts from now on (a `confirm` line in
/// the log, with the token's name). A forged box has no signed paper, so it never counts.
pub async fn confirm(
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
                Said::new(|l| http_words(l).confirm_needs_code(r#"{"code": "…"}"#)),
            )],
        );
    };
    let (state, short) = match box_in_scope(&s, &token, &fp).await {
        Ok(found) => found,
        Err(answer) => return answer,
    };
    let answer = |status: StatusCode, word: &str, said: Said| {
        let body = json!({ "status": word, "fingerprint": fp, "short": short });
        (status, Json(said.added_to(body))).into_response()
    };
    match state {
        BoxState::Confirmed => {
            return answer(
                StatusCode::OK,
                "already_confirmed",
                Said::new(|l| http_words(l).already_confirmed(&short)),
            )
        }
        BoxState::Quarantined => {
            return refuse(
                StatusCode::CONFLICT,
                "quarantined",
                vec![Reason::new(
                    "",
                    Said::new(|l| http_words(l).cannot_confirm_quarantined(&short)),
                )],
            )
        }
        BoxState::Received => {}
    }
    let expected = match s.merges.get(&s.store, vec![fp.clone()]).await {
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
                Said::new(|l| http_words(l).wrong_code(&short)),
            )],
        );
    }
    let entry = LogEntry {
        at: now(),
        action: "confirm".to_owned(),
        subject: fp.clone(),
        actor: token.name.clone(),
        reason: Said::new(|l| log_words(l).code_matches).joined(" / "),
        generation: 0,
    };
    if let Err(e) = s.store.log(&entry).await {
        return internal(&e);
    }
    answer(
        StatusCode::OK,
        "confirmed",
        Said::new(|l| http_words(l).confirmed(&short)),
    )
}
