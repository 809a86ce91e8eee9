//! What every handler shares: the store, the tokens, the limits, the cache of verified merges;
//! and the collector's clock.

use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

use crate::routes::merged::Merges;
use crate::serve::Limits;
use crate::store::Store;
use crate::tokens::Tokens;

pub struct AppState {
    pub store: Store,
    pub tokens: Tokens,
    pub max_body_bytes: usize,
    pub limits: Limits,
    /// The verified merges of the sets of boxes asked for, computed once each.
    pub merges: Merges,
}

impl AppState {
    pub fn new(store: Store, tokens: Tokens, max_body_bytes: usize, limits: Limits) -> AppState {
        AppState {
            store,
            tokens,
            max_body_bytes,
            merges: Merges::new(limits.max_heavy_requests),
            limits,
        }
    }
}

/// The state as each handler receives it.
pub type Shared = Arc<AppState>;

/// The collector's clock, for the log (seconds since 1970; never a ballot's time).
pub fn now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}
