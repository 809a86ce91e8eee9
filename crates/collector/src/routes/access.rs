//! Who may do what: the request's token, its roles and its place (docs/collector.md §Tokens and
//! roles).

use axum::http::header::{AUTHORIZATION, WWW_AUTHENTICATE};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::Response;
use phieu_core::BoxFingerprint;

use super::answer::{internal, not_found, refuse, refuse_unread, Reason};
use super::state::AppState;
use crate::store::BoxState;
use crate::tokens::{Role, Token};
use crate::words::{http_words, Said};

/// The token of this request, if it may act in one of `roles`: 401 without a known token or
/// with a revoked one (`WWW-Authenticate: Bearer`, the connection closed: the body is not
/// read), 403 for a token without the role. Revocations are read from the log at every
/// request, so `phieu collect token revoke` takes effect at once.
pub async fn authorize(
    s: &AppState,
    headers: &HeaderMap,
    roles: &[Role],
) -> Result<Token, Response> {
    let unauthorized = |said: Said| {
        let mut r = refuse_unread(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            vec![Reason::new("Authorization", said)],
        );
        r.headers_mut()
            .insert(WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        r
    };
    let auth = headers.get(AUTHORIZATION).and_then(|h| h.to_str().ok());
    let Some(token) = s.tokens.find(auth) else {
        return Err(unauthorized(Said::new(|l| http_words(l).no_token)));
    };
    match s.store.revoked(&token.name).await {
        Ok(false) => {}
        Ok(true) => {
            let name = format!("{:?}", token.name);
            return Err(unauthorized(Said::new(|l| {
                http_words(l).token_revoked(&name)
            })));
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
                Said::new(|l| {
                    let w = http_words(l);
                    let or = format!(" {} ", w.role_or);
                    w.lacks_role(format!("{:?}", token.name), words.join(&or))
                }),
            )],
        ));
    }
    Ok(token.clone())
}

/// The state and the short fingerprint of the stored box `fp`, if the token's place covers it;
/// otherwise the answer to give (404, 403, 500). Shared by confirming and quarantining.
pub async fn box_in_scope(
    s: &AppState,
    token: &Token,
    fp: &str,
) -> Result<(BoxState, String), Response> {
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

/// 403: a box of a place the token does not cover.
pub fn outside_scope(token: &Token, commune: &str, village: &str) -> Response {
    refuse(
        StatusCode::FORBIDDEN,
        "outside_scope",
        vec![Reason::new(
            "poll.place",
            Said::new(|l| {
                http_words(l).outside_scope(
                    format!("{:?}", token.name),
                    token.scope.describe(),
                    village,
                    commune,
                )
            }),
        )],
    )
}
