//! One tab per device drives the meeting: the Web Locks API grants the lock `phieu-meeting` to
//! the first tab and holds it until that tab closes or crashes; a second tab is told so and
//! votes nothing. (Two tabs casting into one box would each hold a stale count.)

use js_sys::{Function, Object, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

const LOCK_NAME: &str = "phieu-meeting";

/// Whether this tab holds the meeting lock. Browsers without Web Locks get `true`: nothing
/// better can be known there, and refusing would stop the meeting.
pub async fn acquire() -> bool {
    let Some(locks) = web_sys::window()
        .and_then(|w| Reflect::get(&w.navigator(), &"locks".into()).ok())
        .filter(|l| !l.is_undefined())
    else {
        return true;
    };
    let Ok(request) =
        Reflect::get(&locks, &"request".into()).and_then(|f| f.dyn_into::<Function>())
    else {
        return true;
    };
    let options = Object::new();
    let _ = Reflect::set(&options, &"ifAvailable".into(), &true.into());
    // The callback reports whether the lock was granted, then returns a promise that never
    // settles: the lock stays held for the life of the tab.
    let (granted, report) = {
        let mut report = None;
        let granted = Promise::new(&mut |resolve, _| report = Some(resolve));
        (granted, report)
    };
    let Some(report) = report else { return true };
    let callback = Closure::once_into_js(move |lock: JsValue| -> Promise {
        let _ = report.call1(&JsValue::NULL, &(!lock.is_null()).into());
        Promise::new(&mut |_, _| {})
    });
    if request
        .call3(&locks, &LOCK_NAME.into(), &options, &callback)
        .is_err()
    {
        return true;
    }
    JsFuture::from(granted)
        .await
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(true)
}
