//! phieu-xlsform: brings a form that Kobo or ODK users already have into phieu, and takes a
//! closed box's results out to Excel.
//!
//! [`import`] reads an XLSForm workbook (the `survey`, `choices` and `settings` sheets of an
//! .xlsx file) into a [`phieu_core::Poll`] of kind `survey`: select_one, select_multiple,
//! integer, text and note rows, labels in Vietnamese and English, hints, `required`, `relevant`
//! conditions (a group's ANDed with its rows', `and`/`or` within one) as the core's skip logic,
//! and range `constraint`s. Anything the mapping cannot carry over exactly is a [`Problem`]
//! naming its sheet, row and column as Excel shows them, in Vietnamese and English, all found in
//! one pass; [`group_problems`] gathers those of one cause with their rows. What is left out on
//! purpose, and the warnings, are [`Skipped`]: nothing is dropped silently (docs/xlsform.md).
//!
//! With the `export` feature, [`export::results_xlsx`] writes a box's results as a workbook:
//! a summary, the tallies, the ballots in commitment order without anything that links them to
//! a voter, and the written answers sorted (docs/xlsform.md §Export).
//!
//! The crate depends on no browser crate (unless the app turns on `wasm`, see Cargo.toml), so
//! the office page and the `phieu` command run the same code.
//!
//! ```
//! use phieu_xlsform::{import, ImportOptions};
//! use phieu_core::Lang;
//!
//! let options = ImportOptions { commune: Some("Xã Tân Hòa".into()), ..ImportOptions::default() };
//! let problems = import(b"not a workbook", &options).unwrap_err();
//! assert!(problems[0].message(Lang::En).starts_with("the file: cannot read"));
//! ```

mod expr;
mod i18n;
mod import;
mod name;
mod problem;
pub mod sheet;
pub mod xlsx;

#[cfg(feature = "export")]
pub mod export;
#[cfg(feature = "export")]
pub mod xlsx_write;

pub use import::{import, import_workbook, ImportOptions, Imported, ImportedPoll};
pub use problem::{
    column_letter, group_problems, group_skipped, Column, Group, Identity, Location, Problem,
    ProblemKind, SkipKind, Skipped,
};
