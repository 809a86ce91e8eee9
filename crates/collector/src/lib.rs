//! `phieu collect`: the HTTP server a commune or province portal runs to receive audit bundles
//! from tablets (docs/collector.md). It verifies every bundle with the core before storing it,
//! stores each box once whatever the number of resends (the fingerprint is the key), and serves
//! the merged tally of a poll, the villages heard from, a commune roll-up under the
//! two-thirds-of-villages rule (L 21.1) and a small HTML page listing received boxes.
//!
//! It listens on 127.0.0.1 by default; uploads need a portal's bearer token; browsers may upload
//! only from the origins configured (CORS, never `*`).
//!
//! A crate and a program of its own (`phieu-collect`), apart from `phieu` (crates/cli), so that
//! the auditor's `phieu verify` links no async runtime, HTTP server or database driver; `phieu
//! collect ARGS…` runs this program with the same arguments (ARCHITECTURE.md). It shares nothing
//! with the command line but the core. The modules import one another without a loop, and none
//! imports this root (`scripts/module-loops` checks it).
//!
//! ```no_run
//! use phieu_collector::{Collector, Config, Limits, Tokens};
//!
//! # async fn example() -> Result<(), phieu_collector::CollectError> {
//! let collector = Collector::start(Config {
//!     listen: "127.0.0.1:0".parse().unwrap(),
//!     database: phieu_collector::database_url("phieu.db"),
//!     tokens: Tokens::parse(&["portal=0123456789abcdef".into()], None)?,
//!     allow_origins: Vec::new(),
//!     max_body_bytes: 16 << 20,
//!     limits: Limits::default(),
//! })
//! .await?;
//! println!("listening on {}", collector.url());
//! collector.stop().await
//! # }
//! ```

pub mod args;
mod collector;
mod command;
mod commit;
mod config;
mod error;
mod paper;
mod routes;
mod serve;
pub mod store;
mod stored;
pub mod tokens;
mod words;

pub use args::CollectArgs;
pub use collector::Collector;
pub use command::run;
pub use config::{database_url, redacted, Config};
pub use error::CollectError;
pub use paper::paper_code;
pub use serve::Limits;
pub use store::{BoxRow, BoxState, LogEntry, Store, StoreError, Stored};
pub use tokens::{Role, Scope, Token, Tokens, TokensError};
