//! `phieu`, the command line for auditors and portals: verify an audit bundle or a public
//! summary offline, inspect it, look up a receipt, merge the boxes of several tablets or
//! clusters, print the counting minutes (Biên bản kiểm phiếu, D59 form 02), and run
//! `phieu collect`, the HTTP server a commune or province portal runs to receive bundles; import
//! an XLSForm survey as a poll and export a box's results as XLSX or CSV; make a bundle from a
//! list of ballots for a portal's tests (`phieu simulate`).
//!
//! Every recomputation is the core's (`phieu-core`): this crate reads files, talks HTTP and
//! SQL, and renders what the core decides in Vietnamese or English. `main.rs` only parses the
//! arguments, calls [`run`] and maps its result to an exit code (docs/cli.md §Exit codes).
//!
//! ```no_run
//! use phieu_cli::{run, Cli};
//! use clap::Parser;
//!
//! let cli = Cli::parse_from(["phieu", "--lang", "en", "verify", "box.json"]);
//! let status = run(&cli, &mut std::io::stdout());
//! ```

pub mod args;
pub mod collect;
pub mod error;
pub mod export;
pub mod import_xlsform;
pub mod inspect;
pub mod load;
pub mod merge;
pub mod minutes;
pub mod progress;
pub mod receipt;
pub mod simulate;
pub mod verify;

pub use args::{Cli, Command};
pub use error::CliError;

use std::io::Write;

use phieu_core::Lang;

/// What a command found, when it could do its job: exit code 0 or 1 (docs/cli.md §Exit codes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Everything checks out (exit 0).
    Good,
    /// The files say no: a discrepancy, a receipt not in the box, a refused merge (exit 1).
    Bad,
}

impl Status {
    pub fn exit_code(self) -> u8 {
        match self {
            Status::Good => 0,
            Status::Bad => 1,
        }
    }
}

/// Runs one command, writing its report to `out`. Errors are for `main` to print to stderr.
pub fn run(cli: &Cli, out: &mut dyn Write) -> Result<Status, CliError> {
    let lang = cli.lang.into();
    match &cli.command {
        Command::Verify(a) => verify::run(a, lang, out),
        Command::Inspect(a) => inspect::run(a, lang, out),
        Command::Receipt(a) => receipt::run(a, lang, out),
        Command::Merge(a) => merge::run(a, lang, out),
        Command::Minutes(a) => minutes::run(a, lang, out),
        Command::Collect(a) => collect::run_blocking(a, lang, out),
        Command::ImportXlsform(a) => import_xlsform::run(a, lang, out),
        Command::Export(a) => export::run(a, lang, out),
        Command::Simulate(a) => simulate::run(a, lang, out),
    }
}

/// Picks the Vietnamese or the English of a message (the core's `Lang::pick` is crate-private).
pub(crate) fn tr<T>(lang: Lang, vi: T, en: T) -> T {
    match lang {
        Lang::Vi => vi,
        Lang::En => en,
    }
}
