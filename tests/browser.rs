//! The app's browser edge, tested in headless Chromium with `wasm-bindgen-test`.
//!
//! Run by `scripts/test` (layer 2). Native builds skip this file: it needs a real browser.
#![cfg(target_arch = "wasm32")]

use phieu::edge::poll_loader::{load_poll, LoadError};
use phieu::edge::prefs::{initial_lang, remember_lang, LANG_KEY};
use phieu_core::Lang;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[path = "browser/drafts.rs"]
mod drafts;
#[path = "browser/early.rs"]
mod early;
#[path = "browser/field.rs"]
mod field;
#[path = "browser/outbox.rs"]
mod outbox;
#[path = "browser/random.rs"]
mod random;
#[path = "browser/results.rs"]
mod results;
#[path = "browser/speech.rs"]
mod speech;
#[path = "browser/storage.rs"]
mod storage;

const DEMO: &str = include_str!("../assets/polls/demo.json");

fn data_url(json: &str) -> String {
    format!(
        "data:application/json,{}",
        String::from(js_sys::encode_uri_component(json))
    )
}

#[wasm_bindgen_test]
async fn loads_the_demo_poll() {
    let poll = load_poll(&data_url(DEMO)).await.expect("demo poll loads");
    assert_eq!(
        poll.title().get(Lang::Vi),
        "Góp tiền làm đường bê tông liên xóm"
    );
    assert_eq!(poll.items().len(), 1);
}

#[wasm_bindgen_test]
async fn a_truncated_poll_is_refused_with_a_message_in_both_languages() {
    let truncated = &DEMO[..DEMO.len() / 2];
    match load_poll(&data_url(truncated)).await {
        Err(error @ LoadError::Invalid(_)) => {
            assert!(!error.message(Lang::Vi).is_empty());
            assert_ne!(error.message(Lang::Vi), error.message(Lang::En));
        }
        other => panic!("expected an invalid-poll error, got {other:?}"),
    }
}

#[wasm_bindgen_test]
async fn a_missing_poll_file_is_an_http_error() {
    assert_eq!(
        load_poll("/no-such-poll.json").await.unwrap_err(),
        LoadError::Http { status: 404 }
    );
}

#[wasm_bindgen_test]
fn the_language_is_remembered_and_set_on_the_document() {
    remember_lang(Lang::En);
    assert_eq!(initial_lang(), Lang::En);
    let html = gloo::utils::document().document_element().unwrap();
    assert_eq!(html.get_attribute("lang").as_deref(), Some("en"));

    remember_lang(Lang::Vi);
    assert_eq!(initial_lang(), Lang::Vi);
    gloo::utils::window()
        .local_storage()
        .unwrap()
        .unwrap()
        .remove_item(LANG_KEY)
        .unwrap();
    assert_eq!(initial_lang(), Lang::Vi, "Vietnamese is the default");
}
