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

/// Issue 23, item 6: a form without Vietnamese labels is not a poll yet. The command says so in
/// the person's language, points to the office page's designer, writes nothing and exits 1;
/// `--json` gives the same as a problem. A Vietnamese and Khmer form imports with both.
#[test]
fn import_xlsform_an_english_only_form_writes_nothing_and_a_khmer_one_imports() {
    let dir = Scratch::new("xlsform-languages");
    for name in ["xlsform-english.xlsx", "xlsform-khmer.xlsx"] {
        std::fs::copy(samples().join(name), dir.path().join(name)).unwrap();
    }
    let run = phieu(
        dir.path(),
        &["import-xlsform", "xlsform-english.xlsx", "-o", "en.json"],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("không có nhãn tiếng Việt"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("Chưa ghi tệp phiếu nào"),
        "{}",
        run.stderr
    );
    let run = phieu(
        dir.path(),
        &[
            "--lang",
            "en",
            "import-xlsform",
            "xlsform-english.xlsx",
            "-o",
            "en.json",
            "--json",
        ],
    );
    assert_eq!(run.code, 1);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(report["ok"], false);
    assert_eq!(report["problems"][0]["kind"], "NoVietnamese");
    assert!(!dir.path().join("en.json").exists());
    let run = phieu(
        dir.path(),
        &["import-xlsform", "xlsform-khmer.xlsx", "-o", "km.json"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let written = std::fs::read_to_string(dir.path().join("km.json")).unwrap();
    let poll = phieu_core::Poll::from_json(&written).unwrap();
    assert_eq!(
        poll.items()[0].kind().options()[0].label().in_tag("km"),
        "បាទ/ចាស"
    );
    assert!(run.stdout.contains("French (fr)"), "{}", run.stdout);
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

/// An .xlsx of these sheets, written by the crate's own small writer.
fn write_form(path: &Path, sheets: &[(&str, &[&[&str]])]) {
    use phieu_xlsform::xlsx_write::{Book, Sheet, Style};
    let mut book = Book::default();
    for (name, rows) in sheets {
        let mut sheet = Sheet::new(name);
        for (r, row) in rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                if !cell.is_empty() {
                    sheet.text(r as u32, c as u16, cell, Style::Plain);
                }
            }
        }
        book.sheets.push(sheet);
    }
    std::fs::write(path, book.to_bytes().unwrap()).unwrap();
}

/// Issue 23, item 8: `--json` for portals and scripts, "1 question" and "1 problem", the
/// Vietnamese not-a-workbook message in Vietnamese alone, and `inspect` of a poll imported
/// without `--village` naming the commune alone.
#[test]
fn import_xlsform_json_plurals_and_a_commune_wide_poll() {
    let dir = Scratch::new("xlsform-json");
    let choices: &[&[&str]] = &[
        &["list_name", "name", "label"],
        &["yn", "co", "Có"],
        &["yn", "khong", "Không"],
    ];
    write_form(
        &dir.path().join("one.xlsx"),
        &[
            (
                "survey",
                &[
                    &["type", "name", "label"],
                    &["select_one yn", "q1", "Đồng ý?"],
                ],
            ),
            ("choices", choices),
        ],
    );
    let args = [
        "--lang",
        "en",
        "import-xlsform",
        "one.xlsx",
        "-o",
        "one.json",
        "--commune",
        "Xã Tân Hòa",
    ];
    let run = phieu(dir.path(), &args);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("opinion survey \"one\", 1 question."),
        "{}",
        run.stdout
    );
    let mut json_args = args.to_vec();
    json_args.push("--json");
    let run = phieu(dir.path(), &json_args);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(report["ok"], true);
    assert_eq!(report["questions"], 1);
    assert_eq!(report["poll_id"], "one");
    assert_eq!(report["problems"], serde_json::json!([]));
    // A poll with no village: inspect says the commune alone.
    std::fs::write(dir.path().join("ballots.json"), r#"[[{"option": "co"}]]"#).unwrap();
    let run = phieu(
        dir.path(),
        &[
            "simulate",
            "one.json",
            "--ballots",
            "ballots.json",
            "--total",
            "10",
            "-o",
            "box.json",
        ],
    );
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let run = phieu(dir.path(), &["--lang", "en", "inspect", "box.json"]);
    assert!(
        run.stdout.contains("\nPlace: Xã Tân Hòa\n"),
        "{}",
        run.stdout
    );
    // One problem, said once, grouped rows and all, in JSON too.
    write_form(
        &dir.path().join("bad.xlsx"),
        &[
            (
                "survey",
                &[
                    &["type", "name", "label"],
                    &["select_one yn", "q1", ""],
                    &["select_one yn", "q2", ""],
                    &["select_one yn", "q3", ""],
                ],
            ),
            ("choices", choices),
        ],
    );
    let bad = [
        "--lang",
        "en",
        "import-xlsform",
        "bad.xlsx",
        "-o",
        "bad.json",
        "--commune",
        "X",
    ];
    let run = phieu(dir.path(), &bad);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stderr,
        "phieu: bad.xlsx: 1 problem to fix before the form can be imported:\n  - sheet survey, rows 2–4 (3 rows), column C (label): no Vietnamese label: the cell of column label is empty\n"
    );
    let mut bad_json = bad.to_vec();
    bad_json.push("--json");
    let run = phieu(dir.path(), &bad_json);
    assert_eq!(run.code, 1);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(report["ok"], false);
    let problem = &report["problems"][0];
    assert_eq!(problem["kind"], "MissingLabel");
    assert_eq!(problem["sheet"], "survey");
    assert_eq!(problem["column"], "C");
    assert_eq!(problem["header"], "label");
    assert_eq!(problem["rows"], serde_json::json!([2, 3, 4]));
    assert!(problem["vi"]
        .as_str()
        .unwrap()
        .contains("thiếu nhãn tiếng Việt"));
    assert!(!dir.path().join("bad.json").exists());
    // Not a workbook: the Vietnamese message has no English clause.
    std::fs::write(dir.path().join("notes.xlsx"), "just text").unwrap();
    let run = phieu(
        dir.path(),
        &["import-xlsform", "notes.xlsx", "-o", "x.json"],
    );
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("không phải tệp .xlsx"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("not a zip"), "{}", run.stderr);
}
