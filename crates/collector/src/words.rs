//! What the collector says, in every language: the tables `i18n/collector_*.toml`, turned into
//! Rust by `build.rs` (crate `phieu-i18n`; i18n/README.md). Code reads
//! `command_words(lang).revoked(…)`.

include!(concat!(env!("OUT_DIR"), "/i18n/collector_error.rs"));
include!(concat!(env!("OUT_DIR"), "/i18n/collector_command.rs"));
include!(concat!(env!("OUT_DIR"), "/i18n/collector_http.rs"));
include!(concat!(env!("OUT_DIR"), "/i18n/collector_page.rs"));
include!(concat!(env!("OUT_DIR"), "/i18n/collector_log.rs"));

/// One message in every language (`phieu_core::lang::Said`).
pub use phieu_core::lang::Said;
