//! `phieu export FILE (--xlsx | --csv) -o OUT`: the results of a verified audit bundle for a
//! spreadsheet. `--csv` is the core's `report::results_csv` (one row per option, shares of the
//! total electorate), as the app's results page downloads it; `--xlsx` is
//! `phieu_xlsform::export::results_xlsx`: a summary, the same results, the ballots in commitment
//! order without anything that links them to a voter, and the written answers apart from them
//! (docs/xlsform.md §Export). Both are in `--lang`.

use std::io::Write;

use phieu_core::report::results_csv;
use phieu_core::Lang;
use phieu_xlsform::export::results_xlsx;

use crate::args::ExportArgs;
use crate::error::CliError;
use crate::load;
use crate::status::Status;
use crate::words::command_words;

pub fn run(args: &ExportArgs, lang: Lang, out: &mut dyn Write) -> Result<Status, CliError> {
    let bundle = load::load_audit(&args.file)?;
    let write_err = |source| CliError::Write {
        path: args.out.clone(),
        source,
    };
    let bytes = if args.format.xlsx {
        results_xlsx(&bundle, lang)
            .map_err(|e| write_err(std::io::Error::other(e.message(lang))))?
    } else {
        results_csv(&bundle, lang).into_bytes()
    };
    std::fs::write(&args.out, bytes).map_err(write_err)?;
    let (b, fp, path) = (
        bundle.tally().ballots(),
        bundle.fingerprint().short(),
        args.out.display(),
    );
    let line = command_words(lang).exported(fp, b, path);
    writeln!(out, "{line}").map_err(|source| CliError::Write {
        path: "-".into(),
        source,
    })?;
    Ok(Status::Good)
}
