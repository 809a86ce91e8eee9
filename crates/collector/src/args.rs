//! The collector's command line, `phieu collect [flags]` or `phieu-collect [flags]`, declared with
//! clap's derive API (docs/collector.md). `phieu` passes its `--lang` on as the first flag.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::{Args, Parser, Subcommand};
use phieu_core::Lang;

/// `--lang`: the code of a language of `i18n/languages.toml` (`vi`, `en`…), every one listed
/// in the help.
pub fn lang_parser() -> impl TypedValueParser<Value = Lang> {
    PossibleValuesParser::new(Lang::ALL.map(Lang::code))
        .map(|code| Lang::from_code(&code).unwrap_or_default())
}

/// Run the HTTP server that receives bundles from tablets and portals.
#[derive(Debug, Clone, Parser)]
#[command(
    name = "phieu collect",
    version,
    max_term_width = 100,
    subcommand_negates_reqs = true
)]
pub struct CollectArgs {
    /// Language of reports and messages: vi (Tiếng Việt), en, or any other of
    /// i18n/languages.toml.
    #[arg(long, global = true, default_value = "vi", value_parser = lang_parser())]
    pub lang: Lang,
    /// Instead of serving: manage tokens, or quarantine a box, in the database given.
    #[command(subcommand)]
    pub action: Option<CollectAction>,
    /// Address to listen on. Loopback by default: put a TLS reverse proxy in front to expose it.
    #[arg(long, default_value = "127.0.0.1:8787", value_name = "ADDR")]
    pub listen: SocketAddr,
    /// sqlite://FILE (default ./phieu.db, created if missing) or postgres://USER@HOST/DB.
    #[arg(long, default_value = "sqlite://phieu.db", value_name = "URL")]
    pub database: String,
    /// An upload token for one portal: NAME=SECRET (repeatable). Sent as `Authorization: Bearer SECRET`.
    #[arg(long = "token", value_name = "NAME=SECRET")]
    pub tokens: Vec<String>,
    /// A file of NAME=SECRET lines (blank lines and lines starting with # are ignored).
    #[arg(long, value_name = "FILE")]
    pub tokens_file: Option<PathBuf>,
    /// An origin allowed to upload from a browser (CORS), e.g. https://xa-tamhung.gov.vn (repeatable; never *).
    #[arg(long = "allow-origin", value_name = "ORIGIN")]
    pub allow_origins: Vec<String>,
    /// The largest bundle accepted, in bytes.
    #[arg(long, default_value_t = 16 * 1024 * 1024, value_name = "BYTES")]
    pub max_body_bytes: usize,
    /// Connections served at once; more are closed when accepted (fewer if the open-files limit is lower).
    #[arg(long, default_value_t = 4096, value_name = "N")]
    pub max_connections: usize,
}

/// What `phieu collect` does instead of serving (docs/collector.md §Tokens, §Quarantine).
#[derive(Debug, Clone, Subcommand)]
pub enum CollectAction {
    /// Tokens: make a new one, list them, revoke one.
    #[command(subcommand)]
    Token(TokenAction),
    /// Take a box out of every tally and roll-up, for good, with who and why in the log.
    Quarantine(QuarantineArgs),
}

#[derive(Debug, Clone, Subcommand)]
pub enum TokenAction {
    /// Print a new token line with a fresh secret (and append it to --tokens-file if given).
    Add(TokenAddArgs),
    /// List the tokens of --token and --tokens-file: roles, places, revoked or not.
    List,
    /// Refuse the token NAME from now on, on every collector using this database, at once.
    Revoke(TokenRevokeArgs),
}

#[derive(Debug, Clone, Args)]
pub struct TokenAddArgs {
    /// The token's name: the portal, office or person that holds it.
    pub name: String,
    /// uploader, confirmer, operator or auditor (repeatable).
    #[arg(long = "role", value_name = "ROLE", default_value = "uploader")]
    pub roles: Vec<String>,
    /// The commune (xã) it may act for, as the polls write it; * for every commune.
    #[arg(long)]
    pub commune: String,
    /// A village (thôn, tổ dân phố) of that commune it may act for (repeatable; none: all).
    #[arg(long = "village", value_name = "VILLAGE")]
    pub villages: Vec<String>,
}

#[derive(Debug, Clone, Args)]
pub struct TokenRevokeArgs {
    /// The token's name.
    pub name: String,
    /// Who revokes it (recorded in the log).
    #[arg(long)]
    pub by: String,
    /// Why (recorded in the log).
    #[arg(long, default_value = "")]
    pub reason: String,
}

#[derive(Debug, Clone, Args)]
pub struct QuarantineArgs {
    /// The box's fingerprint (64 hex digits).
    pub fingerprint: String,
    /// Why (recorded in the log, shown with every tally).
    #[arg(long)]
    pub reason: String,
    /// Who decides (recorded in the log).
    #[arg(long)]
    pub by: String,
}
