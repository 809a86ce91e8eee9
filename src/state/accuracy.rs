//! The logic-and-accuracy test before voting opens: the test ballots the officer entered, the
//! box read back from storage, and the comparison of the two that decides whether voting may
//! open (and what the minutes say of it).

use std::rc::Rc;

use phieu_core::{Ballot, BallotBox, Poll};

use super::meeting::TestResult;

/// The logic-and-accuracy test as it stands: what the officer entered, and the check.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Test {
    /// The test ballots as entered (test ballots are not secret).
    pub entered: Vec<Rc<Ballot>>,
    /// The box read back from storage, once checked.
    pub checked: Option<Rc<BallotBox>>,
}

/// The test compared: the box the officer entered, rebuilt in memory, against the box read back
/// from storage, and the result the minutes record.
#[derive(Clone, Debug, PartialEq)]
pub struct TestCheck {
    /// The test ballots as entered, in a box rebuilt in memory.
    pub entered: BallotBox,
    /// The test box as read back from storage.
    pub read_back: Rc<BallotBox>,
    /// Whether the two agree, as the minutes record it.
    pub result: TestResult,
}

impl Test {
    /// Compares the entered ballots with the box read back, once it has been read back: the
    /// test passes when at least one ballot was entered and both boxes have the same tally and
    /// the same fingerprint.
    pub fn check(&self, poll: &Poll) -> Option<TestCheck> {
        let read_back = self.checked.clone()?;
        let mut entered = BallotBox::new(poll.clone());
        for b in &self.entered {
            let _ = entered.cast((**b).clone());
        }
        let passed = !self.entered.is_empty()
            && entered.tally() == read_back.tally()
            && entered.fingerprint() == read_back.fingerprint();
        let result = TestResult {
            ballots: read_back.len() as u64,
            fingerprint: read_back.fingerprint().short(),
            passed,
        };
        Some(TestCheck {
            entered,
            read_back,
            result,
        })
    }
}

#[cfg(test)]
mod tests;
