//! Integration tests of the `phieu` command (one test binary for the crate; the collector's, which
//! `phieu collect` runs, are crates/collector/tests/collector/). Fixtures are built by the core with fixed salts and committed under tests/data/;
//! `PHIEU_BLESS=1 cargo test -p phieu-cli` rewrites them and the golden outputs.

mod collect;
mod commands;
mod fixtures;
mod support;
mod tamper;
mod xlsform;
