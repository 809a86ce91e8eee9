//! The outbox pump: sends the audit bundles waiting in the upload outbox to the portal, from
//! the moment a page opens until it closes, whatever screen is showing.
//!
//! [`use_outbox_pump`] runs at the root of the tablet page and of the office page (through
//! `components::outbox_pump`, which only hands its [`OutboxContext`] to the screens; not the
//! survey page, whose closed survey enters the outbox on the office page, and which stays small
//! without it). It opens the outbox (IndexedDB, `edge::outbox`) and makes every waiting bundle
//! due at once, so a bundle left by a reload or an earlier meeting is sent without anyone
//! opening the results again. A failed try (offline, network, timeout, 408, 429, 5xx) waits 2 s
//! doubling to 5 min with jitter (`state::outbox::backoff_ms`); the browser's `online` event
//! makes every waiting bundle due at once. The portal's address and token are the officer's
//! settings (`edge::upload`), as saved: an address a link proposes (`?upload=`) is never sent
//! to from here (issue 17). What each step does to the outbox is the model's
//! (`state::outbox::pump`); the storage, the network and the timers are here.
//!
//! The screens that show the outbox (`components::upload` on the results) read it through
//! [`OutboxContext`] and ask the pump to act: put a bundle in, try again now, use new settings.
//! They never send anything themselves, so there is one loop per page, never two.

use std::rc::Rc;

use gloo::timers::callback::Timeout;
use yew::prelude::*;

use crate::edge::outbox::Outbox;
use crate::edge::store::StoreError;
use crate::edge::upload;
use crate::state::notice::Notice;
use crate::state::outbox::pump::{OutboxView, PumpAction};
use crate::state::outbox::{plan, Endpoint, Item};

/// The pump's reducer: the model's outbox, and the open database it was read from.
pub struct Pump {
    view: OutboxView,
    db: Option<Outbox>,
}

/// What the pump's I/O reports.
pub enum Msg {
    /// The outbox is open, with these items in it.
    Opened(Outbox, Vec<Item>),
    /// Any other step (`state::outbox::pump`).
    Step(PumpAction),
}

impl Reducible for Pump {
    type Action = Msg;

    fn reduce(self: Rc<Self>, action: Msg) -> Rc<Self> {
        Rc::new(match action {
            Msg::Opened(db, items) => Pump {
                view: self.view.apply(PumpAction::Opened(items)),
                db: Some(db),
            },
            Msg::Step(step) => Pump {
                view: self.view.apply(step),
                db: self.db.clone(),
            },
        })
    }
}

fn problem(e: &StoreError) -> PumpAction {
    PumpAction::Problem(Notice::each(|l| e.message(l)))
}

/// What a screen may ask of the pump.
enum Command {
    Enqueue(Item),
    Wake,
    NewEndpoint(Endpoint),
    NoEndpoint,
}

/// The outbox as the screens see it, and the way to ask the pump to act. Equal while the
/// outbox has not changed, so a screen redraws when it does.
#[derive(Clone)]
pub struct OutboxContext {
    pump: UseReducerHandle<Pump>,
    version: u64,
    commands: Callback<Command>,
}

impl PartialEq for OutboxContext {
    fn eq(&self, other: &Self) -> bool {
        self.version == other.version
    }
}

impl std::ops::Deref for OutboxContext {
    type Target = OutboxView;

    fn deref(&self) -> &OutboxView {
        &self.pump.view
    }
}

impl OutboxContext {
    /// Puts a bundle in the outbox, unless it is there already (then it is left as it is: a
    /// sent bundle is never reset), and sends it when it is due.
    pub fn enqueue(&self, item: Item) {
        self.commands.emit(Command::Enqueue(item));
    }

    /// Makes every waiting bundle due now ("try again now").
    pub fn wake(&self) {
        self.commands.emit(Command::Wake);
    }

    /// Sends to this address with this token from now on; refused bundles get one more try,
    /// since they are no longer sent unchanged.
    pub fn use_endpoint(&self, endpoint: Endpoint) {
        self.commands.emit(Command::NewEndpoint(endpoint));
    }

    /// Sends nowhere until [`OutboxContext::use_endpoint`]: the officer confirmed a new address
    /// whose token is still to be typed (the old token never goes there).
    pub fn stop_sending(&self) {
        self.commands.emit(Command::NoEndpoint);
    }
}

/// Sends one item and records the new state on disk, then reports it. An item another tab
/// (another page of the app on this device) has finished meanwhile stays finished.
fn try_once(db: Outbox, endpoint: Endpoint, item: Item, outbox: UseReducerDispatcher<Pump>) {
    outbox.dispatch(Msg::Step(PumpAction::Sending(item.fingerprint.clone())));
    yew::platform::spawn_local(async move {
        let outcome = upload::send(&endpoint, &item.fingerprint, &item.bundle).await;
        let state = item
            .state
            .after(outcome, upload::now_ms(), upload::jitter());
        let mut item = Item { state, ..item };
        match db.get(&item.fingerprint).await {
            Ok(Some(stored)) if !stored.state.is_waiting() => item = stored,
            _ => {
                if let Err(e) = db.put(&item).await {
                    outbox.dispatch(Msg::Step(problem(&e)));
                }
            }
        }
        outbox.dispatch(Msg::Step(PumpAction::Sent(item)));
    });
}

/// Runs the pump for as long as the component that calls it is mounted, and gives the outbox
/// to hand to the screens.
#[hook]
pub fn use_outbox_pump() -> OutboxContext {
    let outbox = use_reducer(|| {
        let initial = upload::load_settings();
        Pump {
            view: OutboxView::new(
                Endpoint::parse(&initial.settings.url, &initial.settings.token).ok(),
            ),
            db: None,
        }
    });

    // Open the outbox and resume what an earlier page left: everything waiting is due now.
    // The connection closes when the pump goes.
    {
        let dispatcher = outbox.dispatcher();
        let pump = outbox.clone();
        use_effect_with((), move |()| {
            yew::platform::spawn_local(async move {
                match Outbox::open().await {
                    Ok(db) => match db.all().await {
                        Ok(items) => {
                            dispatcher.dispatch(Msg::Opened(db, items));
                            dispatcher.dispatch(Msg::Step(PumpAction::Wake(upload::now_ms())));
                        }
                        Err(e) => dispatcher.dispatch(Msg::Step(problem(&e))),
                    },
                    Err(e) => dispatcher.dispatch(Msg::Step(problem(&e))),
                }
            });
            move || {
                if let Some(db) = &pump.db {
                    db.close();
                }
            }
        });
    }

    // The network is back: try every waiting bundle now.
    {
        let dispatcher = outbox.dispatcher();
        use_effect_with((), move |()| {
            let listener = upload::on_online(move |_| {
                dispatcher.dispatch(Msg::Step(PumpAction::Wake(upload::now_ms())))
            });
            move || drop(listener)
        });
    }

    // The loop: send what is due, sleep until the next is.
    {
        let dispatcher = outbox.dispatcher();
        let pump = outbox.clone();
        use_effect_with(outbox.view.version, move |_| {
            let view = &pump.view;
            let mut timer = None;
            if let (Some(db), Some(endpoint)) = (pump.db.clone(), view.endpoint.clone()) {
                let now = upload::now_ms();
                let plan = plan(&view.items, &view.in_flight, now);
                for fingerprint in &plan.due {
                    if let Some(item) = view.items.iter().find(|i| &i.fingerprint == fingerprint) {
                        try_once(
                            db.clone(),
                            endpoint.clone(),
                            item.clone(),
                            dispatcher.clone(),
                        );
                    }
                }
                if let Some(at) = plan.wake_at_ms {
                    let delay = (at - now).clamp(0.0, f64::from(u32::MAX)) as u32;
                    let dispatcher = dispatcher.clone();
                    timer = Some(Timeout::new(delay, move || {
                        dispatcher.dispatch(Msg::Step(PumpAction::Tick))
                    }));
                }
            }
            move || drop(timer)
        });
    }

    let commands = {
        let pump = outbox.clone();
        let dispatcher = outbox.dispatcher();
        Callback::from(move |command: Command| match command {
            Command::Enqueue(item) => {
                let Some(db) = pump.db.clone() else { return };
                let dispatcher = dispatcher.clone();
                yew::platform::spawn_local(async move {
                    match db.enqueue(item).await {
                        Ok(item) => dispatcher.dispatch(Msg::Step(PumpAction::Upsert(item))),
                        Err(e) => dispatcher.dispatch(Msg::Step(problem(&e))),
                    }
                });
            }
            Command::Wake => dispatcher.dispatch(Msg::Step(PumpAction::Wake(upload::now_ms()))),
            Command::NoEndpoint => dispatcher.dispatch(Msg::Step(PumpAction::NoEndpoint)),
            Command::NewEndpoint(endpoint) => {
                // Refused bundles get one more try; remember that on disk too, so a reload
                // before the try does not forget it.
                let now = upload::now_ms();
                if let Some(db) = pump.db.clone() {
                    let requeued = pump.view.requeued(now);
                    let dispatcher = dispatcher.clone();
                    yew::platform::spawn_local(async move {
                        for item in requeued {
                            if let Err(e) = db.put(&item).await {
                                dispatcher.dispatch(Msg::Step(problem(&e)));
                            }
                        }
                    });
                }
                dispatcher.dispatch(Msg::Step(PumpAction::NewEndpoint(endpoint, now)));
            }
        })
    };
    OutboxContext {
        version: outbox.view.version,
        pump: outbox,
        commands,
    }
}
