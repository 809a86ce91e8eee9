//! `phieu verify` on a sample of tampered audit bundles (the tamper suite of issue #10; the
//! exhaustive version runs against the core in crates/core/tests/tamper.rs): flipped bits, bytes
//! that are no longer UTF-8, ballots dropped, duplicated, reordered and swapped with another
//! poll's. Every one exits 1 (the file says no), never 0 and never 2 (could not do the job).

use std::path::Path;

use crate::fixtures::{self, data};
use crate::support::{phieu, Scratch};

/// The good bundle's `ballots` entries, and the text around them.
fn split(json: &str) -> (&str, Vec<String>, &str) {
    const FIRST: &str = "\n  \"ballots\": [\n    ";
    const LAST: &str = "\n  ],\n  \"tally\": ";
    let start = json.find(FIRST).unwrap() + FIRST.len();
    let end = json.find(LAST).unwrap();
    let parts: Vec<&str> = json[start..end].split("\n    },\n    {").collect();
    let n = parts.len();
    let entries = parts
        .iter()
        .enumerate()
        .map(|(k, e)| {
            let open = if k == 0 { "" } else { "{" };
            let close = if k == n - 1 { "" } else { "\n    }" };
            format!("{open}{e}{close}")
        })
        .collect();
    (&json[..start], entries, &json[end..])
}

fn join(head: &str, entries: &[&str], tail: &str) -> String {
    format!("{head}{}{tail}", entries.join(",\n    "))
}

/// Writes each tampered variant of the good bundle into `dir`; returns the file names.
fn write_tampered(dir: &Path) -> Vec<String> {
    let good = std::fs::read(data().join("good.json")).unwrap();
    let mut files = Vec::new();
    let mut write = |name: String, bytes: &[u8]| {
        assert_ne!(bytes, good.as_slice(), "{name}: not a change");
        std::fs::write(dir.join(&name), bytes).unwrap();
        files.push(name);
    };
    // One flipped bit every 97 bytes, a different bit each time, and every bit of one byte
    // inside a Vietnamese word (some of those are no longer UTF-8).
    let word = good
        .windows("Góp".len())
        .position(|w| w == "Góp".as_bytes())
        .unwrap()
        + 1;
    let positions = (0..good.len())
        .step_by(97)
        .map(|i| (i, 1u8 << (i % 8)))
        .chain((0..8).map(|bit| (word, 1u8 << bit)));
    for (i, mask) in positions {
        let mut bytes = good.clone();
        bytes[i] ^= mask;
        write(format!("flip-{i}-{mask:02x}.json"), &bytes);
    }

    let text = String::from_utf8(good.clone()).unwrap();
    let (head, entries, tail) = split(&text);
    let all: Vec<&str> = entries.iter().map(String::as_str).collect();
    assert_eq!(join(head, &all, tail), text);
    let mut dropped = all.clone();
    dropped.remove(4);
    write("dropped.json".into(), join(head, &dropped, tail).as_bytes());
    let mut twice = all.clone();
    twice.insert(2, all[2]);
    write(
        "duplicated.json".into(),
        join(head, &twice, tail).as_bytes(),
    );
    let mut reordered = all.clone();
    reordered.swap(0, 5);
    write(
        "reordered.json".into(),
        join(head, &reordered, tail).as_bytes(),
    );
    // The same answer (agree) with the same salt, cast in another village's poll.
    let other = fixtures::bundle("Thôn Đoài", 12, "Nhà văn hóa thôn Đoài", &[(1, "agree")]);
    let other_json = other.to_json();
    let (_, foreign, _) = split(&other_json);
    let mut swapped = all.clone();
    swapped[0] = &foreign[0];
    write("swapped.json".into(), join(head, &swapped, tail).as_bytes());
    files
}

#[test]
fn verify_exits_1_on_every_tampered_sample() {
    let dir = Scratch::new("tamper");
    let files = write_tampered(dir.path());
    assert!(files.len() > 50, "{}", files.len());
    let mut args = vec!["verify", "--json"];
    args.extend(files.iter().map(String::as_str));
    let run = phieu(dir.path(), &args);
    assert_eq!(run.code, 1, "{}\n{}", run.stdout, run.stderr);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let reported = report["files"].as_array().unwrap();
    assert_eq!(reported.len(), files.len());
    let mut not_utf8 = 0;
    for f in reported {
        assert_eq!(f["status"], "mismatch", "{f}");
        let problems = f["problems"].as_array().unwrap();
        assert!(!problems.is_empty(), "{f}");
        if problems[0]["en"].as_str().unwrap().contains("not UTF-8") {
            not_utf8 += 1;
        }
    }
    assert!(not_utf8 > 0, "the sample has no byte that breaks UTF-8");
}

#[test]
fn verify_names_what_the_list_edits_broke_in_both_languages() {
    let dir = Scratch::new("tamper-named");
    write_tampered(dir.path());
    for (file, en, vi) in [
        ("dropped.json", "fingerprint: claimed", "fingerprint: ghi"),
        (
            "duplicated.json",
            "commitments are not in strictly ascending order",
            "không theo thứ tự tăng dần",
        ),
        (
            "reordered.json",
            "commitments are not in strictly ascending order",
            "không theo thứ tự tăng dần",
        ),
        (
            "swapped.json",
            "the opening commits to",
            "nhưng nội dung phiếu cho",
        ),
        ("flip-0-01.json", "not valid JSON", "không phải JSON hợp lệ"),
    ] {
        for (lang, expected, verdict) in [("en", en, "MISMATCH"), ("vi", vi, "SAI")] {
            let run = phieu(dir.path(), &["--lang", lang, "verify", file]);
            assert_eq!(run.code, 1, "{file} {lang}: {}{}", run.stdout, run.stderr);
            assert!(
                run.stdout.contains(verdict) && run.stdout.contains(expected),
                "{file} {lang}: {}",
                run.stdout
            );
        }
    }
    // A byte that is no longer UTF-8 is named by its offset, not taken for an unreadable file.
    let not_text = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| std::str::from_utf8(&std::fs::read(p).unwrap()).is_err())
        .unwrap();
    let name = not_text.file_name().unwrap().to_str().unwrap();
    for (lang, expected) in [("en", "not UTF-8 text"), ("vi", "không phải văn bản UTF-8")] {
        let run = phieu(dir.path(), &["--lang", lang, "verify", name]);
        assert_eq!(run.code, 1, "{name} {lang}: {}{}", run.stdout, run.stderr);
        assert!(run.stdout.contains(expected), "{}", run.stdout);
        assert!(run.stderr.is_empty(), "{}", run.stderr);
    }
}

/// A bundle with a byte that breaks UTF-8 is a changed file for every command that reads one,
/// as for `verify`: exit 1 naming the byte, in both languages; never "cannot read" (exit 2).
#[test]
fn every_command_says_a_non_utf8_bundle_does_not_verify() {
    let dir = Scratch::new("tamper-not-text");
    let mut bytes = std::fs::read(data().join("good.json")).unwrap();
    let at = bytes.len() / 2;
    bytes[at] = 0xFF;
    std::fs::write(dir.path().join("broken.json"), &bytes).unwrap();
    std::fs::copy(data().join("good.json"), dir.path().join("good.json")).unwrap();
    let receipt = fixtures::first_receipt(&fixtures::good());
    for args in [
        &["inspect", "broken.json"][..],
        &["receipt", "broken.json", &receipt],
        &["minutes", "broken.json"],
        &["merge", "good.json", "broken.json", "-o", "merged.json"],
        &["export", "broken.json", "--csv", "-o", "out.csv"],
    ] {
        let en = phieu(dir.path(), &[&["--lang", "en"][..], args].concat());
        assert_eq!(en.code, 1, "{args:?}: {}", en.stderr);
        let said = format!("broken.json: does not verify: byte {at}: not UTF-8 text");
        assert!(en.stderr.contains(&said), "{args:?}: {}", en.stderr);
        let vi = phieu(dir.path(), &[&["--lang", "vi"][..], args].concat());
        assert_eq!(vi.code, 1, "{args:?}: {}", vi.stderr);
        let said = format!("byte {at}: không phải văn bản UTF-8");
        assert!(vi.stderr.contains(&said), "{args:?}: {}", vi.stderr);
    }
    assert!(!dir.path().join("merged.json").exists() && !dir.path().join("out.csv").exists());
}
