//! Times closing a box natively: what the app does when voting closes (`src/effects.rs`,
//! `load_box`) on 100,000 stored openings of the demo poll (one question) and of the
//! 20-question survey, the same ballots `bench/wasm_tally` makes, handed over sorted by
//! commitment as the app's store hands them. Two ways, so that a profile can tell them apart:
//! each opening read with `Ballot::from_opening_json` and cast into a `BallotBox` one by one,
//! and the core's `BoxLoader`. Prints figures (best of 5); never a test.
//!
//! ```sh
//! cargo run -p phieu-core --example close_box --release \
//!   --config 'profile.release.opt-level=3' --config 'profile.release.lto="thin"' \
//!   --config 'profile.release.codegen-units=16' -- [BALLOTS] [one-by-one|loader]
//! ```

use std::time::Instant;

use phieu_core::{is_shown, Answer, Ballot, BallotBox, BoxLoader, ItemKind, Poll, Salt};

const POLLS: [(&str, &str); 2] = [
    (
        "demo (1 question)",
        include_str!("../../../assets/polls/demo.json"),
    ),
    (
        "survey20 (20 questions)",
        include_str!("../../../assets/polls/survey20.json"),
    ),
];

/// The mix of `bench/wasm_tally/lib.rs`, so that the answers are the same.
fn mix(a: u64, b: u64) -> u64 {
    let mut x = a.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ b.wrapping_mul(0xC2B2_AE3D_27D4_EB4F);
    x ^= x >> 29;
    x = x.wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x ^ (x >> 32)
}

/// The answer `bench/wasm_tally/lib.rs` gives item `index` of ballot `n`.
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

fn main() {
    let mut args = std::env::args().skip(1);
    let n: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(100_000);
    let only = args.next();
    for (name, json) in POLLS {
        let poll = Poll::from_json(json).expect("poll");
        let mut ballots: Vec<Ballot> = (0..n)
            .map(|i| {
                let mut answers = Vec::with_capacity(poll.items().len());
                for index in 0..poll.items().len() {
                    let a = answer(&poll, &answers, index, i);
                    answers.push(a);
                }
                let mut salt = [0u8; 16];
                salt[8..].copy_from_slice(&i.to_be_bytes());
                Ballot::new(&poll, answers, Salt::from_bytes(salt)).expect("ballot")
            })
            .collect();
        ballots.sort_by_key(Ballot::commitment);
        let openings: Vec<String> = ballots.iter().map(Ballot::to_opening_json).collect();
        let expected = {
            let mut b = BallotBox::new(poll.clone());
            for ballot in ballots {
                b.cast(ballot).expect("cast");
            }
            b.fingerprint()
        };
        let best = |f: &dyn Fn() -> BallotBox| {
            (0..5)
                .map(|_| {
                    let t = Instant::now();
                    let the_box = f();
                    let fp = the_box.fingerprint();
                    let ms = t.elapsed().as_secs_f64() * 1e3;
                    assert_eq!(fp, expected);
                    drop(the_box);
                    ms
                })
                .fold(f64::MAX, f64::min)
        };
        let one_by_one = || {
            let mut b = BallotBox::new(poll.clone());
            for o in &openings {
                let ballot = Ballot::from_opening_json(&poll, o).expect("opening");
                b.cast(ballot).expect("cast");
            }
            b
        };
        let loader = || {
            let mut l = BoxLoader::new(poll.clone());
            for o in &openings {
                l.add(o).expect("opening");
            }
            let (b, repeats) = l.finish();
            assert_eq!(repeats, 0);
            b
        };
        let mb = openings.iter().map(String::len).sum::<usize>() as f64 / 1e6;
        print!("{name}, {n} openings ({mb:.1} MB):");
        if only.as_deref() != Some("loader") {
            print!(" one by one {:.0} ms;", best(&one_by_one));
        }
        if only.as_deref() != Some("one-by-one") {
            print!(" loader {:.0} ms", best(&loader));
        }
        println!();
    }
}
