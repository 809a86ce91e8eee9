//! Fuzzes the audit bundle and public summary readers: no input may panic, and an accepted audit
//! bundle is exactly what phieu writes for it. Seeds: fuzz/corpus/bundle_json/.
#![no_main]

use libfuzzer_sys::fuzz_target;
use phieu_core::{AuditBundle, PublicSummary};

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(bundle) = AuditBundle::verify(text) {
            assert_eq!(bundle.to_json(), text);
        }
        if let Ok(summary) = PublicSummary::verify(text) {
            assert_eq!(summary.to_json(), text);
        }
    }
});
