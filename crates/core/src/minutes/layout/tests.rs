//! The layout's tests, one or more per kind of minutes.

use super::*;
use crate::ballot_box::BallotBox;
use crate::poll::Poll;

fn template(name: &str) -> Poll {
    let json = match name {
        "dong-gop" => include_str!("../../../../../assets/templates/dong-gop-cong-trinh.json"),
        "truong-thon" => include_str!("../../../../../assets/templates/bau-truong-thon.json"),
        "ban-giam-sat" => include_str!("../../../../../assets/templates/bau-ban-giam-sat.json"),
        "bo-phieu" => include_str!("../../../../../assets/templates/bo-phieu-tin-nhiem.json"),
        "lay-phieu" => include_str!("../../../../../assets/templates/lay-phieu-tin-nhiem.json"),
        "hoi-nghi" => include_str!("../../../../../assets/templates/hoi-nghi-can-bo.json"),
        "khao-sat" => include_str!("../../../../../assets/templates/khao-sat-mttq.json"),
        _ => unreachable!("no template {name}"),
    };
    Poll::from_json(json).unwrap()
}

fn names(n: usize, from: &[&str]) -> Vec<String> {
    from.iter().take(n).map(|s| (*s).to_owned()).collect()
}

const BOARD: [&str; 3] = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"];
const WITNESSES: [&str; 2] = ["Phạm Thị Dung", "Hoàng Văn Em"];

/// The Vietnamese minutes of an empty box of `poll` with `electorate`, a board of `board`
/// names and `witnesses` witnesses, and the secretary "Đỗ Thị Lan".
fn layout(poll: &str, electorate: Electorate, board: usize, witnesses: usize) -> Layout {
    let minutes = Minutes::new(
        "Hội trường".into(),
        "8 giờ 00, ngày 5/3/2027".into(),
        names(board, &BOARD),
        names(witnesses, &WITNESSES),
        String::new(),
    )
    .and_then(|m| {
        m.with_proceedings(
            String::new(),
            "Đỗ Thị Lan".into(),
            String::new(),
            String::new(),
        )
    })
    .unwrap();
    let bundle = AuditBundle::new(BallotBox::new(template(poll)), electorate, minutes).unwrap();
    minutes_layout(Record::of_audit(&bundle), Lang::Vi)
}

/// Every line of text the blocks hold, as a text rendering would show it.
fn lines(l: &Layout) -> Vec<String> {
    let mut out = Vec::new();
    for b in &l.blocks {
        match b {
            Block::Heading { issuer, nation } => {
                out.extend(issuer.iter().cloned());
                out.extend(nation.iter().cloned());
            }
            Block::Title(s) | Block::Subject(s) | Block::Section(s) | Block::Line(s) => {
                out.push(s.clone())
            }
            Block::List { label, entries } => {
                out.push(label.clone());
                out.extend(entries.iter().cloned());
            }
            Block::Figures(f) => out.extend(f.iter().map(|(k, v)| format!("{k}: {v}"))),
            Block::Table { caption, .. } => out.push(caption.clone()),
            Block::Outcome { label, sentence } => out.push(format!("{label}: {sentence}")),
            Block::Code { label, short, .. } => out.push(format!("{label}: {short}")),
            Block::Signatures(s) => out.extend(s.iter().map(|(r, n)| format!("{r}: {n}"))),
        }
    }
    out
}

fn has(l: &Layout, line: &str) -> bool {
    lines(l).iter().any(|s| s == line)
}

fn issuer(l: &Layout) -> Vec<String> {
    match &l.blocks[0] {
        Block::Heading { issuer, .. } => issuer.clone(),
        other => panic!("the minutes open with {other:?}"),
    }
}

fn title(l: &Layout) -> (String, String) {
    match (&l.blocks[1], &l.blocks[2]) {
        (Block::Title(t), Block::Subject(s)) => (t.clone(), s.clone()),
        other => panic!("no title: {other:?}"),
    }
}

fn signatures(l: &Layout) -> Vec<(String, String)> {
    l.blocks
        .iter()
        .find_map(|b| match b {
            Block::Signatures(s) => Some(s.clone()),
            _ => None,
        })
        .unwrap()
}

fn roles(l: &Layout) -> Vec<String> {
    signatures(l).into_iter().map(|(r, _)| r).collect()
}

fn mentions(l: &Layout, words: &str) -> bool {
    lines(l).iter().any(|s| s.contains(words))
}

#[test]
fn a_village_decision_prints_form_02_with_household_witnesses_and_its_quorum() {
    let l = layout("dong-gop", Electorate::new(100, Some(60)).unwrap(), 3, 2);
    assert_eq!(l.kind, MinutesKind::VillageMeeting);
    assert_eq!(issuer(&l), ["ỦY BAN NHÂN DÂN XÃ TÂN HÒA", "THÔN BÌNH AN"]);
    let (t, s) = title(&l);
    assert_eq!(t, "BIÊN BẢN KIỂM PHIẾU");
    assert!(s.starts_with("Về việc "), "{s}");
    assert!(has(&l, "Tổng số đại diện hộ gia đình: 100"));
    assert!(has(
        &l,
        "Số đại diện hộ gia đình có mặt: 60/100 (trên 50%: cuộc họp hợp lệ)"
    ));
    assert!(has(&l, "Nguyễn Văn An — Tổ trưởng"));
    assert!(has(&l, &format!("Chủ trì: {DOTS}")));
    assert!(has(&l, "Thư ký: Đỗ Thị Lan"));
    assert!(has(
        &l,
        &format!("Việc kiểm phiếu kết thúc vào hồi: {DOTS}")
    ));
    assert!(has(&l, &format!("Khiếu nại, tố cáo (nếu có): {DOTS}")));
    assert_eq!(
        roles(&l),
        [
            "Tổ trưởng Ban kiểm phiếu",
            "Thành viên Ban kiểm phiếu",
            "Thành viên Ban kiểm phiếu",
            "Người chứng kiến",
            "Người chứng kiến"
        ]
    );
    assert_eq!(l.recipients.len(), 3);
    assert_eq!(l.recipients[2], "Lưu: thôn, tổ dân phố");
    assert!(matches!(
        l.blocks.last(),
        Some(Block::Code {
            code: CodeKind::Minutes,
            ..
        })
    ));
}

#[test]
fn a_meeting_of_half_the_households_is_not_valid_and_an_unnamed_board_gets_lines_to_sign() {
    let l = layout("truong-thon", Electorate::new(100, Some(50)).unwrap(), 0, 0);
    assert_eq!(l.kind, MinutesKind::VillageMeeting);
    assert!(has(
        &l,
        "Số đại diện hộ gia đình có mặt: 50/100 (không quá 50%: cuộc họp không hợp lệ)"
    ));
    assert_eq!(
        signatures(&l),
        [
            ("Tổ trưởng Ban kiểm phiếu".to_owned(), String::new()),
            ("Thành viên Ban kiểm phiếu".to_owned(), String::new()),
            ("Thành viên Ban kiểm phiếu".to_owned(), String::new()),
            ("Người chứng kiến".to_owned(), String::new()),
            ("Người chứng kiến".to_owned(), String::new()),
        ]
    );
}

#[test]
fn a_board_election_is_a_village_meeting() {
    let l = layout("ban-giam-sat", Electorate::new(80, Some(41)).unwrap(), 3, 2);
    assert_eq!(l.kind, MinutesKind::VillageMeeting);
    assert!(has(
        &l,
        "Số đại diện hộ gia đình có mặt: 41/80 (trên 50%: cuộc họp hợp lệ)"
    ));
    assert_eq!(roles(&l).len(), 5);
}

#[test]
fn household_forms_print_form_04_without_anyone_present() {
    let l = layout(
        "dong-gop",
        Electorate::by_household_forms(120).unwrap(),
        3,
        0,
    );
    assert_eq!(l.kind, MinutesKind::HouseholdForms);
    let (t, s) = title(&l);
    assert_eq!(t, "BIÊN BẢN KIỂM PHIẾU");
    assert!(
        s.starts_with("Về việc phát phiếu lấy ý kiến của hộ gia đình về "),
        "{s}"
    );
    assert!(has(&l, "Tổng số hộ gia đình được phát phiếu: 120"));
    assert!(has(&l, "Số phiếu phát ra: 120"));
    assert!(has(&l, "Số phiếu thu về: 0"));
    assert!(!mentions(&l, "có mặt:"), "{:#?}", lines(&l));
    assert!(mentions(&l, "không xét điều kiện cuộc họp hợp lệ"));
    assert!(!mentions(&l, "Hôm nay"));
    assert!(!roles(&l).contains(&"Người chứng kiến".to_owned()));
    assert_eq!(l.recipients.len(), 3);
}

#[test]
fn a_confidence_vote_counts_delegates_under_the_council_without_household_witnesses() {
    for (poll, title_words) in [
        ("bo-phieu", "BIÊN BẢN KIỂM PHIẾU BỎ PHIẾU TÍN NHIỆM"),
        ("lay-phieu", "BIÊN BẢN KIỂM PHIẾU LẤY PHIẾU TÍN NHIỆM"),
    ] {
        let l = layout(poll, Electorate::new(30, Some(27)).unwrap(), 3, 0);
        assert_eq!(l.kind, MinutesKind::Council);
        assert_eq!(issuer(&l), ["HỘI ĐỒNG NHÂN DÂN XÃ TÂN HÒA"]);
        assert_eq!(title(&l).0, title_words);
        assert!(has(&l, "Tổng số đại biểu: 30"));
        assert!(has(&l, "Số đại biểu có mặt: 27/30"));
        assert!(!mentions(&l, "hộ gia đình"), "{:#?}", lines(&l));
        assert!(!mentions(&l, "thôn"), "{:#?}", lines(&l));
        assert_eq!(
            roles(&l),
            [
                "Trưởng Ban kiểm phiếu",
                "Thành viên Ban kiểm phiếu",
                "Thành viên Ban kiểm phiếu"
            ]
        );
        assert_eq!(l.recipients[0], "Thường trực Hội đồng nhân dân");
    }
}

#[test]
fn a_staff_conference_states_its_two_thirds_quorum_and_has_no_witnesses() {
    let l = layout("hoi-nghi", Electorate::new(30, Some(20)).unwrap(), 3, 0);
    assert_eq!(l.kind, MinutesKind::Conference);
    assert_eq!(issuer(&l), ["ỦY BAN NHÂN DÂN XÃ TÂN HÒA"]);
    assert!(has(&l, "Tổng số người được triệu tập: 30"));
    assert!(has(
        &l,
        "Số người dự hội nghị: 20/30 (từ hai phần ba trở lên: hội nghị hợp lệ)"
    ));
    assert!(!mentions(&l, "hộ gia đình"), "{:#?}", lines(&l));
    assert!(!roles(&l).contains(&"Người chứng kiến".to_owned()));
    let l = layout("hoi-nghi", Electorate::new(30, Some(19)).unwrap(), 0, 0);
    assert!(has(
        &l,
        "Số người dự hội nghị: 19/30 (dưới hai phần ba: hội nghị không hợp lệ)"
    ));
    assert_eq!(roles(&l).len(), 3, "blank lines for the board only");
}

#[test]
fn a_survey_counts_those_asked_and_is_signed_by_its_recorder() {
    let l = layout("khao-sat", Electorate::new(40, None).unwrap(), 0, 0);
    assert_eq!(l.kind, MinutesKind::Survey);
    assert!(has(&l, "Tổng số hộ, người được lấy ý kiến: 40"));
    assert!(has(&l, "Người lập biên bản: Đỗ Thị Lan"));
    assert!(!mentions(&l, "có mặt"));
    assert!(!mentions(&l, "chứng kiến"));
    assert_eq!(
        signatures(&l),
        [("Người lập biên bản".to_owned(), "Đỗ Thị Lan".to_owned())]
    );
    // A survey is not a meeting: no hour the count ended at, no officer's PIN (issue 22,
    // item 6).
    assert!(!mentions(&l, "vào hồi"), "{:#?}", lines(&l));
    assert!(!mentions(&l, "PIN"), "{:#?}", lines(&l));
    assert!(has(&l, "Thời gian lấy ý kiến: 8 giờ 00, ngày 5/3/2027"));
}

/// A question the poll's logic skipped is counted as not asked (không hỏi), apart from one
/// asked and left blank (để trống) (issue 22, item 6).
#[test]
fn a_survey_counts_skipped_questions_apart_from_blank_ones() {
    use crate::ballot::{Answer, Ballot, Salt};
    let poll = Poll::from_json(include_str!("../../../tests/data/survey-poll.json")).unwrap();
    let mut the_box = BallotBox::new(poll.clone());
    for (n, satisfaction, reason) in [
        (1, "hai_long", Answer::Blank),
        (2, "rat_hai_long", Answer::Blank),
        (3, "khong_hai_long", Answer::Blank),
    ] {
        let answers = vec![
            Answer::choice(satisfaction),
            reason,
            Answer::Blank,
            Answer::Blank,
        ];
        the_box
            .cast(Ballot::new(&poll, answers, Salt::from_bytes([n; 16])).unwrap())
            .unwrap();
    }
    let bundle = AuditBundle::new(
        the_box,
        Electorate::new(3, None).unwrap(),
        Minutes::default(),
    )
    .unwrap();
    let rows = |l: &Layout, caption: &str| -> Vec<Vec<String>> {
        l.blocks
            .iter()
            .find_map(|b| match b {
                Block::Table {
                    caption: c, rows, ..
                } if c.starts_with(caption) => Some(rows.clone()),
                _ => None,
            })
            .unwrap()
    };
    let vi = minutes_layout(Record::of_audit(&bundle), Lang::Vi);
    let tail = |r: Vec<Vec<String>>| r[r.len() - 2..].to_vec();
    assert_eq!(
        tail(rows(&vi, "2.")),
        [
            ["Không hỏi (bỏ qua theo câu trả lời trước)", "2", "66,67%"],
            ["Để trống", "1", "33,33%"],
        ]
    );
    // An item always asked keeps its one row.
    assert_eq!(
        rows(&vi, "3.").last().unwrap(),
        &["Để trống", "3", "100,00%"]
    );
    // The public summary has no ballots to tell them apart: one row, named for both.
    let summary = bundle.public_summary();
    let from_summary = minutes_layout(Record::of_summary(&summary), Lang::En);
    assert_eq!(
        rows(&from_summary, "2.").last().unwrap(),
        &["Blank or not asked", "3", "100.00%"]
    );
}

#[test]
fn english_minutes_name_the_same_parts() {
    let bundle = AuditBundle::new(
        BallotBox::new(template("hoi-nghi")),
        Electorate::new(30, Some(20)).unwrap(),
        Minutes::default(),
    )
    .unwrap();
    let l = minutes_layout(Record::of_audit(&bundle), Lang::En);
    assert!(has(&l, "Total people convened: 30"));
    assert!(has(
        &l,
        "Attendees: 20/30 (at least two-thirds: the conference is valid)"
    ));
}
