//! Sending one audit bundle to the portal, and what the upload needs from the browser: the
//! portal's address and token, the clock, random jitter and the `online` event.
//!
//! One try is a `POST` of the bundle's exact bytes (docs/collector.md §`POST /bundles`) with
//! `Authorization: Bearer <token>`, abandoned through an `AbortController` after
//! [`TIMEOUT_MS`]; the answer is read by [`classify`] in `state::outbox`, which decides between
//! sent, refused and "try again".
//!
//! The address and token are the officer's settings, kept in `localStorage` under
//! [`SETTINGS_KEY`] as `{"url": …, "token": …}`; only they are ever used to send. A link may
//! *propose* an address in the query (`?upload=https://…`, an embedding portal's way to fill
//! it in), but a proposal is only that (issue 17: a link must not steal the outbox): nothing is
//! sent there until the officer has seen its host and confirmed it with the PIN
//! (`components::upload`), and even then the saved token does not follow it: the officer types
//! the new portal's token. A token is never taken from the address either: a query or
//! `#fragment` ends up in history, logs and the `Referer`, where a token must not be.

use gloo::events::EventListener;
use gloo::net::http::Request;
use gloo::timers::callback::Timeout;
use serde::{Deserialize, Serialize};
use web_sys::AbortController;

use crate::edge::random;
use crate::state::outbox::{classify, Endpoint, Outcome, Retry, TIMEOUT_MS};

/// The `localStorage` key of the portal's address and token.
pub const SETTINGS_KEY: &str = "phieu.upload";
/// The query parameter by which an embedding portal names the upload address.
pub const QUERY_KEY: &str = "upload";

/// The settings as stored (unchecked: they are checked into an [`Endpoint`] before use).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    #[serde(default)]
    pub url: String,
    #[serde(default)]
    pub token: String,
}

/// The settings to start with, and the address a link proposes in their place.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Initial {
    /// What the officer saved: the only settings the outbox sends with.
    pub settings: Settings,
    /// `?upload=` when it differs from the saved address: shown for the officer to confirm,
    /// never used before that.
    pub proposed: Option<String>,
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// `?upload=` from the address, percent-decoded.
fn url_from_query() -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    let value = search
        .trim_start_matches('?')
        .split('&')
        .find_map(|pair| pair.strip_prefix("upload="))?;
    let value = value.replace('+', " ");
    js_sys::decode_uri_component(&value)
        .ok()
        .and_then(|v| v.as_string())
        .filter(|v| !v.trim().is_empty())
}

/// The stored settings, and the address `?upload=` proposes when it is another one.
pub fn load_settings() -> Initial {
    let settings: Settings = local_storage()
        .and_then(|s| s.get_item(SETTINGS_KEY).ok().flatten())
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default();
    let proposed = url_from_query().filter(|url| url.trim() != settings.url.trim());
    Initial { settings, proposed }
}

/// Remembers the settings on this tablet. `false` when storage refused them (then they hold
/// until the page is closed).
pub fn save_settings(settings: &Settings) -> bool {
    let Ok(text) = serde_json::to_string(settings) else {
        return false;
    };
    local_storage().is_some_and(|s| s.set_item(SETTINGS_KEY, &text).is_ok())
}

/// Milliseconds since the epoch, from the browser's clock.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// `ms` as a local time of day, `14:03:09`, for "next try at …".
pub fn time_of_day(ms: f64) -> String {
    let date = js_sys::Date::new(&ms.into());
    format!(
        "{:02}:{:02}:{:02}",
        date.get_hours(),
        date.get_minutes(),
        date.get_seconds()
    )
}

/// Uniform jitter for the backoff from `crypto.getRandomValues` (the midpoint where the browser
/// has no Web Crypto: the schedule then only loses its spread).
pub fn jitter() -> u16 {
    random::bytes16().map_or(u16::MAX / 2, |b| u16::from_le_bytes([b[0], b[1]]))
}

/// Whether the browser believes it is online (`navigator.onLine`).
pub fn online() -> bool {
    web_sys::window().is_none_or(|w| w.navigator().on_line())
}

/// Calls `f` each time the browser comes back online, for as long as the listener lives.
pub fn on_online(f: impl FnMut(&web_sys::Event) + 'static) -> EventListener {
    EventListener::new(&gloo::utils::window(), "online", f)
}

/// One try: `POST` the bundle `fingerprint` (hex) to the endpoint and read the answer.
pub async fn send(endpoint: &Endpoint, fingerprint: &str, bundle: &str) -> Outcome {
    if !online() {
        return Outcome::Retry(Retry::Offline);
    }
    let Ok(controller) = AbortController::new() else {
        return Outcome::Retry(Retry::Network);
    };
    let signal = controller.signal();
    let timer = Timeout::new(TIMEOUT_MS, move || controller.abort());
    let request = Request::post(&endpoint.url)
        .header("Authorization", &format!("Bearer {}", endpoint.token))
        .header("Content-Type", "application/json")
        .abort_signal(Some(&signal))
        .body(bundle);
    let outcome = match request {
        // Cannot even be built (an address the browser refuses): no try will do better, but the
        // officer may fix the address, so keep it waiting rather than refusing the bundle.
        Err(_) => Outcome::Retry(Retry::Network),
        Ok(request) => match request.send().await {
            Ok(response) => match response.text().await {
                Ok(body) => classify(response.status(), &body, fingerprint),
                Err(_) if signal.aborted() => Outcome::Retry(Retry::Timeout),
                Err(_) => Outcome::Retry(Retry::Network),
            },
            Err(_) if signal.aborted() => Outcome::Retry(Retry::Timeout),
            Err(_) if !online() => Outcome::Retry(Retry::Offline),
            Err(_) => Outcome::Retry(Retry::Network),
        },
    };
    drop(timer);
    outcome
}
