//! `phieu`, the command line for auditors and portals: verify an audit bundle or a public
//! summary offline, inspect it, look up a receipt, merge the boxes of several tablets or
//! clusters, print the counting minutes (Biên bản kiểm phiếu, D59 form 02); import an XLSForm
//! survey as a poll and export a box's results as XLSX or CSV; make a bundle from a list of
//! ballots for a portal's tests (`phieu simulate`). `phieu collect` runs the collector, the HTTP
//! server a commune or province portal runs to receive bundles, which is a program of its own
//! (`phieu-collect`, crate `crates/collector`): this crate is synchronous and talks no HTTP or
//! SQL.
//!
//! Every recomputation is the core's (`phieu-core`): this crate reads files and renders what the
//! core decides in Vietnamese or English. `main.rs` only parses the arguments, calls [`run`] and
//! maps its result to an exit code (docs/cli.md §Exit codes). The modules import one another
//! without a loop, and none imports this root (`scripts/module-loops` checks it).
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
pub mod status;
pub mod verify;
pub mod words;

pub use args::{Cli, Command};
pub use error::CliError;
pub use status::Status;

use std::io::Write;

/// Runs one command, writing its report to `out`. Errors are for `main` to print to stderr.
pub fn run(cli: &Cli, out: &mut dyn Write) -> Result<Status, CliError> {
    let lang = cli.lang;
    match &cli.command {
        Command::Verify(a) => verify::run(a, lang, out),
        Command::Inspect(a) => inspect::run(a, lang, out),
        Command::Receipt(a) => receipt::run(a, lang, out),
        Command::Merge(a) => merge::run(a, lang, out),
        Command::Minutes(a) => minutes::run(a, lang, out),
        Command::Collect(a) => {
            // The collector's exit is this command's (on Unix it has replaced this process).
            let code = collect::run(a, lang)?;
            std::process::exit(code)
        }
        Command::ImportXlsform(a) => import_xlsform::run(a, lang, out),
        Command::Export(a) => export::run(a, lang, out),
        Command::Simulate(a) => simulate::run(a, lang, out),
    }
}
