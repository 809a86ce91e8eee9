//! Fuzzes the poll parser: no input may panic, and every accepted poll round-trips with the same
//! hash. Seeds: fuzz/corpus/poll_json/ (also run by `cargo test -p phieu-core`).
#![no_main]

use libfuzzer_sys::fuzz_target;
use phieu_core::Poll;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(poll) = Poll::from_json(text) {
            let again = Poll::from_json(&poll.to_json()).expect("a written poll reads back");
            assert_eq!(again.hash(), poll.hash());
        }
    }
});
