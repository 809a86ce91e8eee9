//! Merging: the boxes of several tablets, clusters (cụm dân cư, D59 3.1đ) or sittings of one
//! poll become one box, and so one tally; a box seen twice or a ballot seen twice is refused, not
//! counted twice. Above the village, a commune-wide decision on contributions is counted on the
//! households of the whole commune, not on villages: it passes when the households that agree,
//! summed over every village, are at least two-thirds of all the commune's households (L 21.1,
//! docs/legal.md §Commune totals): `commune_rollup`.

use std::collections::BTreeMap;

use crate::ballot::BallotCommitment;
use crate::ballot_box::{BallotBox, BoxFingerprint};
use crate::lang::Lang;
use crate::poll::PollHash;
use crate::rule::at_least_two_thirds;

/// Why boxes or village results cannot be merged. `path` names the input, such as `boxes[2]`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MergeError {
    #[error("boxes: nothing to merge")]
    Nothing,
    #[error("boxes[{index}]: this box is for poll {found}, boxes[0] is for poll {expected}")]
    WrongPoll {
        index: usize,
        expected: PollHash,
        found: PollHash,
    },
    #[error("boxes[{second}]: the same box as boxes[{first}] (fingerprint {fingerprint})")]
    DuplicateBox {
        first: usize,
        second: usize,
        fingerprint: BoxFingerprint,
    },
    #[error("boxes[{second}]: ballot {commitment} is also in boxes[{first}]")]
    DuplicateBallot {
        first: usize,
        second: usize,
        commitment: BallotCommitment,
    },
    #[error("villages[{second}]: village {village:?} is also villages[{first}]")]
    DuplicateVillage {
        first: usize,
        second: usize,
        village: String,
    },
    #[error("villages: the villages' {found} households are more than the commune's {total}")]
    TooManyHouseholds { found: u64, total: u64 },
    #[error("villages[{index}]: {agree} agree is more than the village's {households} households")]
    AgreeExceedsHouseholds {
        index: usize,
        agree: u64,
        households: u64,
    },
    #[error("total_households: the commune must have at least one household")]
    NoHouseholds,
}

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
        let vi = match self {
            E::Nothing => "boxes: không có hòm phiếu nào để gộp".to_owned(),
            E::WrongPoll { index, expected, found } => format!(
                "boxes[{index}]: hòm phiếu này thuộc cuộc lấy ý kiến {found}, boxes[0] thuộc cuộc {expected}"
            ),
            E::DuplicateBox { first, second, fingerprint } => format!(
                "boxes[{second}]: trùng với hòm boxes[{first}] (mã kiểm tra hòm phiếu {fingerprint})"
            ),
            E::DuplicateBallot { first, second, commitment } => format!(
                "boxes[{second}]: phiếu {commitment} cũng có trong hòm boxes[{first}]"
            ),
            E::DuplicateVillage { first, second, village } => format!(
                "villages[{second}]: thôn {village:?} đã có ở villages[{first}]"
            ),
            E::TooManyHouseholds { found, total } => format!(
                "villages: các thôn có tổng cộng {found} hộ, nhiều hơn {total} hộ của cả xã"
            ),
            E::AgreeExceedsHouseholds { index, agree, households } => format!(
                "villages[{index}]: {agree} hộ đồng ý, nhiều hơn {households} hộ của thôn"
            ),
            E::NoHouseholds => "total_households: xã phải có ít nhất một hộ".to_owned(),
        };
        lang.pick(vi, self.to_string())
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
    pub fn of(bundle: &crate::AuditBundle) -> Option<VillageResult> {
        let poll = bundle.poll();
        if poll.kind() != crate::PollKind::Decision {
            return None;
        }
        let (_, item) = poll.decided_items().next()?;
        Some(VillageResult {
            village: poll.place().village().to_owned(),
            agree: bundle.tally().count(poll, item.id(), crate::poll::AGREE)?,
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
        match (lang, self.passed) {
            (Lang::Vi, true) => format!(
                "Được thông qua: {a}/{n} đại diện hộ gia đình trong xã đồng ý (từ 2/3 tổng số đại diện hộ gia đình trong xã trở lên, khoản 1 Điều 21 Luật 10/2022/QH15)"
            ),
            (Lang::Vi, false) => format!(
                "Không được thông qua: {a}/{n} đại diện hộ gia đình trong xã đồng ý (cần từ 2/3 tổng số đại diện hộ gia đình trong xã trở lên, tức ít nhất {need}, khoản 1 Điều 21 Luật 10/2022/QH15)"
            ),
            (Lang::En, true) => format!(
                "Passed: {a}/{n} household representatives of the commune agree (at least 2/3 of all the commune's household representatives, Article 21.1, Law 10/2022/QH15)"
            ),
            (Lang::En, false) => format!(
                "Not passed: {a}/{n} household representatives of the commune agree (needs at least 2/3 of all the commune's household representatives, at least {need}, Article 21.1, Law 10/2022/QH15)"
            ),
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
