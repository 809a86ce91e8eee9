//! The command line's word tables, from the repository's `i18n/` (crate `phieu-i18n`;
//! i18n/README.md).

use std::path::Path;

use phieu_i18n::Table;

const TABLES: &[Table] = &[
    Table {
        file: "cli_error",
        ty: "ErrorWords",
        func: "error_words",
    },
    Table {
        file: "cli_verify",
        ty: "VerifyWords",
        func: "verify_words",
    },
    Table {
        file: "cli_inspect",
        ty: "InspectWords",
        func: "inspect_words",
    },
    Table {
        file: "cli_minutes",
        ty: "MinutesWords",
        func: "minutes_words",
    },
    Table {
        file: "cli_import",
        ty: "ImportWords",
        func: "import_words",
    },
    Table {
        file: "cli_commands",
        ty: "CommandWords",
        func: "command_words",
    },
];

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../i18n");
    phieu_i18n::build(&dir, TABLES, "phieu_core", false);
}
