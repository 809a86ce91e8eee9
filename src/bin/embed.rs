//! The embedding page and script (`embed.html`, `phieu.js`; docs/embedding.md): one wasm for
//! both. As `embed.html`'s wasm it renders the iframe's poll; loaded by `phieu.js` into a
//! portal's page it renders nothing by itself and exports `mount` for `<phieu-poll>` and
//! `phieu.mount()`.
use wasm_bindgen::prelude::*;

fn main() {
    phieu::embed::frame::start_if_frame_page();
}

/// A poll mounted into a host's element.
#[wasm_bindgen]
pub struct Mounted(phieu::embed::element::Mounted);

/// Renders a poll into `root`; `options` is the attributes' JSON, `emit(type, detailJson)`
/// receives every message for the host. Throws the options' problem in both languages.
#[wasm_bindgen]
pub fn mount(
    root: web_sys::Element,
    options: &str,
    emit: js_sys::Function,
) -> Result<Mounted, JsError> {
    phieu::embed::element::mount(root, options, emit)
        .map(Mounted)
        .map_err(|e| JsError::new(&e))
}

#[wasm_bindgen]
impl Mounted {
    /// A host command in the message format (`{"phieu":1,"type":"close"}`); throws what is wrong.
    pub fn send(&self, message: &str) -> Result<(), JsError> {
        self.0
            .send(message)
            .map_err(|e| JsError::new(&e.message(phieu_core::Lang::En)))
    }

    pub fn unmount(&mut self) {
        self.0.unmount();
    }
}
