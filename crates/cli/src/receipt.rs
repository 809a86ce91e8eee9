//! `phieu receipt FILE CODE`: is the ballot behind this receipt code in the box? The receipt is
//! derived from the ballot's commitment (docs/bundle-format.md §Receipt), so the answer says
//! that the ballot was counted and nothing about how it was cast.

use std::io::Write;

use phieu_core::{Lang, Receipt};

use crate::args::ReceiptArgs;
use crate::error::CliError;
use crate::load;
use crate::status::Status;
use crate::words::command_words;

pub fn run(args: &ReceiptArgs, lang: Lang, out: &mut dyn Write) -> Result<Status, CliError> {
    // The code is checked first: a mistyped code is a usage error, not "not counted".
    let receipt = Receipt::parse(&args.code).map_err(CliError::Receipt)?;
    let verified = load::load(&args.file)?;
    let found = verified.contains_receipt(&receipt);
    let fp = verified.fingerprint().short();
    let w = command_words(lang);
    let line = if found {
        w.in_box(receipt, &fp)
    } else {
        w.not_in_box(receipt, &fp)
    };
    writeln!(out, "{line}").map_err(|source| CliError::Write {
        path: "-".into(),
        source,
    })?;
    Ok(if found { Status::Good } else { Status::Bad })
}
