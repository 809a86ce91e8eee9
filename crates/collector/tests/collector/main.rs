//! Integration tests of the collector (one test binary for the crate): its HTTP interface on
//! SQLite and on a real PostgreSQL (`suite`, `postgres`), who may do what and what counts
//! (`trust`), a flaky network (`flaky`), slow and surplus sockets (`slow_sockets`), and the
//! `phieu-collect` program that `phieu collect` runs. The bundles are the command line's
//! fixtures, built by the core with fixed salts (crates/cli/tests/cli/fixtures.rs).

// The command line's fixtures: the collector uses their bundles, not their golden files.
#[allow(dead_code)]
#[path = "../../../cli/tests/cli/fixtures.rs"]
mod fixtures;
mod flaky;
mod postgres;
mod slow_sockets;
mod suite;
mod support;
mod trust;
