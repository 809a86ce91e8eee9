//! The outbox pump: sends the audit bundles waiting in the upload outbox to the portal, from
//! the moment a page opens until it closes, whatever screen is showing.
//!
//! It wraps a page's whole tree (`<OutboxPump>{ … }</OutboxPump>` at the root of the tablet
//! page and of the office page; not the survey page, whose closed survey enters the outbox on
//! the office page, and which stays small without it) and draws nothing of its own. On mount it opens the outbox
//! (IndexedDB, `edge::outbox`) and makes every waiting bundle due at once, so a bundle left by
//! a reload or an earlier meeting is sent without anyone opening the results again. A failed try
//! (offline, network, timeout, 408, 429, 5xx) waits 2 s doubling to 5 min with jitter
//! (`state::outbox::backoff_ms`); the browser's `online` event makes every waiting bundle due
//! at once. The portal's address and token are the officer's settings (`edge::upload`), as
//! saved: an address a link proposes (`?upload=`) is never sent to from here (issue 17).
//!
//! The screens that show the outbox (`components::upload` on the results) read it through
//! [`OutboxContext`] and ask the pump to act: put a bundle in, try again now, use new settings.
//! They never send anything themselves, so there is one loop per page, never two.

use std::collections::BTreeSet;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use yew::prelude::*;

use crate::edge::outbox::Outbox;
use crate::edge::store::StoreError;
use crate::edge::upload;
use crate::state::outbox::{plan, Endpoint, Item, ItemState};

/// The outbox as the pump holds it.
#[derive(Default)]
pub struct OutboxView {
    db: Option<Outbox>,
    /// The last storage failure, for the screens to show.
    pub problem: Option<StoreError>,
    /// Every bundle in the outbox, sorted by fingerprint.
    pub items: Vec<Item>,
    /// The bundles on the wire right now.
    pub in_flight: BTreeSet<String>,
    /// Where bundles go; `None` until the officer has given a valid address and token.
    pub endpoint: Option<Endpoint>,
    /// Changes with every change, so that the loop reruns on a number.
    version: u64,
}

impl OutboxView {
    /// Whether the outbox is open (a bundle can be put in).
    pub fn ready(&self) -> bool {
        self.db.is_some()
    }

    /// How many bundles still wait to be sent.
    pub fn waiting(&self) -> usize {
        self.items.iter().filter(|i| i.state.is_waiting()).count()
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
}

enum Msg {
    Opened(Outbox, Vec<Item>),
    Problem(StoreError),
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

/// The pump's reducer around the view (its messages are the pump's own business).
#[derive(Default)]
struct Pump(OutboxView);

impl Reducible for Pump {
    type Action = Msg;

    fn reduce(self: Rc<Self>, action: Msg) -> Rc<Self> {
        let this = &self.0;
        let mut next = OutboxView {
            db: this.db.clone(),
            problem: this.problem.clone(),
            items: this.items.clone(),
            in_flight: this.in_flight.clone(),
            endpoint: this.endpoint.clone(),
            version: this.version.wrapping_add(1),
        };
        match action {
            Msg::Opened(db, items) => {
                next.db = Some(db);
                for item in items {
                    next.upsert(item);
                }
            }
            Msg::Problem(e) => next.problem = Some(e),
            Msg::Upsert(item) => next.upsert(item),
            Msg::Sending(fingerprint) => {
                next.in_flight.insert(fingerprint);
            }
            Msg::Sent(item) => {
                next.in_flight.remove(&item.fingerprint);
                next.upsert(item);
            }
            Msg::Wake(now) => {
                for item in &mut next.items {
                    item.state = item.state.wake(now);
                }
            }
            Msg::NewEndpoint(endpoint, now) => {
                next.endpoint = Some(endpoint);
                for item in &mut next.items {
                    item.state = item.state.after_new_settings(now);
                }
            }
            Msg::NoEndpoint => next.endpoint = None,
            Msg::Tick => {}
        }
        Rc::new(Pump(next))
    }
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
    view: UseReducerHandle<Pump>,
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
        &self.view.0
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
    outbox.dispatch(Msg::Sending(item.fingerprint.clone()));
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
                    outbox.dispatch(Msg::Problem(e));
                }
            }
        }
        outbox.dispatch(Msg::Sent(item));
    });
}

#[derive(Properties, PartialEq)]
pub struct OutboxPumpProps {
    /// The page: it can read the outbox through [`OutboxContext`].
    #[prop_or_default]
    pub children: Html,
}

#[function_component(OutboxPump)]
pub fn outbox_pump(props: &OutboxPumpProps) -> Html {
    let outbox = use_reducer(|| {
        let initial = upload::load_settings();
        Pump(OutboxView {
            endpoint: Endpoint::parse(&initial.settings.url, &initial.settings.token).ok(),
            ..OutboxView::default()
        })
    });

    // Open the outbox and resume what an earlier page left: everything waiting is due now.
    // The connection closes when the pump goes.
    {
        let dispatcher = outbox.dispatcher();
        let view = outbox.clone();
        use_effect_with((), move |()| {
            yew::platform::spawn_local(async move {
                match Outbox::open().await {
                    Ok(db) => match db.all().await {
                        Ok(items) => {
                            dispatcher.dispatch(Msg::Opened(db, items));
                            dispatcher.dispatch(Msg::Wake(upload::now_ms()));
                        }
                        Err(e) => dispatcher.dispatch(Msg::Problem(e)),
                    },
                    Err(e) => dispatcher.dispatch(Msg::Problem(e)),
                }
            });
            move || {
                if let Some(db) = &view.0.db {
                    db.close();
                }
            }
        });
    }

    // The network is back: try every waiting bundle now.
    {
        let dispatcher = outbox.dispatcher();
        use_effect_with((), move |()| {
            let listener =
                upload::on_online(move |_| dispatcher.dispatch(Msg::Wake(upload::now_ms())));
            move || drop(listener)
        });
    }

    // The loop: send what is due, sleep until the next is.
    {
        let dispatcher = outbox.dispatcher();
        let view = outbox.clone();
        use_effect_with(outbox.0.version, move |_| {
            let view = &view.0;
            let mut timer = None;
            if let (Some(db), Some(endpoint)) = (view.db.clone(), view.endpoint.clone()) {
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
                    timer = Some(Timeout::new(delay, move || dispatcher.dispatch(Msg::Tick)));
                }
            }
            move || drop(timer)
        });
    }

    let commands = {
        let view = outbox.clone();
        let dispatcher = outbox.dispatcher();
        Callback::from(move |command: Command| match command {
            Command::Enqueue(item) => {
                let Some(db) = view.0.db.clone() else { return };
                let dispatcher = dispatcher.clone();
                yew::platform::spawn_local(async move {
                    match db.enqueue(item).await {
                        Ok(item) => dispatcher.dispatch(Msg::Upsert(item)),
                        Err(e) => dispatcher.dispatch(Msg::Problem(e)),
                    }
                });
            }
            Command::Wake => dispatcher.dispatch(Msg::Wake(upload::now_ms())),
            Command::NoEndpoint => dispatcher.dispatch(Msg::NoEndpoint),
            Command::NewEndpoint(endpoint) => {
                // Refused bundles get one more try; remember that on disk too, so a reload
                // before the try does not forget it.
                let now = upload::now_ms();
                if let Some(db) = view.0.db.clone() {
                    let requeued: Vec<Item> = view
                        .0
                        .items
                        .iter()
                        .filter(|i| matches!(i.state, ItemState::Refused { .. }))
                        .map(|i| Item {
                            state: i.state.after_new_settings(now),
                            ..i.clone()
                        })
                        .collect();
                    let dispatcher = dispatcher.clone();
                    yew::platform::spawn_local(async move {
                        for item in requeued {
                            if let Err(e) = db.put(&item).await {
                                dispatcher.dispatch(Msg::Problem(e));
                            }
                        }
                    });
                }
                dispatcher.dispatch(Msg::NewEndpoint(endpoint, now));
            }
        })
    };
    let context = OutboxContext {
        version: outbox.0.version,
        view: outbox,
        commands,
    };

    html! {
        <ContextProvider<OutboxContext> {context}>
            { props.children.clone() }
        </ContextProvider<OutboxContext>>
    }
}
