//! What can stop a command from doing its job, each with the data a person needs to fix it and a
//! message in Vietnamese and English. Exit code 2 is "could not do the job" (usage, an
//! unreadable or unwritable file, a server that cannot start); a file that does not verify is not
//! an error but a finding (`Status::Bad`, exit 1), except where a command needs a verified file
//! to go on (inspect, merge, minutes), where it is [`CliError::NotVerified`] with exit code 1.

use std::path::PathBuf;

use phieu_core::merge::MergeBundlesError;
use phieu_core::{Lang, ReceiptError, VerifyError};

use crate::words::{error_words, Said};

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
    /// The command line or an input file cannot be used as given: why, in every language.
    #[error("{}", .0.get(Lang::En))]
    Usage(Said),
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
            | CliError::Usage(_) => 2,
        }
    }

    pub fn message(&self, lang: Lang) -> String {
        let w = error_words(lang);
        match self {
            CliError::Read { path, source } => w.cannot_read(path.display(), source),
            CliError::NotText { path, at } => w.not_text(path.display(), at),
            CliError::Write { path, source } => w.cannot_write(path.display(), source),
            CliError::NotVerified { path, error } => {
                let head = w.does_not_verify(path.display());
                format!("{head}\n{}", indent(&error.message(lang)))
            }
            CliError::NeedsAuditBundle { path } => w.needs_audit_bundle(path.display()),
            CliError::Receipt(e) => e.message(lang),
            CliError::Combine { files, error } => {
                format!("{} ({})", error.message(lang), legend(files))
            }
            CliError::NoCollector { beside } => w.no_collector(beside.display()),
            CliError::RunCollector { path, source } => {
                w.cannot_run_collector(path.display(), source)
            }
            CliError::Usage(said) => said.get(lang).to_owned(),
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
