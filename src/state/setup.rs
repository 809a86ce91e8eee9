//! The officer's setup form, checked into a [`Meeting`] (D59 3.5c: a counting board of 3 to 5
//! people, and 2 household witnesses at a village meeting only; the electorate is the total
//! number of households, delegates or people convened).
//!
//! The number present is required where the law makes the meeting's validity depend on it
//! ([`Attendance`]): a village meeting (every decision but a staff conference's, and every
//! election) is valid only when more than half of all household representatives attend, and a
//! staff conference only when at least two-thirds of those convened do. A number present below
//! that is not refused: the form warns ([`quorum_warning`]) and the meeting may still be opened,
//! because D59 4.1.b lets a village collect opinions by forms only after a meeting "was held"
//! without enough households, and the minutes of that meeting are its record. Its results say
//! "the meeting was not validly held" (`phieu_core::decide`), never "rejected".

use std::rc::Rc;

use phieu_core::pin::PIN_MAX;
use phieu_core::{may_vote, BallotBox, By, Electorate, Lang, Minutes, PinHash, Poll, Preset};

use super::meeting::{Hands, Meeting, Phase, NEW_PIN_MIN};
use super::notice::Notice;
use super::paper::PaperCount;

/// What the last XLSForm chosen gave.
#[derive(Clone, Debug, PartialEq)]
pub enum XlsForm {
    Reading,
    /// Not read at all (too large, the browser refused): the reason in both languages.
    Unread(String, String),
    /// Every problem, gathered by cause with its rows (as `phieu import-xlsform` lists them).
    Problems {
        file: String,
        problems: Rc<Vec<phieu_xlsform::Group>>,
    },
    Imported {
        file: String,
        questions: usize,
        /// What was left out, and the warnings, gathered likewise.
        skipped: Rc<Vec<phieu_xlsform::Group>>,
    },
    /// A form without Vietnamese labels (issue 23, item 6): being opened in the designer for
    /// the officer to write them; not a poll yet.
    NeedsVietnamese {
        file: String,
    },
}

/// What the officer typed, as typed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SetupForm {
    pub total: String,
    pub present: String,
    pub place: String,
    pub time: String,
    pub board: Vec<String>,
    pub witnesses: Vec<String>,
    pub pin: String,
    pub pin_again: String,
    /// The items to vote by a show of hands (ids), in any order; the rest on the tablet
    /// (issue 19, item 4).
    pub hands: Vec<String>,
    /// The meeting votes every item on paper and counts with the tablet as the tally sheet
    /// (issue 19, item 5); `hands` is then ignored.
    pub paper: bool,
}

/// A field of the form that needs fixing, and why, in both languages.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldProblem {
    pub field: &'static str,
    pub why: Notice,
}

impl FieldProblem {
    pub fn new(field: &'static str, vi: impl Into<String>, en: impl Into<String>) -> FieldProblem {
        FieldProblem {
            field,
            why: Notice::new(vi, en),
        }
    }

    pub fn get(&self, lang: Lang) -> &str {
        self.why.get(lang)
    }
}

fn count(field: &'static str, text: &str, required: bool) -> Result<Option<u64>, FieldProblem> {
    let t = text.trim();
    if t.is_empty() {
        return if required {
            Err(FieldProblem::new(
                field,
                "Hãy nhập một số.",
                "Enter a number.",
            ))
        } else {
            Ok(None)
        };
    }
    match t.parse::<u64>() {
        Ok(n) if n > 0 && n <= 10_000_000 => Ok(Some(n)),
        _ => Err(FieldProblem::new(
            field,
            format!("“{t}” không phải số nguyên dương."),
            format!("“{t}” is not a positive whole number."),
        )),
    }
}

/// Whether a poll needs the number present, and why (docs/poll-format.md §Rules, "Quorum").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Attendance {
    /// Surveys, confidence ratings and votes: the number present decides nothing.
    Optional,
    /// A village meeting of household representatives: valid only when present × 2 > total
    /// (D61 10.1.a; D59 4.1.b; docs/legal.md §4).
    VillageMeeting,
    /// An agency or enterprise staff conference: valid only when present × 3 ≥ convened × 2,
    /// and it passes on those present (L 51, L 69.2; docs/legal.md §11).
    Conference,
}

impl Attendance {
    /// The attendance `poll` needs: the core's quorum test (`Poll::is_village_meeting`).
    pub fn of(poll: &Poll) -> Attendance {
        if poll.is_village_meeting() {
            Attendance::VillageMeeting
        } else if poll.rule().preset() == Preset::Conference {
            Attendance::Conference
        } else {
            Attendance::Optional
        }
    }

    pub fn required(self) -> bool {
        self != Attendance::Optional
    }

    /// Why the number present must be entered, in both languages.
    fn why_required(self) -> Notice {
        match self {
            Attendance::Conference => Notice::new(
                "Hãy nhập số người dự hội nghị: hội nghị chỉ hợp lệ khi có từ 2/3 số người được triệu tập trở lên, và nghị quyết được thông qua khi trên 50% số người dự đồng ý (Điều 51, khoản 2 Điều 69 Luật 10/2022/QH15).",
                "Enter the number of attendees: a conference is valid only when at least 2/3 of those convened attend, and a resolution passes with more than 50% of attendees (Art. 51, Art. 69.2, Law 10/2022/QH15).",
            ),
            _ => Notice::new(
                "Hãy nhập số đại diện hộ gia đình có mặt: cuộc họp thôn chỉ hợp lệ khi có trên 50% tổng số đại diện hộ gia đình tham dự (Điều 10 Nghị định 61/2023/NĐ-CP; điểm b khoản 1 Điều 4 Nghị định 59/2023/NĐ-CP).",
                "Enter the number of household representatives present: a village meeting is valid only when more than 50% of all household representatives attend (Art. 10, Decree 61/2023/ND-CP; Art. 4.1(b), Decree 59/2023/ND-CP).",
            ),
        }
    }
}

/// The warning for a meeting that, with the numbers typed, would not be validly held; `None`
/// when it would be, when the poll does not depend on attendance, or while a number is not
/// yet a number. The meeting may still be opened (see the module's note).
pub fn quorum_warning(form: &SetupForm, poll: &Poll) -> Option<Notice> {
    let total = form.total.trim().parse::<u64>().ok().filter(|t| *t > 0)?;
    let present = form.present.trim().parse::<u64>().ok()?;
    if present > total {
        return None;
    }
    match Attendance::of(poll) {
        Attendance::VillageMeeting if present * 2 <= total => {
            let need = total / 2 + 1;
            Some(Notice::new(
                format!("Cuộc họp không hợp lệ: {present}/{total} đại diện hộ gia đình có mặt, cần trên 50% (ít nhất {need}). Vẫn có thể mở để ghi lại cuộc họp, nhưng kết quả sẽ là «Cuộc họp không hợp lệ, chưa quyết định được», không phải «Không được thông qua»; hãy tổ chức họp lại hoặc phát phiếu lấy ý kiến tới hộ gia đình (điểm b khoản 1 Điều 4 Nghị định 59/2023/NĐ-CP)."),
                format!("The meeting is not validly held: {present}/{total} household representatives present, more than 50% needed (at least {need}). It can still be opened to record the meeting, but its result will be “the meeting was not validly held”, not “not passed”; hold it again or collect opinions by forms handed to every household (Art. 4.1(b), Decree 59/2023/ND-CP)."),
            ))
        }
        Attendance::Conference if u128::from(present) * 3 < u128::from(total) * 2 => {
            let need = (u128::from(total) * 2).div_ceil(3);
            Some(Notice::new(
                format!("Hội nghị không hợp lệ: {present}/{total} người được triệu tập có mặt, cần từ 2/3 trở lên (ít nhất {need}). Vẫn có thể mở để ghi lại, nhưng kết quả sẽ là «Hội nghị không hợp lệ» (Điều 51, khoản 2 Điều 69 Luật 10/2022/QH15)."),
                format!("The conference is not valid: {present}/{total} of those convened present, at least 2/3 needed (at least {need}). It can still be opened to record it, but its result will be “conference not valid” (Art. 51, Art. 69.2, Law 10/2022/QH15)."),
            ))
        }
        _ => None,
    }
}

/// Whether the count is watched by two household representatives (D59 3.5, Mẫu 02): at a
/// village meeting only, never at a People's Council session, a staff conference or a survey.
pub fn needs_household_witnesses(poll: &Poll) -> bool {
    poll.is_village_meeting()
}

fn names(list: &[String]) -> Vec<String> {
    list.iter()
        .map(|n| n.trim().to_owned())
        .filter(|n| !n.is_empty())
        .collect()
}

/// Checks the form: every problem at once, so the officer fixes them in one pass.
pub fn check(
    form: &SetupForm,
    poll: Rc<Poll>,
    id: String,
    pin_salt: [u8; 16],
) -> Result<Meeting, Vec<FieldProblem>> {
    let mut problems = Vec::new();
    let total = count("total", &form.total, true).unwrap_or_else(|p| {
        problems.push(p);
        None
    });
    let attendance = Attendance::of(&poll);
    let present = match count("present", &form.present, false) {
        Ok(None) if attendance.required() => {
            problems.push(FieldProblem {
                field: "present",
                why: attendance.why_required(),
            });
            None
        }
        Ok(n) => n,
        Err(p) => {
            problems.push(p);
            None
        }
    };
    // Paper ballots counted on the tablet: every item must be a choice to tap.
    let paper = if form.paper {
        let eligible = (0..poll.items().len()).all(|at| may_vote(&poll, at, By::Paper));
        match PaperCount::new(&poll) {
            Ok(count) if eligible => Some(count),
            _ => {
                problems.push(FieldProblem::new(
                    "paper",
                    "Phiếu này không kiểm phiếu giấy trên máy được: mọi câu phải là câu chọn, không có điều kiện hiện câu hỏi, và cuộc bỏ phiếu tín nhiệm hay lấy ý kiến thì không dùng cách này.",
                    "This poll cannot be counted on paper with the tablet: every question must be a choice without skip logic, and a confidence vote or a survey does not use it.",
                ));
                None
            }
        }
    } else {
        None
    };
    // A show of hands is counted against those present (L 18.4.d; `phieu_core::counted`).
    let hands: Vec<String> = if form.paper {
        Vec::new()
    } else {
        poll.items()
            .iter()
            .enumerate()
            .filter(|(at, i)| {
                form.hands.iter().any(|h| h == i.id()) && may_vote(&poll, *at, By::Hands)
            })
            .map(|(_, i)| i.id().to_owned())
            .collect()
    };
    if !hands.is_empty() && present.is_none() && !problems.iter().any(|p| p.field == "present") {
        problems.push(FieldProblem::new(
            "present",
            "Biểu quyết giơ tay cần số người có mặt: hãy nhập số người có mặt.",
            "A show of hands is counted against those present: enter the number present.",
        ));
    }
    let electorate = total.and_then(|t| match Electorate::new(t, present) {
        Ok(e) => Some(e),
        Err(e) => {
            problems.push(FieldProblem::new(
                "present",
                e.plain_message(Lang::Vi),
                e.plain_message(Lang::En),
            ));
            None
        }
    });
    let board = names(&form.board);
    // Household witnesses watch a village meeting's count (D59 3.5); a council session, a staff
    // conference or a survey has none, so anything typed there before the poll changed is dropped.
    let witnesses = if needs_household_witnesses(&poll) {
        names(&form.witnesses)
    } else {
        Vec::new()
    };
    if !(3..=5).contains(&board.len()) {
        problems.push(FieldProblem::new(
            "board",
            format!("Ban kiểm phiếu có từ 3 đến 5 người (khoản 5 Điều 3 Nghị định 59/2023/NĐ-CP); đã nhập {} người.", board.len()),
            format!("The counting board has 3 to 5 members (Decree 59/2023, Art. 3.5); {} entered.", board.len()),
        ));
    }
    if needs_household_witnesses(&poll) && witnesses.len() != 2 {
        problems.push(FieldProblem::new(
            "witnesses",
            format!(
                "Cần 2 người chứng kiến việc kiểm phiếu; đã nhập {} người.",
                witnesses.len()
            ),
            format!("The count needs 2 witnesses; {} entered.", witnesses.len()),
        ));
    }
    for (field, value) in [("place", &form.place), ("time", &form.time)] {
        if value.trim().is_empty() {
            problems.push(FieldProblem::new(
                field,
                "Không được để trống: biên bản cần thông tin này.",
                "Must not be empty: the minutes need it.",
            ));
        }
    }
    // A new PIN has 6 to 8 digits (the core reads 4 to 8, so meetings stored with a 4-digit
    // PIN keep working): 10⁶ PINs against 5 tries per doubling lock (docs/security.md).
    let digits = form.pin.trim();
    let pin = if digits.len() < NEW_PIN_MIN || !digits.bytes().all(|b| b.is_ascii_digit()) {
        Err(FieldProblem::new(
            "pin",
            format!("Mã PIN mới phải gồm {NEW_PIN_MIN} đến {PIN_MAX} chữ số (đã nhập {} ký tự): mã ngắn hơn dễ bị đoán.", digits.chars().count()),
            format!("A new PIN must be {NEW_PIN_MIN} to {PIN_MAX} digits ({} characters entered): a shorter one is easier to guess.", digits.chars().count()),
        ))
    } else {
        PinHash::new(digits, form.pin_again.trim(), pin_salt)
            .map_err(|e| FieldProblem::new("pin", e.message(Lang::Vi), e.message(Lang::En)))
    };
    let pin = match pin {
        Ok(p) => Some(p),
        Err(p) => {
            problems.push(p);
            None
        }
    };
    if problems.is_empty() {
        // The core has the last word on the minutes' fields (lengths and counts).
        if let Err(e) = Minutes::new(
            form.place.trim().into(),
            form.time.trim().into(),
            board.clone(),
            witnesses.clone(),
            String::new(),
        ) {
            problems.push(FieldProblem::new(
                "board",
                phieu_core::without_path(&e.message(Lang::Vi)),
                phieu_core::without_path(&e.message(Lang::En)),
            ));
        }
    }
    match (electorate, pin) {
        (Some(electorate), Some(pin)) if problems.is_empty() => {
            let all_by_hands = hands.len() == poll.items().len();
            let no_tablet = all_by_hands || paper.is_some();
            let elsewhere: Vec<&str> = match &paper {
                Some(_) => poll.items().iter().map(|i| i.id()).collect(),
                None => hands.iter().map(String::as_str).collect(),
            };
            let poll = Rc::new(poll.voted_elsewhere(elsewhere));
            Ok(Meeting {
                id,
                ballots: Rc::new(BallotBox::new((*poll).clone())),
                poll,
                electorate,
                place: form.place.trim().into(),
                time: form.time.trim().into(),
                board,
                witnesses,
                pin,
                // Every item by hands or on paper: the tablet takes no ballot, so there is
                // nothing to test and no ballot to issue; the meeting opens at once for the
                // counts.
                phase: if no_tablet {
                    Phase::Open
                } else {
                    Phase::Testing
                },
                test: None,
                pin_failures: 0,
                pin_locked_until: 0.0,
                pin_lockouts: 0,
                pin_wrong_total: 0,
                issued: (!no_tablet).then_some(0),
                created: None,
                exported: false,
                field: None,
                proceedings: Default::default(),
                hands: hands
                    .into_iter()
                    .map(|item| Hands { item, counts: None })
                    .collect(),
                paper,
            })
        }
        _ => Err(problems),
    }
}

#[cfg(test)]
mod tests;
