//! The words of the browser's refusals (storage, files, downloads) in every language of
//! `i18n/languages.toml`, from `i18n/edge.toml`.

include!(concat!(env!("OUT_DIR"), "/i18n/edge.rs"));
