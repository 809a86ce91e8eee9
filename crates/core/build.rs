//! The core's languages (`Lang`) and word tables, from the repository's `i18n/` (crate
//! `phieu-i18n`; i18n/README.md). The tables are included by `src/i18n.rs`.

use std::path::Path;

use phieu_i18n::Table;

const TABLES: &[Table] = &[
    Table {
        file: "core_ballot",
        ty: "BallotWords",
        func: "ballot_words",
    },
    Table {
        file: "core_poll",
        ty: "PollWords",
        func: "poll_words",
    },
    Table {
        file: "core_counted",
        ty: "CountedWords",
        func: "counted_words",
    },
    Table {
        file: "core_minutes",
        ty: "MinutesWords",
        func: "minutes_words",
    },
    Table {
        file: "core_rule",
        ty: "RuleWords",
        func: "rule_words",
    },
    Table {
        file: "core_tally",
        ty: "TallyWords",
        func: "tally_words",
    },
    Table {
        file: "core_merge",
        ty: "MergeWords",
        func: "merge_words",
    },
    Table {
        file: "core_bundle",
        ty: "BundleWords",
        func: "bundle_words",
    },
    Table {
        file: "core_layout",
        ty: "LayoutWords",
        func: "layout_words",
    },
];

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../i18n");
    phieu_i18n::build(&dir, TABLES, "crate", true);
}
