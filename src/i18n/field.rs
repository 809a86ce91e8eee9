//! The words of a field survey (`pages/field.rs`): the respondent's form bar, the resume
//! screen, the staff member's screen between respondents, closing; and the words of a
//! collection by forms handed to households (its roll, the officer's screen, closing).

include!(concat!(env!("OUT_DIR"), "/i18n/field.rs"));
