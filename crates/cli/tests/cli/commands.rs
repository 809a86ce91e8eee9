//! The commands, run as a person would: golden outputs with exit codes for `verify`, `inspect`,
//! `minutes`; `receipt`; `merge`, including its refusals.

use phieu_core::AuditBundle;

use crate::fixtures::{self, check_file, data};
use crate::support::{phieu, Scratch};

#[test]
fn fixtures_are_current() {
    for (name, json) in fixtures::all() {
        check_file(name, &json);
    }
}

/// Runs `phieu ARGS` in tests/data and compares exit code, stdout and stderr with
/// tests/data/golden/NAME.txt.
fn check(args: &[&str], golden: &str, code: i32) {
    let run = phieu(&data(), args);
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

#[test]
fn verify_goldens() {
    check(&["verify", "good.json"], "verify-good.vi", 0);
    check(
        &["--lang", "en", "verify", "good.json"],
        "verify-good.en",
        0,
    );
    check(
        &["verify", "tampered-count.json"],
        "verify-tampered-count.vi",
        1,
    );
    check(
        &["--lang", "en", "verify", "tampered-count.json"],
        "verify-tampered-count.en",
        1,
    );
    check(
        &["--lang", "en", "verify", "tampered-ballot.json"],
        "verify-tampered-ballot.en",
        1,
    );
    check(
        &["--lang", "en", "verify", "good.json", "good-summary.json"],
        "verify-pair.en",
        0,
    );
    check(
        &["--lang", "en", "verify", "tampered-summary.json"],
        "verify-summary-alone.en",
        0,
    );
    check(
        &[
            "--lang",
            "en",
            "verify",
            "good.json",
            "--summary",
            "tampered-summary.json",
        ],
        "verify-summary-against.en",
        1,
    );
    check(
        &["verify", "--json", "good.json", "tampered-count.json"],
        "verify-json",
        1,
    );
    check(
        &["verify", "good.json", "missing.json"],
        "verify-missing.vi",
        2,
    );
}

#[test]
fn verify_refuses_a_bundle_whose_bytes_were_respelled() {
    let dir = Scratch::new("respelled");
    let good = std::fs::read_to_string(data().join("good.json")).unwrap();
    std::fs::write(
        dir.path().join("spaces.json"),
        good.replacen("\": ", "\":  ", 1),
    )
    .unwrap();
    let run = phieu(dir.path(), &["--lang", "en", "verify", "spaces.json"]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(
        run.stdout.contains("not in the canonical form"),
        "{}",
        run.stdout
    );
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(phieu(&data(), &["verify"]).code, 2);
    assert_eq!(phieu(&data(), &["frobnicate"]).code, 2);
    assert_eq!(
        phieu(&data(), &["--lang", "fr", "verify", "good.json"]).code,
        2
    );
}

#[test]
fn inspect_and_minutes_goldens() {
    check(&["inspect", "good.json"], "inspect-good.vi", 0);
    check(
        &["--lang", "en", "inspect", "good.json"],
        "inspect-good.en",
        0,
    );
    check(&["minutes", "good.json"], "minutes-good.vi", 0);
    check(
        &["inspect", "tampered-count.json"],
        "inspect-tampered.vi",
        1,
    );
}

#[test]
fn minutes_as_html_carry_the_form_and_escape_text() {
    let run = phieu(&data(), &["minutes", "--html", "good.json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for needle in [
        "<!doctype html>",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "<h1>BIÊN BẢN KIỂM PHIẾU</h1>",
        "Nguyễn Văn An",
        "Phạm Thị Dung",
        "66,67%",
        "Điều 15 Luật 10/2022/QH15",
    ] {
        assert!(run.stdout.contains(needle), "{needle} missing");
    }
    assert_eq!(
        phieu_cli::minutes::esc("<a href=\"x\">&'"),
        "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"
    );
}

#[test]
fn receipt_in_the_box_or_not() {
    let mine = fixtures::first_receipt(&fixtures::good());
    let other = fixtures::first_receipt(&fixtures::cluster_b());
    let run = phieu(&data(), &["--lang", "en", "receipt", "good.json", &mine]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(run.stdout.contains("IN the box"), "{}", run.stdout);
    // The public summary answers the same, without the openings.
    let lower = mine.to_lowercase().replace('-', " ");
    assert_eq!(
        phieu(&data(), &["receipt", "good-summary.json", &lower]).code,
        0
    );
    let run = phieu(&data(), &["--lang", "en", "receipt", "good.json", &other]);
    assert_eq!(run.code, 1);
    assert!(run.stdout.contains("NOT in the box"), "{}", run.stdout);
    let run = phieu(
        &data(),
        &["--lang", "en", "receipt", "good.json", "K7QH-3M9X-2T"],
    );
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("receipt: 10 characters"),
        "{}",
        run.stderr
    );
}

#[test]
fn merge_adds_clusters_and_refuses_duplicates() {
    let dir = Scratch::new("merge");
    let out = dir.path().join("merged.json");
    let out_s = out.to_str().unwrap();
    let run = phieu(
        &data(),
        &[
            "--lang",
            "en",
            "merge",
            "cluster-a.json",
            "cluster-b.json",
            "-o",
            out_s,
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.starts_with("Merged 2 boxes (9 ballots)"),
        "{}",
        run.stdout
    );
    let merged = AuditBundle::verify(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(merged.tally().ballots(), 9);
    assert_eq!(merged.electorate().total(), 12);
    // The ballots and the count do not depend on the order of the inputs.
    let again = dir.path().join("again.json");
    phieu(
        &data(),
        &[
            "merge",
            "cluster-b.json",
            "cluster-a.json",
            "-o",
            again.to_str().unwrap(),
        ],
    );
    let again = AuditBundle::verify(&std::fs::read_to_string(&again).unwrap()).unwrap();
    assert_eq!(again.fingerprint(), merged.fingerprint());
    assert_eq!(again.tally(), merged.tally());

    let run = phieu(
        &data(),
        &[
            "--lang",
            "en",
            "merge",
            "cluster-a.json",
            "cluster-a.json",
            "-o",
            out_s,
        ],
    );
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("boxes[1]: the same box as boxes[0]")
            && run.stderr.contains("boxes[1] = cluster-a.json"),
        "{}",
        run.stderr
    );
    let run = phieu(
        &data(),
        &["merge", "cluster-a.json", "overlap.json", "-o", out_s],
    );
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("cũng có trong hòm boxes[0]"),
        "{}",
        run.stderr
    );
    // A box of another village is another poll.
    let other = dir.path().join("other.json");
    std::fs::write(
        &other,
        fixtures::bundle("Thôn Tân Lập", 10, "Nhà văn hóa", &[(1, "agree")]).to_json(),
    )
    .unwrap();
    let run = phieu(
        &data(),
        &[
            "--lang",
            "en",
            "merge",
            "cluster-a.json",
            other.to_str().unwrap(),
            "-o",
            out_s,
        ],
    );
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("is for poll"), "{}", run.stderr);
    // A tampered input is refused before anything is merged.
    let run = phieu(
        &data(),
        &[
            "merge",
            "cluster-a.json",
            "tampered-count.json",
            "-o",
            out_s,
        ],
    );
    assert_eq!(run.code, 1);
}
