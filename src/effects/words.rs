//! What the effects say to the officer or the voter, in every language of
//! `i18n/languages.toml`, from `i18n/effects.toml`.

include!(concat!(env!("OUT_DIR"), "/i18n/effects.rs"));
