//! Merging: the boxes of several tablets, clusters (cụm dân cư, D59 3.1đ) or sittings of one
//! poll become one box, and so one tally; a box seen twice or a ballot seen twice is refused, not
//! counted twice. Above the village, a commune-wide decision on contributions is counted on the
//! households of the whole commune, not on villages: it passes when the households that agree,
//! summed over every village, are at least two-thirds of all the commune's households (L 21.1,
//! docs/legal.md §Commune totals): `commune_rollup`.
//!
//! Boxes travel as audit bundles: `merge_bundles` merges the bundles of several tablets or
//! sittings into one bundle whose minutes list every box (D59 3.1đ: cluster results add up to the
//! village result), each box's own facts kept in a `BoxEntry`.

use std::collections::BTreeMap;

use crate::ballot::BallotCommitment;
use crate::ballot_box::{BallotBox, BoxFingerprint};
use crate::bundle::{AuditBundle, MinutesCode};
use crate::i18n::merge_words;
use crate::lang::Lang;
use crate::minutes::{Minutes, MinutesError};
use crate::poll::{PollHash, PollKind, AGREE};
use crate::rule::{at_least_two_thirds, Electorate, OutcomeError};

/// Why boxes or village results cannot be merged. `path` names the input, such as `boxes[2]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MergeError {
    Nothing,
    WrongPoll {
        index: usize,
        expected: PollHash,
        found: PollHash,
    },
    DuplicateBox {
        first: usize,
        second: usize,
        fingerprint: BoxFingerprint,
    },
    DuplicateBallot {
        first: usize,
        second: usize,
        commitment: BallotCommitment,
    },
    DuplicateVillage {
        first: usize,
        second: usize,
        village: String,
    },
    TooManyHouseholds {
        found: u64,
        total: u64,
    },
    AgreeExceedsHouseholds {
        index: usize,
        agree: u64,
        households: u64,
    },
    NoHouseholds,
}

/// In English: the message with its field path, for `--json` and logs.
impl std::fmt::Display for MergeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for MergeError {}

impl MergeError {
    pub fn path(&self) -> String {
        use MergeError as E;
        match self {
            E::Nothing => "boxes".into(),
            E::WrongPoll { index, .. } => format!("boxes[{index}]"),
            E::DuplicateBox { second, .. } | E::DuplicateBallot { second, .. } => {
                format!("boxes[{second}]")
            }
            E::DuplicateVillage { second, .. } => format!("villages[{second}]"),
            E::TooManyHouseholds { .. } => "villages".into(),
            E::AgreeExceedsHouseholds { index, .. } => format!("villages[{index}]"),
            E::NoHouseholds => "total_households".into(),
        }
    }

    pub fn message(&self, lang: Lang) -> String {
        use MergeError as E;
        let w = merge_words(lang);
        match self {
            E::Nothing => w.nothing.into(),
            E::WrongPoll {
                index,
                expected,
                found,
            } => w.wrong_poll(index, found, expected),
            E::DuplicateBox {
                first,
                second,
                fingerprint,
            } => w.duplicate_box(second, first, fingerprint),
            E::DuplicateBallot {
                first,
                second,
                commitment,
            } => w.duplicate_ballot(second, commitment, first),
            E::DuplicateVillage {
                first,
                second,
                village,
            } => w.duplicate_village(second, format!("{village:?}"), first),
            E::TooManyHouseholds { found, total } => w.too_many_households(found, total),
            E::AgreeExceedsHouseholds {
                index,
                agree,
                households,
            } => w.agree_exceeds_households(index, agree, households),
            E::NoHouseholds => w.no_households.into(),
        }
    }
}

/// Merges boxes of one poll into one box, refusing duplicates.
pub fn merge_boxes(boxes: Vec<BallotBox>) -> Result<BallotBox, MergeError> {
    let mut iter = boxes.into_iter().enumerate();
    let Some((_, first)) = iter.next() else {
        return Err(MergeError::Nothing);
    };
    let poll_hash = first.poll().hash();
    let mut fingerprints = vec![first.fingerprint()];
    let mut origin: BTreeMap<BallotCommitment, usize> =
        first.commitments().map(|c| (*c, 0)).collect();
    let mut merged = first;
    for (index, b) in iter {
        if b.poll().hash() != poll_hash {
            return Err(MergeError::WrongPoll {
                index,
                expected: poll_hash,
                found: b.poll().hash(),
            });
        }
        let fingerprint = b.fingerprint();
        if let Some(first) = fingerprints.iter().position(|f| *f == fingerprint) {
            return Err(MergeError::DuplicateBox {
                first,
                second: index,
                fingerprint,
            });
        }
        fingerprints.push(fingerprint);
        for ballot in b.ballots() {
            let commitment = ballot.commitment();
            if let Some(first) = origin.insert(commitment, index) {
                return Err(MergeError::DuplicateBallot {
                    first,
                    second: index,
                    commitment,
                });
            }
            // Same poll and a new commitment: casting cannot fail.
            let _ = merged.cast(ballot.clone());
        }
    }
    Ok(merged)
}

/// One box that went into a merge, with the facts of its own signed minutes, as the merged
/// minutes list it (docs/cli.md §merge).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BoxEntry {
    fingerprint: BoxFingerprint,
    minutes_code: MinutesCode,
    ballots: u64,
    present: Option<u64>,
    minutes: Minutes,
}

impl BoxEntry {
    /// The box of one bundle.
    pub fn of(bundle: &AuditBundle) -> BoxEntry {
        BoxEntry {
            fingerprint: bundle.fingerprint(),
            minutes_code: bundle.minutes_code(),
            ballots: bundle.tally().ballots(),
            present: bundle.electorate().present(),
            minutes: bundle.minutes().clone(),
        }
    }

    pub fn fingerprint(&self) -> BoxFingerprint {
        self.fingerprint
    }

    /// The code printed on this box's own signed minutes.
    pub fn minutes_code(&self) -> MinutesCode {
        self.minutes_code
    }

    pub fn ballots(&self) -> u64 {
        self.ballots
    }

    pub fn present(&self) -> Option<u64> {
        self.present
    }

    /// This box's own minutes: place, time, board, witnesses, test line.
    pub fn minutes(&self) -> &Minutes {
        &self.minutes
    }

    pub fn place(&self) -> &str {
        self.minutes.place()
    }

    pub fn time(&self) -> &str {
        self.minutes.time()
    }
}

/// Several boxes of one poll merged into one audit bundle, and the boxes it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MergedBundle {
    bundle: AuditBundle,
    boxes: Vec<BoxEntry>,
}

impl MergedBundle {
    pub fn bundle(&self) -> &AuditBundle {
        &self.bundle
    }

    pub fn boxes(&self) -> &[BoxEntry] {
        &self.boxes
    }

    pub fn into_parts(self) -> (AuditBundle, Vec<BoxEntry>) {
        (self.bundle, self.boxes)
    }
}

/// Why audit bundles cannot be merged. `path` names the input, such as `boxes[2]`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MergeBundlesError {
    #[error("{0}")]
    Boxes(MergeError),
    #[error("{}", self.message(Lang::En))]
    TotalDiffers {
        index: usize,
        expected: u64,
        found: u64,
    },
    #[error("{}", self.message(Lang::En))]
    PresentDiffers {
        first: usize,
        index: usize,
        expected: u64,
        found: u64,
    },
    #[error("{0}")]
    Electorate(OutcomeError),
    #[error("{0}")]
    Minutes(MinutesError),
    #[error("{}", self.message(Lang::En))]
    Counted { index: usize },
}

impl MergeBundlesError {
    pub fn path(&self) -> String {
        match self {
            MergeBundlesError::Boxes(e) => e.path(),
            MergeBundlesError::TotalDiffers { index, .. } => {
                format!("boxes[{index}].electorate.total")
            }
            MergeBundlesError::PresentDiffers { index, .. } => {
                format!("boxes[{index}].electorate.present")
            }
            MergeBundlesError::Electorate(e) => e.path().into(),
            MergeBundlesError::Minutes(e) => e.path(),
            MergeBundlesError::Counted { index } => format!("boxes[{index}].minutes.counted"),
        }
    }

    /// The index of the box that caused the refusal, when one did.
    pub fn index(&self) -> Option<usize> {
        match self {
            MergeBundlesError::Boxes(MergeError::WrongPoll { index, .. })
            | MergeBundlesError::TotalDiffers { index, .. }
            | MergeBundlesError::PresentDiffers { index, .. }
            | MergeBundlesError::Counted { index } => Some(*index),
            MergeBundlesError::Boxes(
                MergeError::DuplicateBox { second, .. }
                | MergeError::DuplicateBallot { second, .. },
            ) => Some(*second),
            _ => None,
        }
    }

    pub fn message(&self, lang: Lang) -> String {
        let w = merge_words(lang);
        match self {
            MergeBundlesError::Boxes(e) => e.message(lang),
            MergeBundlesError::TotalDiffers {
                index,
                expected,
                found,
            } => w.total_differs(index, found, expected),
            MergeBundlesError::PresentDiffers {
                first,
                index,
                expected,
                found,
            } => w.present_differs(index, found, first, expected),
            MergeBundlesError::Electorate(e) => e.message(lang),
            MergeBundlesError::Minutes(e) => e.message(lang),
            MergeBundlesError::Counted { index } => w.counted(index),
        }
    }
}

impl MergeBundlesError {
    /// What an officer reads on the merge page: the boxes named by their place in the list
    /// ("hòm thứ 2"), never `boxes[1]` (issue 22); [`MergeBundlesError::message`] keeps the
    /// paths for `--json` and logs.
    pub fn plain_message(&self, lang: Lang) -> String {
        let w = merge_words(lang);
        match self {
            MergeBundlesError::Boxes(MergeError::Nothing) => w.plain_nothing.into(),
            MergeBundlesError::Boxes(MergeError::WrongPoll { index, .. }) => {
                w.plain_wrong_poll(index + 1)
            }
            MergeBundlesError::Boxes(MergeError::DuplicateBox {
                first,
                second,
                fingerprint,
            }) => w.plain_duplicate_box(second + 1, first + 1, fingerprint.short()),
            MergeBundlesError::Boxes(MergeError::DuplicateBallot { first, second, .. }) => {
                w.plain_duplicate_ballot(second + 1, first + 1)
            }
            MergeBundlesError::Boxes(e) => crate::lang::without_path(&e.message(lang)),
            MergeBundlesError::TotalDiffers {
                index,
                expected,
                found,
            } => w.plain_total_differs(index + 1, found, expected),
            MergeBundlesError::PresentDiffers {
                first,
                index,
                expected,
                found,
            } => w.plain_present_differs(index + 1, found, first + 1, expected),
            MergeBundlesError::Electorate(e) => e.plain_message(lang),
            MergeBundlesError::Minutes(e) => crate::lang::without_path(&e.message(lang)),
            MergeBundlesError::Counted { index } => w.plain_counted(index + 1),
        }
    }
}

/// Merges the audit bundles of several tablets, clusters or sittings of one poll into one
/// bundle, refusing another poll, the same box twice or a ballot twice (`merge_boxes`).
///
/// The merged electorate keeps the common total (the village's households: every box counts
/// against it, so the totals must agree). Attendance adds up across sittings: boxes with the
/// same place and time are tablets of one sitting and must state the same number present, which
/// counts once; boxes of different places or times are clusters or sittings (D59 3.1đ) and their
/// numbers add (two clusters of 14 present each are 28 present, not 14). When any box states no
/// number present, the merge has none. The merged minutes keep every box's facts: each field
/// lists every distinct value in input order, texts joined by "; " and names (board, witnesses,
/// chair, secretary) as one list without repeats; wrong PIN tries summed; each box's own
/// minutes stay in `boxes`
/// (docs/cli.md §merge). Merging one box gives that box's bundle back unchanged.
pub fn merge_bundles(bundles: &[AuditBundle]) -> Result<MergedBundle, MergeBundlesError> {
    // A show of hands or a paper count is one sitting's: two tablets of that sitting would
    // state it twice, and nothing here can tell (issue 19). One box keeps its counts.
    if bundles.len() > 1 {
        if let Some(index) = bundles
            .iter()
            .position(|b| !b.minutes().counted().is_empty())
        {
            return Err(MergeBundlesError::Counted { index });
        }
    }
    let boxes = bundles.iter().map(|b| b.ballot_box().clone()).collect();
    let merged = merge_boxes(boxes).map_err(MergeBundlesError::Boxes)?;
    // merge_boxes refused an empty list, so there is a first bundle.
    let first = &bundles[0];
    let total = first.electorate().total();
    if let Some((index, b)) = bundles
        .iter()
        .enumerate()
        .find(|(_, b)| b.electorate().total() != total)
    {
        return Err(MergeBundlesError::TotalDiffers {
            index,
            expected: total,
            found: b.electorate().total(),
        });
    }
    let electorate =
        Electorate::new(total, merged_present(bundles)?).map_err(MergeBundlesError::Electorate)?;
    let texts = |field: fn(&Minutes) -> &str| {
        let mut seen: Vec<&str> = Vec::new();
        for b in bundles {
            let value = field(b.minutes());
            if !value.is_empty() && !seen.contains(&value) {
                seen.push(value);
            }
        }
        seen.join("; ")
    };
    let names = |field: fn(&Minutes) -> &[String]| {
        let mut seen: Vec<String> = Vec::new();
        for b in bundles {
            for name in field(b.minutes()) {
                if !seen.contains(name) {
                    seen.push(name.clone());
                }
            }
        }
        seen
    };
    let minutes = Minutes::joined(
        texts(Minutes::place),
        texts(Minutes::time),
        names(Minutes::board),
        names(Minutes::witnesses),
        texts(Minutes::logic_and_accuracy_test),
    )
    .and_then(|m| {
        m.with_proceedings(
            texts(Minutes::chair),
            texts(Minutes::secretary),
            texts(Minutes::closed_at),
            texts(Minutes::complaints),
        )
    })
    .map_err(MergeBundlesError::Minutes)?
    .with_wrong_pins(bundles.iter().map(|b| b.minutes().wrong_pins()).sum());
    // Ballots issued add up only when every sitting counted them.
    let minutes = match bundles
        .iter()
        .map(|b| b.minutes().issued())
        .sum::<Option<u64>>()
    {
        Some(n) => minutes.with_issued(n),
        None => minutes,
    };
    // One box alone: its items voted by hands or on paper, as its minutes state them.
    let minutes = minutes.with_counted_of(first.minutes());
    let bundle =
        AuditBundle::new(merged, electorate, minutes).map_err(MergeBundlesError::Electorate)?;
    Ok(MergedBundle {
        bundle,
        boxes: bundles.iter().map(BoxEntry::of).collect(),
    })
}

/// Those present at all the sittings merged (`merge_bundles`): one number per sitting (place
/// and time), summed.
fn merged_present(bundles: &[AuditBundle]) -> Result<Option<u64>, MergeBundlesError> {
    let mut sittings: Vec<(&str, &str, usize, u64)> = Vec::new();
    for (index, b) in bundles.iter().enumerate() {
        let Some(present) = b.electorate().present() else {
            return Ok(None);
        };
        let (place, time) = (b.minutes().place(), b.minutes().time());
        match sittings.iter().find(|s| s.0 == place && s.1 == time) {
            Some(&(_, _, first, expected)) if expected != present => {
                return Err(MergeBundlesError::PresentDiffers {
                    first,
                    index,
                    expected,
                    found: present,
                })
            }
            Some(_) => {}
            None => sittings.push((place, time, index, present)),
        }
    }
    Ok(Some(sittings.iter().map(|s| s.3).sum()))
}

/// One village's count on a commune-wide decision: the households that agree, of the village's
/// households (its electorate).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct VillageResult {
    village: String,
    agree: u64,
    households: u64,
}

impl VillageResult {
    pub fn new(village: impl Into<String>, agree: u64, households: u64) -> VillageResult {
        VillageResult {
            village: village.into(),
            agree,
            households,
        }
    }

    /// The count of one village's bundle on a commune-wide decision: its village, the
    /// households that agree on its first decided item, and its electorate. `None` for a poll
    /// that is not a decision.
    pub fn of(bundle: &AuditBundle) -> Option<VillageResult> {
        let poll = bundle.poll();
        if poll.kind() != PollKind::Decision {
            return None;
        }
        let (_, item) = poll.decided_items().next()?;
        Some(VillageResult {
            village: poll.place().village().to_owned(),
            agree: bundle.tally().count(poll, item.id(), AGREE)?,
            households: bundle.electorate().total(),
        })
    }

    pub fn village(&self) -> &str {
        &self.village
    }

    pub fn agree(&self) -> u64 {
        self.agree
    }

    pub fn households(&self) -> u64 {
        self.households
    }
}

/// A commune-wide result: households that agree across the commune, against all its households
/// (L 21.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct CommuneOutcome {
    agree: u64,
    households: u64,
    reported: u64,
    passed: bool,
}

impl CommuneOutcome {
    /// Households that agree, summed over the villages that reported.
    pub fn agree(&self) -> u64 {
        self.agree
    }

    /// All households of the commune: those of villages that did not report count as not
    /// agreeing.
    pub fn households(&self) -> u64 {
        self.households
    }

    /// Households of the villages that reported.
    pub fn reported(&self) -> u64 {
        self.reported
    }

    pub fn passed(&self) -> bool {
        self.passed
    }

    pub fn sentence(&self, lang: Lang) -> String {
        let (a, n) = (self.agree, self.households);
        let need = u64::try_from((u128::from(n) * 2).div_ceil(3)).unwrap_or(u64::MAX);
        if self.passed {
            merge_words(lang).commune_passed(a, n)
        } else {
            merge_words(lang).commune_not_passed(a, n, need)
        }
    }
}

/// Rolls village counts up to the commune: passes iff (agree summed over the villages) × 3 ≥
/// `total_households` × 2 (L 21.1). `total_households` is every household of the commune, not
/// only those of the villages reporting; each village appears once.
///
/// ```
/// use phieu_core::{commune_rollup, VillageResult};
/// // Six villages of 100 households approve at 67%, three at 10%: 432 of 900 agree.
/// let mut v: Vec<_> = (0..6).map(|i| VillageResult::new(format!("T{i}"), 67, 100)).collect();
/// v.extend((6..9).map(|i| VillageResult::new(format!("T{i}"), 10, 100)));
/// let outcome = commune_rollup(900, &v).unwrap();
/// assert_eq!((outcome.agree(), outcome.passed()), (432, false));
/// ```
pub fn commune_rollup(
    total_households: u64,
    results: &[VillageResult],
) -> Result<CommuneOutcome, MergeError> {
    if total_households == 0 {
        return Err(MergeError::NoHouseholds);
    }
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    let (mut agree, mut reported) = (0u64, 0u64);
    for (i, r) in results.iter().enumerate() {
        if let Some(first) = seen.insert(r.village.as_str(), i) {
            return Err(MergeError::DuplicateVillage {
                first,
                second: i,
                village: r.village.clone(),
            });
        }
        if r.agree > r.households {
            return Err(MergeError::AgreeExceedsHouseholds {
                index: i,
                agree: r.agree,
                households: r.households,
            });
        }
        agree = agree.saturating_add(r.agree);
        reported = reported.saturating_add(r.households);
    }
    if reported > total_households {
        return Err(MergeError::TooManyHouseholds {
            found: reported,
            total: total_households,
        });
    }
    Ok(CommuneOutcome {
        agree,
        households: total_households,
        reported,
        passed: at_least_two_thirds(agree, total_households),
    })
}

#[cfg(test)]
pub(crate) mod tests;
