//! The audit bundle (docs/bundle-format.md §Audit bundle): a closed box with its electorate and
//! minutes, written in its one canonical spelling and verified by recomputing everything it
//! claims from the openings alone, on a fast path for a canonical file and a general one for
//! anything else.

use crate::ballot::{Ballot, BallotCommitment, Salt};
use crate::ballot_box::{BallotBox, BoxBuilder, BoxFingerprint};
use crate::counted::CountedError;
use crate::encoding::Encoder;
use crate::minutes::Minutes;
use crate::poll::Poll;
use crate::rule::{decide, Electorate, Outcome, OutcomeError};
use crate::tally::Tally;

use super::ballot_list::{self, NotRead, Opening};
use super::check::{
    canonical_json, check_header, check_issued, check_poll_hash, compare, finish_verify,
    parse_canonical, poll_of, sniff_version, to_value, Claimed,
};
use super::dto::{
    answer_of, ballot_dto, electorate_dto, electorate_of, minutes_dto, minutes_of, outcome_dto,
    tally_dto, AuditBundleDto, BallotDto, View, AUDIT_FORMAT, BUNDLE_VERSION,
};
use super::error::{BundleError, Discrepancy, VerifyError};
use super::minutes_code::MinutesCode;
use super::stated::{box_fingerprint, minutes_code, minutes_code_encoding, Stated};

/// A closed box with its electorate and minutes: everything needed to check the count.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditBundle {
    ballot_box: BallotBox,
    /// The box's tally with the counts of the items voted by hands or on paper in place of the
    /// tablet's (`crate::counted`); the box's own when there are none.
    tally: Tally,
    electorate: Electorate,
    minutes: Minutes,
    outcomes: Vec<Outcome>,
    minutes_code: MinutesCode,
}

impl AuditBundle {
    /// Closes a box into a bundle; fails when more ballots were cast than the electorate allows
    /// or the rule needs the number present, or when the minutes state items voted by hands or
    /// on paper that do not hold against this electorate or that the box's poll did not hide
    /// from the tablet ([`Poll::voted_elsewhere`]).
    pub fn new(
        ballot_box: BallotBox,
        electorate: Electorate,
        minutes: Minutes,
    ) -> Result<AuditBundle, OutcomeError> {
        let poll = ballot_box.poll();
        let counted = minutes.counted();
        counted
            .check(poll, electorate.present(), electorate.total())
            .map_err(OutcomeError::Counted)?;
        if let Some(item) = poll
            .items()
            .iter()
            .enumerate()
            .find(|(i, it)| poll.is_voted_elsewhere(*i) != counted.by(it.id()).is_some())
        {
            return Err(OutcomeError::Counted(CountedError::NotHidden {
                item: item.1.id().to_owned(),
            }));
        }
        let tally = ballot_box.tally().clone().with_counted(poll, counted);
        let outcomes = decide(poll, &tally, &electorate)?;
        let minutes_code = minutes_code(Stated {
            poll,
            fingerprint: box_fingerprint(ballot_box.fingerprint(), &minutes),
            electorate: &electorate,
            minutes: &minutes,
            tally: &tally_dto(poll, &tally, View::Public),
            outcomes: &outcomes.iter().map(outcome_dto).collect::<Vec<_>>(),
        });
        Ok(AuditBundle {
            tally,
            ballot_box,
            electorate,
            minutes,
            outcomes,
            minutes_code,
        })
    }

    pub fn poll(&self) -> &Poll {
        self.ballot_box.poll()
    }

    pub fn ballot_box(&self) -> &BallotBox {
        &self.ballot_box
    }

    /// The count of every item: the tablet's ballots, and the counts of the items voted by
    /// hands or on paper (`crate::counted`).
    pub fn tally(&self) -> &Tally {
        &self.tally
    }

    pub fn electorate(&self) -> &Electorate {
        &self.electorate
    }

    pub fn minutes(&self) -> &Minutes {
        &self.minutes
    }

    pub fn outcomes(&self) -> &[Outcome] {
        &self.outcomes
    }

    /// The box's fingerprint: the tablet's box, and the items voted by hands or on paper when
    /// there are some (docs/bundle-format.md §Box fingerprint).
    pub fn fingerprint(&self) -> BoxFingerprint {
        box_fingerprint(self.ballot_box.fingerprint(), &self.minutes)
    }

    /// The code printed on the signed minutes (docs/bundle-format.md §Minutes code).
    pub fn minutes_code(&self) -> MinutesCode {
        self.minutes_code
    }

    /// The canonical encoding the minutes code is the SHA-256 of (docs/bundle-format.md
    /// §Minutes code), for a verifier written elsewhere to compare its own bytes with.
    pub fn minutes_code_encoding(&self) -> Vec<u8> {
        let poll = self.poll();
        minutes_code_encoding(Stated {
            poll,
            fingerprint: self.fingerprint(),
            electorate: &self.electorate,
            minutes: &self.minutes,
            tally: &tally_dto(poll, &self.tally, View::Public),
            outcomes: &self.outcomes.iter().map(outcome_dto).collect::<Vec<_>>(),
        })
        .bytes()
        .to_vec()
    }

    /// The canonical JSON (docs/bundle-format.md §Audit bundle).
    pub fn to_json(&self) -> String {
        let poll = self.poll();
        let dto = AuditBundleDto {
            format: AUDIT_FORMAT.into(),
            version: BUNDLE_VERSION,
            poll: poll.to_dto(),
            poll_hash: poll.hash().to_hex(),
            electorate: electorate_dto(&self.electorate),
            minutes: minutes_dto(&self.minutes),
            ballots: self.ballot_box.ballots().map(ballot_dto).collect(),
            tally: tally_dto(poll, self.tally(), View::Audit),
            outcomes: self.outcomes.iter().map(outcome_dto).collect(),
            fingerprint: self.fingerprint().to_hex(),
            minutes_code: self.minutes_code.to_hex(),
        };
        canonical_json(&dto)
    }

    /// Reads an audit bundle and recomputes everything it claims from the openings alone.
    ///
    /// A bundle in canonical form takes the fast path: the `ballots` list, nearly all of a large
    /// bundle, is read by a strict reader that accepts only the writer's exact bytes (so reading
    /// it is its canonical check), and the rest goes through the general parse-and-rewrite check
    /// on its own. Anything the fast path does not read, it leaves to the general path, which
    /// parses the whole file, re-writes it and compares; both report the same thing for the same
    /// file.
    pub fn verify(json: &str) -> Result<AuditBundle, VerifyError> {
        sniff_version(json, AUDIT_FORMAT)?;
        match verify_fast(json) {
            Some(result) => result,
            None => verify_general(json),
        }
    }
}

/// What went wrong while checking an audit bundle: the ballots could not be read (`E`), or they
/// could and the bundle does not verify.
pub(super) enum Stop<E> {
    Read(E),
    Verify(VerifyError),
}

impl<E> From<BundleError> for Stop<E> {
    fn from(e: BundleError) -> Stop<E> {
        Stop::Verify(VerifyError::Parse(e))
    }
}

/// The general path of `AuditBundle::verify`: parse the whole file, re-write it, compare bytes.
pub(super) fn verify_general(json: &str) -> Result<AuditBundle, VerifyError> {
    let mut dto: AuditBundleDto = parse_canonical(json)?;
    let ballots = std::mem::take(&mut dto.ballots);
    let openings = ballots
        .into_iter()
        .enumerate()
        .map(|(index, b)| opening_of(index, b));
    match check_audit(dto, openings) {
        Ok(bundle) => Ok(bundle),
        Err(Stop::Read(e)) => Err(VerifyError::Parse(e)),
        Err(Stop::Verify(e)) => Err(e),
    }
}

/// The fast path of `AuditBundle::verify`, or `None` to take the general path.
///
/// In canonical text a line that opens with exactly two spaces and a quote is a top-level key
/// (strings hold no raw newline, and every deeper line is indented further), so the first
/// `\n  "ballots": ` starts the list and the last `\n  "tally": ` follows it. The file is
/// canonical exactly when (a) the file with the list replaced by `[]` is the canonical bundle
/// of no ballots, and (b) the list is byte for byte the writer's list of the openings read from
/// it: the writer prints a field the same way whatever its neighbours hold.
pub(super) fn verify_fast(json: &str) -> Option<Result<AuditBundle, VerifyError>> {
    const BALLOTS: &str = "\n  \"ballots\": ";
    const TALLY: &str = "\n  \"tally\": ";
    let start = json.find(BALLOTS)? + BALLOTS.len();
    // The list ends just before the `,` that precedes the tally.
    let end = json.rfind(TALLY)?.checked_sub(1)?;
    if end < start || json.as_bytes().get(end) != Some(&b',') {
        return None;
    }
    let (head, list, tail) = (json.get(..start)?, json.get(start..end)?, json.get(end..)?);
    let rest = [head, "[]", tail].concat();
    let dto: AuditBundleDto = parse_canonical(&rest).ok()?;
    let mut reader = ballot_list::BallotList::new(list, dto.poll.items.len());
    let result = match check_audit(dto, reader.by_ref()) {
        Ok(bundle) => Ok(bundle),
        Err(Stop::Verify(e)) => Err(e),
        Err(Stop::Read(NotRead)) => return None,
    };
    // A check that stopped early (a bad header, say) answers for the file only if the rest of
    // the list is canonical too; otherwise the general path names the first wrong byte.
    reader.complete().then_some(result)
}

/// Decodes one entry of a parsed `ballots` list, naming the first field that is not well formed.
pub(super) fn opening_of(index: usize, b: BallotDto) -> Result<Opening, BundleError> {
    let claimed = BallotCommitment::from_hex(&b.commitment).ok_or_else(|| BundleError::Hex {
        path: format!("ballots[{index}].commitment"),
        found: b.commitment.clone(),
        bytes: 32,
    })?;
    let salt = Salt::from_hex(&b.salt).ok_or_else(|| BundleError::Hex {
        path: format!("ballots[{index}].salt"),
        found: b.salt.clone(),
        bytes: 16,
    })?;
    let answers = b
        .answers
        .into_iter()
        .enumerate()
        .map(|(j, a)| answer_of(a, &format!("ballots[{index}].answers[{j}]")))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Opening {
        claimed,
        salt,
        answers,
    })
}

/// Checks a parsed audit bundle (its `ballots` list left empty) against its openings, which
/// `openings` yields in list order (docs/bundle-format.md §Verifying).
pub(super) fn check_audit<E>(
    dto: AuditBundleDto,
    openings: impl Iterator<Item = Result<Opening, E>>,
) -> Result<AuditBundle, Stop<E>> {
    check_header(&dto.format, AUDIT_FORMAT, dto.version)?;
    let poll = poll_of(dto.poll)?;
    let electorate = electorate_of(&dto.electorate)?;
    let minutes = minutes_of(dto.minutes, Some((&poll, &electorate)))?;
    let mut found = Vec::new();
    check_poll_hash(&dto.poll_hash, &poll, &mut found);
    // The items voted by hands or on paper are blank on every tablet ballot (`crate::counted`).
    let poll = poll.voted_elsewhere(minutes.counted().items().iter().map(|c| c.item.as_str()));

    let mut builder = BoxBuilder::new(poll.clone());
    let mut previous: Option<BallotCommitment> = None;
    let mut e = Encoder::default();
    for (index, opening) in openings.enumerate() {
        let Opening {
            claimed,
            salt,
            answers,
        } = opening.map_err(Stop::Read)?;
        if previous.is_some_and(|p| p >= claimed) {
            found.push(Discrepancy::Order {
                path: format!("ballots[{index}].commitment"),
            });
        }
        previous = Some(claimed);
        match Ballot::new_with(&poll, answers, salt, &mut e) {
            Err(error) => found.push(Discrepancy::InvalidBallot { index, error }),
            Ok(ballot) => {
                if ballot.commitment() != claimed {
                    found.push(Discrepancy::Commitment {
                        index,
                        claimed,
                        computed: ballot.commitment(),
                    });
                }
                // A duplicate opening shows up as an order discrepancy above.
                builder.cast(ballot);
            }
        }
    }
    let ballot_box = builder.finish();
    check_issued(&minutes, ballot_box.len() as u64, &mut found);
    let tally = ballot_box
        .tally()
        .clone()
        .with_counted(&poll, minutes.counted());
    let computed_tally = tally_dto(&poll, &tally, View::Audit);
    // Equal shapes have no differing leaf, so the path-by-path comparison is needed only when
    // they differ.
    if dto.tally != computed_tally {
        compare(
            "tally",
            &to_value(&dto.tally),
            &to_value(&computed_tally),
            &mut found,
        );
    }
    let computed_fp = box_fingerprint(ballot_box.fingerprint(), &minutes);
    let (outcomes, computed_code) = finish_verify(
        Claimed {
            outcomes: &dto.outcomes,
            fingerprint: &dto.fingerprint,
            minutes_code: &dto.minutes_code,
        },
        &poll,
        (&tally, &computed_tally),
        (&electorate, &minutes),
        computed_fp,
        found,
    )
    .map_err(Stop::Verify)?;
    Ok(AuditBundle {
        tally,
        ballot_box,
        electorate,
        minutes,
        outcomes,
        minutes_code: computed_code,
    })
}
