//! The collector's word tables, from the repository's `i18n/` (crate `phieu-i18n`;
//! i18n/README.md).

use std::path::Path;

use phieu_i18n::Table;

const TABLES: &[Table] = &[
    Table {
        file: "collector_error",
        ty: "ErrorWords",
        func: "error_words",
    },
    Table {
        file: "collector_command",
        ty: "CommandWords",
        func: "command_words",
    },
    Table {
        file: "collector_http",
        ty: "HttpWords",
        func: "http_words",
    },
    Table {
        file: "collector_page",
        ty: "PageWords",
        func: "page_words",
    },
    Table {
        file: "collector_log",
        ty: "LogWords",
        func: "log_words",
    },
];

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../i18n");
    phieu_i18n::build(&dir, TABLES, "phieu_core", false);
}
