//! The address bar: which page an address names (`#/verify`, `#/merge`), so an auditor can
//! bookmark the verify page and the browser's Back button moves between pages, never between
//! voters (the voting flow never touches the address).

use crate::state::Page;

/// The page named by a location hash such as `"#/verify"`.
pub fn page_of_hash(hash: &str) -> Page {
    match hash.trim_start_matches('#').trim_start_matches('/') {
        "verify" => Page::Verify,
        "merge" => Page::Merge,
        _ => Page::Home,
    }
}

/// The hash that names `page`.
pub fn hash_of_page(page: Page) -> &'static str {
    match page {
        Page::Home => "#/",
        Page::Verify => "#/verify",
        Page::Merge => "#/merge",
    }
}

/// The page the address names now.
pub fn current_page() -> Page {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .map(|h| page_of_hash(&h))
        .unwrap_or(Page::Home)
}
