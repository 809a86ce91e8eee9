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
use super::words::meeting_says as says;

/// What the last XLSForm chosen gave.
#[derive(Clone, Debug, PartialEq)]
pub enum XlsForm {
    Reading,
    /// Not read at all (too large, the browser refused): why.
    Unread(Notice),
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
    /// The problem with `field`, in the words `why` gives in each language.
    pub fn each<S: Into<String>>(field: &'static str, why: impl Fn(Lang) -> S) -> FieldProblem {
        FieldProblem {
            field,
            why: Notice::each(why),
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
            Err(FieldProblem::each(field, |l| says(l).enter_number))
        } else {
            Ok(None)
        };
    }
    match t.parse::<u64>() {
        Ok(n) if n > 0 && n <= 10_000_000 => Ok(Some(n)),
        _ => Err(FieldProblem::each(field, |l| says(l).not_positive(t))),
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
            Attendance::Conference => Notice::each(|l| says(l).present_required_conference),
            _ => Notice::each(|l| says(l).present_required_village),
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
            Some(Notice::each(|l| {
                says(l).quorum_village(present, total, need)
            }))
        }
        Attendance::Conference if u128::from(present) * 3 < u128::from(total) * 2 => {
            let need = (u128::from(total) * 2).div_ceil(3);
            Some(Notice::each(|l| {
                says(l).quorum_conference(present, total, need)
            }))
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
                problems.push(FieldProblem::each("paper", |l| says(l).paper_not_possible));
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
        problems.push(FieldProblem::each("present", |l| {
            says(l).hands_need_present
        }));
    }
    let electorate = total.and_then(|t| match Electorate::new(t, present) {
        Ok(e) => Some(e),
        Err(e) => {
            problems.push(FieldProblem::each("present", |l| e.plain_message(l)));
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
        problems.push(FieldProblem::each("board", |l| {
            says(l).board_size(board.len())
        }));
    }
    if needs_household_witnesses(&poll) && witnesses.len() != 2 {
        problems.push(FieldProblem::each("witnesses", |l| {
            says(l).witnesses_count(witnesses.len())
        }));
    }
    for (field, value) in [("place", &form.place), ("time", &form.time)] {
        if value.trim().is_empty() {
            problems.push(FieldProblem::each(field, |l| says(l).must_not_be_empty));
        }
    }
    // A new PIN has 6 to 8 digits (the core reads 4 to 8, so meetings stored with a 4-digit
    // PIN keep working): 10⁶ PINs against 5 tries per doubling lock (docs/security.md).
    let digits = form.pin.trim();
    let pin = if digits.len() < NEW_PIN_MIN || !digits.bytes().all(|b| b.is_ascii_digit()) {
        Err(FieldProblem::each("pin", |l| {
            says(l).pin_too_short(NEW_PIN_MIN, PIN_MAX, digits.chars().count())
        }))
    } else {
        PinHash::new(digits, form.pin_again.trim(), pin_salt)
            .map_err(|e| FieldProblem::each("pin", |l| e.message(l)))
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
            problems.push(FieldProblem::each("board", |l| {
                phieu_core::without_path(&e.message(l))
            }));
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
