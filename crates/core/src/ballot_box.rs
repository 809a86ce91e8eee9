//! The ballot box: the set of ballots cast for one poll on one tablet or sitting, kept sorted by
//! commitment so that nothing in it records the order or time of casting (domain brief,
//! "Secrecy"), and counted as each ballot goes in. Its fingerprint is SHA-256 over (tag, poll
//! hash, ballot count, sorted commitments) (docs/bundle-format.md §Box fingerprint): it depends on
//! the set of ballots only, is printed in short form on the minutes and read aloud at closing.

use std::collections::BTreeMap;

use crate::ballot::{Ballot, BallotCommitment};
use crate::encoding::{digest_newtype, Encoder, BOX_TAG};
use crate::i18n::ballot_words;
use crate::lang::Lang;
use crate::poll::{Poll, PollHash};
use crate::receipt::Receipt;
use crate::tally::Tally;

digest_newtype!(
    /// SHA-256 over a box's sorted commitments (docs/bundle-format.md §Box fingerprint).
    BoxFingerprint
);

impl BoxFingerprint {
    /// The first 8 bytes as 4 groups of 4 upper-case hex digits, e.g. `3F2A-9C01-77B4-0E5D`: printed
    /// on the minutes and read aloud (docs/bundle-format.md §Box fingerprint).
    pub fn short(&self) -> String {
        grouped_hex(&self.as_bytes()[..8])
    }
}

/// Upper-case hex in groups of four joined by '-', as the short codes are printed.
pub(crate) fn grouped_hex(bytes: &[u8]) -> String {
    grouped(&crate::encoding::to_hex(bytes))
}

/// Hex digits upper case in groups of four joined by '-'.
pub(crate) fn grouped(hex: &str) -> String {
    let hex = hex.to_ascii_uppercase();
    let mut out = String::with_capacity(hex.len() + hex.len() / 4);
    for (i, c) in hex.chars().enumerate() {
        if i > 0 && i % 4 == 0 {
            out.push('-');
        }
        out.push(c);
    }
    out
}

/// Why a ballot cannot go into a box.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BoxError {
    WrongPoll { expected: PollHash, found: PollHash },
    Duplicate { commitment: BallotCommitment },
}

/// In English: the message with its field path, for `--json` and logs.
impl std::fmt::Display for BoxError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for BoxError {}

impl BoxError {
    pub fn path(&self) -> &'static str {
        match self {
            BoxError::WrongPoll { .. } => "poll_hash",
            BoxError::Duplicate { .. } => "commitment",
        }
    }

    pub fn message(&self, lang: Lang) -> String {
        let w = ballot_words(lang);
        match self {
            BoxError::WrongPoll { expected, found } => w.box_wrong_poll(found, expected),
            BoxError::Duplicate { commitment } => w.box_duplicate(commitment),
        }
    }
}

/// The ballots of one poll, sorted by commitment, with their running tally.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BallotBox {
    poll: Poll,
    ballots: BTreeMap<BallotCommitment, Ballot>,
    tally: Tally,
}

impl BallotBox {
    pub fn new(poll: Poll) -> BallotBox {
        let tally = Tally::new(&poll);
        BallotBox {
            poll,
            ballots: BTreeMap::new(),
            tally,
        }
    }

    /// Puts a ballot in the box and counts it; returns the voter's receipt.
    pub fn cast(&mut self, ballot: Ballot) -> Result<Receipt, BoxError> {
        if ballot.poll_hash() != self.poll.hash() {
            return Err(BoxError::WrongPoll {
                expected: self.poll.hash(),
                found: ballot.poll_hash(),
            });
        }
        let commitment = ballot.commitment();
        if self.ballots.contains_key(&commitment) {
            return Err(BoxError::Duplicate { commitment });
        }
        // The poll hashes were compared above, so adding to the tally cannot fail.
        let _ = self.tally.add(&self.poll, &ballot);
        self.ballots.insert(commitment, ballot);
        Ok(Receipt::of(&commitment))
    }

    pub fn poll(&self) -> &Poll {
        &self.poll
    }

    pub fn len(&self) -> usize {
        self.ballots.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ballots.is_empty()
    }

    /// The ballots sorted by commitment.
    pub fn ballots(&self) -> impl ExactSizeIterator<Item = &Ballot> {
        self.ballots.values()
    }

    /// The commitments, sorted.
    pub fn commitments(&self) -> impl ExactSizeIterator<Item = &BallotCommitment> {
        self.ballots.keys()
    }

    pub fn contains(&self, commitment: &BallotCommitment) -> bool {
        self.ballots.contains_key(commitment)
    }

    /// Whether a ballot with this receipt is in the box.
    pub fn contains_receipt(&self, receipt: &Receipt) -> bool {
        self.ballots.keys().any(|c| receipt.matches(c))
    }

    pub fn tally(&self) -> &Tally {
        &self.tally
    }

    pub fn fingerprint(&self) -> BoxFingerprint {
        fingerprint(self.poll.hash(), self.ballots.keys())
    }
}

/// Fills a box from ballots that usually come in ascending commitment order, as they do when a
/// bundle is read back: each is appended to a list (no search per ballot) and, while they stay in
/// order, counted at once; the box's map is then built in one pass from the sorted list. Ballots
/// out of order (a tampered bundle) are sorted at the end, keeping the first of any repeated
/// commitment, and counted then, so that the box is always exactly the one `BallotBox::cast`
/// would give for the same ballots in the same order.
#[derive(Debug)]
pub(crate) struct BoxBuilder {
    poll: Poll,
    // Kept as the map's entries, so that the map takes over this allocation when it is built.
    ballots: Vec<(BallotCommitment, Ballot)>,
    tally: Tally,
    in_order: bool,
}

impl BoxBuilder {
    pub(crate) fn new(poll: Poll) -> BoxBuilder {
        let tally = Tally::new(&poll);
        BoxBuilder {
            poll,
            ballots: Vec::new(),
            tally,
            in_order: true,
        }
    }

    /// As [`BoxBuilder::new`], with room for `ballots` ballots.
    pub(crate) fn with_capacity(poll: Poll, ballots: usize) -> BoxBuilder {
        BoxBuilder {
            ballots: Vec::with_capacity(ballots),
            ..BoxBuilder::new(poll)
        }
    }

    /// As `BallotBox::cast`: a ballot of another poll is left out, and so, in the end, is a
    /// repeat of a commitment already cast.
    pub(crate) fn cast(&mut self, ballot: Ballot) {
        if ballot.poll_hash() != self.poll.hash() {
            return;
        }
        let commitment = ballot.commitment();
        if self.in_order {
            if self
                .ballots
                .last()
                .is_some_and(|(last, _)| *last >= commitment)
            {
                self.in_order = false;
            } else {
                // The ballot was made for this poll, so adding it cannot fail.
                let _ = self.tally.add(&self.poll, &ballot);
            }
        }
        self.ballots.push((commitment, ballot));
    }

    pub(crate) fn poll(&self) -> &Poll {
        &self.poll
    }

    pub(crate) fn finish(self) -> BallotBox {
        self.finish_counted().0
    }

    /// The box, and how many ballots were left out as repeats of a commitment.
    pub(crate) fn finish_counted(self) -> (BallotBox, usize) {
        let BoxBuilder {
            poll,
            mut ballots,
            mut tally,
            in_order,
        } = self;
        let mut repeats = 0;
        if !in_order {
            // A stable sort keeps repeats in cast order, and `dedup_by` keeps the first of each.
            ballots.sort_by_key(|(commitment, _)| *commitment);
            let before = ballots.len();
            ballots.dedup_by(|later, first| later.0 == first.0);
            repeats = before - ballots.len();
            tally = Tally::new(&poll);
            for (_, ballot) in &ballots {
                let _ = tally.add(&poll, ballot);
            }
        }
        // Sorted and distinct: collecting into the map builds it in bulk, and the map's own sort
        // finds one run at once.
        let the_box = BallotBox {
            poll,
            ballots: ballots.into_iter().collect(),
            tally,
        };
        (the_box, repeats)
    }
}

/// SHA-256 over (tag, poll hash, count, commitments in ascending byte order); `commitments` must
/// already be sorted (docs/bundle-format.md §Box fingerprint).
pub(crate) fn fingerprint<'a>(
    poll_hash: PollHash,
    commitments: impl ExactSizeIterator<Item = &'a BallotCommitment>,
) -> BoxFingerprint {
    use sha2::{Digest, Sha256};
    let mut e = Encoder::tagged(BOX_TAG);
    e.raw(poll_hash.as_bytes());
    e.u64(commitments.len() as u64);
    // Stream the commitments into the hash rather than building one large buffer.
    let mut h = Sha256::new();
    h.update(e.bytes());
    for c in commitments {
        h.update(c.as_bytes());
    }
    BoxFingerprint::from_bytes(h.finalize().into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ballot::{Answer, Salt};

    /// The builder gives the box that casting the same ballots one by one gives.
    #[test]
    fn builder_matches_casting_in_any_order() {
        let poll = Poll::from_json(include_str!("../../../assets/polls/demo.json")).unwrap();
        let ballots: Vec<Ballot> = (0u8..6)
            .map(|i| {
                let answer = match i % 3 {
                    0 => Answer::choice("dong_y"),
                    1 => Answer::choice("khong_dong_y"),
                    _ => Answer::Choice {
                        option: "y_kien_khac".into(),
                        free_text: Some(format!("ý kiến {}", i % 2)),
                    },
                };
                Ballot::new(&poll, vec![answer], Salt::from_bytes([i; 16])).unwrap()
            })
            .collect();
        let mut sorted = ballots.clone();
        sorted.sort_by_key(Ballot::commitment);
        let mut reversed = sorted.clone();
        reversed.reverse();
        let repeated: Vec<Ballot> = [0, 1, 1, 2, 3, 0, 4, 5, 5]
            .iter()
            .map(|&i| sorted[i].clone())
            .collect();
        let other = Poll::from_json(
            &include_str!("../../../assets/polls/demo.json")
                .replace("\"vi\": \"Đồng ý\"", "\"vi\": \"Có\""),
        )
        .unwrap();
        let foreign = Ballot::new(
            &other,
            vec![Answer::choice("dong_y")],
            Salt::from_bytes([9; 16]),
        );
        let mut mixed = sorted.clone();
        mixed.insert(2, foreign.unwrap());
        for list in [vec![], sorted.clone(), reversed, ballots, repeated, mixed] {
            let mut cast = BallotBox::new(poll.clone());
            let mut builder = BoxBuilder::new(poll.clone());
            for ballot in list {
                let _ = cast.cast(ballot.clone());
                builder.cast(ballot);
            }
            assert_eq!(builder.finish(), cast);
        }
    }
}
