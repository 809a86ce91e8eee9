//! The embedded poll's own words in Vietnamese and English (the voter's screens use the app's
//! `i18n::kiosk` table, so a voter reads the same words in a portal as on the tablet).

include!(concat!(env!("OUT_DIR"), "/i18n/embed.rs"));
