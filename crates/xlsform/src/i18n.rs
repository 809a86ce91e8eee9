//! The crate's words, from the repository's `i18n/xlsform_*.toml` (crate `phieu-i18n`;
//! i18n/README.md), one table per area. The XLSForm column names it reads are a data format,
//! not words, and stay in the code.

// Where a finding is: "sheet survey, row 7, column C (label)".
include!(concat!(env!("OUT_DIR"), "/i18n/xlsform_place.rs"));

// Why a workbook cannot become a poll (ProblemKind).
include!(concat!(env!("OUT_DIR"), "/i18n/xlsform_problem.rs"));

// What is left out on purpose, and the warnings (SkipKind).
include!(concat!(env!("OUT_DIR"), "/i18n/xlsform_skipped.rs"));

// Words written into the imported poll itself ("Khác" / "Other").
include!(concat!(env!("OUT_DIR"), "/i18n/xlsform_import.rs"));

// Why the results workbook could not be written (ExportError).
#[cfg(feature = "export")]
include!(concat!(env!("OUT_DIR"), "/i18n/xlsform_export.rs"));

// The results workbook's sheet names and headers, in the officer's language.
#[cfg(feature = "export")]
include!(concat!(env!("OUT_DIR"), "/i18n/xlsform_workbook.rs"));
