//! The iframe page, `embed.html`: the poll for portals that will not run our script. It reads
//! its options from the address, the allowed parent origins from `embed-origins.json` beside
//! the build, and talks to its parent by `postMessage` (docs/embedding.md §iframe):
//!
//! - the parent's origin is what the browser says (`location.ancestorOrigins[0]`, else the
//!   referrer's origin), and it must be on the allow-list; `?parent=` counts only when the
//!   browser says nothing, and then the frame takes no ballot until the parent's first message
//!   comes from that origin (`AllowList::check_parent`; issue 17: the address cannot make a
//!   page off the list a place that takes ballots);
//! - every message to the parent names that exact origin (never `*`);
//! - a message is read only when it comes from that origin *and* from `window.parent`; any other
//!   is dropped unread;
//! - the content's height goes to the parent on every change (`resize`), so the parent sizes the
//!   iframe and no scrollbar shows; in steps of 160 px that never shrink, so that the height does
//!   not tell the parent what a voter chose.

use gloo::events::EventListener;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::Callback;

use crate::embed::protocol::{
    resize_height, AllowList, EmbedMessage, HostMessage, Options, ParentCheck,
};
use crate::embed::view::{EmbedApp, EmbedProps, Gate, Inbox};
use crate::embed::words::words;

/// The id of the element `embed.html` renders into; no other page has it.
pub const ROOT_ID: &str = "phieu-embed-page";

/// The allow-list's file, beside `embed.html`.
pub const ORIGINS_FILE: &str = "embed-origins.json";

/// Starts the iframe page when this is `embed.html`; does nothing on a host page (the bin's
/// wasm is also what `phieu.js` loads into a portal's page).
pub fn start_if_frame_page() {
    let Some(root) = gloo::utils::document().get_element_by_id(ROOT_ID) else {
        return;
    };
    wasm_bindgen_futures::spawn_local(start(root));
}

fn query() -> web_sys::UrlSearchParams {
    let search = gloo::utils::window()
        .location()
        .search()
        .unwrap_or_default();
    web_sys::UrlSearchParams::new_with_str(&search)
        .unwrap_or_else(|_| web_sys::UrlSearchParams::new().expect("an empty query"))
}

/// The options from the address, as the element's attributes would give them.
fn options_json(q: &web_sys::UrlSearchParams) -> String {
    let mut map = serde_json::Map::new();
    for key in ["mode", "lang", "src", "box", "electorate"] {
        if let Some(v) = q.get(key) {
            map.insert(key.into(), v.into());
        }
    }
    serde_json::Value::Object(map).to_string()
}

async fn allow_list() -> Result<AllowList, String> {
    let response = gloo::net::http::Request::get(ORIGINS_FILE)
        .send()
        .await
        .map_err(|e| e.to_string())?;
    if !response.ok() {
        return Err(format!("{ORIGINS_FILE}: HTTP {}", response.status()));
    }
    let text = response.text().await.map_err(|e| e.to_string())?;
    AllowList::parse(&text).map_err(|e| phieu_core::Lang::ALL.map(|l| e.message(l)).join(" / "))
}

/// What the browser says about the parent (`location.ancestorOrigins[0]`, the referrer's
/// origin) and what the address claims (`?parent=`).
fn evidence(q: &web_sys::UrlSearchParams) -> (Option<String>, Option<String>, Option<String>) {
    let window = gloo::utils::window();
    // `location.ancestorOrigins` (Chromium, WebKit; not Firefox): not in web-sys's stable API.
    let ancestor = js_sys::Reflect::get(&window.location(), &"ancestorOrigins".into())
        .ok()
        .and_then(|l| l.dyn_into::<web_sys::DomStringList>().ok())
        .and_then(|l| l.item(0));
    let referrer = web_sys::Url::new(&gloo::utils::document().referrer())
        .ok()
        .map(|url| url.origin());
    (ancestor, referrer, q.get("parent"))
}

fn show_refusal(root: &web_sys::Element, lang: phieu_core::Lang, detail: &str) {
    let w = words(lang);
    let doc = gloo::utils::document();
    let make = |tag: &str, text: &str| {
        let el = doc.create_element(tag).expect("an element");
        el.set_text_content(Some(text));
        el
    };
    let box_ = doc.create_element("div").expect("a div");
    box_.set_class_name("phieu phieu-failed");
    box_.set_attribute("role", "alert").ok();
    box_.append_child(&make("h2", w.not_allowed_title)).ok();
    box_.append_child(&make("p", w.not_allowed)).ok();
    box_.append_child(&make("p", detail)).ok();
    root.append_child(&box_).ok();
}

async fn start(root: web_sys::Element) {
    // Offline inside the iframe: the app's service worker, registered from the frame itself
    // (a cross-site frame has its own, partitioned registration and storage).
    crate::edge::offline::register_service_worker();
    let q = query();
    let lang = q
        .get("lang")
        .and_then(|l| phieu_core::Lang::from_code(&l))
        .unwrap_or_default();
    let window = gloo::utils::window();
    let parent = window.parent().ok().flatten();
    let framed = parent
        .as_ref()
        .is_some_and(|p| !js_sys::Object::is(p, &window));

    // Opened on its own (not in a frame): the poll works, and talks to no one.
    let gate = Gate::default();
    let parent_origin = if framed {
        let list = match allow_list().await {
            Ok(list) => list,
            Err(detail) => return show_refusal(&root, lang, &detail),
        };
        let (ancestor, referrer, claimed) = evidence(&q);
        match list.check_parent(ancestor.as_deref(), referrer.as_deref(), claimed.as_deref()) {
            ParentCheck::Allowed(origin) => Some(origin),
            ParentCheck::Claimed(origin) => {
                gate.shut();
                Some(origin)
            }
            ParentCheck::Refused => {
                let seen = [ancestor, referrer, claimed];
                let seen: Vec<String> = seen.into_iter().flatten().collect();
                return show_refusal(&root, lang, &seen.join(", "));
            }
        }
    } else {
        None
    };

    let post = {
        let (parent, origin) = (parent.clone(), parent_origin.clone());
        move |m: &EmbedMessage| {
            if let (Some(parent), Some(origin)) = (&parent, &origin) {
                if let Ok(value) = js_sys::JSON::parse(&m.to_value().to_string()) {
                    let _ = parent.post_message(&value, origin);
                }
            }
        }
    };
    let post = std::rc::Rc::new(post);

    let options = match Options::parse(&options_json(&q)) {
        Ok(o) => o,
        Err(e) => {
            post(&EmbedMessage::Error {
                code: "options".into(),
                message: e.message(lang),
            });
            return show_refusal(&root, lang, &e.message(lang));
        }
    };
    let inbox = Inbox::default();
    let emit = {
        let post = post.clone();
        Callback::from(move |m: EmbedMessage| post(&m))
    };
    yew::Renderer::<EmbedApp>::with_root_and_props(
        root.clone(),
        EmbedProps {
            options,
            emit,
            inbox: inbox.clone(),
            gate: gate.clone(),
        },
    )
    .render();

    let (Some(parent), Some(origin)) = (parent, parent_origin) else {
        return;
    };

    // Messages from the parent, and only from it. Where only the address named the parent,
    // its first message settles who it is: from that origin, ballots may be taken; from any
    // other, never in this frame's life.
    {
        let post = post.clone();
        let first = std::cell::Cell::new(true);
        let listener = EventListener::new(&window, "message", move |event| {
            let Some(event) = event.dyn_ref::<web_sys::MessageEvent>() else {
                return;
            };
            let from_parent = event
                .source()
                .is_some_and(|s| js_sys::Object::is(&s, &parent));
            if from_parent && first.replace(false) && event.origin() == origin {
                gate.open();
            }
            if event.origin() != origin || !from_parent {
                return;
            }
            let data = event.data();
            let text = match data.as_string() {
                Some(s) => serde_json::Value::String(s).to_string(),
                None => js_sys::JSON::stringify(&data)
                    .ok()
                    .and_then(|s| s.as_string())
                    .unwrap_or_default(),
            };
            match HostMessage::parse(&text) {
                Ok(m) => inbox.send(m),
                Err(e) => post(&EmbedMessage::Error {
                    code: e.code().into(),
                    message: e.message(lang),
                }),
            }
        });
        listener.forget();
    }

    // The content's height, on every change. A ResizeObserver alone is not enough: Chromium
    // does not run the rendering steps of a cross-origin frame that is scrolled out of view, so
    // its observer stays silent until the portal's reader scrolls to it. Every change of the DOM
    // (a MutationObserver, which is not throttled) measures too, forcing the layout it needs.
    // The height goes in steps and never shrinks (`resize_height`): the portal must not learn
    // a choice from it.
    let last = std::cell::Cell::new(0u32);
    let measure = Closure::<dyn FnMut()>::new(move || {
        let content = gloo::utils::body()
            .get_bounding_client_rect()
            .height()
            .ceil() as u32;
        let height = resize_height(content, last.get());
        if height != last.get() {
            last.set(height);
            post(&EmbedMessage::Resize { height });
        }
    });
    let body = gloo::utils::body();
    if let Ok(observer) = web_sys::ResizeObserver::new(measure.as_ref().unchecked_ref()) {
        observer.observe(&body);
        std::mem::forget(observer);
    }
    if let Ok(observer) = web_sys::MutationObserver::new(measure.as_ref().unchecked_ref()) {
        let init = web_sys::MutationObserverInit::new();
        init.set_child_list(true);
        init.set_subtree(true);
        init.set_attributes(true);
        init.set_character_data(true);
        let _ = observer.observe_with_options(&body, &init);
        std::mem::forget(observer);
    }
    measure.forget();
}
