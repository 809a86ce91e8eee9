//! Printing: which document the browser's print shows. The pages always hold the counting
//! minutes in three copies (one per recipient, D59 form 02) and the receipt list; `print` marks
//! the body with what to print (assets/print.css reads `data-print`), opens the print dialog,
//! and clears the mark when the dialog closes. Without a mark (Ctrl+P) the three copies print.

/// What a print button prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PrintJob {
    /// The counting minutes, three copies, each marked with its recipient.
    MinutesThreeCopies,
    /// One copy of the minutes (a reprint).
    MinutesOneCopy,
    /// The receipt codes for the notice board.
    Receipts,
}

impl PrintJob {
    fn mark(self) -> &'static str {
        match self {
            PrintJob::MinutesThreeCopies => "minutes",
            PrintJob::MinutesOneCopy => "minutes-one",
            PrintJob::Receipts => "receipts",
        }
    }
}

/// Opens the print dialog for `job`. `window.print()` returns when the dialog closes.
pub fn print(job: PrintJob) {
    let body = gloo::utils::body();
    let _ = body.set_attribute("data-print", job.mark());
    let _ = gloo::utils::window().print();
    let _ = body.remove_attribute("data-print");
}
