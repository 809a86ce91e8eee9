//! Upload to the portal: the outbox on the results screen.
//!
//! "Gửi lên cổng thông tin" puts this meeting's audit bundle in the outbox (IndexedDB,
//! `edge::outbox`, keyed by the box fingerprint). Sending is not done here: the outbox pump
//! (`components::outbox_pump`, at the root of every page) sends every waiting bundle, this one and
//! any other left from an earlier meeting or a reload, and goes on after the officer has left
//! this screen. This component shows where each bundle stands — waiting (and when the next try
//! is), sent (201, or 200 when the portal already had it: resending is idempotent), or refused
//! with the portal's reason in the interface language — and takes the officer's settings and
//! "try again now".
//!
//! The address and token are set in the officer's form below the outbox, and saved only with
//! the officer's PIN. A link may propose an address (`?upload=`): it is shown first, with its
//! host in large type, and used only once the officer confirms it with the PIN; the saved token
//! never goes along to another origin (`state::outbox::Endpoint::parse_change`; issue 17).

use std::rc::Rc;

use phieu_core::Lang;
use yew::prelude::*;

use crate::components::outbox_pump::{OutboxContext, OutboxPump};
use crate::edge::form::input_value;
use crate::edge::upload::{self, Settings};
use crate::i18n::upload::{strings, Strings};
use crate::state::outbox::{
    check_url, host_of, short, Endpoint, Item, ItemState, TokenError, UrlError,
};
use crate::state::Notice;

/// Asks whether a PIN is the officer's: the PIN, and who hears `Ok` or what to say. The page
/// wires it to `effects::confirm_pin`, which counts wrong PINs and locks as the tablet does.
pub type PinCheck = Callback<(String, Callback<Result<(), Notice>>)>;

#[derive(Properties, PartialEq)]
pub struct UploadProps {
    pub lang: Lang,
    /// The audit bundle exactly as `AuditBundle::to_json` wrote it.
    pub bundle_json: Rc<String>,
    /// The box fingerprint in hex: the bundle's key in the outbox and at the collector.
    pub fingerprint: String,
    /// Checks the officer's PIN before the settings change.
    pub on_pin: PinCheck,
}

/// The outbox and the settings, read from the page's pump. A page without a pump at its root
/// gets one around this screen, which then sends only while the screen shows: the pump belongs
/// at the root (`components::outbox_pump`).
#[function_component(Upload)]
pub fn upload(props: &UploadProps) -> Html {
    let panel = html! {
        <UploadPanel lang={props.lang} bundle_json={props.bundle_json.clone()}
                     fingerprint={props.fingerprint.clone()} on_pin={props.on_pin.clone()} />
    };
    if use_context::<OutboxContext>().is_some() {
        panel
    } else {
        html! { <OutboxPump>{ panel }</OutboxPump> }
    }
}

#[function_component(UploadPanel)]
fn upload_panel(props: &UploadProps) -> Html {
    let t = strings(props.lang);
    let outbox = use_context::<OutboxContext>();
    let initial = use_memo((), |()| upload::load_settings());
    let url = use_state(|| initial.settings.url.clone());
    let token = use_state(|| initial.settings.token.clone());
    // What is saved: the token is refused for an address on another origin than this one.
    let saved = use_state(|| initial.settings.clone());
    let settings_pin = use_state(String::new);
    let settings_problem = use_state(|| None::<Notice>);
    // The address a link proposes, until the officer confirms or dismisses it.
    let proposed = use_state(|| initial.proposed.clone());
    let proposal_pin = use_state(String::new);
    let proposal_problem = use_state(|| None::<Notice>);
    let proposal_done = use_state(|| false);
    let form_errors = use_state(|| (None::<UrlError>, None::<TokenError>));
    // Whether the settings were saved (`Some(true)`), held only for this page (`Some(false)`).
    let form_note = use_state(|| None::<bool>);
    let need_settings = use_state(|| false);
    let configured = outbox.as_ref().is_some_and(|o| o.endpoint.is_some());

    let on_upload = {
        let outbox = outbox.clone();
        let need_settings = need_settings.clone();
        let item = Item {
            fingerprint: props.fingerprint.clone(),
            short: short(&props.fingerprint),
            bundle: props.bundle_json.clone(),
            state: ItemState::new(0.0),
        };
        Callback::from(move |_: MouseEvent| {
            if !configured {
                need_settings.set(true);
                return;
            }
            need_settings.set(false);
            if let Some(outbox) = &outbox {
                outbox.enqueue(Item {
                    state: ItemState::new(upload::now_ms()),
                    ..item.clone()
                });
            }
        })
    };

    let on_wake = {
        let outbox = outbox.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(outbox) = &outbox {
                outbox.wake();
            }
        })
    };

    let on_save = {
        let (url, token, saved) = (url.clone(), token.clone(), saved.clone());
        let (form_errors, form_note) = (form_errors.clone(), form_note.clone());
        let (settings_pin, settings_problem) = (settings_pin.clone(), settings_problem.clone());
        let need_settings = need_settings.clone();
        let outbox = outbox.clone();
        let on_pin = props.on_pin.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            form_note.set(None);
            settings_problem.set(None);
            let checked = match Endpoint::parse_change(&saved.url, &saved.token, &url, &token) {
                Ok(checked) => checked,
                Err(errors) => return form_errors.set(errors),
            };
            form_errors.set((None, None));
            let settings = Settings {
                url: (*url).clone(),
                token: (*token).clone(),
            };
            let (saved, form_note, settings_problem) =
                (saved.clone(), form_note.clone(), settings_problem.clone());
            let (need_settings, outbox) = (need_settings.clone(), outbox.clone());
            let pin = (*settings_pin).clone();
            settings_pin.set(String::new());
            on_pin.emit((
                pin,
                Callback::from(move |verdict: Result<(), Notice>| match verdict {
                    Ok(()) => {
                        form_note.set(Some(upload::save_settings(&settings)));
                        saved.set(settings.clone());
                        need_settings.set(false);
                        if let Some(outbox) = &outbox {
                            outbox.use_endpoint(checked.clone());
                        }
                    }
                    Err(why) => settings_problem.set(Some(why)),
                }),
            ));
        })
    };

    // A link's address: used only after the PIN, and without the old token.
    let on_confirm = {
        let (url, token, saved) = (url.clone(), token.clone(), saved.clone());
        let (proposed, proposal_pin) = (proposed.clone(), proposal_pin.clone());
        let (proposal_problem, proposal_done) = (proposal_problem.clone(), proposal_done.clone());
        let outbox = outbox.clone();
        let on_pin = props.on_pin.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(address) = (*proposed).clone() else {
                return;
            };
            let pin = (*proposal_pin).clone();
            proposal_pin.set(String::new());
            let (url, token, saved) = (url.clone(), token.clone(), saved.clone());
            let (proposed, proposal_problem) = (proposed.clone(), proposal_problem.clone());
            let (proposal_done, outbox) = (proposal_done.clone(), outbox.clone());
            on_pin.emit((
                pin,
                Callback::from(move |verdict: Result<(), Notice>| match verdict {
                    Ok(()) => {
                        let settings = Settings {
                            url: address.clone(),
                            token: String::new(),
                        };
                        upload::save_settings(&settings);
                        saved.set(settings);
                        url.set(address.clone());
                        token.set(String::new());
                        proposed.set(None);
                        proposal_problem.set(None);
                        proposal_done.set(true);
                        if let Some(outbox) = &outbox {
                            outbox.stop_sending();
                        }
                    }
                    Err(why) => proposal_problem.set(Some(why)),
                }),
            ));
        })
    };
    let on_keep = {
        let proposed = proposed.clone();
        Callback::from(move |_: MouseEvent| proposed.set(None))
    };

    let empty = Vec::new();
    let items = outbox.as_ref().map_or(&empty, |o| &o.items);
    let this = items.iter().find(|i| i.fingerprint == props.fingerprint);
    let others = items.iter().filter(|i| i.fingerprint != props.fingerprint);
    let show = |item: &Item, label: &str| {
        item_view(
            t,
            props.lang,
            item,
            label,
            outbox
                .as_ref()
                .is_some_and(|o| o.in_flight.contains(&item.fingerprint)),
            configured,
            &on_wake,
        )
    };
    let (url_error, token_error) = *form_errors;
    let ready = outbox.as_ref().is_some_and(|o| o.ready());
    let problem = outbox.as_ref().and_then(|o| o.problem.clone());

    html! {
        <section class="upload screen-only no-print" aria-labelledby="upload-heading">
            <h2 id="upload-heading">{ t.heading }</h2>
            if let Some(address) = &*proposed {
                { proposal(t, props.lang, address, &saved.url, &proposal_pin, (*proposal_problem).as_ref(), &on_confirm, &on_keep) }
            }
            if *proposal_done {
                <p class="upload-note" role="status">{ t.proposal_done }</p>
            }
            <p class="hint">{ t.intro }</p>
            if let Some(problem) = &problem {
                <p class="problem" role="alert">{ format!("{} {}", t.storage_failed, problem.get(props.lang)) }</p>
            }
            if this.is_none() {
                <button type="button" class="button upload-button" onclick={on_upload}
                        disabled={!ready}>{ t.upload }</button>
            }
            if *need_settings {
                <p class="problem" role="alert">{ t.need_settings }</p>
            }
            if !items.is_empty() {
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
                <p id="upload-url-hint" class="hint">{ t.url_hint }</p>
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
                <label for="upload-pin">{ t.settings_pin }</label>
                <input id="upload-pin" type="password" inputmode="numeric" autocomplete="off"
                       aria-describedby="upload-pin-hint" value={(*settings_pin).clone()}
                       oninput={let p = settings_pin.clone(); Callback::from(move |e: InputEvent| p.set(input_value(&e)))} />
                <p id="upload-pin-hint" class="hint">{ t.settings_pin_hint }</p>
                if let Some(why) = &*settings_problem {
                    <p class="problem" role="alert">{ why.get(props.lang) }</p>
                }
                <button type="submit" class="button button-secondary">{ t.save }</button>
                if let Some(stored) = *form_note {
                    <p class="upload-note" role="status">{ if stored { t.saved } else { t.save_failed } }</p>
                }
            </form>
        </section>
    }
}

/// The address a link proposes: its host in large type, the address in use, and the PIN.
#[allow(clippy::too_many_arguments)]
fn proposal(
    t: &'static Strings,
    lang: Lang,
    address: &str,
    current: &str,
    pin: &UseStateHandle<String>,
    problem: Option<&Notice>,
    on_confirm: &Callback<SubmitEvent>,
    on_keep: &Callback<MouseEvent>,
) -> Html {
    let host = host_of(address);
    let oninput = {
        let pin = pin.clone();
        Callback::from(move |e: InputEvent| pin.set(input_value(&e)))
    };
    html! {
        <form class="upload-proposal" role="group" aria-labelledby="upload-proposal-heading"
              onsubmit={on_confirm.clone()} novalidate=true>
            <h3 id="upload-proposal-heading">{ t.proposal_heading }</h3>
            if let Some(host) = host {
                <p>{ t.proposal_intro }</p>
                <p class="upload-host"><strong>{ host }</strong></p>
                <p class="mono upload-address">{ address }</p>
                <p>{ t.proposal_current }{ " " }
                    if current.trim().is_empty() { { t.proposal_none } }
                    else { <span class="mono">{ current }</span> }
                </p>
                <p class="hint">{ t.proposal_hint }</p>
                <label for="upload-proposal-pin">{ t.proposal_pin }</label>
                <input id="upload-proposal-pin" type="password" inputmode="numeric" autocomplete="off"
                       value={(**pin).clone()} {oninput} />
                if let Some(why) = problem {
                    <p class="problem" role="alert">{ why.get(lang) }</p>
                }
                <div class="actions">
                    <button type="submit" class="button">{ t.proposal_confirm }</button>
                    <button type="button" class="button button-secondary" onclick={on_keep.clone()}>{ t.proposal_keep }</button>
                </div>
            } else {
                <p class="problem" role="alert">
                    { t.proposal_bad }{ " " }<span class="mono">{ address }</span>
                    { check_url(address).err().map(|e| format!(" ({})", t.url_error(e))) }
                </p>
                <button type="button" class="button button-secondary" onclick={on_keep.clone()}>{ t.proposal_keep }</button>
            }
        </form>
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
                text.push_str(&t.next_try(upload::time_of_day(*next_try_ms), failures));
            }
            ("outbox-waiting", text)
        }
        ItemState::Sent(how) => ("outbox-sent", t.sent(*how).to_owned()),
        ItemState::Refused { status, .. } => ("outbox-refused", t.refused(status)),
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
