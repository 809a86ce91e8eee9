//! Running the `phieu-collect` program (what `phieu collect` runs), and a scratch directory that
//! removes itself.

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

/// Runs `phieu-collect ARGS` (`phieu collect ARGS`) in `dir`.
pub fn collect(dir: &Path, args: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_phieu-collect"))
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

/// Starts `phieu-collect ARGS` in `dir` and returns it with the first line it printed.
pub fn collect_child(dir: &Path, args: &[&str]) -> (std::process::Child, String) {
    use std::io::BufRead;
    let mut child = Command::new(env!("CARGO_BIN_EXE_phieu-collect"))
        .args(args)
        .current_dir(dir)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    if let Some(out) = child.stdout.take() {
        let _ = std::io::BufReader::new(out).read_line(&mut line);
    }
    (child, line)
}
