//! Progress on long runs (`indicatif`), drawn only when stderr is a terminal: never in tests,
//! pipes or CI logs, and never on stdout, which carries the report.

use std::io::IsTerminal;
use std::path::Path;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressStyle};

/// Files smaller than this verify in well under a second: no spinner for them.
const LARGE_FILE: u64 = 8 * 1024 * 1024;

fn on_terminal() -> bool {
    std::io::stderr().is_terminal()
}

/// A spinner while one large file is read and verified.
pub struct Spinner(Option<ProgressBar>);

impl Spinner {
    pub fn start(path: &Path) -> Spinner {
        let large = std::fs::metadata(path).is_ok_and(|m| m.len() >= LARGE_FILE);
        if !large || !on_terminal() {
            return Spinner(None);
        }
        let bar = ProgressBar::new_spinner();
        bar.set_message(format!("{}", path.display()));
        bar.enable_steady_tick(Duration::from_millis(120));
        Spinner(Some(bar))
    }

    pub fn finish(self) {
        if let Some(bar) = self.0 {
            bar.finish_and_clear();
        }
    }
}

/// A bar over several files.
pub struct Files(Option<ProgressBar>);

impl Files {
    pub fn start(count: usize) -> Files {
        if count < 2 || !on_terminal() {
            return Files(None);
        }
        let bar = ProgressBar::new(count as u64);
        if let Ok(style) = ProgressStyle::with_template("{bar:30} {pos}/{len} {wide_msg}") {
            bar.set_style(style);
        }
        bar.enable_steady_tick(Duration::from_millis(120));
        Files(Some(bar))
    }

    pub fn file(&self, path: &Path) {
        if let Some(bar) = &self.0 {
            bar.set_message(format!("{}", path.display()));
        }
    }

    pub fn done_one(&self) {
        if let Some(bar) = &self.0 {
            bar.inc(1);
        }
    }

    pub fn finish(self) {
        if let Some(bar) = self.0 {
            bar.finish_and_clear();
        }
    }
}
