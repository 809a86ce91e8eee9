//! The collector's HTTP interface (docs/collector.md §Endpoints). Every refusal is JSON with a
//! `status` word and `reasons`, each with a field path and a message in Vietnamese and English,
//! so that a tablet can show the reason and a portal can log it.
//!
//! One module per responsibility: the state every handler shares (`state`), the refusals
//! (`answer`), who may do what (`access`), the upload (`upload`), one box (`boxes`: its bundle,
//! its summary, confirming and quarantining it), the verified merges and their cache (`merged`),
//! a poll's tally and summary (`tally`), the villages heard from and a commune's roll-up
//! (`places`), and the page at `/` (`page`).

mod access;
mod answer;
mod boxes;
mod merged;
mod page;
mod places;
mod state;
mod tally;
mod upload;

use std::time::Duration;

use axum::http::header::{AUTHORIZATION, CONTENT_TYPE};
use axum::http::{HeaderValue, Method};
use axum::routing::{get, post};
use axum::Router;
use tower_http::cors::{AllowOrigin, CorsLayer};

pub use state::{AppState, Shared};

/// The collector's endpoints, and CORS for the origins given (none: no CORS headers at all).
pub fn router(state: Shared, origins: &[HeaderValue]) -> Router {
    let router = Router::new()
        .route("/", get(page::index))
        .route("/bundles", post(upload::post_bundle))
        .route("/bundles/{fingerprint}", get(boxes::get_bundle))
        .route("/bundles/{fingerprint}/summary", get(boxes::box_summary))
        .route("/boxes/{fingerprint}/confirm", post(boxes::confirm))
        .route("/boxes/{fingerprint}/quarantine", post(boxes::quarantine))
        .route("/polls/{hash}/tally", get(tally::tally))
        .route("/polls/{hash}/summary", get(tally::summary))
        .route("/villages", get(places::villages))
        .route(
            "/communes/{commune}/polls/{poll_id}/rollup",
            get(places::rollup),
        )
        .fallback(answer::not_found)
        .method_not_allowed_fallback(answer::method_not_allowed)
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
