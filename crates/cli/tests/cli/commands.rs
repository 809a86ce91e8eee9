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
        "khoản 1 Điều 21 Luật 10/2022/QH15",
    ] {
        assert!(run.stdout.contains(needle), "{needle} missing");
    }
    // Issue 15: the minutes code stands on the minutes after the signatures.
    let code = fixtures::good().minutes_code().short();
    let signatures = run
        .stdout
        .find("Người chứng kiến")
        .expect("signature lines");
    let at = run
        .stdout
        .rfind(&code)
        .expect("the minutes code on the minutes");
    assert!(at > signatures, "the code comes with the signatures");
}

/// Issue 16 item 8: forms handed to every household print D59 Mẫu 04's title, count forms
/// issued and returned on all households, and state no quorum and no one present.
#[test]
fn minutes_of_household_forms_follow_form_04() {
    let good = fixtures::good();
    let minutes = phieu_core::Minutes::new(
        "Nhà văn hóa thôn Đồng Tâm".into(),
        "từ ngày 12/4/2026 đến ngày 15/4/2026".into(),
        good.minutes().board().to_vec(),
        Vec::new(),
        String::new(),
    )
    .unwrap();
    let forms = AuditBundle::new(
        good.ballot_box().clone(),
        phieu_core::Electorate::by_household_forms(12).unwrap(),
        minutes,
    )
    .unwrap();
    let dir = Scratch::new("forms");
    std::fs::write(dir.path().join("forms.json"), forms.to_json()).unwrap();
    let run = phieu(dir.path(), &["minutes", "forms.json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for needle in [
        "BIÊN BẢN KIỂM PHIẾU",
        "Về việc phát phiếu lấy ý kiến của hộ gia đình về đóng góp",
        "Tổng số hộ gia đình được phát phiếu: 12",
        "Số phiếu phát ra: 12",
        "Số phiếu thu về: 9",
        "không xét điều kiện cuộc họp hợp lệ",
        "Tổ trưởng Ban kiểm phiếu: Nguyễn Văn An",
    ] {
        assert!(
            run.stdout.contains(needle),
            "{needle} missing:\n{}",
            run.stdout
        );
    }
    for absent in ["có mặt:", "Hôm nay", "Người chứng kiến"] {
        assert!(!run.stdout.contains(absent), "{absent}:\n{}", run.stdout);
    }
}

/// Issue 22, item 6: a survey's question skipped by its logic is counted as not asked, apart
/// from one left blank, by `inspect` and by the minutes (the core's survey vector: `ly_do` is
/// asked of one respondent in three).
#[test]
fn a_survey_counts_skipped_questions_apart() {
    let core_data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../core/tests/data");
    let run = phieu(&core_data, &["inspect", "survey-audit-bundle.json"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stdout
            .contains("Không hỏi (bỏ qua theo câu trả lời trước): 2\n  Để trống: 0"),
        "{}",
        run.stdout
    );
    let run = phieu(&core_data, &["minutes", "survey-audit-bundle.json"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(run.stdout.contains("Không hỏi"), "{}", run.stdout);
    for absent in ["vào hồi", "PIN", "cử tri"] {
        assert!(!run.stdout.contains(absent), "{absent}:\n{}", run.stdout);
    }
}

#[test]
fn receipt_in_the_box_or_not() {
    let mine = fixtures::first_receipt(&fixtures::good());
    let other = fixtures::first_receipt(&fixtures::cluster_b());
    let run = phieu(&data(), &["--lang", "en", "receipt", "good.json", &mine]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(run.stdout.contains("IN the box"), "{}", run.stdout);
    // The public summary answers the same, without the openings.
    let lower = mine
        .to_lowercase()
        .replace('-', " ")
        .replace('0', "o")
        .replace('5', "s");
    assert_eq!(
        phieu(&data(), &["receipt", "good-summary.json", &lower]).code,
        0
    );
    let run = phieu(&data(), &["--lang", "en", "receipt", "good.json", &other]);
    assert_eq!(run.code, 1);
    assert!(run.stdout.contains("NOT in the box"), "{}", run.stdout);
    let run = phieu(
        &data(),
        &["--lang", "en", "receipt", "good.json", "K7Q-H3M-9XT"],
    );
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("A receipt code has 12 letters and digits; this one has 9"),
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

/// Issue 15, hole 1, at the command line: a public summary whose tally was changed and made
/// consistent again verifies on its own; `--paper` with the code printed on the signed minutes
/// says it is not the signed file.
#[test]
fn verify_against_the_code_on_the_paper() {
    let paper = fixtures::good().minutes_code().short();
    let run = phieu(&data(), &["verify", "good.json", "--paper", &paper]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stdout.contains("ĐÚNG là tệp của biên bản giấy đã ký"),
        "{}",
        run.stdout
    );
    // Lower case, spaces instead of dashes, or all 64 digits: the same code.
    let typed = paper.to_lowercase().replace('-', " ");
    let full = fixtures::good().minutes_code().to_hex();
    for code in [typed.as_str(), full.as_str()] {
        assert_eq!(
            phieu(&data(), &["verify", "good.json", "--paper", code]).code,
            0
        );
    }
    // The forged summary: consistent alone, not the signed file.
    let alone = phieu(&data(), &["verify", "tampered-summary.json"]);
    assert_eq!(alone.code, 0, "{}", alone.stdout);
    let run = phieu(
        &data(),
        &[
            "--lang",
            "en",
            "verify",
            "--json",
            "tampered-summary.json",
            "--paper",
            &paper,
        ],
    );
    assert_eq!(run.code, 1, "{}", run.stdout);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(report["files"][0]["matches_paper"], false);
    assert_eq!(report["files"][0]["problems"][0]["path"], "minutes_code");
    let run = phieu(
        &data(),
        &["verify", "tampered-summary.json", "--paper", &paper],
    );
    assert!(
        run.stdout.contains("không phải tệp của biên bản đã ký"),
        "{}",
        run.stdout
    );
    // A code that cannot be one is a usage error, not a finding.
    let run = phieu(&data(), &["verify", "good.json", "--paper", "ABCD-12"]);
    assert_eq!(run.code, 2, "{}", run.stdout);
    assert!(run.stderr.contains("16 chữ số hex"), "{}", run.stderr);
}

/// `phieu simulate` makes a bundle that verifies, with salts from the operating system: the same
/// ballots twice give two different boxes.
#[test]
fn simulate_makes_a_bundle_that_verifies() {
    let dir = Scratch::new("simulate");
    std::fs::copy(data().join("poll-road.json"), dir.path().join("poll.json")).unwrap();
    std::fs::write(
        dir.path().join("ballots.json"),
        r#"[[{"option": "dong_y"}], [{"option": "dong_y"}], [{"option": "khong_dong_y"}],
            [{"option": "y_kien_khac", "free_text": "Góp 300.000 đồng"}], [{"option": "dong_y"}]]"#,
    )
    .unwrap();
    let mut fingerprints = Vec::new();
    for out in ["a.json", "b.json"] {
        let run = phieu(
            dir.path(),
            &[
                "simulate",
                "poll.json",
                "--ballots",
                "ballots.json",
                "--total",
                "12",
                "--present",
                "8",
                "-o",
                out,
            ],
        );
        assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
        assert!(run.stdout.contains("5 phiếu"), "{}", run.stdout);
        let verify = phieu(dir.path(), &["verify", out]);
        assert_eq!(verify.code, 0, "{}", verify.stdout);
        let text = std::fs::read_to_string(dir.path().join(out)).unwrap();
        let bundle = AuditBundle::verify(&text).unwrap();
        assert_eq!(bundle.tally().ballots(), 5);
        fingerprints.push(bundle.fingerprint());
    }
    assert_ne!(fingerprints[0], fingerprints[1], "salts must be random");
    // A ballot the poll does not allow is named, and nothing is written.
    std::fs::write(dir.path().join("bad.json"), r#"[[{"option": "co"}]]"#).unwrap();
    let run = phieu(
        dir.path(),
        &[
            "simulate",
            "poll.json",
            "--ballots",
            "bad.json",
            "--total",
            "12",
            "--present",
            "8",
            "-o",
            "c.json",
        ],
    );
    assert_eq!(run.code, 2, "{}", run.stdout);
    assert!(run.stderr.contains("phiếu 0"), "{}", run.stderr);
    assert!(!dir.path().join("c.json").exists());
}
