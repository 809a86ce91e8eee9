//! The survey page's first question drawn before the wasm has loaded (`assets/first-question.js`,
//! issue 21): this side of it. The script leaves `window.phieuEarly` with the poll's download
//! under way and, when it drew the question, what was tapped there (an option, Tiếp); the app
//! claims it when it starts (nothing more is drawn), takes the download over, takes the taps
//! over once its own first question is on the screen ([`take`]), and removes the early drawing.
//!
//! The script draws only when the first screen is certainly a new respondent's first question;
//! one thing it cannot know by itself is whether a respondent's form is unfinished on this
//! device (then the first screen is the resume screen), so the app notes the polls that have
//! one in `localStorage` ([`note_unfinished`]). The note holds poll ids only, never an answer.

use js_sys::{Array, Function, Promise, Reflect};
use phieu_core::{Answer, ItemKind, Poll};
use wasm_bindgen::{JsCast, JsValue};

use crate::state::load_error::LoadError;

/// The `localStorage` key of the polls with an unfinished respondent's form on this device (a
/// JSON array of poll ids), read by `assets/first-question.js`.
pub const UNFINISHED_KEY: &str = "phieu.field.unfinished";

fn early() -> Option<JsValue> {
    let window = web_sys::window()?;
    let early = Reflect::get(&window, &JsValue::from_str("phieuEarly")).ok()?;
    early.is_object().then_some(early)
}

fn get(object: &JsValue, key: &str) -> JsValue {
    Reflect::get(object, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn set(object: &JsValue, key: &str, value: JsValue) {
    let _ = Reflect::set(object, &JsValue::from_str(key), &value);
}

/// The longest the app waits for the script's drawing before it starts anyway.
const WAIT_MS: i32 = 1000;

/// Resolves when the script has drawn the first question or decided not to (at most
/// [`WAIT_MS`]), at once when it is not drawing (no script, no `?src=`, not run yet).
pub async fn settled() {
    let Some(settled) = early()
        .map(|e| get(&e, "settled"))
        .and_then(|p| p.dyn_into::<Promise>().ok())
    else {
        return;
    };
    let timeout = Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, WAIT_MS);
        }
    });
    let first = Promise::race(&Array::of2(&settled, &timeout));
    let _ = wasm_bindgen_futures::JsFuture::from(first).await;
}

/// The app has started: the script draws nothing from now on, even should it run only now.
pub fn claim() {
    match early() {
        Some(e) => set(&e, "claimed", JsValue::TRUE),
        None => {
            if let Some(w) = web_sys::window() {
                let claimed = js_sys::Object::new();
                set(&claimed, "claimed", JsValue::TRUE);
                set(&w, "phieuEarly", claimed.into());
            }
        }
    }
}

/// The poll at `src` as the script downloaded it, when it did: `None` when there is no such
/// download (no script, another address), and the app fetches the poll itself.
pub async fn poll_text(src: &str) -> Option<Result<String, LoadError>> {
    let e = early()?;
    if get(&e, "src").as_string().as_deref() != Some(src) {
        return None;
    }
    let promise: Promise = get(&e, "poll").dyn_into().ok()?;
    let got = wasm_bindgen_futures::JsFuture::from(promise).await.ok()?;
    if let Some(text) = get(&got, "text").as_string() {
        return Some(Ok(text));
    }
    if let Some(status) = get(&got, "status").as_f64() {
        return Some(Err(LoadError::Http {
            status: status as u16,
        }));
    }
    let why = get(&got, "error")
        .as_string()
        .unwrap_or_else(|| "fetch".to_owned());
    Some(Err(LoadError::Network(why)))
}

/// What was tapped on the early drawing of the first question.
#[derive(Debug, Default, PartialEq)]
pub struct Taps {
    /// The option tapped, as an answer to the first question.
    pub answer: Option<Answer>,
    /// Tiếp was tapped.
    pub forward: bool,
}

/// What was tapped on the early drawing of `poll`'s first question; from now on a tap there is
/// no longer kept. An option that is not one of that question's is left out (the script read
/// the poll before the app checked it).
pub fn take(poll: &Poll) -> Taps {
    let Some(e) = early() else {
        return Taps::default();
    };
    set(&e, "taken", JsValue::TRUE);
    let tapped = get(&e, "answer");
    let answer = (|| {
        let item = get(&tapped, "item").as_string()?;
        let option = get(&tapped, "option").as_string()?;
        let first = poll.items().first()?;
        let choice = matches!(
            first.kind(),
            ItemKind::Single { .. } | ItemKind::Scale { .. }
        );
        let known = first.kind().options().iter().any(|c| c.id() == option);
        (first.id() == item && choice && known && first.show_if().is_none())
            .then(|| Answer::choice(option))
    })();
    Taps {
        answer,
        forward: get(&e, "forward").is_truthy(),
    }
}

/// The app's own drawing is on the screen: the early one goes.
pub fn dismiss() {
    if let Some(e) = early() {
        if let Ok(f) = get(&e, "dismiss").dyn_into::<Function>() {
            let _ = f.call0(&e);
        }
    }
}

/// Notes whether poll `poll_id` has an unfinished respondent's form on this device. A storage
/// that refuses costs only the early drawing: the script then draws for no device that has
/// stored anything of phieu.
pub fn note_unfinished(poll_id: &str, unfinished: bool) {
    let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) else {
        return;
    };
    let stored: Option<Vec<String>> = storage
        .get_item(UNFINISHED_KEY)
        .ok()
        .flatten()
        .and_then(|s| serde_json::from_str(&s).ok());
    // Written whenever the note is missing or unreadable: the script reads a missing note as
    // "may have one" on a device that has stored anything.
    if stored
        .as_ref()
        .is_some_and(|ids| ids.iter().any(|i| i == poll_id) == unfinished)
    {
        return;
    }
    let mut ids = stored.unwrap_or_default();
    ids.retain(|i| i != poll_id);
    if unfinished {
        ids.push(poll_id.to_owned());
    }
    if let Ok(json) = serde_json::to_string(&ids) {
        let _ = storage.set_item(UNFINISHED_KEY, &json);
    }
}
