//! The two exports (docs/bundle-format.md). The **audit bundle** is for the commune and auditors:
//! the poll, electorate, minutes metadata, every ballot opening (answers and salt) sorted by
//! commitment, the tally, the outcomes, the box fingerprint and the minutes code: one digest over
//! everything the signed paper minutes state, printed beside the signatures. The
//! **public summary** is for a portal page: the same without the openings, with the sorted list of
//! commitments instead, so a voter can find their receipt and nobody can link it to a vote.
//!
//! Both are written in exactly one way (pretty JSON in a fixed field order, docs/bundle-format.md
//! §JSON rules), so the same ballots always give the same bytes whatever the order of casting,
//! and a reader refuses any other spelling. `AuditBundle::verify` recomputes every commitment, the
//! fingerprint, the tally, the outcomes and the minutes code from the openings alone and names
//! each difference: which ballot, which count. A public summary cannot be recounted, so it is
//! checked for consistency (its counts add up, its outcomes follow from them) and its minutes
//! code is what a paper copy is compared with (`MinutesCode::matches_paper`).

pub(crate) mod ballot_list;
pub(crate) mod dto;

use crate::ballot::{Answer, Ballot, BallotCommitment, BallotError, Salt};
use crate::ballot_box::{fingerprint, BallotBox, BoxBuilder, BoxFingerprint};
use crate::encoding::{digest_newtype, Encoder, MINUTES_CODE_TAG};
use crate::lang::Lang;
use crate::minutes::{Minutes, MinutesError};
use crate::poll::{Poll, PollError, PollHash};
use crate::receipt::Receipt;
use crate::rule::{decide, Electorate, Method, Outcome, OutcomeError};
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
/// The only bundle version this crate reads and writes. Version 1 had a seal over the minutes
/// but not over the tally; version 2 replaced it with the minutes code.
pub const BUNDLE_VERSION: u64 = 2;

digest_newtype!(
    /// SHA-256 over everything the signed minutes state: poll hash, box fingerprint, electorate,
    /// the minutes' facts, the published tally and every outcome (docs/bundle-format.md §Minutes
    /// code). Its first 16 hex digits are printed on every copy of the paper minutes; a file
    /// whose code does not begin with them is not the file whose minutes were signed.
    MinutesCode
);

impl MinutesCode {
    /// The code as printed on the minutes: 16 upper-case hex digits in groups of four,
    /// "3F2A-91C0-…", the same shape as the box fingerprint's.
    pub fn short(&self) -> String {
        crate::ballot_box::grouped_hex(&self.as_bytes()[..8])
    }

    /// Whether `printed` (what someone typed or scanned from the paper: the 16 digits of
    /// `short`, or all 64, in either case, with or without spaces and dashes) is this code.
    /// Fewer than 16 digits never match: a shorter prefix is too easy to forge.
    pub fn matches_paper(&self, printed: &str) -> bool {
        MinutesCode::paper_digits(printed).is_some_and(|digits| self.to_hex().starts_with(&digits))
    }

    /// A code as someone typed it, written as the minutes print it (its first 16 digits, upper
    /// case, in groups of four), to say which code was compared; `None` if it cannot be a code.
    pub fn as_printed(printed: &str) -> Option<String> {
        let digits = MinutesCode::paper_digits(printed)?;
        Some(crate::ballot_box::grouped(&digits[..16]))
    }

    /// The hex digits of a code as printed (16 or 64 of them; case, spaces and dashes do not
    /// matter), lower-case; `None` for anything else, so a mistyped code is told apart from a
    /// code of another file.
    pub fn paper_digits(printed: &str) -> Option<String> {
        let digits: String = printed
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .flat_map(char::to_lowercase)
            .collect();
        let hex = digits.bytes().all(|b| b.is_ascii_hexdigit());
        (hex && (digits.len() == 16 || digits.len() == 64)).then_some(digits)
    }
}

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
    #[error("version: {found} is not supported (this phieu reads version 2{})", if *.found == 1 { "; version 1 is the format before the minutes code: verify it with the phieu that wrote it" } else { "" })]
    Version { found: u64 },
    #[error("poll.{path}: the embedded poll is not in its one canonical spelling ({detail}); docs/poll-format.md §Canonical form")]
    PollSpelling { path: String, detail: String },
    #[error("{path}: the counts do not add up: {detail}")]
    Inconsistent { path: String, detail: String },
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
            BundleError::PollSpelling { path, .. } => format!("poll.{path}"),
            BundleError::Inconsistent { path, .. } => path.clone(),
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
            BundleError::Version { found: 1 } => "version: tệp theo định dạng cũ, phiên bản 1 (chưa có mã biên bản); phieu này đọc phiên bản 2: hãy kiểm tra tệp bằng phiên bản phieu đã tạo ra nó".to_owned(),
            BundleError::Version { found } => {
                format!("version: không hỗ trợ phiên bản {found} (phieu này đọc phiên bản 2)")
            }
            BundleError::PollSpelling { path, detail } => format!(
                "poll.{path}: cuộc lấy ý kiến trong tệp không viết theo đúng một dạng chuẩn ({detail}); xem docs/poll-format.md"
            ),
            BundleError::Inconsistent { path, detail } => {
                format!("{path}: các con số không khớp nhau: {detail}")
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

impl BundleError {
    /// What an officer or auditor reads when a file cannot be read as a bundle: a sentence
    /// without the field path (issue 22: "keep paths for --json and logs only"), which
    /// [`BundleError::message`] and [`BundleError::path`] keep.
    pub fn plain_message(&self, lang: Lang) -> String {
        let altered = lang.pick(
            "tệp có thể đã bị sửa hoặc bị hỏng",
            "the file may have been altered or damaged",
        );
        match self {
            BundleError::Json { line, column, .. } => lang.pick(
                format!("Tệp không đọc được: nội dung hỏng ở dòng {line}, cột {column} (không phải tệp do phieu ghi, hoặc {altered})."),
                format!("The file cannot be read: its contents break at line {line}, column {column} (not a file phieu wrote, or {altered})."),
            ),
            BundleError::NotCanonical { line, .. } => lang.pick(
                format!("Tệp không ở đúng dạng phieu ghi (từ dòng {line}): {altered}."),
                format!("The file is not in the form phieu writes (from line {line}): {altered}."),
            ),
            BundleError::Format { .. } => lang.pick(
                "Đây không phải tệp kết quả của phieu (tệp kiểm tra hoặc bản tóm tắt công khai).".into(),
                "This is not a phieu results file (an audit file or a public summary).".into(),
            ),
            BundleError::Version { .. } => crate::lang::without_path(&self.message(lang)),
            BundleError::PollSpelling { .. } | BundleError::Poll(_) => lang.pick(
                format!("Nội dung phiếu (câu hỏi, lựa chọn, quy tắc) trong tệp không hợp lệ: {altered}."),
                format!("The poll in the file (questions, options, rule) is not valid: {altered}."),
            ),
            BundleError::Inconsistent { .. } => lang.pick(
                format!("Các con số trong tệp không khớp nhau: {altered}."),
                format!("The figures in the file do not add up: {altered}."),
            ),
            BundleError::Hex { .. } => lang.pick(
                format!("Một mã trong tệp (mã cam kết, mã kiểm tra hoặc muối) không đúng dạng: {altered}."),
                format!("A code in the file (a commitment, a check code or a salt) is malformed: {altered}."),
            ),
            BundleError::Electorate(e) => e.plain_message(lang),
            BundleError::Minutes(e) => crate::lang::without_path(&e.message(lang)),
            BundleError::Answer { .. } => lang.pick(
                format!("Một câu trả lời trong tệp không đúng dạng: {altered}."),
                format!("An answer in the file is malformed: {altered}."),
            ),
            BundleError::TallyShape { .. } => lang.pick(
                format!("Kết quả trong tệp không khớp với các câu hỏi và lựa chọn của phiếu: {altered}."),
                format!("The results in the file do not match the poll's questions and options: {altered}."),
            ),
        }
    }
}

impl VerifyError {
    /// Every message for people in `lang`, one per line, without field paths.
    pub fn plain_message(&self, lang: Lang) -> String {
        match self {
            VerifyError::Parse(e) => e.plain_message(lang),
            VerifyError::Mismatch(list) => list
                .iter()
                .map(|d| d.plain_message(lang))
                .collect::<Vec<_>>()
                .join("\n"),
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
    #[error("minutes_code: claimed {claimed}, the minutes, tally and outcomes give {computed}")]
    MinutesCode {
        claimed: MinutesCode,
        computed: MinutesCode,
    },
    #[error("{path}: claimed {claimed}, recounted {computed}")]
    Count {
        path: String,
        claimed: String,
        computed: String,
    },
    #[error("minutes.ballots_issued: {issued} ballots issued, but {returned} returned")]
    Issued { issued: u64, returned: u64 },
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
            Discrepancy::MinutesCode { .. } => "minutes_code".into(),
            Discrepancy::Issued { .. } => "minutes.ballots_issued".into(),
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
            Discrepancy::MinutesCode { claimed, computed } => format!(
                "minutes_code: ghi {claimed}, nhưng biên bản, kết quả và các phiếu cho {computed}"
            ),
            Discrepancy::Count {
                path,
                claimed,
                computed,
            } => format!("{path}: ghi {claimed}, kiểm lại được {computed}"),
            Discrepancy::Issued { issued, returned } => format!(
                "minutes.ballots_issued: ghi {issued} phiếu phát ra, nhưng có {returned} phiếu thu vào"
            ),
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

impl Discrepancy {
    /// What an officer or auditor reads on the verify page, in `lang`: a plain sentence that
    /// names the ballot, question, option or result by its number, never a field path (issue
    /// 22, item 1). The paths stay in [`Discrepancy::message`] and [`Discrepancy::path`], for
    /// `--json` and logs. A file that did not verify has no trusted poll, so questions are
    /// named by number.
    pub fn plain_message(&self, lang: Lang) -> String {
        match self {
            Discrepancy::PollHash { .. } => lang.pick(
                "Nội dung phiếu (các câu hỏi, lựa chọn) trong tệp không khớp với mã kiểm tra nội dung phiếu ghi kèm: tệp có thể đã bị sửa.".into(),
                "The poll in the file (its questions and options) does not match the poll check code beside it: the file may have been altered.".into(),
            ),
            Discrepancy::InvalidBallot { index, error } => lang.pick(
                format!("Phiếu thứ {} không hợp lệ: {}", index + 1, crate::ballot::lower_first(&error.plain(lang, None))),
                format!("Ballot {} is not valid: {}", index + 1, crate::ballot::lower_first(&error.plain(lang, None))),
            ),
            Discrepancy::Commitment { index, .. } => lang.pick(
                format!("Phiếu thứ {}: mã cam kết ghi trong tệp không khớp với nội dung phiếu (phiếu có thể đã bị sửa).", index + 1),
                format!("Ballot {}: the commitment written in the file does not match the ballot's contents (the ballot may have been altered).", index + 1),
            ),
            Discrepancy::Order { .. } => lang.pick(
                "Các phiếu không được xếp theo thứ tự mà phieu luôn ghi (theo mã cam kết): tệp có thể đã bị sửa.".into(),
                "The ballots are not in the order phieu always writes them (by commitment): the file may have been altered.".into(),
            ),
            Discrepancy::Electorate(e) => e.plain_message(lang),
            Discrepancy::Fingerprint { claimed, computed } => lang.pick(
                format!("Mã kiểm tra hòm phiếu ghi trong tệp là {}, nhưng các phiếu trong tệp cho {}.", claimed.short(), computed.short()),
                format!("The box check code written in the file is {}, but its ballots give {}.", claimed.short(), computed.short()),
            ),
            Discrepancy::MinutesCode { claimed, computed } => lang.pick(
                format!("Mã biên bản ghi trong tệp là {}, nhưng biên bản, kết quả và các phiếu trong tệp cho {}.", claimed.short(), computed.short()),
                format!("The minutes code written in the file is {}, but its minutes, tally and ballots give {}.", claimed.short(), computed.short()),
            ),
            Discrepancy::Count { path, claimed, computed } => {
                let what = count_in_words(path, lang);
                lang.pick(
                    format!("{what}: tệp ghi {claimed}, kiểm lại từ các phiếu được {computed}."),
                    format!("{what}: the file says {claimed}, the ballots give {computed}."),
                )
            }
            Discrepancy::Issued { issued, returned } => lang.pick(
                format!("Biên bản ghi {issued} phiếu phát ra, nhưng tệp có {returned} phiếu thu vào: không thể thu vào nhiều phiếu hơn số đã phát."),
                format!("The minutes say {issued} ballots were issued, but the file holds {returned} returned: more cannot be returned than were issued."),
            ),
        }
    }
}

/// The number or words a [`Discrepancy::Count`] path points at, named for people: "Câu 1, lựa
/// chọn 2: số phiếu" for `tally.items[0].options[1].count`.
fn count_in_words(path: &str, lang: Lang) -> String {
    // The indexes along the path, in order: `outcomes[0].of` gives [0].
    let numbers: Vec<usize> = path
        .split('[')
        .skip(1)
        .filter_map(|s| s.split(']').next()?.parse::<usize>().ok())
        .map(|n| n + 1)
        .collect();
    let last = path.rsplit(['.', ']']).next().unwrap_or("");
    let item = numbers.first().copied().unwrap_or(0);
    if path == "tally.ballots" {
        return lang.pick("Số phiếu", "The number of ballots").into();
    }
    if path == "tally.blank_ballots" {
        return lang
            .pick("Số phiếu trắng", "The number of blank ballots")
            .into();
    }
    if path.starts_with("tally.items[") {
        if path.contains(".options[") {
            let option = numbers.get(1).copied().unwrap_or(0);
            return lang.pick(
                format!("Câu {item}, lựa chọn thứ {option}: số phiếu"),
                format!("Question {item}, option {option}: the count"),
            );
        }
        let part = match last {
            "blank" => lang.pick("số người để trống", "the number left blank"),
            _ if path.contains(".free_text") => {
                lang.pick("các ý kiến ghi thêm", "the written opinions")
            }
            _ if path.contains(".mean") => lang.pick("điểm trung bình", "the average"),
            _ => lang.pick("kết quả", "the result"),
        };
        return lang.pick(
            format!("Câu {item}: {part}"),
            format!("Question {item}: {part}"),
        );
    }
    if path.starts_with("outcomes[") {
        let part = match last {
            "of" => lang.pick(
                "tổng số dùng để tính tỷ lệ",
                "the total the share is taken of",
            ),
            "count" => lang.pick("số phiếu", "the count"),
            "result" => lang.pick("kết luận", "the decision"),
            "option" => lang.pick("lựa chọn được nêu", "the option named"),
            "sentence_vi" | "sentence_en" => lang.pick("câu kết luận", "the sentence"),
            _ => lang.pick("nội dung", "its contents"),
        };
        return lang.pick(
            format!("Kết quả thứ {item}: {part}"),
            format!("Outcome {item}: {part}"),
        );
    }
    if path.starts_with("outcomes") {
        return lang.pick("Số kết quả", "The number of outcomes").into();
    }
    lang.pick("Một con số trong tệp", "A number in the file")
        .into()
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
    minutes_code: MinutesCode,
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
        let poll = ballot_box.poll();
        let minutes_code = minutes_code(Stated {
            poll,
            fingerprint: ballot_box.fingerprint(),
            electorate: &electorate,
            minutes: &minutes,
            tally: &tally_dto(poll, ballot_box.tally(), View::Public),
            outcomes: &outcomes.iter().map(outcome_dto).collect::<Vec<_>>(),
        });
        Ok(AuditBundle {
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
            tally: &tally_dto(poll, self.tally(), View::Public),
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

    /// The public summary of this bundle.
    pub fn public_summary(&self) -> PublicSummary {
        PublicSummary {
            poll: self.poll().clone(),
            electorate: self.electorate,
            minutes: self.minutes.clone(),
            // A summary has no openings: it knows what its file says, not which blanks were
            // skipped by the poll's logic, whether made here or read back.
            tally: self.tally().without_openings(),
            outcomes: self.outcomes.clone(),
            commitments: self.ballot_box.commitments().copied().collect(),
            fingerprint: self.fingerprint(),
            minutes_code: self.minutes_code,
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
        sniff_version(json, AUDIT_FORMAT)?;
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
    let poll = poll_of(dto.poll)?;
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
    check_issued(&minutes, ballot_box.len() as u64, &mut found);
    let computed_tally = tally_dto(&poll, ballot_box.tally(), View::Audit);
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
    let computed_code = check_fingerprint_and_code(
        (&dto.fingerprint, &dto.minutes_code),
        &poll,
        computed_fp,
        (&electorate, &minutes),
        (&computed_tally, &computed_outcomes),
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
        minutes_code: computed_code,
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
    minutes_code: MinutesCode,
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
        check_issued(&minutes, commitments.len() as u64, &mut found);
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
        let computed_code = check_fingerprint_and_code(
            (&dto.fingerprint, &dto.minutes_code),
            &poll,
            computed_fp,
            (&electorate, &minutes),
            (&dto.tally, &computed_outcomes),
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

// ---------------------------------------------------------------------------------------------
// Encoding helpers

/// What the signed minutes state, as the minutes code covers it (docs/bundle-format.md
/// §Minutes code): the tally and outcomes as the public summary writes them, so the summary
/// alone can recompute it. `tally` may be either view: the written answers of an item that does
/// not publish them are never encoded (and a public summary has none to encode).
struct Stated<'a> {
    poll: &'a Poll,
    fingerprint: BoxFingerprint,
    electorate: &'a Electorate,
    minutes: &'a Minutes,
    tally: &'a TallyDto,
    outcomes: &'a [OutcomeDto],
}

fn minutes_code(stated: Stated<'_>) -> MinutesCode {
    MinutesCode::from_bytes(minutes_code_encoding(stated).sha256())
}

/// The canonical encoding the minutes code is SHA-256 of.
fn minutes_code_encoding(
    Stated {
        poll,
        fingerprint,
        electorate,
        minutes,
        tally,
        outcomes,
    }: Stated<'_>,
) -> Encoder {
    let mut e = Encoder::tagged(MINUTES_CODE_TAG);
    e.raw(poll.hash().as_bytes());
    e.raw(fingerprint.as_bytes());
    e.u64(electorate.total());
    e.opt(electorate.present(), |e, p| e.u64(p));
    e.str(minutes.place());
    e.str(minutes.time());
    e.str(minutes.closed_at());
    e.str(minutes.chair());
    e.str(minutes.secretary());
    for list in [minutes.board(), minutes.witnesses()] {
        e.len(list.len());
        for name in list {
            e.str(name);
        }
    }
    e.str(minutes.logic_and_accuracy_test());
    e.str(minutes.complaints());
    e.u64(minutes.wrong_pins());
    e.u64(tally.ballots);
    e.u64(tally.blank_ballots);
    e.len(tally.items.len());
    for (published, item) in poll
        .items()
        .iter()
        .map(|i| i.publishes_written_answers())
        .zip(&tally.items)
    {
        e.str(&item.item);
        e.u64(item.blank);
        e.len(item.options.len());
        for o in &item.options {
            e.str(&o.option);
            e.u64(o.count);
        }
        let written: &[String] = if published { &item.free_text } else { &[] };
        e.len(written.len());
        for t in written {
            e.str(t);
        }
        e.opt(item.mean.as_ref(), |e, m| {
            e.i128(m.sum);
            e.u64(m.count);
        });
    }
    e.len(outcomes.len());
    for o in outcomes {
        e.str(&o.item);
        e.str(&o.result);
        e.u64(o.count);
        e.u64(o.of);
        e.opt(o.option.as_deref(), |e, s| e.str(s));
        e.str(&o.sentence_vi);
        e.str(&o.sentence_en);
    }
    // A trailer only for forms, so that the codes of every meeting's minutes stay as they were.
    if electorate.method() == Method::HouseholdForms {
        e.str(Method::HOUSEHOLD_FORMS);
    }
    // And one only when the tablet counted the ballots it issued, for the same reason.
    if let Some(n) = minutes.issued() {
        e.str(ISSUED_TRAILER);
        e.u64(n);
    }
    e
}

/// Tags the count of ballots issued in the minutes code's encoding (after the forms trailer).
const ISSUED_TRAILER: &str = "ballots_issued";

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

/// Reads the version from the opening of a file in canonical form before anything else, so that
/// a file of another version is told it is one (with both versions named) rather than refused
/// for a field its version did not have. Anything else is left to the full reading.
fn sniff_version(json: &str, format: &str) -> Result<(), BundleError> {
    let opening = format!("{{\n  \"format\": \"{format}\",\n  \"version\": ");
    let Some(rest) = json.strip_prefix(&opening) else {
        return Ok(());
    };
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    match rest[..digits].parse::<u64>() {
        Ok(found) if found != BUNDLE_VERSION && rest[digits..].starts_with(",\n") => {
            Err(BundleError::Version { found })
        }
        _ => Ok(()),
    }
}

/// Ballots returned cannot outnumber the ballots issued, when the minutes count them.
fn check_issued(minutes: &Minutes, returned: u64, found: &mut Vec<Discrepancy>) {
    if let Some(issued) = minutes.issued().filter(|&n| n < returned) {
        found.push(Discrepancy::Issued { issued, returned });
    }
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

/// Compares a file's claimed fingerprint and minutes code (hex) with the recomputed ones,
/// noting each difference; gives the recomputed code. Shared by the audit bundle and the public
/// summary (docs/bundle-format.md §Minutes code).
fn check_fingerprint_and_code(
    (claimed_fp, claimed_code): (&str, &str),
    poll: &Poll,
    computed_fp: BoxFingerprint,
    (electorate, minutes): (&Electorate, &Minutes),
    (tally, outcomes): (&TallyDto, &[OutcomeDto]),
    found: &mut Vec<Discrepancy>,
) -> Result<MinutesCode, BundleError> {
    let claimed_fp = BoxFingerprint::from_bytes(digest_of(claimed_fp, "fingerprint")?);
    if claimed_fp != computed_fp {
        found.push(Discrepancy::Fingerprint {
            claimed: claimed_fp,
            computed: computed_fp,
        });
    }
    let computed = minutes_code(Stated {
        poll,
        fingerprint: computed_fp,
        electorate,
        minutes,
        tally,
        outcomes,
    });
    let claimed = MinutesCode::from_bytes(digest_of(claimed_code, "minutes_code")?);
    if claimed != computed {
        found.push(Discrepancy::MinutesCode { claimed, computed });
    }
    Ok(computed)
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
        method: match e.method() {
            Method::Meeting => None,
            Method::HouseholdForms => Some(Method::HOUSEHOLD_FORMS.into()),
        },
    }
}

fn electorate_of(dto: &ElectorateDto) -> Result<Electorate, BundleError> {
    match dto.method.as_deref() {
        None => Electorate::new(dto.total, dto.present),
        Some(Method::HOUSEHOLD_FORMS) => match dto.present {
            None => Electorate::by_household_forms(dto.total),
            Some(present) => Err(OutcomeError::PresentWithForms { present }),
        },
        Some(other) => Err(OutcomeError::UnknownMethod {
            found: other.to_owned(),
        }),
    }
    .map_err(BundleError::Electorate)
}

fn minutes_dto(m: &Minutes) -> MinutesDto {
    MinutesDto {
        place: m.place().into(),
        time: m.time().into(),
        closed_at: m.closed_at().into(),
        chair: m.chair().into(),
        secretary: m.secretary().into(),
        board: m.board().to_vec(),
        witnesses: m.witnesses().to_vec(),
        logic_and_accuracy_test: m.logic_and_accuracy_test().into(),
        complaints: m.complaints().into(),
        wrong_pins: m.wrong_pins(),
        ballots_issued: m.issued(),
    }
}

fn minutes_of(dto: MinutesDto) -> Result<Minutes, BundleError> {
    Minutes::joined(
        dto.place,
        dto.time,
        dto.board,
        dto.witnesses,
        dto.logic_and_accuracy_test,
    )
    .and_then(|m| m.with_proceedings(dto.chair, dto.secretary, dto.closed_at, dto.complaints))
    .map(|m| m.with_wrong_pins(dto.wrong_pins))
    .map(|m| match dto.ballots_issued {
        Some(n) => m.with_issued(n),
        None => m,
    })
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

/// Reads ballots' answers written as a bundle writes them: a list with one list per ballot of
/// one answer (or `null` for blank) per item (docs/bundle-format.md §Audit bundle). For making
/// bundles outside the browser (`phieu simulate`); each ballot is checked against its poll when
/// it is made.
pub fn answers_from_json(json: &str) -> Result<Vec<Vec<Answer>>, BundleError> {
    let lists: Vec<Vec<Option<AnswerDto>>> = serde_json::from_str(json).map_err(|e| {
        let (line, column) = (e.line(), e.column());
        BundleError::Json {
            path: String::new(),
            line,
            column,
            detail: e.to_string(),
        }
    })?;
    lists
        .into_iter()
        .enumerate()
        .map(|(i, answers)| {
            answers
                .into_iter()
                .enumerate()
                .map(|(j, a)| answer_of(a, &format!("ballots[{i}].answers[{j}]")))
                .collect()
        })
        .collect()
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

/// Which file a tally is written for: the audit bundle keeps every written answer; the public
/// summary (and so the minutes code) only those of items that publish them
/// (`Item::publishes_written_answers`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum View {
    Audit,
    Public,
}

fn tally_dto(poll: &Poll, t: &Tally, view: View) -> TallyDto {
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
                free_text: if view == View::Audit || item.publishes_written_answers() {
                    it.free_texts().map(Into::into).collect()
                } else {
                    Vec::new()
                },
                mean: it.mean().map(|m| MeanDto {
                    sum: m.sum(),
                    count: m.count(),
                }),
            })
            .collect(),
    }
}

/// Reads the poll embedded in a bundle and refuses any spelling but the one `Poll::to_json`
/// writes (docs/poll-format.md §Canonical form): the same poll written with and without a
/// default (a multiple item's `min`, a text item's `max_len`) would otherwise be two files of
/// one poll hash.
fn poll_of(dto: crate::poll::dto::PollDto) -> Result<Poll, BundleError> {
    let given = to_value(&dto);
    let poll = Poll::try_from(dto).map_err(BundleError::Poll)?;
    let canonical = to_value(&poll.to_dto());
    if given != canonical {
        let mut found = Vec::new();
        compare("", &given, &canonical, &mut found);
        let (path, detail) = match found.first() {
            Some(Discrepancy::Count {
                path,
                claimed,
                computed,
            }) => (
                path.trim_end_matches(".length").to_owned(),
                format!("{claimed} where the canonical form has {computed}"),
            ),
            _ => (String::new(), String::new()),
        };
        return Err(BundleError::PollSpelling { path, detail });
    }
    Ok(poll)
}

/// Reads a claimed tally back into a `Tally` of `poll`, checking its shape and that its counts
/// add up (docs/bundle-format.md §Consistency): every ballot is counted once per single-choice,
/// scale, number and published text item, at least once and at most `max` times per multiple
/// item, a mean is the sum of what was counted, and no item has more blanks than ballots or
/// fewer than the blank ballots.
fn tally_of(poll: &Poll, dto: &TallyDto) -> Result<Tally, BundleError> {
    let shape = |path: String| BundleError::TallyShape { path };
    if dto.items.len() != poll.items().len() {
        return Err(shape("tally".into()));
    }
    let inconsistent = |path: String, detail: String| BundleError::Inconsistent { path, detail };
    if dto.blank_ballots > dto.ballots {
        return Err(inconsistent(
            "tally.blank_ballots".into(),
            format!(
                "{} blank ballots of {} ballots",
                dto.blank_ballots, dto.ballots
            ),
        ));
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
        check_item_counts(&path, item, it, dto)?;
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

/// The consistency of one item's claimed counts with the number of ballots (`tally_of`).
fn check_item_counts(
    path: &str,
    item: &crate::poll::Item,
    it: &ItemTallyDto,
    dto: &TallyDto,
) -> Result<(), BundleError> {
    use crate::poll::ItemKind;
    let fail = |field: &str, detail: String| {
        Err(BundleError::Inconsistent {
            path: format!("{path}{field}"),
            detail,
        })
    };
    let ballots = dto.ballots;
    if it.blank > ballots || it.blank < dto.blank_ballots {
        return fail(
            ".blank",
            format!(
                "{} blank, but there are {ballots} ballots of which {} are blank",
                it.blank, dto.blank_ballots
            ),
        );
    }
    let answered = ballots - it.blank;
    let counts: Vec<u64> = it.options.iter().map(|o| o.count).collect();
    let total: u128 = counts.iter().map(|c| u128::from(*c)).sum();
    let options = item.kind().options();
    // Written answers: one at most per answer with a written option, none when withheld.
    let written_allowed: u64 = if item.publishes_written_answers() {
        match item.kind() {
            ItemKind::Text { .. } => answered,
            _ => options
                .iter()
                .zip(&counts)
                .filter(|(c, _)| c.free_text())
                .map(|(_, n)| *n)
                .sum(),
        }
    } else {
        0
    };
    let written = it.free_text.len() as u64;
    let text_exact =
        matches!(item.kind(), ItemKind::Text { .. }) && item.publishes_written_answers();
    if written > written_allowed || (text_exact && written != answered) {
        return fail(
            ".free_text",
            format!("{written} written answers where {written_allowed} at most can be"),
        );
    }
    let mean_count = it.mean.as_ref().map_or(0, |m| m.count);
    let mean_sum = it.mean.as_ref().map_or(0, |m| m.sum);
    match item.kind() {
        ItemKind::Single { .. } | ItemKind::Scale { .. } => {
            if total != u128::from(answered) {
                return fail(
                    ".options",
                    format!("the options add up to {total}, but {answered} ballots answered"),
                );
            }
        }
        ItemKind::Multiple { max, .. } => {
            if let Some(n) = counts.iter().find(|n| **n > answered) {
                return fail(
                    ".options",
                    format!("an option has {n} votes, but only {answered} ballots answered"),
                );
            }
            if total < u128::from(answered) || total > u128::from(answered) * u128::from(*max) {
                return fail(
                    ".options",
                    format!("{total} choices from {answered} ballots, each choosing 1 to {max}"),
                );
            }
        }
        ItemKind::Number { .. } | ItemKind::Text { .. } => {}
    }
    let (expected_count, expected_sum): (u64, i128) = match item.kind() {
        ItemKind::Scale { .. } => (
            counts.iter().sum(),
            options
                .iter()
                .zip(&counts)
                .map(|(c, n)| i128::from(c.value().unwrap_or(0)) * i128::from(*n))
                .sum(),
        ),
        ItemKind::Number { min, max } => {
            if mean_count != answered {
                return fail(
                    ".mean.count",
                    format!("{mean_count} numbers, but {answered} ballots answered"),
                );
            }
            let lo = i128::from(*min) * i128::from(mean_count);
            let hi = i128::from(*max) * i128::from(mean_count);
            if mean_sum < lo || mean_sum > hi {
                return fail(
                    ".mean.sum",
                    format!(
                        "{mean_sum} cannot be the sum of {mean_count} numbers from {min} to {max}"
                    ),
                );
            }
            (mean_count, mean_sum)
        }
        _ => (0, 0),
    };
    if mean_count != expected_count || mean_sum != expected_sum {
        return fail(
            ".mean",
            format!(
                "sum {mean_sum} of {mean_count}, but the counts give {expected_sum} of {expected_count}"
            ),
        );
    }
    Ok(())
}

fn outcome_dto(o: &Outcome) -> OutcomeDto {
    let (count, of, option) = o.figures();
    OutcomeDto {
        item: o.item().into(),
        result: o.result().into(),
        count,
        of,
        option: option.map(Into::into),
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
            Electorate::new(5, Some(5)).unwrap(),
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
            Electorate::new(5, Some(5)).unwrap(),
            Minutes::default(),
        )
        .unwrap()
        .to_json();
        assert!(empty.contains("\"ballots\": [],"));
        assert!(matches!(verify_fast(&empty), Some(Ok(_))));
    }

    /// Issue 16, item 2: a bundle of forms handed to households says so, keeps saying so
    /// through verification, and its minutes code differs from a meeting's with the same ballots.
    #[test]
    fn forms_to_households_travel_in_the_bundle_and_its_code() {
        let demo = AuditBundle::verify(DEMO).unwrap();
        let rebuilt = |electorate: Electorate| {
            let mut the_box = BallotBox::new(demo.poll().clone());
            for b in demo.ballot_box().ballots() {
                the_box.cast(b.clone()).unwrap();
            }
            AuditBundle::new(the_box, electorate, demo.minutes().clone()).unwrap()
        };
        let total = demo.electorate().total();
        let forms = rebuilt(Electorate::by_household_forms(total).unwrap());
        let meeting = rebuilt(Electorate::new(total, Some(total)).unwrap());
        let json = forms.to_json();
        assert!(json.contains("\"method\": \"household_forms\""), "{json}");
        assert!(!meeting.to_json().contains("\"method\""));
        let back = check(&json).unwrap();
        assert_eq!(back.electorate().method(), Method::HouseholdForms);
        assert_eq!(back.minutes_code(), forms.minutes_code());
        assert_ne!(forms.minutes_code(), meeting.minutes_code());
        let summary = forms.public_summary().to_json();
        assert!(PublicSummary::verify(&summary).is_ok());
        for (from, to) in [
            (
                "\"method\": \"household_forms\"",
                "\"method\": \"telepathy\"",
            ),
            ("\"total\": ", "\"present\": 1,\n    \"total\": "),
        ] {
            let changed = json.replacen(from, to, 1);
            assert_ne!(changed, json);
            assert!(check(&changed).is_err(), "{to}");
        }
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
            SURVEY.replacen("\"version\": 2", "\"version\": 3", 1),
            SURVEY.replacen("\"version\": 2,", "\"version\": 3,\n  \"ballots\": [],", 1),
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
