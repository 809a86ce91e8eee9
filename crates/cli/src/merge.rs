//! `phieu merge FILE… -o OUT`: the boxes of one poll (several tablets, clusters, sittings) into
//! one audit bundle, under the core's rules (`phieu_core::merge::merge_bundles`: one electorate
//! total; attendance kept for tablets of one sitting and added up across clusters; minutes that
//! list every place and time). A box or a ballot seen twice is refused, naming the file that
//! holds it, never counted twice. The app merges with the same function, so both give the same
//! bytes for the same files in the same order.

use std::io::Write;

use phieu_core::Lang;

use crate::args::MergeArgs;
use crate::error::CliError;
use crate::load;
use crate::status::Status;
use crate::words::command_words;
use phieu_core::merge::merge_bundles;

pub fn run(args: &MergeArgs, lang: Lang, out: &mut dyn Write) -> Result<Status, CliError> {
    let bundles = args
        .files
        .iter()
        .map(|f| load::load_audit(f))
        .collect::<Result<Vec<_>, _>>()?;
    let merged = merge_bundles(&bundles)
        .map_err(|error| CliError::Combine {
            files: args.files.clone(),
            error,
        })?
        .into_parts()
        .0;
    std::fs::write(&args.out, merged.to_json()).map_err(|source| CliError::Write {
        path: args.out.clone(),
        source,
    })?;
    let (n, b, fp, path) = (
        bundles.len(),
        merged.tally().ballots(),
        merged.fingerprint().short(),
        args.out.display(),
    );
    let line = command_words(lang).merged(n, b, path, fp);
    writeln!(out, "{line}").map_err(|source| CliError::Write {
        path: "-".into(),
        source,
    })?;
    Ok(Status::Good)
}
