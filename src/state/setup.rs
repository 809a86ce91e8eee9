//! The officer's setup form, checked into a [`Meeting`] (D59 3.5c: a counting board of 3 to 5
//! people and 2 witnesses; the electorate is the total number of households or delegates).

use std::rc::Rc;

use phieu_core::pin::PIN_MAX;
use phieu_core::{BallotBox, Electorate, Lang, Minutes, PinHash, Poll};

use super::meeting::{Meeting, Phase, NEW_PIN_MIN};
use super::Notice;

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
    let present = count("present", &form.present, false).unwrap_or_else(|p| {
        problems.push(p);
        None
    });
    let electorate = total.and_then(|t| match Electorate::new(t, present) {
        Ok(e) => Some(e),
        Err(e) => {
            problems.push(FieldProblem::new(
                "present",
                e.message(Lang::Vi),
                e.message(Lang::En),
            ));
            None
        }
    });
    let board = names(&form.board);
    let witnesses = names(&form.witnesses);
    if !(3..=5).contains(&board.len()) {
        problems.push(FieldProblem::new(
            "board",
            format!("Ban kiểm phiếu có từ 3 đến 5 người (khoản 5 Điều 3 Nghị định 59/2023/NĐ-CP); đã nhập {} người.", board.len()),
            format!("The counting board has 3 to 5 members (Decree 59/2023, Art. 3.5); {} entered.", board.len()),
        ));
    }
    if witnesses.len() != 2 {
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
                e.message(Lang::Vi),
                e.message(Lang::En),
            ));
        }
    }
    match (electorate, pin) {
        (Some(electorate), Some(pin)) if problems.is_empty() => Ok(Meeting {
            id,
            ballots: Rc::new(BallotBox::new((*poll).clone())),
            poll,
            electorate,
            place: form.place.trim().into(),
            time: form.time.trim().into(),
            board,
            witnesses,
            pin,
            phase: Phase::Testing,
            test: None,
            pin_failures: 0,
            pin_locked_until: 0.0,
            pin_lockouts: 0,
            pin_wrong_total: 0,
            field: None,
        }),
        _ => Err(problems),
    }
}
