//! A turn for the page in the middle of long work: reading a large box back (`effects`,
//! `load_box`) stops every few tens of milliseconds and awaits [`turn`], so that no task holds
//! the main thread for long and the page keeps drawing (its progress bar) and answering taps.

use js_sys::Promise;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

/// Resolves in a later task, after the input and drawing that waited: a message the page posts
/// to itself through a `MessageChannel` (a `setTimeout(0)` would be held back 4 ms each time
/// once a few are nested). Without `MessageChannel` it resolves at once.
pub async fn turn() {
    let Ok(channel) = web_sys::MessageChannel::new() else {
        return;
    };
    let promise = Promise::new(&mut |resolve, _| channel.port1().set_onmessage(Some(&resolve)));
    if channel.port2().post_message(&JsValue::NULL).is_ok() {
        let _ = JsFuture::from(promise).await;
    }
    channel.port1().set_onmessage(None);
    channel.port1().close();
    channel.port2().close();
}

/// The clock for slicing work, in milliseconds (not the time of day).
pub fn clock() -> f64 {
    js_sys::Date::now()
}
