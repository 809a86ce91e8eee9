//! Upload to the portal: the outbox on the results screen.
//!
//! "Gửi lên cổng thông tin" puts this meeting's audit bundle in the outbox (IndexedDB,
//! `edge::outbox`, keyed by the box fingerprint) and the retry loop here sends every waiting
//! bundle, this one and any other left from an earlier meeting or a reload, to the portal's
//! address with the officer's token (`edge::upload`). A failed try (offline, network, timeout,
//! 408, 429, 5xx) waits 2 s doubling to 5 min with jitter (`state::outbox::backoff_ms`); the
//! browser's `online` event and the "try again now" button make every waiting bundle due at once.
//! Each bundle shows where it stands: waiting (and when the next try is), sent (201, or 200 when
//! the portal already had it: resending is idempotent), or refused with the portal's reason in
//! the interface language.
//!
//! The address and token are set in the officer's form below the outbox; an embedding portal
//! may give the address as `?upload=` (never the token: see `edge::upload`).

use std::collections::BTreeSet;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use phieu_core::Lang;
use yew::prelude::*;

use crate::edge::form::input_value;
use crate::edge::outbox::Outbox;
use crate::edge::store::StoreError;
use crate::edge::upload::{self, Settings};
use crate::i18n::upload::{strings, Strings};
use crate::state::outbox::{plan, short, Endpoint, Item, ItemState, TokenError, UrlError};

#[derive(Properties, PartialEq)]
pub struct UploadProps {
    pub lang: Lang,
    /// The audit bundle exactly as `AuditBundle::to_json` wrote it.
    pub bundle_json: Rc<String>,
    /// The box fingerprint in hex: the bundle's key in the outbox and at the collector.
    pub fingerprint: String,
}

/// The outbox as this component holds it. `version` changes with every change, so the retry
/// loop reruns on a number rather than comparing bundles.
#[derive(Default)]
struct OutboxView {
    db: Option<Outbox>,
    problem: Option<StoreError>,
    items: Vec<Item>,
    in_flight: BTreeSet<String>,
    version: u64,
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
    /// The portal's settings changed at this time: refused items get one more try.
    NewSettings(f64),
    /// A backoff ended: look again.
    Tick,
}

impl OutboxView {
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

impl Reducible for OutboxView {
    type Action = Msg;

    fn reduce(self: Rc<Self>, action: Msg) -> Rc<Self> {
        let mut next = OutboxView {
            db: self.db.clone(),
            problem: self.problem.clone(),
            items: self.items.clone(),
            in_flight: self.in_flight.clone(),
            version: self.version.wrapping_add(1),
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
            Msg::NewSettings(now) => {
                for item in &mut next.items {
                    item.state = item.state.after_new_settings(now);
                }
            }
            Msg::Tick => {}
        }
        Rc::new(next)
    }
}

/// Sends one item, records the new state on disk, and reports it.
fn try_once(db: Outbox, endpoint: Endpoint, item: Item, outbox: UseReducerDispatcher<OutboxView>) {
    outbox.dispatch(Msg::Sending(item.fingerprint.clone()));
    yew::platform::spawn_local(async move {
        let outcome = upload::send(&endpoint, &item.fingerprint, &item.bundle).await;
        let state = item
            .state
            .after(outcome, upload::now_ms(), upload::jitter());
        let item = Item { state, ..item };
        if let Err(e) = db.put(&item).await {
            outbox.dispatch(Msg::Problem(e));
        }
        outbox.dispatch(Msg::Sent(item));
    });
}

#[function_component(Upload)]
pub fn upload(props: &UploadProps) -> Html {
    let t = strings(props.lang);
    let outbox = use_reducer(OutboxView::default);
    let initial = use_memo((), |()| upload::load_settings());
    let url = use_state(|| initial.settings.url.clone());
    let token = use_state(|| initial.settings.token.clone());
    let endpoint =
        use_state(|| Endpoint::parse(&initial.settings.url, &initial.settings.token).ok());
    let form_errors = use_state(|| (None::<UrlError>, None::<TokenError>));
    // Whether the settings were saved (`Some(true)`), held only for this page (`Some(false)`).
    let form_note = use_state(|| None::<bool>);
    let need_settings = use_state(|| false);

    // Open the outbox and resume what an earlier page left: everything waiting is due now.
    {
        let dispatcher = outbox.dispatcher();
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

    // The retry loop: send what is due, sleep until the next is.
    {
        let dispatcher = outbox.dispatcher();
        let view = outbox.clone();
        use_effect_with(
            (outbox.version, (*endpoint).clone()),
            move |(_, endpoint)| {
                let mut timer = None;
                if let (Some(db), Some(endpoint)) = (view.db.clone(), endpoint.clone()) {
                    let now = upload::now_ms();
                    let plan = plan(&view.items, &view.in_flight, now);
                    for fingerprint in &plan.due {
                        if let Some(item) =
                            view.items.iter().find(|i| &i.fingerprint == fingerprint)
                        {
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
            },
        );
    }

    let on_upload = {
        let dispatcher = outbox.dispatcher();
        let db = outbox.db.clone();
        let endpoint = endpoint.clone();
        let need_settings = need_settings.clone();
        let item = Item {
            fingerprint: props.fingerprint.clone(),
            short: short(&props.fingerprint),
            bundle: props.bundle_json.clone(),
            state: ItemState::new(0.0),
        };
        Callback::from(move |_: MouseEvent| {
            if endpoint.is_none() {
                need_settings.set(true);
                return;
            }
            need_settings.set(false);
            let Some(db) = db.clone() else {
                return;
            };
            let item = Item {
                state: ItemState::new(upload::now_ms()),
                ..item.clone()
            };
            let dispatcher = dispatcher.clone();
            yew::platform::spawn_local(async move {
                match db.enqueue(item).await {
                    Ok(item) => dispatcher.dispatch(Msg::Upsert(item)),
                    Err(e) => dispatcher.dispatch(Msg::Problem(e)),
                }
            });
        })
    };

    let on_wake = {
        let dispatcher = outbox.dispatcher();
        Callback::from(move |_: MouseEvent| dispatcher.dispatch(Msg::Wake(upload::now_ms())))
    };

    let on_save = {
        let (url, token) = (url.clone(), token.clone());
        let (endpoint, form_errors, form_note) =
            (endpoint.clone(), form_errors.clone(), form_note.clone());
        let need_settings = need_settings.clone();
        let view = outbox.clone();
        let dispatcher = outbox.dispatcher();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match Endpoint::parse(&url, &token) {
                Ok(checked) => {
                    form_errors.set((None, None));
                    let stored = upload::save_settings(&Settings {
                        url: (*url).clone(),
                        token: (*token).clone(),
                    });
                    form_note.set(Some(stored));
                    need_settings.set(false);
                    endpoint.set(Some(checked));
                    // A refused bundle gets one more try with the new settings; remember that
                    // on disk too, so a reload before the try does not forget it.
                    let now = upload::now_ms();
                    if let Some(db) = view.db.clone() {
                        let requeued: Vec<Item> = view
                            .items
                            .iter()
                            .filter(|i| matches!(i.state, ItemState::Refused { .. }))
                            .map(|i| Item {
                                state: i.state.after_new_settings(now),
                                ..i.clone()
                            })
                            .collect();
                        yew::platform::spawn_local(async move {
                            for item in requeued {
                                let _ = db.put(&item).await;
                            }
                        });
                    }
                    dispatcher.dispatch(Msg::NewSettings(now));
                }
                Err(errors) => {
                    form_note.set(None);
                    form_errors.set(errors);
                }
            }
        })
    };

    let this = outbox
        .items
        .iter()
        .find(|i| i.fingerprint == props.fingerprint);
    let others = outbox
        .items
        .iter()
        .filter(|i| i.fingerprint != props.fingerprint);
    let configured = endpoint.is_some();
    let show = |item: &Item, label: &str| {
        item_view(
            t,
            props.lang,
            item,
            label,
            outbox.in_flight.contains(&item.fingerprint),
            configured,
            &on_wake,
        )
    };
    let (url_error, token_error) = *form_errors;

    html! {
        <section class="upload screen-only no-print" aria-labelledby="upload-heading">
            <h2 id="upload-heading">{ t.heading }</h2>
            <p class="hint">{ t.intro }</p>
            if let Some(problem) = &outbox.problem {
                <p class="problem" role="alert">{ format!("{} {}", t.storage_failed, problem.message(props.lang)) }</p>
            }
            if this.is_none() {
                <button type="button" class="button upload-button" onclick={on_upload}
                        disabled={outbox.db.is_none()}>{ t.upload }</button>
            }
            if *need_settings {
                <p class="problem" role="alert">{ t.need_settings }</p>
            }
            if this.is_some() || !outbox.items.is_empty() {
                <ul class="outbox" aria-label={t.outbox_label}>
                    { for this.map(|item| show(item, t.this_box)) }
                    { for others.map(|item| show(item, t.other_box)) }
                </ul>
            }
            <form class="upload-settings" onsubmit={on_save} novalidate=true>
                <h3>{ t.settings_heading }</h3>
                <label for="upload-url">{ t.url_label }</label>
                <input id="upload-url" type="url" inputmode="url" autocomplete="off" spellcheck="false"
                       placeholder="https://xa.example.vn/phieu/bundles"
                       aria-describedby="upload-url-hint"
                       aria-invalid={url_error.is_some().then_some("true")}
                       value={(*url).clone()}
                       oninput={let url = url.clone(); Callback::from(move |e: InputEvent| url.set(input_value(&e)))} />
                <p id="upload-url-hint" class="hint">
                    { t.url_hint }
                    if initial.url_from_portal && *url == initial.settings.url { { " " }{ t.url_from_portal } }
                </p>
                if let Some(e) = url_error {
                    <p class="problem" role="alert">{ t.url_error(e) }</p>
                }
                <label for="upload-token">{ t.token_label }</label>
                <input id="upload-token" type="password" autocomplete="off" spellcheck="false"
                       aria-describedby="upload-token-hint"
                       aria-invalid={token_error.is_some().then_some("true")}
                       value={(*token).clone()}
                       oninput={let token = token.clone(); Callback::from(move |e: InputEvent| token.set(input_value(&e)))} />
                <p id="upload-token-hint" class="hint">{ t.token_hint }</p>
                if let Some(e) = token_error {
                    <p class="problem" role="alert">{ t.token_error(e) }</p>
                }
                <button type="submit" class="button button-secondary">{ t.save }</button>
                if let Some(stored) = *form_note {
                    <p class="upload-note" role="status">{ if stored { t.saved } else { t.save_failed } }</p>
                }
            </form>
        </section>
    }
}

/// One bundle of the outbox with where it stands.
fn item_view(
    t: &'static Strings,
    lang: Lang,
    item: &Item,
    label: &str,
    sending: bool,
    configured: bool,
    on_wake: &Callback<MouseEvent>,
) -> Html {
    let (class, text) = match &item.state {
        _ if sending => ("outbox-sending", t.sending.to_owned()),
        ItemState::Waiting { .. } if !configured => {
            ("outbox-waiting", t.waiting_for_settings.to_owned())
        }
        ItemState::Waiting {
            failures,
            next_try_ms,
            last,
        } => {
            let mut text = match last {
                Some(why) => format!("{}. ", t.retry(*why)),
                None => t.waiting.to_owned(),
            };
            if *failures > 0 {
                text.push_str(
                    &t.next_try
                        .replace("{time}", &upload::time_of_day(*next_try_ms))
                        .replace("{n}", &failures.to_string()),
                );
            }
            ("outbox-waiting", text)
        }
        ItemState::Sent(how) => ("outbox-sent", t.sent(*how).to_owned()),
        ItemState::Refused { status, .. } => (
            "outbox-refused",
            t.refused.replace("{status}", &status.to_string()),
        ),
    };
    html! {
        <li class={classes!("outbox-item", class)} key={item.fingerprint.clone()}>
            <p class="outbox-box">{ format!("{label}: ") }<code class="outbox-short">{ &item.short }</code></p>
            <p class="outbox-state" role="status">{ text }</p>
            if let ItemState::Refused { reasons, .. } = &item.state {
                <ul class="outbox-reasons">
                    if reasons.is_empty() {
                        <li>{ t.refused_no_reason }</li>
                    }
                    { for reasons.iter().map(|r| html! { <li>{ r.text(lang) }</li> }) }
                </ul>
                <p class="hint">{ t.refused_hint }</p>
            }
            if item.state.is_waiting() && configured && !sending {
                <button type="button" class="button button-secondary outbox-retry"
                        onclick={on_wake.clone()}>{ t.retry_now }</button>
            }
        </li>
    }
}
