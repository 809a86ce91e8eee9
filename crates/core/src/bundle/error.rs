//! What a reader of a bundle is told: `BundleError` when the file is not a well-formed bundle at
//! all, `Discrepancy` for each claim that does not hold, `VerifyError` for either, each with its
//! message in Vietnamese and English.

use crate::ballot::BallotCommitment;
use crate::ballot::BallotError;
use crate::ballot_box::BoxFingerprint;
use crate::lang::Lang;
use crate::minutes::MinutesError;
use crate::poll::{PollError, PollHash};
use crate::rule::OutcomeError;

use super::minutes_code::MinutesCode;

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
    /// The counts of the items voted by hands or on paper do not hold (`crate::counted`).
    #[error("{0}")]
    Counted(crate::counted::CountedError),
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
            BundleError::Counted(e) => e.path(),
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
            BundleError::Counted(e) => e.message(Lang::Vi),
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
            (Lang::En, BundleError::Counted(e)) => e.message(Lang::En),
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
            BundleError::Counted(e) => crate::lang::without_path(&e.message(lang)),
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
pub(super) fn count_in_words(path: &str, lang: Lang) -> String {
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
