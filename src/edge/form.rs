//! Form fields: the text of the `<input>` an event came from, so components read what was typed
//! without touching `web_sys` themselves.

use wasm_bindgen::JsCast;

/// The value of the input element that fired `event`, or an empty string.
pub fn input_value(event: &web_sys::Event) -> String {
    event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        .map(|input| input.value())
        .unwrap_or_default()
}
