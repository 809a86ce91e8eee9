//! The browser edge: everything that touches fetch, storage or the window.
//!
//! Kept small and tested in a real browser (`tests/browser.rs`); pages call these and never
//! `web_sys` directly.

pub mod dom;
pub mod download;
pub mod drafts;
pub mod drag;
pub mod early;
pub mod field_store;
pub mod file_input;
pub mod form;
pub mod offline;
pub mod open_ballot;
pub mod outbox;
pub mod pause;
pub mod poll_loader;
pub mod prefs;
pub mod print;
pub mod random;
pub mod route;
pub mod speech;
pub mod store;
pub mod tab_lock;
pub mod upload;
pub mod words;
