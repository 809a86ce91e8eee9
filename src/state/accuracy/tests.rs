//! The logic-and-accuracy comparison, natively.

use phieu_core::{Answer, Salt};

use super::*;

const DEMO: &str = include_str!("../../../assets/polls/demo.json");

fn poll() -> Poll {
    Poll::from_json(DEMO).unwrap()
}

fn ballot(poll: &Poll, option: &str, salt: u8) -> Rc<Ballot> {
    let answers = vec![Answer::choice(option)];
    Rc::new(Ballot::new(poll, answers, Salt::from_bytes([salt; 16])).unwrap())
}

fn boxed(poll: &Poll, ballots: &[Rc<Ballot>]) -> Rc<BallotBox> {
    let mut b = BallotBox::new(poll.clone());
    for ballot in ballots {
        b.cast((**ballot).clone()).unwrap();
    }
    Rc::new(b)
}

/// `entered` against a read-back box of `stored`: passed or not, and how many were read back.
fn check(entered: &[Rc<Ballot>], stored: Option<&[Rc<Ballot>]>, expected: Option<(bool, u64)>) {
    let poll = poll();
    let test = Test {
        entered: entered.to_vec(),
        checked: stored.map(|s| boxed(&poll, s)),
    };
    let got = test.check(&poll);
    assert_eq!(
        got.as_ref().map(|c| (c.result.passed, c.result.ballots)),
        expected
    );
    if let Some(c) = got {
        assert_eq!(c.result.fingerprint, c.read_back.fingerprint().short());
        assert_eq!(c.entered.len(), entered.len());
    }
}

#[test]
fn the_test_passes_only_when_the_box_read_back_is_the_box_entered() {
    let p = poll();
    let yes = ballot(&p, "dong_y", 1);
    let no = ballot(&p, "khong_dong_y", 2);
    // Not read back yet: nothing to say.
    let only_yes = std::slice::from_ref(&yes);
    check(only_yes, None, None);
    // The same ballots: passed.
    check(
        &[yes.clone(), no.clone()],
        Some(&[yes.clone(), no.clone()]),
        Some((true, 2)),
    );
    // A ballot missing from storage: not passed.
    check(&[yes.clone(), no.clone()], Some(only_yes), Some((false, 1)));
    // The same tally but another ballot (another salt): the fingerprints differ.
    let yes_again = ballot(&p, "dong_y", 3);
    check(only_yes, Some(&[yes_again]), Some((false, 1)));
    // No ballot entered: an empty test proves nothing.
    check(&[], Some(&[]), Some((false, 0)));
}
