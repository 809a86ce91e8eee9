//! The tamper suite (issue #10, docs/security.md §Hardening): small audit bundles built by the
//! core, then changed in every way a careless or dishonest hand might change the file, each
//! change checked against `AuditBundle::verify`.
//!
//! **What "detected" means.** A tampered file is any sequence of bytes other than the bundle's
//! own. It is *detected* when a reader refuses it: `AuditBundle::verify` returns an error (the
//! file is not a bundle, is not in the canonical form, or claims something its openings do not
//! bear out), or the bytes are not UTF-8 at all. A reader that decodes leniently (the browser's
//! `File.text()` puts U+FFFD in place of a broken sequence) must refuse the decoded text too, and
//! the suite checks that as well. A change that verify *accepts* is harmless only if it reads
//! back as the very same bundle (say, a space moved between two JSON tokens); the suite counts
//! those apart from real misses. It finds none: a bundle has exactly one spelling
//! (docs/bundle-format.md §JSON rules), so any other spelling of the same bundle is refused too,
//! and the assertion is simply that every change is refused.
//!
//! **What is changed.** Every byte of each bundle replaced by each of its 8 single-bit flips (the
//! default run), or by each of the 255 other byte values (`PHIEU_LONG=1`); then, edited in the
//! `ballots` list the way a hand with a text editor would, without recomputing anything: each
//! ballot dropped, each ballot duplicated, every reordering, each ballot swapped with one of
//! another poll that has the same questions. Those list edits keep the file canonical, so their
//! refusal must come from recomputation (a discrepancy), not from the spelling. Last, the same
//! edits made by a forger who rebuilds the whole bundle with the core: verify cannot refuse a
//! self-consistent file, so the defence is the fingerprint on the signed paper minutes, and the
//! suite checks that every such rebuilt bundle carries another fingerprint (or cannot be built).

use std::path::{Path, PathBuf};

#[path = "../../../tests/support/fixture_salts.rs"]
mod fixture_salts;
use fixture_salts::forge_summary;

use phieu_core::{
    Answer, AuditBundle, Ballot, BallotBox, BundleError, Discrepancy, Electorate, Minutes, Poll,
    PublicSummary, Salt, VerifyError,
};

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn long_run() -> bool {
    std::env::var("PHIEU_LONG").is_ok_and(|v| !v.is_empty())
}

fn salt(n: u8) -> Salt {
    let mut b = [0u8; 16];
    b[15] = n;
    Salt::from_bytes(b)
}

fn minutes() -> Minutes {
    Minutes::new(
        "Nhà văn hóa thôn Đồng Tâm".into(),
        "14 giờ 00, ngày 12/4/2026".into(),
        vec![
            "Nguyễn Văn An".into(),
            "Trần Thị Bình".into(),
            "Lê Văn Cường".into(),
        ],
        vec!["Phạm Thị Dung".into(), "Hoàng Văn Em".into()],
        "Kiểm thử trước khi bỏ phiếu: 3 phiếu mẫu, kết quả đúng".into(),
    )
    .unwrap()
}

/// The demo decision poll (two-thirds of all households) held in `village`: the same questions
/// and options in every village, another poll hash.
fn decision_poll(village: &str) -> Poll {
    let json = read(&data("../../../../assets/polls/demo.json")).replace("Thôn Đồng Tâm", village);
    Poll::from_json(&json).unwrap()
}

/// Three decision ballots (agree, disagree, other opinion with Vietnamese free text) cast in
/// `village`, salts from `first`.
fn decision_ballots(poll: &Poll, first: u8) -> Vec<Ballot> {
    let answers = [
        Answer::choice("dong_y"),
        Answer::choice("khong_dong_y"),
        Answer::Choice {
            option: "y_kien_khac".into(),
            free_text: Some("Góp 300.000 đồng".into()),
        },
    ];
    answers
        .into_iter()
        .zip(first..)
        .map(|(a, n)| Ballot::new(poll, vec![a], salt(n)).unwrap())
        .collect()
}

fn survey_poll() -> Poll {
    Poll::from_json(&read(&data("survey-poll.json"))).unwrap()
}

/// The three survey ballots of the known-answer vectors: every answer kind (a scale choice,
/// text, several options with free text, a number, blanks).
fn survey_ballots(poll: &Poll) -> Vec<Ballot> {
    let choices = |o: &[&str]| o.iter().map(|s| s.to_string()).collect();
    [
        (
            10,
            vec![
                Answer::choice("hai_long"),
                Answer::Blank,
                Answer::Choices {
                    options: choices(&["nuoc", "duong"]),
                    free_text: None,
                },
                Answer::Number(4),
            ],
        ),
        (
            11,
            vec![
                Answer::choice("khong_hai_long"),
                Answer::Text("Đường ngập khi mưa".into()),
                Answer::Choices {
                    options: choices(&["khac"]),
                    free_text: Some("Chiếu sáng".into()),
                },
                Answer::Number(3),
            ],
        ),
        (
            12,
            vec![
                Answer::choice("rat_hai_long"),
                Answer::Blank,
                Answer::Blank,
                Answer::Blank,
            ],
        ),
    ]
    .into_iter()
    .map(|(n, answers)| Ballot::new(poll, answers, salt(n)).unwrap())
    .collect()
}

fn build(poll: &Poll, ballots: Vec<Ballot>, electorate: Electorate) -> AuditBundle {
    let mut the_box = BallotBox::new(poll.clone());
    for b in ballots {
        the_box.cast(b).unwrap();
    }
    AuditBundle::new(the_box, electorate, minutes()).unwrap()
}

/// The small bundles under test, by name.
fn bundles() -> Vec<(&'static str, AuditBundle)> {
    let decision = decision_poll("Thôn Đồng Tâm");
    let survey = survey_poll();
    vec![
        (
            "decision",
            build(
                &decision,
                decision_ballots(&decision, 1),
                Electorate::new(10, Some(8)).unwrap(),
            ),
        ),
        (
            "survey",
            build(
                &survey,
                survey_ballots(&survey),
                Electorate::new(3, None).unwrap(),
            ),
        ),
    ]
}

// ---------------------------------------------------------------------------------------------
// Verdicts

/// What a reader makes of a tampered file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Verdict {
    /// Not UTF-8: refused before parsing (and its lossy decoding refused by verify too).
    NotUtf8,
    /// Not JSON, or not the shape of a bundle.
    NotJson,
    /// JSON of a bundle, but not the one spelling phieu writes.
    NotCanonical,
    /// Canonical, but a value no bundle holds (a bad digest, poll, electorate, answer, tally).
    BadValue,
    /// Well formed; its claims do not match its openings.
    Discrepancy,
    /// Accepted, and it reads back as the very same bundle: not tampering at all.
    Same,
    /// Accepted with other contents: a miss.
    Missed,
}

fn verdict_of(original: &AuditBundle, bytes: &[u8]) -> Verdict {
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(_) => {
            let lossy = String::from_utf8_lossy(bytes);
            return match AuditBundle::verify(&lossy) {
                Err(_) => Verdict::NotUtf8,
                Ok(b) if &b == original => Verdict::Same,
                Ok(_) => Verdict::Missed,
            };
        }
    };
    match AuditBundle::verify(text) {
        Err(VerifyError::Parse(BundleError::Json { .. })) => Verdict::NotJson,
        Err(VerifyError::Parse(BundleError::NotCanonical { .. })) => Verdict::NotCanonical,
        Err(VerifyError::Parse(_)) => Verdict::BadValue,
        Err(VerifyError::Mismatch(_)) => Verdict::Discrepancy,
        Ok(b) if &b == original => Verdict::Same,
        Ok(_) => Verdict::Missed,
    }
}

/// How many changes got each verdict, and the first few that were not refused.
#[derive(Default)]
struct Counts {
    by_verdict: std::collections::BTreeMap<Verdict, usize>,
    accepted: Vec<String>,
}

impl Counts {
    fn add(&mut self, verdict: Verdict, what: impl FnOnce() -> String) {
        *self.by_verdict.entry(verdict).or_default() += 1;
        if matches!(verdict, Verdict::Same | Verdict::Missed) && self.accepted.len() < 10 {
            self.accepted.push(format!("{verdict:?}: {}", what()));
        }
    }

    fn merge(&mut self, other: Counts) {
        for (v, n) in other.by_verdict {
            *self.by_verdict.entry(v).or_default() += n;
        }
        self.accepted.extend(other.accepted);
    }

    fn total(&self) -> usize {
        self.by_verdict.values().sum()
    }

    fn refused(&self) -> usize {
        self.by_verdict
            .iter()
            .filter(|(v, _)| !matches!(v, Verdict::Same | Verdict::Missed))
            .map(|(_, n)| n)
            .sum()
    }

    fn summary(&self) -> String {
        let parts: Vec<String> = self
            .by_verdict
            .iter()
            .map(|(v, n)| format!("{v:?} {n}"))
            .collect();
        parts.join(", ")
    }
}

// ---------------------------------------------------------------------------------------------
// Every single-byte change

#[test]
fn every_single_byte_change_is_refused() {
    let long = long_run();
    // Each position is independent: share them out over the cores.
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    for (name, bundle) in bundles() {
        let original = bundle.to_json().into_bytes();
        let counts = std::thread::scope(|s| {
            let workers: Vec<_> = (0..threads)
                .map(|t| {
                    let (bundle, original) = (&bundle, &original);
                    s.spawn(move || {
                        let mut counts = Counts::default();
                        let mut bytes = original.clone();
                        for i in (t..original.len()).step_by(threads) {
                            let was = original[i];
                            let replacements: Vec<u8> = if long {
                                (0..=255u8).filter(|b| *b != was).collect()
                            } else {
                                (0..8).map(|bit| was ^ (1 << bit)).collect()
                            };
                            for now in replacements {
                                bytes[i] = now;
                                counts.add(verdict_of(bundle, &bytes), || {
                                    format!("byte {i}: {was:#04x} → {now:#04x}")
                                });
                            }
                            bytes[i] = was;
                        }
                        counts
                    })
                })
                .collect();
            let mut all = Counts::default();
            for w in workers {
                all.merge(w.join().unwrap());
            }
            all
        });
        println!(
            "tamper {name}: {} bytes, {} single-byte changes ({}), refused {}: {}",
            original.len(),
            counts.total(),
            if long {
                "every value"
            } else {
                "every bit flip"
            },
            counts.refused(),
            counts.summary()
        );
        assert_eq!(
            counts.refused(),
            counts.total(),
            "{name}: changes verify accepted:\n{}",
            counts.accepted.join("\n")
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Ballots dropped, duplicated, reordered, swapped: the list edited as text

/// A canonical audit bundle split around its `ballots` list: the text before the first entry,
/// each entry (from its `{` to its `}`), and the text after the last.
struct Split {
    head: String,
    entries: Vec<String>,
    tail: String,
}

const FIRST: &str = "\n  \"ballots\": [\n    ";
const BETWEEN: &str = ",\n    ";
const LAST: &str = "\n  ],\n  \"tally\": ";

impl Split {
    fn of(json: &str) -> Split {
        let start = json.find(FIRST).unwrap() + FIRST.len();
        let end = json.find(LAST).unwrap();
        // Entries are the only lines at four spaces' indent inside the list.
        let entries = json[start..end]
            .split("\n    },\n    {")
            .map(String::from)
            .collect::<Vec<_>>();
        let entries: Vec<String> = match entries.len() {
            1 => entries,
            n => entries
                .into_iter()
                .enumerate()
                .map(|(k, e)| match k {
                    0 => format!("{e}\n    }}"),
                    k if k == n - 1 => format!("{{{e}"),
                    _ => format!("{{{e}\n    }}"),
                })
                .collect(),
        };
        Split {
            head: json[..start].to_string(),
            entries,
            tail: json[end..].to_string(),
        }
    }

    fn with(&self, entries: &[&str]) -> String {
        assert!(!entries.is_empty(), "an empty list is spelled `[]`");
        format!("{}{}{}", self.head, entries.join(BETWEEN), self.tail)
    }

    fn refs(&self) -> Vec<&str> {
        self.entries.iter().map(String::as_str).collect()
    }
}

/// All orderings of `0..n` (n is small).
fn permutations(n: usize) -> Vec<Vec<usize>> {
    if n == 0 {
        return vec![Vec::new()];
    }
    let mut all = Vec::new();
    for rest in permutations(n - 1) {
        for at in 0..=rest.len() {
            let mut p = rest.clone();
            p.insert(at, n - 1);
            all.push(p);
        }
    }
    all
}

/// Checks that `json` (an edit of `bundle` that keeps the file canonical) is refused with a
/// discrepancy, and that one of them is of the `expected` kind.
fn refused_by_recount(
    what: &str,
    bundle: &AuditBundle,
    json: &str,
    expected: fn(&Discrepancy) -> bool,
) {
    assert_ne!(json, bundle.to_json(), "{what}: not a change");
    match AuditBundle::verify(json) {
        Err(VerifyError::Mismatch(found)) => assert!(
            found.iter().any(expected),
            "{what}: refused, but not for the expected reason: {found:?}"
        ),
        other => panic!("{what}: expected a discrepancy, got {other:?}"),
    }
}

#[test]
fn ballots_dropped_duplicated_reordered_or_swapped_are_refused() {
    let village_a = decision_poll("Thôn Đồng Tâm");
    let village_b = decision_poll("Thôn Đoài");
    let a = build(
        &village_a,
        decision_ballots(&village_a, 1),
        Electorate::new(10, Some(8)).unwrap(),
    );
    // The same three answers in another village's poll, with other salts.
    let b = build(
        &village_b,
        decision_ballots(&village_b, 21),
        Electorate::new(12, Some(10)).unwrap(),
    );
    let mut edits = 0;
    for (name, bundle) in bundles().into_iter().chain([("village-b", b.clone())]) {
        let json = bundle.to_json();
        let split = Split::of(&json);
        let n = split.entries.len();
        assert_eq!(
            split.with(&split.refs()),
            json,
            "{name}: the split is exact"
        );
        assert!(n >= 3);

        for drop in 0..n {
            let mut kept = split.refs();
            kept.remove(drop);
            refused_by_recount(
                &format!("{name}: ballot {drop} dropped"),
                &bundle,
                &split.with(&kept),
                |d| matches!(d, Discrepancy::Fingerprint { .. }),
            );
            edits += 1;
        }
        for twice in 0..n {
            for at in 0..=n {
                let mut list = split.refs();
                list.insert(at, &split.entries[twice]);
                refused_by_recount(
                    &format!("{name}: ballot {twice} also at {at}"),
                    &bundle,
                    &split.with(&list),
                    |d| matches!(d, Discrepancy::Order { .. }),
                );
                edits += 1;
            }
        }
        for order in permutations(n).into_iter().skip(1) {
            let list: Vec<&str> = order.iter().map(|&k| split.entries[k].as_str()).collect();
            if list == split.refs() {
                continue;
            }
            refused_by_recount(
                &format!("{name}: ballots in order {order:?}"),
                &bundle,
                &split.with(&list),
                |d| matches!(d, Discrepancy::Order { .. }),
            );
            edits += 1;
        }
    }

    // Swapped between polls: each ballot of village A replaced by each of village B's (whose
    // answers fit A's questions exactly), in A's place or where its commitment sorts, and the
    // other way round. The commitment binds the ballot to its poll.
    for (from, into) in [(&b, &a), (&a, &b)] {
        let donor = Split::of(&from.to_json());
        let json = into.to_json();
        let split = Split::of(&json);
        for i in 0..split.entries.len() {
            for (j, foreign) in donor.entries.iter().enumerate() {
                let mut list = split.refs();
                list[i] = foreign;
                refused_by_recount(
                    &format!(
                        "ballot {i} of {} replaced by ballot {j} of {}",
                        into.poll().place().village(),
                        from.poll().place().village()
                    ),
                    into,
                    &split.with(&list),
                    |d| matches!(d, Discrepancy::Commitment { .. }),
                );
                list.sort();
                refused_by_recount("the same, sorted", into, &split.with(&list), |d| {
                    matches!(d, Discrepancy::Commitment { .. })
                });
                let mut added = split.refs();
                added.push(foreign);
                added.sort();
                refused_by_recount("a foreign ballot added", into, &split.with(&added), |d| {
                    matches!(d, Discrepancy::Commitment { .. })
                });
                edits += 3;
            }
        }
    }
    println!("tamper ballots: {edits} list edits, every one refused with a discrepancy");
}

/// A forger who rebuilds the bundle with the core gets a file verify accepts, so the paper
/// minutes are the defence: the rebuilt bundle must carry another fingerprint, or the box must
/// refuse the edit outright.
#[test]
fn a_rebuilt_bundle_shows_in_its_fingerprint() {
    let village_a = decision_poll("Thôn Đồng Tâm");
    let village_b = decision_poll("Thôn Đoài");
    let electorate = Electorate::new(10, Some(8)).unwrap();
    let ours = decision_ballots(&village_a, 1);
    let original = build(&village_a, ours.clone(), electorate);
    let paper = original.fingerprint();

    for drop in 0..ours.len() {
        let mut kept = ours.clone();
        kept.remove(drop);
        let forged = build(&village_a, kept, electorate);
        assert!(AuditBundle::verify(&forged.to_json()).is_ok());
        assert_ne!(forged.fingerprint(), paper, "ballot {drop} dropped");
        assert_ne!(forged.fingerprint().short(), paper.short());
    }
    // A duplicate or a ballot of another poll cannot even be put in the box.
    for ballot in &ours {
        let mut the_box = BallotBox::new(village_a.clone());
        for b in &ours {
            the_box.cast(b.clone()).unwrap();
        }
        assert!(the_box.cast(ballot.clone()).is_err(), "duplicate accepted");
    }
    for foreign in decision_ballots(&village_b, 21) {
        let mut the_box = BallotBox::new(village_a.clone());
        assert!(the_box.cast(foreign).is_err(), "foreign ballot accepted");
    }
    // A ballot's answers changed and re-committed is another ballot: another fingerprint.
    let mut changed = ours.clone();
    changed[0] = Ballot::new(
        &village_a,
        vec![Answer::choice("khong_dong_y")],
        changed[0].salt(),
    )
    .unwrap();
    assert_ne!(build(&village_a, changed, electorate).fingerprint(), paper);
    // Cast order is not information: any order rebuilds the very same bytes.
    for order in permutations(ours.len()) {
        let shuffled = order.iter().map(|&k| ours[k].clone()).collect();
        assert_eq!(
            build(&village_a, shuffled, electorate).to_json(),
            original.to_json()
        );
    }
}

// ---------------------------------------------------------------------------------------------
// The signed paper (issue 15): what the minutes state is what verifies

/// `json` with the count of `option` (its first occurrence in the tally) changed by `by`.
fn with_count(json: &str, option: &str, by: i64) -> String {
    let at = json.find("\n  \"tally\": ").unwrap();
    let key = format!("\"option\": \"{option}\",");
    let start = at + json[at..].find(&key).unwrap();
    let count = start + json[start..].find("\"count\": ").unwrap() + "\"count\": ".len();
    let end = count + json[count..].find(|c: char| !c.is_ascii_digit()).unwrap();
    let n: i64 = json[count..end].parse().unwrap();
    format!("{}{}{}", &json[..count], n + by, &json[end..])
}

/// Issue 15, hole 1: a changed tally in a public summary, with its outcome and sentences
/// rewritten, reads as a consistent summary; the code printed on the paper tells it apart.
#[test]
fn a_changed_tally_does_not_match_the_paper() {
    let (_, bundle) = bundles().remove(0);
    let genuine = bundle.public_summary();
    let paper = genuine.minutes_code().short();
    let json = genuine.to_json();
    assert!(PublicSummary::verify(&json)
        .unwrap()
        .minutes_code()
        .matches_paper(&paper));
    // Move one vote from "dong_y" to "khong_dong_y".
    let moved = with_count(&with_count(&json, "dong_y", -1), "khong_dong_y", 1);
    assert_ne!(moved, json);
    // Without the forger's recomputation the summary does not even verify.
    assert!(PublicSummary::verify(&moved).is_err());
    let forged = forge_summary(&moved).expect("a consistent forgery can be made");
    let read = PublicSummary::verify(&forged).unwrap();
    assert_eq!(
        read.fingerprint(),
        genuine.fingerprint(),
        "same fingerprint"
    );
    assert!(!read.minutes_code().matches_paper(&paper));
    assert!(read.minutes_code().short() != paper);
}

/// Issue 15, hole 2: the denominator is part of the code.
#[test]
fn a_changed_electorate_does_not_match_the_paper() {
    for (name, bundle) in bundles() {
        let paper = bundle.minutes_code();
        let total = bundle.electorate().total();
        let json = bundle.public_summary().to_json();
        let changed = json.replacen(
            &format!("\"total\": {total}"),
            &format!("\"total\": {}", total + 1),
            1,
        );
        let forged = forge_summary(&changed).expect(name);
        let read = PublicSummary::verify(&forged).unwrap();
        assert_eq!(read.fingerprint(), bundle.fingerprint(), "{name}");
        assert!(!read.minutes_code().matches_paper(&paper.short()), "{name}");
        // In the audit bundle, the same edit is a discrepancy of the code.
        let audit = bundle.to_json().replacen(
            &format!("\"total\": {total}"),
            &format!("\"total\": {}", total + 1),
            1,
        );
        let err = AuditBundle::verify(&audit).unwrap_err();
        assert!(
            err.discrepancies()
                .iter()
                .any(|d| matches!(d, Discrepancy::MinutesCode { .. })),
            "{name}: {err}"
        );
    }
}

/// Every single-byte change of the tally, the outcomes or the electorate of a summary, once the
/// forger has made the rest agree with it, gives another minutes code (or is refused).
#[test]
fn every_change_of_the_stated_result_changes_the_code() {
    for (name, bundle) in bundles() {
        let genuine = bundle.public_summary();
        let paper = genuine.minutes_code();
        let json = genuine.to_json();
        let start = json.find("\n  \"electorate\": ").unwrap();
        let minutes = json.find("\n  \"minutes\": ").unwrap();
        let tally = json.find("\n  \"tally\": ").unwrap();
        let end = json.find("\n  \"fingerprint\": ").unwrap();
        let mut forged_count = 0;
        for i in (start..minutes).chain(tally..end) {
            let b = json.as_bytes()[i];
            let replacement = match b {
                b'0'..=b'8' => b + 1,
                b'9' => b'0',
                b'a'..=b'y' => b + 1,
                _ => continue,
            };
            let mut bytes = json.as_bytes().to_vec();
            bytes[i] = replacement;
            let Ok(text) = String::from_utf8(bytes) else {
                continue;
            };
            // A forger who only undid the change has forged nothing.
            if let Some(forged) = forge_summary(&text).filter(|f| *f != json) {
                forged_count += 1;
                let read = PublicSummary::verify(&forged).unwrap();
                assert_ne!(read.minutes_code(), paper, "{name}: byte {i}");
            }
        }
        assert!(forged_count > 0, "{name}: the suite forged nothing");
    }
}

/// Issue 15, hole 3: the poll inside a bundle has one spelling; a default left out (a multiple
/// item's `min`, a text item's `max_len`) is refused with the field named, though the poll it
/// reads as is the same.
#[test]
fn the_embedded_poll_has_one_spelling() {
    let (_, survey) = bundles().remove(1);
    for json in [survey.to_json(), survey.public_summary().to_json()] {
        for (from, to, field) in [
            ("\"min\": 0,\n        ", "", "poll.items[2].min"),
            (",\n        \"max_len\": 200", "", "poll.items[1].max_len"),
        ] {
            assert!(json.contains(from), "{from}");
            let without = json.replacen(from, to, 1);
            let err = match AuditBundle::verify(&without) {
                Err(VerifyError::Parse(BundleError::Json { .. })) | Ok(_) => {
                    PublicSummary::verify(&without).unwrap_err()
                }
                Err(e) => e,
            };
            let VerifyError::Parse(e @ BundleError::PollSpelling { .. }) = &err else {
                panic!("{err}");
            };
            assert_eq!(e.path(), field);
            assert!(err.message(phieu_core::Lang::Vi).contains("dạng chuẩn"));
        }
    }
}

/// Issue 15, hole 4: a summary whose counts do not add up is refused, even when its digests
/// were recomputed to agree.
#[test]
fn a_summary_whose_counts_do_not_add_up_is_refused() {
    for (name, bundle) in bundles() {
        let json = bundle.public_summary().to_json();
        let blank_line = json
            .lines()
            .find(|l| l.trim_start().starts_with("\"blank\": "))
            .unwrap()
            .to_owned();
        let n: u64 = blank_line
            .trim()
            .trim_start_matches("\"blank\": ")
            .trim_end_matches(',')
            .parse()
            .unwrap();
        let more = blank_line.replace(&format!(" {n}"), &format!(" {}", n + 1));
        let changed = json.replacen(&blank_line, &more, 1);
        assert!(forge_summary(&changed).is_none(), "{name}: blank + 1");
        let err = PublicSummary::verify(&changed).unwrap_err();
        assert!(
            matches!(err, VerifyError::Parse(BundleError::Inconsistent { .. })),
            "{name}: {err}"
        );
    }
    // An option's count + 1 in the decision's summary.
    let (_, bundle) = bundles().remove(0);
    let json = bundle.public_summary().to_json();
    let changed = with_count(&json, "dong_y", 1);
    assert_ne!(changed, json);
    assert!(matches!(
        PublicSummary::verify(&changed),
        Err(VerifyError::Parse(BundleError::Inconsistent { .. }))
    ));
}

/// The old format is refused with a sentence naming both versions: a real version-1 file
/// (the demo vector as version 1 wrote it), not only a version number changed.
#[test]
fn version_one_is_named_as_the_old_format() {
    let old = read(&data("version-1-audit-bundle.json"));
    let err = AuditBundle::verify(&old).unwrap_err();
    assert!(
        matches!(err, VerifyError::Parse(BundleError::Version { found: 1 })),
        "{err}"
    );
    let vi = err.message(phieu_core::Lang::Vi);
    let en = err.message(phieu_core::Lang::En);
    assert!(
        vi.contains("phiên bản 1") && vi.contains("phiên bản 2"),
        "{vi}"
    );
    assert!(en.contains("version 1") && en.contains("version 2"), "{en}");
}
