//! What the model says to the officer, the voter and the staff member ([`Notice`]s), from the
//! word tables `i18n/state_*.toml`. A leaf: it imports nothing of the app.
//!
//! [`Notice`]: super::notice::Notice

include!(concat!(env!("OUT_DIR"), "/i18n/state_meeting.rs"));
include!(concat!(env!("OUT_DIR"), "/i18n/state_paper.rs"));
include!(concat!(env!("OUT_DIR"), "/i18n/state_field.rs"));
