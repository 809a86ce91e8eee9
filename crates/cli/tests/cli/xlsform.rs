//! `phieu import-xlsform` and `phieu export`, run as a person would: the sample workbooks of
//! tests/data (the repository's, made by crates/xlsform/examples/make_xlsforms.rs) with golden
//! outputs and exit codes, and the exported workbook read back.

use std::io::Cursor;
use std::path::{Path, PathBuf};

use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};
use phieu_core::report::results_csv;
use phieu_core::{AuditBundle, Lang};

use crate::fixtures::{check_file, data};
use crate::support::{phieu, Scratch};

/// The repository's tests/data, where the sample XLSForms live.
fn samples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/data")
}

/// Runs `phieu ARGS` in `dir`; compares exit code, stdout and stderr with golden/NAME.txt.
fn check(dir: &Path, args: &[&str], golden: &str, code: i32) {
    let run = phieu(dir, args);
    let actual = format!(
        "$ phieu {}\n{}--- stderr\n{}--- exit {}\n",
        args.join(" "),
        run.stdout,
        run.stderr,
        run.code
    );
    check_file(&format!("golden/{golden}.txt"), &actual);
    assert_eq!(run.code, code, "{actual}");
}

fn scratch_with_samples() -> Scratch {
    let dir = Scratch::new("xlsform");
    for name in ["xlsform-mttq.xlsx", "xlsform-bad.xlsx"] {
        std::fs::copy(samples().join(name), dir.path().join(name)).unwrap();
    }
    dir
}

#[test]
fn import_xlsform_writes_the_expected_poll() {
    let dir = scratch_with_samples();
    check(
        dir.path(),
        &["import-xlsform", "xlsform-mttq.xlsx", "-o", "poll.json"],
        "import-xlsform-good.vi",
        0,
    );
    let written = std::fs::read_to_string(dir.path().join("poll.json")).unwrap();
    let expected = std::fs::read_to_string(samples().join("xlsform-mttq.poll.json")).unwrap();
    assert_eq!(written, expected);
    // The commune given on the command line wins over the settings sheet's.
    let run = phieu(
        dir.path(),
        &[
            "import-xlsform",
            "xlsform-mttq.xlsx",
            "-o",
            "p2.json",
            "--commune",
            "Xã Tam Hưng",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let p2 = std::fs::read_to_string(dir.path().join("p2.json")).unwrap();
    assert!(p2.contains("\"commune\": \"Xã Tam Hưng\""));
}

#[test]
fn import_xlsform_lists_every_problem_and_writes_nothing() {
    let dir = scratch_with_samples();
    check(
        dir.path(),
        &["import-xlsform", "xlsform-bad.xlsx", "-o", "bad.json"],
        "import-xlsform-bad.vi",
        1,
    );
    check(
        dir.path(),
        &[
            "--lang",
            "en",
            "import-xlsform",
            "xlsform-bad.xlsx",
            "-o",
            "bad.json",
        ],
        "import-xlsform-bad.en",
        1,
    );
    assert!(!dir.path().join("bad.json").exists());
    // Not a workbook at all: one problem, exit 1; a missing file cannot be read, exit 2.
    std::fs::write(dir.path().join("notes.xlsx"), "just text").unwrap();
    let run = phieu(
        dir.path(),
        &[
            "--lang",
            "en",
            "import-xlsform",
            "notes.xlsx",
            "-o",
            "x.json",
        ],
    );
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .contains("the file: cannot read this file as an Excel .xlsx workbook"),
        "{}",
        run.stderr
    );
    let run = phieu(
        dir.path(),
        &["import-xlsform", "missing.xlsx", "-o", "x.json"],
    );
    assert_eq!(run.code, 2);
}

fn cells(bytes: &[u8], sheet: &str) -> Vec<Vec<Data>> {
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes.to_vec())).unwrap();
    let range = book.worksheet_range(sheet).unwrap();
    range.rows().map(<[Data]>::to_vec).collect()
}

#[test]
fn export_writes_xlsx_and_csv() {
    let dir = Scratch::new("export");
    std::fs::copy(data().join("good.json"), dir.path().join("good.json")).unwrap();
    check(
        dir.path(),
        &[
            "--lang",
            "en",
            "export",
            "good.json",
            "--xlsx",
            "-o",
            "results.xlsx",
        ],
        "export-xlsx.en",
        0,
    );
    let bundle =
        AuditBundle::verify(&std::fs::read_to_string(data().join("good.json")).unwrap()).unwrap();
    let bytes = std::fs::read(dir.path().join("results.xlsx")).unwrap();
    let summary = cells(&bytes, "Summary");
    let fingerprint = summary
        .iter()
        .find(|r| matches!(&r[0], Data::String(s) if s == "Box check code"))
        .unwrap();
    assert_eq!(fingerprint[1].to_string(), bundle.fingerprint().short());
    let code = summary
        .iter()
        .find(|r| matches!(&r[0], Data::String(s) if s == "Minutes code"))
        .unwrap();
    assert_eq!(code[1].to_string(), bundle.minutes_code().short());
    let ballots = cells(&bytes, "Ballots");
    assert_eq!(ballots.len() as u64, 2 + bundle.tally().ballots());

    let run = phieu(
        dir.path(),
        &["export", "good.json", "--csv", "-o", "results.csv"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let csv = std::fs::read_to_string(dir.path().join("results.csv")).unwrap();
    assert_eq!(csv, results_csv(&bundle, Lang::Vi));

    // Exactly one of --xlsx and --csv; a public summary has no ballots to list.
    let run = phieu(dir.path(), &["export", "good.json", "-o", "x"]);
    assert_eq!(run.code, 2);
    std::fs::copy(
        data().join("good-summary.json"),
        dir.path().join("summary.json"),
    )
    .unwrap();
    let run = phieu(
        dir.path(),
        &["export", "summary.json", "--xlsx", "-o", "x.xlsx"],
    );
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(!dir.path().join("x.xlsx").exists());
}
