//! The core's closing work on 100,000 ballots, compiled to WebAssembly exactly as the app
//! compiles it (same crate, same release profile), with one export per step so that
//! `bench/wasm_tally.mjs` can time each from JavaScript:
//!
//! - `prepare(poll, n)`: makes `n` ballots of poll 0 (`assets/polls/demo.json`, one question)
//!   or 1 (`assets/polls/survey20.json`, twenty) with varied valid answers and fixed salts, and
//!   keeps each ballot, its stored text (its opening, as the tablet keeps it in IndexedDB) and
//!   the box. This is the casting work of a whole meeting and is timed only for information.
//! - `tally()`: `Tally::of` over the ballots in memory.
//! - `fingerprint()`: the box fingerprint over the ballots' sorted commitments.
//! - `begin_close(poll, n)`, `input(len)`, `cast_opening(len)`, `finish_close(n)` (or
//!   `end_close(n)`, which adds the fingerprint), `closed_fingerprint()`: what the app does
//!   when a box is closed (`src/effects.rs`, `load_box`), driven from JavaScript one opening at
//!   a time, sorted by commitment, as the app's IndexedDB store hands them over: each opening
//!   is copied into the module's memory, parsed, checked against the poll, re-hashed into its
//!   commitment and given to the core's `BoxLoader`, which builds and counts the box; then the
//!   fingerprint. JavaScript slices the openings as the app does. Run in a fresh instance, so the
//!   memory grows from small as the app's does. Reading IndexedDB is not part of it.
//!
//! Nothing here reads a clock: the JavaScript side does. Results feed a checksum so that no
//! step can be optimised away.

use std::cell::RefCell;

use phieu_core::{is_shown, Answer, Ballot, BallotBox, BoxLoader, ItemKind, Poll, Salt, Tally};

const POLLS: [&str; 2] = [
    include_str!("../../assets/polls/demo.json"),
    include_str!("../../assets/polls/survey20.json"),
];

/// A box being closed as `load_box` closes it: the core's loader and the damaged records.
struct Closing {
    loader: BoxLoader,
    damaged: u32,
}

struct State {
    poll: Poll,
    ballots: Vec<Ballot>,
    openings: Vec<String>,
    the_box: BallotBox,
}

thread_local! {
    static STATE: RefCell<Option<State>> = const { RefCell::new(None) };
    /// The box being closed from openings, and the buffer JavaScript writes each opening into.
    static CLOSING: RefCell<Option<Closing>> = const { RefCell::new(None) };
    static INPUT: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
    /// The box the last close built (`finish_close`), until the next close begins.
    static CLOSED: RefCell<Option<BallotBox>> = const { RefCell::new(None) };
}

/// A small deterministic mix of (ballot, item) into a number, so answers vary.
fn mix(a: u64, b: u64) -> u64 {
    let mut x = a.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ b.wrapping_mul(0xC2B2_AE3D_27D4_EB4F);
    x ^= x >> 29;
    x = x.wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x ^ (x >> 32)
}

/// A valid answer to item `index` for ballot `n`: blank when hidden, or sometimes when the
/// item is optional; otherwise an option (with a free text when the option takes one), a few
/// options of a multiple item, a number in range, or a short sentence.
fn answer(poll: &Poll, answers: &[Answer], index: usize, n: u64) -> Answer {
    let item = &poll.items()[index];
    let r = mix(n, index as u64);
    if !is_shown(poll, answers, index) || (!item.required() && r.is_multiple_of(3)) {
        return Answer::Blank;
    }
    let free = |on: bool| on.then(|| format!("Ý kiến số {}", r % 17));
    match item.kind() {
        ItemKind::Single { options } | ItemKind::Scale { options } => {
            let o = &options[(r >> 8) as usize % options.len()];
            Answer::Choice {
                option: o.id().to_owned(),
                free_text: free(o.free_text()),
            }
        }
        ItemKind::Multiple { options, min, max } => {
            let low = (*min).max(1);
            let count = low + (r >> 16) % (max - low + 1);
            let start = (r >> 8) as usize % options.len();
            let mut picked: Vec<usize> = (0..count as usize)
                .map(|k| (start + k) % options.len())
                .collect();
            picked.sort_unstable();
            Answer::Choices {
                options: picked.iter().map(|&i| options[i].id().to_owned()).collect(),
                free_text: free(picked.iter().any(|&i| options[i].free_text())),
            }
        }
        ItemKind::Number { min, max } => {
            let span = max.abs_diff(*min) + 1;
            Answer::Number(min.saturating_add_unsigned((r >> 8) % span))
        }
        ItemKind::Text { .. } => Answer::Text(format!("Đề nghị số {} của hộ", r % 23)),
    }
}

/// Makes `n` ballots of poll `poll` (0 or 1) and keeps them with their openings. Returns `n`,
/// or 0 when a poll or ballot is refused (which would be a bug in this benchmark).
#[no_mangle]
pub extern "C" fn prepare(poll: u32, n: u32) -> u32 {
    let Some(Ok(poll)) = POLLS.get(poll as usize).map(|p| Poll::from_json(p)) else {
        return 0;
    };
    let mut ballots = Vec::with_capacity(n as usize);
    for i in 0..u64::from(n) {
        let mut answers = Vec::with_capacity(poll.items().len());
        for index in 0..poll.items().len() {
            let a = answer(&poll, &answers, index, i);
            answers.push(a);
        }
        let mut salt = [0u8; 16];
        salt[8..].copy_from_slice(&i.to_be_bytes());
        match Ballot::new(&poll, answers, Salt::from_bytes(salt)) {
            Ok(b) => ballots.push(b),
            Err(_) => return 0,
        }
    }
    // Kept as the app's store keeps them and hands them over: keyed, so sorted, by commitment.
    let mut sorted: Vec<&Ballot> = ballots.iter().collect();
    sorted.sort_by_key(|b| b.commitment());
    let openings = sorted.into_iter().map(Ballot::to_opening_json).collect();
    let mut the_box = BallotBox::new(poll.clone());
    for b in &ballots {
        if the_box.cast(b.clone()).is_err() {
            return 0;
        }
    }
    STATE.with(|s| {
        *s.borrow_mut() = Some(State {
            poll,
            ballots,
            openings,
            the_box,
        })
    });
    n
}

/// Total bytes of the stored openings.
#[no_mangle]
pub extern "C" fn opening_bytes() -> u32 {
    with(|s| s.openings.iter().map(String::len).sum::<usize>() as u32)
}

/// `Tally::of` over the ballots in memory; returns the number counted (0 on error).
#[no_mangle]
pub extern "C" fn tally() -> u32 {
    with(|s| {
        Tally::of(&s.poll, &s.ballots)
            .map(|t| t.ballots() as u32)
            .unwrap_or(0)
    })
}

/// The box fingerprint; returns its first four bytes.
#[no_mangle]
pub extern "C" fn fingerprint() -> u32 {
    with(|s| {
        let hex = s.the_box.fingerprint().to_hex();
        u32::from_str_radix(&hex[..8], 16).unwrap_or(0)
    })
}

/// How many openings `prepare` kept; `opening_ptr` and `opening_len` hand opening `i` to
/// JavaScript, which keeps them as strings (as IndexedDB does).
#[no_mangle]
pub extern "C" fn openings() -> u32 {
    with(|s| s.openings.len() as u32)
}

#[no_mangle]
pub extern "C" fn opening_ptr(i: u32) -> u32 {
    with(|s| s.openings.get(i as usize).map_or(0, |o| o.as_ptr() as u32))
}

#[no_mangle]
pub extern "C" fn opening_len(i: u32) -> u32 {
    with(|s| s.openings.get(i as usize).map_or(0, |o| o.len() as u32))
}

/// Starts closing a box of poll `poll` (0 or 1) from `n` openings; returns 1, or 0 for an
/// unknown poll.
#[no_mangle]
pub extern "C" fn begin_close(poll: u32, n: u32) -> u32 {
    let Some(Ok(poll)) = POLLS.get(poll as usize).map(|p| Poll::from_json(p)) else {
        return 0;
    };
    CLOSING.with(|c| {
        *c.borrow_mut() = Some(Closing {
            loader: BoxLoader::with_capacity(poll, n as usize),
            damaged: 0,
        })
    });
    CLOSED.with(|c| c.borrow_mut().take());
    1
}

/// A buffer of at least `len` bytes for the next opening; returns its address.
#[no_mangle]
pub extern "C" fn input(len: u32) -> u32 {
    INPUT.with(|b| {
        let mut b = b.borrow_mut();
        b.clear();
        b.resize(len as usize, 0);
        b.as_ptr() as u32
    })
}

/// Reads the opening of `len` bytes in the input buffer and casts it into the box being
/// closed; returns 1, or 0 when it is damaged (not UTF-8, not an opening of this poll, or a
/// repeat), which the app counts apart.
#[no_mangle]
pub extern "C" fn cast_opening(len: u32) -> u32 {
    INPUT.with(|b| {
        let b = b.borrow();
        let Some(text) = b
            .get(..len as usize)
            .and_then(|t| std::str::from_utf8(t).ok())
        else {
            return 0;
        };
        CLOSING.with(|c| {
            let mut c = c.borrow_mut();
            let Some(closing) = c.as_mut() else {
                return 0;
            };
            let read = closing.loader.add(text).is_ok();
            closing.damaged += u32::from(!read);
            u32::from(read)
        })
    })
}

/// Ends the close as the app's `load_box` does, the box built and kept: 1 once it holds `n`
/// ballots and no record was damaged or repeated, else 0.
#[no_mangle]
pub extern "C" fn finish_close(n: u32) -> u32 {
    CLOSING.with(|c| {
        let Some(closing) = c.borrow_mut().take() else {
            return 0;
        };
        let (the_box, repeats) = closing.loader.finish();
        let whole = the_box.len() == n as usize && repeats == 0 && closing.damaged == 0;
        CLOSED.with(|c| *c.borrow_mut() = Some(the_box));
        u32::from(whole)
    })
}

/// The fingerprint of the box `finish_close` built (its first four bytes); 0 without one.
#[no_mangle]
pub extern "C" fn closed_fingerprint() -> u32 {
    CLOSED.with(|c| {
        c.borrow().as_ref().map_or(0, |b| {
            let hex = b.fingerprint().to_hex();
            u32::from_str_radix(&hex[..8], 16).unwrap_or(0)
        })
    })
}

/// Ends the close: the box's fingerprint (its first four bytes) once it holds `n` ballots and
/// no record was damaged or repeated, else 0. The box is dropped.
#[no_mangle]
pub extern "C" fn end_close(n: u32) -> u32 {
    CLOSING.with(|c| {
        let Some(closing) = c.borrow_mut().take() else {
            return 0;
        };
        let (the_box, repeats) = closing.loader.finish();
        if the_box.len() != n as usize || repeats > 0 || closing.damaged > 0 {
            return 0;
        }
        let hex = the_box.fingerprint().to_hex();
        u32::from_str_radix(&hex[..8], 16).unwrap_or(0)
    })
}

fn with(f: impl FnOnce(&mut State) -> u32) -> u32 {
    STATE.with(|s| s.borrow_mut().as_mut().map(f).unwrap_or(0))
}
