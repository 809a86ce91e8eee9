//! A poll's result: `GET /polls/{hash}/tally` (the confirmed boxes merged, the others listed as
//! not counted, the open conflicts and the log) and `GET /polls/{hash}/summary` (the merged
//! public summary, byte for byte).

use axum::extract::{Path, State};
use axum::http::header::CONTENT_TYPE;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use phieu_core::{AuditBundle, BoxFingerprint};
use serde_json::value::RawValue;
use serde_json::{json, Value};

use super::answer::{bad_digest, internal, is_digest, not_found, refuse, Reason};
use super::state::{AppState, Shared};
use crate::store::{BoxState, Listed, LogEntry};
use crate::words::{http_words, Said};

/// A box that does not count, as listed in every view of a tally.
pub fn not_counted_json(l: &Listed) -> Value {
    let short = BoxFingerprint::from_hex(&l.fingerprint)
        .map(|f| f.short())
        .unwrap_or_default();
    let said = Said::new(|lang| match l.state {
        BoxState::Received => http_words(lang).not_confirmed_state,
        BoxState::Quarantined => http_words(lang).quarantined_state,
        BoxState::Confirmed => "",
    });
    said.added_to(json!({
        "fingerprint": l.fingerprint,
        "short": short,
        "village": l.village,
        "ballots": l.ballots,
        "state": l.state,
    }))
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
pub async fn tally(State(s): State<Shared>, Path(hash): Path<String>) -> Response {
    let (counted, others, log) = match poll_boxes(&s, &hash).await {
        Ok(b) => b,
        Err(answer) => return answer,
    };
    let not_counted: Vec<Value> = others.iter().map(not_counted_json).collect();
    let conflicts = open_conflicts(&log, &others);
    if counted.is_empty() {
        let said = Said::new(|l| http_words(l).no_box_confirmed);
        return Json(said.added_to(json!({
            "poll_hash": hash,
            "boxes": 0,
            "box_fingerprints": [],
            "ballots": 0,
            "outcomes": [],
            "summary": null,
            "not_counted": not_counted,
            "conflicts": conflicts,
            "log": log,
        })))
        .into_response();
    }
    let m = match s.merges.get(&s.store, counted).await {
        Ok(Ok(m)) => m,
        Ok(Err(reasons)) => {
            // The confirmed boxes do not merge (electorates that differ, more ballots than
            // households): no result, the boxes and the reasons listed for the operator, who
            // quarantines the wrong one; never a tally that fails for good.
            let mut conflicts = conflicts;
            conflicts.push(json!({ "kind": "boxes_do_not_merge", "reasons": reasons }));
            let said = Said::new(|l| http_words(l).boxes_do_not_merge);
            return Json(said.added_to(json!({
                "poll_hash": hash,
                "boxes": 0,
                "box_fingerprints": [],
                "ballots": 0,
                "outcomes": [],
                "summary": null,
                "not_counted": not_counted,
                "conflicts": conflicts,
                "log": log,
            })))
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
pub fn open_conflicts(log: &[LogEntry], boxes: &[Listed]) -> Vec<Value> {
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
pub async fn summary(State(s): State<Shared>, Path(hash): Path<String>) -> Response {
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
                Said::new(|l| http_words(l).no_box_of_poll_confirmed),
            )],
        );
    }
    match s.merges.get(&s.store, counted).await {
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
pub fn outcomes_json(merged: &AuditBundle) -> Vec<Value> {
    merged
        .outcomes()
        .iter()
        .map(|o| {
            Said::new(|l| o.sentence(l)).added_to(json!({
                "item": o.item(),
                "result": o.result(),
            }))
        })
        .collect()
}
