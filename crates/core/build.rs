//! The core's languages (`Lang`) and word tables, from the repository's `i18n/` (crate
//! `phieu-i18n`).

use std::path::Path;

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../i18n");
    phieu_i18n::build(&dir, &[], "crate", true);
}
