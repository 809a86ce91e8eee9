//! The public summary (docs/bundle-format.md §Public summary): what a portal publishes, counts
//! and commitments without the openings, checked for consistency since it cannot be recounted.

use crate::ballot::BallotCommitment;
use crate::ballot_box::{fingerprint, BoxFingerprint};
use crate::minutes::Minutes;
use crate::poll::Poll;
use crate::receipt::Receipt;
use crate::rule::{Electorate, Outcome};
use crate::tally::Tally;

use super::audit::AuditBundle;
use super::check::{
    canonical_json, check_header, check_issued, check_poll_hash, compare, digest_of, finish_verify,
    parse_canonical, poll_of, sniff_version, to_value, Claimed,
};
use super::dto::{
    electorate_dto, electorate_of, minutes_dto, minutes_of, outcome_dto, tally_dto, tally_of,
    PublicSummaryDto, View, BUNDLE_VERSION, SUMMARY_FORMAT,
};
use super::error::{Discrepancy, VerifyError};
use super::minutes_code::MinutesCode;
use super::stated::box_fingerprint;

/// What a portal publishes: counts and commitments, no openings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicSummary {
    pub(super) poll: Poll,
    pub(super) electorate: Electorate,
    pub(super) minutes: Minutes,
    pub(super) tally: Tally,
    pub(super) outcomes: Vec<Outcome>,
    pub(super) commitments: Vec<BallotCommitment>,
    pub(super) fingerprint: BoxFingerprint,
    pub(super) minutes_code: MinutesCode,
}

impl PublicSummary {
    pub fn poll(&self) -> &Poll {
        &self.poll
    }

    pub fn electorate(&self) -> &Electorate {
        &self.electorate
    }

    pub fn minutes(&self) -> &Minutes {
        &self.minutes
    }

    pub fn tally(&self) -> &Tally {
        &self.tally
    }

    pub fn outcomes(&self) -> &[Outcome] {
        &self.outcomes
    }

    /// Sorted ascending.
    pub fn commitments(&self) -> &[BallotCommitment] {
        &self.commitments
    }

    pub fn fingerprint(&self) -> BoxFingerprint {
        self.fingerprint
    }

    /// The code printed on the signed minutes (docs/bundle-format.md §Minutes code).
    pub fn minutes_code(&self) -> MinutesCode {
        self.minutes_code
    }

    /// Whether a voter's receipt is among the counted ballots.
    pub fn contains_receipt(&self, receipt: &Receipt) -> bool {
        self.commitments.iter().any(|c| receipt.matches(c))
    }

    /// The canonical JSON (docs/bundle-format.md §Public summary).
    pub fn to_json(&self) -> String {
        canonical_json(&self.to_dto())
    }

    fn to_dto(&self) -> PublicSummaryDto {
        PublicSummaryDto {
            format: SUMMARY_FORMAT.into(),
            version: BUNDLE_VERSION,
            poll: self.poll.to_dto(),
            poll_hash: self.poll.hash().to_hex(),
            electorate: electorate_dto(&self.electorate),
            minutes: minutes_dto(&self.minutes),
            tally: tally_dto(&self.poll, &self.tally, View::Public),
            outcomes: self.outcomes.iter().map(outcome_dto).collect(),
            fingerprint: self.fingerprint.to_hex(),
            minutes_code: self.minutes_code.to_hex(),
            commitments: self.commitments.iter().map(|c| c.to_hex()).collect(),
        }
    }

    /// Reads a public summary and checks what it can alone: the poll hash, the fingerprint over
    /// the listed commitments, that the counts add up (docs/bundle-format.md §Consistency),
    /// that every outcome and its sentences follow from the tally under the rule, and the minutes
    /// code. The tally itself can only be recounted from the audit bundle (`verify_against`);
    /// whether this is the summary whose minutes were signed, only the paper says
    /// (`MinutesCode::matches_paper`).
    pub fn verify(json: &str) -> Result<PublicSummary, VerifyError> {
        sniff_version(json, SUMMARY_FORMAT)?;
        let dto: PublicSummaryDto = parse_canonical(json)?;
        check_header(&dto.format, SUMMARY_FORMAT, dto.version)?;
        let poll = poll_of(dto.poll)?;
        let electorate = electorate_of(&dto.electorate)?;
        let minutes = minutes_of(dto.minutes, Some((&poll, &electorate)))?;
        let mut found = Vec::new();
        check_poll_hash(&dto.poll_hash, &poll, &mut found);
        // The items voted by hands or on paper: their tally is the minutes' counts.
        let poll = poll.voted_elsewhere(minutes.counted().items().iter().map(|c| c.item.as_str()));
        let mut commitments = Vec::with_capacity(dto.commitments.len());
        for (i, c) in dto.commitments.iter().enumerate() {
            let c = BallotCommitment::from_bytes(digest_of(c, &format!("commitments[{i}]"))?);
            if commitments.last().is_some_and(|p| *p >= c) {
                found.push(Discrepancy::Order {
                    path: format!("commitments[{i}]"),
                });
            }
            commitments.push(c);
        }
        let tally = tally_of(&poll, &dto.tally)?;
        let counted = tally.clone().with_counted(&poll, minutes.counted());
        for (i, (stated, from_minutes)) in tally.items().iter().zip(counted.items()).enumerate() {
            if stated.counts() != from_minutes.counts() || stated.blank() != from_minutes.blank() {
                found.push(Discrepancy::Count {
                    path: format!("tally.items[{i}]"),
                    claimed: format!("{:?}", stated.counts()),
                    computed: format!("{:?}", from_minutes.counts()),
                });
            }
        }
        check_issued(&minutes, commitments.len() as u64, &mut found);
        if tally.ballots() != commitments.len() as u64 {
            found.push(Discrepancy::Count {
                path: "tally.ballots".into(),
                claimed: tally.ballots().to_string(),
                computed: commitments.len().to_string(),
            });
        }
        let computed_fp = box_fingerprint(fingerprint(poll.hash(), commitments.iter()), &minutes);
        let (outcomes, computed_code) = finish_verify(
            Claimed {
                outcomes: &dto.outcomes,
                fingerprint: &dto.fingerprint,
                minutes_code: &dto.minutes_code,
            },
            &poll,
            (&tally, &dto.tally),
            (&electorate, &minutes),
            computed_fp,
            found,
        )?;
        Ok(PublicSummary {
            poll,
            electorate,
            minutes,
            tally,
            outcomes,
            commitments,
            fingerprint: computed_fp,
            minutes_code: computed_code,
        })
    }

    /// Every field where this summary differs from the one its audit bundle gives.
    pub fn verify_against(&self, bundle: &AuditBundle) -> Vec<Discrepancy> {
        let mut found = Vec::new();
        compare(
            "",
            &to_value(&self.to_dto()),
            &to_value(&bundle.public_summary().to_dto()),
            &mut found,
        );
        found
    }
}

impl AuditBundle {
    /// The public summary of this bundle.
    pub fn public_summary(&self) -> PublicSummary {
        PublicSummary {
            poll: self.poll().clone(),
            electorate: *self.electorate(),
            minutes: self.minutes().clone(),
            // A summary has no openings: it knows what its file says, not which blanks were
            // skipped by the poll's logic, whether made here or read back.
            tally: self.tally().without_openings(),
            outcomes: self.outcomes().to_vec(),
            commitments: self.ballot_box().commitments().copied().collect(),
            fingerprint: self.fingerprint(),
            minutes_code: self.minutes_code(),
        }
    }
}
