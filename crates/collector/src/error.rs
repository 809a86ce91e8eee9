//! What can stop the collector from starting or a `phieu collect` subcommand from doing its job,
//! each with the data a person needs to fix it and a message in Vietnamese and English.

use std::net::SocketAddr;
use std::path::PathBuf;

use phieu_core::Lang;

use crate::store::StoreError;
use crate::tokens::TokensError;
use crate::words::error_words;

#[derive(Debug, thiserror::Error)]
pub enum CollectError {
    #[error("{0}")]
    Tokens(#[from] TokensError),
    #[error("--allow-origin {0:?}: an origin is scheme://host[:port], such as https://xa.example.vn; * is never allowed")]
    Origin(String),
    #[error("database {url}: {error}")]
    Database { url: String, error: StoreError },
    #[error("cannot listen on {addr}: {source}")]
    Listen {
        addr: SocketAddr,
        source: std::io::Error,
    },
    #[error("the server stopped: {0}")]
    Serve(std::io::Error),
    #[error("no box {0} is stored")]
    NoSuchBox(String),
    #[error("the token name {0:?} was revoked: choose another name")]
    RevokedName(String),
    #[error("{}: {source}", path.display())]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
}

impl CollectError {
    /// Every error stops the command before it could do its job: exit code 2, as for `phieu`
    /// (docs/cli.md §Exit codes).
    pub fn exit_code(&self) -> u8 {
        2
    }

    pub fn message(&self, lang: Lang) -> String {
        let w = error_words(lang);
        match self {
            CollectError::Tokens(e) => e.message(lang),
            CollectError::Origin(o) => w.bad_origin(format!("{o:?}")),
            CollectError::Database { url, error } => w.database(url, error),
            CollectError::Listen { addr, source } => w.cannot_listen(addr, source),
            CollectError::Serve(e) => w.stopped(e),
            CollectError::NoSuchBox(fp) => w.no_such_box(fp),
            CollectError::RevokedName(n) => w.revoked_name(format!("{n:?}")),
            CollectError::Write { path, source } => format!("{}: {source}", path.display()),
        }
    }
}
