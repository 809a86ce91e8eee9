//! What a write of a box answers: stored now, stored already, or why not. Apart from `store.rs`
//! so that the group commit (`commit.rs`), which `store.rs` drives, can answer with it.

/// Whether `put` stored a new box or already had it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stored {
    New,
    Already,
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("fingerprint {fingerprint}: a different bundle (seal {stored_seal}) is already stored for this box")]
    Conflict {
        fingerprint: String,
        stored_seal: String,
    },
    #[error("ballot {commitment} is already stored in box {other}")]
    DuplicateBallot { commitment: String, other: String },
    #[error("database: {0}")]
    Db(#[from] sqlx::Error),
    #[error("database migrations: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
}
