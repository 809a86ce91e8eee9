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
//!
//! The types are in `audit` and `summary`, what a reader can be told in `error`, the minutes
//! code in `minutes_code` and what it covers in `stated`, the raw JSON shapes and the
//! conversions to and from them in `dto`, the steps of reading and checking that both files
//! share in `check`. This module only declares and re-exports.

mod audit;
pub(crate) mod ballot_list;
mod check;
pub(crate) mod dto;
mod error;
mod minutes_code;
mod stated;
mod summary;

pub use audit::AuditBundle;
pub use dto::{answers_from_json, AUDIT_FORMAT, BUNDLE_VERSION, SUMMARY_FORMAT};
pub use error::{BundleError, Discrepancy, VerifyError};
pub use minutes_code::MinutesCode;
pub use summary::PublicSummary;

pub(crate) use check::digest_of;
pub(crate) use dto::{answer_of, ballot_dto};

#[cfg(test)]
mod tests;
