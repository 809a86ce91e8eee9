//! The results workbook as rust_xlsxwriter wrote it before phieu had its own small writer
//! (`src/xlsx_write.rs`): the reference the tests compare the export's cells with. This is the
//! former `src/export.rs`, unchanged but for the row limit, which the export keeps.

use phieu_core::{Answer, AuditBundle, ItemKind, Lang, Unanswered};
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

/// The words of the workbook in one language.
struct Words {
    sheets: [&'static str; 4],
    summary: [&'static str; 20],
    results: [&'static str; 8],
    answered: &'static str,
    /// Left blank, not asked (skipped by the poll's logic), either (issue 22, item 6).
    blank: [&'static str; 3],
    number: &'static str,
    written: [&'static str; 3],
    no_outcome: &'static str,
}

const VI: Words = Words {
    sheets: ["Tóm tắt", "Kết quả", "Phiếu", "Ý kiến"],
    summary: [
        "Cuộc lấy ý kiến",
        "Mã",
        "Loại",
        "Quy tắc",
        "Về việc",
        "Xã",
        "Thôn, tổ dân phố",
        "Mã băm cuộc lấy ý kiến",
        "Tổng số cử tri (mẫu số)",
        "Số người có mặt",
        "Số phiếu",
        "Phiếu có trả lời",
        "Phiếu trống",
        "Địa điểm kiểm phiếu",
        "Thời gian",
        "Kết quả",
        "Mã kiểm tra hòm phiếu",
        "Mã kiểm tra hòm phiếu (đầy đủ)",
        "Mã biên bản",
        "Mã biên bản (đầy đủ)",
    ],
    results: [
        "Mã câu hỏi",
        "Câu hỏi",
        "Mã lựa chọn",
        "Lựa chọn",
        "Số phiếu",
        "Tổng số cử tri",
        "Tỷ lệ trên tổng số cử tri",
        "Trung bình",
    ],
    answered: "(có trả lời)",
    blank: ["(để trống)", "(không hỏi)", "(để trống hoặc không hỏi)"],
    number: "Phiếu số",
    written: ["Mã câu hỏi", "Câu hỏi", "Ý kiến"],
    no_outcome: "Không quyết định (khảo sát ý kiến)",
};

const EN: Words = Words {
    sheets: ["Summary", "Results", "Ballots", "Written answers"],
    summary: [
        "Poll",
        "Id",
        "Kind",
        "Rule",
        "Subject",
        "Commune",
        "Village",
        "Poll hash",
        "Total electorate (denominator)",
        "Present",
        "Ballots",
        "Ballots with answers",
        "Blank ballots",
        "Place of the count",
        "Time",
        "Outcome",
        "Box check code",
        "Box check code (full)",
        "Minutes code",
        "Minutes code (full)",
    ],
    results: [
        "Item id",
        "Item",
        "Option id",
        "Option",
        "Count",
        "Total electorate",
        "Share of total electorate",
        "Mean",
    ],
    answered: "(answered)",
    blank: ["(blank)", "(not asked)", "(blank or not asked)"],
    number: "Ballot no.",
    written: ["Item id", "Item", "Written answer"],
    no_outcome: "Nothing decided (opinion survey)",
};

/// The results of a verified audit bundle as an .xlsx workbook, in `lang`.
pub fn results_xlsx(bundle: &AuditBundle, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    // As the export: Vietnamese headers in a Vietnamese workbook, English in every other.
    let words = if lang == Lang::Vi { &VI } else { &EN };
    let mut book = Workbook::new();
    let created = ExcelDateTime::from_ymd(1980, 1, 1)?;
    book.set_properties(
        &DocProperties::new()
            .set_title(bundle.poll().title().get(lang))
            .set_creation_datetime(&created),
    );
    let bold = Format::new().set_bold();
    let percent = Format::new().set_num_format("0.00%");
    let wrap = Format::new().set_text_wrap();
    summary(book.add_worksheet(), bundle, lang, words, &bold)?;
    results(book.add_worksheet(), bundle, lang, words, &bold, &percent)?;
    ballot_rows(book.add_worksheet(), bundle, lang, words, &bold, &wrap)?;
    written(book.add_worksheet(), bundle, lang, words, &bold)?;
    book.save_to_buffer()
}

fn summary(
    sheet: &mut Worksheet,
    bundle: &AuditBundle,
    lang: Lang,
    w: &Words,
    bold: &Format,
) -> Result<(), XlsxError> {
    sheet.set_name(w.sheets[0])?;
    sheet.set_column_width(0, 32)?;
    sheet.set_column_width(1, 90)?;
    let poll = bundle.poll();
    let e = bundle.electorate();
    let t = bundle.tally();
    let m = bundle.minutes();
    let text = |s: &str| Cell::Text(s.to_owned());
    let mut rows = vec![
        text(poll.title().get(lang)),
        text(poll.id()),
        text(poll.kind().name()),
        text(poll.rule().preset().name()),
        text(poll.subject().map_or("", |s| s.get(lang))),
        text(poll.place().commune()),
        text(poll.place().village()),
        text(&poll.hash().to_hex()),
        Cell::Number(e.total()),
        e.present().map_or(Cell::Text(String::new()), Cell::Number),
        Cell::Number(t.ballots()),
        Cell::Number(t.valid_ballots()),
        Cell::Number(t.blank_ballots()),
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
        sheet.write_string_with_format(r, 0, *label, bold)?;
        match value {
            Cell::Text(s) => sheet.write_string(r, 1, s)?,
            Cell::Number(n) => sheet.write_number(r, 1, n as f64)?,
        };
    }
    Ok(())
}

enum Cell {
    Text(String),
    Number(u64),
}

fn results(
    sheet: &mut Worksheet,
    bundle: &AuditBundle,
    lang: Lang,
    w: &Words,
    bold: &Format,
    percent: &Format,
) -> Result<(), XlsxError> {
    sheet.set_name(w.sheets[1])?;
    for (c, h) in (0u16..).zip(w.results) {
        sheet.write_string_with_format(0, c, h, bold)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    sheet.set_column_width(1, 60)?;
    sheet.set_column_width(3, 30)?;
    let total = bundle.electorate().total();
    let mut r = 1u32;
    for (item, tally) in bundle.poll().items().iter().zip(bundle.tally().items()) {
        // A mean is for display only, like the share: the legal arithmetic is integer and
        // lives in the core.
        let mean = tally.mean().map(|m| m.sum() as f64 / m.count() as f64);
        let mut row = |option_id: &str, option: &str, count: u64| -> Result<(), XlsxError> {
            sheet.write_string(r, 0, item.id())?;
            sheet.write_string(r, 1, item.label().get(lang))?;
            sheet.write_string(r, 2, option_id)?;
            sheet.write_string(r, 3, option)?;
            sheet.write_number(r, 4, count as f64)?;
            sheet.write_number(r, 5, total as f64)?;
            if total > 0 {
                sheet.write_number_with_format(r, 6, count as f64 / total as f64, percent)?;
            }
            if let Some(mean) = mean {
                sheet.write_number(r, 7, mean)?;
            }
            r += 1;
            Ok(())
        };
        match item.kind() {
            ItemKind::Number { .. } => row("", w.answered, tally.mean().map_or(0, |m| m.count()))?,
            ItemKind::Text { .. } => row("", w.answered, tally.free_texts().count() as u64)?,
            kind => {
                for (choice, count) in kind.options().iter().zip(tally.counts()) {
                    row(choice.id(), choice.label().get(lang), *count)?;
                }
            }
        }
        for (why, count) in tally.unanswered(item) {
            let label = match why {
                Unanswered::LeftBlank => w.blank[0],
                Unanswered::NotAsked => w.blank[1],
                Unanswered::BlankOrNotAsked => w.blank[2],
            };
            row("", label, count)?;
        }
    }
    Ok(())
}

fn ballot_rows(
    sheet: &mut Worksheet,
    bundle: &AuditBundle,
    lang: Lang,
    w: &Words,
    bold: &Format,
    wrap: &Format,
) -> Result<(), XlsxError> {
    sheet.set_name(w.sheets[2])?;
    let items = bundle.poll().items();
    sheet.write_string_with_format(0, 0, w.number, bold)?;
    for (c, item) in (1u16..).zip(items) {
        sheet.write_string_with_format(0, c, item.id(), bold)?;
        sheet.write_string_with_format(1, c, item.label().get(lang), wrap)?;
        sheet.set_column_width(c, 24)?;
    }
    sheet.set_freeze_panes(2, 1)?;
    let label = |item: &phieu_core::Item, id: &str| -> String {
        item.kind()
            .options()
            .iter()
            .find(|o| o.id() == id)
            .map_or_else(|| id.to_owned(), |o| o.label().get(lang).to_owned())
    };
    for (r, ballot) in (2u32..).zip(bundle.ballot_box().ballots()) {
        sheet.write_number(r, 0, f64::from(r - 1))?;
        for ((c, item), answer) in (1u16..).zip(items).zip(ballot.answers()) {
            match answer {
                Answer::Blank => {}
                Answer::Choice { option, .. } => {
                    sheet.write_string(r, c, label(item, option))?;
                }
                Answer::Choices { options, .. } => {
                    let labels: Vec<String> = options.iter().map(|o| label(item, o)).collect();
                    sheet.write_string(r, c, labels.join("; "))?;
                }
                Answer::Number(n) => {
                    sheet.write_number(r, c, *n as f64)?;
                }
                // The words themselves are on the written-answers sheet, apart from the ballot.
                Answer::Text(_) => {
                    sheet.write_string(r, c, w.answered)?;
                }
            }
        }
    }
    Ok(())
}

fn written(
    sheet: &mut Worksheet,
    bundle: &AuditBundle,
    lang: Lang,
    w: &Words,
    bold: &Format,
) -> Result<(), XlsxError> {
    sheet.set_name(w.sheets[3])?;
    for (c, h) in (0u16..).zip(w.written) {
        sheet.write_string_with_format(0, c, h, bold)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    sheet.set_column_width(1, 40)?;
    sheet.set_column_width(2, 80)?;
    let mut r = 1u32;
    for (item, tally) in bundle.poll().items().iter().zip(bundle.tally().items()) {
        for text in tally.free_texts() {
            sheet.write_string(r, 0, item.id())?;
            sheet.write_string(r, 1, item.label().get(lang))?;
            sheet.write_string(r, 2, text)?;
            r += 1;
        }
    }
    Ok(())
}
