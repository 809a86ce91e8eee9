//! `phieu-i18n-export DIR KEY…`: prints the entries `KEY` (`kiosk.next`) of the word tables in
//! `DIR` (the repository's `i18n/`) as JSON, every language side by side ([`phieu_i18n::export_json`]).
//! `scripts/build` writes them into the survey page for its first question, drawn before the
//! WebAssembly has loaded (`assets/first-question.js`).

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next() else {
        eprintln!("usage: phieu-i18n-export DIR KEY…   (KEY: table.entry, as kiosk.next)");
        return ExitCode::from(2);
    };
    let keys: Vec<String> = args.collect();
    let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
    match phieu_i18n::export_json(&PathBuf::from(dir), &keys) {
        Ok(json) => {
            println!("{json}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("phieu-i18n-export: {e}");
            ExitCode::FAILURE
        }
    }
}
