//! What a command found when it could do its job, and its exit code (docs/cli.md §Exit codes).

/// What a command found, when it could do its job: exit code 0 or 1 (docs/cli.md §Exit codes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Everything checks out (exit 0).
    Good,
    /// The files say no: a discrepancy, a receipt not in the box, a refused merge (exit 1).
    Bad,
}

impl Status {
    pub fn exit_code(self) -> u8 {
        match self {
            Status::Good => 0,
            Status::Bad => 1,
        }
    }
}
