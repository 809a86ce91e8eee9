//! The one integration-test binary of phieu-core: known-answer vectors checked byte for byte
//! against `tests/data/`, the legal boundaries of every rule preset, the worked example of
//! docs/bundle-format.md, property tests for tally, merge, order and tampering, and each parser
//! over the fuzz seed corpus. Run with `PHIEU_BLESS=1` to rewrite the expected files after an
//! intended format change (and say so in the commit).

use std::path::{Path, PathBuf};

use phieu_core::{
    commune_rollup, decide, merge_boxes, Answer, AuditBundle, Ballot, BallotBox, Electorate, Lang,
    Minutes, OutcomeError, Poll, PublicSummary, Receipt, Salt, Tally, VerifyError, VillageResult,
};
use proptest::prelude::*;
use serde_json::Value;

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Compares `actual` with the file `tests/data/<name>` byte for byte.
fn check(name: &str, actual: &str) {
    let path = data(name);
    if std::env::var_os("PHIEU_BLESS").is_some() {
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = read(&path);
    if expected != actual {
        let line = expected
            .lines()
            .zip(actual.lines())
            .position(|(a, b)| a != b)
            .map_or(0, |l| l + 1);
        panic!("{name} differs from the expected vector (first at line {line}):\n--- actual ---\n{actual}");
    }
}

fn answer(v: &Value) -> Answer {
    if v.is_null() {
        return Answer::Blank;
    }
    let free_text = v["free_text"].as_str().map(String::from);
    if let Some(o) = v["option"].as_str() {
        return Answer::Choice {
            option: o.into(),
            free_text,
        };
    }
    if let Some(os) = v["options"].as_array() {
        return Answer::Choices {
            options: os.iter().map(|o| o.as_str().unwrap().into()).collect(),
            free_text,
        };
    }
    if let Some(n) = v["number"].as_i64() {
        return Answer::Number(n);
    }
    Answer::Text(v["text"].as_str().unwrap().into())
}

fn salt(n: u128) -> Salt {
    Salt::from_bytes(n.to_be_bytes())
}

fn ballots(poll: &Poll, file: &str) -> Vec<Ballot> {
    let list: Value = serde_json::from_str(&read(&data(file))).unwrap();
    list.as_array()
        .unwrap()
        .iter()
        .map(|b| {
            let s = Salt::from_hex(b["salt"].as_str().unwrap()).unwrap();
            let answers = b["answers"]
                .as_array()
                .unwrap()
                .iter()
                .map(answer)
                .collect();
            Ballot::new(poll, answers, s).unwrap()
        })
        .collect()
}

fn demo_poll() -> Poll {
    Poll::from_json(&read(&data("../../../../assets/polls/demo.json"))).unwrap()
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
        "Chạy thử trước khi bỏ phiếu: 3 phiếu mẫu, kết quả đúng".into(),
    )
    .and_then(|m| {
        m.with_proceedings(
            "Nguyễn Văn Hòa".into(),
            "Đỗ Thị Lan".into(),
            "15 giờ 10, ngày 12/4/2026".into(),
            "Không có".into(),
        )
    })
    .unwrap()
}

fn boxed(poll: &Poll, ballots: impl IntoIterator<Item = Ballot>) -> BallotBox {
    let mut b = BallotBox::new(poll.clone());
    for ballot in ballots {
        b.cast(ballot).unwrap();
    }
    b
}

// ---------------------------------------------------------------------------------------------
// Known-answer vectors

fn vectors(poll: &Poll, ballots_file: &str, name: &str, electorate: Electorate) {
    let ballots = ballots(poll, ballots_file);
    let mut lines = format!("poll_hash {}\n", poll.hash());
    for b in &ballots {
        lines += &format!("{} {}\n", b.commitment(), b.receipt());
    }
    let the_box = boxed(poll, ballots);
    lines += &format!(
        "fingerprint {}\nshort {}\n",
        the_box.fingerprint(),
        the_box.fingerprint().short()
    );
    check(&format!("{name}-commitments.txt"), &lines);
    let bundle = AuditBundle::new(the_box, electorate, minutes()).unwrap();
    let json = bundle.to_json();
    check(&format!("{name}-audit-bundle.json"), &json);
    check(
        &format!("{name}-public-summary.json"),
        &bundle.public_summary().to_json(),
    );
    // What was written verifies, and reads back to the same bundle.
    let again = AuditBundle::verify(&json).unwrap();
    assert_eq!(again, bundle);
    let summary = PublicSummary::verify(&bundle.public_summary().to_json()).unwrap();
    assert!(summary.verify_against(&bundle).is_empty());
}

#[test]
fn demo_vectors() {
    vectors(
        &demo_poll(),
        "demo-ballots.json",
        "demo",
        Electorate::new(10, Some(8)).unwrap(),
    );
}

#[test]
fn survey_vectors() {
    let poll = Poll::from_json(&read(&data("survey-poll.json"))).unwrap();
    vectors(
        &poll,
        "survey-ballots.json",
        "survey",
        Electorate::new(3, None).unwrap(),
    );
}

// ---------------------------------------------------------------------------------------------
// The worked example of docs/bundle-format.md

#[test]
fn worked_example_in_the_docs_is_current() {
    let poll = Poll::from_json(&read(&data("example-poll.json"))).unwrap();
    let salt = Salt::from_hex("000102030405060708090a0b0c0d0e0f").unwrap();
    let ballot = Ballot::new(&poll, vec![Answer::choice("dong_y")], salt).unwrap();
    let the_box = boxed(&poll, [ballot.clone()]);
    let bundle = AuditBundle::new(
        the_box.clone(),
        Electorate::new(3, Some(2)).unwrap(),
        Minutes::new(
            "Nhà văn hóa".into(),
            "14 giờ".into(),
            vec!["An".into(), "Bình".into(), "Chi".into()],
            vec!["Dung".into(), "Em".into()],
            String::new(),
        )
        .unwrap(),
    )
    .unwrap();
    let mut ballot_bytes = Vec::new();
    ballot_bytes.extend_from_slice(&[0, 0, 0, 15]);
    ballot_bytes.extend_from_slice(b"phieu/ballot/v1");
    ballot_bytes.extend_from_slice(poll.hash().as_bytes());
    ballot_bytes.extend_from_slice(&[0, 0, 0, 1, 1, 0, 0, 0, 6]);
    ballot_bytes.extend_from_slice(b"dong_y");
    ballot_bytes.push(0);
    ballot_bytes.extend_from_slice(salt.as_bytes());
    let hex = |b: &[u8]| b.iter().map(|x| format!("{x:02x}")).collect::<String>();
    let text = format!(
        "poll canonical encoding: {}\npoll hash: {}\nballot canonical encoding: {}\ncommitment: {}\nreceipt: {}\nfingerprint: {}\nshort fingerprint: {}\nminutes code canonical encoding: {}\nminutes code: {}\nshort minutes code: {}\n",
        hex(&poll.canonical_bytes()),
        poll.hash(),
        hex(&ballot_bytes),
        ballot.commitment(),
        ballot.receipt(),
        the_box.fingerprint(),
        the_box.fingerprint().short(),
        hex(&bundle.minutes_code_encoding()),
        bundle.minutes_code(),
        bundle.minutes_code().short(),
    );
    let digest: [u8; 32] = sha2::Sha256::digest(bundle.minutes_code_encoding()).into();
    assert_eq!(hex(&digest), bundle.minutes_code().to_hex());
    // The ballot encoding written out by hand above must hash to the commitment.
    use sha2::Digest;
    let digest: [u8; 32] = sha2::Sha256::digest(&ballot_bytes).into();
    assert_eq!(hex(&digest), ballot.commitment().to_hex());
    check("example.txt", &text);
    let doc = read(&data("../../../../docs/bundle-format.md"));
    for line in text.lines() {
        let value = line.split(": ").nth(1).unwrap();
        assert!(
            doc.contains(value),
            "docs/bundle-format.md lacks {line}; copy tests/data/example.txt into its worked example"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Rule boundaries (domain brief, "Rule presets")

/// The example decision poll under `preset`, with the matter the law gives that preset.
fn decision_poll(preset: &str) -> Poll {
    let matter = match preset {
        "two_thirds_households" => "contribution",
        "majority_present" => "procedural",
        "conference" => "conference",
        _ => "self_governance",
    };
    let json = read(&data("example-poll.json"))
        .replace("majority_households", preset)
        .replace("self_governance", matter);
    Poll::from_json(&json).unwrap()
}

/// The `result` of the first outcome for `agree` yes and `disagree` no ballots.
fn result(
    poll: &Poll,
    option_counts: &[(&str, u64)],
    total: u64,
    present: Option<u64>,
) -> Result<String, OutcomeError> {
    Ok(results(poll, option_counts, total, present)?[0].0.clone())
}

/// Every outcome's `result` and sentence in Vietnamese.
fn results(
    poll: &Poll,
    option_counts: &[(&str, u64)],
    total: u64,
    present: Option<u64>,
) -> Result<Vec<(String, String)>, OutcomeError> {
    let mut tally = Tally::new(poll);
    let mut n = 0u128;
    for (option, count) in option_counts {
        for _ in 0..*count {
            n += 1;
            let b = Ballot::new(poll, vec![Answer::choice(*option)], salt(n)).unwrap();
            tally.add(poll, &b).unwrap();
        }
    }
    let outcomes = decide(poll, &tally, &Electorate::new(total, present)?)?;
    Ok(outcomes
        .iter()
        .map(|o| (o.result().to_owned(), o.sentence(Lang::Vi)))
        .collect())
}

/// (poll, ballots per option, electorate total, present, expected result)
type BoundaryCase<'a> = (&'a Poll, &'a [(&'a str, u64)], u64, Option<u64>, &'a str);

#[test]
fn rule_boundaries() {
    let two_thirds = decision_poll("two_thirds_households");
    let majority = decision_poll("majority_households");
    let present = decision_poll("majority_present");
    let conference = decision_poll("conference");
    let cases: &[BoundaryCase] = &[
        (&two_thirds, &[("dong_y", 66)], 100, Some(90), "failed"),
        (&two_thirds, &[("dong_y", 67)], 100, Some(90), "passed"),
        (&two_thirds, &[], 100, Some(90), "failed"),
        (&majority, &[("dong_y", 50)], 100, Some(90), "failed"),
        (&majority, &[("dong_y", 51)], 100, Some(90), "passed"),
        // 45 of 60 voters agree, but only 45 of 100 households: not passed.
        (
            &majority,
            &[("dong_y", 45), ("khong_dong_y", 15)],
            100,
            Some(60),
            "failed",
        ),
        (&present, &[("dong_y", 30)], 100, Some(60), "failed"),
        (&present, &[("dong_y", 31)], 100, Some(60), "passed"),
        (&conference, &[("dong_y", 60)], 100, Some(66), "inquorate"),
        (&conference, &[("dong_y", 34)], 100, Some(67), "passed"),
        (&conference, &[("dong_y", 33)], 100, Some(67), "failed"),
    ];
    for (i, (poll, counts, total, present, expected)) in cases.iter().enumerate() {
        assert_eq!(
            result(poll, counts, *total, *present).as_deref(),
            Ok(*expected),
            "case {i}"
        );
    }
    assert_eq!(
        result(&two_thirds, &[("dong_y", 3)], 2, Some(2)),
        Err(OutcomeError::BallotsExceedTotal {
            ballots: 3,
            total: 2
        })
    );
    assert_eq!(
        result(&present, &[("dong_y", 3)], 10, None),
        Err(OutcomeError::PresentRequired {
            preset: "majority_present"
        })
    );
    // The officer reads the rule in words, never its JSON name or a field path (issue 22).
    let missing = OutcomeError::PresentRequired {
        preset: "majority_present",
    };
    assert_eq!(
        missing.plain_message(Lang::Vi),
        "Quy tắc «quá nửa số người có mặt đồng ý» tính trên số người có mặt: hãy nhập số người có mặt."
    );
    assert!(!missing.plain_message(Lang::En).contains("majority_present"));
    assert!(missing.message(Lang::En).contains("majority_present"));
    assert_eq!(Electorate::new(0, None), Err(OutcomeError::Empty));
}

/// Issue 16, item 1: a village meeting is valid only when more than half of the households'
/// representatives attend; an invalid one decides nothing and says so, never "failed".
#[test]
fn a_village_meeting_needs_more_than_half_of_the_households_present() {
    for preset in [
        "two_thirds_households",
        "majority_households",
        "majority_present",
    ] {
        let poll = decision_poll(preset);
        let inquorate = results(&poll, &[("dong_y", 50)], 100, Some(50)).unwrap();
        assert_eq!(inquorate.len(), 1);
        assert_eq!(inquorate[0].0, "not_validly_held", "{preset}");
        assert!(
            inquorate[0].1.starts_with(
                "Cuộc họp không hợp lệ, chưa quyết định được: 50/100 đại diện hộ gia đình có mặt (cần trên 50%, tức ít nhất 51); tổ chức họp lại hoặc phát phiếu lấy ý kiến tới hộ gia đình"
            ),
            "{}",
            inquorate[0].1
        );
        assert_ne!(
            result(&poll, &[("dong_y", 51)], 100, Some(51)).unwrap(),
            "not_validly_held"
        );
        // The number present is required, not guessed.
        assert_eq!(
            result(&poll, &[("dong_y", 51)], 100, None),
            Err(OutcomeError::PresentRequired { preset })
        );
    }
    let head = election(
        r#"{"id":"a","label":{"vi":"Nguyễn Văn A"}},{"id":"b","label":{"vi":"Trần Văn B"}}"#,
        "",
    );
    assert_eq!(
        result(&head, &[("a", 50)], 100, Some(50)).unwrap(),
        "not_validly_held"
    );
}

/// Issue 16, item 2: a matter decided by forms handed to every household has no quorum (no one
/// is present) and is still counted on the total households; forms are for a village's decisions
/// and elections only.
#[test]
fn forms_handed_to_households_are_counted_on_all_households_without_a_quorum() {
    let tally_of = |poll: &Poll, agree: u64| {
        let mut tally = Tally::new(poll);
        for n in 0..agree {
            let b = Ballot::new(
                poll,
                vec![Answer::choice("dong_y")],
                salt(u128::from(n) + 1),
            )
            .unwrap();
            tally.add(poll, &b).unwrap();
        }
        tally
    };
    let forms = Electorate::by_household_forms(100).unwrap();
    assert_eq!(forms.present(), None);
    let poll = decision_poll("majority_households");
    // 50 forms agree of 100 households: not more than half, so it fails (not "not validly held").
    let fifty = decide(&poll, &tally_of(&poll, 50), &forms).unwrap();
    assert_eq!(fifty[0].result(), "failed");
    let fifty_one = decide(&poll, &tally_of(&poll, 51), &forms).unwrap();
    assert_eq!(fifty_one[0].result(), "passed");
    let two_thirds = decision_poll("two_thirds_households");
    assert_eq!(
        decide(&two_thirds, &tally_of(&two_thirds, 66), &forms).unwrap()[0].result(),
        "failed"
    );
    assert_eq!(
        decide(&two_thirds, &tally_of(&two_thirds, 67), &forms).unwrap()[0].result(),
        "passed"
    );
    let conference = decision_poll("conference");
    assert_eq!(
        decide(&conference, &tally_of(&conference, 1), &forms),
        Err(OutcomeError::FormsNotForThisPoll { kind: "decision" })
    );
}

/// Issue 16, item 5: each matter allows only the rule the law gives it.
#[test]
fn a_matter_is_decided_only_by_its_own_rule() {
    let with = |preset: &str, matter: Option<&str>| {
        let json = read(&data("example-poll.json"))
            .replace("majority_households", preset)
            .replace(
                r#", "matter": "self_governance""#,
                &matter
                    .map(|m| format!(r#", "matter": "{m}""#))
                    .unwrap_or_default(),
            );
        Poll::from_json(&json)
    };
    // A village rule counted against those present "passed" with 31 of 60 present.
    let err = with("majority_present", Some("village_rules")).unwrap_err();
    assert_eq!(err.path(), "rule.preset");
    assert!(
        err.message(Lang::En).contains("by \"majority_households\""),
        "{err}"
    );
    assert!(err.message(Lang::Vi).contains("pháp luật quy định"));
    assert!(with("majority_households", Some("contribution")).is_err());
    assert!(with("two_thirds_households", Some("village_head")).is_err());
    assert_eq!(
        with("majority_households", None).unwrap_err().path(),
        "rule.matter"
    );
    assert_eq!(
        with("majority_households", Some("xay_dung"))
            .unwrap_err()
            .path(),
        "rule.matter"
    );
    for (preset, matter) in [
        ("two_thirds_households", "contribution"),
        ("majority_households", "village_rules"),
        ("majority_households", "village_head"),
        ("majority_households", "boards"),
        ("majority_households", "self_governance"),
        ("majority_present", "procedural"),
        ("conference", "conference"),
    ] {
        let poll = with(preset, Some(matter)).unwrap();
        assert_eq!(poll.rule().matter().map(|m| m.name()), Some(matter));
    }
}

#[test]
fn outcome_sentences_cite_the_law() {
    let poll = decision_poll("two_thirds_households");
    let mut tally = Tally::new(&poll);
    for n in 0..67 {
        tally
            .add(
                &poll,
                &Ballot::new(&poll, vec![Answer::choice("dong_y")], salt(n)).unwrap(),
            )
            .unwrap();
    }
    let outcomes = decide(&poll, &tally, &Electorate::new(100, Some(80)).unwrap()).unwrap();
    assert_eq!(
        outcomes[0].sentence(Lang::Vi),
        "Được thông qua: 67/100 đại diện hộ gia đình đồng ý (từ 2/3 tổng số đại diện hộ gia đình trở lên, khoản 1 Điều 21 Luật 10/2022/QH15)"
    );
    assert_eq!(
        outcomes[0].sentence(Lang::En),
        "Passed: 67/100 household representatives agree (at least 2/3 of all household representatives, Article 21.1, Law 10/2022/QH15)"
    );
}

fn election(options: &str, person: &str) -> Poll {
    Poll::from_json(&format!(
        r#"{{"format":"phieu/poll","version":1,"id":"bau","kind":"election","title":{{"vi":"Bầu trưởng thôn"}},
        "place":{{"commune":"Xã A","village":"Thôn B"}},"rule":{{"preset":"majority_households"}},
        "items":[{{"id":"truong_thon","type":"single","label":{{"vi":"Trưởng thôn"}}{person},"options":[{options}]}}]}}"#
    ))
    .unwrap()
}

#[test]
fn elections_need_more_than_half_of_all_households() {
    let two = election(
        r#"{"id":"a","label":{"vi":"Nguyễn Văn A"}},{"id":"b","label":{"vi":"Trần Văn B"}}"#,
        "",
    );
    let elected = results(&two, &[("a", 51), ("b", 40)], 100, Some(91)).unwrap();
    assert_eq!(elected[0].0, "elected");
    // Issue 16, item 7: a village head's election awaits the commune's recognition.
    assert!(
        elected[0]
            .1
            .contains("kết quả chờ Ủy ban nhân dân xã công nhận"),
        "{}",
        elected[0].1
    );
    assert_eq!(
        result(&two, &[("a", 50), ("b", 49)], 100, Some(99)).unwrap(),
        "no_majority"
    );
    let one = election(
        r#"{"id":"dong_y","label":{"vi":"Đồng ý"}},{"id":"khong_dong_y","label":{"vi":"Không đồng ý"}}"#,
        r#","person":{"name":"Nguyễn Văn A"}"#,
    );
    assert_eq!(
        result(&one, &[("dong_y", 51)], 100, Some(60)).unwrap(),
        "elected"
    );
    assert_eq!(
        result(&one, &[("dong_y", 50)], 100, Some(60)).unwrap(),
        "no_majority"
    );
}

/// A board election of `seats` seats among candidates a..g.
fn board(seats: u64) -> Poll {
    let options: Vec<String> = "abcdefg"
        .chars()
        .map(|c| {
            format!(
                r#"{{"id":"{c}","label":{{"vi":"Ứng cử viên {}"}}}}"#,
                c.to_ascii_uppercase()
            )
        })
        .collect();
    Poll::from_json(&format!(
        r#"{{"format":"phieu/poll","version":1,"id":"ban-ttnd","kind":"election","title":{{"vi":"Bầu Ban Thanh tra nhân dân"}},
        "place":{{"commune":"Xã A","village":"Thôn B"}},"rule":{{"preset":"majority_households"}},
        "items":[{{"id":"thanh_vien","type":"multiple","label":{{"vi":"Thành viên Ban Thanh tra nhân dân"}},"min":0,"max":{seats},"options":[{}]}}]}}"#,
        options.join(",")
    ))
    .unwrap()
}

/// Each ballot keeps the candidates of one string ("abc": a, b and c).
fn board_results(poll: &Poll, ballots: &[(&str, u64)], total: u64) -> Vec<(String, String)> {
    let mut tally = Tally::new(poll);
    let mut n = 0u128;
    for (kept, count) in ballots {
        for _ in 0..*count {
            n += 1;
            let options = kept.chars().map(String::from).collect();
            let answer = Answer::Choices {
                options,
                free_text: None,
            };
            tally
                .add(poll, &Ballot::new(poll, vec![answer], salt(n)).unwrap())
                .unwrap();
        }
    }
    decide(poll, &tally, &Electorate::new(total, Some(total)).unwrap())
        .unwrap()
        .iter()
        .map(|o| {
            (
                o.figures().2.unwrap_or("").to_owned(),
                o.result().to_owned(),
            )
        })
        .collect()
}

/// Issue 16, item 6: a board with 5 seats and 7 candidates; a tie at the fifth seat elects
/// neither of the tied, and the minutes say so.
#[test]
fn a_board_elects_the_highest_above_half_up_to_its_seats() {
    let poll = board(5);
    assert!(poll.decided_items().count() == 1);
    // Of 105 households (more than half: 53): a 90, b 80, c 70, d 60, e 55, f 55, g 45.
    let ballots = [
        ("abcde", 50),
        ("abcdf", 5),
        ("abcef", 5),
        ("abcfg", 10),
        ("abfg", 10),
        ("afg", 10),
        ("fg", 10),
        ("dfg", 5),
    ];
    let got = board_results(&poll, &ballots, 105);
    let by = |o: &str| {
        got.iter()
            .find(|(opt, _)| opt == o)
            .map(|(_, r)| r.as_str())
    };
    assert_eq!(by("a"), Some("elected"));
    assert_eq!(by("b"), Some("elected"));
    assert_eq!(by("c"), Some("elected"));
    assert_eq!(by("d"), Some("elected"));
    assert_eq!(by("e"), Some("tied_for_last_seat"));
    assert_eq!(by("f"), Some("tied_for_last_seat"));
    assert_eq!(by("g"), Some("not_elected"));
    assert_eq!(got.last().map(|(_, r)| r.as_str()), Some("seats_unfilled"));
    // Without the tie (one ballot of "fg" keeps only g), e takes the fifth seat and every seat
    // is filled; f, above half but below the fifth seat, is not elected.
    let ballots = [
        ("abcde", 50),
        ("abcdf", 5),
        ("abcef", 5),
        ("abcfg", 10),
        ("abfg", 10),
        ("afg", 10),
        ("fg", 9),
        ("g", 1),
        ("dfg", 5),
    ];
    let got = board_results(&poll, &ballots, 105);
    let elected: Vec<&str> = got
        .iter()
        .filter(|(_, r)| r == "elected")
        .map(|(o, _)| o.as_str())
        .collect();
    assert_eq!(elected, ["a", "b", "c", "d", "e"]);
    assert!(!got.iter().any(|(_, r)| r == "seats_unfilled"));
    // Too few above half: two elected of five seats, and the minutes say three are missing.
    let got = board_results(&poll, &[("ab", 51), ("cde", 49)], 100);
    assert_eq!(got.iter().filter(|(_, r)| r == "elected").count(), 2);
    assert_eq!(got.last().map(|(_, r)| r.as_str()), Some("seats_unfilled"));
    // A board's list holds candidates only.
    let bad = board(5)
        .to_json()
        .replace(r#""id": "g""#, r#""id": "dong_y""#);
    assert!(Poll::from_json(&bad).is_err());
}

#[test]
fn confidence_rating_and_vote_thresholds() {
    let rating = Poll::from_json(r#"{"format":"phieu/poll","version":1,"id":"tn","kind":"confidence_rating",
        "title":{"vi":"Lấy phiếu tín nhiệm"},"place":{"commune":"Xã A","village":""},"rule":{"preset":"confidence_rating"},
        "items":[{"id":"ct","type":"single","label":{"vi":"Chủ tịch"},"person":{"name":"Nguyễn Văn A","position":{"vi":"Chủ tịch UBND xã"}},
        "options":[{"id":"tin_nhiem_cao","label":{"vi":"Tín nhiệm cao"}},{"id":"tin_nhiem","label":{"vi":"Tín nhiệm"}},{"id":"tin_nhiem_thap","label":{"vi":"Tín nhiệm thấp"}}]}]}"#).unwrap();
    let cases = [
        (15, "not_more_than_half_low"),
        (16, "more_than_half_low"),
        (19, "more_than_half_low"),
        (20, "two_thirds_low"),
    ];
    for (low, expected) in cases {
        assert_eq!(
            result(&rating, &[("tin_nhiem_thap", low)], 30, None).unwrap(),
            expected
        );
    }
    let vote = Poll::from_json(r#"{"format":"phieu/poll","version":1,"id":"bp","kind":"confidence_vote",
        "title":{"vi":"Bỏ phiếu tín nhiệm"},"place":{"commune":"Xã A","village":""},"rule":{"preset":"confidence_vote"},
        "items":[{"id":"ct","type":"single","label":{"vi":"Chủ tịch"},"person":{"name":"Nguyễn Văn A"},
        "options":[{"id":"tin_nhiem","label":{"vi":"Tín nhiệm"}},{"id":"khong_tin_nhiem","label":{"vi":"Không tín nhiệm"}}]}]}"#).unwrap();
    assert_eq!(
        result(&vote, &[("khong_tin_nhiem", 15)], 30, None).unwrap(),
        "no_dismissal_proposed"
    );
    assert_eq!(
        result(&vote, &[("khong_tin_nhiem", 16)], 30, None).unwrap(),
        "dismissal_proposed"
    );
}

/// Issue 16, item 3: a commune-wide contribution counts households across the commune, not
/// approving villages.
#[test]
fn commune_counts_households_not_villages() {
    // Six villages of 100 households approve at 67%, three at 10%: 432 of 900 agree.
    let mut v: Vec<_> = (0..6)
        .map(|i| VillageResult::new(format!("Thôn {i}"), 67, 100))
        .collect();
    v.extend((6..9).map(|i| VillageResult::new(format!("Thôn {i}"), 10, 100)));
    let outcome = commune_rollup(900, &v).unwrap();
    assert_eq!((outcome.agree(), outcome.households()), (432, 900));
    assert!(
        !outcome.passed(),
        "six of nine villages approved, but 432/900 < 2/3"
    );
    assert!(outcome
        .sentence(Lang::Vi)
        .starts_with("Không được thông qua: 432/900"));
    // 600 of 900 is exactly two-thirds: passes.
    let all: Vec<_> = (0..9)
        .map(|i| VillageResult::new(format!("Thôn {i}"), if i < 6 { 100 } else { 0 }, 100))
        .collect();
    assert!(commune_rollup(900, &all).unwrap().passed());
    assert!(!commune_rollup(901, &all).unwrap().passed());
    // Households of villages that did not report count against.
    assert!(!commune_rollup(1200, &all).unwrap().passed());
    let mut dup = v.clone();
    dup.push(VillageResult::new("Thôn 0", 1, 100));
    assert_eq!(
        commune_rollup(2000, &dup).unwrap_err().path(),
        "villages[9]"
    );
    assert_eq!(commune_rollup(800, &v).unwrap_err().path(), "villages");
    let over = [VillageResult::new("Thôn 0", 101, 100)];
    assert_eq!(
        commune_rollup(900, &over).unwrap_err().path(),
        "villages[0]"
    );
}

// ---------------------------------------------------------------------------------------------
// Ballots, boxes, receipts

#[test]
fn ballots_are_checked_against_the_poll() {
    let poll = Poll::from_json(&read(&data("survey-poll.json"))).unwrap();
    let bad = [
        (
            vec![Answer::Blank, Answer::Blank, Answer::Blank, Answer::Blank],
            "answers[0]",
        ),
        (
            vec![
                Answer::choice("hai_long"),
                Answer::Text("x".into()),
                Answer::Blank,
                Answer::Blank,
            ],
            "answers[1]",
        ),
        (
            vec![
                Answer::choice("hai_long"),
                Answer::Blank,
                Answer::Blank,
                Answer::Number(31),
            ],
            "answers[3]",
        ),
        (
            vec![
                Answer::choice("hai_long"),
                Answer::Blank,
                Answer::Choices {
                    options: vec!["duong".into(), "nuoc".into(), "khac".into()],
                    free_text: None,
                },
                Answer::Blank,
            ],
            "answers[2]",
        ),
        (
            vec![
                Answer::choice("hai_long"),
                Answer::Blank,
                Answer::Choices {
                    options: vec!["duong".into()],
                    free_text: Some("x".into()),
                },
                Answer::Blank,
            ],
            "answers[2]",
        ),
        (vec![Answer::choice("tot")], "answers"),
    ];
    for (answers, path) in bad {
        let e = Ballot::new(&poll, answers, salt(1)).unwrap_err();
        assert_eq!(e.path(), path, "{e}");
        assert_ne!(e.message(Lang::Vi), e.message(Lang::En));
    }
}

#[test]
fn box_refuses_duplicates_and_other_polls() {
    let poll = demo_poll();
    let other = decision_poll("two_thirds_households");
    let b = Ballot::new(&poll, vec![Answer::choice("dong_y")], salt(1)).unwrap();
    let mut the_box = BallotBox::new(poll.clone());
    let receipt = the_box.cast(b.clone()).unwrap();
    assert_eq!(Receipt::parse(&receipt.to_string()), Ok(receipt));
    assert!(the_box.contains_receipt(&receipt));
    assert_eq!(the_box.cast(b.clone()).unwrap_err().path(), "commitment");
    let foreign = Ballot::new(&other, vec![Answer::choice("dong_y")], salt(1)).unwrap();
    assert_eq!(the_box.cast(foreign).unwrap_err().path(), "poll_hash");
    let again = boxed(&poll, [b]);
    assert_eq!(
        merge_boxes(vec![the_box.clone(), again])
            .unwrap_err()
            .path(),
        "boxes[1]"
    );
}

#[test]
fn verify_names_the_ballot_and_the_count() {
    let poll = demo_poll();
    let the_box = boxed(&poll, ballots(&poll, "demo-ballots.json"));
    let json = AuditBundle::new(the_box, Electorate::new(10, Some(8)).unwrap(), minutes())
        .unwrap()
        .to_json();
    // Change one opening from "khong_dong_y" to "dong_y": that ballot's commitment no longer
    // matches, and the two counts it moved are named.
    let tampered = json.replacen("\"option\": \"khong_dong_y\"", "\"option\": \"dong_y\"", 1);
    let err = AuditBundle::verify(&tampered).unwrap_err();
    let paths: Vec<String> = err.discrepancies().iter().map(|d| d.path()).collect();
    assert!(
        paths
            .iter()
            .any(|p| p.starts_with("ballots[") && p.ends_with(".commitment")),
        "{paths:?}"
    );
    assert!(
        paths.contains(&"tally.items[0].options[0].count".to_owned()),
        "{paths:?}"
    );
    assert!(
        paths.contains(&"tally.items[0].options[1].count".to_owned()),
        "{paths:?}"
    );
    assert!(paths.contains(&"fingerprint".to_owned()), "{paths:?}");
    assert!(!err.message(Lang::Vi).is_empty());
    // Whitespace is part of the format.
    let spaced = json.replacen("\"version\": 2", "\"version\":  2", 1);
    assert!(matches!(
        AuditBundle::verify(&spaced),
        Err(VerifyError::Parse(_))
    ));
}

// ---------------------------------------------------------------------------------------------
// The fuzz seed corpus (fuzz/corpus/<target>/): every parser survives every seed.

#[test]
fn parsers_survive_the_seed_corpus() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/corpus");
    let mut seen = 0;
    for target in ["poll_json", "bundle_json"] {
        let dir = root.join(target);
        let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        for entry in entries {
            let bytes = std::fs::read(entry.unwrap().path()).unwrap();
            let text = String::from_utf8_lossy(&bytes);
            match target {
                "poll_json" => {
                    if let Ok(p) = Poll::from_json(&text) {
                        assert_eq!(Poll::from_json(&p.to_json()).unwrap(), p);
                    }
                }
                _ => {
                    if let Ok(b) = AuditBundle::verify(&text) {
                        assert_eq!(b.to_json(), text);
                    }
                    let _ = PublicSummary::verify(&text);
                }
            }
            seen += 1;
        }
    }
    assert!(seen >= 4, "the seed corpus is missing");
}

// ---------------------------------------------------------------------------------------------
// Properties

fn survey() -> Poll {
    Poll::from_json(&read(&data("survey-poll.json"))).unwrap()
}

/// A valid survey ballot from a few random choices.
fn survey_ballot(poll: &Poll, (scale, multi, number, s): (usize, u8, Option<i64>, u128)) -> Ballot {
    let scale_ids = [
        "rat_khong_hai_long",
        "khong_hai_long",
        "binh_thuong",
        "hai_long",
        "rat_hai_long",
    ];
    let reason = if scale < 2 {
        Answer::Text(format!("lý do {}", s % 3))
    } else {
        Answer::Blank
    };
    let mut options = Vec::new();
    let mut free_text = None;
    for (bit, id) in ["duong", "nuoc", "khac"].iter().enumerate() {
        if multi & (1 << bit) != 0 && options.len() < 2 {
            options.push(id.to_string());
            if *id == "khac" {
                free_text = Some(format!("ý kiến {}", s % 2));
            }
        }
    }
    let answers = vec![
        Answer::choice(scale_ids[scale]),
        reason,
        Answer::Choices { options, free_text },
        number.map_or(Answer::Blank, Answer::Number),
    ];
    Ballot::new(poll, answers, salt(s)).unwrap()
}

fn ballot_strategy() -> impl Strategy<Value = (usize, u8, Option<i64>, u128)> {
    (
        0usize..5,
        0u8..8,
        proptest::option::of(1i64..=30),
        any::<u128>(),
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn tally_of_merge_is_merge_of_tallies(
        specs in proptest::collection::vec(ballot_strategy(), 0..40),
        split in 0usize..40,
    ) {
        let poll = survey();
        let mut ballots: Vec<Ballot> = specs.into_iter().map(|s| survey_ballot(&poll, s)).collect();
        ballots.sort_by_key(|b| b.commitment());
        ballots.dedup_by_key(|b| b.commitment());
        let split = split.min(ballots.len());
        let (a, b) = ballots.split_at(split);
        let box_a = boxed(&poll, a.to_vec());
        let box_b = boxed(&poll, b.to_vec());
        let mut merged_tally = box_a.tally().clone();
        merged_tally.merge(box_b.tally()).unwrap();
        let merged_box = merge_boxes(vec![box_a, box_b]);
        // Two empty boxes have the same fingerprint: that is the same box twice.
        if split == 0 && ballots.is_empty() {
            prop_assert!(merged_box.is_err());
        } else {
            let merged_box = merged_box.unwrap();
            prop_assert_eq!(merged_box.tally(), &merged_tally);
            prop_assert_eq!(&Tally::of(&poll, &ballots).unwrap(), &merged_tally);
        }
    }

    #[test]
    fn cast_order_never_changes_fingerprint_or_bytes(
        specs in proptest::collection::vec(ballot_strategy(), 1..30),
        seed in any::<u64>(),
    ) {
        let poll = survey();
        let ballots: Vec<Ballot> = specs.into_iter().map(|s| survey_ballot(&poll, s)).collect();
        let mut shuffled = ballots.clone();
        // A deterministic shuffle from the seed.
        let mut x = seed | 1;
        for i in (1..shuffled.len()).rev() {
            x ^= x << 13; x ^= x >> 7; x ^= x << 17;
            shuffled.swap(i, (x % (i as u64 + 1)) as usize);
        }
        let build = |list: Vec<Ballot>| {
            let mut b = BallotBox::new(poll.clone());
            for ballot in list { let _ = b.cast(ballot); }
            AuditBundle::new(b, Electorate::new(1000, None).unwrap(), minutes()).unwrap()
        };
        let (x, y) = (build(ballots), build(shuffled));
        prop_assert_eq!(x.fingerprint(), y.fingerprint());
        prop_assert_eq!(x.to_json(), y.to_json());
        prop_assert_eq!(x.public_summary().to_json(), y.public_summary().to_json());
    }

    #[test]
    fn any_changed_byte_is_detected(
        specs in proptest::collection::vec(ballot_strategy(), 1..4),
        position in any::<proptest::sample::Index>(),
        byte in any::<u8>(),
    ) {
        let poll = survey();
        let the_box = boxed(&poll, {
            let mut v: Vec<Ballot> = specs.into_iter().map(|s| survey_ballot(&poll, s)).collect();
            v.sort_by_key(|b| b.commitment());
            v.dedup_by_key(|b| b.commitment());
            v
        });
        let bundle = AuditBundle::new(the_box, Electorate::new(50, None).unwrap(), minutes()).unwrap();
        for json in [bundle.to_json(), bundle.public_summary().to_json()] {
            let mut bytes = json.into_bytes();
            let i = position.index(bytes.len());
            prop_assume!(bytes[i] != byte);
            bytes[i] = byte;
            let Ok(text) = String::from_utf8(bytes) else { continue };
            prop_assert!(AuditBundle::verify(&text).is_err());
            match PublicSummary::verify(&text) {
                Err(_) => {}
                Ok(s) => prop_assert!(!s.verify_against(&bundle).is_empty()),
            }
        }
    }
}

/// Issue 16, item 9: a target on a multiple item names one option, so its count is of ballots
/// and cannot exceed the electorate.
#[test]
fn a_target_on_a_multiple_item_counts_ballots() {
    let json = read(&data("survey-poll.json"));
    let with_target = |options: &str| {
        let json = json.replace(
            r#""target": { "item": "hai_long", "options": ["hai_long", "rat_hai_long"],"#,
            &format!(r#""target": {{ "item": "linh_vuc", "options": [{options}],"#),
        );
        Poll::from_json(&json)
    };
    assert!(with_target(r#""duong""#).is_ok());
    let err = with_target(r#""duong", "nuoc""#).unwrap_err();
    assert_eq!(err.path(), "rule.target.options");
    assert!(err.message(Lang::Vi).contains("không phải số phiếu"));
}

/// Issue 16, item 9: a satisfaction target may be a share of the forms collected, as it is in
/// practice, when the poll says so; otherwise it stays a share of the total electorate.
#[test]
fn a_target_may_be_a_share_of_the_ballots_collected() {
    let json = read(&data("survey-poll.json"));
    let of_ballots = json.replace(
        r#""numerator": 90, "denominator": 100 }"#,
        r#""numerator": 90, "denominator": 100, "of": "ballots" }"#,
    );
    assert_ne!(of_ballots, json);
    let electorate_poll = Poll::from_json(&json).unwrap();
    let ballots_poll = Poll::from_json(&of_ballots).unwrap();
    // Old polls keep their hash; the new field changes it.
    assert_ne!(electorate_poll.hash(), ballots_poll.hash());
    assert_eq!(
        Poll::from_json(&ballots_poll.to_json()).unwrap().hash(),
        ballots_poll.hash()
    );
    let outcome = |poll: &Poll, satisfied: u64, collected: u64| {
        let mut tally = Tally::new(poll);
        for n in 0..collected {
            let choice = if n < satisfied {
                "hai_long"
            } else {
                "khong_hai_long"
            };
            let answers = vec![
                Answer::choice(choice),
                Answer::Blank,
                Answer::Blank,
                Answer::Blank,
            ];
            let b = Ballot::new(poll, answers, salt(u128::from(n) + 1)).unwrap();
            tally.add(poll, &b).unwrap();
        }
        let out = decide(poll, &tally, &Electorate::new(100, None).unwrap()).unwrap();
        (out[0].result().to_owned(), out[0].sentence(Lang::Vi))
    };
    // 9 of 10 forms collected are satisfied, of 100 households.
    let (result, sentence) = outcome(&ballots_poll, 9, 10);
    assert_eq!(result, "target_met");
    assert_eq!(
        sentence,
        "Đạt chỉ tiêu: 9/10 (chỉ tiêu từ 90/100 số phiếu thu về trở lên)"
    );
    assert_eq!(outcome(&ballots_poll, 8, 10).0, "target_missed");
    assert_eq!(outcome(&electorate_poll, 9, 10).0, "target_missed");
    // No form collected meets no target.
    assert_eq!(outcome(&ballots_poll, 0, 0).0, "target_missed");
    let bad = json.replace(
        r#""numerator": 90, "denominator": 100 }"#,
        r#""numerator": 90, "denominator": 100, "of": "present" }"#,
    );
    assert_eq!(Poll::from_json(&bad).unwrap_err().path(), "rule.target.of");
}

/// Issue 17, item 4: the wrong PIN tries of a meeting are in the minutes, and the minutes code
/// covers them: a file that hides them is not the signed one.
#[test]
fn wrong_pin_tries_are_part_of_the_minutes_code() {
    let poll = demo_poll();
    let the_box = boxed(&poll, ballots(&poll, "demo-ballots.json"));
    let electorate = Electorate::new(10, Some(8)).unwrap();
    let none = AuditBundle::new(the_box.clone(), electorate, minutes()).unwrap();
    let seven = AuditBundle::new(the_box, electorate, minutes().with_wrong_pins(7)).unwrap();
    assert_eq!(seven.minutes().wrong_pins(), 7);
    assert_ne!(none.minutes_code(), seven.minutes_code());
    assert!(seven.to_json().contains("\"wrong_pins\": 7"));
    let read = AuditBundle::verify(&seven.to_json()).unwrap();
    assert_eq!(read.minutes().wrong_pins(), 7);
}

/// Issue 19, item 3: the ballots the tablet issued (one per unlock for a voter) are in the
/// minutes beside those returned, covered by the minutes code; a bundle without the count keeps
/// the code it had; more returned than issued is a discrepancy.
#[test]
fn ballots_issued_are_in_the_minutes_and_its_code() {
    use phieu_core::minutes::layout::{minutes_layout, Block, Record};
    let poll = demo_poll();
    let the_box = boxed(&poll, ballots(&poll, "demo-ballots.json"));
    let returned = the_box.len() as u64;
    let electorate = Electorate::new(10, Some(8)).unwrap();
    let uncounted = AuditBundle::new(the_box.clone(), electorate, minutes()).unwrap();
    assert!(!uncounted.to_json().contains("ballots_issued"));
    let issued = AuditBundle::new(
        the_box.clone(),
        electorate,
        minutes().with_issued(returned + 2),
    )
    .unwrap();
    assert_ne!(uncounted.minutes_code(), issued.minutes_code());
    let json = issued.to_json();
    assert!(json.contains(&format!("\"ballots_issued\": {}", returned + 2)));
    let read = AuditBundle::verify(&json).unwrap();
    assert_eq!(read.minutes().issued(), Some(returned + 2));
    assert_eq!(read.minutes_code(), issued.minutes_code());

    // The minutes print both numbers, and the difference.
    let figures: Vec<(String, String)> = minutes_layout(Record::of_audit(&read), Lang::Vi)
        .blocks
        .into_iter()
        .filter_map(|b| match b {
            Block::Figures(f) => Some(f),
            _ => None,
        })
        .flatten()
        .collect();
    let figure = |k: &str| {
        figures
            .iter()
            .find(|(key, _)| key.starts_with(k))
            .map(|(_, v)| v.clone())
    };
    assert_eq!(figure("Số phiếu phát ra"), Some((returned + 2).to_string()));
    assert_eq!(figure("Số phiếu thu vào"), Some(returned.to_string()));
    assert_eq!(figure("Số phiếu phát ra không thu vào"), Some("2".into()));

    // Fewer issued than returned cannot be: verify says so.
    let short = AuditBundle::new(the_box, electorate, minutes().with_issued(returned - 1)).unwrap();
    let found = match AuditBundle::verify(&short.to_json()) {
        Err(phieu_core::VerifyError::Mismatch(found)) => found,
        other => panic!("verified: {other:?}"),
    };
    assert!(
        found.iter().any(|d| d.path() == "minutes.ballots_issued"),
        "{found:?}"
    );
}

/// Issue 22, item 1: what a voter, respondent or officer reads names the question by its number
/// and words, never a field path (`answers[0]`) or an id (`"q1"`); the paths stay in `message`.
#[test]
fn ballot_problems_read_as_plain_sentences() {
    use phieu_core::{check_answer, BallotError};
    let demo = demo_poll();
    let survey = Poll::from_json(&read(&data("survey-poll.json"))).unwrap();
    let problem = |poll: &Poll, index: usize, answer: Answer| -> BallotError {
        let mut answers = vec![Answer::Blank; poll.items().len()];
        answers[index] = answer;
        check_answer(poll, &mut answers, index).unwrap_err()
    };
    let required = problem(&demo, 0, Answer::Blank);
    assert!(
        required.message(Lang::Vi).starts_with("answers[0]: "),
        "the path stays for logs"
    );
    assert_eq!(
        required.advice(Lang::Vi, &demo),
        "Xin chọn một ý trước khi bấm Tiếp."
    );
    assert_eq!(
        required.advice(Lang::En, &demo),
        "Please choose one before pressing Next."
    );
    let label = demo.items()[0].label().get(Lang::Vi);
    let plain = required.plain_message(Lang::Vi, &demo);
    assert!(plain.starts_with("Câu 1 («"), "{plain}");
    let start: String = label.chars().take(40).collect();
    assert!(plain.contains(&start), "{plain}");
    let cases = [
        (
            problem(&survey, 3, Answer::Number(40)),
            "Câu 4 («Số người trong hộ»): xin nhập một số từ 1 đến 30 (đã nhập 40).",
            "Question 4 (“Số người trong hộ”): please enter a number from 1 to 30 (40 was entered).",
        ),
        (
            problem(
                &survey,
                2,
                Answer::Choices {
                    options: survey.items()[2].kind().options()[..3]
                        .iter()
                        .map(|c| c.id().to_owned())
                        .collect(),
                    free_text: None,
                },
            ),
            "Câu 3 («Lĩnh vực cần cải thiện»): chỉ được chọn tối đa 2 ý, đang chọn 3: xin bỏ bớt.",
            "Question 3 (“Lĩnh vực cần cải thiện”): choose at most 2; 3 are chosen: please untick some.",
        ),
    ];
    for (error, vi, en) in cases {
        assert_eq!(error.plain_message(Lang::Vi, &survey), vi);
        assert_eq!(error.plain_message(Lang::En, &survey), en);
    }
    for lang in [Lang::Vi, Lang::En] {
        let text = required.plain_message(lang, &demo);
        assert!(
            !text.contains('[') && !text.contains(demo.items()[0].id()),
            "{text}"
        );
    }
}

/// Issue 22, item 1: the verify page's tamper report names what does not add up in words.
#[test]
fn discrepancies_read_as_plain_sentences() {
    use phieu_core::Discrepancy;
    let count = |path: &str| Discrepancy::Count {
        path: path.into(),
        claimed: "12".into(),
        computed: "11".into(),
    };
    let cases = [
        (
            count("outcomes[0].of"),
            "Kết quả thứ 1: tổng số dùng để tính tỷ lệ: tệp ghi 12, kiểm lại từ các phiếu được 11.",
            "Outcome 1: the total the share is taken of: the file says 12, the ballots give 11.",
        ),
        (
            count("tally.items[0].options[1].count"),
            "Câu 1, lựa chọn thứ 2: số phiếu: tệp ghi 12, kiểm lại từ các phiếu được 11.",
            "Question 1, option 2: the count: the file says 12, the ballots give 11.",
        ),
        (
            count("tally.ballots"),
            "Số phiếu: tệp ghi 12, kiểm lại từ các phiếu được 11.",
            "The number of ballots: the file says 12, the ballots give 11.",
        ),
        (
            Discrepancy::Electorate(OutcomeError::BallotsExceedTotal {
                ballots: 13,
                total: 12,
            }),
            "Số phiếu 13 lớn hơn tổng số cử tri 12.",
            "13 ballots cast is more than the electorate of 12.",
        ),
    ];
    for (d, vi, en) in cases {
        assert!(
            d.message(Lang::Vi).contains(&d.path()),
            "the path stays for --json and logs"
        );
        assert_eq!(d.plain_message(Lang::Vi), vi);
        assert_eq!(d.plain_message(Lang::En), en);
    }
}

/// Issue 22: a file that cannot be read as a bundle is described without a field path; the
/// path stays in `message` and `path` for `--json` and logs.
#[test]
fn unreadable_files_are_described_without_field_paths() {
    let good = read(&data("demo-audit-bundle.json"));
    for (spoilt, path) in [
        (
            good.replacen("\"phieu/audit-bundle\"", "\"phieu/other\"", 1),
            "format",
        ),
        (good.replacen('{', "{ ", 1), ""),
        (good[..good.len() / 2].to_owned(), "$"),
        (
            good.replacen("\"total\": 10", "\"total\": 0", 1),
            "electorate.total",
        ),
        (
            good.replacen("\"present\": 8", "\"present\": 11", 1),
            "electorate.present",
        ),
    ] {
        let Err(VerifyError::Parse(e)) = AuditBundle::verify(&spoilt) else {
            panic!("{path}: read as a bundle");
        };
        for lang in [Lang::Vi, Lang::En] {
            let plain = e.plain_message(lang);
            for developer in ["[", "electorate.", "format:", "poll.", "$", "\"phieu/"] {
                assert!(!plain.contains(developer), "{path}: {plain}");
            }
        }
    }
}
