//! The XLSForm fuzz target's corpus (fuzz/corpus/xlsform/: the sample workbooks and what the
//! fuzzer found) read by the importer: no input panics, every accepted form round-trips. An
//! input that once crashed the reader stays a regression test here.
use std::path::Path;

use phieu_core::Poll;
use phieu_xlsform::{import, ImportOptions};

#[test]
fn the_reader_survives_the_fuzz_corpus() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/corpus/xlsform");
    let options = ImportOptions {
        file_stem: "fuzz".to_owned(),
        ..ImportOptions::default()
    };
    let (mut seen, mut accepted) = (0, 0);
    for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        if let Some(poll) = import(&bytes, &options)
            .ok()
            .and_then(|i| i.poll().cloned())
        {
            assert_eq!(
                Poll::from_json(&poll.to_json()).unwrap().hash(),
                poll.hash()
            );
            accepted += 1;
        }
        seen += 1;
    }
    assert!(seen >= 2, "the seed corpus is missing");
    assert!(accepted >= 1, "the good sample form is no longer accepted");
}
