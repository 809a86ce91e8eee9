//! The address bar: which page an address names (`#/setup`, `#/verify`, `#/merge`,
//! `#/designer`), so an auditor can bookmark the verify page and the browser's Back button moves
//! between pages, never between voters (the voting flow never touches the address); and the
//! move between the HTML pages: the tablet (`index.html`), the office (`office.html`) and the
//! field survey (`survey.html`).

use crate::state::{Doc, Go, Page};

/// The `sessionStorage` key that hands a just-created meeting to the tablet page (see
/// [`Go::hand_over`]). Session storage belongs to this tab alone and is read once.
pub const HAND_OVER_KEY: &str = "phieu.hand-over";

/// The page named by a location hash such as `"#/verify"`.
pub fn page_of_hash(hash: &str) -> Page {
    let path = hash.trim_start_matches('#').trim_start_matches('/');
    // A page may carry its own query after the path (`#/survey?src=…`).
    match path.split('?').next().unwrap_or_default() {
        "setup" => Page::Setup,
        "survey" => Page::Survey,
        "verify" => Page::Verify,
        "merge" => Page::Merge,
        "designer" => Page::Designer,
        "meetings" => Page::Meetings,
        _ => Page::Home,
    }
}

/// The hash that names `page`.
pub fn hash_of_page(page: Page) -> &'static str {
    match page {
        Page::Home => "#/",
        Page::Setup => "#/setup",
        Page::Verify => "#/verify",
        Page::Merge => "#/merge",
        Page::Designer => "#/designer",
        Page::Meetings => "#/meetings",
        Page::Survey => "#/survey",
    }
}

/// The file of each HTML page, relative to the one the browser is on (all sit side by side).
pub fn file_of(doc: Doc) -> &'static str {
    match doc {
        Doc::Tablet => "./",
        Doc::Office => "office.html",
        Doc::Survey => "survey.html",
    }
}

/// A link to `page` from `here`: the hash alone on the same HTML page, else the other page's
/// file with this address's query (`?lang=`, `?upload=` from an embedding portal) kept.
pub fn href(here: Doc, page: Page, search: &str) -> String {
    let doc = page.doc(here);
    if doc == here {
        hash_of_page(page).to_owned()
    } else {
        url(doc, page, search)
    }
}

/// The address of `page` on the HTML page `doc`, with the query `search` kept.
pub fn url(doc: Doc, page: Page, search: &str) -> String {
    [file_of(doc), search, hash_of_page(page)].concat()
}

fn location() -> Option<web_sys::Location> {
    web_sys::window().map(|w| w.location())
}

/// The query of the current address (`"?lang=en"`, or `""`).
pub fn search() -> String {
    location().and_then(|l| l.search().ok()).unwrap_or_default()
}

/// Shows `page` of this HTML page: the address's hash changes (so Back returns), and the
/// `hashchange` listener of the root dispatches the navigation.
pub fn show(page: Page) {
    if let Some(l) = location() {
        let _ = l.set_hash(hash_of_page(page));
    }
}

/// The page the address names now.
pub fn current_page() -> Page {
    location()
        .and_then(|l| l.hash().ok())
        .map(|h| page_of_hash(&h))
        .unwrap_or(Page::Home)
}

fn session_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

/// Goes to the other HTML page, replacing this address in the history (so Back does not bounce
/// between the two). A hand-over is written to this tab's session storage first. An old survey
/// address (`index.html#/survey?src=…`) keeps its hash, and so its `src`, on the survey page.
pub fn go(to: &Go) {
    if let (Some(id), Some(storage)) = (&to.hand_over, session_storage()) {
        // Without it the tablet asks for the PIN, which the officer has: nothing is lost.
        let _ = storage.set_item(HAND_OVER_KEY, id);
    }
    if let Some(l) = location() {
        let hash = l.hash().unwrap_or_default();
        let to = if to.page == Page::Survey && page_of_hash(&hash) == Page::Survey {
            [file_of(to.doc), &search(), &hash].concat()
        } else {
            url(to.doc, to.page, &search())
        };
        let _ = l.replace(&to);
    }
}

/// The meeting handed over to this page load, if any; read once and forgotten, so a reload
/// asks for the PIN as always.
pub fn take_hand_over() -> Option<String> {
    let storage = session_storage()?;
    let id = storage.get_item(HAND_OVER_KEY).ok().flatten();
    let _ = storage.remove_item(HAND_OVER_KEY);
    id
}

/// The poll a field survey address names, given its query (`?src=polls/survey20.json`) or its
/// hash (`#/survey?src=polls/survey20.json`): a path relative to the page, percent-decoded.
/// `None` when the address names none, or names another site (a field survey runs the polls
/// this app serves, so no address can send a respondent's device to fetch a form from
/// elsewhere).
pub fn survey_src_of_hash(hash: &str) -> Option<String> {
    let (_, query) = hash.split_once('?')?;
    let raw = query
        .split('&')
        .find_map(|pair| pair.strip_prefix("src="))?;
    let src = js_sys::decode_uri_component(raw).ok()?.as_string()?;
    let foreign = src.contains(':') || src.starts_with('/') || src.starts_with('\\');
    (!src.trim().is_empty() && !foreign).then_some(src)
}

/// The poll named by the current address, for a field survey: `survey.html?src=POLL`, or the
/// hash an old address brought along (`survey.html#/survey?src=POLL`).
pub fn survey_src() -> Option<String> {
    let l = location()?;
    let named = |part: Result<String, _>| part.ok().and_then(|p| survey_src_of_hash(&p));
    named(l.search()).or_else(|| named(l.hash()))
}

/// Loads the current address again (a field survey's "try again").
pub fn reload() {
    if let Some(l) = location() {
        let _ = l.reload();
    }
}

/// Keeps the browser's Back (a back swipe, the Back key) inside the page while a voter holds
/// the tablet (issue 22, item 2): one history entry is pushed, and each Back that pops it
/// pushes it again, so the voter stays on the ballot. Dropping the guard stops it; the entry
/// it pushed stays, and a later Back only lands on the same address.
pub fn hold_back() -> Option<gloo::events::EventListener> {
    let window = web_sys::window()?;
    let history = window.history().ok()?;
    history.push_state(&wasm_bindgen::JsValue::NULL, "").ok()?;
    Some(gloo::events::EventListener::new(
        &window,
        "popstate",
        move |_| {
            let _ = history.push_state(&wasm_bindgen::JsValue::NULL, "");
        },
    ))
}
