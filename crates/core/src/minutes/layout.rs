//! The counting minutes laid out once, as [`Block`]s that every front end renders: the CLI as
//! text and as printable HTML, the app as its print page. The layout follows the kind of poll
//! ([`MinutesKind`]): a village meeting prints D59 Mẫu 02 (commune People's Committee and
//! village heading, household representatives, two household witnesses, three copies); opinion
//! forms handed to every household print D59 Mẫu 04's title and count forms issued and returned,
//! with no one present and so no quorum; a People's Council's confidence rating or vote counts
//! delegates and has no household witnesses; a staff conference counts those convened and
//! states its two-thirds quorum (L 51, L 69); a survey counts the people asked and is signed by
//! whoever made the record. docs/legal.md §12 says which of these wordings were read in an
//! official form and which were not.
//!
//! Shares are always of the total electorate (domain brief, "the denominator"). Nothing here
//! decides anything: outcomes come from `crate::rule`, and the quorum lines repeat the same
//! integer tests (`rule::more_than_half`, `rule::at_least_two_thirds`).

mod kind;
mod words;

pub use kind::MinutesKind;

use crate::ballot_box::BoxFingerprint;
use crate::bundle::{AuditBundle, MinutesCode, PublicSummary};
use crate::counted::By;
use crate::lang::Lang;
use crate::merge::BoxEntry;
use crate::minutes::Minutes;
use crate::poll::{Item, Poll, PollKind};
use crate::results::item_rows;
use crate::rule::{Electorate, Outcome};
use crate::tally::Tally;
use words::{quorum, tr, words};

/// Dots left for a person to fill in by hand on the paper.
pub const DOTS: &str = "……………………………………";

/// One piece of the minutes, in reading order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// The issuer (left, e.g. the commune People's Committee and the village) and the national
    /// heading (right); a text rendering puts them one under the other.
    Heading {
        issuer: Vec<String>,
        nation: Vec<String>,
    },
    Title(String),
    /// The "Về việc …" line under the title.
    Subject(String),
    /// A numbered part of the minutes ("I. SỐ LIỆU CHUNG").
    Section(String),
    Line(String),
    /// A label and numbered entries; no entries means dots to fill in by hand.
    List {
        label: String,
        entries: Vec<String>,
    },
    /// (label, value) pairs, one a line.
    Figures(Vec<(String, String)>),
    /// A captioned table: a head row and rows of as many cells.
    Table {
        caption: String,
        head: Vec<String>,
        rows: Vec<Vec<String>>,
    },
    /// The outcome of an item under the rule, as a sentence.
    Outcome {
        label: String,
        sentence: String,
    },
    /// A code printed for checking: the box check code or the minutes code, short and in full
    /// (a front end may add a QR code of `full`).
    Code {
        code: CodeKind,
        label: String,
        short: String,
        full: String,
        note: String,
    },
    /// Signature lines, one per (role, name); an empty name is written by hand.
    Signatures(Vec<(String, String)>),
}

/// Which code a [`Block::Code`] shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeKind {
    /// The box check code (fingerprint of every ballot in the box).
    Box,
    /// The minutes code, which a paper copy is checked against (docs/bundle-format.md §Minutes
    /// code); it stands after the signatures.
    Minutes,
}

/// The minutes of one closed box: its kind, the recipients of its copies (one copy each), the
/// sentence saying so, and the blocks of one copy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    pub kind: MinutesKind,
    pub recipients: Vec<String>,
    pub blocks: Vec<Block>,
}

/// What the minutes are made from: an audit bundle's or a public summary's parts, and for a
/// merged bundle the boxes it came from.
#[derive(Debug, Clone, Copy)]
pub struct Record<'a> {
    pub poll: &'a Poll,
    pub electorate: &'a Electorate,
    pub minutes: &'a Minutes,
    pub tally: &'a Tally,
    pub outcomes: &'a [Outcome],
    pub fingerprint: BoxFingerprint,
    pub minutes_code: MinutesCode,
    pub boxes: &'a [BoxEntry],
}

impl<'a> Record<'a> {
    pub fn of_audit(b: &'a AuditBundle) -> Record<'a> {
        Record {
            poll: b.poll(),
            electorate: b.electorate(),
            minutes: b.minutes(),
            tally: b.tally(),
            outcomes: b.outcomes(),
            fingerprint: b.fingerprint(),
            minutes_code: b.minutes_code(),
            boxes: &[],
        }
    }

    pub fn of_summary(s: &'a PublicSummary) -> Record<'a> {
        Record {
            poll: s.poll(),
            electorate: s.electorate(),
            minutes: s.minutes(),
            tally: s.tally(),
            outcomes: s.outcomes(),
            fingerprint: s.fingerprint(),
            minutes_code: s.minutes_code(),
            boxes: &[],
        }
    }

    /// The same record listing the boxes a merged bundle came from.
    pub fn with_boxes(self, boxes: &'a [BoxEntry]) -> Record<'a> {
        Record { boxes, ..self }
    }
}

fn or_dots(s: &str) -> String {
    if s.trim().is_empty() {
        DOTS.to_owned()
    } else {
        s.to_owned()
    }
}

/// An item's title in the minutes: its label, and the person it is about (a rating, a vote).
pub fn item_title(item: &Item, lang: Lang) -> String {
    match item.person() {
        Some(p) => match p.position() {
            Some(pos) => format!(
                "{} — {}, {}",
                item.label().get(lang),
                p.name(),
                pos.get(lang)
            ),
            None => format!("{} — {}", item.label().get(lang), p.name()),
        },
        None => item.label().get(lang).to_owned(),
    }
}

/// The minutes of `r` in `lang` (the legal record is the Vietnamese one).
pub fn minutes_layout(r: Record<'_>, lang: Lang) -> Layout {
    let kind = MinutesKind::of(r.poll, r.electorate);
    let w = words(kind, lang);
    let m = r.minutes;
    let e = r.electorate;
    let t = r.tally;
    let place = r.poll.place();
    let subject = r.poll.subject().unwrap_or(r.poll.title()).get(lang);
    let mut b = Vec::new();

    // Heading and title.
    let committee = format!(
        "{} {}",
        tr(lang, "ỦY BAN NHÂN DÂN", "PEOPLE'S COMMITTEE OF"),
        place.commune().to_uppercase()
    );
    let mut issuer = match kind {
        MinutesKind::Council => vec![format!(
            "{} {}",
            tr(lang, "HỘI ĐỒNG NHÂN DÂN", "PEOPLE'S COUNCIL OF"),
            place.commune().to_uppercase()
        )],
        _ => vec![committee],
    };
    if !place.village().is_empty() && kind != MinutesKind::Council {
        issuer.push(place.village().to_uppercase());
    }
    b.push(Block::Heading {
        issuer,
        nation: vec![
            tr(
                lang,
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "SOCIALIST REPUBLIC OF VIETNAM",
            ),
            tr(
                lang,
                "Độc lập - Tự do - Hạnh phúc",
                "Independence - Freedom - Happiness",
            ),
        ],
    });
    b.push(Block::Title(match (kind, r.poll.kind()) {
        (MinutesKind::Survey, _) => tr(
            lang,
            "BIÊN BẢN TỔNG HỢP PHIẾU LẤY Ý KIẾN",
            "RECORD OF THE OPINION FORMS COLLECTED",
        ),
        (MinutesKind::Council, PollKind::ConfidenceRating) => tr(
            lang,
            "BIÊN BẢN KIỂM PHIẾU LẤY PHIẾU TÍN NHIỆM",
            "COUNTING MINUTES OF THE CONFIDENCE RATING",
        ),
        (MinutesKind::Council, _) => tr(
            lang,
            "BIÊN BẢN KIỂM PHIẾU BỎ PHIẾU TÍN NHIỆM",
            "COUNTING MINUTES OF THE CONFIDENCE VOTE",
        ),
        _ => tr(lang, "BIÊN BẢN KIỂM PHIẾU", "COUNTING MINUTES"),
    }));
    b.push(Block::Subject(match kind {
        // D59 Mẫu 04's title.
        MinutesKind::HouseholdForms => format!(
            "{} {subject}",
            tr(
                lang,
                "Về việc phát phiếu lấy ý kiến của hộ gia đình về",
                "On opinion forms handed to every household about"
            )
        ),
        _ => format!("{} {subject}", tr(lang, "Về việc", "On")),
    }));

    // When, where, who.
    if kind.is_meeting() {
        b.push(Block::Line(format!(
            "{} {}, {} {}.",
            tr(lang, "Hôm nay, vào hồi", "Today, at"),
            or_dots(m.time()),
            tr(lang, "tại", "at"),
            or_dots(m.place())
        )));
        b.push(Block::Figures(vec![
            (tr(lang, "Chủ trì", "Chaired by"), or_dots(m.chair())),
            (tr(lang, "Thư ký", "Secretary"), or_dots(m.secretary())),
        ]));
    } else {
        b.push(Block::Figures(vec![
            (
                tr(lang, "Thời gian lấy ý kiến", "When opinions were collected"),
                or_dots(m.time()),
            ),
            (tr(lang, "Địa điểm", "Place"), or_dots(m.place())),
        ]));
    }
    let village_board = matches!(
        kind,
        MinutesKind::VillageMeeting | MinutesKind::HouseholdForms
    );
    match kind {
        MinutesKind::Survey => b.push(Block::Figures(vec![(
            tr(lang, "Người lập biên bản", "Recorded by"),
            or_dots(m.secretary()),
        )])),
        _ => {
            // D59 Mẫu 02 names the head of the board "Tổ trưởng", the others "Thành viên".
            let (head, member) = if village_board {
                (
                    tr(lang, "Tổ trưởng", "head"),
                    tr(lang, "Thành viên", "member"),
                )
            } else {
                (
                    tr(lang, "Trưởng Ban", "head"),
                    tr(lang, "Thành viên", "member"),
                )
            };
            b.push(Block::List {
                label: tr(
                    lang,
                    "Ban kiểm phiếu gồm các ông (bà) có tên sau",
                    "The counting board",
                ),
                entries: m
                    .board()
                    .iter()
                    .enumerate()
                    .map(|(i, n)| format!("{n} — {}", if i == 0 { &head } else { &member }))
                    .collect(),
            });
        }
    }
    // Household witnesses only where households vote (D59 3.5, Mẫu 02); forms list them when
    // some were recorded.
    if kind == MinutesKind::VillageMeeting
        || (kind == MinutesKind::HouseholdForms && !m.witnesses().is_empty())
    {
        b.push(Block::List {
            label: tr(
                lang,
                "Đại diện hộ gia đình chứng kiến việc kiểm phiếu gồm",
                "Household representatives witnessing the count",
            ),
            entries: m.witnesses().to_vec(),
        });
    }

    // I. Figures.
    b.push(Block::Section(tr(lang, "I. SỐ LIỆU CHUNG", "I. FIGURES")));
    let mut figures = vec![(w.total.clone(), e.total().to_string())];
    match kind {
        MinutesKind::HouseholdForms => {
            figures.push((
                tr(lang, "Số phiếu phát ra", "Forms issued"),
                e.total().to_string(),
            ));
            figures.push((
                tr(lang, "Số phiếu thu về", "Forms returned"),
                t.ballots().to_string(),
            ));
        }
        MinutesKind::Survey => {
            if e.present().is_some() {
                figures.push((w.present.clone(), quorum(kind, e, lang)));
            }
            figures.push((
                tr(lang, "Số phiếu thu về", "Forms returned"),
                t.ballots().to_string(),
            ));
        }
        _ if m.counted().covers(r.poll) => {
            // Every item voted by hands or on paper (issue 19): the tablet took no ballot, so
            // the paper's figures below stand alone.
            figures.push((w.present.clone(), quorum(kind, e, lang)));
        }
        _ => {
            figures.push((w.present.clone(), quorum(kind, e, lang)));
            // A ballot is issued each time the tablet is unlocked for a voter (issue 19, item
            // 3); a bundle from before that count has every ballot issued to be cast.
            let issued = m.issued().unwrap_or(t.ballots());
            figures.push((
                tr(lang, "Số phiếu phát ra", "Ballots issued"),
                issued.to_string(),
            ));
            figures.push((
                tr(lang, "Số phiếu thu vào", "Ballots returned"),
                t.ballots().to_string(),
            ));
            if let Some(n) = issued.checked_sub(t.ballots()).filter(|&n| n > 0) {
                figures.push((
                    tr(
                        lang,
                        "Số phiếu phát ra không thu vào (cử tri không bấm Xác nhận, hoặc cán bộ hủy lượt)",
                        "Issued, not returned (the voter did not confirm, or the officer cancelled)",
                    ),
                    n.to_string(),
                ));
            }
        }
    }
    let counted = m.counted();
    if !counted.covers(r.poll) {
        figures.push((
            tr(lang, "Số phiếu hợp lệ", "Valid"),
            t.valid_ballots().to_string(),
        ));
        figures.push((
            tr(
                lang,
                "Số phiếu trắng (để trống toàn bộ)",
                "Blank (nothing marked)",
            ),
            t.blank_ballots().to_string(),
        ));
    }
    // The paper ballots of the items voted on paper, as the board counted them.
    if let Some(p) = counted.paper() {
        figures.extend([
            (
                tr(lang, "Số phiếu giấy phát ra", "Paper ballots issued"),
                p.issued.to_string(),
            ),
            (
                tr(lang, "Số phiếu giấy thu vào", "Paper ballots returned"),
                p.returned.to_string(),
            ),
            (
                tr(lang, "Số phiếu giấy hợp lệ", "Valid paper ballots"),
                p.valid().to_string(),
            ),
            (
                tr(lang, "Số phiếu giấy không hợp lệ", "Invalid paper ballots"),
                p.invalid.to_string(),
            ),
        ]);
    }
    b.push(Block::Figures(figures));
    if counted.items().iter().any(|c| c.by == By::Paper) {
        b.push(Block::Line(tr(
            lang,
            "Phiếu giấy được Ban kiểm phiếu đọc từng phiếu; hai người đếm độc lập trên máy tính bảng, hai kết quả khớp nhau trước khi lập biên bản.",
            "The board read out each paper ballot; two counters counted independently on the tablet, and their counts agreed before these minutes were made.",
        )));
    }
    if kind == MinutesKind::HouseholdForms {
        b.push(Block::Line(tr(
            lang,
            "Lấy ý kiến bằng phiếu phát tới từng hộ gia đình, không họp: không có số người có mặt và không xét điều kiện cuộc họp hợp lệ; tỷ lệ tính trên tổng số hộ gia đình.",
            "Opinion forms handed to every household, no meeting: no one is present and no quorum applies; shares are of all households.",
        )));
    }
    // The kiosk writes the test's result as a whole sentence; print it as written.
    b.push(Block::Line(if m.logic_and_accuracy_test().is_empty() {
        format!(
            "{}: {}",
            tr(
                lang,
                "Chạy thử trước khi bỏ phiếu",
                "Test run before voting"
            ),
            tr(lang, "không ghi", "not recorded")
        )
    } else {
        m.logic_and_accuracy_test().to_owned()
    }));

    // II. Per item.
    b.push(Block::Section(w.per_item.clone()));
    for (i, (item, it)) in r.poll.items().iter().zip(t.items()).enumerate() {
        let share = |n: u64| e.share(n).percent(lang);
        let free: Vec<String> = it.free_texts().map(str::to_owned).collect();
        // The rows every front end shows (`results::item_rows`): options or "answered", then
        // skipped by the poll's logic (không hỏi) apart from left blank (issue 22, item 6).
        let rows: Vec<Vec<String>> = item_rows(item, it)
            .iter()
            .map(|row| {
                vec![
                    row.label(lang).to_owned(),
                    row.count().to_string(),
                    share(row.count()),
                ]
            })
            .collect();
        let by = counted.by(item.id());
        let counted_as = match by {
            Some(By::Hands) => tr(lang, "Số người giơ tay", "Hands"),
            _ => tr(lang, "Số phiếu", "Ballots"),
        };
        b.push(Block::Table {
            caption: format!("{}. {}", i + 1, item_title(item, lang)),
            head: vec![
                tr(lang, "Lựa chọn", "Option"),
                counted_as,
                tr(lang, "Tỷ lệ", "Share"),
            ],
            rows,
        });
        if let Some(by) = by {
            b.push(Block::Line(format!("{}.", by.label(lang))));
        }
        if let Some(mean) = it.mean() {
            b.push(Block::Line(format!(
                "{}: {}",
                tr(lang, "Điểm trung bình", "Mean"),
                mean.display(lang)
            )));
        }
        if !free.is_empty() {
            b.push(Block::List {
                label: tr(lang, "Ý kiến ghi thêm", "Written opinions"),
                entries: free,
            });
        }
        // A board with several seats has one outcome per candidate.
        for o in r.outcomes.iter().filter(|o| o.item() == item.id()) {
            b.push(Block::Outcome {
                label: tr(lang, "Kết quả", "Outcome"),
                sentence: o.sentence(lang),
            });
        }
    }
    if r.outcomes.is_empty() {
        b.push(Block::Outcome {
            label: tr(lang, "Kết quả", "Outcome"),
            sentence: tr(
                lang,
                "Lấy ý kiến, không biểu quyết.",
                "An opinion survey, nothing to decide.",
            ),
        });
    }

    // III. The boxes of a merged bundle.
    if !r.boxes.is_empty() {
        b.push(Block::Section(tr(
            lang,
            "III. CÁC HÒM PHIẾU ĐIỆN TỬ ĐÃ GỘP",
            "III. THE ELECTRONIC BOXES MERGED",
        )));
        b.push(Block::Table {
            caption: String::new(),
            head: vec![
                tr(lang, "Hòm", "Box"),
                tr(lang, "Mã kiểm tra hòm phiếu điện tử", "Box check code"),
                tr(lang, "Mã biên bản", "Minutes code"),
                tr(lang, "Số phiếu", "Ballots"),
                tr(lang, "Nơi, thời gian", "Place, time"),
            ],
            rows: r
                .boxes
                .iter()
                .enumerate()
                .map(|(i, x)| {
                    vec![
                        (i + 1).to_string(),
                        x.fingerprint().short(),
                        x.minutes_code().short(),
                        x.ballots().to_string(),
                        format!("{}, {}", x.place(), x.time()),
                    ]
                })
                .collect(),
        });
    }

    b.push(Block::Code {
        code: CodeKind::Box,
        label: tr(lang, "Mã kiểm tra hòm phiếu điện tử", "Box check code"),
        short: r.fingerprint.short(),
        full: r.fingerprint.to_hex(),
        note: tr(
            lang,
            "Mã kiểm tra được tính từ toàn bộ phiếu trong hòm; bất kỳ ai có tệp kiểm tra đều tính lại được.",
            "Computed from every ballot in the box; anyone with the audit file can compute it again.",
        ),
    });

    // The end of the count. A survey is not a meeting: it has no count that ends at an hour
    // ("vào hồi" is a meeting's clock time, not a date) and no officer's PIN; it states when
    // its responses were summed up only if that was recorded (issue 22, item 6).
    let mut closing = Vec::new();
    if kind != MinutesKind::Survey {
        closing.push((
            tr(
                lang,
                "Việc kiểm phiếu kết thúc vào hồi",
                "The count ended at",
            ),
            or_dots(m.closed_at()),
        ));
    } else if !m.closed_at().is_empty() {
        closing.push((
            tr(lang, "Tổng hợp phiếu xong lúc", "Forms summed up on"),
            m.closed_at().to_owned(),
        ));
    }
    if kind != MinutesKind::Survey || !m.complaints().is_empty() {
        closing.push((
            tr(
                lang,
                "Khiếu nại, tố cáo (nếu có)",
                "Complaints raised (if any)",
            ),
            or_dots(m.complaints()),
        ));
    }
    if kind != MinutesKind::Survey {
        closing.push((
            tr(
                lang,
                "Số lần nhập sai mã PIN hoặc mã mời cử tri trong cuộc họp",
                "Wrong tries of the officer's PIN or voter code during the meeting",
            ),
            m.wrong_pins().to_string(),
        ));
    }
    if !closing.is_empty() {
        b.push(Block::Figures(closing));
    }
    b.push(Block::Line(w.copies.clone()));

    // Signatures: the board, head first, and the household witnesses; lines to fill in by hand
    // when the file names no one.
    let member = tr(lang, "Thành viên Ban kiểm phiếu", "Counting board member");
    let mut sigs: Vec<(String, String)> = Vec::new();
    if kind == MinutesKind::Survey {
        sigs.push((
            tr(lang, "Người lập biên bản", "Recorded by"),
            m.secretary().to_owned(),
        ));
    } else if m.board().is_empty() {
        sigs.push((w.board_head.clone(), String::new()));
        sigs.push((member.clone(), String::new()));
        sigs.push((member.clone(), String::new()));
    } else {
        sigs.extend(m.board().iter().enumerate().map(|(i, n)| {
            let role = if i == 0 { &w.board_head } else { &member };
            (role.clone(), n.clone())
        }));
    }
    let witness = tr(lang, "Người chứng kiến", "Witness");
    if kind == MinutesKind::VillageMeeting && m.witnesses().is_empty() {
        sigs.push((witness.clone(), String::new()));
        sigs.push((witness.clone(), String::new()));
    } else if matches!(
        kind,
        MinutesKind::VillageMeeting | MinutesKind::HouseholdForms
    ) {
        sigs.extend(m.witnesses().iter().map(|n| (witness.clone(), n.clone())));
    }
    b.push(Block::Signatures(sigs));

    // The code a paper copy is checked against (docs/bundle-format.md §Minutes code), on every
    // copy after the signatures: it covers everything above.
    b.push(Block::Code {
        code: CodeKind::Minutes,
        label: tr(lang, "Mã biên bản", "Minutes code"),
        short: r.minutes_code.short(),
        full: r.minutes_code.to_hex(),
        note: tr(
            lang,
            "Dùng để đối chiếu tệp kết quả với bản giấy này (trang Kiểm chứng tệp kết quả, hoặc phieu verify --paper): tệp có kết quả, số cử tri hoặc biên bản khác sẽ có mã khác.",
            "Checks a results file against this paper (the Verify page, or phieu verify --paper): a file with other results, electorate or minutes has another code.",
        ),
    });

    Layout {
        kind,
        recipients: w.recipients,
        blocks: b,
    }
}

#[cfg(test)]
mod tests;
