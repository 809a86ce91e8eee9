//! The bundle's tests: the fast and the general path agree, every claim is checked.

use super::audit::{verify_fast, verify_general};
use super::*;
use crate::ballot::{Answer, Ballot, Salt};
use crate::ballot_box::BallotBox;
use crate::minutes::Minutes;
use crate::rule::{Electorate, Method};

const SURVEY: &str = include_str!("../../tests/data/survey-audit-bundle.json");
const DEMO: &str = include_str!("../../tests/data/demo-audit-bundle.json");

/// The fast path answers for `json` exactly as the general path does, or leaves it to it;
/// returns the answer.
fn check(json: &str) -> Result<AuditBundle, VerifyError> {
    let general = verify_general(json);
    if let Some(fast) = verify_fast(json) {
        assert_eq!(fast, general, "{json}");
    }
    general
}

fn survey_with(answers: Vec<Answer>) -> String {
    let poll = AuditBundle::verify(SURVEY).unwrap().poll().clone();
    let mut the_box = BallotBox::new(poll.clone());
    let ballot = Ballot::new(&poll, answers, Salt::from_bytes([9; 16])).unwrap();
    the_box.cast(ballot).unwrap();
    AuditBundle::new(
        the_box,
        Electorate::new(5, Some(5)).unwrap(),
        Minutes::default(),
    )
    .unwrap()
    .to_json()
}

#[test]
fn canonical_bundles_take_the_fast_path() {
    let tricky = survey_with(vec![
        Answer::choice("rat_khong_hai_long"),
        Answer::Text("\"trích\" \\ dòng\nmới\ttab\u{1}\u{7f} 🗳".into()),
        Answer::Choices {
            options: vec!["khac".into()],
            free_text: Some("a\r\u{8}\u{c}\u{1f}/".into()),
        },
        Answer::Number(30),
    ]);
    for json in [SURVEY, DEMO, tricky.as_str()] {
        assert!(matches!(verify_fast(json), Some(Ok(_))), "{json}");
        assert!(check(json).is_ok());
    }
    let empty = AuditBundle::new(
        BallotBox::new(AuditBundle::verify(DEMO).unwrap().poll().clone()),
        Electorate::new(5, Some(5)).unwrap(),
        Minutes::default(),
    )
    .unwrap()
    .to_json();
    assert!(empty.contains("\"ballots\": [],"));
    assert!(matches!(verify_fast(&empty), Some(Ok(_))));
}

/// Issue 16, item 2: a bundle of forms handed to households says so, keeps saying so
/// through verification, and its minutes code differs from a meeting's with the same ballots.
#[test]
fn forms_to_households_travel_in_the_bundle_and_its_code() {
    let demo = AuditBundle::verify(DEMO).unwrap();
    let rebuilt = |electorate: Electorate| {
        let mut the_box = BallotBox::new(demo.poll().clone());
        for b in demo.ballot_box().ballots() {
            the_box.cast(b.clone()).unwrap();
        }
        AuditBundle::new(the_box, electorate, demo.minutes().clone()).unwrap()
    };
    let total = demo.electorate().total();
    let forms = rebuilt(Electorate::by_household_forms(total).unwrap());
    let meeting = rebuilt(Electorate::new(total, Some(total)).unwrap());
    let json = forms.to_json();
    assert!(json.contains("\"method\": \"household_forms\""), "{json}");
    assert!(!meeting.to_json().contains("\"method\""));
    let back = check(&json).unwrap();
    assert_eq!(back.electorate().method(), Method::HouseholdForms);
    assert_eq!(back.minutes_code(), forms.minutes_code());
    assert_ne!(forms.minutes_code(), meeting.minutes_code());
    let summary = forms.public_summary().to_json();
    assert!(PublicSummary::verify(&summary).is_ok());
    for (from, to) in [
        (
            "\"method\": \"household_forms\"",
            "\"method\": \"telepathy\"",
        ),
        ("\"total\": ", "\"present\": 1,\n    \"total\": "),
    ] {
        let changed = json.replacen(from, to, 1);
        assert_ne!(changed, json);
        assert!(check(&changed).is_err(), "{to}");
    }
}

#[test]
fn every_single_byte_change_gets_the_general_answer() {
    let bytes = SURVEY.as_bytes();
    // Every byte of the ballots list (where the fast reader works) and its surroundings,
    // every third byte elsewhere (the general check covers it either way).
    let list = SURVEY.find("\"ballots\"").unwrap() - 40..SURVEY.find("\"tally\"").unwrap() + 40;
    for i in (0..bytes.len()).filter(|i| list.contains(i) || i % 3 == 0) {
        let replaced = b" \n0aA\"\\,}]{[-1"[i % 14];
        let mut variants = Vec::new();
        if bytes[i] != replaced {
            let mut v = bytes.to_vec();
            v[i] = replaced;
            variants.push(v);
        }
        let mut v = bytes.to_vec();
        v.remove(i);
        variants.push(v);
        let mut v = bytes.to_vec();
        v.insert(i, b" x\n"[i % 3]);
        variants.push(v);
        for v in variants {
            if let Ok(text) = String::from_utf8(v) {
                assert!(check(&text).is_err(), "{i}");
            }
        }
    }
}

#[test]
fn spellings_the_reader_leaves_to_the_general_path() {
    let first = SURVEY.find("\"commitment\": \"").unwrap() + 15;
    let upper = format!(
        "{}{}{}",
        &SURVEY[..first],
        SURVEY[first..first + 64].to_ascii_uppercase(),
        &SURVEY[first + 64..]
    );
    let cases = [
        upper,
        SURVEY.replacen("\"number\": 3", "\"number\": -0", 1),
        SURVEY.replacen("\"number\": 3", "\"number\": 3.0", 1),
        SURVEY.replacen("\"number\": 3", "\"number\": 99999999999999999999", 1),
        SURVEY.replacen("\"number\": 3", "\"text\": \"3\"", 1),
        SURVEY.replacen(
            "\"option\": \"khong_hai_long\"\n",
            "\"option\": \"khong_hai_long\",\n          \"number\": 1\n",
            1,
        ),
        SURVEY.replacen(
            "\"options\": [\n            \"duong\",\n            \"nuoc\"\n          ]",
            "\"options\": []",
            1,
        ),
        SURVEY.replacen("        null,\n", "        {},\n", 1),
        SURVEY.replacen("\"text\": \"Đường", "\"text\": \"\\u0110ường", 1),
        SURVEY.replacen("\"salt\": \"0000", "\"salt\": \"000", 1),
        SURVEY.replacen(
            "\"format\": \"phieu/audit-bundle\"",
            "\"format\": \"phieu/x\"",
            1,
        ),
        SURVEY.replacen("\"version\": 2", "\"version\": 3", 1),
        SURVEY.replacen("\"version\": 2,", "\"version\": 3,\n  \"ballots\": [],", 1),
    ];
    for json in &cases {
        assert_ne!(json, SURVEY);
        assert!(check(json).is_err(), "{json}");
    }
    // Two openings swapped, and one listed twice: discrepancies, read on the fast path.
    let list = SURVEY.find("  \"ballots\": [\n").unwrap() + 16;
    let end = SURVEY.find("\n  ],\n  \"tally\"").unwrap();
    let entries: Vec<&str> = SURVEY[list..end].split(",\n    {").collect();
    assert_eq!(entries.len(), 3);
    let (a, b, c) = (entries[0], entries[1], entries[2]);
    for reordered in [
        format!("{a},\n    {{{c},\n    {{{b}"),
        format!("{a},\n    {{{b},\n    {{{b},\n    {{{c}"),
    ] {
        let json = format!("{}{reordered}{}", &SURVEY[..list], &SURVEY[end..]);
        assert!(matches!(
            verify_fast(&json),
            Some(Err(VerifyError::Mismatch(_)))
        ));
        assert!(check(&json).is_err());
    }
}
