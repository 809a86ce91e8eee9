//! The outbox pump's model: the outbox as the page holds it while sending (what is in it, what
//! is on the wire, where bundles go) and how each step of the pump changes it.
//!
//! The pump itself (IndexedDB, the timers, the `online` event, the sending) is an effect,
//! `effects::outbox`; this is its reducer, plain Rust with the time as an input, so every step
//! is a native unit test.

use std::collections::BTreeSet;

use super::{Endpoint, Item, ItemState};
use crate::state::notice::Notice;

/// The outbox as the pump holds it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct OutboxView {
    /// Whether the outbox (IndexedDB) is open.
    open: bool,
    /// The last storage failure, for the screens to show.
    pub problem: Option<Notice>,
    /// Every bundle in the outbox, sorted by fingerprint.
    pub items: Vec<Item>,
    /// The bundles on the wire right now.
    pub in_flight: BTreeSet<String>,
    /// Where bundles go; `None` until the officer has given a valid address and token.
    pub endpoint: Option<Endpoint>,
    /// Changes with every change, so that the loop reruns on a number.
    pub version: u64,
}

/// What happens to the outbox, as the pump reports it.
#[derive(Clone, Debug, PartialEq)]
pub enum PumpAction {
    /// The outbox is open, with these items in it.
    Opened(Vec<Item>),
    /// Storage failed: what to tell the officer.
    Problem(Notice),
    /// An item is new or has a new state (after a try, or as read back).
    Upsert(Item),
    Sending(String),
    /// A try ended: the item with its new state.
    Sent(Item),
    /// Every waiting item is due at this time (the network is back, or the officer asked).
    Wake(f64),
    /// New portal settings at this time: refused items get one more try.
    NewEndpoint(Endpoint, f64),
    /// The address changed and its token is not known yet: nothing is sent until it is.
    NoEndpoint,
    /// A backoff ended: look again.
    Tick,
}

impl OutboxView {
    /// An outbox not opened yet, sending to `endpoint` (the saved settings, when valid).
    pub fn new(endpoint: Option<Endpoint>) -> OutboxView {
        OutboxView {
            endpoint,
            ..OutboxView::default()
        }
    }

    /// Whether the outbox is open (a bundle can be put in).
    pub fn ready(&self) -> bool {
        self.open
    }

    /// How many bundles still wait to be sent.
    pub fn waiting(&self) -> usize {
        self.items.iter().filter(|i| i.state.is_waiting()).count()
    }

    /// The refused items as new settings at `now_ms` leave them (one more try each): what the
    /// pump stores again, so a reload before the try does not forget it.
    pub fn requeued(&self, now_ms: f64) -> Vec<Item> {
        self.items
            .iter()
            .filter(|i| matches!(i.state, ItemState::Refused { .. }))
            .map(|i| Item {
                state: i.state.after_new_settings(now_ms),
                ..i.clone()
            })
            .collect()
    }

    fn upsert(&mut self, item: Item) {
        match self
            .items
            .binary_search_by(|i| i.fingerprint.cmp(&item.fingerprint))
        {
            Ok(at) => self.items[at] = item,
            Err(at) => self.items.insert(at, item),
        }
    }

    /// The outbox after `action`; every action changes the version, so the loop looks again.
    pub fn apply(&self, action: PumpAction) -> OutboxView {
        let mut next = OutboxView {
            version: self.version.wrapping_add(1),
            ..self.clone()
        };
        match action {
            PumpAction::Opened(items) => {
                next.open = true;
                for item in items {
                    next.upsert(item);
                }
            }
            PumpAction::Problem(e) => next.problem = Some(e),
            PumpAction::Upsert(item) => next.upsert(item),
            PumpAction::Sending(fingerprint) => {
                next.in_flight.insert(fingerprint);
            }
            PumpAction::Sent(item) => {
                next.in_flight.remove(&item.fingerprint);
                next.upsert(item);
            }
            PumpAction::Wake(now) => {
                for item in &mut next.items {
                    item.state = item.state.wake(now);
                }
            }
            PumpAction::NewEndpoint(endpoint, now) => {
                next.endpoint = Some(endpoint);
                for item in &mut next.items {
                    item.state = item.state.after_new_settings(now);
                }
            }
            PumpAction::NoEndpoint => next.endpoint = None,
            PumpAction::Tick => {}
        }
        next
    }
}

#[cfg(test)]
mod tests;
