//! The committed sample workbooks (tests/data/xlsform-*.xlsx, made by
//! examples/make_xlsforms.rs): the good Fatherland Front survey maps to the committed poll, can be
//! voted on, and its results export to XLSX and read back; the bad one lists exactly the
//! committed problems. `PHIEU_BLESS=1 cargo test -p phieu-xlsform` rewrites the golden files
//! (review the diff).

#[path = "../examples/support/forms.rs"]
mod forms;
#[path = "support/reference_export.rs"]
mod reference_export;

use std::io::Cursor;
use std::path::{Path, PathBuf};

use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};
use phieu_core::{Answer, AuditBundle, Ballot, BallotBox, Electorate, Lang, Minutes, Poll, Salt};
use phieu_xlsform::export::results_xlsx;
use phieu_xlsform::{group_problems, import, ImportOptions};

fn data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/data")
}

fn blessing() -> bool {
    std::env::var_os("PHIEU_BLESS").is_some()
}

/// Compares `actual` with tests/data/`name`, or writes it when blessing.
fn check_file(name: &str, actual: &[u8]) {
    let path = data().join(name);
    if blessing() {
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (PHIEU_BLESS=1 creates it)", path.display()));
    assert!(
        expected == actual,
        "{name} differs from what the code makes now (PHIEU_BLESS=1 rewrites it):\n--- expected\n{}\n--- actual\n{}",
        String::from_utf8_lossy(&expected),
        String::from_utf8_lossy(actual)
    );
}

fn read(name: &str) -> Vec<u8> {
    std::fs::read(data().join(name)).unwrap()
}

fn no_place(stem: &str) -> ImportOptions {
    ImportOptions {
        file_stem: stem.into(),
        ..ImportOptions::default()
    }
}

/// Messages in Vietnamese, then a blank line, then in English.
fn both(messages: impl Fn(Lang) -> Vec<String>) -> String {
    format!(
        "{}\n\n{}\n",
        messages(Lang::Vi).join("\n"),
        messages(Lang::En).join("\n")
    )
}

fn good_poll() -> Poll {
    import(&read("xlsform-mttq.xlsx"), &no_place("xlsform-mttq"))
        .unwrap()
        .poll()
        .unwrap()
        .clone()
}

#[test]
fn the_samples_are_what_the_generator_makes() {
    check_file("xlsform-mttq.xlsx", &forms::good().unwrap());
    check_file("xlsform-bad.xlsx", &forms::bad().unwrap());
    check_file("xlsform-khmer.xlsx", &forms::khmer().unwrap());
    check_file("xlsform-english.xlsx", &forms::english_only().unwrap());
}

#[test]
fn the_good_form_maps_to_the_expected_poll() {
    let imported = import(&read("xlsform-mttq.xlsx"), &no_place("xlsform-mttq")).unwrap();
    check_file(
        "xlsform-mttq.poll.json",
        imported.poll().unwrap().to_json().as_bytes(),
    );
    let skipped = both(|lang| imported.skipped().iter().map(|s| s.message(lang)).collect());
    check_file("xlsform-mttq.skipped.txt", skipped.as_bytes());
    let poll = imported.poll().unwrap();
    assert!(poll.items().len() >= 10);
    // The committed poll is one the core reads back to the same hash.
    let committed = std::fs::read_to_string(data().join("xlsform-mttq.poll.json")).unwrap();
    assert_eq!(Poll::from_json(&committed).unwrap().hash(), poll.hash());
}

/// Issue 20, item 3: `label::Vietnamese (vi)` and `label::Khmer (km)` columns import with both,
/// the French column too many is left out and said so, and the poll's Khmer is in its
/// canonical form (the hash of a poll read back is the same).
#[test]
fn a_vietnamese_and_khmer_form_imports_with_both() {
    let imported = import(&read("xlsform-khmer.xlsx"), &no_place("xlsform-khmer")).unwrap();
    let poll = imported.poll().unwrap();
    let tags: Vec<String> = poll.languages().iter().map(|t| t.to_string()).collect();
    assert_eq!(tags, ["km"]);
    let first = &poll.items()[0];
    assert_eq!(
        first.label().vi(),
        "Ông/bà có đồng ý làm đường bê tông không?"
    );
    assert_eq!(first.label().in_tag("km"), "តើលោក/លោកស្រីយល់ព្រមសាងសង់ផ្លូវបេតុងទេ?");
    let options: Vec<(&str, &str)> = first
        .kind()
        .options()
        .iter()
        .map(|o| (o.label().vi(), o.label().in_tag("km")))
        .collect();
    assert_eq!(options, [("Có", "បាទ/ចាស"), ("Không", "ទេ")]);
    assert_eq!(poll.items()[2].label().in_tag("km"), "មតិផ្សេងទៀត");
    // The title is the form's Vietnamese title, with no Khmer: a voter sees the Vietnamese.
    assert_eq!(poll.title().in_tag("km"), "Khảo sát đường và nước sạch");
    let again = Poll::from_json(&poll.to_json()).unwrap();
    assert_eq!(again.hash(), poll.hash());
    let said: Vec<String> = phieu_xlsform::group_skipped(imported.skipped())
        .iter()
        .map(|g| g.message(Lang::En))
        .collect();
    assert_eq!(said, ["sheet survey, row 1, column E (label::French (fr)): left out the \"French (fr)\" column: a poll carries Vietnamese, English and one more language, here \"km\" (the form's default_language, else its first other language)"]);
}

/// Issue 23, item 6: an English-only form imports with its English in the English slot and
/// every Vietnamese text empty, said once; it is not a poll until the Vietnamese is written.
#[test]
fn an_english_only_form_waits_for_its_vietnamese() {
    let imported = import(&read("xlsform-english.xlsx"), &no_place("xlsform-english")).unwrap();
    assert!(imported.poll().is_none());
    let dto = imported.needs_vietnamese().unwrap();
    assert_eq!(dto.title.en.as_deref(), Some("Road survey"));
    assert_eq!(dto.title.vi, "");
    for item in &dto.items {
        assert_eq!(item.label.vi, "", "{}", item.id);
        assert!(item.label.en.is_some());
    }
    let said = phieu_xlsform::group_skipped(imported.skipped());
    assert_eq!(said.len(), 1);
    assert_eq!(said[0].kind(), "NoVietnamese");
}

#[test]
fn the_bad_form_lists_exactly_the_expected_problems() {
    let problems = import(&read("xlsform-bad.xlsx"), &no_place("xlsform-bad")).unwrap_err();
    // As the command and the office page list them: gathered by cause, with their rows.
    let groups = group_problems(&problems);
    let text = both(|lang| groups.iter().map(|g| g.message(lang)).collect());
    check_file("xlsform-bad.problems.txt", text.as_bytes());
    assert!(problems.len() >= 10, "{problems:#?}");
}

// ---------------------------------------------------------------------------------------------
// Voting on the imported poll, and exporting the results

fn choice(id: &str) -> Answer {
    Answer::choice(id)
}

fn choices(ids: &[&str], free_text: Option<&str>) -> Answer {
    Answer::Choices {
        options: ids.iter().map(|s| s.to_string()).collect(),
        free_text: free_text.map(Into::into),
    }
}

fn text(s: &str) -> Answer {
    Answer::Text(s.into())
}

const B: Answer = Answer::Blank;

/// Four respondents of the good survey, following its skip logic.
fn bundle() -> AuditBundle {
    let poll = good_poll();
    let ballots = [
        vec![
            choice("nam"),
            choice("duoi_30"),
            Answer::Number(4),
            choice("co"),
            choices(&["loa", "zalo"], None),
            choice("4"),
            choice("co"),
            Answer::Number(3),
            choice("5"),
            B,
            choice("khong"),
            text("Cần họp thôn buổi tối"),
        ],
        vec![
            choice("nu"),
            choice("tu_60"),
            Answer::Number(2),
            choice("khong"),
            B,
            choice("2"),
            choice("khong"),
            B,
            choice("1"),
            text("Ít được hỏi ý kiến"),
            choice("co"),
            B,
        ],
        vec![
            choice("nu"),
            choice("tu_30_den_59"),
            Answer::Number(5),
            choice("co"),
            choices(&["bang_tin", "other"], Some("Qua con cháu")),
            choice("3"),
            choice("co"),
            Answer::Number(1),
            choice("2"),
            text("Họp xong không thông báo kết quả"),
            B,
            text("Cần họp thôn buổi tối"),
        ],
        vec![
            choice("nam"),
            choice("tu_60"),
            Answer::Number(1),
            choice("co"),
            choices(&["truong_thon"], None),
            choice("5"),
            choice("khong"),
            B,
            choice("4"),
            B,
            choice("co"),
            B,
        ],
    ];
    let mut b = BallotBox::new(poll.clone());
    for (i, answers) in ballots.into_iter().enumerate() {
        let ballot = Ballot::new(&poll, answers, Salt::from_bytes([i as u8 + 1; 16])).unwrap();
        b.cast(ballot).unwrap();
    }
    let minutes = Minutes::new(
        "Nhà văn hóa thôn Bình An".into(),
        "Tháng 3/2026".into(),
        vec![],
        vec![],
        String::new(),
    )
    .unwrap();
    AuditBundle::new(b, Electorate::new(50, None).unwrap(), minutes).unwrap()
}

/// Every sheet of a workbook: its name and its cells.
fn sheets(bytes: &[u8]) -> Vec<(String, Vec<Vec<Data>>)> {
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes.to_vec())).unwrap();
    book.sheet_names()
        .into_iter()
        .map(|name| {
            let range = book.worksheet_range(&name).unwrap();
            let rows = range.rows().map(<[Data]>::to_vec).collect();
            (name, rows)
        })
        .collect()
}

fn s(d: &Data) -> String {
    d.to_string()
}

fn f(d: &Data) -> f64 {
    match d {
        Data::Float(x) => *x,
        Data::Int(x) => *x as f64,
        other => panic!("not a number: {other:?}"),
    }
}

#[test]
fn results_export_to_xlsx_and_read_back() {
    let bundle = bundle();
    let bytes = results_xlsx(&bundle, Lang::Vi).unwrap();
    // The same box gives the same bytes: nothing in the file says when it was made.
    assert_eq!(results_xlsx(&bundle, Lang::Vi).unwrap(), bytes);
    let sheets = sheets(&bytes);
    let names: Vec<&str> = sheets.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["Tóm tắt", "Kết quả", "Phiếu", "Ý kiến"]);

    // Summary: the denominator, the counts, the fingerprint.
    let summary = &sheets[0].1;
    let value = |label: &str| -> &Data {
        &summary
            .iter()
            .find(|r| s(&r[0]) == label)
            .unwrap_or_else(|| panic!("{label}"))[1]
    };
    assert_eq!(s(value("Mã")), "mttq_dan_chu_co_so_2026");
    assert_eq!(s(value("Loại")), "survey");
    assert_eq!(f(value("Tổng số cử tri (mẫu số)")), 50.0);
    assert_eq!(f(value("Số phiếu")), 4.0);
    assert_eq!(
        s(value("Mã kiểm tra hòm phiếu")),
        bundle.fingerprint().short()
    );
    assert_eq!(s(value("Mã biên bản")), bundle.minutes_code().short());
    assert_eq!(
        s(value("Mã biên bản (đầy đủ)")),
        bundle.minutes_code().to_hex()
    );
    assert_eq!(s(value("Kết quả")), "Không quyết định (khảo sát ý kiến)");

    // Results: the CSV's rows, with numbers as numbers and shares of the electorate.
    let results = &sheets[1].1;
    assert_eq!(s(&results[0][6]), "Tỷ lệ trên tổng số cử tri");
    let row = |item: &str, option: &str| {
        results
            .iter()
            .find(|r| s(&r[0]) == item && s(&r[2]) == option)
            .unwrap_or_else(|| panic!("{item} {option}"))
    };
    let hai_long_1 = row("hai_long", "1");
    assert_eq!(s(&hai_long_1[3]), "Rất không hài lòng");
    assert_eq!(f(&hai_long_1[4]), 1.0);
    assert_eq!(f(&hai_long_1[5]), 50.0);
    assert_eq!(f(&hai_long_1[6]), 0.02);
    assert_eq!(f(&hai_long_1[7]), 3.0); // (5 + 1 + 2 + 4) / 4
    assert_eq!(f(&row("hinh_thuc", "other")[4]), 1.0);
    let blank_rows: Vec<_> = results
        .iter()
        .filter(|r| s(&r[3]) == "(để trống)")
        .collect();
    assert_eq!(blank_rows.len(), bundle.poll().items().len());
    // A question the skip logic did not ask is counted apart from one left blank (issue 22,
    // item 6): its two rows add up to the tally's blank.
    let skipped: Vec<_> = results
        .iter()
        .filter(|r| s(&r[3]) == "(không hỏi)")
        .collect();
    assert!(!skipped.is_empty());
    for r in skipped {
        let (index, tally) = bundle
            .poll()
            .items()
            .iter()
            .zip(bundle.tally().items())
            .find(|(i, _)| i.id() == s(&r[0]))
            .unwrap();
        assert!(index.show_if().is_some());
        assert_eq!(
            f(&r[4]) + f(&blank_rows.iter().find(|b| s(&b[0]) == index.id()).unwrap()[4]),
            tally.blank() as f64,
            "{}",
            index.id()
        );
    }
    for (item, tally) in bundle.poll().items().iter().zip(bundle.tally().items()) {
        for (option, count) in item.kind().options().iter().zip(tally.counts()) {
            assert_eq!(f(&row(item.id(), option.id())[4]), *count as f64);
        }
    }

    // Ballots: one row each, numbered, in commitment order, labels for choices.
    let ballots = &sheets[2].1;
    assert_eq!(s(&ballots[0][1]), "gioi_tinh");
    // The opening note and the group's label are shown with the first question.
    assert!(s(&ballots[1][1]).starts_with("Ủy ban Mặt trận Tổ quốc xã"));
    assert!(
        s(&ballots[1][1]).ends_with("ghi tên người trả lời.\nPhần I. Thông tin chung\nGiới tính")
    );
    assert_eq!(ballots.len(), 2 + 4);
    let so_nguoi = 1 + bundle
        .poll()
        .items()
        .iter()
        .position(|i| i.id() == "so_nguoi")
        .unwrap();
    for (k, (row, ballot)) in ballots[2..]
        .iter()
        .zip(bundle.ballot_box().ballots())
        .enumerate()
    {
        assert_eq!(f(&row[0]), (k + 1) as f64);
        let Answer::Number(n) = ballot.answers()[so_nguoi - 1] else {
            panic!()
        };
        assert_eq!(f(&row[so_nguoi]), n as f64);
    }
    let hinh_thuc: Vec<String> = ballots[2..].iter().map(|r| s(&r[5])).collect();
    assert!(
        hinh_thuc.contains(&"Loa truyền thanh; Nhóm Zalo của thôn, xã".to_owned()),
        "{hinh_thuc:?}"
    );
    assert!(
        hinh_thuc.contains(&"Bảng tin ở nhà văn hóa thôn, trụ sở xã; Khác".to_owned()),
        "{hinh_thuc:?}"
    );

    // Written answers: apart from the ballots, sorted, each as often as given.
    let written = &sheets[3].1;
    let kien_nghi: Vec<String> = written
        .iter()
        .filter(|r| s(&r[0]) == "kien_nghi")
        .map(|r| s(&r[2]))
        .collect();
    assert_eq!(
        kien_nghi,
        ["Cần họp thôn buổi tối", "Cần họp thôn buổi tối"]
    );
    let texts: Vec<String> = written[1..].iter().map(|r| s(&r[2])).collect();
    assert!(texts.contains(&"Qua con cháu".to_owned()));
    assert!(
        !ballots.iter().flatten().any(|c| s(c).contains("Cần họp")),
        "written words stay off the ballot rows"
    );

    // Nothing links a row to a voter: no commitment, receipt code or salt anywhere.
    let every_cell: Vec<String> = sheets
        .iter()
        .flat_map(|(_, rows)| rows.iter().flatten().map(s))
        .collect();
    for ballot in bundle.ballot_box().ballots() {
        let secrets = [
            ballot.commitment().to_hex(),
            ballot.receipt().to_string(),
            ballot.salt().to_hex(),
        ];
        for secret in secrets {
            assert!(!every_cell.iter().any(|c| c.contains(&secret)), "{secret}");
        }
    }
}

#[test]
fn english_results_have_english_sheets() {
    let bytes = results_xlsx(&bundle(), Lang::En).unwrap();
    let sheets = sheets(&bytes);
    let names: Vec<&str> = sheets.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["Summary", "Results", "Ballots", "Written answers"]);
    assert!(s(&sheets[2].1[1][1]).ends_with("who answers.\nPart I. About you\nSex"));
}

// ---------------------------------------------------------------------------------------------
// The small writer against rust_xlsxwriter, the reference writer

/// A decision by two thirds of the households (the demo poll): an outcome, "Ý kiến khác" texts
/// and those present, which the survey above does not have.
fn decision_bundle() -> AuditBundle {
    let json = std::fs::read_to_string(data().join("../../assets/polls/demo.json")).unwrap();
    let poll = Poll::from_json(&json).unwrap();
    let other = |t: &str| Answer::Choice {
        option: "y_kien_khac".into(),
        free_text: Some(t.into()),
    };
    let answers = [
        choice("dong_y"),
        choice("dong_y"),
        choice("khong_dong_y"),
        other("Làm đường rộng hơn & có rãnh <thoát nước>"),
        other("_x0041_ không phải chữ A"),
        choice("dong_y"),
    ];
    let mut b = BallotBox::new(poll.clone());
    for (i, answer) in answers.into_iter().enumerate() {
        let ballot = Ballot::new(&poll, vec![answer], Salt::from_bytes([i as u8 + 7; 16])).unwrap();
        b.cast(ballot).unwrap();
    }
    let minutes = Minutes::new(
        "Nhà văn hóa thôn Đồng Tâm".into(),
        "19 giờ 30, ngày 25/11/2026".into(),
        vec![],
        vec![],
        String::new(),
    )
    .unwrap();
    AuditBundle::new(b, Electorate::new(12, Some(11)).unwrap(), minutes).unwrap()
}

/// A sheet's name and its cells: row, column, and the value with its type.
type TypedSheet = (String, Vec<(u32, u32, String)>);

/// Every cell of every sheet as calamine reads it.
fn typed_cells(bytes: &[u8]) -> Vec<TypedSheet> {
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes.to_vec())).unwrap();
    book.sheet_names()
        .into_iter()
        .map(|name| {
            let range = book.worksheet_range(&name).unwrap();
            let (r0, c0) = range.start().unwrap_or((0, 0));
            let cells = range
                .used_cells()
                .filter(|(_, _, d)| !matches!(d, Data::Empty | Data::String(_) if d.to_string().is_empty()))
                .map(|(r, c, d)| (r0 + r as u32, c0 + c as u32, format!("{d:?}")))
                .collect();
            (name, cells)
        })
        .collect()
}

#[test]
fn the_export_has_rust_xlsxwriters_cells() {
    for bundle in [bundle(), decision_bundle()] {
        for lang in [Lang::Vi, Lang::En] {
            let ours = results_xlsx(&bundle, lang).unwrap();
            let reference = reference_export::results_xlsx(&bundle, lang).unwrap();
            let (ours, reference) = (typed_cells(&ours), typed_cells(&reference));
            assert_eq!(ours.len(), 4);
            assert_eq!(ours, reference, "{lang:?}");
        }
    }
}

#[test]
fn the_decision_exports_its_outcome_and_texts_as_written() {
    let bytes = results_xlsx(&decision_bundle(), Lang::Vi).unwrap();
    let sheets = sheets(&bytes);
    let summary = &sheets[0].1;
    let row = |label: &str| summary.iter().find(|r| s(&r[0]) == label).unwrap().clone();
    assert_eq!(f(&row("Số người có mặt")[1]), 11.0);
    assert!(
        s(&row("Kết quả")[1]).starts_with("q1: "),
        "{:?}",
        row("Kết quả")
    );
    let texts: Vec<String> = sheets[3].1[1..].iter().map(|r| s(&r[2])).collect();
    assert_eq!(
        texts,
        [
            "Làm đường rộng hơn & có rãnh <thoát nước>",
            "_x0041_ không phải chữ A"
        ]
    );
    // The share of the total electorate: 3 of 12 households agreed.
    let agree = sheets[1].1.iter().find(|r| s(&r[2]) == "dong_y").unwrap();
    assert_eq!(f(&agree[6]), 3.0 / 12.0);
}

mod written_workbooks {
    use super::*;
    use phieu_xlsform::xlsx_write::{Book, Sheet, Style, Value};
    use proptest::prelude::*;

    fn value() -> impl Strategy<Value = Value> {
        prop_oneof![
            "\\PC{1,12}".prop_map(Value::Text),
            "[ <>&\"'_x0-9A-Fa-f\\t\\n\\r\\u{1}\\u{7f}ếđ😀]{1,12}".prop_map(Value::Text),
            (-1_000_000i64..1_000_000).prop_map(|n| Value::Number(n as f64)),
            (-1e6f64..1e6).prop_map(Value::Number),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

        /// Whatever cells the small writer is given, calamine reads them back as given.
        #[test]
        fn any_cells_read_back_as_written(
            sheets in proptest::collection::vec(
                proptest::collection::btree_map((0u32..40, 0u16..12), value(), 0..40), 1..4)
        ) {
            let book = Book {
                title: "thử".into(),
                sheets: sheets.iter().enumerate().map(|(i, cells)| {
                    let mut sheet = Sheet::new(&format!("Trang {i}"));
                    for ((r, c), v) in cells {
                        sheet.write(*r, *c, v.clone(), Style::Plain);
                    }
                    sheet.freeze(1, 1);
                    sheet
                }).collect(),
            };
            let bytes = book.to_bytes().unwrap();
            let read = typed_cells(&bytes);
            for ((name, cells), (i, given)) in read.iter().zip(sheets.iter().enumerate()) {
                prop_assert_eq!(name, &format!("Trang {i}"));
                let expected: Vec<(u32, u32, String)> = given
                    .iter()
                    .map(|((r, c), v)| {
                        let d = match v {
                            Value::Text(t) => Data::String(t.clone()),
                            Value::Number(n) => Data::Float(*n),
                        };
                        (*r, u32::from(*c), format!("{d:?}"))
                    })
                    .collect();
                let mut cells = cells.clone();
                cells.sort();
                prop_assert_eq!(cells, expected);
            }
            // And this crate's own reader reads the same.
            prop_assert_eq!(our_cells(&bytes), calamine_cells(&bytes));
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The reader against calamine, the reference reader

/// Every sheet's cells that hold something, as calamine reads them.
fn calamine_cells(bytes: &[u8]) -> Vec<(String, Vec<phieu_xlsform::xlsx::Cell>)> {
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes.to_vec())).unwrap();
    book.sheet_names()
        .into_iter()
        .map(|name| {
            let range = book.worksheet_range(&name).unwrap();
            let (r0, c0) = range.start().unwrap_or((0, 0));
            let mut cells: Vec<_> = range
                .used_cells()
                .map(|(r, c, d)| {
                    let text = match d {
                        Data::Bool(b) => b.to_string(),
                        other => other.to_string().trim().to_owned(),
                    };
                    (r0 + r as u32, c0 + c as u32, text)
                })
                .filter(|(_, _, t)| !t.is_empty())
                .collect();
            cells.sort();
            (name, cells)
        })
        .collect()
}

fn our_cells(bytes: &[u8]) -> Vec<(String, Vec<phieu_xlsform::xlsx::Cell>)> {
    let mut sheets = phieu_xlsform::xlsx::sheets(bytes).unwrap();
    for (_, cells) in &mut sheets {
        cells.sort();
    }
    sheets
}

#[test]
fn the_reader_gives_calamines_cells() {
    let bundle = bundle();
    for bytes in [
        read("xlsform-mttq.xlsx"),
        read("xlsform-bad.xlsx"),
        results_xlsx(&bundle, Lang::Vi).unwrap(),
        results_xlsx(&bundle, Lang::En).unwrap(),
    ] {
        assert_eq!(our_cells(&bytes), calamine_cells(&bytes));
    }
}

mod random_workbooks {
    use super::*;
    use proptest::prelude::*;
    use rust_xlsxwriter::Workbook;

    #[derive(Debug, Clone)]
    enum Value {
        Text(String),
        Number(f64),
        Bool(bool),
    }

    fn value() -> impl Strategy<Value = Value> {
        prop_oneof![
            "\\PC{0,12}".prop_map(Value::Text),
            "[ <>&\"'_x0-9A-Fa-f\\t\\n\\r\\u{1}\\u{7f}ếđ😀]{0,12}".prop_map(Value::Text),
            (-1_000_000i64..1_000_000).prop_map(|n| Value::Number(n as f64)),
            (-1e6f64..1e6).prop_map(Value::Number),
            any::<bool>().prop_map(Value::Bool),
        ]
    }

    fn sheet() -> impl Strategy<Value = Vec<(u32, u16, Value)>> {
        proptest::collection::vec((0u32..40, 0u16..12, value()), 0..40)
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

        /// Any workbook rust_xlsxwriter writes reads the same with this crate's reader and
        /// with calamine.
        #[test]
        fn any_workbook_reads_as_calamine_reads_it(sheets in proptest::collection::vec(sheet(), 1..4)) {
            let mut book = Workbook::new();
            for cells in &sheets {
                let ws = book.add_worksheet();
                for (r, c, v) in cells {
                    match v {
                        Value::Text(s) => ws.write_string(*r, *c, s).map(|_| ()),
                        Value::Number(n) => ws.write_number(*r, *c, *n).map(|_| ()),
                        Value::Bool(b) => ws.write_boolean(*r, *c, *b).map(|_| ()),
                    }
                    .unwrap();
                }
            }
            let bytes = book.save_to_buffer().unwrap();
            prop_assert_eq!(our_cells(&bytes), calamine_cells(&bytes));
        }
    }
}

mod damaged_workbooks {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

        /// The good sample with bytes changed, cut or not: a poll or problems, never a panic.
        #[test]
        fn a_damaged_sample_is_read_or_refused(
            flips in proptest::collection::vec((any::<proptest::sample::Index>(), any::<u8>()), 1..8),
            cut in proptest::option::of(any::<proptest::sample::Index>()),
        ) {
            let mut bytes = read("xlsform-mttq.xlsx");
            for (at, byte) in flips {
                let i = at.index(bytes.len());
                bytes[i] = byte;
            }
            if let Some(cut) = cut {
                bytes.truncate(cut.index(bytes.len()));
            }
            match import(&bytes, &no_place("x")) {
                Ok(i) => prop_assert!(i.poll().is_none_or(|p| !p.items().is_empty())),
                Err(problems) => prop_assert!(!problems.is_empty()),
            }
        }
    }
}
