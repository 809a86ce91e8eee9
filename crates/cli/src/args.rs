//! The command line, declared with clap's derive API (docs/cli.md). Help texts are English with
//! the Vietnamese term beside it; reports and errors follow `--lang`.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use phieu_core::Lang;

/// phieu: verify, inspect and merge ballot bundles (hòm phiếu), and collect them for a portal.
#[derive(Debug, Clone, Parser)]
#[command(name = "phieu", version, about, max_term_width = 100)]
pub struct Cli {
    /// Language of reports and messages: vi (Tiếng Việt) or en.
    #[arg(long, global = true, value_enum, default_value_t = LangArg::Vi)]
    pub lang: LangArg,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    Vi,
    En,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Lang {
        match l {
            LangArg::Vi => Lang::Vi,
            LangArg::En => Lang::En,
        }
    }
}

#[derive(Debug, Clone, Subcommand)]
pub enum Command {
    /// Recompute every commitment, the fingerprint, the tally and the outcomes of audit bundles
    /// and public summaries; exit 0 if all hold, 1 if anything differs.
    Verify(VerifyArgs),
    /// Show a verified bundle: poll, electorate, counts, outcomes, fingerprint.
    Inspect(InspectArgs),
    /// Is the ballot with this receipt code (mã biên nhận) in the box? Exit 0 yes, 1 no.
    Receipt(ReceiptArgs),
    /// Merge the boxes of one poll (several tablets, clusters or sittings) into one audit bundle.
    Merge(MergeArgs),
    /// Print the counting minutes (Biên bản kiểm phiếu, D59 form 02) as text or HTML.
    Minutes(MinutesArgs),
    /// Run the HTTP server that receives bundles from tablets and portals.
    Collect(CollectArgs),
    /// Read an XLSForm (Kobo/ODK .xlsx) into a poll (an opinion survey); list every problem by
    /// sheet, row and column.
    ImportXlsform(crate::import_xlsform::ImportXlsformArgs),
    /// Write an audit bundle's results for a spreadsheet: XLSX (summary, results, ballots,
    /// written answers) or CSV.
    Export(crate::export::ExportArgs),
    /// Make an audit bundle from a poll and a list of ballots, without the browser, with salts
    /// from the operating system's random source (for portals' test suites and load tests).
    Simulate(crate::simulate::SimulateArgs),
}

#[derive(Debug, Clone, Args)]
pub struct VerifyArgs {
    /// Audit bundles and public summaries, in any order.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// A public summary to check against the audit bundle(s) given.
    #[arg(long, value_name = "FILE")]
    pub summary: Vec<PathBuf>,
    /// Print the report as JSON (messages in both languages).
    #[arg(long)]
    pub json: bool,
    /// The minutes code (mã biên bản) printed on the signed paper minutes: 16 hex digits as
    /// printed (or all 64); each file must be the one whose minutes carry it.
    #[arg(long, value_name = "CODE")]
    pub paper: Option<String>,
}

#[derive(Debug, Clone, Args)]
pub struct InspectArgs {
    /// An audit bundle or a public summary.
    pub file: PathBuf,
}

#[derive(Debug, Clone, Args)]
pub struct ReceiptArgs {
    /// An audit bundle or a public summary.
    pub file: PathBuf,
    /// The receipt code, e.g. 24M-25A-2NR-24C (case, spaces and hyphens do not matter, nor look-alikes such as O for 0).
    pub code: String,
}

#[derive(Debug, Clone, Args)]
pub struct MergeArgs {
    /// Audit bundles of the same poll.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Where to write the merged audit bundle.
    #[arg(short, long, value_name = "OUT")]
    pub out: PathBuf,
}

#[derive(Debug, Clone, Args)]
pub struct MinutesArgs {
    /// An audit bundle or a public summary.
    pub file: PathBuf,
    /// HTML for printing instead of plain text.
    #[arg(long)]
    pub html: bool,
}

#[derive(Debug, Clone, Args)]
#[command(subcommand_negates_reqs = true)]
pub struct CollectArgs {
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
