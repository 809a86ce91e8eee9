//! Pages: each composes components for one screen and dispatches actions upward.

pub mod poll_preview;
