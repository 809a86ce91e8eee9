//! Small DOM chores the components need: moving focus, scrolling to the top of a new screen.

/// Moves keyboard focus to the element with `id`, if it exists.
pub fn focus(id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(el) = gloo::utils::document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// Moves keyboard focus to the first element matching `selector` inside `within` (a component's
/// own element), found from there rather than from the document: inside a `<phieu-poll>`
/// element's shadow root the document cannot see it, and two polls on one page share ids.
pub fn focus_in(within: &yew::NodeRef, selector: &str) {
    use wasm_bindgen::JsCast;
    if let Some(el) = within
        .cast::<web_sys::Element>()
        .and_then(|w| w.query_selector(selector).ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// Scrolls to the top: every voter screen starts at its heading.
pub fn scroll_to_top() {
    gloo::utils::window().scroll_to_with_x_and_y(0.0, 0.0);
}
