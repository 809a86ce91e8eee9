//! The `<phieu-poll>` element's and `phieu.mount()`'s way in: `assets/embed/phieu.js` makes the
//! shadow root and calls the bin's `mount` export, which lands here. Messages for the host go
//! to the loader's `emit(type, detailJson)` function, which dispatches them as `phieu-<type>`
//! events on the element (docs/embedding.md §Events).

use yew::{AppHandle, Callback};

use crate::embed::protocol::{EmbedMessage, HostMessage, MessageError, Options};
use crate::embed::view::{EmbedApp, EmbedProps, Inbox};

/// One mounted poll: its Yew app and its inbox.
pub struct Mounted {
    app: Option<AppHandle<EmbedApp>>,
    inbox: Inbox,
}

/// Renders a poll into `root` (a `<div>` in the element's shadow root).
pub fn mount(
    root: web_sys::Element,
    options: &str,
    emit: js_sys::Function,
) -> Result<Mounted, String> {
    let options = Options::parse(options)
        .map_err(|e| phieu_core::Lang::ALL.map(|l| e.message(l)).join(" / "))?;
    let emit = Callback::from(move |m: EmbedMessage| {
        // The component has no use for its height: its element grows with it.
        if matches!(m, EmbedMessage::Resize { .. }) {
            return;
        }
        let _ = emit.call2(
            &wasm_bindgen::JsValue::NULL,
            &m.kind().into(),
            &m.detail().to_string().into(),
        );
    });
    let inbox = Inbox::default();
    let props = EmbedProps {
        options,
        emit,
        inbox: inbox.clone(),
        // The element runs in its host's own page: there is no other parent to prove.
        gate: Default::default(),
    };
    let app = yew::Renderer::<EmbedApp>::with_root_and_props(root, props).render();
    Ok(Mounted {
        app: Some(app),
        inbox,
    })
}

impl Mounted {
    /// A host's command, in the iframe's message format (`{"phieu":1,"type":"close"}` …), so
    /// both ways share one parser.
    pub fn send(&self, message: &str) -> Result<(), MessageError> {
        self.inbox.send(HostMessage::parse(message)?);
        Ok(())
    }

    pub fn unmount(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
    }
}
