//! The importer's and the export's word tables, from the repository's `i18n/` (crate
//! `phieu-i18n`; i18n/README.md).

use std::path::Path;

use phieu_i18n::Table;

const TABLES: &[Table] = &[
    Table {
        file: "xlsform_place",
        ty: "PlaceWords",
        func: "place_words",
    },
    Table {
        file: "xlsform_problem",
        ty: "ProblemWords",
        func: "problem_words",
    },
    Table {
        file: "xlsform_skipped",
        ty: "SkipWords",
        func: "skip_words",
    },
    Table {
        file: "xlsform_export",
        ty: "ExportWords",
        func: "export_words",
    },
    Table {
        file: "xlsform_workbook",
        ty: "WorkbookWords",
        func: "workbook_words",
    },
    Table {
        file: "xlsform_import",
        ty: "ImportWords",
        func: "import_words",
    },
];

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../i18n");
    phieu_i18n::build(&dir, TABLES, "phieu_core", false);
}
