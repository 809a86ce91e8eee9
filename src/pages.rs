//! Pages: each composes components for one screen and dispatches actions upward.

pub mod merge;
pub mod poll_preview;
pub mod results;
pub mod verify;
