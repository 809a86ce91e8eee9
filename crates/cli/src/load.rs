//! Reading bundle files: an audit bundle or a public summary, told apart by their `format`
//! field (docs/bundle-format.md), and verified by the core before anything is shown from them.

use std::path::Path;

use phieu_core::{
    AuditBundle, BoxFingerprint, Electorate, Minutes, MinutesCode, Outcome, Poll, PublicSummary,
    Receipt, Tally, VerifyError,
};

use crate::error::CliError;
use crate::progress::Spinner;

/// Which of the two exports a file claims to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    AuditBundle,
    PublicSummary,
}

impl Kind {
    /// The name used in JSON reports.
    pub fn name(self) -> &'static str {
        match self {
            Kind::AuditBundle => "audit-bundle",
            Kind::PublicSummary => "public-summary",
        }
    }

    /// What a file claims to be. Both exports open with their `format` (docs/bundle-format.md
    /// §JSON rules), so the first bytes are enough; anything else is read as an audit bundle and
    /// the core names what is wrong with it.
    pub fn of(json: &str) -> Kind {
        let mut end = json.len().min(200);
        while !json.is_char_boundary(end) {
            end -= 1;
        }
        let head = &json[..end];
        if head.contains("\"format\": \"phieu/public-summary\"") {
            Kind::PublicSummary
        } else {
            Kind::AuditBundle
        }
    }
}

/// A file that verified.
#[derive(Debug, Clone)]
pub enum Verified {
    Audit(Box<AuditBundle>),
    Summary(Box<PublicSummary>),
}

impl Verified {
    pub fn kind(&self) -> Kind {
        match self {
            Verified::Audit(_) => Kind::AuditBundle,
            Verified::Summary(_) => Kind::PublicSummary,
        }
    }

    pub fn poll(&self) -> &Poll {
        match self {
            Verified::Audit(b) => b.poll(),
            Verified::Summary(s) => s.poll(),
        }
    }

    pub fn electorate(&self) -> &Electorate {
        match self {
            Verified::Audit(b) => b.electorate(),
            Verified::Summary(s) => s.electorate(),
        }
    }

    pub fn minutes(&self) -> &Minutes {
        match self {
            Verified::Audit(b) => b.minutes(),
            Verified::Summary(s) => s.minutes(),
        }
    }

    pub fn tally(&self) -> &Tally {
        match self {
            Verified::Audit(b) => b.tally(),
            Verified::Summary(s) => s.tally(),
        }
    }

    pub fn outcomes(&self) -> &[Outcome] {
        match self {
            Verified::Audit(b) => b.outcomes(),
            Verified::Summary(s) => s.outcomes(),
        }
    }

    pub fn fingerprint(&self) -> BoxFingerprint {
        match self {
            Verified::Audit(b) => b.fingerprint(),
            Verified::Summary(s) => s.fingerprint(),
        }
    }

    pub fn minutes_code(&self) -> MinutesCode {
        match self {
            Verified::Audit(b) => b.minutes_code(),
            Verified::Summary(s) => s.minutes_code(),
        }
    }

    pub fn contains_receipt(&self, receipt: &Receipt) -> bool {
        match self {
            Verified::Audit(b) => b.ballot_box().contains_receipt(receipt),
            Verified::Summary(s) => s.contains_receipt(receipt),
        }
    }
}

/// Reads a whole file as UTF-8. Bytes that are not UTF-8 are a changed or damaged file
/// ([`CliError::NotText`], exit 1), as `phieu verify` says; only a file that cannot be read at
/// all is [`CliError::Read`] (exit 2).
pub fn read(path: &Path) -> Result<String, CliError> {
    let bytes = std::fs::read(path).map_err(|source| CliError::Read {
        path: path.to_owned(),
        source,
    })?;
    String::from_utf8(bytes).map_err(|e| CliError::NotText {
        path: path.to_owned(),
        at: e.utf8_error().valid_up_to(),
    })
}

/// Verifies the text of a file as what it claims to be.
pub fn verify_text(json: &str) -> (Kind, Result<Verified, VerifyError>) {
    let kind = Kind::of(json);
    let result = match kind {
        Kind::AuditBundle => AuditBundle::verify(json).map(|b| Verified::Audit(Box::new(b))),
        Kind::PublicSummary => PublicSummary::verify(json).map(|s| Verified::Summary(Box::new(s))),
    };
    (kind, result)
}

/// Reads and verifies a file; a file that does not verify is an error here, because the command
/// needs its contents (inspect, receipt, minutes, merge).
pub fn load(path: &Path) -> Result<Verified, CliError> {
    let spinner = Spinner::start(path);
    let json = read(path)?;
    let (_, result) = verify_text(&json);
    spinner.finish();
    result.map_err(|error| CliError::NotVerified {
        path: path.to_owned(),
        error,
    })
}

/// As [`load`], for commands that need the ballot openings.
pub fn load_audit(path: &Path) -> Result<AuditBundle, CliError> {
    match load(path)? {
        Verified::Audit(b) => Ok(*b),
        Verified::Summary(_) => Err(CliError::NeedsAuditBundle {
            path: path.to_owned(),
        }),
    }
}
