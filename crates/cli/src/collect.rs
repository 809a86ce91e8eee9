//! `phieu collect ARGS…`: runs the collector, a program of its own (`phieu-collect`, crate
//! `crates/collector`, docs/collector.md), with the same arguments. The collector brings an async
//! runtime, an HTTP server and two database drivers; keeping them out of `phieu` keeps the
//! auditor's `phieu verify` small and synchronous (ARCHITECTURE.md §The collector, its own
//! program), while `phieu collect` stays one command for the people and the guides that use it.
//!
//! `phieu-collect` is looked for beside the running `phieu` first (where `cargo build` and a copy
//! of both programs put it), then on `PATH`. On Unix `phieu` then becomes the collector (`exec`):
//! the same process, so Ctrl-C and a supervisor's signals reach the server itself and its exit
//! code is the command's. Elsewhere the collector runs as a child and `phieu` exits with its code.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::Command;

use phieu_core::Lang;

use crate::args::CollectArgs;
use crate::error::CliError;

/// The collector's program, as `cargo build -p phieu-collector` names it.
pub const PROGRAM: &str = "phieu-collect";

/// Runs `phieu-collect --lang LANG ARGS…` in place of this process; returns only when it could
/// not be started (on Unix), or with the collector's exit code when it has stopped (elsewhere).
pub fn run(args: &CollectArgs, lang: Lang) -> Result<i32, CliError> {
    let beside = std::env::current_exe()
        .ok()
        .and_then(|exe| exe.parent().map(Path::to_path_buf))
        .unwrap_or_default();
    let program =
        find(&beside, std::env::var_os("PATH")).ok_or(CliError::NoCollector { beside })?;
    let mut command = Command::new(&program);
    command.arg("--lang").arg(lang.code()).args(&args.args);
    start(command, &program)
}

/// `phieu-collect` in `beside`, or else in the first directory of `path` that has it.
pub fn find(beside: &Path, path: Option<OsString>) -> Option<PathBuf> {
    let name = format!("{PROGRAM}{}", std::env::consts::EXE_SUFFIX);
    std::iter::once(beside.to_path_buf())
        .chain(path.iter().flat_map(std::env::split_paths))
        .map(|dir| dir.join(&name))
        .find(|candidate| candidate.is_file())
}

#[cfg(unix)]
fn start(mut command: Command, program: &Path) -> Result<i32, CliError> {
    use std::os::unix::process::CommandExt;
    // The collector's usage and errors name the command people typed.
    let source = command.arg0("phieu collect").exec();
    Err(CliError::RunCollector {
        path: program.to_path_buf(),
        source,
    })
}

#[cfg(not(unix))]
fn start(mut command: Command, program: &Path) -> Result<i32, CliError> {
    let status = command.status().map_err(|source| CliError::RunCollector {
        path: program.to_path_buf(),
        source,
    })?;
    Ok(status.code().unwrap_or(2))
}
