//! Fuzzes the embedding API's postMessage payloads (src/embed/protocol.rs, docs/embedding.md
//! §Messages) and the allow-list file: no input may panic; an accepted `load-poll` with an
//! inline poll goes on to the poll parser, as the iframe does; an accepted origin list allows
//! exactly the origins it normalizes to.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../src/embed/protocol.rs"]
#[allow(dead_code)]
mod protocol;

use protocol::{normalize_origin, AllowList, HostMessage, PollSource};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match HostMessage::parse(text) {
        Ok(HostMessage::LoadPoll(PollSource::Inline(poll))) => {
            let _ = phieu_core::Poll::from_json(&poll);
        }
        Ok(_) => {}
        // The refusal's words for people are in src/embed/words.rs (the app's word tables), not
        // in protocol.rs: the fuzz target checks the refusal itself.
        Err(e) => assert!(!e.code().is_empty()),
    }
    if let Ok(list) = AllowList::parse(text) {
        let _ = list.allows(text);
    }
    if let Some(origin) = normalize_origin(text) {
        assert_eq!(normalize_origin(&origin).as_deref(), Some(origin.as_str()));
    }
});
