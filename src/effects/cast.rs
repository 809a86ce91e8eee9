//! Casting a ballot, the one way the tablet, the field survey and the embedded poll all do it:
//! a salt from the CSPRNG ([`salt`]), the ballot and its commitment by the core ([`seal`]), and
//! the opening written to a box keyed by its commitment in one `strict` transaction ([`cast`]),
//! committed to disk before any receipt is shown or any host told.
//!
//! What each front end does around these steps stays its own: the tablet adds the ballot to the
//! meeting's box in memory first (a repeat is refused before anything is written), the field
//! survey seals its draft with the salt before sealing the ballot (so a device dying half-way
//! finishes the very same response) and stores the meeting record, the embedded poll casts
//! only once its page's origin is proved.

use phieu_core::{Answer, Ballot, BallotError, Lang, Poll, Salt};

use crate::edge::random;
use crate::edge::store::{BoxKind, Cast, Store, StoreError};

/// Why a ballot was not cast.
#[derive(Debug)]
pub enum NotCast {
    /// The device has no CSPRNG (Web Crypto): no secret ballot is possible.
    NoRandom,
    /// The core refused the answers.
    Ballot(BallotError),
    /// Storage refused or failed the write.
    Store(StoreError),
}

impl NotCast {
    /// Why, in `lang`: the clause each front end puts in its own "not cast" sentence.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            NotCast::NoRandom => super::words::effects_words(lang).no_random.into(),
            NotCast::Ballot(e) => e.message(lang),
            NotCast::Store(e) => e.message(lang),
        }
    }
}

impl From<StoreError> for NotCast {
    fn from(e: StoreError) -> NotCast {
        NotCast::Store(e)
    }
}

/// A fresh 16-byte salt for one ballot.
pub fn salt() -> Result<[u8; 16], NotCast> {
    random::bytes16().ok_or(NotCast::NoRandom)
}

/// The ballot of `answers` to `poll` under `salt`, with its commitment, made by the core.
pub fn seal(poll: &Poll, answers: Vec<Answer>, salt: [u8; 16]) -> Result<Ballot, NotCast> {
    Ballot::new(poll, answers, Salt::from_bytes(salt)).map_err(NotCast::Ballot)
}

/// Writes `ballot`'s opening into the box `box_id` of `store`, keyed by its commitment, and
/// returns once the transaction is committed to disk. Casting the same ballot again (finishing
/// an interrupted commit) stores nothing twice.
pub async fn cast(
    store: &Store,
    kind: BoxKind,
    box_id: &str,
    ballot: &Ballot,
) -> Result<Cast, StoreError> {
    store
        .cast(
            kind,
            box_id,
            &ballot.commitment().to_hex(),
            &ballot.to_opening_json(),
        )
        .await
}
