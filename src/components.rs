//! Leaf components: they take props and callbacks, hold no app state.

pub mod header;
