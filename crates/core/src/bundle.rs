//! The two exports (docs/bundle-format.md). The **audit bundle** is for the commune and auditors:
//! the poll, electorate, minutes metadata, every ballot opening (answers and salt) sorted by
//! commitment, the tally, the outcomes, the box fingerprint and a seal over the minutes. The
//! **public summary** is for a portal page: the same without the openings, with the sorted list of
//! commitments instead, so a voter can find their receipt and nobody can link it to a vote.
//!
//! Both are written in exactly one way (pretty JSON in a fixed field order, docs/bundle-format.md
//! §JSON rules), so the same ballots always give the same bytes whatever the order of casting,
//! and a reader refuses any other spelling. `AuditBundle::verify` recomputes every commitment, the
//! fingerprint, the tally, the outcomes and the seal from the openings alone and names each
//! difference: which ballot, which count.

pub(crate) mod ballot_list;
pub(crate) mod dto;

use crate::ballot::{Answer, Ballot, BallotCommitment, BallotError, Salt};
use crate::ballot_box::{fingerprint, BallotBox, BoxBuilder, BoxFingerprint};
use crate::encoding::{digest_newtype, Encoder, SEAL_TAG};
use crate::lang::Lang;
use crate::minutes::{Minutes, MinutesError};
use crate::poll::{Poll, PollError, PollHash};
use crate::receipt::Receipt;
use crate::rule::{decide, Decision, Electorate, Outcome, OutcomeError};
use crate::tally::{ItemTally, Tally};
use ballot_list::{NotRead, Opening};
use dto::{
    AnswerDto, AuditBundleDto, BallotDto, ElectorateDto, ItemTallyDto, MeanDto, MinutesDto,
    OptionCountDto, OutcomeDto, PublicSummaryDto, TallyDto,
};

/// The `format` of an audit bundle.
pub const AUDIT_FORMAT: &str = "phieu/audit-bundle";
/// The `format` of a public summary.
pub const SUMMARY_FORMAT: &str = "phieu/public-summary";
/// The only bundle version this crate reads and writes.
pub const BUNDLE_VERSION: u64 = 1;

digest_newtype!(
    /// SHA-256 over (tag, poll hash, fingerprint, electorate, minutes) (docs/bundle-format.md
    /// §Seal): binds the minutes metadata and the denominator to the ballots.
    Seal
);

/// Why a file is not a well-formed bundle at all (before any recomputation).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BundleError {
    #[error("{path}: not valid JSON at line {line}, column {column}: {detail}")]
    Json {
        path: String,
        line: usize,
        column: usize,
        detail: String,
    },
    #[error("byte {offset} (line {line}): not in the canonical form phieu writes (docs/bundle-format.md §JSON rules)")]
    NotCanonical { offset: usize, line: usize },
    #[error("format: expected {expected:?}, found {found:?}")]
    Format {
        expected: &'static str,
        found: String,
    },
    #[error("version: {found} is not supported (this phieu reads version 1)")]
    Version { found: u64 },
    #[error("poll.{0}")]
    Poll(PollError),
    #[error("{path}: {found:?} is not {bytes} bytes of lower-case hex")]
    Hex {
        path: String,
        found: String,
        bytes: usize,
    },
    #[error("{0}")]
    Electorate(OutcomeError),
    #[error("{0}")]
    Minutes(MinutesError),
    #[error("{path}: an answer is null (blank) or has exactly one of option, options, number, text; free_text only beside option or options")]
    Answer { path: String },
    #[error("{path}: does not match the poll's items and options")]
    TallyShape { path: String },
}

impl BundleError {
    pub fn path(&self) -> String {
        match self {
            BundleError::Json { path, .. }
            | BundleError::Hex { path, .. }
            | BundleError::Answer { path }
            | BundleError::TallyShape { path } => path.clone(),
            BundleError::NotCanonical { .. } => String::new(),
            BundleError::Format { .. } => "format".into(),
            BundleError::Version { .. } => "version".into(),
            BundleError::Poll(e) if e.path().is_empty() => "poll".into(),
            BundleError::Poll(e) => format!("poll.{}", e.path()),
            BundleError::Electorate(e) => e.path().into(),
            BundleError::Minutes(e) => e.path(),
        }
    }

    pub fn message(&self, lang: Lang) -> String {
        let vi = match self {
            BundleError::Json {
                path,
                line,
                column,
                detail,
            } => format!("{path}: không phải JSON hợp lệ ở dòng {line}, cột {column}: {detail}"),
            BundleError::NotCanonical { offset, line } => format!(
                "byte {offset} (dòng {line}): tệp không ở dạng chuẩn do phieu ghi (có thể đã bị sửa)"
            ),
            BundleError::Format { expected, found } => {
                format!("format: cần {expected:?}, nhưng là {found:?}")
            }
            BundleError::Version { found } => {
                format!("version: không hỗ trợ phiên bản {found} (phieu này đọc phiên bản 1)")
            }
            BundleError::Poll(e) => {
                if e.path().is_empty() {
                    format!("poll: {}", e.message(Lang::Vi))
                } else {
                    format!("poll.{}", e.message(Lang::Vi))
                }
            }
            BundleError::Hex { path, found, bytes } => {
                format!("{path}: {found:?} không phải {bytes} byte viết bằng hex chữ thường")
            }
            BundleError::Electorate(e) => e.message(Lang::Vi),
            BundleError::Minutes(e) => e.message(Lang::Vi),
            BundleError::Answer { path } => format!(
                "{path}: câu trả lời phải là null (để trống) hoặc có đúng một trong option, options, number, text"
            ),
            BundleError::TallyShape { path } => {
                format!("{path}: không khớp với các câu hỏi và lựa chọn của cuộc lấy ý kiến")
            }
        };
        match (lang, self) {
            (Lang::Vi, _) => vi,
            (Lang::En, BundleError::Poll(e)) if e.path().is_empty() => {
                format!("poll: {}", e.message(Lang::En))
            }
            (Lang::En, BundleError::Poll(e)) => format!("poll.{}", e.message(Lang::En)),
            (Lang::En, _) => self.to_string(),
        }
    }
}

/// One thing a bundle claims that its own contents do not bear out.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Discrepancy {
    #[error("poll_hash: claimed {claimed}, the poll hashes to {computed}")]
    PollHash { claimed: String, computed: PollHash },
    #[error("ballots[{index}]: not a valid ballot: {error}")]
    InvalidBallot { index: usize, error: BallotError },
    #[error("ballots[{index}].commitment: claimed {claimed}, the opening commits to {computed}")]
    Commitment {
        index: usize,
        claimed: BallotCommitment,
        computed: BallotCommitment,
    },
    #[error("{path}: commitments are not in strictly ascending order here")]
    Order { path: String },
    #[error("{0}")]
    Electorate(OutcomeError),
    #[error("fingerprint: claimed {claimed}, the ballots give {computed}")]
    Fingerprint {
        claimed: BoxFingerprint,
        computed: BoxFingerprint,
    },
    #[error("seal: claimed {claimed}, the minutes and ballots give {computed}")]
    Seal { claimed: Seal, computed: Seal },
    #[error("{path}: claimed {claimed}, recounted {computed}")]
    Count {
        path: String,
        claimed: String,
        computed: String,
    },
}

impl Discrepancy {
    pub fn path(&self) -> String {
        match self {
            Discrepancy::PollHash { .. } => "poll_hash".into(),
            Discrepancy::InvalidBallot { index, error } => {
                format!("ballots[{index}].{}", error.path())
            }
            Discrepancy::Commitment { index, .. } => format!("ballots[{index}].commitment"),
            Discrepancy::Order { path } | Discrepancy::Count { path, .. } => path.clone(),
            Discrepancy::Electorate(e) => e.path().into(),
            Discrepancy::Fingerprint { .. } => "fingerprint".into(),
            Discrepancy::Seal { .. } => "seal".into(),
        }
    }

    pub fn message(&self, lang: Lang) -> String {
        let vi = match self {
            Discrepancy::PollHash { claimed, computed } => {
                format!("poll_hash: ghi {claimed}, nhưng nội dung cuộc lấy ý kiến cho {computed}")
            }
            Discrepancy::InvalidBallot { index, error } => {
                format!(
                    "ballots[{index}]: phiếu không hợp lệ: {}",
                    error.message(Lang::Vi)
                )
            }
            Discrepancy::Commitment {
                index,
                claimed,
                computed,
            } => format!(
                "ballots[{index}].commitment: ghi {claimed}, nhưng nội dung phiếu cho {computed}"
            ),
            Discrepancy::Order { path } => {
                format!("{path}: các mã cam kết không theo thứ tự tăng dần")
            }
            Discrepancy::Electorate(e) => e.message(Lang::Vi),
            Discrepancy::Fingerprint { claimed, computed } => {
                format!("fingerprint: ghi {claimed}, nhưng các phiếu cho {computed}")
            }
            Discrepancy::Seal { claimed, computed } => {
                format!("seal: ghi {claimed}, nhưng biên bản và các phiếu cho {computed}")
            }
            Discrepancy::Count {
                path,
                claimed,
                computed,
            } => format!("{path}: ghi {claimed}, kiểm lại được {computed}"),
        };
        match (lang, self) {
            (Lang::Vi, _) => vi,
            (Lang::En, Discrepancy::InvalidBallot { index, error }) => format!(
                "ballots[{index}]: not a valid ballot: {}",
                error.message(Lang::En)
            ),
            (Lang::En, _) => self.to_string(),
        }
    }
}

/// Why verification failed: the file could not be read, or it could and its claims do not hold.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum VerifyError {
    #[error("{0}")]
    Parse(BundleError),
    #[error("{} discrepancies, the first: {}", .0.len(), .0.first().map(ToString::to_string).unwrap_or_default())]
    Mismatch(Vec<Discrepancy>),
}

impl VerifyError {
    /// Every message in `lang`, one per line.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            VerifyError::Parse(e) => e.message(lang),
            VerifyError::Mismatch(list) => list
                .iter()
                .map(|d| d.message(lang))
                .collect::<Vec<_>>()
                .join("\n"),
        }
    }

    /// The discrepancies found, empty for a parse error.
    pub fn discrepancies(&self) -> &[Discrepancy] {
        match self {
            VerifyError::Parse(_) => &[],
            VerifyError::Mismatch(list) => list,
        }
    }
}

impl From<BundleError> for VerifyError {
    fn from(e: BundleError) -> VerifyError {
        VerifyError::Parse(e)
    }
}

/// A closed box with its electorate and minutes: everything needed to check the count.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditBundle {
    ballot_box: BallotBox,
    electorate: Electorate,
    minutes: Minutes,
    outcomes: Vec<Outcome>,
    seal: Seal,
}

impl AuditBundle {
    /// Closes a box into a bundle; fails when more ballots were cast than the electorate allows
    /// or the rule needs the number present.
    pub fn new(
        ballot_box: BallotBox,
        electorate: Electorate,
        minutes: Minutes,
    ) -> Result<AuditBundle, OutcomeError> {
        let outcomes = decide(ballot_box.poll(), ballot_box.tally(), &electorate)?;
        let seal = seal(
            ballot_box.poll().hash(),
            ballot_box.fingerprint(),
            &electorate,
            &minutes,
        );
        Ok(AuditBundle {
            ballot_box,
            electorate,
            minutes,
            outcomes,
            seal,
        })
    }

    pub fn poll(&self) -> &Poll {
        self.ballot_box.poll()
    }

    pub fn ballot_box(&self) -> &BallotBox {
        &self.ballot_box
    }

    pub fn tally(&self) -> &Tally {
        self.ballot_box.tally()
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

    pub fn fingerprint(&self) -> BoxFingerprint {
        self.ballot_box.fingerprint()
    }

    pub fn seal(&self) -> Seal {
        self.seal
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
            tally: tally_dto(poll, self.tally()),
            outcomes: self.outcomes.iter().map(outcome_dto).collect(),
            fingerprint: self.fingerprint().to_hex(),
            seal: self.seal.to_hex(),
        };
        canonical_json(&dto)
    }

    /// The public summary of this bundle.
    pub fn public_summary(&self) -> PublicSummary {
        PublicSummary {
            poll: self.poll().clone(),
            electorate: self.electorate,
            minutes: self.minutes.clone(),
            tally: self.tally().clone(),
            outcomes: self.outcomes.clone(),
            commitments: self.ballot_box.commitments().copied().collect(),
            fingerprint: self.fingerprint(),
            seal: self.seal,
        }
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
        match verify_fast(json) {
            Some(result) => result,
            None => verify_general(json),
        }
    }
}

/// What went wrong while checking an audit bundle: the ballots could not be read (`E`), or they
/// could and the bundle does not verify.
enum Stop<E> {
    Read(E),
    Verify(VerifyError),
}

impl<E> From<BundleError> for Stop<E> {
    fn from(e: BundleError) -> Stop<E> {
        Stop::Verify(VerifyError::Parse(e))
    }
}

/// The general path of `AuditBundle::verify`: parse the whole file, re-write it, compare bytes.
fn verify_general(json: &str) -> Result<AuditBundle, VerifyError> {
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
fn verify_fast(json: &str) -> Option<Result<AuditBundle, VerifyError>> {
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
fn opening_of(index: usize, b: BallotDto) -> Result<Opening, BundleError> {
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
fn check_audit<E>(
    dto: AuditBundleDto,
    openings: impl Iterator<Item = Result<Opening, E>>,
) -> Result<AuditBundle, Stop<E>> {
    check_header(&dto.format, AUDIT_FORMAT, dto.version)?;
    let poll = Poll::try_from(dto.poll).map_err(BundleError::Poll)?;
    let electorate = electorate_of(&dto.electorate)?;
    let minutes = minutes_of(dto.minutes)?;
    let mut found = Vec::new();
    check_poll_hash(&dto.poll_hash, &poll, &mut found);

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
    let computed_tally = tally_dto(&poll, ballot_box.tally());
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
    let outcomes = match decide(&poll, ballot_box.tally(), &electorate) {
        Ok(o) => o,
        Err(e) => {
            found.push(Discrepancy::Electorate(e));
            Vec::new()
        }
    };
    let computed_outcomes: Vec<OutcomeDto> = outcomes.iter().map(outcome_dto).collect();
    if dto.outcomes != computed_outcomes {
        compare(
            "outcomes",
            &to_value(&dto.outcomes),
            &to_value(&computed_outcomes),
            &mut found,
        );
    }
    let computed_fp = ballot_box.fingerprint();
    let computed_seal = check_fingerprint_and_seal(
        (&dto.fingerprint, &dto.seal),
        poll.hash(),
        computed_fp,
        &electorate,
        &minutes,
        &mut found,
    )?;
    if !found.is_empty() {
        return Err(Stop::Verify(VerifyError::Mismatch(found)));
    }
    Ok(AuditBundle {
        ballot_box,
        electorate,
        minutes,
        outcomes,
        seal: computed_seal,
    })
}

/// What a portal publishes: counts and commitments, no openings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicSummary {
    poll: Poll,
    electorate: Electorate,
    minutes: Minutes,
    tally: Tally,
    outcomes: Vec<Outcome>,
    commitments: Vec<BallotCommitment>,
    fingerprint: BoxFingerprint,
    seal: Seal,
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

    pub fn seal(&self) -> Seal {
        self.seal
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
            tally: tally_dto(&self.poll, &self.tally),
            outcomes: self.outcomes.iter().map(outcome_dto).collect(),
            fingerprint: self.fingerprint.to_hex(),
            seal: self.seal.to_hex(),
            commitments: self.commitments.iter().map(|c| c.to_hex()).collect(),
        }
    }

    /// Reads a public summary and checks what it can alone: the poll hash, the fingerprint over
    /// the listed commitments, the seal, the ballot count, and the outcomes from the tally. The
    /// tally itself can only be recounted from the audit bundle (`verify_against`).
    pub fn verify(json: &str) -> Result<PublicSummary, VerifyError> {
        let dto: PublicSummaryDto = parse_canonical(json)?;
        check_header(&dto.format, SUMMARY_FORMAT, dto.version)?;
        let poll = Poll::try_from(dto.poll).map_err(BundleError::Poll)?;
        let electorate = electorate_of(&dto.electorate)?;
        let minutes = minutes_of(dto.minutes)?;
        let mut found = Vec::new();
        check_poll_hash(&dto.poll_hash, &poll, &mut found);
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
        if tally.ballots() != commitments.len() as u64 {
            found.push(Discrepancy::Count {
                path: "tally.ballots".into(),
                claimed: tally.ballots().to_string(),
                computed: commitments.len().to_string(),
            });
        }
        let outcomes = match decide(&poll, &tally, &electorate) {
            Ok(o) => o,
            Err(e) => {
                found.push(Discrepancy::Electorate(e));
                Vec::new()
            }
        };
        let computed_outcomes: Vec<OutcomeDto> = outcomes.iter().map(outcome_dto).collect();
        compare(
            "outcomes",
            &to_value(&dto.outcomes),
            &to_value(&computed_outcomes),
            &mut found,
        );
        let computed_fp = fingerprint(poll.hash(), commitments.iter());
        let computed_seal = check_fingerprint_and_seal(
            (&dto.fingerprint, &dto.seal),
            poll.hash(),
            computed_fp,
            &electorate,
            &minutes,
            &mut found,
        )?;
        if !found.is_empty() {
            return Err(VerifyError::Mismatch(found));
        }
        Ok(PublicSummary {
            poll,
            electorate,
            minutes,
            tally,
            outcomes,
            commitments,
            fingerprint: computed_fp,
            seal: computed_seal,
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

// ---------------------------------------------------------------------------------------------
// Encoding helpers

/// The seal (docs/bundle-format.md §Seal).
fn seal(
    poll_hash: PollHash,
    fingerprint: BoxFingerprint,
    electorate: &Electorate,
    minutes: &Minutes,
) -> Seal {
    let mut e = Encoder::tagged(SEAL_TAG);
    e.raw(poll_hash.as_bytes());
    e.raw(fingerprint.as_bytes());
    e.u64(electorate.total());
    e.opt(electorate.present(), |e, p| e.u64(p));
    e.str(minutes.place());
    e.str(minutes.time());
    for list in [minutes.board(), minutes.witnesses()] {
        e.len(list.len());
        for name in list {
            e.str(name);
        }
    }
    e.str(minutes.logic_and_accuracy_test());
    Seal::from_bytes(e.sha256())
}

/// Pretty JSON with two-space indents and a final newline (docs/bundle-format.md §JSON rules).
fn canonical_json<T: serde::Serialize>(value: &T) -> String {
    // Serialising strings, integers and vectors cannot fail.
    let mut s = serde_json::to_string_pretty(value).unwrap_or_default();
    s.push('\n');
    s
}

fn to_value<T: serde::Serialize>(value: &T) -> serde_json::Value {
    serde_json::to_value(value).unwrap_or(serde_json::Value::Null)
}

/// Parses a bundle and refuses it unless it is byte for byte what phieu would write for it.
fn parse_canonical<T>(json: &str) -> Result<T, BundleError>
where
    T: serde::de::DeserializeOwned + serde::Serialize,
{
    let de = &mut serde_json::Deserializer::from_str(json);
    let dto: T = serde_path_to_error::deserialize(de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        let (line, column) = (inner.line(), inner.column());
        let detail = inner.to_string();
        let suffix = format!(" at line {line} column {column}");
        BundleError::Json {
            path: if path == "." { String::new() } else { path },
            line,
            column,
            detail: detail.strip_suffix(&suffix).unwrap_or(&detail).to_owned(),
        }
    })?;
    let again = canonical_json(&dto);
    if again != json {
        let offset = again
            .bytes()
            .zip(json.bytes())
            .position(|(a, b)| a != b)
            .unwrap_or(again.len().min(json.len()));
        let line = json.as_bytes()[..offset.min(json.len())]
            .iter()
            .filter(|b| **b == b'\n')
            .count()
            + 1;
        return Err(BundleError::NotCanonical { offset, line });
    }
    Ok(dto)
}

fn check_header(format: &str, expected: &'static str, version: u64) -> Result<(), BundleError> {
    if format != expected {
        return Err(BundleError::Format {
            expected,
            found: format.into(),
        });
    }
    if version != BUNDLE_VERSION {
        return Err(BundleError::Version { found: version });
    }
    Ok(())
}

fn check_poll_hash(claimed: &str, poll: &Poll, found: &mut Vec<Discrepancy>) {
    if claimed != poll.hash().to_hex() {
        found.push(Discrepancy::PollHash {
            claimed: claimed.into(),
            computed: poll.hash(),
        });
    }
}

/// Compares a file's claimed fingerprint and seal (hex) with the recomputed ones, noting each
/// difference; gives the recomputed seal. Shared by the audit bundle and the public summary
/// (docs/bundle-format.md §Seal).
fn check_fingerprint_and_seal(
    (claimed_fp, claimed_seal): (&str, &str),
    poll_hash: PollHash,
    computed_fp: BoxFingerprint,
    electorate: &Electorate,
    minutes: &Minutes,
    found: &mut Vec<Discrepancy>,
) -> Result<Seal, BundleError> {
    let claimed_fp = BoxFingerprint::from_bytes(digest_of(claimed_fp, "fingerprint")?);
    if claimed_fp != computed_fp {
        found.push(Discrepancy::Fingerprint {
            claimed: claimed_fp,
            computed: computed_fp,
        });
    }
    let computed_seal = seal(poll_hash, computed_fp, electorate, minutes);
    let claimed_seal = Seal::from_bytes(digest_of(claimed_seal, "seal")?);
    if claimed_seal != computed_seal {
        found.push(Discrepancy::Seal {
            claimed: claimed_seal,
            computed: computed_seal,
        });
    }
    Ok(computed_seal)
}

pub(crate) fn digest_of(s: &str, path: &str) -> Result<[u8; 32], BundleError> {
    crate::encoding::from_hex::<32>(s).ok_or_else(|| BundleError::Hex {
        path: path.into(),
        found: s.into(),
        bytes: 32,
    })
}

/// Reports every leaf where `claimed` and `computed` differ, by JSON path.
fn compare(
    path: &str,
    claimed: &serde_json::Value,
    computed: &serde_json::Value,
    found: &mut Vec<Discrepancy>,
) {
    use serde_json::Value;
    match (claimed, computed) {
        (Value::Object(a), Value::Object(b)) => {
            for (k, va) in a {
                let p = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                compare(&p, va, b.get(k).unwrap_or(&Value::Null), found);
            }
            for (k, vb) in b {
                if !a.contains_key(k) {
                    compare(&format!("{path}.{k}"), &Value::Null, vb, found);
                }
            }
        }
        (Value::Array(a), Value::Array(b)) => {
            for (i, (va, vb)) in a.iter().zip(b).enumerate() {
                compare(&format!("{path}[{i}]"), va, vb, found);
            }
            if a.len() != b.len() {
                found.push(Discrepancy::Count {
                    path: format!("{path}.length"),
                    claimed: a.len().to_string(),
                    computed: b.len().to_string(),
                });
            }
        }
        (a, b) if a != b => found.push(Discrepancy::Count {
            path: path.into(),
            claimed: a.to_string(),
            computed: b.to_string(),
        }),
        _ => {}
    }
}

fn electorate_dto(e: &Electorate) -> ElectorateDto {
    ElectorateDto {
        total: e.total(),
        present: e.present(),
    }
}

fn electorate_of(dto: &ElectorateDto) -> Result<Electorate, BundleError> {
    Electorate::new(dto.total, dto.present).map_err(BundleError::Electorate)
}

fn minutes_dto(m: &Minutes) -> MinutesDto {
    MinutesDto {
        place: m.place().into(),
        time: m.time().into(),
        board: m.board().to_vec(),
        witnesses: m.witnesses().to_vec(),
        logic_and_accuracy_test: m.logic_and_accuracy_test().into(),
    }
}

fn minutes_of(dto: MinutesDto) -> Result<Minutes, BundleError> {
    Minutes::new(
        dto.place,
        dto.time,
        dto.board,
        dto.witnesses,
        dto.logic_and_accuracy_test,
    )
    .map_err(BundleError::Minutes)
}

pub(crate) fn answer_dto(a: &Answer) -> Option<AnswerDto> {
    match a {
        Answer::Blank => None,
        Answer::Choice { option, free_text } => Some(AnswerDto {
            option: Some(option.clone()),
            free_text: free_text.clone(),
            ..AnswerDto::default()
        }),
        Answer::Choices { options, free_text } => Some(AnswerDto {
            options: Some(options.clone()),
            free_text: free_text.clone(),
            ..AnswerDto::default()
        }),
        Answer::Number(n) => Some(AnswerDto {
            number: Some(*n),
            ..AnswerDto::default()
        }),
        Answer::Text(t) => Some(AnswerDto {
            text: Some(t.clone()),
            ..AnswerDto::default()
        }),
    }
}

pub(crate) fn answer_of(dto: Option<AnswerDto>, path: &str) -> Result<Answer, BundleError> {
    let bad = || BundleError::Answer { path: path.into() };
    let Some(a) = dto else {
        return Ok(Answer::Blank);
    };
    match (a.option, a.options, a.number, a.text, a.free_text) {
        (Some(option), None, None, None, free_text) => Ok(Answer::Choice { option, free_text }),
        (None, Some(options), None, None, free_text) => Ok(Answer::Choices { options, free_text }),
        (None, None, Some(n), None, None) => Ok(Answer::Number(n)),
        (None, None, None, Some(t), None) => Ok(Answer::Text(t)),
        _ => Err(bad()),
    }
}

pub(crate) fn ballot_dto(b: &Ballot) -> BallotDto {
    BallotDto {
        commitment: b.commitment().to_hex(),
        salt: b.salt().to_hex(),
        answers: b.answers().iter().map(answer_dto).collect(),
    }
}

fn tally_dto(poll: &Poll, t: &Tally) -> TallyDto {
    TallyDto {
        ballots: t.ballots(),
        blank_ballots: t.blank_ballots(),
        items: poll
            .items()
            .iter()
            .zip(t.items())
            .map(|(item, it)| ItemTallyDto {
                item: item.id().into(),
                blank: it.blank(),
                options: item
                    .kind()
                    .options()
                    .iter()
                    .zip(it.counts())
                    .map(|(c, n)| OptionCountDto {
                        option: c.id().into(),
                        count: *n,
                    })
                    .collect(),
                free_text: it.free_texts().map(Into::into).collect(),
                mean: it.mean().map(|m| MeanDto {
                    sum: m.sum(),
                    count: m.count(),
                }),
            })
            .collect(),
    }
}

/// Reads a claimed tally back into a `Tally` of `poll`, checking its shape.
fn tally_of(poll: &Poll, dto: &TallyDto) -> Result<Tally, BundleError> {
    let shape = |path: String| BundleError::TallyShape { path };
    if dto.items.len() != poll.items().len() || dto.blank_ballots > dto.ballots {
        return Err(shape("tally".into()));
    }
    let mut items = Vec::with_capacity(dto.items.len());
    for (i, (item, it)) in poll.items().iter().zip(&dto.items).enumerate() {
        let path = format!("tally.items[{i}]");
        let options = item.kind().options();
        let same_options = it.item == item.id()
            && it.options.len() == options.len()
            && it
                .options
                .iter()
                .zip(options)
                .all(|(a, b)| a.option == b.id());
        if !same_options {
            return Err(shape(path));
        }
        let mut free_text = std::collections::BTreeMap::new();
        for (k, t) in it.free_text.iter().enumerate() {
            if it.free_text.get(k + 1).is_some_and(|next| next < t) {
                return Err(shape(format!("{path}.free_text[{k}]")));
            }
            *free_text.entry(t.clone()).or_insert(0u64) += 1;
        }
        let (sum, summed) = match &it.mean {
            Some(m) if m.count > 0 => (m.sum, m.count),
            Some(_) => return Err(shape(format!("{path}.mean"))),
            None => (0, 0),
        };
        items.push(ItemTally::from_parts(
            it.blank,
            it.options.iter().map(|o| o.count).collect(),
            free_text,
            sum,
            summed,
        ));
    }
    Ok(Tally::from_parts(
        poll.hash(),
        dto.ballots,
        dto.blank_ballots,
        items,
    ))
}

fn outcome_dto(o: &Outcome) -> OutcomeDto {
    let (count, of, option) = match o.decision() {
        Decision::Threshold { agree, of, .. } => (*agree, *of, None),
        Decision::Inquorate { present, convened } => (*present, *convened, None),
        Decision::Elected {
            option, votes, of, ..
        } => (*votes, *of, Some(option.clone())),
        Decision::NoMajority { best, of } => (*best, *of, None),
        Decision::Rating { low, of, .. } => (*low, *of, None),
        Decision::ConfidenceVote {
            no_confidence, of, ..
        } => (*no_confidence, *of, None),
        Decision::Target { count, of, .. } => (*count, *of, None),
    };
    OutcomeDto {
        item: o.item().into(),
        result: o.result().into(),
        count,
        of,
        option,
        sentence_vi: o.sentence(Lang::Vi),
        sentence_en: o.sentence(Lang::En),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SURVEY: &str = include_str!("../tests/data/survey-audit-bundle.json");
    const DEMO: &str = include_str!("../tests/data/demo-audit-bundle.json");

    /// The fast path answers for `json` exactly as the general path does, or leaves it to it;
    /// returns the answer.
    fn check(json: &str) -> Result<AuditBundle, VerifyError> {
        let general = verify_general(json);
        if let Some(fast) = verify_fast(json) {
            assert_eq!(fast, general, "{json}");
        }
        general
    }

    fn survey_with(answers: Vec<Answer>) -> String {
        let poll = AuditBundle::verify(SURVEY).unwrap().poll().clone();
        let mut the_box = BallotBox::new(poll.clone());
        let ballot = Ballot::new(&poll, answers, Salt::from_bytes([9; 16])).unwrap();
        the_box.cast(ballot).unwrap();
        AuditBundle::new(
            the_box,
            Electorate::new(5, None).unwrap(),
            Minutes::default(),
        )
        .unwrap()
        .to_json()
    }

    #[test]
    fn canonical_bundles_take_the_fast_path() {
        let tricky = survey_with(vec![
            Answer::choice("rat_khong_hai_long"),
            Answer::Text("\"trích\" \\ dòng\nmới\ttab\u{1}\u{7f} 🗳".into()),
            Answer::Choices {
                options: vec!["khac".into()],
                free_text: Some("a\r\u{8}\u{c}\u{1f}/".into()),
            },
            Answer::Number(30),
        ]);
        for json in [SURVEY, DEMO, tricky.as_str()] {
            assert!(matches!(verify_fast(json), Some(Ok(_))), "{json}");
            assert!(check(json).is_ok());
        }
        let empty = AuditBundle::new(
            BallotBox::new(AuditBundle::verify(DEMO).unwrap().poll().clone()),
            Electorate::new(5, None).unwrap(),
            Minutes::default(),
        )
        .unwrap()
        .to_json();
        assert!(empty.contains("\"ballots\": [],"));
        assert!(matches!(verify_fast(&empty), Some(Ok(_))));
    }

    #[test]
    fn every_single_byte_change_gets_the_general_answer() {
        let bytes = SURVEY.as_bytes();
        // Every byte of the ballots list (where the fast reader works) and its surroundings,
        // every third byte elsewhere (the general check covers it either way).
        let list = SURVEY.find("\"ballots\"").unwrap() - 40..SURVEY.find("\"tally\"").unwrap() + 40;
        for i in (0..bytes.len()).filter(|i| list.contains(i) || i % 3 == 0) {
            let replaced = b" \n0aA\"\\,}]{[-1"[i % 14];
            let mut variants = Vec::new();
            if bytes[i] != replaced {
                let mut v = bytes.to_vec();
                v[i] = replaced;
                variants.push(v);
            }
            let mut v = bytes.to_vec();
            v.remove(i);
            variants.push(v);
            let mut v = bytes.to_vec();
            v.insert(i, b" x\n"[i % 3]);
            variants.push(v);
            for v in variants {
                if let Ok(text) = String::from_utf8(v) {
                    assert!(check(&text).is_err(), "{i}");
                }
            }
        }
    }

    #[test]
    fn spellings_the_reader_leaves_to_the_general_path() {
        let first = SURVEY.find("\"commitment\": \"").unwrap() + 15;
        let upper = format!(
            "{}{}{}",
            &SURVEY[..first],
            SURVEY[first..first + 64].to_ascii_uppercase(),
            &SURVEY[first + 64..]
        );
        let cases = [
            upper,
            SURVEY.replacen("\"number\": 3", "\"number\": -0", 1),
            SURVEY.replacen("\"number\": 3", "\"number\": 3.0", 1),
            SURVEY.replacen("\"number\": 3", "\"number\": 99999999999999999999", 1),
            SURVEY.replacen("\"number\": 3", "\"text\": \"3\"", 1),
            SURVEY.replacen(
                "\"option\": \"khong_hai_long\"\n",
                "\"option\": \"khong_hai_long\",\n          \"number\": 1\n",
                1,
            ),
            SURVEY.replacen(
                "\"options\": [\n            \"duong\",\n            \"nuoc\"\n          ]",
                "\"options\": []",
                1,
            ),
            SURVEY.replacen("        null,\n", "        {},\n", 1),
            SURVEY.replacen("\"text\": \"Đường", "\"text\": \"\\u0110ường", 1),
            SURVEY.replacen("\"salt\": \"0000", "\"salt\": \"000", 1),
            SURVEY.replacen(
                "\"format\": \"phieu/audit-bundle\"",
                "\"format\": \"phieu/x\"",
                1,
            ),
            SURVEY.replacen("\"version\": 1", "\"version\": 2", 1),
            SURVEY.replacen("\"version\": 1,", "\"version\": 2,\n  \"ballots\": [],", 1),
        ];
        for json in &cases {
            assert_ne!(json, SURVEY);
            assert!(check(json).is_err(), "{json}");
        }
        // Two openings swapped, and one listed twice: discrepancies, read on the fast path.
        let list = SURVEY.find("  \"ballots\": [\n").unwrap() + 16;
        let end = SURVEY.find("\n  ],\n  \"tally\"").unwrap();
        let entries: Vec<&str> = SURVEY[list..end].split(",\n    {").collect();
        assert_eq!(entries.len(), 3);
        let (a, b, c) = (entries[0], entries[1], entries[2]);
        for reordered in [
            format!("{a},\n    {{{c},\n    {{{b}"),
            format!("{a},\n    {{{b},\n    {{{b},\n    {{{c}"),
        ] {
            let json = format!("{}{reordered}{}", &SURVEY[..list], &SURVEY[end..]);
            assert!(matches!(
                verify_fast(&json),
                Some(Err(VerifyError::Mismatch(_)))
            ));
            assert!(check(&json).is_err());
        }
    }
}
