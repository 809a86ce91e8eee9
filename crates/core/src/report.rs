//! Reports made from closed boxes for people outside the app: the results as CSV for a
//! spreadsheet (one row per item and option, shares of the total electorate), the receipt codes
//! for the village notice board. The merge of audit bundles lives in `crate::merge` and is
//! re-exported here under its old path.
//!
//! Nothing here decides anything: counts come from the tally, outcomes from `crate::rule`.

use crate::bundle::{AuditBundle, PublicSummary};
use crate::lang::Lang;
use crate::receipt::Receipt;
use crate::results::{results_header, results_rows};

pub use crate::merge::{merge_bundles, BoxEntry, MergeBundlesError, MergedBundle};

/// The byte-order mark that makes Excel read a CSV file as UTF-8 (and so show Vietnamese
/// diacritics instead of mojibake).
pub const CSV_BOM: &str = "\u{feff}";

/// The results as CSV (RFC 4180: comma-separated, `\r\n` line ends, fields quoted when they
/// hold a comma, a quote or a line break), starting with [`CSV_BOM`].
///
/// Columns: item id, item, option id, option, count, total electorate, share of the total
/// electorate, mean (`results::results_header`). One row per option of each choice item, one row
/// "answered" for number and text items, then one row "blank" per item with an empty option id
/// (`results::results_rows`, the rows every front end renders). The share is always of the
/// total electorate (domain brief, "the denominator"), never of ballots cast. The mean is filled
/// on every row of a number or scale item that has answers.
pub fn results_csv(bundle: &AuditBundle, lang: Lang) -> String {
    results_csv_with(bundle, lang, ',')
}

/// The same results separated by `;`, the list separator of Excel under Vietnamese regional
/// settings (where `,` is the decimal comma), so the file opens in columns there instead of in
/// one (issue 22, item 10). A `sep=;` first line would do it too, but Excel then ignores the
/// BOM and shows the diacritics as mojibake. XLSX stays the recommended export.
pub fn results_csv_semicolon(bundle: &AuditBundle, lang: Lang) -> String {
    results_csv_with(bundle, lang, ';')
}

fn results_csv_with(bundle: &AuditBundle, lang: Lang, separator: char) -> String {
    let electorate = bundle.electorate();
    let total = electorate.total().to_string();
    let mut out = String::from(CSV_BOM);
    push_row(&mut out, separator, results_header(lang));
    for row in results_rows(bundle) {
        let item = row.item();
        let count = row.count().to_string();
        let share = row.share(electorate).percent(lang);
        let mean = row.mean().map(|m| m.display(lang)).unwrap_or_default();
        push_row(
            &mut out,
            separator,
            [
                item.id(),
                item.label().get(lang),
                row.option_id(),
                row.sheet_label(lang),
                &count,
                &total,
                &share,
                &mean,
            ],
        );
    }
    out
}

fn push_row<'a>(out: &mut String, separator: char, fields: impl IntoIterator<Item = &'a str>) {
    for (i, field) in fields.into_iter().enumerate() {
        if i > 0 {
            out.push(separator);
        }
        if field.contains([separator, '"', '\n', '\r']) {
            out.push('"');
            out.push_str(&field.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(field);
        }
    }
    out.push_str("\r\n");
}

/// The receipt codes of every counted ballot, for the notice board. They come in the order of
/// the sorted commitments, which is also the alphabetical order of the codes (the receipt is the
/// commitment's first 50 bits in an alphabet in ASCII order), so a voter finds their code as in
/// a dictionary, and the order says nothing about when anyone voted.
pub fn receipt_codes(summary: &PublicSummary) -> Vec<Receipt> {
    summary.commitments().iter().map(Receipt::of).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::merge::tests::bundle;

    fn check_csv(bundle: &AuditBundle, lang: Lang, expected: &str) {
        let csv = results_csv(bundle, lang);
        assert_eq!(csv.strip_prefix(CSV_BOM), Some(expected), "{csv}");
    }

    #[test]
    fn csv_has_one_row_per_option_and_shares_of_the_total() {
        let b = bundle(
            &[("dong_y", 1), ("dong_y", 2), ("khong_dong_y", 3)],
            8,
            Some(8),
            "Nhà văn hóa",
        );
        check_csv(
            &b,
            Lang::Vi,
            "Mã câu hỏi,Câu hỏi,Mã lựa chọn,Lựa chọn,Số phiếu,Tổng số cử tri,Tỷ lệ trên tổng số cử tri,Trung bình\r\n\
             q1,Đồng ý?,dong_y,Đồng ý,2,8,\"25,00%\",\r\n\
             q1,Đồng ý?,khong_dong_y,Không đồng ý,1,8,\"12,50%\",\r\n\
             q1,Đồng ý?,,(để trống),0,8,\"0,00%\",\r\n",
        );
        check_csv(
            &b,
            Lang::En,
            "Item id,Item,Option id,Option,Count,Total electorate,Share of total electorate,Mean\r\n\
             q1,Đồng ý?,dong_y,Đồng ý,2,8,25.00%,\r\n\
             q1,Đồng ý?,khong_dong_y,Không đồng ý,1,8,12.50%,\r\n\
             q1,Đồng ý?,,(blank),0,8,0.00%,\r\n",
        );
    }

    /// The survey vector's `ly_do` is asked only of the dissatisfied: two of its three ballots
    /// were not asked it, none left it blank; `so_nguoi`, always asked, keeps one row (issue
    /// 22, item 6).
    #[test]
    fn csv_counts_skipped_questions_apart_from_blank_ones() {
        let b =
            AuditBundle::verify(include_str!("../tests/data/survey-audit-bundle.json")).unwrap();
        let vi = results_csv(&b, Lang::Vi);
        for line in [
            "ly_do,Vì sao chưa hài lòng?,,(có trả lời),1,3,\"33,33%\",\r\n",
            "ly_do,Vì sao chưa hài lòng?,,(không hỏi),2,3,\"66,67%\",\r\n",
            "ly_do,Vì sao chưa hài lòng?,,(để trống),0,3,\"0,00%\",\r\n",
            "so_nguoi,Số người trong hộ,,(để trống),1,3,\"33,33%\",\"3,50\"\r\n",
        ] {
            assert!(vi.contains(line), "{line}\n{vi}");
        }
        assert_eq!(vi.matches("(không hỏi)").count(), 1, "{vi}");
        let en = results_csv(&b, Lang::En);
        assert!(en.contains(",(not asked),2,3,66.67%,"), "{en}");
    }

    #[test]
    fn csv_for_vietnamese_excel_is_separated_by_semicolons() {
        let b = bundle(
            &[("dong_y", 1), ("dong_y", 2), ("khong_dong_y", 3)],
            8,
            Some(8),
            "Nhà văn hóa",
        );
        let csv = results_csv_semicolon(&b, Lang::Vi);
        assert_eq!(
            csv.strip_prefix(CSV_BOM),
            Some(
                "Mã câu hỏi;Câu hỏi;Mã lựa chọn;Lựa chọn;Số phiếu;Tổng số cử tri;Tỷ lệ trên tổng số cử tri;Trung bình\r\n\
                 q1;Đồng ý?;dong_y;Đồng ý;2;8;25,00%;\r\n\
                 q1;Đồng ý?;khong_dong_y;Không đồng ý;1;8;12,50%;\r\n\
                 q1;Đồng ý?;;(để trống);0;8;0,00%;\r\n"
            ),
            "{csv}"
        );
        let mut out = String::new();
        push_row(&mut out, ';', ["a;b", "c,d"]);
        assert_eq!(out, "\"a;b\";c,d\r\n");
    }

    #[test]
    fn csv_fields_with_quotes_are_escaped() {
        let mut out = String::new();
        push_row(&mut out, ',', ["a\"b", "c", "d\ne"]);
        assert_eq!(out, "\"a\"\"b\",c,\"d\ne\"\r\n");
    }

    #[test]
    fn receipt_codes_are_in_alphabetical_order() {
        let b = bundle(
            &[("dong_y", 1), ("dong_y", 2), ("khong_dong_y", 3)],
            8,
            Some(8),
            "x",
        );
        let codes: Vec<String> = receipt_codes(&b.public_summary())
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(codes.len(), 3);
        let mut sorted = codes.clone();
        sorted.sort();
        assert_eq!(codes, sorted);
        for ballot in b.ballot_box().ballots() {
            assert!(codes.contains(&ballot.receipt().to_string()));
        }
    }
}
