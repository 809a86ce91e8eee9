//! Criterion benchmarks of the core's heavy paths at village-and-beyond scale: committing,
//! tallying, fingerprinting and verifying 100 000 ballots of the demo poll. Goals (issue 4):
//! verify 1 M ballots within 5× `openssl dgst -sha256` of a same-size file; 100 k tallied in
//! wasm within 0.3 s.
//!
//! The workspace's release profile (which benches inherit) is tuned for a small wasm file, so
//! measure with speed settings:
//!
//! ```sh
//! cargo bench -p phieu-core --bench core \
//!   --config 'profile.release.opt-level=3' --config 'profile.release.lto="thin"' \
//!   --config 'profile.release.codegen-units=16' --config 'profile.release.panic="unwind"'
//! ```
//!
//! `verify_tampered` changes one vote: the bundle stays canonical, so it is read on the fast
//! path and the discrepancies (that ballot, the two counts, the fingerprint) are named without
//! re-reading it. For 1 M ballots against openssl, see `examples/verify_million.rs`.

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use phieu_core::{Answer, AuditBundle, Ballot, BallotBox, Electorate, Minutes, Poll, Salt, Tally};

const N: u128 = 100_000;

fn poll() -> Poll {
    Poll::from_json(include_str!("../../../assets/polls/demo.json")).expect("demo poll")
}

fn answers(i: u128) -> Vec<Answer> {
    vec![match i % 3 {
        0 => Answer::choice("dong_y"),
        1 => Answer::choice("khong_dong_y"),
        _ => Answer::Choice {
            option: "y_kien_khac".into(),
            free_text: Some(format!("ý kiến {}", i % 7)),
        },
    }]
}

fn ballots(poll: &Poll) -> Vec<Ballot> {
    (0..N)
        .map(|i| Ballot::new(poll, answers(i), Salt::from_bytes(i.to_be_bytes())).expect("ballot"))
        .collect()
}

fn full_box(poll: &Poll) -> BallotBox {
    let mut b = BallotBox::new(poll.clone());
    for ballot in ballots(poll) {
        b.cast(ballot).expect("cast");
    }
    b
}

fn bench(c: &mut Criterion) {
    let poll = poll();
    let mut g = c.benchmark_group("100k");
    g.sample_size(10);
    g.bench_function("commit", |b| b.iter(|| ballots(&poll)));
    let list = ballots(&poll);
    g.bench_function("tally", |b| {
        b.iter(|| Tally::of(&poll, &list).expect("tally"))
    });
    let the_box = full_box(&poll);
    g.bench_function("fingerprint", |b| b.iter(|| the_box.fingerprint()));
    let bundle = AuditBundle::new(
        the_box,
        Electorate::new(200_000, None).expect("electorate"),
        Minutes::default(),
    )
    .expect("bundle");
    let json = bundle.to_json();
    g.bench_function("export", |b| b.iter(|| bundle.to_json()));
    g.bench_function("verify", |b| {
        b.iter_batched(
            || (),
            |()| AuditBundle::verify(&json).expect("verify"),
            BatchSize::PerIteration,
        )
    });
    // The first "dong_y" opening becomes "khong_dong_y": same length, still canonical.
    let tampered = json.replacen("\"option\": \"dong_y\"", "\"option\": \"khong_dong_y\"", 1);
    g.bench_function("verify_tampered", |b| {
        b.iter(|| AuditBundle::verify(&tampered).expect_err("tampered"))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
