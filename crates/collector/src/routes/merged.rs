//! Boxes verified again and merged with the core, once per set of boxes however many requests
//! ask for it, and kept in a small cache: what a tally, a summary, a roll-up and a confirmation
//! read.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use axum::response::Response;
use phieu_core::merge::{merge_bundles, MergeBundlesError};
use phieu_core::AuditBundle;
use tokio::sync::{OnceCell, Semaphore};

use super::answer::{busy, internal, not_found, verify_reasons, Reason};
use crate::store::{Store, StoreError};
use crate::words::Said;

/// Sets of boxes whose merge is kept.
const MERGES_KEPT: usize = 64;

/// Ballots kept in merges (a parsed ballot with its opening is some hundreds of bytes).
const BALLOTS_KEPT: u64 = 1_000_000;

/// A verified merge, or why the boxes do not merge.
pub type Merge = Result<Arc<Merged>, Vec<Reason>>;

/// Boxes verified and merged.
pub struct Merged {
    pub bundle: AuditBundle,
    pub fingerprints: Vec<String>,
}

/// The verified merge of each set of boxes asked for, by their sorted fingerprints. A stored box
/// never changes (its fingerprint is its key, the first bundle stays), so an entry never goes
/// stale; a new box, a confirmation or a quarantine changes which set a tally asks for. Emptied
/// when it holds [`MERGES_KEPT`] sets or [`BALLOTS_KEPT`] ballots, so that it stays small
/// however many sets are asked for.
pub struct Merges {
    cells: Mutex<HashMap<Vec<String>, Arc<OnceCell<Merge>>>>,
    /// Heavy requests (a merge not yet cached) computed at once.
    heavy: Semaphore,
    /// How many times a set of stored bundles was verified and merged (the cache's misses).
    pub verifications: Arc<AtomicU64>,
}

impl Merges {
    /// An empty cache computing at most `heavy` merges at once.
    pub fn new(heavy: usize) -> Merges {
        Merges {
            cells: Mutex::new(HashMap::new()),
            heavy: Semaphore::new(heavy.max(1)),
            verifications: Arc::new(AtomicU64::new(0)),
        }
    }

    /// The verified merge of the boxes `fingerprints` (not empty): from the cache, or computed
    /// once however many requests ask for it at the same time (the others wait for the first).
    /// The outer error is the answer to give instead: 503 with `Retry-After` when
    /// [`Limits::max_heavy_requests`](crate::serve::Limits::max_heavy_requests) merges are already being computed, 500 when the
    /// database fails.
    pub async fn get(
        &self,
        store: &Store,
        mut fingerprints: Vec<String>,
    ) -> Result<Merge, Response> {
        fingerprints.sort();
        let cell = {
            let mut merges = self.cells.lock().unwrap_or_else(|p| p.into_inner());
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
            let Ok(_permit) = self.heavy.try_acquire() else {
                return Err(busy());
            };
            let mut jsons = Vec::with_capacity(fingerprints.len());
            for fp in &fingerprints {
                match store.bundle(fp).await {
                    Ok(Some(j)) => jsons.push(j),
                    Ok(None) => return Err(not_found().await),
                    Err(e) => return Err(internal(&e)),
                }
            }
            self.verifications.fetch_add(1, Ordering::Relaxed);
            tokio::task::spawn_blocking(move || combine(&jsons))
                .await
                .map_err(|_| internal(&StoreError::Db(sqlx::Error::WorkerCrashed)))
        })
        .await
        .cloned()
    }
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
                    .map(|r| Reason::new(format!("boxes[{i}].{}", r.path), r.said))
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
        .map_err(|e: MergeBundlesError| vec![Reason::new(e.path(), Said::new(|l| e.message(l)))])
}
