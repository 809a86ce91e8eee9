//! Pages: each composes components for one screen and dispatches actions upward.

pub mod closing;
pub mod designer;
pub mod field;
pub mod locked;
pub mod merge;
pub mod minutes;
pub mod officer;
pub mod past;
pub mod poll_preview;
pub mod receipt;
pub mod results;
pub mod setup;
pub mod verify;
pub mod voter;
