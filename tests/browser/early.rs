//! The app's side of the first question drawn before the wasm (`edge::early`,
//! `assets/first-question.js`): the note of unfinished forms the script reads, the taps it
//! hands over (only an option of the poll's first question), its download of the poll, and the
//! app's claim on a page where the script has not run.

use phieu::edge::early::{self, Taps, UNFINISHED_KEY};
use phieu::edge::poll_loader::LoadError;
use phieu_core::{Answer, Poll};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

const SURVEY: &str = include_str!("../../assets/polls/survey20.json");

fn storage() -> web_sys::Storage {
    gloo::utils::window().local_storage().unwrap().unwrap()
}

fn note() -> Option<String> {
    storage().get_item(UNFINISHED_KEY).unwrap()
}

/// Sets `window.phieuEarly` to the object `js` evaluates to (`undefined` removes it).
fn set_early(js: &str) {
    let value = js_sys::eval(&format!("({js})")).unwrap();
    js_sys::Reflect::set(&js_sys::global(), &JsValue::from_str("phieuEarly"), &value).unwrap();
}

#[wasm_bindgen_test]
fn the_note_lists_each_poll_with_an_unfinished_form_once() {
    storage().remove_item(UNFINISHED_KEY).unwrap();
    early::note_unfinished("a", false);
    assert_eq!(
        note().as_deref(),
        Some("[]"),
        "a missing note is written, even empty"
    );
    early::note_unfinished("a", true);
    early::note_unfinished("b", true);
    early::note_unfinished("a", true);
    assert_eq!(note().as_deref(), Some(r#"["a","b"]"#));
    early::note_unfinished("a", false);
    assert_eq!(note().as_deref(), Some(r#"["b"]"#));
    // A note the script could not read is written afresh.
    storage().set_item(UNFINISHED_KEY, "{not json").unwrap();
    early::note_unfinished("b", true);
    assert_eq!(note().as_deref(), Some(r#"["b"]"#));
    storage().remove_item(UNFINISHED_KEY).unwrap();
}

#[wasm_bindgen_test]
fn only_an_option_of_the_first_question_is_taken_over_and_taps_stop_there() {
    let poll = Poll::from_json_plain(SURVEY).unwrap();
    set_early("undefined");
    assert_eq!(
        early::take(&poll),
        Taps::default(),
        "no script, nothing tapped"
    );

    set_early("{ answer: { item: 'hai_long_chung', option: 'khong_hai_long' }, forward: true }");
    assert_eq!(
        early::take(&poll),
        Taps {
            answer: Some(Answer::choice("khong_hai_long")),
            forward: true
        }
    );
    let taken = js_sys::eval("window.phieuEarly.taken").unwrap();
    assert_eq!(taken, JsValue::TRUE, "the script keeps no tap after this");

    for wrong in [
        "{ answer: { item: 'hai_long_chung', option: 'rat_hai_long' } }",
        "{ answer: { item: 'linh_vuc_chua_hai_long', option: 'hai_long' } }",
        "{ answer: { item: 'hai_long_chung' } }",
    ] {
        set_early(wrong);
        assert_eq!(early::take(&poll).answer, None, "{wrong}");
    }
    set_early("undefined");
}

#[wasm_bindgen_test]
async fn the_scripts_download_is_the_apps_for_its_own_address_only() {
    set_early("{ src: 'polls/x.json', poll: Promise.resolve({ text: '{}' }) }");
    assert_eq!(
        early::poll_text("polls/x.json").await,
        Some(Ok("{}".to_owned()))
    );
    assert_eq!(
        early::poll_text("polls/y.json").await,
        None,
        "another address"
    );
    set_early("{ src: 'polls/x.json', poll: Promise.resolve({ status: 404 }) }");
    assert_eq!(
        early::poll_text("polls/x.json").await,
        Some(Err(LoadError::Http { status: 404 }))
    );
    set_early("undefined");
    assert_eq!(early::poll_text("polls/x.json").await, None);
}

#[wasm_bindgen_test]
async fn the_app_claims_the_page_before_the_script_has_run() {
    set_early("undefined");
    early::settled().await;
    early::claim();
    let claimed = js_sys::eval("window.phieuEarly && window.phieuEarly.claimed").unwrap();
    assert_eq!(
        claimed,
        JsValue::TRUE,
        "a script run after this draws nothing"
    );
    set_early("undefined");
}
