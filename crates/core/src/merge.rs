//! Merging: the boxes of several tablets, clusters (cụm dân cư, D59 3.1đ) or sittings of one
//! poll become one box, and so one tally; a box seen twice or a ballot seen twice is refused, not
//! counted twice. Above the village, a commune-wide money decision passes when at least
//! two-thirds of the commune's villages approved it (L 21.1): `commune_rollup`.

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
    #[error("villages: {found} village results but the commune has {total} villages")]
    TooManyVillages { found: usize, total: u64 },
    #[error("total_villages: the commune must have at least one village")]
    NoVillages,
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
            E::TooManyVillages { .. } => "villages".into(),
            E::NoVillages => "total_villages".into(),
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
                "boxes[{second}]: trùng với hòm boxes[{first}] (dấu vân tay {fingerprint})"
            ),
            E::DuplicateBallot { first, second, commitment } => format!(
                "boxes[{second}]: phiếu {commitment} cũng có trong hòm boxes[{first}]"
            ),
            E::DuplicateVillage { first, second, village } => format!(
                "villages[{second}]: thôn {village:?} đã có ở villages[{first}]"
            ),
            E::TooManyVillages { found, total } => {
                format!("villages: có {found} kết quả thôn nhưng xã chỉ có {total} thôn")
            }
            E::NoVillages => "total_villages: xã phải có ít nhất một thôn".to_owned(),
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

/// Whether one village approved a commune-wide decision.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct VillageResult {
    village: String,
    approved: bool,
}

impl VillageResult {
    pub fn new(village: impl Into<String>, approved: bool) -> VillageResult {
        VillageResult {
            village: village.into(),
            approved,
        }
    }

    pub fn village(&self) -> &str {
        &self.village
    }

    pub fn approved(&self) -> bool {
        self.approved
    }
}

/// A commune-wide result: approved villages against all the commune's villages (L 21.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct CommuneOutcome {
    approved: u64,
    villages: u64,
    passed: bool,
}

impl CommuneOutcome {
    pub fn approved(&self) -> u64 {
        self.approved
    }

    /// All villages of the commune: those that did not vote count as not approving.
    pub fn villages(&self) -> u64 {
        self.villages
    }

    pub fn passed(&self) -> bool {
        self.passed
    }

    pub fn sentence(&self, lang: Lang) -> String {
        let (a, n) = (self.approved, self.villages);
        match (lang, self.passed) {
            (Lang::Vi, true) => format!(
                "Đạt: {a}/{n} thôn, tổ dân phố tán thành (≥ 2/3 tổng số thôn, tổ dân phố của xã, khoản 1 Điều 21 Luật 10/2022/QH15)"
            ),
            (Lang::Vi, false) => format!(
                "Không đạt: {a}/{n} thôn, tổ dân phố tán thành (cần ≥ 2/3 tổng số thôn, tổ dân phố của xã, khoản 1 Điều 21 Luật 10/2022/QH15)"
            ),
            (Lang::En, true) => format!(
                "Passed: {a}/{n} villages approved (≥ 2/3 of the commune's villages, Article 21.1, Law 10/2022/QH15)"
            ),
            (Lang::En, false) => format!(
                "Not passed: {a}/{n} villages approved (needs ≥ 2/3 of the commune's villages, Article 21.1, Law 10/2022/QH15)"
            ),
        }
    }
}

/// Rolls village results up to the commune: passes iff approved × 3 ≥ total_villages × 2
/// (L 21.1). `total_villages` is every village of the commune, not only those reporting.
pub fn commune_rollup(
    total_villages: u64,
    results: &[VillageResult],
) -> Result<CommuneOutcome, MergeError> {
    if total_villages == 0 {
        return Err(MergeError::NoVillages);
    }
    if results.len() as u64 > total_villages {
        return Err(MergeError::TooManyVillages {
            found: results.len(),
            total: total_villages,
        });
    }
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, r) in results.iter().enumerate() {
        if let Some(first) = seen.insert(r.village.as_str(), i) {
            return Err(MergeError::DuplicateVillage {
                first,
                second: i,
                village: r.village.clone(),
            });
        }
    }
    let approved = results.iter().filter(|r| r.approved).count() as u64;
    Ok(CommuneOutcome {
        approved,
        villages: total_villages,
        passed: at_least_two_thirds(approved, total_villages),
    })
}
