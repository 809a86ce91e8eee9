//! The mapping, row by row, and every problem it can report (docs/xlsform.md). Workbooks are
//! built in memory from cells; the committed sample files are read in tests/xlsform.rs.

use proptest::prelude::*;

use phieu_core::{ItemKind, Lang, Poll, PollErrorKind};

use super::importer::*;
use super::*;
use crate::problem::{Identity, Location, ProblemKind, SkipKind};
use crate::sheet::{Sheet, Workbook};

mod real_forms;

const HEAD: &[&str] = &[
    "type",
    "name",
    "label",
    "label::English",
    "hint",
    "required",
    "relevant",
    "constraint",
    "appearance",
];

const CHOICES: &[&[&str]] = &[
    &["list_name", "name", "label", "label::English"],
    &["yn", "co", "Có", "Yes"],
    &["yn", "khong", "Không", "No"],
    &["muc", "1", "Rất kém", "Very poor"],
    &["muc", "2", "Kém", "Poor"],
    &["muc", "3", "Khá", "Fair"],
    &["kenh", "loa", "Loa truyền thanh", "Loudspeaker"],
    &["kenh", "hop", "Họp thôn", "Village meeting"],
    &["kenh", "zalo", "Nhóm Zalo", "Zalo group"],
];

fn options() -> ImportOptions {
    ImportOptions {
        commune: Some("Xã Tân Hòa".into()),
        village: Some("Thôn Bình An".into()),
        file_stem: "khao-sat".into(),
    }
}

fn book(survey: &[&[&str]], choices: &[&[&str]]) -> Workbook {
    let mut rows: Vec<&[&str]> = vec![HEAD];
    rows.extend_from_slice(survey);
    Workbook {
        survey: Some(Sheet::from_cells("survey", &rows)),
        choices: (!choices.is_empty()).then(|| Sheet::from_cells("choices", choices)),
        settings: None,
    }
}

fn imported(survey: &[&[&str]]) -> Imported {
    match import_workbook(&book(survey, CHOICES), &options()) {
        Ok(i) => i,
        Err(problems) => panic!("{problems:#?}"),
    }
}

fn poll(survey: &[&[&str]]) -> Poll {
    imported(survey).poll().unwrap().clone()
}

/// The problems as (where, in English; what).
fn problems_of(book: &Workbook, options: &ImportOptions) -> Vec<(String, ProblemKind)> {
    match import_workbook(book, options) {
        Ok(i) => panic!("imported: {:?}", i.poll),
        Err(problems) => problems
            .into_iter()
            .map(|p| (p.at().describe(Lang::En), p.kind().clone()))
            .collect(),
    }
}

fn problems(survey: &[&[&str]]) -> Vec<(String, ProblemKind)> {
    problems_of(&book(survey, CHOICES), &options())
}

/// One problem, at `at`, of kind `kind`.
fn check(survey: &[&[&str]], at: &str, kind: ProblemKind) {
    assert_eq!(problems(survey), vec![(at.to_owned(), kind)], "{survey:?}");
}

#[test]
fn every_supported_type_maps_to_an_item() {
    let poll = poll(&[
        &[
            "select_one yn",
            "q1",
            "Ông/bà có biết?",
            "Do you know?",
            "",
            "yes",
        ],
        &[
            "select_multiple kenh",
            "q2",
            "Qua kênh nào?",
            "Which channels?",
            "Chọn nhiều",
            "no",
        ],
        &[
            "integer",
            "q3",
            "Số người",
            "People",
            "",
            "true",
            "",
            ". >= 0 and . <= 120",
        ],
        &["text", "q4", "Ý kiến khác", "Other views"],
        &["note", "n1", "Phần B", "Part B"],
        &[
            "select_one muc",
            "q5",
            "Đánh giá",
            "Rating",
            "",
            "",
            "",
            "",
            "likert",
        ],
    ]);
    assert_eq!(poll.id(), "khao-sat");
    assert_eq!(poll.title().vi(), "khao-sat");
    assert_eq!(poll.place().commune(), "Xã Tân Hòa");
    assert_eq!(poll.place().village(), "Thôn Bình An");
    assert_eq!(poll.kind(), phieu_core::PollKind::Survey);
    assert_eq!(poll.rule().preset(), phieu_core::Preset::None);
    let items = poll.items();
    assert_eq!(items.len(), 5);
    assert_eq!(items[0].id(), "q1");
    assert!(items[0].required());
    assert_eq!(items[0].label().en(), Some("Do you know?"));
    assert!(matches!(items[0].kind(), ItemKind::Single { options } if options.len() == 2));
    assert_eq!(items[1].label().vi(), "Qua kênh nào?\n(Chọn nhiều)");
    // A hint without English shows its Vietnamese in the English label too.
    assert_eq!(items[1].label().en(), Some("Which channels?\n(Chọn nhiều)"));
    assert!(matches!(
        items[1].kind(),
        ItemKind::Multiple { min: 0, max: 3, .. }
    ));
    assert!(items[2].required());
    assert_eq!(items[2].kind(), &ItemKind::Number { min: 0, max: 120 });
    assert_eq!(items[3].kind(), &ItemKind::Text { max_len: 500 });
    // The note is shown with the question after it.
    assert_eq!(items[4].label().vi(), "Phần B\nĐánh giá");
    assert_eq!(items[4].label().en(), Some("Part B\nRating"));
    let ItemKind::Scale { options } = items[4].kind() else {
        panic!("{:?}", items[4].kind());
    };
    let values: Vec<_> = options.iter().map(|o| o.value()).collect();
    assert_eq!(values, [Some(1), Some(2), Some(3)]);
}

#[test]
fn an_integer_without_a_constraint_takes_odk_integers() {
    let poll = poll(&[&["integer", "q1", "Số"]]);
    assert_eq!(
        poll.items()[0].kind(),
        &ItemKind::Number {
            min: i64::from(i32::MIN),
            max: i64::from(i32::MAX)
        }
    );
}

#[test]
fn constraints_become_ranges() {
    let cases: [(&str, &str, ItemKind); 7] = [
        (
            "integer",
            ". > 0 and . < 10",
            ItemKind::Number { min: 1, max: 9 },
        ),
        (
            "integer",
            "0 <= . and . <= 5",
            ItemKind::Number { min: 0, max: 5 },
        ),
        ("integer", ". = 3", ItemKind::Number { min: 3, max: 3 }),
        (
            "integer",
            ".>=18",
            ItemKind::Number {
                min: 18,
                max: i64::from(i32::MAX),
            },
        ),
        (
            "integer",
            ". <= 120.0",
            ItemKind::Number {
                min: i64::from(i32::MIN),
                max: 120,
            },
        ),
        (
            "text",
            "string-length(.) <= 200",
            ItemKind::Text { max_len: 200 },
        ),
        (
            "text",
            "string-length(.) < 100000",
            ItemKind::Text { max_len: 5000 },
        ),
    ];
    for (t, c, expected) in cases {
        let poll = poll(&[&[t, "q1", "Câu", "", "", "", "", c]]);
        assert_eq!(poll.items()[0].kind(), &expected, "{c}");
    }
    let poll = poll(&[&[
        "select_multiple kenh",
        "q1",
        "Câu",
        "",
        "",
        "",
        "",
        "count-selected(.) >= 1 and count-selected(.) <= 2",
    ]]);
    assert!(matches!(
        poll.items()[0].kind(),
        ItemKind::Multiple { min: 1, max: 2, .. }
    ));
    // More than there are options is no bound.
    let poll = poll_of_multiple("count-selected(.) <= 9");
    assert!(matches!(
        poll.items()[0].kind(),
        ItemKind::Multiple { min: 0, max: 3, .. }
    ));
}

fn poll_of_multiple(constraint: &str) -> Poll {
    poll(&[&[
        "select_multiple kenh",
        "q1",
        "Câu",
        "",
        "",
        "",
        "",
        constraint,
    ]])
}

#[test]
fn relevants_become_skip_logic() {
    let poll = poll(&[
        &["select_one yn", "q1", "Câu 1"],
        &[
            "select_multiple kenh",
            "q2",
            "Câu 2",
            "",
            "",
            "",
            "${q1} = 'co'",
        ],
        &[
            "text",
            "q3",
            "Câu 3",
            "",
            "",
            "",
            "selected(${q2}, 'loa') or selected(${q2}, 'zalo')",
        ],
        &[
            "integer",
            "q4",
            "Câu 4",
            "",
            "",
            "",
            "${q1}='khong' or ${q1}='co' or ${q1}='co'",
        ],
    ]);
    let show = |i: usize| {
        let c = poll.items()[i]
            .show_if()
            .and_then(|c| c.as_condition())
            .expect("a condition");
        (c.item().to_owned(), c.any_of().to_vec())
    };
    assert_eq!(show(1), ("q1".into(), vec!["co".into()]));
    assert_eq!(show(2), ("q2".into(), vec!["loa".into(), "zalo".into()]));
    assert_eq!(show(3), ("q1".into(), vec!["khong".into(), "co".into()]));
    // The core's own skip logic then hides the question.
    let blank = vec![phieu_core::Answer::Blank; 4];
    assert!(!phieu_core::is_shown(&poll, &blank, 1));
    let mut answers = blank.clone();
    answers[0] = phieu_core::Answer::choice("co");
    assert!(phieu_core::is_shown(&poll, &answers, 1));
}

#[test]
fn groups_are_flattened_and_their_condition_applies_inside() {
    let i = imported(&[
        &["select_one yn", "q1", "Câu 1"],
        &[
            "begin group",
            "g1",
            "Phần hai",
            "Part two",
            "",
            "",
            "${q1} = 'co'",
        ],
        &["integer", "q2", "Câu 2"],
        &["begin_group", "g2", ""],
        &["text", "q3", "Câu 3"],
        &["end_group"],
        &["end group", "g1"],
        &["text", "q4", "Câu 4"],
    ]);
    let items = i.poll().unwrap().items();
    assert_eq!(items.len(), 4);
    assert_eq!(items[1].label().vi(), "Phần hai\nCâu 2");
    for item in &items[1..3] {
        assert_eq!(
            item.show_if()
                .and_then(|c| c.as_condition())
                .map(|c| c.item()),
            Some("q1")
        );
    }
    assert_eq!(items[3].show_if(), None);
    assert!(i.skipped.is_empty());
}

#[test]
fn select_or_other_takes_free_text() {
    let poll = poll(&[&["select_one yn or_other", "q1", "Câu"]]);
    let options = poll.items()[0].kind().options();
    assert_eq!(options.len(), 3);
    assert_eq!(options[2].id(), "other");
    assert!(options[2].free_text());
    assert_eq!(options[2].label().vi(), "Khác");
}

#[test]
fn names_are_folded_into_ids() {
    let poll = poll(&[
        &["select_one yn", "Câu_1", "Câu 1"],
        &["text", "Q2.b", "Câu 2", "", "", "", "${Câu_1} = 'co'"],
    ]);
    assert_eq!(poll.items()[0].id(), "cau_1");
    assert_eq!(poll.items()[1].id(), "q2_b");
    assert_eq!(
        poll.items()[1]
            .show_if()
            .and_then(|c| c.as_condition())
            .map(|c| c.item()),
        Some("cau_1")
    );
}

#[test]
fn left_out_on_purpose_is_said() {
    let mut rows: Vec<&[&str]> = vec![&[
        "type",
        "name",
        "label::Vietnamese (vi)",
        "label::Khmer (km)",
        "$kuid",
        "constraint_message",
        "label::French (fr)",
        "label::Klingon",
    ]];
    rows.extend_from_slice(&[
        &["start", "start"],
        &["deviceid", "deviceid"],
        &[
            "text",
            "q1",
            "Câu 1",
            "សំណួរ ១",
            "abc",
            "Sai",
            "Question 1",
            "x",
        ],
        &["note", "cam_on", "Cảm ơn ông/bà"],
    ]);
    let book = Workbook {
        survey: Some(Sheet::from_cells("survey", &rows)),
        choices: None,
        settings: None,
    };
    let i = import_workbook(&book, &options()).unwrap();
    let skipped: Vec<String> = i.skipped.iter().map(|s| s.message(Lang::En)).collect();
    assert_eq!(
        skipped,
        [
            "sheet survey, row 1, column G (label::French (fr)): left out the \"French (fr)\" column: a poll carries Vietnamese, English and one more language, here \"km\" (the form's default_language, else its first other language)",
            "sheet survey, row 1, column H (label::Klingon): left out the \"Klingon\" column: phieu cannot tell which language it is; write its name with its code, e.g. label::Khmer (km)",
            "sheet survey, row 2, column A (type): left out the automatic field \"start\": phieu records no time, device or respondent",
            "sheet survey, row 3, column A (type): left out the automatic field \"deviceid\": phieu records no time, device or respondent",
            "sheet survey, row 5, column C (label::Vietnamese (vi)): left out the note at the end of the form: no question follows to show it with",
        ]
    );
    assert_eq!(i.poll().unwrap().items().len(), 1);
    let label = i.poll().unwrap().items()[0].label();
    assert_eq!(label.en(), None);
    assert_eq!(label.in_tag("km"), "សំណួរ ១");
}

#[test]
fn settings_give_the_title_id_place_and_default_language() {
    let survey: [&[&str]; 2] = [&["type", "name", "label"], &["text", "q1", "Question"]];
    let settings: &[&[&str]] = &[
        &[
            "form_title",
            "form_id",
            "default_language",
            "commune",
            "village",
            "version",
        ],
        &[
            "Khảo sát MTTQ",
            "KS_MTTQ.2026",
            "English",
            "Xã A",
            "Thôn B",
            "3",
        ],
    ];
    let book = Workbook {
        survey: Some(Sheet::from_cells("survey", &survey)),
        choices: None,
        settings: Some(Sheet::from_cells("settings", settings)),
    };
    // With default_language English the plain label is English, and there is no Vietnamese:
    // imported with the English in its slot and said once for the sheet (issue 23, item 6).
    let english = import_workbook(&book, &ImportOptions::default()).unwrap();
    let dto = english.needs_vietnamese().unwrap();
    assert_eq!(dto.items[0].label.vi, "");
    assert_eq!(dto.items[0].label.en.as_deref(), Some("Question"));
    assert_eq!(
        english.skipped()[0].kind(),
        &SkipKind::NoVietnamese {
            language: s("English")
        }
    );
    let settings: &[&[&str]] = &[
        &["form_title", "form_id", "commune", "village"],
        &["Khảo sát MTTQ", "KS_MTTQ.2026", "Xã A", "Thôn B"],
    ];
    let book = Workbook {
        settings: Some(Sheet::from_cells("settings", settings)),
        ..book
    };
    let imported = import_workbook(&book, &ImportOptions::default()).unwrap();
    let poll = imported.poll().unwrap();
    assert_eq!(poll.id(), "ks_mttq-2026");
    assert_eq!(poll.title().vi(), "Khảo sát MTTQ");
    assert_eq!(poll.place().commune(), "Xã A");
    assert_eq!(poll.place().village(), "Thôn B");
    // The officer's words win over the sheet's.
    let imported = import_workbook(&book, &options()).unwrap();
    assert_eq!(imported.poll().unwrap().place().commune(), "Xã Tân Hòa");
}

// ---------------------------------------------------------------------------------------------
// Every problem

fn s(v: &str) -> String {
    v.to_owned()
}

#[test]
fn problems_of_types_and_lists() {
    check(
        &[&["geopoint", "q1", "Vị trí"]],
        "sheet survey, row 2, column A (type)",
        ProblemKind::UnsupportedType {
            found: s("geopoint"),
        },
    );
    check(
        &[&["calculate", "c1", ""]],
        "sheet survey, row 2, column A (type)",
        ProblemKind::UnsupportedType {
            found: s("calculate"),
        },
    );
    check(
        &[&["decimal", "q1", "Diện tích"]],
        "sheet survey, row 2, column A (type)",
        ProblemKind::Decimal,
    );
    check(
        &[&["select_one", "q1", "Câu"]],
        "sheet survey, row 2, column A (type)",
        ProblemKind::MissingListName,
    );
    check(
        &[&["select_one nope", "q1", "Câu"]],
        "sheet survey, row 2, column A (type)",
        ProblemKind::MissingList { list: s("nope") },
    );
    check(
        &[&["select_one yn extra", "q1", "Câu"]],
        "sheet survey, row 2, column A (type)",
        ProblemKind::UnsupportedType {
            found: s("select_one yn extra"),
        },
    );
    check(
        &[&["", "q1", "Câu"]],
        "sheet survey, row 2, column A (type)",
        ProblemKind::MissingType,
    );
    // The rows inside a repeat are read too: every problem at once (issue 23, item 1).
    assert_eq!(
        problems(&[
            &["begin repeat", "r1", "Thành viên"],
            &["geopoint", "q1", "Câu"],
            &["end repeat"],
            &["text", "q2", "Câu"],
        ]),
        vec![
            (
                s("sheet survey, row 2, column A (type)"),
                ProblemKind::UnsupportedType {
                    found: s("begin repeat"),
                },
            ),
            (
                s("sheet survey, row 3, column A (type)"),
                ProblemKind::UnsupportedType {
                    found: s("geopoint"),
                },
            ),
        ]
    );
    let one: &[&[&str]] = &[&["list_name", "name", "label"], &["mot", "a", "A"]];
    assert_eq!(
        problems_of(&book(&[&["select_one mot", "q1", "Câu"]], one), &options()),
        vec![(
            s("sheet survey, row 2, column A (type)"),
            ProblemKind::TooFewChoices {
                list: s("mot"),
                found: 1
            }
        )]
    );
    assert_eq!(
        problems_of(&book(&[&["select_one yn", "q1", "Câu"]], &[]), &options()),
        vec![(s("sheet choices"), ProblemKind::MissingSheet)]
    );
    let with_other: &[&[&str]] = &[
        &["list_name", "name", "label"],
        &["k", "a", "A"],
        &["k", "other", "Khác"],
    ];
    assert_eq!(
        problems_of(
            &book(&[&["select_one k or_other", "q1", "Câu"]], with_other),
            &options()
        ),
        vec![(
            s("sheet survey, row 2, column A (type)"),
            ProblemKind::DuplicateName {
                name: s("other"),
                id: s("other"),
                first_row: 3
            }
        )]
    );
}

#[test]
fn problems_of_choices() {
    let bad: &[&[&str]] = &[
        &["list_name", "name", "label", "media::image"],
        &["k", "a", "A"],
        &["k", "", "B"],
        &["k", "c d/e", "C"],
        &["k", "A", "A again"],
        &["k", "f", ""],
        &["k", "g", "G", "g.png"],
        &["", "h", "H"],
        &["unused", "", ""],
    ];
    assert_eq!(
        problems_of(&book(&[&["select_one k", "q1", "Câu"]], bad), &options()),
        vec![
            (
                s("sheet choices, row 3, column B (name)"),
                ProblemKind::MissingName
            ),
            (
                s("sheet choices, row 4, column B (name)"),
                ProblemKind::BadName { name: s("c d/e") }
            ),
            (
                s("sheet choices, row 5, column B (name)"),
                ProblemKind::DuplicateName {
                    name: s("A"),
                    id: s("a"),
                    first_row: 2
                }
            ),
            (
                s("sheet choices, row 6, column C (label)"),
                ProblemKind::MissingLabel { column: s("label") }
            ),
            (
                s("sheet choices, row 7, column D (media::image)"),
                ProblemKind::UnsupportedColumn
            ),
            (
                s("sheet choices, row 8, column A (list_name)"),
                ProblemKind::MissingListName
            ),
        ]
    );
    let no_list_name: &[&[&str]] = &[&["list", "name", "label"], &["yn", "co", "Có"]];
    assert_eq!(
        problems_of(
            &book(&[&["select_one yn", "q1", "Câu"]], no_list_name),
            &options()
        ),
        vec![(
            s("sheet choices"),
            ProblemKind::MissingColumn {
                header: "list_name"
            }
        )]
    );
}

#[test]
fn problems_of_names_labels_and_required() {
    check(
        &[&["text", "", "Câu"]],
        "sheet survey, row 2, column B (name)",
        ProblemKind::MissingName,
    );
    check(
        &[&["text", "q 1/2", "Câu"]],
        "sheet survey, row 2, column B (name)",
        ProblemKind::BadName { name: s("q 1/2") },
    );
    check(
        &[&["text", "q1", "Câu"], &["integer", "Q1", "Câu"]],
        "sheet survey, row 3, column B (name)",
        ProblemKind::DuplicateName {
            name: s("Q1"),
            id: s("q1"),
            first_row: 2,
        },
    );
    check(
        &[&["text", "q1", "", "Only English"]],
        "sheet survey, row 2, column C (label)",
        ProblemKind::MissingLabel { column: s("label") },
    );
    check(
        &[&["note", "n1", ""], &["text", "q1", "Câu"]],
        "sheet survey, row 2, column C (label)",
        ProblemKind::MissingLabel { column: s("label") },
    );
    check(
        &[&["text", "q1", "Câu", "", "", "sometimes"]],
        "sheet survey, row 2, column F (required)",
        ProblemKind::BadRequired {
            found: s("sometimes"),
        },
    );
    check(
        &[
            &["note", "n1", "Lời dẫn", "", "", "", "${q0} = 'x'"],
            &["text", "q1", "Câu"],
        ],
        "sheet survey, row 2, column G (relevant)",
        ProblemKind::ConditionalNote,
    );
}

#[test]
fn problems_of_relevants() {
    let at = "sheet survey, row 3, column G (relevant)";
    let q1: &[&str] = &["select_one yn", "q1", "Câu 1"];
    check(
        &[q1, &["text", "q2", "Câu", "", "", "", "${q1} != 'co'"]],
        at,
        ProblemKind::ComplexRelevant {
            found: s("${q1} != 'co'"),
        },
    );
    check(
        &[
            q1,
            &["integer", "n", "Số"],
            &[
                "text",
                "q2",
                "Câu",
                "",
                "",
                "",
                "${q1} = 'co' or ${n} = '1'",
            ],
        ],
        "sheet survey, row 4, column G (relevant)",
        ProblemKind::RelevantNotChoice { name: s("n") },
    );
    check(
        &[q1, &["text", "q2", "Câu", "", "", "", "${q9} = 'co'"]],
        at,
        ProblemKind::RelevantUnknownQuestion { name: s("q9") },
    );
    check(
        &[
            q1,
            &["text", "q2", "Câu", "", "", "", "${q3} = 'co'"],
            &["select_one yn", "q3", "Câu 3"],
        ],
        at,
        ProblemKind::RelevantLaterQuestion { name: s("q3") },
    );
    check(
        &[q1, &["text", "q2", "Câu", "", "", "", "${q2} = 'co'"]],
        at,
        ProblemKind::RelevantLaterQuestion { name: s("q2") },
    );
    check(
        &[
            &["integer", "q1", "Số"],
            &["text", "q2", "Câu", "", "", "", "${q1} = '1'"],
        ],
        at,
        ProblemKind::RelevantNotChoice { name: s("q1") },
    );
    check(
        &[q1, &["text", "q2", "Câu", "", "", "", "${q1} = 'co_le'"]],
        at,
        ProblemKind::RelevantUnknownChoice {
            name: s("q1"),
            choice: s("co_le"),
        },
    );
    check(
        &[
            &["select_multiple kenh", "q1", "Câu"],
            &["text", "q2", "Câu", "", "", "", "${q1} = 'loa'"],
        ],
        at,
        ProblemKind::RelevantEqualsOnMultiple { name: s("q1") },
    );
    // A test of a question whose list is missing adds nothing: its choices are unknown.
    check(
        &[
            &["select_one nope", "q1", "Câu"],
            &["text", "q2", "Câu", "", "", "", "${q1} = 'co'"],
        ],
        "sheet survey, row 2, column A (type)",
        ProblemKind::MissingList { list: s("nope") },
    );
    // A question with a problem of its own (no label) is still tested (issue 23, item 1).
    assert_eq!(
        problems(&[
            &["select_one yn", "q1", ""],
            &["text", "q2", "Câu", "", "", "", "${q1} = 'co_le'"],
        ]),
        vec![
            (
                s("sheet survey, row 2, column C (label)"),
                ProblemKind::MissingLabel { column: s("label") }
            ),
            (
                s(at),
                ProblemKind::RelevantUnknownChoice {
                    name: s("q1"),
                    choice: s("co_le"),
                }
            ),
        ]
    );
}

#[test]
fn problems_of_constraints() {
    let at = "sheet survey, row 2, column H (constraint)";
    let with = |t: &str, c: &str| problems(&[&[t, "q1", "Câu", "", "", "", "", c]]);
    let one = |kind: ProblemKind| vec![(s(at), kind)];
    assert_eq!(
        with("integer", ". >= 0 or . <= 9"),
        one(ProblemKind::ComplexConstraint {
            found: s(". >= 0 or . <= 9")
        })
    );
    assert_eq!(
        with("integer", ". != 3"),
        one(ProblemKind::ComplexConstraint { found: s(". != 3") })
    );
    assert_eq!(
        with("integer", "string-length(.) <= 3"),
        one(ProblemKind::ComplexConstraint {
            found: s("string-length(.) <= 3")
        })
    );
    assert_eq!(
        with("text", "string-length(.) >= 3"),
        one(ProblemKind::ComplexConstraint {
            found: s("string-length(.) >= 3")
        })
    );
    assert_eq!(
        with("integer", ". <= 2.5"),
        one(ProblemKind::NotWhole { found: s("2.5") })
    );
    assert_eq!(
        with("integer", ". >= 10 and . <= 5"),
        one(ProblemKind::EmptyRange { min: 10, max: 5 })
    );
    assert_eq!(
        with("select_multiple kenh", "count-selected(.) >= 4"),
        one(ProblemKind::EmptyRange { min: 4, max: 3 })
    );
    assert_eq!(
        with("select_one yn", ". = 'co'"),
        one(ProblemKind::ConstraintNotForType {
            question_type: s("select_one")
        })
    );
}

#[test]
fn problems_of_sheets_columns_and_groups() {
    check(
        &[&["end group"], &["text", "q1", "Câu"]],
        "sheet survey, row 2, column A (type)",
        ProblemKind::UnbalancedGroup {
            found: s("end group"),
        },
    );
    check(
        &[&["begin group", "g"], &["text", "q1", "Câu"]],
        "sheet survey, row 2, column A (type)",
        ProblemKind::UnbalancedGroup {
            found: s("begin group"),
        },
    );
    check(
        &[&["note", "n", "Chỉ có lời dẫn"]],
        "sheet survey",
        ProblemKind::NoQuestions,
    );
    let only = |rows: &[&[&str]]| Workbook {
        survey: Some(Sheet::from_cells("Survey", rows)),
        choices: None,
        settings: None,
    };
    assert_eq!(
        problems_of(&only(&[&["kind", "label"], &["text", "Câu"]]), &options()),
        vec![
            (
                s("sheet Survey"),
                ProblemKind::MissingColumn { header: "type" }
            ),
            (
                s("sheet Survey"),
                ProblemKind::MissingColumn { header: "name" }
            ),
        ]
    );
    assert_eq!(
        problems_of(
            &only(&[&["type", "name", "hint"], &["text", "q1", "Gợi ý"]]),
            &options()
        ),
        vec![(
            s("sheet Survey"),
            ProblemKind::MissingColumn { header: "label" }
        )]
    );
    assert_eq!(
        problems_of(
            &only(&[
                &["type", "name", "label", "label::vi"],
                &["text", "q1", "Câu", "Câu"]
            ]),
            &options()
        ),
        vec![(
            s("sheet Survey, row 1, column D (label::vi)"),
            ProblemKind::DuplicateColumn
        )]
    );
    assert_eq!(
        problems_of(
            &only(&[
                &["type", "name", "label", "default", "choice_filter"],
                &["text", "q1", "Câu", "Không"]
            ]),
            &options()
        ),
        vec![(
            s("sheet Survey, row 2, column D (default)"),
            ProblemKind::UnsupportedColumn
        )]
    );
    assert_eq!(
        problems_of(&Workbook::default(), &options()),
        vec![(s("sheet survey"), ProblemKind::MissingSheet)]
    );
}

#[test]
fn problems_of_the_poll_as_a_whole() {
    let b = book(&[&["text", "q1", "Câu"]], CHOICES);
    let no_place = ImportOptions {
        commune: None,
        ..options()
    };
    assert_eq!(
        problems_of(&b, &no_place),
        vec![(s("sheet settings"), ProblemKind::NoCommune)]
    );
    let no_id = ImportOptions {
        file_stem: s("???"),
        ..options()
    };
    assert_eq!(
        problems_of(&b, &no_id),
        vec![(
            s("sheet settings"),
            ProblemKind::BadFormId { found: s("???") }
        )]
    );
    let settings: &[&[&str]] = &[&["form_id"], &["!!"]];
    let b = Workbook {
        settings: Some(Sheet::from_cells("settings", settings)),
        ..b
    };
    assert_eq!(
        problems_of(&b, &options()),
        vec![(
            s("sheet settings, row 2, column A (form_id)"),
            ProblemKind::BadFormId { found: s("!!") }
        )]
    );
}

#[test]
fn the_cores_own_checks_are_placed_on_the_cell() {
    // A label longer than the core allows is not checked here; the core's error names
    // items[0].label.vi, which is this row's label cell.
    let long = "x".repeat(2001);
    let found = problems(&[&["text", "q1", &long]]);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].0, "sheet survey, row 2, column C (label)");
    let ProblemKind::Poll(e) = &found[0].1 else {
        panic!("{found:?}");
    };
    assert_eq!(e.path(), "items[0].label.vi");
    assert_eq!(
        e.kind(),
        &PollErrorKind::TooLong {
            len: 2001,
            max: 2000
        }
    );
    // A choice label: the cell in the choices sheet.
    let long_choice: &[&[&str]] = &[
        &["list_name", "name", "label"],
        &["k", "a", &long],
        &["k", "b", "B"],
    ];
    let found = problems_of(
        &book(&[&["select_one k", "q1", "Câu"]], long_choice),
        &options(),
    );
    assert_eq!(found[0].0, "sheet choices, row 2, column C (label)");
}

#[test]
fn bytes_that_are_not_a_workbook() {
    let problems = import(b"PK\x03\x04 not really", &options()).unwrap_err();
    assert_eq!(problems.len(), 1);
    assert!(matches!(
        problems[0].kind(),
        ProblemKind::NotAWorkbook { .. }
    ));
    assert_eq!(problems[0].at(), &Location::file());
    let big = vec![0u8; crate::sheet::MAX_BYTES + 1];
    let problems = import(&big, &options()).unwrap_err();
    assert_eq!(
        problems[0].kind(),
        &ProblemKind::TooLarge {
            bytes: crate::sheet::MAX_BYTES + 1,
            max: crate::sheet::MAX_BYTES
        }
    );
}

#[test]
fn every_message_is_in_both_languages() {
    let e = phieu_core::Poll::from_json("{").unwrap_err();
    let kinds = [
        ProblemKind::NotAWorkbook { detail: s("x") },
        ProblemKind::TooLarge { bytes: 2, max: 1 },
        ProblemKind::MissingSheet,
        ProblemKind::MissingColumn { header: "type" },
        ProblemKind::DuplicateColumn,
        ProblemKind::UnsupportedColumn,
        ProblemKind::MissingType,
        ProblemKind::UnsupportedType { found: s("x") },
        ProblemKind::Decimal,
        ProblemKind::MissingListName,
        ProblemKind::MissingList { list: s("x") },
        ProblemKind::TooFewChoices {
            list: s("x"),
            found: 1,
        },
        ProblemKind::MissingName,
        ProblemKind::BadName { name: s("x") },
        ProblemKind::DuplicateName {
            name: s("x"),
            id: s("x"),
            first_row: 2,
        },
        ProblemKind::MissingLabel { column: s("label") },
        ProblemKind::BadRequired { found: s("x") },
        ProblemKind::ComplexRelevant { found: s("x") },
        ProblemKind::RelevantUnknownQuestion { name: s("x") },
        ProblemKind::RelevantLaterQuestion { name: s("x") },
        ProblemKind::RelevantNotChoice { name: s("x") },
        ProblemKind::RelevantUnknownChoice {
            name: s("x"),
            choice: s("y"),
        },
        ProblemKind::RelevantEqualsOnMultiple { name: s("x") },
        ProblemKind::ConditionalNote,
        ProblemKind::NoVietnamese {
            default_language: Some(s("English")),
            found: vec![s("label")],
        },
        ProblemKind::NoVietnamese {
            default_language: None,
            found: vec![s("label::English")],
        },
        ProblemKind::LabelReference { name: s("x") },
        ProblemKind::ComplexConstraint { found: s("x") },
        ProblemKind::ConstraintNotForType {
            question_type: s("x"),
        },
        ProblemKind::NotWhole { found: s("x") },
        ProblemKind::EmptyRange { min: 2, max: 1 },
        ProblemKind::UnbalancedGroup { found: s("x") },
        ProblemKind::NoQuestions,
        ProblemKind::NoCommune,
        ProblemKind::BadFormId { found: s("x") },
        ProblemKind::Poll(e),
    ];
    for k in kinds {
        let (vi, en) = (k.message(Lang::Vi), k.message(Lang::En));
        assert!(!vi.is_empty() && !en.is_empty(), "{k:?}");
        assert_ne!(vi, en, "{k:?}");
    }
    for k in [
        SkipKind::Metadata { found: s("start") },
        SkipKind::TrailingNote,
        SkipKind::OtherLanguage {
            language: s("fr"),
            kept: s("km"),
        },
        SkipKind::UnknownLanguage { language: s("xx") },
        SkipKind::NoVietnamese {
            language: s("English"),
        },
        SkipKind::FormVersion,
        SkipKind::NotXlsForm,
        SkipKind::MaybeNotVietnamese,
        SkipKind::LabelReference {
            names: vec![s("ten")],
            questions: vec![1],
        },
        SkipKind::LikertWithoutValues,
        SkipKind::Identifying {
            what: Identity::Name,
        },
        SkipKind::Identifying {
            what: Identity::Phone,
        },
        SkipKind::Identifying {
            what: Identity::IdNumber,
        },
    ] {
        assert_ne!(k.message(Lang::Vi), k.message(Lang::En));
    }
}

// ---------------------------------------------------------------------------------------------
// Properties

fn cell(pool: &'static [&'static str]) -> impl Strategy<Value = &'static str> {
    proptest::sample::select(pool)
}

fn row() -> impl Strategy<Value = Vec<&'static str>> {
    (
        cell(&[
            "select_one yn",
            "select_multiple kenh",
            "select_one muc",
            "select_one nope",
            "integer",
            "text",
            "note",
            "begin group",
            "end group",
            "decimal",
            "geopoint",
            "start",
            "",
            "select_one yn or_other",
        ]),
        cell(&["q1", "q2", "q3", "Q1", "q 4", "", "n"]),
        cell(&["Câu hỏi", ""]),
        cell(&["", "yes", "maybe"]),
        cell(&[
            "",
            "${q1} = 'co'",
            "selected(${q2}, 'loa')",
            "${q9} = 'x'",
            "${q3} = 'khong' or ${q3} = 'co'",
            "x >",
        ]),
        cell(&[
            "",
            ". >= 0 and . <= 10",
            "count-selected(.) <= 1",
            "string-length(.) <= 20",
            "regex(.)",
        ]),
    )
        .prop_map(|(t, n, l, r, rel, c)| vec![t, n, l, "", "", r, rel, c, ""])
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    /// Whatever the rows, the importer either gives a poll the core accepts (and that reads back
    /// equal) or at least one problem, each inside the sheet; it never panics.
    #[test]
    fn any_rows_give_a_valid_poll_or_problems(rows in proptest::collection::vec(row(), 0..12)) {
        let survey: Vec<&[&str]> = rows.iter().map(Vec::as_slice).collect();
        match import_workbook(&book(&survey, CHOICES), &options()) {
            Ok(i) => {
                let poll = i.poll().unwrap();
                let again = Poll::from_json(&poll.to_json()).unwrap();
                prop_assert_eq!(&again, poll);
                prop_assert!(poll.items().len() <= rows.len());
            }
            Err(problems) => {
                prop_assert!(!problems.is_empty());
                for p in problems {
                    if let Some(r) = p.at().row_number() {
                        prop_assert!(r >= 1 && r as usize <= rows.len().max(CHOICES.len()) + 1, "{}", p);
                    }
                }
            }
        }
    }

    /// Bytes that are not a workbook are one problem, never a panic.
    #[test]
    fn any_bytes_are_read_or_refused(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        if let Err(problems) = import(&bytes, &options()) {
            prop_assert!(!problems.is_empty());
        }
    }
}
