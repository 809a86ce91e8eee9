//! Fuzzes the XLSForm reader (crates/xlsform: the zip container, the XML scanner, the sheets and
//! the mapping to a poll): no input may panic or run out of memory, and every form it accepts
//! becomes a poll that round-trips with the same hash. Seeds: fuzz/corpus/xlsform/ (the sample
//! workbooks of tests/data/; also run by `cargo test -p phieu-xlsform`).
#![no_main]

use libfuzzer_sys::fuzz_target;
use phieu_core::Poll;
use phieu_xlsform::{import, ImportOptions};

fuzz_target!(|data: &[u8]| {
    let options = ImportOptions {
        commune: None,
        village: None,
        file_stem: "fuzz".to_owned(),
    };
    if let Some(poll) = import(data, &options).ok().and_then(|i| i.poll().cloned()) {
        let again = Poll::from_json(&poll.to_json()).expect("an imported poll reads back");
        assert_eq!(again.hash(), poll.hash());
    }
});
