//! Dragging a row of a list to another place, with a finger, a pen or a mouse: pointer events
//! rather than HTML drag-and-drop, which touch screens do not send. The handle captures the
//! pointer, so it keeps receiving the moves wherever the finger goes; the row under the pointer
//! is found by hit-testing, each row carrying its position in a `data-drag-row` attribute.

use wasm_bindgen::JsCast;

/// The attribute that marks a row and holds its position in the list.
pub const ROW_ATTRIBUTE: &str = "data-drag-row";

/// Sends every move of this pointer to the element that received `event` (the handle) until
/// the pointer is lifted.
pub fn capture(event: &web_sys::PointerEvent) {
    if let Some(handle) = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    {
        // Without capture a mouse drag still works over the handle; only a drag that leaves
        // it is lost, and the arrows remain.
        let _ = handle.set_pointer_capture(event.pointer_id());
    }
}

/// The position of the row under the pointer of `event`, if it is over one.
pub fn row_under(event: &web_sys::PointerEvent) -> Option<usize> {
    let (x, y) = (event.client_x() as f32, event.client_y() as f32);
    gloo::utils::document()
        .element_from_point(x, y)?
        .closest(&format!("[{ROW_ATTRIBUTE}]"))
        .ok()??
        .get_attribute(ROW_ATTRIBUTE)?
        .parse()
        .ok()
}

/// How close to the top or bottom of the window (px) a drag scrolls the page, and by how much
/// per move: a question can be dragged to a place that is not on screen.
const EDGE: i32 = 80;
const STEP: f64 = 24.0;

/// Scrolls the page a little when the pointer of a drag is near the window's top or bottom.
pub fn scroll_near_edge(event: &web_sys::PointerEvent) {
    let window = gloo::utils::window();
    let height = window
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0) as i32;
    let y = event.client_y();
    if y < EDGE {
        window.scroll_by_with_x_and_y(0.0, -STEP);
    } else if height > 0 && y > height - EDGE {
        window.scroll_by_with_x_and_y(0.0, STEP);
    }
}
