//! `phieu-collect`, which `phieu collect` runs: parses the arguments, serves (or runs a
//! subcommand), prints any error to stderr and exits 0, or 2 when it could not do its job
//! (docs/cli.md §Exit codes).

use std::process::ExitCode;

use clap::Parser;
use phieu_collector::{run, CollectArgs};

fn main() -> ExitCode {
    let args = CollectArgs::parse();
    let lang = args.lang;
    match run(&args, lang, &mut std::io::stdout().lock()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("phieu: {}", e.message(lang));
            ExitCode::from(e.exit_code())
        }
    }
}
