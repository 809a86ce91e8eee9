//! The words of voting by a show of hands (issue 19, item 4): the setup's choice of items and
//! the officer's entry of the counts.

include!(concat!(env!("OUT_DIR"), "/i18n/hands.rs"));
