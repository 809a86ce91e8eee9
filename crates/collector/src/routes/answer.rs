//! The collector's refusals: JSON with a `status` word and `reasons`, each with a field path and a
//! message in Vietnamese and English (docs/collector.md §Endpoints); and the check of the hex
//! digests in paths.

use axum::http::header::{CONNECTION, RETRY_AFTER};
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use phieu_core::VerifyError;
use serde::Serialize;
use serde_json::json;

use crate::store::StoreError;
use crate::words::{http_words, Said};

/// One reason for a refusal: its field path, and why in every language (`"vi"`, `"en"`…).
#[derive(Debug, Clone, Serialize)]
pub struct Reason {
    pub path: String,
    #[serde(flatten)]
    pub said: Said,
}

impl Reason {
    pub fn new(path: impl Into<String>, said: Said) -> Reason {
        Reason {
            path: path.into(),
            said,
        }
    }
}

pub fn refuse(status: StatusCode, word: &str, reasons: Vec<Reason>) -> Response {
    (status, Json(json!({ "status": word, "reasons": reasons }))).into_response()
}

/// A refusal sent before the request body was read to its end. The
/// connection is closed after it (`Connection: close`), so a client never
/// reuses a connection whose unread body would be taken for its next request,
/// nor one the server is about to drop.
pub fn refuse_unread(status: StatusCode, word: &str, reasons: Vec<Reason>) -> Response {
    let mut r = refuse(status, word, reasons);
    r.headers_mut()
        .insert(CONNECTION, HeaderValue::from_static("close"));
    r
}

pub fn internal(e: &StoreError) -> Response {
    refuse(
        StatusCode::INTERNAL_SERVER_ERROR,
        "error",
        vec![Reason::new(
            "",
            Said::new(|l| http_words(l).store_failed(e)),
        )],
    )
}

pub async fn not_found() -> Response {
    refuse(
        StatusCode::NOT_FOUND,
        "not_found",
        vec![Reason::new(
            "",
            Said::new(|l| http_words(l).no_such_endpoint),
        )],
    )
}

pub async fn method_not_allowed() -> Response {
    refuse(
        StatusCode::METHOD_NOT_ALLOWED,
        "method_not_allowed",
        vec![Reason::new("", Said::new(|l| http_words(l).wrong_method))],
    )
}

/// 503: too many heavy requests at once.
pub fn busy() -> Response {
    let mut r = refuse(
        StatusCode::SERVICE_UNAVAILABLE,
        "busy",
        vec![Reason::new("", Said::new(|l| http_words(l).busy))],
    );
    r.headers_mut()
        .insert(RETRY_AFTER, HeaderValue::from_static("5"));
    r
}

pub fn verify_reasons(e: &VerifyError) -> Vec<Reason> {
    match e {
        VerifyError::Parse(p) => vec![Reason::new(p.path(), Said::new(|l| p.message(l)))],
        VerifyError::Mismatch(list) => list
            .iter()
            .map(|d| Reason::new(d.path(), Said::new(|l| d.message(l))))
            .collect(),
    }
}

pub fn is_digest(s: &str) -> bool {
    s.len() == 64
        && s.bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

pub fn bad_digest(path: &str) -> Response {
    refuse(
        StatusCode::NOT_FOUND,
        "not_found",
        vec![Reason::new(path, Said::new(|l| http_words(l).bad_digest))],
    )
}
