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

use crate::ballot_box::BoxFingerprint;
use crate::bundle::{AuditBundle, MinutesCode, PublicSummary};
use crate::lang::Lang;
use crate::merge::BoxEntry;
use crate::minutes::Minutes;
use crate::poll::{Item, ItemKind, Poll, PollKind, Preset};
use crate::rule::{at_least_two_thirds, more_than_half, Electorate, Method, Outcome};
use crate::tally::Tally;

/// Dots left for a person to fill in by hand on the paper.
pub const DOTS: &str = "……………………………………";

/// Which minutes a poll gets: each kind has its own heading, title, name for the electorate,
/// witnesses (or none), copies and signature lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MinutesKind {
    /// A village (or residential group) meeting of household representatives: a decision that
    /// is not a staff conference's, or an election (D59 Mẫu 02).
    VillageMeeting,
    /// Opinion forms handed to every household instead of a meeting (D59 Mẫu 04).
    HouseholdForms,
    /// A People's Council's confidence rating or confidence vote (R96, L87 63-64).
    Council,
    /// An agency or enterprise staff conference (L 51, L 69).
    Conference,
    /// An opinion survey: no decision, no board, no witnesses.
    Survey,
}

impl MinutesKind {
    pub fn of(poll: &Poll, electorate: &Electorate) -> MinutesKind {
        if electorate.method() == Method::HouseholdForms {
            return MinutesKind::HouseholdForms;
        }
        match (poll.kind(), poll.rule().preset()) {
            (PollKind::ConfidenceRating | PollKind::ConfidenceVote, _) => MinutesKind::Council,
            (_, Preset::Conference) => MinutesKind::Conference,
            (PollKind::Survey, _) | (_, Preset::None) => MinutesKind::Survey,
            _ => MinutesKind::VillageMeeting,
        }
    }

    /// Whether the ballots were cast at a sitting whose attendance the minutes state.
    pub fn is_meeting(self) -> bool {
        matches!(
            self,
            MinutesKind::VillageMeeting | MinutesKind::Council | MinutesKind::Conference
        )
    }
}

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

fn tr(lang: Lang, vi: &str, en: &str) -> String {
    lang.pick(vi, en).to_owned()
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

/// The words that change with the kind: who makes up the electorate, and who counts and signs.
struct Words {
    total: String,
    present: String,
    per_item: String,
    board_head: String,
    recipients: Vec<String>,
    copies: String,
}

fn words(kind: MinutesKind, lang: Lang) -> Words {
    let commune_three = || {
        (
            vec![
                tr(lang, "Ủy ban nhân dân xã", "Commune People's Committee"),
                tr(
                    lang,
                    "Ban Thường trực Ủy ban MTTQ Việt Nam xã",
                    "Standing committee of the commune Fatherland Front",
                ),
                tr(lang, "Lưu: thôn, tổ dân phố", "Archive: village"),
            ],
            tr(
                lang,
                "Biên bản được lập thành 03 bản: 01 bản gửi Ủy ban nhân dân xã, 01 bản gửi Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam xã, 01 bản lưu tại thôn, tổ dân phố.",
                "Made in 3 copies: one for the commune People's Committee, one for the standing committee of the commune Fatherland Front, one for the village archive.",
            ),
        )
    };
    let ((total, present, of), board_head, (recipients, copies)) = match kind {
        MinutesKind::VillageMeeting => (
            (
                tr(lang, "Tổng số đại diện hộ gia đình", "Total household representatives"),
                tr(lang, "Số đại diện hộ gia đình có mặt", "Household representatives present"),
                tr(lang, "tổng số đại diện hộ gia đình", "all household representatives"),
            ),
            tr(lang, "Tổ trưởng Ban kiểm phiếu", "Head of the counting board"),
            commune_three(),
        ),
        MinutesKind::HouseholdForms => (
            (
                tr(lang, "Tổng số hộ gia đình được phát phiếu", "Households handed a form"),
                String::new(),
                tr(lang, "tổng số hộ gia đình", "all households"),
            ),
            tr(lang, "Tổ trưởng Ban kiểm phiếu", "Head of the counting board"),
            commune_three(),
        ),
        MinutesKind::Council => (
            (
                tr(lang, "Tổng số đại biểu", "Total delegates"),
                tr(lang, "Số đại biểu có mặt", "Delegates present"),
                tr(lang, "tổng số đại biểu", "all delegates"),
            ),
            tr(lang, "Trưởng Ban kiểm phiếu", "Head of the counting board"),
            (
                vec![
                    tr(lang, "Thường trực Hội đồng nhân dân", "Standing committee of the People's Council"),
                    tr(lang, "Lưu: hồ sơ kỳ họp", "Archive: session records"),
                ],
                tr(
                    lang,
                    "Biên bản được lập thành 02 bản: 01 bản gửi Thường trực Hội đồng nhân dân, 01 bản lưu hồ sơ kỳ họp.",
                    "Made in 2 copies: one for the standing committee of the People's Council, one for the session records.",
                ),
            ),
        ),
        MinutesKind::Conference => (
            (
                tr(lang, "Tổng số người được triệu tập", "Total people convened"),
                tr(lang, "Số người dự hội nghị", "Attendees"),
                tr(lang, "tổng số người được triệu tập", "all people convened"),
            ),
            tr(lang, "Trưởng Ban kiểm phiếu", "Head of the counting board"),
            (
                vec![
                    tr(lang, "Thủ trưởng cơ quan, đơn vị", "Head of the agency or unit"),
                    tr(lang, "Lưu: hồ sơ hội nghị", "Archive: conference records"),
                ],
                tr(
                    lang,
                    "Biên bản được lập thành 02 bản: 01 bản gửi thủ trưởng cơ quan, đơn vị, 01 bản lưu hồ sơ hội nghị.",
                    "Made in 2 copies: one for the head of the agency or unit, one for the conference records.",
                ),
            ),
        ),
        MinutesKind::Survey => (
            (
                // docs/glossary.md: a survey may ask households or people.
                tr(
                    lang,
                    "Tổng số hộ, người được lấy ý kiến",
                    "Total households or people asked",
                ),
                tr(lang, "Số có mặt", "Present"),
                tr(lang, "tổng số được lấy ý kiến", "all asked"),
            ),
            String::new(),
            (
                vec![
                    tr(lang, "Ban Thường trực Ủy ban MTTQ Việt Nam xã", "Standing committee of the commune Fatherland Front"),
                    tr(lang, "Lưu: người lập biên bản", "Archive: the recorder"),
                ],
                tr(
                    lang,
                    "Biên bản được lập thành 02 bản: 01 bản gửi Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam xã, 01 bản do người lập biên bản lưu.",
                    "Made in 2 copies: one for the standing committee of the commune Fatherland Front, one kept by the recorder.",
                ),
            ),
        ),
    };
    Words {
        total,
        present,
        per_item: format!(
            "{} ({} {of})",
            tr(
                lang,
                "II. KẾT QUẢ THEO TỪNG NỘI DUNG",
                "II. RESULTS BY ITEM"
            ),
            tr(lang, "tỷ lệ tính trên", "shares are of")
        ),
        board_head,
        recipients,
        copies,
    }
}

/// The quorum line's value: those present of the total and, where the law ties the meeting's
/// validity to it, whether the meeting was validly held.
fn quorum(kind: MinutesKind, e: &Electorate, lang: Lang) -> String {
    let Some(present) = e.present() else {
        return tr(lang, "không ghi", "not recorded");
    };
    let total = e.total();
    let verdict = match kind {
        // Domain brief, "Quorum"; rule::decide says "not validly held" on the same test.
        MinutesKind::VillageMeeting => Some(if more_than_half(present, total) {
            tr(
                lang,
                "trên 50%: cuộc họp hợp lệ",
                "more than half: the meeting is valid",
            )
        } else {
            tr(
                lang,
                "không quá 50%: cuộc họp không hợp lệ",
                "not more than half: the meeting is not validly held",
            )
        }),
        // L 51, L 69.2: at least two-thirds of those convened.
        MinutesKind::Conference => Some(if at_least_two_thirds(present, total) {
            tr(
                lang,
                "từ hai phần ba trở lên: hội nghị hợp lệ",
                "at least two-thirds: the conference is valid",
            )
        } else {
            tr(
                lang,
                "dưới hai phần ba: hội nghị không hợp lệ",
                "less than two-thirds: the conference is not valid",
            )
        }),
        // A council session's own quorum is not a rule phieu applies (docs/legal.md §12).
        _ => None,
    };
    match verdict {
        Some(v) => format!("{present}/{total} ({v})"),
        None => format!("{present}/{total}"),
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
    b.push(Block::Figures(figures));
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
        let mut rows: Vec<Vec<String>> = match item.kind() {
            ItemKind::Number { .. } | ItemKind::Text { .. } => {
                let answered = it.mean().map_or(free.len() as u64, |m| m.count());
                vec![vec![
                    tr(lang, "Có trả lời", "Answered"),
                    answered.to_string(),
                    share(answered),
                ]]
            }
            kind => kind
                .options()
                .iter()
                .zip(it.counts())
                .map(|(o, c)| vec![o.label().get(lang).to_owned(), c.to_string(), share(*c)])
                .collect(),
        };
        // Skipped by the poll's logic (không hỏi) apart from left blank (issue 22, item 6).
        rows.extend(
            it.unanswered(item)
                .into_iter()
                .map(|(why, n)| vec![why.label(lang).to_owned(), n.to_string(), share(n)]),
        );
        b.push(Block::Table {
            caption: format!("{}. {}", i + 1, item_title(item, lang)),
            head: vec![
                tr(lang, "Lựa chọn", "Option"),
                tr(lang, "Số phiếu", "Ballots"),
                tr(lang, "Tỷ lệ", "Share"),
            ],
            rows,
        });
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
mod tests {
    use super::*;
    use crate::ballot_box::BallotBox;
    use crate::poll::Poll;

    fn template(name: &str) -> Poll {
        let json = match name {
            "dong-gop" => include_str!("../../../../assets/templates/dong-gop-cong-trinh.json"),
            "truong-thon" => include_str!("../../../../assets/templates/bau-truong-thon.json"),
            "ban-giam-sat" => include_str!("../../../../assets/templates/bau-ban-giam-sat.json"),
            "bo-phieu" => include_str!("../../../../assets/templates/bo-phieu-tin-nhiem.json"),
            "lay-phieu" => include_str!("../../../../assets/templates/lay-phieu-tin-nhiem.json"),
            "hoi-nghi" => include_str!("../../../../assets/templates/hoi-nghi-can-bo.json"),
            "khao-sat" => include_str!("../../../../assets/templates/khao-sat-mttq.json"),
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
        let poll = Poll::from_json(include_str!("../../tests/data/survey-poll.json")).unwrap();
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
}
