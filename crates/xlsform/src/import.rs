//! The mapping from an XLSForm to a phieu poll (docs/xlsform.md). Every row of the `survey`
//! sheet becomes a question, joins the next question's label (notes, group labels), is left out
//! on purpose with a [`Skipped`] saying so (automatic metadata such as `start`), or is a
//! [`Problem`]. The whole workbook is read in one pass before anything is refused, every row
//! checked whatever else is wrong with it, so the officer sees every problem at once.
//! `Importer::run` (`importer`) goes by phase, a module each: the survey sheet's header
//! (`header`, over `columns`), the choices (`choices`), every row (`rows`: groups, notes; a
//! question in `question`, its `relevant` in `condition`, over `draft` and `cond`), what is
//! still open at the end (`Importer::close`), and the poll filled in as the core's raw poll
//! and checked by the core (`build`). The poll
//! built is an opinion survey (kind `survey`, rule `none`): nothing in an XLSForm says which
//! legal rule would decide it, and the core's own checks run on it last.

mod build;
mod choices;
mod columns;
mod cond;
mod condition;
mod draft;
mod header;
mod importer;
mod question;
mod rows;

pub use importer::{ImportOptions, Imported, ImportedPoll};

use crate::problem::Problem;
use crate::sheet::{self, Workbook};
use importer::Importer;
use phieu_core::MAX_TEXT_LEN;

#[cfg(test)]
mod tests;

/// Reads an XLSForm workbook (.xlsx bytes) into a survey poll, or lists every problem in it.
pub fn import(bytes: &[u8], options: &ImportOptions) -> Result<Imported, Vec<Problem>> {
    let book = sheet::read(bytes)?;
    import_workbook(&book, options)
}

/// As [`import`], from sheets already read.
pub fn import_workbook(book: &Workbook, options: &ImportOptions) -> Result<Imported, Vec<Problem>> {
    Importer {
        max_text_len: MAX_TEXT_LEN,
        ..Importer::default()
    }
    .run(book, options)
}
