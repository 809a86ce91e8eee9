//! What the command line says, in every language: the tables `i18n/cli_*.toml`, turned into Rust
//! by `build.rs` (crate `phieu-i18n`; i18n/README.md). Code reads `verify_words(lang).result(…)`.

include!(concat!(env!("OUT_DIR"), "/i18n/cli_error.rs"));
include!(concat!(env!("OUT_DIR"), "/i18n/cli_verify.rs"));
include!(concat!(env!("OUT_DIR"), "/i18n/cli_inspect.rs"));
include!(concat!(env!("OUT_DIR"), "/i18n/cli_minutes.rs"));
include!(concat!(env!("OUT_DIR"), "/i18n/cli_import.rs"));
include!(concat!(env!("OUT_DIR"), "/i18n/cli_commands.rs"));

/// One message in every language (`phieu_core::lang::Said`).
pub use phieu_core::lang::Said;
