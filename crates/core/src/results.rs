//! The results rows, computed once for every front end: per item, one row per option of a
//! choice item, one row "answered" for a number or text item, then one row per reason the item
//! went unanswered (left blank, not asked, or either). The results page, its minutes, `phieu
//! inspect`, the CSV and the XLSX workbook all render these rows, each in its own words and
//! form; the counts, their order and the share of the **total electorate** (domain brief, "the
//! denominator") are decided here alone.
//!
//! ```
//! use phieu_core::results::{results_rows, RowKind};
//! use phieu_core::{AuditBundle, Lang};
//!
//! let bundle =
//!     AuditBundle::verify(include_str!("../tests/data/demo-audit-bundle.json")).unwrap();
//! let rows = results_rows(&bundle);
//! assert!(matches!(rows[0].kind(), RowKind::Choice(_)));
//! assert_eq!(rows[0].label(Lang::Vi), "Đồng ý");
//! ```

use crate::bundle::AuditBundle;
use crate::i18n::tally_words;
use crate::lang::Lang;
use crate::poll::{Choice, Item, ItemKind};
use crate::rule::Electorate;
use crate::tally::{ItemTally, Mean, Share, Unanswered};

/// The header of the results as a spreadsheet (the CSV and the XLSX workbook's results sheet):
/// item id, item, option id, option, count, total electorate, share of the total electorate,
/// mean.
pub fn results_header(lang: Lang) -> [&'static str; 8] {
    let w = tally_words(lang);
    [
        w.column_item_id,
        w.column_item,
        w.column_option_id,
        w.column_option,
        w.column_count,
        w.column_total,
        w.column_share,
        w.column_mean,
    ]
}

/// What one row of the results counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind<'a> {
    /// The ballots that chose this option of a choice or scale item.
    Choice(&'a Choice),
    /// The ballots that answered a number or text item.
    Answered,
    /// The ballots that gave the item no answer, for this reason (issue 22, item 6).
    Unanswered(Unanswered),
}

/// One row of the results: an item, what the row counts, and how many ballots.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ResultRow<'a> {
    item: &'a Item,
    kind: RowKind<'a>,
    count: u64,
    mean: Option<Mean>,
}

impl<'a> ResultRow<'a> {
    pub fn item(&self) -> &'a Item {
        self.item
    }

    pub fn kind(&self) -> RowKind<'a> {
        self.kind
    }

    pub fn count(&self) -> u64 {
        self.count
    }

    /// The item's mean (number and scale items with answers), the same on each of its rows.
    pub fn mean(&self) -> Option<Mean> {
        self.mean
    }

    /// The option's id; empty for an "answered" or an unanswered row.
    pub fn option_id(&self) -> &'a str {
        match self.kind {
            RowKind::Choice(c) => c.id(),
            RowKind::Answered | RowKind::Unanswered(_) => "",
        }
    }

    /// The row's label as people read it on the results page and the minutes: the option's
    /// label, "Có trả lời", or why the item went unanswered.
    pub fn label(&self, lang: Lang) -> &'a str {
        match self.kind {
            RowKind::Choice(c) => c.label().get(lang),
            RowKind::Answered => tally_words(lang).answered,
            RowKind::Unanswered(why) => why.label(lang),
        }
    }

    /// The row's label in a spreadsheet (the CSV and the XLSX workbook): the option's label, or
    /// a word in parentheses, "(có trả lời)", "(để trống)", that no option can be mistaken for.
    pub fn sheet_label(&self, lang: Lang) -> &'a str {
        match self.kind {
            RowKind::Choice(c) => c.label().get(lang),
            RowKind::Answered => tally_words(lang).sheet_answered,
            RowKind::Unanswered(Unanswered::LeftBlank) => tally_words(lang).sheet_left_blank,
            RowKind::Unanswered(Unanswered::NotAsked) => tally_words(lang).sheet_not_asked,
            RowKind::Unanswered(Unanswered::BlankOrNotAsked) => {
                tally_words(lang).sheet_blank_or_not_asked
            }
        }
    }

    /// The count as a share of the total electorate, never of the ballots cast.
    pub fn share(&self, electorate: &Electorate) -> Share {
        electorate.share(self.count)
    }
}

/// The rows of one item, in order: its options (or "answered"), then why it went unanswered.
pub fn item_rows<'a>(item: &'a Item, tally: &ItemTally) -> Vec<ResultRow<'a>> {
    let mean = tally.mean();
    let row = |kind, count| ResultRow {
        item,
        kind,
        count,
        mean,
    };
    let mut rows = match item.kind() {
        ItemKind::Number { .. } => vec![row(RowKind::Answered, mean.map_or(0, |m| m.count()))],
        ItemKind::Text { .. } => vec![row(RowKind::Answered, tally.free_texts().count() as u64)],
        kind => kind
            .options()
            .iter()
            .zip(tally.counts())
            .map(|(choice, count)| row(RowKind::Choice(choice), *count))
            .collect(),
    };
    // "Để trống" alone for an item always asked; an item the poll's logic may skip gets "không
    // hỏi" and "để trống" apart (issue 22, item 6).
    rows.extend(
        tally
            .unanswered(item)
            .into_iter()
            .map(|(why, count)| row(RowKind::Unanswered(why), count)),
    );
    rows
}

/// Every item's rows, item after item, as the spreadsheets list them.
pub fn results_rows(bundle: &AuditBundle) -> Vec<ResultRow<'_>> {
    bundle
        .poll()
        .items()
        .iter()
        .zip(bundle.tally().items())
        .flat_map(|(item, tally)| item_rows(item, tally))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The survey vector's `ly_do` is asked only of the dissatisfied: an "answered" row, then
    /// not asked apart from left blank; `so_nguoi`, always asked, keeps one blank row and its
    /// mean on every row.
    #[test]
    fn rows_follow_the_items_and_tell_skipped_from_blank() {
        let b =
            AuditBundle::verify(include_str!("../tests/data/survey-audit-bundle.json")).unwrap();
        let rows = results_rows(&b);
        let of = |id: &str| -> Vec<(&str, u64)> {
            rows.iter()
                .filter(|r| r.item().id() == id)
                .map(|r| (r.sheet_label(Lang::Vi), r.count()))
                .collect()
        };
        assert_eq!(
            of("ly_do"),
            [("(có trả lời)", 1), ("(không hỏi)", 2), ("(để trống)", 0)]
        );
        let so_nguoi: Vec<_> = rows
            .iter()
            .filter(|r| r.item().id() == "so_nguoi")
            .collect();
        assert_eq!(so_nguoi.last().map(|r| r.label(Lang::En)), Some("Blank"));
        assert!(so_nguoi.iter().all(|r| r.mean().is_some()));
        assert_eq!(
            so_nguoi[0].share(b.electorate()).percent(Lang::En),
            "66.67%"
        );
    }
}
