//! Registers the service worker (`sw.js`) that precaches the built app, so that after one visit
//! the app opens and votes with the network off (airplane mode at the village hall).

/// Registers `sw.js` where the page is served over HTTP(S) and the browser has service workers.
pub fn register_service_worker() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let secure = window
        .location()
        .protocol()
        .map(|p| p == "https:" || p == "http:")
        .unwrap_or(false);
    let navigator = window.navigator();
    let has_sw = js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false);
    if secure && has_sw {
        // A failure (e.g. no secure context) only costs offline start-up; the meeting goes on.
        let _ = navigator.service_worker().register("sw.js");
    }
}
