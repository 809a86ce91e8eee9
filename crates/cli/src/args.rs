//! The command line, declared with clap's derive API (docs/cli.md). Help texts are English with
//! the Vietnamese term beside it; reports and errors follow `--lang`.

use std::path::PathBuf;

use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::{Args, Parser, Subcommand};
use phieu_core::Lang;

/// phieu: verify, inspect and merge ballot bundles (hòm phiếu), and collect them for a portal.
#[derive(Debug, Clone, Parser)]
#[command(name = "phieu", version, about, max_term_width = 100)]
pub struct Cli {
    /// Language of reports and messages: vi (Tiếng Việt), en, or any other of
    /// i18n/languages.toml.
    #[arg(long, global = true, default_value = "vi", value_parser = lang_parser())]
    pub lang: Lang,
    #[command(subcommand)]
    pub command: Command,
}

/// `--lang`: the code of a language of `i18n/languages.toml` (`vi`, `en`…), every one listed
/// in the help.
pub fn lang_parser() -> impl TypedValueParser<Value = Lang> {
    PossibleValuesParser::new(Lang::ALL.map(Lang::code))
        .map(|code| Lang::from_code(&code).unwrap_or_default())
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
    ImportXlsform(ImportXlsformArgs),
    /// Write an audit bundle's results for a spreadsheet: XLSX (summary, results, ballots,
    /// written answers) or CSV.
    Export(ExportArgs),
    /// Make an audit bundle from a poll and a list of ballots, without the browser, with salts
    /// from the operating system's random source (for portals' test suites and load tests).
    Simulate(SimulateArgs),
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

/// `phieu collect ARGS…`: everything after `collect` is the collector's own command line
/// (`phieu-collect`, crates/collector), passed on as it is, help flags included.
#[derive(Debug, Clone, Args)]
#[command(disable_help_flag = true)]
pub struct CollectArgs {
    /// The collector's flags and subcommands (`phieu collect --help` lists them).
    #[arg(
        trailing_var_arg = true,
        allow_hyphen_values = true,
        value_name = "ARGS"
    )]
    pub args: Vec<std::ffi::OsString>,
}

#[derive(Debug, Clone, Args)]
pub struct ImportXlsformArgs {
    /// The XLSForm workbook (.xlsx) with survey, choices and (optionally) settings sheets.
    pub form: PathBuf,
    /// Where to write the poll (phieu/poll JSON, docs/poll-format.md).
    #[arg(short, long, value_name = "OUT")]
    pub out: PathBuf,
    /// The commune (xã), when the settings sheet has no `commune` column (wins over it).
    #[arg(long)]
    pub commune: Option<String>,
    /// The village (thôn, tổ dân phố), likewise.
    #[arg(long)]
    pub village: Option<String>,
    /// Print the result as one JSON object on stdout (messages in both languages).
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Clone, Args)]
pub struct ExportArgs {
    /// A verified audit bundle (the ballots are needed for the XLSX ballot sheet).
    pub file: PathBuf,
    #[command(flatten)]
    pub format: ExportFormat,
    /// Where to write it.
    #[arg(short, long, value_name = "OUT")]
    pub out: PathBuf,
}

/// Exactly one of `--xlsx` and `--csv`.
#[derive(Debug, Clone, Args)]
#[group(required = true, multiple = false)]
pub struct ExportFormat {
    /// Excel workbook: summary, results, ballots, written answers.
    #[arg(long)]
    pub xlsx: bool,
    /// CSV: one row per option, with a byte-order mark so that Excel reads Vietnamese.
    #[arg(long)]
    pub csv: bool,
}

#[derive(Debug, Clone, Args)]
pub struct SimulateArgs {
    /// The poll definition (docs/poll-format.md).
    pub poll: PathBuf,
    /// The ballots: a JSON list with one list of answers per ballot, each answer as a bundle
    /// writes it (`{"option": "dong_y"}`, `{"options": [...]}`, `{"number": 3}`,
    /// `{"text": "..."}`) or `null` for blank.
    #[arg(long, value_name = "FILE")]
    pub ballots: PathBuf,
    /// The total electorate: households, delegates or staff convened.
    #[arg(long, value_name = "N")]
    pub total: u64,
    /// Those present (required for a village meeting's decision or election).
    #[arg(long, value_name = "N")]
    pub present: Option<u64>,
    /// The place written in the minutes.
    #[arg(long, default_value = "", value_name = "TEXT")]
    pub place: String,
    /// The time written in the minutes.
    #[arg(long, default_value = "", value_name = "TEXT")]
    pub time: String,
    /// Where to write the audit bundle.
    #[arg(short, long, value_name = "OUT")]
    pub out: PathBuf,
}
