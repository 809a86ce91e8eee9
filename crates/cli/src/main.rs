//! The `phieu` command: parses the arguments, runs one command, prints any error to stderr and
//! exits 0 (all good), 1 (the files say no) or 2 (usage, or a file that cannot be read)
//! (docs/cli.md §Exit codes).

use std::process::ExitCode;

use clap::Parser;
use phieu_cli::{run, Cli};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let mut stdout = std::io::stdout().lock();
    match run(&cli, &mut stdout) {
        Ok(status) => ExitCode::from(status.exit_code()),
        Err(e) => {
            eprintln!("phieu: {}", e.message(cli.lang));
            ExitCode::from(e.exit_code())
        }
    }
}
