//! A closed box's results as an Excel workbook (docs/xlsform.md §Export), beside the core's CSV
//! (`phieu_core::report::results_csv`). Four sheets:
//!
//! 1. **summary**: the poll, the place, the rule, the electorate (the denominator), the ballots,
//!    each outcome's sentence, the box fingerprint and the minutes code;
//! 2. **results**: the rows of the CSV (one per option, "answered" for numbers and text, "blank"
//!    per item) with counts as numbers and the share **of the total electorate** as a percentage;
//! 3. **ballots**: one row per ballot in commitment order, numbered 1, 2, 3 …, its choices as
//!    labels and its numbers as numbers;
//! 4. **written answers**: every free text, per item, sorted as the tally keeps them.
//!
//! The anonymity is the CSV's and the tally's: no commitment, receipt code, salt, time or
//! order of casting appears. Commitment order is the order of random hashes, so the row number
//! says nothing about who voted when; without receipts, a voter's slip cannot find their row in
//! a file that travels by e-mail; and written answers stay apart from the ballots they came on,
//! because a sentence can name its writer and would then reveal the rest of that ballot.
//! The workbook's creation date is fixed (1980-01-01, as the zip entries' dates are), so the
//! same box always gives the same bytes and the file does not say when it was made.
//!
//! The workbook is written by this crate's small writer (`xlsx_write`), not rust_xlsxwriter,
//! which added 328 KB gzip to the office page; the tests compare every cell with what
//! rust_xlsxwriter wrote from the same bundle (tests/support/reference_export.rs).

use phieu_core::{results_header, results_rows, Answer, AuditBundle, Lang};

use crate::i18n::{export_words, workbook_words};
use crate::xlsx_write::{Book, Sheet, Style, Value, WriteError};

/// Rows an Excel worksheet holds.
const MAX_ROWS: u64 = 1_048_576;

/// Why the workbook could not be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportError {
    /// More ballots or written answers than an Excel sheet has rows (the CSV and the audit
    /// bundle still hold them all).
    TooManyRows { rows: u64, max: u64 },
    /// A text longer than an Excel cell holds (32,767 characters), at `cell` of `sheet`.
    TextTooLong { sheet: String, cell: String },
    /// The workbook would be larger than a zip file holds (4 GiB).
    TooLarge,
}

impl ExportError {
    pub fn message(&self, lang: Lang) -> String {
        let w = export_words(lang);
        match self {
            ExportError::TooManyRows { rows, max } => w.too_many_rows(rows, max),
            ExportError::TextTooLong { sheet, cell } => w.text_too_long(cell, sheet),
            ExportError::TooLarge => w.too_large.into(),
        }
    }
}

impl std::fmt::Display for ExportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for ExportError {}

impl From<WriteError> for ExportError {
    fn from(e: WriteError) -> ExportError {
        match e {
            WriteError::TextTooLong { sheet, cell } => ExportError::TextTooLong { sheet, cell },
            WriteError::TooLarge => ExportError::TooLarge,
        }
    }
}

/// The words of the workbook in one language.
struct Words {
    sheets: [&'static str; 4],
    summary: [&'static str; 20],
    answered: &'static str,
    number: &'static str,
    written: [&'static str; 3],
    no_outcome: &'static str,
}

/// The words of the workbook in `lang` (`i18n/xlsform_workbook.toml`).
fn words(lang: Lang) -> Words {
    let w = workbook_words(lang);
    Words {
        sheets: [
            w.sheet_summary,
            w.sheet_results,
            w.sheet_ballots,
            w.sheet_written,
        ],
        summary: [
            w.poll,
            w.id,
            w.kind,
            w.rule,
            w.subject,
            w.commune,
            w.village,
            w.poll_hash,
            w.total,
            w.present,
            w.ballots,
            w.answered_ballots,
            w.blank_ballots,
            w.place,
            w.time,
            w.outcome,
            w.box_code,
            w.box_code_full,
            w.minutes_code,
            w.minutes_code_full,
        ],
        answered: w.answered,
        number: w.number,
        written: [w.written_item_id, w.written_item, w.written_answer],
        no_outcome: w.no_outcome,
    }
}

/// The results of a verified audit bundle as an .xlsx workbook, in `lang`.
pub fn results_xlsx(bundle: &AuditBundle, lang: Lang) -> Result<Vec<u8>, ExportError> {
    let words = &words(lang);
    // Two header rows above the ballots, one above the written answers.
    let ballot_count = bundle.tally().ballots().saturating_add(2);
    let written_rows = bundle
        .tally()
        .items()
        .iter()
        .map(|t| t.free_texts().count() as u64)
        .sum::<u64>()
        .saturating_add(1);
    let rows = ballot_count.max(written_rows);
    if rows > MAX_ROWS {
        return Err(ExportError::TooManyRows {
            rows,
            max: MAX_ROWS,
        });
    }
    let book = Book {
        title: bundle.poll().title().get(lang).to_owned(),
        sheets: vec![
            summary(bundle, lang, words),
            results(bundle, lang, words),
            ballot_rows(bundle, lang, words),
            written(bundle, lang, words),
        ],
    };
    Ok(book.to_bytes()?)
}

fn summary(bundle: &AuditBundle, lang: Lang, w: &Words) -> Sheet {
    let mut sheet = Sheet::new(w.sheets[0]);
    sheet.width(0, 32.0);
    sheet.width(1, 90.0);
    let poll = bundle.poll();
    let e = bundle.electorate();
    let t = bundle.tally();
    let m = bundle.minutes();
    let text = |s: &str| Value::Text(s.to_owned());
    let mut rows = vec![
        text(poll.title().get(lang)),
        text(poll.id()),
        text(poll.kind().name()),
        text(poll.rule().preset().name()),
        text(poll.subject().map_or("", |s| s.get(lang))),
        text(poll.place().commune()),
        text(poll.place().village()),
        text(&poll.hash().to_hex()),
        count(e.total()),
        e.present().map_or(Value::Text(String::new()), count),
        count(t.ballots()),
        count(t.valid_ballots()),
        count(t.blank_ballots()),
        text(m.place()),
        text(m.time()),
    ];
    let outcomes: Vec<String> = bundle
        .outcomes()
        .iter()
        .map(|o| format!("{}: {}", o.item(), o.sentence(lang)))
        .collect();
    rows.push(text(&if outcomes.is_empty() {
        w.no_outcome.to_owned()
    } else {
        outcomes.join("\n")
    }));
    rows.push(text(&bundle.fingerprint().short()));
    rows.push(text(&bundle.fingerprint().to_hex()));
    rows.push(text(&bundle.minutes_code().short()));
    rows.push(text(&bundle.minutes_code().to_hex()));
    for (r, (label, value)) in (0u32..).zip(w.summary.iter().zip(rows)) {
        sheet.text(r, 0, label, Style::Bold);
        sheet.write(r, 1, value, Style::Plain);
    }
    sheet
}

/// A count as a number cell (exact: counts are far below 2^53).
fn count(n: u64) -> Value {
    Value::Number(n as f64)
}

fn results(bundle: &AuditBundle, lang: Lang, w: &Words) -> Sheet {
    let mut sheet = Sheet::new(w.sheets[1]);
    for (c, h) in (0u16..).zip(results_header(lang)) {
        sheet.text(0, c, h, Style::Bold);
    }
    sheet.freeze(1, 0);
    sheet.width(1, 60.0);
    sheet.width(3, 30.0);
    let total = bundle.electorate().total();
    // The rows the CSV, the minutes and the results page show too (phieu_core::results).
    for (r, row) in (1u32..).zip(results_rows(bundle)) {
        let item = row.item();
        sheet.text(r, 0, item.id(), Style::Plain);
        sheet.text(r, 1, item.label().get(lang), Style::Plain);
        sheet.text(r, 2, row.option_id(), Style::Plain);
        sheet.text(r, 3, row.sheet_label(lang), Style::Plain);
        sheet.number(r, 4, row.count() as f64, Style::Plain);
        sheet.number(r, 5, total as f64, Style::Plain);
        if total > 0 {
            sheet.number(r, 6, row.count() as f64 / total as f64, Style::Percent);
        }
        // A mean is for display only, like the share: the legal arithmetic is integer and
        // lives in the core.
        if let Some(m) = row.mean() {
            sheet.number(r, 7, m.sum() as f64 / m.count() as f64, Style::Plain);
        }
    }
    sheet
}

fn ballot_rows(bundle: &AuditBundle, lang: Lang, w: &Words) -> Sheet {
    let mut sheet = Sheet::new(w.sheets[2]);
    let items = bundle.poll().items();
    sheet.text(0, 0, w.number, Style::Bold);
    for (c, item) in (1u16..).zip(items) {
        sheet.text(0, c, item.id(), Style::Bold);
        sheet.text(1, c, item.label().get(lang), Style::Wrap);
        sheet.width(c, 24.0);
    }
    sheet.freeze(2, 1);
    let label = |item: &phieu_core::Item, id: &str| -> String {
        item.kind()
            .options()
            .iter()
            .find(|o| o.id() == id)
            .map_or_else(|| id.to_owned(), |o| o.label().get(lang).to_owned())
    };
    for (r, ballot) in (2u32..).zip(bundle.ballot_box().ballots()) {
        sheet.number(r, 0, f64::from(r - 1), Style::Plain);
        for ((c, item), answer) in (1u16..).zip(items).zip(ballot.answers()) {
            let value = match answer {
                Answer::Blank => continue,
                Answer::Choice { option, .. } => Value::Text(label(item, option)),
                Answer::Choices { options, .. } => {
                    let labels: Vec<String> = options.iter().map(|o| label(item, o)).collect();
                    Value::Text(labels.join("; "))
                }
                Answer::Number(n) => Value::Number(*n as f64),
                // The words themselves are on the written-answers sheet, apart from the ballot.
                Answer::Text(_) => Value::Text(w.answered.to_owned()),
            };
            sheet.write(r, c, value, Style::Plain);
        }
    }
    sheet
}

fn written(bundle: &AuditBundle, lang: Lang, w: &Words) -> Sheet {
    let mut sheet = Sheet::new(w.sheets[3]);
    for (c, h) in (0u16..).zip(w.written) {
        sheet.text(0, c, h, Style::Bold);
    }
    sheet.freeze(1, 0);
    sheet.width(1, 40.0);
    sheet.width(2, 80.0);
    let mut r = 1u32;
    for (item, tally) in bundle.poll().items().iter().zip(bundle.tally().items()) {
        for text in tally.free_texts() {
            sheet.text(r, 0, item.id(), Style::Plain);
            sheet.text(r, 1, item.label().get(lang), Style::Plain);
            sheet.text(r, 2, text, Style::Plain);
            r += 1;
        }
    }
    sheet
}
