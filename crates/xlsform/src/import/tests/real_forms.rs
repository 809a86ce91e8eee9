//! Forms shaped like the ones others really circulate (issue 23): a Kobo form with a consent
//! gate on a group and skip logic inside it, a legacy pyxform form, a form with a repeat, one
//! with a test column on its choices, and English-only forms. Each imports with its notices, or
//! is refused with every problem at once, grouped by cause.

use phieu_core::{is_shown, Answer, ItemKind, Lang};
use serde_json::json;

use crate::problem::{group_problems, group_skipped};

use super::super::*;
use super::*;

fn workbook(survey: &[&[&str]], choices: &[&[&str]], settings: &[&[&str]]) -> Workbook {
    Workbook {
        survey: Some(Sheet::from_cells("survey", survey)),
        choices: (!choices.is_empty()).then(|| Sheet::from_cells("choices", choices)),
        settings: (!settings.is_empty()).then(|| Sheet::from_cells("settings", settings)),
    }
}

fn options() -> ImportOptions {
    ImportOptions {
        commune: Some("Xã Tân Hòa".into()),
        village: None,
        file_stem: "form".into(),
    }
}

/// The notices (left out, warnings) grouped, in English.
fn notices(i: &Imported) -> Vec<String> {
    group_skipped(i.skipped())
        .iter()
        .map(|g| g.message(Lang::En))
        .collect()
}

/// The problems grouped, in English.
fn grouped(book: &Workbook) -> Vec<String> {
    match import_workbook(book, &options()) {
        Ok(i) => panic!("imported: {:?}", i.poll()),
        Err(problems) => group_problems(&problems)
            .iter()
            .map(|g| g.message(Lang::En))
            .collect(),
    }
}

fn show_if_json(poll: &Poll, id: &str) -> serde_json::Value {
    let item = poll.items().iter().find(|i| i.id() == id).unwrap();
    let json: serde_json::Value = serde_json::from_str(&poll.to_json()).unwrap();
    let index = poll
        .items()
        .iter()
        .position(|i| i.id() == item.id())
        .unwrap();
    json["items"][index]["show_if"].clone()
}

const KOBO_CHOICES: &[&[&str]] = &[
    &[
        "list_name",
        "name",
        "label::Vietnamese (vi)",
        "label::English (en)",
        "$kuid",
    ],
    &["yn", "yes", "Có", "Yes", "k1"],
    &["yn", "no", "Không", "No", "k2"],
    &["water", "well", "Giếng", "Well", "k3"],
    &["water", "tap", "Nước máy", "Tap", "k4"],
    &["water", "river", "Sông, suối", "River", "k5"],
    &["water", "pond", "Ao, hồ", "Pond", "k6"],
    &["sat", "1", "Rất không hài lòng", "Very dissatisfied", "k7"],
    &["sat", "2", "Không hài lòng", "Dissatisfied", "k8"],
    &["sat", "3", "Hài lòng", "Satisfied", "k9"],
];

/// Kobo's own layout: language columns as Kobo writes them, `$kuid`, the automatic fields, a
/// consent gate on a group, skip logic inside, `__version__` written on deploy.
#[test]
fn a_kobo_form_with_a_consent_gated_group_imports() {
    let survey: &[&[&str]] = &[
        &[
            "type",
            "$kuid",
            "name",
            "label::Vietnamese (vi)",
            "label::English (en)",
            "required",
            "relevant",
            "constraint",
            "constraint_message::English (en)",
            "appearance",
        ],
        &["start", "a1", "start", "", "", "", "", "", "", ""],
        &["end", "a2", "end", "", "", "", "", "", "", ""],
        &[
            "select_one yn",
            "a3",
            "consent",
            "Ông/bà đồng ý trả lời?",
            "Do you consent?",
            "true",
            "",
            "",
            "",
            "",
        ],
        &[
            "begin_group",
            "a4",
            "household",
            "Hộ gia đình",
            "Household",
            "",
            "${consent} = 'yes'",
            "",
            "",
            "",
        ],
        &[
            "integer",
            "a5",
            "members",
            "Số người trong hộ?",
            "Household members?",
            "true",
            "",
            ". >= 0 and . <= 30",
            "0 to 30",
            "",
        ],
        &[
            "select_multiple water",
            "a6",
            "water",
            "Nguồn nước?",
            "Water sources?",
            "true",
            "",
            "",
            "",
            "",
        ],
        &[
            "text",
            "a7",
            "why",
            "Vì sao dùng nước sông, ao?",
            "Why river or pond water?",
            "false",
            "selected(${water}, 'river') or selected(${water}, 'pond')",
            "",
            "",
            "",
        ],
        &[
            "select_one sat",
            "a8",
            "satisfied",
            "Mức hài lòng (hộ ${members} người)?",
            "Satisfaction (${members} people)?",
            "true",
            "",
            "",
            "",
            "likert",
        ],
        &["end_group", "a9", "", "", "", "", "", "", "", ""],
        &[
            "calculate",
            "a10",
            "__version__",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
        ],
    ];
    let settings: &[&[&str]] = &[&["form_title", "version"], &["Nước sạch", "vAbc"]];
    let book = workbook(survey, KOBO_CHOICES, settings);
    let imported = import_workbook(&book, &options()).unwrap_or_else(|p| panic!("{p:#?}"));
    let poll = imported.poll().unwrap();
    let ids: Vec<&str> = poll.items().iter().map(|i| i.id()).collect();
    assert_eq!(ids, ["consent", "members", "water", "why", "satisfied"]);
    // The gate alone on the group's questions; the gate AND the row's own test on "why".
    assert_eq!(
        show_if_json(poll, "members"),
        json!({"item": "consent", "any_of": ["yes"]})
    );
    assert_eq!(
        show_if_json(poll, "why"),
        json!({"all": [
            {"item": "consent", "any_of": ["yes"]},
            {"item": "water", "any_of": ["river", "pond"]}
        ]})
    );
    // The range constraint is the number's range; likert with values is a scale.
    assert_eq!(
        poll.items()[1].kind(),
        &ItemKind::Number { min: 0, max: 30 }
    );
    assert_eq!(poll.items()[4].kind().name(), "scale");
    // The reference in a label points at its question, and says so.
    assert_eq!(
        poll.items()[4].label().vi(),
        "Mức hài lòng (hộ (câu trả lời câu 2) người)?"
    );
    assert_eq!(
        notices(&imported),
        [
            "sheet survey, row 2, column A (type): left out the automatic field \"start\": phieu records no time, device or respondent",
            "sheet survey, row 3, column A (type): left out the automatic field \"end\": phieu records no time, device or respondent",
            "sheet survey, row 9, column D (label::Vietnamese (vi)): the label shows an earlier answer, which phieu does not show inside another question: ${members} became \"(the answer to question 2)\"",
            "sheet survey, row 11, column A (type): left out Kobo's calculate __version__ row, written on each deploy: it records the form's version and asks nothing",
        ]
    );
    // The core asks: "why" only for a consenting household on river or pond water.
    let answers = |consent: &str, water: &[&str]| {
        vec![
            Answer::choice(consent),
            Answer::Number(4),
            Answer::Choices {
                options: water.iter().map(|w| (*w).to_owned()).collect(),
                free_text: None,
            },
            Answer::Blank,
            Answer::Blank,
        ]
    };
    assert!(is_shown(poll, &answers("yes", &["well", "pond"]), 3));
    assert!(!is_shown(poll, &answers("yes", &["well", "tap"]), 3));
    assert!(!is_shown(poll, &answers("no", &["river"]), 3));
}

/// A legacy pyxform form: `label:English` with one colon, `select one from`, `select all that
/// apply from … or specify other`, `bind:*` columns, and a name asked in an anonymous survey.
#[test]
fn a_legacy_pyxform_form_imports() {
    let survey: &[&[&str]] = &[
        &[
            "type",
            "name",
            "label:Vietnamese",
            "label:English",
            "bind:relevant",
            "bind:constraint",
            "bind:required",
            "bind:jr:constraintMsg",
        ],
        &[
            "text",
            "respondent_name",
            "Họ tên người trả lời",
            "Respondent's name",
            "",
            "",
            "no",
            "",
        ],
        &[
            "select one from yesno",
            "farm",
            "Hộ có làm nông nghiệp?",
            "Does the household farm?",
            "",
            "",
            "yes",
            "",
        ],
        &[
            "select all that apply from crops or specify other",
            "crops",
            "Cây trồng chính?",
            "Main crops?",
            "${farm} = 'yes'",
            "count-selected(.) <= 2",
            "yes",
            "At most two",
        ],
        &[
            "integer",
            "age",
            "Tuổi chủ hộ?",
            "Age of the head?",
            "",
            ". >= 18 and . <= 120",
            "yes",
            "18-120",
        ],
    ];
    let choices: &[&[&str]] = &[
        &["list name", "name", "label:Vietnamese", "label:English"],
        &["yesno", "yes", "Có", "Yes"],
        &["yesno", "no", "Không", "No"],
        &["crops", "rice", "Lúa", "Rice"],
        &["crops", "maize", "Ngô", "Maize"],
        &["crops", "coffee", "Cà phê", "Coffee"],
    ];
    let imported = import_workbook(&workbook(survey, choices, &[]), &options())
        .unwrap_or_else(|p| panic!("{p:#?}"));
    let poll = imported.poll().unwrap();
    let crops = &poll.items()[2];
    assert_eq!(crops.label().en(), Some("Main crops?"));
    let ItemKind::Multiple { options, min, max } = crops.kind() else {
        panic!("{:?}", crops.kind());
    };
    assert_eq!((*min, *max, options.len()), (0, 2, 4));
    assert!(
        options[3].free_text(),
        "or specify other is Khác with free text"
    );
    assert!(crops.required());
    assert_eq!(
        show_if_json(poll, "crops"),
        json!({"item": "farm", "any_of": ["yes"]})
    );
    assert_eq!(
        poll.items()[3].kind(),
        &ItemKind::Number { min: 18, max: 120 }
    );
    assert_eq!(
        notices(&imported),
        ["sheet survey, row 2, column C (label:Vietnamese): warning: this question asks for a name in an anonymous survey; the answer ties the whole ballot to the respondent. Remove it unless it is truly needed"]
    );
}

/// A repeat, and mistakes inside and after it: every one at once, grouped by cause.
#[test]
fn a_form_with_a_repeat_is_refused_with_every_problem_grouped() {
    let mut survey: Vec<&[&str]> = vec![
        &["type", "name", "label", "relevant", "default"],
        &["select_one yn", "consent", "Đồng ý?", "", ""],
        &[
            "begin repeat",
            "member",
            "Thành viên",
            "${consent} = 'yes'",
            "",
        ],
        &["text", "member_name", "", "", ""],
        &["integer", "member_age", "", "", "30"],
        &[
            "decimal",
            "member_income",
            "Thu nhập?",
            "${member_age} > 15",
            "",
        ],
        &["end repeat", "", "", "", ""],
    ];
    // Twelve more questions without a Vietnamese label, after the repeat.
    let rows: Vec<Vec<String>> = (1..=12)
        .map(|n| {
            vec![
                "text".into(),
                format!("q{n}"),
                String::new(),
                String::new(),
                String::new(),
            ]
        })
        .collect();
    let rows: Vec<Vec<&str>> = rows
        .iter()
        .map(|r| r.iter().map(String::as_str).collect())
        .collect();
    survey.extend(rows.iter().map(Vec::as_slice));
    let choices: &[&[&str]] = &[
        &["list_name", "name", "label"],
        &["yn", "yes", "Có"],
        &["yn", "no", "Không"],
    ];
    assert_eq!(
        grouped(&workbook(&survey, choices, &[])),
        [
            "sheet survey, row 3, column A (type): phieu does not support the question type \"begin repeat\" (supported: select_one, select_multiple, integer, text, note, begin/end group)",
            "sheet survey, rows 4–5, 8–19 (14 rows), column C (label): no Vietnamese label: the cell of column label is empty",
            "sheet survey, row 5, column E (default): phieu cannot do what this XLSForm column asks (a default, a choice filter, a calculation, media …), and leaving it out would change the form: empty the cell or delete the column",
            "sheet survey, row 6, column A (type): phieu records whole numbers only: change the type to integer if whole numbers will do (for example m² instead of ha)",
            "sheet survey, row 6, column D (relevant): the condition \"${member_age} > 15\" is too complex: phieu shows a question by the answers to earlier questions, written ${q} = 'x' or selected(${q}, 'x'), joined by and, or and brackets",
        ]
    );
}

/// A test column on the choices (Kobo's `pastel` colour data) and a notes column on the survey:
/// not XLSForm, so left out with one notice each, not refused.
#[test]
fn columns_that_are_not_xlsform_are_left_out_once() {
    let survey: &[&[&str]] = &[
        &["type", "name", "label", "notes", "note"],
        &[
            "select_one colour",
            "colour",
            "Màu nhà văn hóa?",
            "hỏi anh Tuấn",
            "xem lại",
        ],
        &["select_one colour", "colour2", "Màu cổng?", "bản thử"],
    ];
    let choices: &[&[&str]] = &[
        &["list_name", "name", "label", "pastel", "test"],
        &["colour", "xanh", "Xanh", "yes", "x"],
        &["colour", "vang", "Vàng", "no", ""],
    ];
    let imported = import_workbook(&workbook(survey, choices, &[]), &options())
        .unwrap_or_else(|p| panic!("{p:#?}"));
    assert_eq!(imported.poll().unwrap().items().len(), 2);
    let left_out = "left out this column: it is not an XLSForm column (notes, a test column, data of its own), and ODK does not read it either";
    assert_eq!(
        notices(&imported),
        [
            format!("sheet survey, row 1, column D (notes): {left_out}"),
            format!("sheet survey, row 1, column E (note): {left_out}"),
            format!("sheet choices, row 1, column D (pastel): {left_out}"),
            format!("sheet choices, row 1, column E (test): {left_out}"),
        ]
    );
}

/// An English-only form: refused once, for its sheet, naming its default_language (never
/// English in the Vietnamese slot, docs/xlsform.md §Languages); with a plain `label` and no
/// language named, imported with a notice in both languages.
#[test]
fn an_english_only_form_is_refused_once_or_said() {
    let survey: &[&[&str]] = &[
        &["type", "name", "label::English (en)", "hint::English (en)"],
        &["select_one yn", "q1", "Do you agree?", ""],
        &["text", "q2", "Why?", "A few words"],
        &["note", "n1", "Thank you", ""],
    ];
    let choices: &[&[&str]] = &[
        &["list_name", "name", "label::English (en)"],
        &["yn", "yes", "Yes"],
        &["yn", "no", "No"],
    ];
    let settings: &[&[&str]] = &[&["default_language"], &["English (en)"]];
    // Issue 23, item 6: imported with the English in its slot and no Vietnamese at all, said
    // once, for the designer to finish; never English in the Vietnamese slot.
    let imported = import_workbook(&workbook(survey, choices, settings), &options()).unwrap();
    assert!(imported.poll().is_none());
    let dto = imported.needs_vietnamese().unwrap();
    assert_eq!(dto.title.vi, "");
    let labels: Vec<(&str, Option<&str>)> = dto
        .items
        .iter()
        .map(|i| (i.label.vi.as_str(), i.label.en.as_deref()))
        .collect();
    assert_eq!(
        labels,
        [
            ("", Some("Do you agree?")),
            ("", Some("Why?\n(A few words)"))
        ]
    );
    let options_vi: Vec<&str> = dto.items[0]
        .options
        .iter()
        .flatten()
        .map(|o| o.label.vi.as_str())
        .collect();
    assert_eq!(options_vi, ["", ""]);
    let said = notices(&imported);
    assert!(
        said.iter().any(|n| n.starts_with("sheet survey: the form has no Vietnamese labels: its labels were imported in \"English (en)\"")),
        "{said:#?}"
    );
    // Without default_language the same.
    let imported = import_workbook(&workbook(survey, choices, &[]), &options()).unwrap();
    assert!(imported.needs_vietnamese().is_some());
    assert!(group_skipped(imported.skipped())
        .iter()
        .any(|g| g.message(Lang::Vi).contains("không có nhãn tiếng Việt")));
    // A plain label, no language named, not one Vietnamese letter: imported, and said.
    let plain: &[&[&str]] = &[
        &["type", "name", "label"],
        &["select_one yn", "q1", "Do you agree?"],
    ];
    let plain_choices: &[&[&str]] = &[
        &["list_name", "name", "label"],
        &["yn", "yes", "Yes"],
        &["yn", "no", "No"],
    ];
    let imported = import_workbook(&workbook(plain, plain_choices, &[]), &options()).unwrap();
    let said = group_skipped(imported.skipped());
    assert_eq!(said.len(), 1);
    assert_eq!(said[0].kind(), "MaybeNotVietnamese");
    assert!(said[0].message(Lang::Vi).contains("ô tiếng Việt"));
    assert!(said[0].message(Lang::En).contains("Vietnamese slot"));
}

/// A calculate is one problem, its type; its `calculation` cell is not a second (issue 23,
/// item 8). A condition on it says it has no choices to test.
#[test]
fn a_calculate_is_one_problem() {
    let survey: &[&[&str]] = &[
        &["type", "name", "label", "calculation", "relevant"],
        &["integer", "adults", "Số người lớn?", "", ""],
        &["calculate", "half", "", "${adults} div 2", ""],
        &["text", "why", "Vì sao?", "", "${half} = '1'"],
    ];
    assert_eq!(
        grouped(&workbook(survey, &[], &[])),
        [
            "sheet survey, row 3, column A (type): phieu does not support the question type \"calculate\" (supported: select_one, select_multiple, integer, text, note, begin/end group)",
            "sheet survey, row 4, column E (relevant): a condition can only test a question with choices (select_one, select_multiple); \"half\" is not one",
        ]
    );
}

/// Issue 23, item 6 with issue 20, item 3: a form in Khmer only, as a Khmer village's committee
/// might circulate it, comes in with its Khmer in the second-language slot (its title too) and
/// its Vietnamese to write; with several languages the form's default_language is kept.
#[test]
fn a_khmer_only_form_lands_in_the_second_slot() {
    let survey: &[&[&str]] = &[
        &["type", "name", "label::Khmer (km)", "label::Thai (th)"],
        &["select_one yn", "q1", "យល់ព្រមទេ?", "เห็นด้วยไหม"],
    ];
    let choices: &[&[&str]] = &[
        &["list_name", "name", "label::Khmer (km)", "label::Thai (th)"],
        &["yn", "yes", "បាទ", "ใช่"],
        &["yn", "no", "ទេ", "ไม่"],
    ];
    let settings: &[&[&str]] = &[&["form_title"], &["ការស្ទង់មតិ"]];
    let imported = import_workbook(&workbook(survey, choices, settings), &options()).unwrap();
    let dto = imported.needs_vietnamese().unwrap();
    assert_eq!(dto.title.vi, "");
    assert_eq!(dto.title.others, [(s("km"), s("ការស្ទង់មតិ"))]);
    assert_eq!(dto.items[0].label.others, [(s("km"), s("យល់ព្រមទេ?"))]);
    assert_eq!(
        dto.items[0].options.as_ref().unwrap()[1].label.others,
        [(s("km"), s("ទេ"))]
    );
    let said = notices(&imported);
    assert!(
        said.iter().any(|n| n.contains("\"Thai (th)\" column")),
        "{said:#?}"
    );
    // The form's default_language decides which language is kept.
    let thai: &[&[&str]] = &[
        &["form_title", "default_language"],
        &["แบบสำรวจ", "Thai (th)"],
    ];
    let imported = import_workbook(&workbook(survey, choices, thai), &options()).unwrap();
    let dto = imported.needs_vietnamese().unwrap();
    assert_eq!(dto.items[0].label.others, [(s("th"), s("เห็นด้วยไหม"))]);
    assert_eq!(dto.title.others, [(s("th"), s("แบบสำรวจ"))]);
    assert!(notices(&imported)
        .iter()
        .any(|n| n.contains("\"Khmer (km)\" column")));
}
