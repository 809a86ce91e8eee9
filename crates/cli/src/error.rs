//! What can stop a command from doing its job, each with the data a person needs to fix it and a
//! message in Vietnamese and English. Exit code 2 is "could not do the job" (usage, an
//! unreadable or unwritable file, a server that cannot start); a file that does not verify is not
//! an error but a finding (`Status::Bad`, exit 1), except where a command needs a verified file
//! to go on (inspect, merge, minutes), where it is [`CliError::NotVerified`] with exit code 1.

use std::path::PathBuf;

use phieu_core::merge::MergeBundlesError;
use phieu_core::{Lang, ReceiptError, VerifyError};

#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error("{}: cannot read: {source}", path.display())]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    /// The file was read, but its bytes are not UTF-8 text: a bundle that was changed or
    /// damaged, so a finding (exit 1) as `phieu verify` reports it, not a file that cannot be read.
    #[error("{}: does not verify: byte {at}: not UTF-8 text (the file was changed or damaged)", path.display())]
    NotText { path: PathBuf, at: usize },
    #[error("{}: cannot write: {source}", path.display())]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}: does not verify: {error}", path.display())]
    NotVerified { path: PathBuf, error: VerifyError },
    #[error("{}: not an audit bundle (ballot openings are needed here)", path.display())]
    NeedsAuditBundle { path: PathBuf },
    #[error("{0}")]
    Receipt(ReceiptError),
    #[error("{error} ({})", legend(files))]
    Combine {
        files: Vec<PathBuf>,
        error: MergeBundlesError,
    },
    /// `phieu collect` needs the collector's own program, `phieu-collect`, which is neither in
    /// `beside` (the directory of `phieu`) nor on `PATH`.
    #[error("phieu collect runs the collector, the program phieu-collect, which is neither in {} (beside phieu) nor on PATH: build it with `cargo build --release -p phieu-collector` and put target/release/phieu-collect beside phieu or on PATH (docs/collector.md §Deploying at a portal)", beside.display())]
    NoCollector { beside: PathBuf },
    /// `phieu-collect` was found but could not be started.
    #[error("{}: cannot run the collector: {source}", path.display())]
    RunCollector {
        path: PathBuf,
        source: std::io::Error,
    },
    /// The command line or an input file cannot be used as given; `vi` and `en` say why.
    #[error("{en}")]
    Usage { vi: String, en: String },
}

impl CliError {
    /// 1 when the input was read and says no, 2 when the job could not be done at all.
    pub fn exit_code(&self) -> u8 {
        match self {
            CliError::NotVerified { .. } | CliError::NotText { .. } | CliError::Combine { .. } => 1,
            CliError::Read { .. }
            | CliError::Write { .. }
            | CliError::NeedsAuditBundle { .. }
            | CliError::Receipt(_)
            | CliError::NoCollector { .. }
            | CliError::RunCollector { .. }
            | CliError::Usage { .. } => 2,
        }
    }

    pub fn message(&self, lang: Lang) -> String {
        match self {
            CliError::Read { path, source } => lang.pick(format!("{}: không đọc được tệp: {source}", path.display()),
                self.to_string(),
            ),
            CliError::NotText { path, at } => lang.pick(format!(
                    "{}: tệp không khớp khi kiểm lại: byte {at}: không phải văn bản UTF-8 (tệp đã bị sửa hoặc hỏng)",
                    path.display()
                ),
                self.to_string(),
            ),
            CliError::Write { path, source } => lang.pick(format!("{}: không ghi được tệp: {source}", path.display()),
                self.to_string(),
            ),
            CliError::NotVerified { path, error } => {
                let head = lang.pick(format!("{}: tệp không khớp khi kiểm lại:", path.display()),
                    format!("{}: does not verify:", path.display()),
                );
                format!("{head}\n{}", indent(&error.message(lang)))
            }
            CliError::NeedsAuditBundle { path } => lang.pick(format!(
                    "{}: không phải tệp kiểm tra (cần nội dung từng phiếu để làm việc này)",
                    path.display()
                ),
                self.to_string(),
            ),
            CliError::Receipt(e) => e.message(lang),
            CliError::Combine { files, error } => {
                format!("{} ({})", error.message(lang), legend(files))
            }
            CliError::NoCollector { beside } => lang.pick(
                format!(
                    "phieu collect chạy máy chủ nhận tệp kiểm tra, tức chương trình phieu-collect, nhưng không thấy nó trong {} (cạnh phieu) hay trong PATH: hãy dựng nó bằng `cargo build --release -p phieu-collector` rồi đặt target/release/phieu-collect cạnh phieu hoặc vào PATH (docs/collector.md §Deploying at a portal)",
                    beside.display()
                ),
                self.to_string(),
            ),
            CliError::RunCollector { path, source } => lang.pick(
                format!("{}: không chạy được máy chủ nhận tệp kiểm tra: {source}", path.display()),
                self.to_string(),
            ),
            CliError::Usage { vi, en } => lang.pick(vi.clone(), en.clone()),
        }
    }
}

fn indent(lines: &str) -> String {
    lines
        .lines()
        .map(|l| format!("  {l}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// `boxes[0] = a.json, boxes[1] = b.json`: the names behind the core's input indices.
fn legend(files: &[PathBuf]) -> String {
    files
        .iter()
        .enumerate()
        .map(|(i, f)| format!("boxes[{i}] = {}", f.display()))
        .collect::<Vec<_>>()
        .join(", ")
}
