//! The places heard from: `GET /villages`, and a commune's roll-up of one poll over its villages
//! under the two-thirds-of-households rule (L 21.1; docs/collector.md §Commune roll-up).

use std::collections::BTreeMap;

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use phieu_core::{commune_rollup, MergeError, VillageResult};
use serde_json::{json, Value};

use super::answer::{internal, not_found, refuse, Reason};
use super::state::Shared;
use super::tally::{not_counted_json, open_conflicts, outcomes_json};
use crate::store::{BoxState, Listed};
use crate::words::{http_words, Said};

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
pub async fn villages(State(s): State<Shared>) -> Response {
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
pub struct RollupQuery {
    households: Option<u64>,
}

/// `GET /communes/{commune}/polls/{poll_id}/rollup?households=N`: each village's merged
/// outcome, and whether the households that agree, summed over the villages, are at least
/// two-thirds of the commune's N households (L 21.1; docs/legal.md §Commune totals).
pub async fn rollup(
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
                Said::new(|l| http_words(l).rollup_needs_households),
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
            let said =
                Said::new(|l| http_words(l).two_polls_one_id(&village, polls.len(), &poll_id));
            conflicts.push(said.added_to(json!({
                "kind": "two_polls_one_id",
                "village": village,
                "poll_hashes": polls.keys().collect::<Vec<_>>(),
                "boxes": polls.values().flatten().collect::<Vec<_>>(),
            })));
            continue;
        }
        let Some((hash, fingerprints)) = polls.into_iter().next() else {
            continue;
        };
        let m = match s.merges.get(&s.store, fingerprints.clone()).await {
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
        Ok(outcome) => Json(Said::new(|l| outcome.sentence(l)).added_to(json!({
            "commune": commune,
            "poll_id": poll_id,
            "households_total": outcome.households(),
            "households_reporting": outcome.reported(),
            "villages_reporting": results.len(),
            "agree": outcome.agree(),
            "passed": outcome.passed(),
            "villages": villages,
            "not_counted": not_counted,
            "conflicts": conflicts,
            "log": log,
        })))
        .into_response(),
        Err(e @ MergeError::DuplicateVillage { .. }) => refuse(
            StatusCode::CONFLICT,
            "conflict",
            vec![Reason::new(e.path(), Said::new(|l| e.message(l)))],
        ),
        Err(e) => refuse(
            StatusCode::BAD_REQUEST,
            "bad_request",
            vec![Reason::new(e.path(), Said::new(|l| e.message(l)))],
        ),
    }
}
