//! The pump's steps, natively.

use std::rc::Rc;

use super::*;
use crate::state::outbox::{Accepted, Reason};

fn item(fingerprint: &str, state: ItemState) -> Item {
    Item {
        fingerprint: fingerprint.into(),
        short: fingerprint.to_uppercase(),
        bundle: Rc::new("{}".into()),
        state,
    }
}

fn refused() -> ItemState {
    ItemState::Refused {
        status: 401,
        reasons: vec![Reason {
            vi: "sai mã".into(),
            en: "wrong token".into(),
        }],
    }
}

fn endpoint() -> Endpoint {
    Endpoint {
        url: "https://xa.example/bundles".into(),
        token: "t".repeat(32),
    }
}

#[test]
fn opening_sorts_the_items_by_fingerprint_and_every_step_changes_the_version() {
    let closed = OutboxView::new(None);
    assert!(!closed.ready());
    let open = closed.apply(PumpAction::Opened(vec![
        item("bb", ItemState::new(0.0)),
        item("aa", ItemState::Sent(Accepted::Stored)),
    ]));
    assert!(open.ready());
    assert_eq!(
        open.items
            .iter()
            .map(|i| &i.fingerprint[..])
            .collect::<Vec<_>>(),
        ["aa", "bb"]
    );
    assert_eq!(open.waiting(), 1);
    assert_ne!(open.version, closed.version);
    let ticked = open.apply(PumpAction::Tick);
    assert_ne!(ticked.version, open.version);
    assert_eq!(ticked.items, open.items);
}

#[test]
fn a_try_is_in_flight_until_it_ends_and_its_item_is_replaced() {
    let open = OutboxView::new(Some(endpoint()))
        .apply(PumpAction::Opened(vec![item("aa", ItemState::new(0.0))]));
    let sending = open.apply(PumpAction::Sending("aa".into()));
    assert!(sending.in_flight.contains("aa"));
    let sent = sending.apply(PumpAction::Sent(item(
        "aa",
        ItemState::Sent(Accepted::Stored),
    )));
    assert!(sent.in_flight.is_empty());
    assert_eq!(sent.items.len(), 1);
    assert_eq!(sent.waiting(), 0);
}

#[test]
fn new_settings_give_refused_bundles_one_more_try_and_a_waking_makes_waiting_ones_due() {
    let open = OutboxView::new(None).apply(PumpAction::Opened(vec![
        item("aa", refused()),
        item(
            "bb",
            ItemState::Waiting {
                failures: 3,
                next_try_ms: 50_000.0,
                last: None,
            },
        ),
    ]));
    assert_eq!(
        open.requeued(1_000.0),
        vec![item("aa", ItemState::new(1_000.0))]
    );
    let woken = open.apply(PumpAction::Wake(1_000.0));
    assert_eq!(woken.items[0].state, refused());
    assert!(matches!(
        woken.items[1].state,
        ItemState::Waiting { failures: 3, next_try_ms, .. } if next_try_ms == 1_000.0
    ));
    let moved = open.apply(PumpAction::NewEndpoint(endpoint(), 2_000.0));
    assert_eq!(moved.endpoint, Some(endpoint()));
    assert_eq!(moved.items[0].state, ItemState::new(2_000.0));
    assert_eq!(moved.apply(PumpAction::NoEndpoint).endpoint, None);
}

#[test]
fn a_storage_failure_is_kept_for_the_screens() {
    let failed = OutboxView::new(None).apply(PumpAction::Problem(Notice::each(|l| {
        l.pick("hỏng", "broken")
    })));
    assert_eq!(
        failed.problem,
        Some(Notice::each(|l| l.pick("hỏng", "broken")))
    );
    assert!(!failed.ready());
}
