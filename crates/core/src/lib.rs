//! phieu-core: polls, ballots, commitments, legal rules, tallies and bundles for phieu, the
//! offline voting and opinion-survey tool for Vietnamese village meetings.
//!
//! The crate knows nothing of the browser, the clock or the random number generator: salts and
//! meeting times are handed in by the caller, and nothing here records when or in which order a
//! ballot was cast. Every hash is SHA-256 over a documented canonical encoding
//! (docs/bundle-format.md); every legal rule is integer arithmetic against the stated electorate
//! (docs/poll-format.md §Rules, Law 10/2022/QH15).
//!
//! ```
//! use phieu_core::{Lang, Poll};
//!
//! let poll = Poll::from_json(include_str!("../../../assets/polls/demo.json")).unwrap();
//! assert_eq!(poll.place().village(), "Thôn Đồng Tâm");
//! assert_eq!(poll.items()[0].label().get(Lang::En).split(' ').next(), Some("Does"));
//! assert_eq!(poll.hash().to_hex().len(), 64);
//! ```

mod encoding;
mod i18n;
pub mod lang;
pub mod poll;

pub use lang::{without_path, BadTag, Lang, LangTag, Text};
pub use poll::{
    Choice, Condition, Item, ItemKind, Matter, Person, Place, Poll, PollError, PollErrorKind,
    PollHash, PollKind, Preset, Rule, ShowIf, Target, TargetBase, MAX_TEXT_LEN,
};
pub mod ballot;
pub mod ballot_box;
pub mod bundle;
pub mod counted;
pub mod html;
pub mod merge;
pub mod minutes;
pub mod opening;
pub mod pin;
pub mod receipt;
pub mod report;
pub mod results;
pub mod rule;
pub mod tally;

pub use ballot::{check_answer, is_shown, Answer, Ballot, BallotCommitment, BallotError, Salt};
pub use ballot_box::{BallotBox, BoxError, BoxFingerprint};
pub use bundle::{
    answers_from_json, AuditBundle, BundleError, Discrepancy, MinutesCode, PublicSummary,
    VerifyError,
};
pub use counted::{may_vote, By, Counted, CountedError, CountedItem, PaperBallots};
pub use merge::{
    commune_rollup, merge_boxes, merge_bundles, BoxEntry, CommuneOutcome, MergeBundlesError,
    MergeError, MergedBundle, VillageResult,
};
pub use minutes::{Minutes, MinutesError};
pub use opening::{BoxLoader, OpeningError};
pub use pin::{PinError, PinHash};
pub use receipt::{Receipt, ReceiptError};
pub use results::{item_rows, results_header, results_rows, ResultRow, RowKind};
pub use rule::{decide, Decision, Electorate, Method, Outcome, OutcomeError, RatingLevel};
pub use tally::{ItemTally, Mean, Share, Tally, TallyError, Unanswered};
