//! The words of counting paper ballots with the tablet as the tally sheet (issue 19, item 5).

include!(concat!(env!("OUT_DIR"), "/i18n/paper.rs"));
