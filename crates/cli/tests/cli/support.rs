//! Running the `phieu` binary, and a scratch directory that removes itself.

use std::path::Path;
use std::process::Command;

#[path = "../../../../tests/support/scratch.rs"]
mod scratch;
pub use scratch::Scratch;

/// Exit code, stdout, stderr.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Runs `phieu ARGS` in `dir`.
pub fn phieu(dir: &Path, args: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_phieu"))
        .args(args)
        .current_dir(dir)
        .env_remove("RUST_LOG")
        .output()
        .unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}
