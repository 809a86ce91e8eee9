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

/// Focuses the first field marked wrong inside `within` (`aria-invalid="true"`, or an input of
/// a `.field-bad` group), which also scrolls it into view: after a failed submit the officer
/// lands on what to fix, not 2,800 px below it (issue 22, item 8).
pub fn focus_first_problem(within: &yew::NodeRef) {
    focus_in(within, "[aria-invalid=\"true\"], .field-bad input");
}

/// Whether the page's focus is inside `own` (a component's own element, e.g. an embedded poll),
/// or nowhere (on the page's body, as when the focused button was taken away with its screen).
pub fn focus_within_or_lost(own: &yew::NodeRef) -> bool {
    use wasm_bindgen::JsCast;
    let Some(root) = own.cast::<web_sys::Element>() else {
        return false;
    };
    let document = gloo::utils::document();
    let Some(active) = document.active_element() else {
        return true;
    };
    let body: Option<web_sys::Element> = document.body().map(Into::into);
    // Inside an element's shadow root the document sees the focus on the host.
    let host = root
        .get_root_node()
        .dyn_into::<web_sys::ShadowRoot>()
        .ok()
        .map(|shadow| shadow.host());
    Some(&active) == body.as_ref() || Some(&active) == host.as_ref() || root.contains(Some(&active))
}
