//! Reading aloud (issue 20, item 1) at the browser edge: `edge::speech` finds a Vietnamese
//! voice, speaks each line as its own `vi-VN` utterance with that voice and reports which line
//! is read, and a stop silences a reading's late callbacks. The browser's synthesizer is
//! replaced by a recording one for each test (headless Chromium has no voices), and put back.

use std::cell::RefCell;
use std::rc::Rc;

use phieu::edge::speech;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;
use yew::Callback;

/// Installs a synthesizer with `voices` (JavaScript array literal) whose utterances wait in
/// `__spoken` until `__flush()` starts and ends each in order; runs `f`; puts the browser's back.
fn with_stub<T>(voices: &str, f: impl FnOnce() -> T) -> T {
    js_sys::Function::new_no_args(&format!(
        "const voices = {voices};
         globalThis.__spoken = []; globalThis.__cancels = 0;
         globalThis.__realUtterance = globalThis.SpeechSynthesisUtterance;
         globalThis.SpeechSynthesisUtterance = class {{ constructor(text) {{ this.text = text; }} }};
         let queue = [];
         globalThis.__flush = () => {{ const q = queue; queue = []; for (const u of q) {{ u.onstart && u.onstart({{}}); u.onend && u.onend({{}}); }} }};
         Object.defineProperty(window, 'speechSynthesis', {{ configurable: true, value: {{
           getVoices: () => voices,
           speak(u) {{ globalThis.__spoken.push({{ text: u.text, lang: u.lang, voice: u.voice ? u.voice.name : null }}); queue.push(u); }},
           cancel() {{ globalThis.__cancels += 1; }},
         }} }});"
    ))
    .call0(&JsValue::NULL)
    .unwrap();
    let out = f();
    js_sys::Function::new_no_args(
        "delete window.speechSynthesis;
         globalThis.SpeechSynthesisUtterance = globalThis.__realUtterance;",
    )
    .call0(&JsValue::NULL)
    .unwrap();
    out
}

fn eval(js: &str) -> JsValue {
    js_sys::Function::new_no_args(&format!("return {js};"))
        .call0(&JsValue::NULL)
        .unwrap()
}

const VOICES: &str = "[{ name: 'English', lang: 'en-US', localService: true },
    { name: 'Online vi', lang: 'vi-VN', localService: false },
    { name: 'Offline vi', lang: 'vi_VN', localService: true }]";

#[wasm_bindgen_test]
fn an_offline_vietnamese_voice_is_preferred() {
    let found = with_stub(VOICES, speech::voice).expect("a Vietnamese voice");
    assert_eq!(found.name, "Offline vi");
    assert!(found.offline);
    assert_eq!(
        with_stub(
            "[{ name: 'English', lang: 'en-US', localService: true }]",
            speech::voice
        ),
        None
    );
}

#[wasm_bindgen_test]
fn each_line_is_its_own_vi_vn_utterance_and_the_reader_hears_which() {
    let heard = Rc::new(RefCell::new(Vec::new()));
    let on_line = {
        let heard = heard.clone();
        Callback::from(move |k: Option<usize>| heard.borrow_mut().push(k))
    };
    let spoken = with_stub(VOICES, || {
        let lines = vec!["Câu hỏi".to_owned(), "Số 1: Đồng ý".to_owned()];
        assert!(speech::speak(&lines, on_line));
        eval("globalThis.__flush()");
        js_sys::JSON::stringify(&eval("globalThis.__spoken"))
            .unwrap()
            .as_string()
            .unwrap()
    });
    assert_eq!(
        spoken,
        r#"[{"text":"Câu hỏi","lang":"vi-VN","voice":"Offline vi"},{"text":"Số 1: Đồng ý","lang":"vi-VN","voice":"Offline vi"}]"#
    );
    assert_eq!(*heard.borrow(), vec![Some(0), Some(1), None]);
}

#[wasm_bindgen_test]
fn a_stopped_reading_says_nothing_more() {
    let heard = Rc::new(RefCell::new(Vec::new()));
    let on_line = {
        let heard = heard.clone();
        Callback::from(move |k: Option<usize>| heard.borrow_mut().push(k))
    };
    let cancels = with_stub(VOICES, || {
        speech::speak(&["Câu hỏi".to_owned()], on_line);
        speech::stop();
        // The stopped utterance's events arrive late: they must be ignored.
        eval("globalThis.__flush()");
        eval("globalThis.__cancels").as_f64().unwrap()
    });
    assert_eq!(
        cancels, 2.0,
        "speak cancels what was queued, and so does stop"
    );
    assert!(heard.borrow().is_empty());
}
