//! The words of the list of meetings kept on this device (`pages/past.rs`, issue 19, item 1).

include!(concat!(env!("OUT_DIR"), "/i18n/past.rs"));
