//! The poll's tests: reading, round trips, the hash, every check's error.

use super::*;
use std::collections::HashSet;

use crate::encoding::Encoder;
use crate::lang::Lang;

const DEMO: &str = include_str!("../../../../assets/polls/demo.json");

#[test]
fn demo_poll_is_valid_and_round_trips() {
    let poll = Poll::from_json(DEMO).unwrap();
    assert_eq!(poll.kind(), PollKind::Decision);
    assert_eq!(poll.rule().preset(), Preset::TwoThirdsHouseholds);
    assert!(poll.items()[0].kind().options()[2].free_text());
    let again = Poll::from_json(&poll.to_json()).unwrap();
    assert_eq!(again, poll);
    assert_eq!(again.hash(), poll.hash());
}

#[test]
fn hash_ignores_key_order_and_whitespace() {
    let value: serde_json::Value = serde_json::from_str(DEMO).unwrap();
    let compact = serde_json::to_string(&value).unwrap();
    assert_eq!(
        Poll::from_json(&compact).unwrap().hash(),
        Poll::from_json(DEMO).unwrap().hash()
    );
    // A changed label changes the hash.
    let changed = DEMO.replace("500.000", "600.000");
    assert_ne!(
        Poll::from_json(&changed).unwrap().hash(),
        Poll::from_json(DEMO).unwrap().hash()
    );
}

fn error_of(json: &str) -> PollError {
    Poll::from_json(json).unwrap_err()
}

fn with(find: &str, replace: &str) -> String {
    assert!(DEMO.contains(find), "{find}");
    DEMO.replacen(find, replace, 1)
}

/// The plain reader gives the same poll, and the same error for every check after the
/// JSON; a JSON error keeps its line, column and message, only its field path is gone.
#[test]
fn the_plain_reader_checks_the_same() {
    let plain = Poll::from_json_plain(DEMO).unwrap();
    assert_eq!(plain, Poll::from_json(DEMO).unwrap());
    assert_eq!(plain.hash(), Poll::from_json(DEMO).unwrap().hash());
    for json in [
        with("\"phieu/poll\"", "\"x\""),
        with("\"Đồng ý\"", "\"  \""),
        with("\"id\": \"q1\"", "\"id\": \"Q 1\""),
    ] {
        assert_eq!(Poll::from_json_plain(&json).unwrap_err(), error_of(&json));
    }
    let json = with("\"required\": true", "\"required\": \"yes\"");
    let (full, plain) = (error_of(&json), Poll::from_json_plain(&json).unwrap_err());
    assert_eq!(full.path(), "items[0].required");
    assert_eq!(plain.path(), "");
    assert_eq!(plain.kind(), full.kind(), "same line, column and detail");
    assert!(
        plain.message(Lang::Vi).contains("dòng"),
        "{}",
        plain.message(Lang::Vi)
    );
}

#[test]
fn errors_name_the_field() {
    let cases = [
        (with("\"phieu/poll\"", "\"x\""), "format"),
        (with("\"version\": 1", "\"version\": 2"), "version"),
        (with("\"decision\"", "\"vote\""), "kind"),
        (with("\"two_thirds_households\"", "\"none\""), "rule.preset"),
        (with("\"Đồng ý\"", "\"  \""), "items[0].options[0].label.vi"),
        (
            with("\"khong_dong_y\"", "\"dong_y\""),
            "items[0].options[1].id",
        ),
        (
            with("\"type\": \"single\"", "\"type\": \"grid\""),
            "items[0].type",
        ),
        (
            with("\"required\": true", "\"requird\": true"),
            "items[0].requird",
        ),
        (with("\"id\": \"q1\"", "\"id\": \"Q 1\""), "items[0].id"),
    ];
    for (json, path) in cases {
        let e = error_of(&json);
        assert_eq!(e.path(), path, "{e}");
        assert!(!e.message(Lang::Vi).is_empty());
        assert_ne!(e.message(Lang::Vi), e.message(Lang::En));
    }
}

#[test]
fn syntax_errors_carry_line_and_column() {
    let e = error_of("{\n  \"format\": ");
    match e.kind() {
        PollErrorKind::Json { line, .. } => assert_eq!(*line, 2),
        other => panic!("{other:?}"),
    }
}

/// The demo poll with a second item, given as the JSON of its type-specific fields.
fn with_item(kind: &str, fields: &str) -> String {
    let item = format!(r#"{{"id": "q2", "type": "{kind}", "label": {{"vi": "Câu hai"}}{fields}}}"#);
    let json = with("\n  ]\n}", &format!(",\n{item}\n  ]\n}}"));
    // The edit must have made a second item, not broken the document.
    assert!(json.contains("\"q2\""));
    json
}

const THREE_OPTIONS: &str = r#", "options": [
    {"id": "a", "label": {"vi": "A"}}, {"id": "b", "label": {"vi": "B"}},
    {"id": "c", "label": {"vi": "C"}}]"#;

#[test]
fn range_errors_name_the_bound_that_is_wrong() {
    // Each case: the item's type, its fields, the path and the kind of error expected.
    let out = |found, min, max| PollErrorKind::OutOfRange { found, min, max };
    let cases = [
        (
            "number",
            r#", "min": 5, "max": 1"#.to_owned(),
            "items[1].max",
            PollErrorKind::BadRange { min: 5, max: 1 },
        ),
        (
            "multiple",
            format!(r#"{THREE_OPTIONS}, "min": 4"#),
            "items[1].min",
            out(4, 0, 3),
        ),
        (
            "multiple",
            format!(r#"{THREE_OPTIONS}, "min": -1"#),
            "items[1].min",
            out(-1, 0, 3),
        ),
        (
            "multiple",
            format!(r#"{THREE_OPTIONS}, "max": 7"#),
            "items[1].max",
            out(7, 1, 3),
        ),
        (
            "multiple",
            format!(r#"{THREE_OPTIONS}, "max": 0"#),
            "items[1].max",
            out(0, 1, 3),
        ),
        (
            "multiple",
            format!(r#"{THREE_OPTIONS}, "min": 3, "max": 2"#),
            "items[1].max",
            PollErrorKind::BadRange { min: 3, max: 2 },
        ),
        (
            "text",
            r#", "max_len": 0"#.to_owned(),
            "items[1].max_len",
            out(0, 1, 5000),
        ),
        (
            "text",
            r#", "max_len": 5001"#.to_owned(),
            "items[1].max_len",
            out(5001, 1, 5000),
        ),
    ];
    for (kind, fields, path, expected) in cases {
        let e = error_of(&with_item(kind, &fields));
        assert_eq!((e.path(), e.kind()), (path, &expected), "{kind}{fields}");
        assert_ne!(e.message(Lang::Vi), e.message(Lang::En));
    }
    // The bounds themselves are accepted.
    for (kind, fields) in [
        ("number", r#", "min": 1, "max": 1"#.to_owned()),
        (
            "multiple",
            format!(r#"{THREE_OPTIONS}, "min": 3, "max": 3"#),
        ),
        (
            "multiple",
            format!(r#"{THREE_OPTIONS}, "min": 0, "max": 1"#),
        ),
        ("text", r#", "max_len": 5000"#.to_owned()),
        ("text", r#", "max_len": 1"#.to_owned()),
    ] {
        let json = with_item(kind, &fields);
        assert!(Poll::from_json(&json).is_ok(), "{kind}{fields}");
    }
    let e = out(9, 1, 5);
    assert_eq!(e.message(Lang::En), "must be between 1 and 5, found 9");
    assert_eq!(e.message(Lang::Vi), "phải từ 1 đến 5, nhưng là 9");
}

#[test]
fn decision_needs_agree_and_disagree() {
    let e = error_of(&with("\"dong_y\"", "\"ung_ho\""));
    assert_eq!(e.path(), "items[0].options");
    assert!(matches!(e.kind(), PollErrorKind::WrongOptions { .. }));
}

/// A survey of three questions and a fourth whose `show_if` is `condition` (JSON).
fn gated(condition: &str) -> String {
    format!(
        r#"{{"format": "phieu/poll", "version": 1, "id": "ks", "kind": "survey",
        "title": {{"vi": "Khảo sát"}}, "place": {{"commune": "Xã A", "village": ""}},
        "rule": {{"preset": "none"}}, "items": [
          {{"id": "dong_y_tham_gia", "type": "single", "label": {{"vi": "Đồng ý tham gia?"}},
           "options": [{{"id": "co", "label": {{"vi": "Có"}}}}, {{"id": "khong", "label": {{"vi": "Không"}}}}]}},
          {{"id": "nguon_nuoc", "type": "multiple", "label": {{"vi": "Nguồn nước?"}},
           "options": [{{"id": "gieng", "label": {{"vi": "Giếng"}}}}, {{"id": "may", "label": {{"vi": "Nước máy"}}}}, {{"id": "song", "label": {{"vi": "Sông"}}}}]}},
          {{"id": "so_nguoi", "type": "number", "label": {{"vi": "Số người?"}}, "min": 0, "max": 30}},
          {{"id": "vi_sao", "type": "text", "label": {{"vi": "Vì sao?"}}, "show_if": {condition}}}
        ]}}"#
    )
}

const GATE: &str = r#"{"item": "dong_y_tham_gia", "any_of": ["co"]}"#;
const WELL: &str = r#"{"item": "nguon_nuoc", "any_of": ["gieng"]}"#;
const RIVER: &str = r#"{"item": "nguon_nuoc", "any_of": ["song"]}"#;

/// A consent gate AND (a well OR a river): the shape of a Kobo group's relevant and a row's
/// own (issue 23, item 3).
fn gate_and_well_or_river() -> String {
    format!(r#"{{"all": [{GATE}, {{"any": [{WELL}, {RIVER}]}}]}}"#)
}

#[test]
fn combined_conditions_are_read_written_and_hashed_once() {
    let poll = Poll::from_json(&gated(&gate_and_well_or_river())).unwrap();
    let show_if = poll.items()[3].show_if().unwrap();
    assert!(show_if.as_condition().is_none());
    let tested: Vec<&str> = show_if.conditions().iter().map(|c| c.item()).collect();
    assert_eq!(tested, ["dong_y_tham_gia", "nguon_nuoc", "nguon_nuoc"]);
    // The canonical form writes the combination back in the same shape, and reads back equal.
    let json = poll.to_json();
    assert!(
        json.contains("\"show_if\": {\n        \"all\": [\n          {\n            \"item\": \"dong_y_tham_gia\","),
        "{json}"
    );
    let again = Poll::from_json(&json).unwrap();
    assert_eq!(again, poll);
    assert_eq!(again.hash(), poll.hash());
    // all and any, the order of their parts and a single condition all hash apart.
    let hashes: Vec<PollHash> = [
        gate_and_well_or_river(),
        format!(r#"{{"any": [{GATE}, {{"any": [{WELL}, {RIVER}]}}]}}"#),
        format!(r#"{{"all": [{GATE}, {{"all": [{WELL}, {RIVER}]}}]}}"#),
        format!(r#"{{"all": [{{"any": [{WELL}, {RIVER}]}}, {GATE}]}}"#),
        format!(r#"{{"all": [{GATE}, {WELL}]}}"#),
        GATE.to_owned(),
    ]
    .iter()
    .map(|c| Poll::from_json(&gated(c)).unwrap().hash())
    .collect();
    let distinct: HashSet<&PollHash> = hashes.iter().collect();
    assert_eq!(distinct.len(), hashes.len());
}

/// A poll with one condition per item hashes exactly as before combinations existed: the
/// item's slot keeps its bytes and the trailer stays empty (the pinned vectors in
/// tests/core.rs hold the survey's real hash; this pins the encoding's shape).
#[test]
fn a_single_condition_keeps_its_encoding() {
    let poll = Poll::from_json(&gated(GATE)).unwrap();
    let mut tail = Encoder::tagged("");
    tail.opt(Some(()), |e, ()| {
        e.str("dong_y_tham_gia");
        e.len(1);
        e.str("co");
    });
    let bytes = encode(&poll).bytes().to_vec();
    let find = |needle: &[u8]| bytes.windows(needle.len()).any(|w| w == needle);
    // The tag's own bytes come first in `tail`; the option and the condition follow.
    let tag_len = Encoder::tagged("").bytes().len();
    assert!(find(&tail.bytes()[tag_len..]));
    assert!(!find(b"show_if"), "no trailer for a single condition");
    let combined = Poll::from_json(&gated(&gate_and_well_or_river())).unwrap();
    let bytes = encode(&combined).bytes().to_vec();
    assert!(bytes.windows(7).any(|w| w == b"show_if"));
}

#[test]
fn combined_conditions_are_checked() {
    let cases: Vec<(String, &str, &str)> = vec![
        // A later item, or the item itself (a cycle): only earlier items can be named.
        (
            format!(r#"{{"all": [{GATE}, {{"item": "vi_sao", "any_of": ["x"]}}]}}"#),
            "items[3].show_if.all[1].item",
            "UnknownItem",
        ),
        (
            format!(r#"{{"any": [{WELL}, {{"item": "khong_co", "any_of": ["x"]}}]}}"#),
            "items[3].show_if.any[1].item",
            "UnknownItem",
        ),
        (
            format!(r#"{{"all": [{GATE}, {{"item": "nguon_nuoc", "any_of": ["ao"]}}]}}"#),
            "items[3].show_if.all[1].any_of[0]",
            "UnknownOption",
        ),
        (
            format!(r#"{{"all": [{GATE}, {{"item": "so_nguoi", "any_of": ["1"]}}]}}"#),
            "items[3].show_if.all[1].item",
            "NotChoosable",
        ),
        (
            format!(r#"{{"all": [{GATE}]}}"#),
            "items[3].show_if.all",
            "TooFewConditions",
        ),
        (r#"{"any": []}"#.to_owned(), "items[3].show_if.any", "TooFewConditions"),
        (
            format!(r#"{{"all": [{GATE}, {WELL}], "any": [{GATE}, {WELL}]}}"#),
            "items[3].show_if",
            "ConditionShape",
        ),
        (
            format!(r#"{{"item": "dong_y_tham_gia", "any_of": ["co"], "all": [{GATE}, {WELL}]}}"#),
            "items[3].show_if",
            "ConditionShape",
        ),
        (
            r#"{"item": "dong_y_tham_gia"}"#.to_owned(),
            "items[3].show_if",
            "ConditionShape",
        ),
        (
            format!(r#"{{"all": [{GATE}, {{"any": [{WELL}, {{"all": [{GATE}, {{"any": [{WELL}, {RIVER}]}}]}}]}}]}}"#),
            "items[3].show_if.all[1].any[1].all[1].any",
            "TooDeep",
        ),
        (
            format!(r#"{{"all": [{}]}}"#, vec![GATE; 33].join(", ")),
            "items[3].show_if",
            "TooMany",
        ),
        (
            r#"{"all": [{"item": "dong_y_tham_gia", "any_of": ["co"], "none_of": ["khong"]}, {"item": "nguon_nuoc", "any_of": ["gieng"]}]}"#.to_owned(),
            "items[3].show_if.all[0].none_of",
            "Json",
        ),
    ];
    for (condition, path, kind) in cases {
        let e = error_of(&gated(&condition));
        assert_eq!(e.path(), path, "{condition}: {e}");
        assert!(
            format!("{:?}", e.kind()).starts_with(kind),
            "{condition}: {e}"
        );
        assert_ne!(e.message(Lang::Vi), e.message(Lang::En));
    }
    // Three levels of all and any, and 32 conditions, are taken.
    for condition in [
        format!(r#"{{"all": [{GATE}, {{"any": [{WELL}, {{"all": [{GATE}, {RIVER}]}}]}}]}}"#),
        format!(r#"{{"all": [{}]}}"#, vec![GATE; 32].join(", ")),
    ] {
        assert!(Poll::from_json(&gated(&condition)).is_ok(), "{condition}");
    }
}

#[test]
fn combined_conditions_decide_what_is_shown() {
    use crate::ballot::{check_answer, is_shown, Answer};
    let poll = Poll::from_json(&gated(&gate_and_well_or_river())).unwrap();
    let answers = |consent: Option<&str>, water: &[&str]| -> Vec<Answer> {
        vec![
            consent.map_or(Answer::Blank, Answer::choice),
            if water.is_empty() {
                Answer::Blank
            } else {
                Answer::Choices {
                    options: water.iter().map(|w| (*w).to_owned()).collect(),
                    free_text: None,
                }
            },
            Answer::Blank,
            Answer::Text("xa".into()),
        ]
    };
    let cases = [
        (Some("co"), &["gieng"][..], true),
        (Some("co"), &["may", "song"][..], true),
        (Some("co"), &["may"][..], false),
        (Some("co"), &[][..], false),
        (Some("khong"), &["gieng"][..], false),
        (None, &["gieng", "song"][..], false),
    ];
    for (consent, water, shown) in cases {
        let mut a = answers(consent, water);
        assert_eq!(is_shown(&poll, &a, 3), shown, "{consent:?} {water:?}");
        // A hidden item's answer is refused, a shown one is taken.
        assert_eq!(check_answer(&poll, &mut a, 3).is_ok(), shown);
    }
}

/// The demo poll with its title and first option in Khmer (and the option in Thai).
fn in_khmer() -> String {
    let json = with(
        "\"vi\": \"Đồng ý\"",
        "\"vi\": \"Đồng ý\", \"th\": \"เห็นด้วย\", \"km\": \"យល់ព្រម\"",
    );
    let title = Poll::from_json(DEMO).unwrap().title().vi().to_owned();
    let find = format!("\"vi\": \"{title}\"");
    assert!(json.contains(&find));
    json.replacen(&find, &format!("{find}, \"km\": \"ការបោះឆ្នោត\""), 1)
}

/// A poll in other languages than Vietnamese and English reads, writes (tags sorted) and reads
/// back to the same poll and hash (issue 20, item 3).
#[test]
fn other_languages_round_trip() {
    let poll = Poll::from_json(&in_khmer()).unwrap();
    let option = &poll.items()[0].kind().options()[0];
    assert_eq!(option.label().in_tag("km"), "យល់ព្រម");
    assert_eq!(option.label().in_tag("th"), "เห็นด้วย");
    assert_eq!(option.label().in_tag("hmn"), "Đồng ý");
    assert_eq!(poll.title().in_tag("km"), "ការបោះឆ្នោត");
    let tags: Vec<String> = poll.languages().iter().map(|t| t.to_string()).collect();
    assert_eq!(tags, ["km", "th"]);
    let json = poll.to_json();
    assert!(json.contains("\"vi\": \"Đồng ý\",\n"), "{json}");
    let km = json.find("\"km\": \"យល់ព្រម\"").unwrap();
    let th = json.find("\"th\": \"เห็นด้วย\"").unwrap();
    assert!(km < th, "tags in their canonical order");
    let again = Poll::from_json(&json).unwrap();
    assert_eq!(again, poll);
    assert_eq!(again.hash(), poll.hash());
    assert_eq!(again.to_json(), json);
    assert!(Poll::from_json(DEMO).unwrap().languages().is_empty());
}

/// Other languages are hashed in a trailer only when present: a poll without them keeps its
/// bytes (the pinned vectors in tests/core.rs and docs/bundle-format.md hold); with them, the
/// old bytes are a prefix and every translation changes the hash.
#[test]
fn other_languages_are_hashed_in_a_trailer() {
    let plain = Poll::from_json(DEMO).unwrap();
    let plain_bytes = plain.canonical_bytes();
    assert!(!plain_bytes.windows(9).any(|w| w == b"languages"));
    let khmer = Poll::from_json(&in_khmer()).unwrap();
    let bytes = khmer.canonical_bytes();
    assert!(bytes.starts_with(&plain_bytes), "the trailer comes after");
    assert_ne!(khmer.hash(), plain.hash());
    let other = Poll::from_json(&in_khmer().replace("យល់ព្រម", "បាទ")).unwrap();
    assert_ne!(other.hash(), khmer.hash());
    // The same words under another tag hash apart too.
    let moved = Poll::from_json(&in_khmer().replace("\"th\":", "\"lo\":")).unwrap();
    assert_ne!(moved.hash(), khmer.hash());
    // The JSON's key order does not matter.
    let reordered = in_khmer().replace(
        "\"vi\": \"Đồng ý\", \"th\": \"เห็นด้วย\", \"km\": \"យល់ព្រម\"",
        "\"km\": \"យល់ព្រម\", \"vi\": \"Đồng ý\", \"th\": \"เห็นด้วย\"",
    );
    assert_eq!(Poll::from_json(&reordered).unwrap().hash(), khmer.hash());
}

/// A language tag is checked where it is written: well formed, not Vietnamese or English
/// (their own slots), once per text, with text that is not blank nor too long, and each
/// refusal says why in Vietnamese and in English.
#[test]
fn bad_language_tags_are_refused() {
    let at = "items[0].options[0].label";
    let cases: Vec<(String, String, &str)> = vec![
        (
            with("\"vi\": \"Đồng ý\"", "\"vi\": \"Đồng ý\", \"KM\": \"x\""),
            format!("{at}.KM"),
            "BCP 47",
        ),
        (
            with("\"vi\": \"Đồng ý\"", "\"vi\": \"Đồng ý\", \"khmer\": \"x\""),
            format!("{at}.khmer"),
            "BCP 47",
        ),
        (
            with("\"vi\": \"Đồng ý\"", "\"vi\": \"Đồng ý\", \"km_KH\": \"x\""),
            format!("{at}.km_KH"),
            "BCP 47",
        ),
        (
            with("\"vi\": \"Đồng ý\"", "\"vi\": \"Đồng ý\", \"vi-VN\": \"x\""),
            format!("{at}.vi-VN"),
            "own slots",
        ),
        (
            with("\"vi\": \"Đồng ý\"", "\"vi\": \"Đồng ý\", \"eng\": \"x\""),
            format!("{at}.eng"),
            "own slots",
        ),
        (
            with("\"vi\": \"Đồng ý\"", "\"vi\": \"Đồng ý\", \"und\": \"x\""),
            format!("{at}.und"),
            "no language",
        ),
        (
            with(
                "\"vi\": \"Đồng ý\"",
                "\"vi\": \"Đồng ý\", \"km\": \"x\", \"km\": \"y\"",
            ),
            format!("{at}.km"),
            "twice",
        ),
        (
            with("\"vi\": \"Đồng ý\"", "\"vi\": \"Đồng ý\", \"km\": \" \""),
            format!("{at}.km"),
            "empty",
        ),
        (
            with(
                "\"vi\": \"Đồng ý\"",
                &format!(
                    "\"vi\": \"Đồng ý\", \"km\": \"{}\"",
                    "ក".repeat(MAX_LABEL + 1)
                ),
            ),
            format!("{at}.km"),
            "at most 2000",
        ),
    ];
    for (json, path, says) in cases {
        let e = error_of(&json);
        assert_eq!(e.path(), path, "{e}");
        assert!(
            e.message(Lang::En).contains(says),
            "{}",
            e.message(Lang::En)
        );
        assert_ne!(e.message(Lang::Vi), e.message(Lang::En));
        assert!(!e.message(Lang::Vi).is_empty());
    }
    let many: String = ["km", "th", "lo", "zh", "fr", "ko", "hmn", "tyz", "rad"]
        .iter()
        .map(|t| format!(", \"{t}\": \"x\""))
        .collect();
    let e = error_of(&with(
        "\"vi\": \"Đồng ý\"",
        &format!("\"vi\": \"Đồng ý\"{many}"),
    ));
    assert_eq!(e.path(), at);
    assert!(matches!(
        e.kind(),
        PollErrorKind::TooMany { found: 9, max: 8 }
    ));
    // A value must be a string.
    let e = error_of(&with("\"vi\": \"Đồng ý\"", "\"vi\": \"Đồng ý\", \"km\": 3"));
    assert!(matches!(e.kind(), PollErrorKind::Json { .. }), "{e}");
}

/// A word table's plain entry writes its braces as `{{` and `}}`: the message shows one brace.
#[test]
fn braces_in_a_plain_message_are_single() {
    let k = PollErrorKind::ConditionShape;
    assert_eq!(
        k.message(Lang::En),
        r#"a show_if is either {"item", "any_of"}, or {"all": [...]}, or {"any": [...]}"#
    );
    assert_eq!(k.to_string(), k.message(Lang::En));
    assert!(k
        .message(Lang::Vi)
        .contains(r#"phải là {"item", "any_of"}, hoặc"#));
}
