//! `phieu collect ARGS…` runs the collector's own program, `phieu-collect` (crates/collector),
//! beside `phieu` or else on `PATH`, with `--lang` and the arguments as given, and ends with its
//! exit code; without it, it says how to install it, in the language asked for. A stand-in
//! `phieu-collect` (a shell script printing its arguments) takes the collector's place here; the
//! collector itself is tested in its crate, and run through `phieu collect` by the upload
//! journey (tests/e2e/upload.spec.mjs).

#![cfg(unix)]

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::support::{Run, Scratch};

/// A copy of `phieu` in `dir`, which has no `phieu-collect` beside it until one is put there.
fn phieu_in(dir: &Path) -> PathBuf {
    std::fs::create_dir_all(dir).unwrap();
    let phieu = dir.join("phieu");
    std::fs::copy(env!("CARGO_BIN_EXE_phieu"), &phieu).unwrap();
    phieu
}

/// A `phieu-collect` in `dir` that prints each argument on a line and exits 3.
fn stand_in(dir: &Path) {
    std::fs::create_dir_all(dir).unwrap();
    let path = dir.join("phieu-collect");
    std::fs::write(&path, "#!/bin/sh\nprintf '%s\\n' \"$@\"\nexit 3\n").unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
}

/// Runs the copy of `phieu` with `PATH` set to `path_var`. A file just written can be "busy"
/// (ETXTBSY) for a moment when another test's thread forks while it is open (the child holds
/// the descriptor until its own exec), so that one error is tried again.
fn run(phieu: &Path, path_var: &Path, args: &[&str]) -> Run {
    const ETXTBSY: i32 = 26;
    for _ in 0..100 {
        let out = match Command::new(phieu)
            .args(args)
            .env("PATH", path_var)
            .output()
        {
            Err(e) if e.raw_os_error() == Some(ETXTBSY) => None,
            out => Some(out.unwrap()),
        };
        let Some(out) = out else {
            std::thread::sleep(std::time::Duration::from_millis(20));
            continue;
        };
        let run = Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8(out.stdout).unwrap(),
            stderr: String::from_utf8(out.stderr).unwrap(),
        };
        if !(run.code == 2 && run.stderr.contains("(os error 26)")) {
            return run;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    panic!("{} stayed busy (ETXTBSY)", phieu.display());
}

#[test]
fn collect_runs_phieu_collect_beside_phieu_with_the_arguments_and_ends_with_its_exit_code() {
    let dir = Scratch::new("collect-beside");
    let bin = dir.path().join("bin");
    let phieu = phieu_in(&bin);
    stand_in(&bin);
    let nowhere = dir.path().join("empty");
    let r = run(
        &phieu,
        &nowhere,
        &[
            "--lang",
            "en",
            "collect",
            "--listen",
            "127.0.0.1:0",
            "token",
            "list",
        ],
    );
    assert_eq!(r.code, 3, "{}", r.stderr);
    assert_eq!(
        r.stdout, "--lang\nen\n--listen\n127.0.0.1:0\ntoken\nlist\n",
        "{}",
        r.stderr
    );
    // Its help is the collector's: --help goes through, and the language defaults to vi.
    let r = run(&phieu, &nowhere, &["collect", "--help"]);
    assert_eq!((r.code, r.stdout.as_str()), (3, "--lang\nvi\n--help\n"));
    // A --lang after `collect` reaches the collector too.
    let r = run(
        &phieu,
        &nowhere,
        &["collect", "--lang", "en", "--listen", "x"],
    );
    assert_eq!(r.code, 3, "{}", r.stderr);
    assert!(r.stdout.ends_with("--listen\nx\n"), "{}", r.stdout);
    assert!(r.stdout.contains("--lang\nen\n"), "{}", r.stdout);
}

#[test]
fn collect_finds_phieu_collect_on_path() {
    let dir = Scratch::new("collect-path");
    let phieu = phieu_in(&dir.path().join("bin"));
    let elsewhere = dir.path().join("elsewhere");
    stand_in(&elsewhere);
    let r = run(&phieu, &elsewhere, &["collect", "quarantine", "ab"]);
    assert_eq!(r.code, 3, "{}", r.stderr);
    assert_eq!(r.stdout, "--lang\nvi\nquarantine\nab\n");
}

#[test]
fn collect_without_phieu_collect_says_how_to_install_it_in_both_languages() {
    let dir = Scratch::new("collect-missing");
    let bin = dir.path().join("bin");
    let phieu = phieu_in(&bin);
    let nowhere = dir.path().join("empty");
    let r = run(&phieu, &nowhere, &["--lang", "en", "collect"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("phieu collect runs the collector, the program phieu-collect")
            && r.stderr.contains(&bin.display().to_string())
            && r.stderr
                .contains("cargo build --release -p phieu-collector"),
        "{}",
        r.stderr
    );
    let r = run(&phieu, &nowhere, &["collect", "--listen", "127.0.0.1:0"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("không thấy nó trong") && r.stderr.contains("phieu-collector"),
        "{}",
        r.stderr
    );
    assert!(r.stdout.is_empty());
}
