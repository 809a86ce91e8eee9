//! The crate's words, from the repository's `i18n/xlsform_*.toml` (crate `phieu-i18n`;
//! i18n/README.md): the place of a finding, the problems, what is left out, and the export's
//! errors. The XLSForm column names it reads and the headers of the workbook it writes are data
//! formats, not words, and stay in the code.

include!(concat!(env!("OUT_DIR"), "/i18n/xlsform_place.rs"));

include!(concat!(env!("OUT_DIR"), "/i18n/xlsform_problem.rs"));

include!(concat!(env!("OUT_DIR"), "/i18n/xlsform_skipped.rs"));

#[cfg(feature = "export")]
include!(concat!(env!("OUT_DIR"), "/i18n/xlsform_export.rs"));
