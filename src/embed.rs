//! Embedding phieu in an existing portal (docs/embedding.md): the `<phieu-poll>` custom element
//! and `phieu.mount()` (loaded by `assets/embed/phieu.js`, rendered into the element's shadow
//! root), and the iframe page `embed.html` that talks to its parent by `postMessage`. Both run
//! the same Yew root, [`view::EmbedApp`], from the bin `phieu-embed`.
//!
//! [`protocol`] holds the message set and the options, with no browser in it (fuzzed);
//! [`flow`] is the embed's model; [`view`] draws it; [`element`] and [`frame`] are the two
//! ways in, and the only code here that touches the browser directly (the embed's edge).

pub mod element;
pub mod flow;
pub mod frame;
pub mod protocol;
pub mod view;
pub mod words;
