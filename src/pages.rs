//! Pages: each composes components for one screen and dispatches actions upward.

pub mod merge;
pub mod poll_preview;
pub mod results;
pub mod verify;
pub mod minutes;
pub mod closing;
pub mod locked;
pub mod officer;
pub mod receipt;
pub mod setup;
pub mod voter;
