//! Form fields: the text of the `<input>` an event came from, so components read what was typed
//! without touching `web_sys` themselves.

use wasm_bindgen::JsCast;

/// The value of the `<input>` or `<textarea>` that fired `event`, or an empty string.
pub fn input_value(event: &web_sys::Event) -> String {
    let Some(target) = event.target() else {
        return String::new();
    };
    match target.dyn_into::<web_sys::HtmlInputElement>() {
        Ok(input) => input.value(),
        Err(target) => target
            .dyn_into::<web_sys::HtmlTextAreaElement>()
            .map(|area| area.value())
            .unwrap_or_default(),
    }
}

/// The value of the `<select>` that fired `event` (the chosen option's value), or an empty
/// string.
pub fn select_value(event: &web_sys::Event) -> String {
    event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
        .map(|select| select.value())
        .unwrap_or_default()
}

/// Whether the checkbox that fired `event` is ticked (`false` for anything else).
pub fn checked(event: &web_sys::Event) -> bool {
    event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        .is_some_and(|input| input.checked())
}
