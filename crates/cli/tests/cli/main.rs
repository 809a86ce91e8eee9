//! Integration tests of the `phieu` command and the `phieu collect` server (one test binary for
//! the crate). Fixtures are built by the core with fixed salts and committed under tests/data/;
//! `PHIEU_BLESS=1 cargo test -p phieu-cli` rewrites them and the golden outputs.

mod collector;
mod collector_trust;
mod commands;
mod fixtures;
mod flaky;
mod postgres;
mod slow_sockets;
mod support;
mod tamper;
mod xlsform;
