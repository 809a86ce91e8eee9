//! The phieu app: a Yew single-page app that runs a village poll offline on one tablet.
//!
//! The domain lives in `phieu-core`; this crate only stores, draws and dispatches.
//! [`state`] is the app's model (no Yew in it), [`edge`] is everything that touches the
//! browser (fetch, storage, the clock), [`pages`] and [`components`] compose the views,
//! and [`app`] wires them together.

pub mod app;
pub mod components;
pub mod edge;
pub mod effects;
pub mod embed;
pub mod i18n;
pub mod pages;
pub mod state;
