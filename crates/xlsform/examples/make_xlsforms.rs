//! Writes the sample XLSForm workbooks into the repository's tests/data (docs/xlsform.md
//! §Samples):
//!
//! ```sh
//! cargo run -p phieu-xlsform --example make_xlsforms
//! ```
//!
//! The cells are in `support/forms.rs`; the tests check that the committed files are exactly
//! what it makes, so edit the cells there and run this again.

#[path = "support/forms.rs"]
mod forms;

use std::path::Path;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/data");
    for (name, bytes) in [
        ("xlsform-mttq.xlsx", forms::good()?),
        ("xlsform-bad.xlsx", forms::bad()?),
        ("xlsform-khmer.xlsx", forms::khmer()?),
        ("xlsform-english.xlsx", forms::english_only()?),
    ] {
        let path = data.join(name);
        std::fs::write(&path, &bytes)?;
        println!("{}: {} bytes", path.display(), bytes.len());
    }
    Ok(())
}
