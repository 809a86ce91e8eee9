//! The browser edge: everything that touches fetch, storage or the window.
//!
//! Kept small and tested in a real browser (`tests/browser.rs`); pages call these and never
//! `web_sys` directly.

pub mod poll_loader;
pub mod prefs;
pub mod route;
pub mod store;
