//! Reports made from closed boxes for people outside the app: the results as CSV for a
//! spreadsheet (one row per item and option, shares of the total electorate), the receipt codes
//! for the village notice board, and the merge of several tablets' or sittings' audit bundles
//! into one bundle whose minutes list every box (D59 3.1đ: cluster results add up to the
//! village result).
//!
//! Nothing here decides anything: counts come from the tally, outcomes from `crate::rule`.

use crate::ballot_box::BoxFingerprint;
use crate::bundle::{AuditBundle, MinutesCode, PublicSummary};
use crate::lang::Lang;
use crate::merge::{merge_boxes, MergeError};
use crate::minutes::{Minutes, MinutesError};
use crate::poll::ItemKind;
use crate::receipt::Receipt;
use crate::rule::{Electorate, OutcomeError};
use crate::tally::Unanswered;

/// The byte-order mark that makes Excel read a CSV file as UTF-8 (and so show Vietnamese
/// diacritics instead of mojibake).
pub const CSV_BOM: &str = "\u{feff}";

/// The results as CSV (RFC 4180: comma-separated, `\r\n` line ends, fields quoted when they
/// hold a comma, a quote or a line break), starting with [`CSV_BOM`].
///
/// Columns: item id, item, option id, option, count, total electorate, share of the total
/// electorate, mean. One row per option of each choice item, one row "answered" for number and
/// text items, then one row "blank" per item with an empty option id. The share is always of the
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
    let (header, answered, blank, not_asked, blank_or_not_asked) = match lang {
        Lang::Vi => (
            [
                "Mã câu hỏi",
                "Câu hỏi",
                "Mã lựa chọn",
                "Lựa chọn",
                "Số phiếu",
                "Tổng số cử tri",
                "Tỷ lệ trên tổng số cử tri",
                "Trung bình",
            ],
            "(có trả lời)",
            "(để trống)",
            "(không hỏi)",
            "(để trống hoặc không hỏi)",
        ),
        Lang::En => (
            [
                "Item id",
                "Item",
                "Option id",
                "Option",
                "Count",
                "Total electorate",
                "Share of total electorate",
                "Mean",
            ],
            "(answered)",
            "(blank)",
            "(not asked)",
            "(blank or not asked)",
        ),
    };
    let electorate = bundle.electorate();
    let total = electorate.total().to_string();
    let mut out = String::from(CSV_BOM);
    push_row(&mut out, separator, header.iter().copied());
    for (item, tally) in bundle.poll().items().iter().zip(bundle.tally().items()) {
        let label = item.label().get(lang);
        let mean = tally.mean().map(|m| m.display(lang)).unwrap_or_default();
        let mut row = |option_id: &str, option: &str, count: u64| {
            let count_text = count.to_string();
            let share = electorate.share(count).percent(lang);
            push_row(
                &mut out,
                separator,
                [
                    item.id(),
                    label,
                    option_id,
                    option,
                    &count_text,
                    &total,
                    &share,
                    &mean,
                ],
            );
        };
        match item.kind() {
            ItemKind::Number { .. } => {
                row("", answered, tally.mean().map_or(0, |m| m.count()));
            }
            ItemKind::Text { .. } => row("", answered, tally.free_texts().count() as u64),
            kind => {
                for (choice, count) in kind.options().iter().zip(tally.counts()) {
                    row(choice.id(), choice.label().get(lang), *count);
                }
            }
        }
        // "(để trống)" alone for an item always asked, as before; an item the poll's logic may
        // skip gets "(không hỏi)" and "(để trống)" apart (issue 22, item 6).
        for (why, count) in tally.unanswered(item) {
            let label = match why {
                Unanswered::LeftBlank => blank,
                Unanswered::NotAsked => not_asked,
                Unanswered::BlankOrNotAsked => blank_or_not_asked,
            };
            row("", label, count);
        }
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

/// One box that went into a merge, with the facts of its own signed minutes, as the merged
/// minutes list it (docs/cli.md §merge).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BoxEntry {
    fingerprint: BoxFingerprint,
    minutes_code: MinutesCode,
    ballots: u64,
    present: Option<u64>,
    minutes: Minutes,
}

impl BoxEntry {
    /// The box of one bundle.
    pub fn of(bundle: &AuditBundle) -> BoxEntry {
        BoxEntry {
            fingerprint: bundle.fingerprint(),
            minutes_code: bundle.minutes_code(),
            ballots: bundle.tally().ballots(),
            present: bundle.electorate().present(),
            minutes: bundle.minutes().clone(),
        }
    }

    pub fn fingerprint(&self) -> BoxFingerprint {
        self.fingerprint
    }

    /// The code printed on this box's own signed minutes.
    pub fn minutes_code(&self) -> MinutesCode {
        self.minutes_code
    }

    pub fn ballots(&self) -> u64 {
        self.ballots
    }

    pub fn present(&self) -> Option<u64> {
        self.present
    }

    /// This box's own minutes: place, time, board, witnesses, test line.
    pub fn minutes(&self) -> &Minutes {
        &self.minutes
    }

    pub fn place(&self) -> &str {
        self.minutes.place()
    }

    pub fn time(&self) -> &str {
        self.minutes.time()
    }
}

/// Several boxes of one poll merged into one audit bundle, and the boxes it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MergedBundle {
    bundle: AuditBundle,
    boxes: Vec<BoxEntry>,
}

impl MergedBundle {
    pub fn bundle(&self) -> &AuditBundle {
        &self.bundle
    }

    pub fn boxes(&self) -> &[BoxEntry] {
        &self.boxes
    }

    pub fn into_parts(self) -> (AuditBundle, Vec<BoxEntry>) {
        (self.bundle, self.boxes)
    }
}

/// Why audit bundles cannot be merged. `path` names the input, such as `boxes[2]`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MergeBundlesError {
    #[error("{0}")]
    Boxes(MergeError),
    #[error("boxes[{index}].electorate.total: {found}, but boxes[0] has {expected}: the boxes of one poll count against the same electorate")]
    TotalDiffers {
        index: usize,
        expected: u64,
        found: u64,
    },
    #[error("boxes[{index}].electorate.present: {found}, but boxes[{first}] has {expected}, and both are tablets of one sitting (same place and time), which count the same people present")]
    PresentDiffers {
        first: usize,
        index: usize,
        expected: u64,
        found: u64,
    },
    #[error("{0}")]
    Electorate(OutcomeError),
    #[error("{0}")]
    Minutes(MinutesError),
}

impl MergeBundlesError {
    pub fn path(&self) -> String {
        match self {
            MergeBundlesError::Boxes(e) => e.path(),
            MergeBundlesError::TotalDiffers { index, .. } => {
                format!("boxes[{index}].electorate.total")
            }
            MergeBundlesError::PresentDiffers { index, .. } => {
                format!("boxes[{index}].electorate.present")
            }
            MergeBundlesError::Electorate(e) => e.path().into(),
            MergeBundlesError::Minutes(e) => e.path(),
        }
    }

    /// The index of the box that caused the refusal, when one did.
    pub fn index(&self) -> Option<usize> {
        match self {
            MergeBundlesError::Boxes(MergeError::WrongPoll { index, .. })
            | MergeBundlesError::TotalDiffers { index, .. }
            | MergeBundlesError::PresentDiffers { index, .. } => Some(*index),
            MergeBundlesError::Boxes(
                MergeError::DuplicateBox { second, .. }
                | MergeError::DuplicateBallot { second, .. },
            ) => Some(*second),
            _ => None,
        }
    }

    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (MergeBundlesError::Boxes(e), lang) => e.message(lang),
            (MergeBundlesError::TotalDiffers { index, expected, found }, Lang::Vi) => format!(
                "boxes[{index}].electorate.total: tổng số cử tri là {found}, nhưng boxes[0] ghi {expected}: các hòm phiếu của một cuộc phải tính trên cùng tổng số cử tri"
            ),
            (MergeBundlesError::TotalDiffers { .. }, Lang::En) => self.to_string(),
            (MergeBundlesError::PresentDiffers { first, index, expected, found }, Lang::Vi) => format!(
                "boxes[{index}].electorate.present: số có mặt là {found}, nhưng boxes[{first}] ghi {expected}, trong khi hai hòm là hai máy của cùng một buổi họp (cùng địa điểm và thời gian) nên có cùng những người có mặt"
            ),
            (MergeBundlesError::PresentDiffers { .. }, Lang::En) => self.to_string(),
            (MergeBundlesError::Electorate(e), lang) => e.message(lang),
            (MergeBundlesError::Minutes(e), lang) => e.message(lang),
        }
    }
}

impl MergeBundlesError {
    /// What an officer reads on the merge page: the boxes named by their place in the list
    /// ("hòm thứ 2"), never `boxes[1]` (issue 22); [`MergeBundlesError::message`] keeps the
    /// paths for `--json` and logs.
    pub fn plain_message(&self, lang: Lang) -> String {
        match self {
            MergeBundlesError::Boxes(MergeError::Nothing) => lang.pick(
                "Không có hòm phiếu nào để gộp.".into(),
                "There is no box to merge.".into(),
            ),
            MergeBundlesError::Boxes(MergeError::WrongPoll { index, .. }) => lang.pick(
                format!("Hòm thứ {} là của một phiếu khác với hòm thứ 1: chỉ gộp được các hòm của cùng một phiếu.", index + 1),
                format!("Box {} is of another poll than box 1: only boxes of one poll can be merged.", index + 1),
            ),
            MergeBundlesError::Boxes(MergeError::DuplicateBox { first, second, fingerprint }) => lang.pick(
                format!("Hòm thứ {} trùng với hòm thứ {} (mã kiểm tra hòm phiếu {}).", second + 1, first + 1, fingerprint.short()),
                format!("Box {} is the same box as box {} (box check code {}).", second + 1, first + 1, fingerprint.short()),
            ),
            MergeBundlesError::Boxes(MergeError::DuplicateBallot { first, second, .. }) => lang.pick(
                format!("Hòm thứ {} có một phiếu đã có trong hòm thứ {}: một phiếu không được tính hai lần.", second + 1, first + 1),
                format!("Box {} holds a ballot that is also in box {}: a ballot is never counted twice.", second + 1, first + 1),
            ),
            MergeBundlesError::Boxes(e) => crate::lang::without_path(&e.message(lang)),
            MergeBundlesError::TotalDiffers { index, expected, found } => lang.pick(
                format!("Hòm thứ {} ghi tổng số cử tri {found}, hòm thứ 1 ghi {expected}: các hòm phiếu của một cuộc phải tính trên cùng tổng số cử tri.", index + 1),
                format!("Box {} states an electorate of {found}, box 1 states {expected}: the boxes of one poll count against the same electorate.", index + 1),
            ),
            MergeBundlesError::PresentDiffers { first, index, expected, found } => lang.pick(
                format!("Hòm thứ {} ghi {found} người có mặt, hòm thứ {} ghi {expected}, mà hai hòm là hai máy của cùng một buổi họp (cùng địa điểm và thời gian) nên có cùng những người có mặt.", index + 1, first + 1),
                format!("Box {} states {found} present, box {} states {expected}, and both are tablets of one sitting (same place and time), which count the same people present.", index + 1, first + 1),
            ),
            MergeBundlesError::Electorate(e) => e.plain_message(lang),
            MergeBundlesError::Minutes(e) => crate::lang::without_path(&e.message(lang)),
        }
    }
}

/// Merges the audit bundles of several tablets, clusters or sittings of one poll into one
/// bundle, refusing another poll, the same box twice or a ballot twice (`merge_boxes`).
///
/// The merged electorate keeps the common total (the village's households: every box counts
/// against it, so the totals must agree). Attendance adds up across sittings: boxes with the
/// same place and time are tablets of one sitting and must state the same number present, which
/// counts once; boxes of different places or times are clusters or sittings (D59 3.1đ) and their
/// numbers add (two clusters of 14 present each are 28 present, not 14). When any box states no
/// number present, the merge has none. The merged minutes keep every box's facts: each field
/// lists every distinct value in input order, texts joined by "; " and names (board, witnesses,
/// chair, secretary) as one list without repeats; wrong PIN tries summed; each box's own
/// minutes stay in `boxes`
/// (docs/cli.md §merge). Merging one box gives that box's bundle back unchanged.
pub fn merge_bundles(bundles: &[AuditBundle]) -> Result<MergedBundle, MergeBundlesError> {
    let boxes = bundles.iter().map(|b| b.ballot_box().clone()).collect();
    let merged = merge_boxes(boxes).map_err(MergeBundlesError::Boxes)?;
    // merge_boxes refused an empty list, so there is a first bundle.
    let first = &bundles[0];
    let total = first.electorate().total();
    if let Some((index, b)) = bundles
        .iter()
        .enumerate()
        .find(|(_, b)| b.electorate().total() != total)
    {
        return Err(MergeBundlesError::TotalDiffers {
            index,
            expected: total,
            found: b.electorate().total(),
        });
    }
    let electorate =
        Electorate::new(total, merged_present(bundles)?).map_err(MergeBundlesError::Electorate)?;
    let texts = |field: fn(&Minutes) -> &str| {
        let mut seen: Vec<&str> = Vec::new();
        for b in bundles {
            let value = field(b.minutes());
            if !value.is_empty() && !seen.contains(&value) {
                seen.push(value);
            }
        }
        seen.join("; ")
    };
    let names = |field: fn(&Minutes) -> &[String]| {
        let mut seen: Vec<String> = Vec::new();
        for b in bundles {
            for name in field(b.minutes()) {
                if !seen.contains(name) {
                    seen.push(name.clone());
                }
            }
        }
        seen
    };
    let minutes = Minutes::joined(
        texts(Minutes::place),
        texts(Minutes::time),
        names(Minutes::board),
        names(Minutes::witnesses),
        texts(Minutes::logic_and_accuracy_test),
    )
    .and_then(|m| {
        m.with_proceedings(
            texts(Minutes::chair),
            texts(Minutes::secretary),
            texts(Minutes::closed_at),
            texts(Minutes::complaints),
        )
    })
    .map_err(MergeBundlesError::Minutes)?
    .with_wrong_pins(bundles.iter().map(|b| b.minutes().wrong_pins()).sum());
    // Ballots issued add up only when every sitting counted them.
    let minutes = match bundles
        .iter()
        .map(|b| b.minutes().issued())
        .sum::<Option<u64>>()
    {
        Some(n) => minutes.with_issued(n),
        None => minutes,
    };
    let bundle =
        AuditBundle::new(merged, electorate, minutes).map_err(MergeBundlesError::Electorate)?;
    Ok(MergedBundle {
        bundle,
        boxes: bundles.iter().map(BoxEntry::of).collect(),
    })
}

/// Those present at all the sittings merged (`merge_bundles`): one number per sitting (place
/// and time), summed.
fn merged_present(bundles: &[AuditBundle]) -> Result<Option<u64>, MergeBundlesError> {
    let mut sittings: Vec<(&str, &str, usize, u64)> = Vec::new();
    for (index, b) in bundles.iter().enumerate() {
        let Some(present) = b.electorate().present() else {
            return Ok(None);
        };
        let (place, time) = (b.minutes().place(), b.minutes().time());
        match sittings.iter().find(|s| s.0 == place && s.1 == time) {
            Some(&(_, _, first, expected)) if expected != present => {
                return Err(MergeBundlesError::PresentDiffers {
                    first,
                    index,
                    expected,
                    found: present,
                })
            }
            Some(_) => {}
            None => sittings.push((place, time, index, present)),
        }
    }
    Ok(Some(sittings.iter().map(|s| s.3).sum()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Answer, Ballot, BallotBox, Poll, Salt};

    const POLL: &str = include_str!("../tests/data/example-poll.json");

    fn bundle(
        choices: &[(&str, u8)],
        total: u64,
        present: Option<u64>,
        place: &str,
    ) -> AuditBundle {
        let poll = Poll::from_json(POLL).unwrap();
        let mut b = BallotBox::new(poll.clone());
        for (choice, seed) in choices {
            let ballot = Ballot::new(
                &poll,
                vec![Answer::choice(*choice)],
                Salt::from_bytes([*seed; 16]),
            )
            .unwrap();
            b.cast(ballot).unwrap();
        }
        let minutes = Minutes::new(
            place.into(),
            "14 giờ, 12/4/2026".into(),
            vec!["An".into(), "Bình".into(), "Chi".into()],
            vec!["Dung".into(), "Em".into()],
            "Kiểm thử: đúng".into(),
        )
        .unwrap();
        AuditBundle::new(b, Electorate::new(total, present).unwrap(), minutes).unwrap()
    }

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

    /// Issue 22: the merge page names the boxes by their place in the list, never `boxes[1]`.
    #[test]
    fn a_refused_merge_names_boxes_by_their_place() {
        let b = bundle(&[("dong_y", 1)], 8, Some(8), "Nhà văn hóa");
        let e = merge_bundles(&[b.clone(), b.clone()]).unwrap_err();
        assert!(e.message(Lang::Vi).starts_with("boxes[1]"));
        assert_eq!(
            e.plain_message(Lang::Vi),
            format!(
                "Hòm thứ 2 trùng với hòm thứ 1 (mã kiểm tra hòm phiếu {}).",
                b.fingerprint().short()
            )
        );
        assert!(!e.plain_message(Lang::En).contains("boxes["));
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

    #[test]
    fn merging_two_boxes_equals_one_box_holding_every_ballot() {
        let a = bundle(
            &[("dong_y", 1), ("khong_dong_y", 2)],
            10,
            Some(6),
            "Nhà văn hóa",
        );
        let b = bundle(&[("dong_y", 3)], 10, Some(6), "Nhà văn hóa");
        let all = bundle(
            &[("dong_y", 1), ("khong_dong_y", 2), ("dong_y", 3)],
            10,
            Some(6),
            "Nhà văn hóa",
        );
        let merged = merge_bundles(&[a.clone(), b.clone()]).unwrap();
        assert_eq!(merged.bundle().to_json(), all.to_json());
        assert_eq!(merged.boxes(), &[BoxEntry::of(&a), BoxEntry::of(&b)]);
        assert_eq!(merged.boxes()[1].ballots(), 1);
    }

    #[test]
    fn clusters_add_their_attendance_and_list_every_place() {
        let a = bundle(&[("dong_y", 1)], 10, Some(6), "Cụm 1");
        let b = bundle(&[("dong_y", 2)], 10, Some(3), "Cụm 2");
        let merged = merge_bundles(&[a, b]).unwrap();
        assert_eq!(merged.bundle().electorate().present(), Some(9));
        assert_eq!(merged.bundle().minutes().place(), "Cụm 1; Cụm 2");
        assert_eq!(merged.bundle().minutes().time(), "14 giờ, 12/4/2026");
    }

    /// Issue 16, item 4: two clusters of 14 present each are 28 present, so 10 agreeing of 28
    /// present does not pass a present-based rule (it did, as 10 of 14, when equal numbers were
    /// taken for tablets of one sitting).
    #[test]
    fn two_clusters_of_fourteen_are_twenty_eight_present() {
        let poll_json = POLL
            .replace("majority_households", "majority_present")
            .replace("self_governance", "procedural");
        let poll = Poll::from_json(&poll_json).unwrap();
        let make = |seeds: std::ops::Range<u8>, agree: u8, place: &str| {
            let mut b = BallotBox::new(poll.clone());
            for seed in seeds {
                let choice = if seed % 100 < agree {
                    "dong_y"
                } else {
                    "khong_dong_y"
                };
                let ballot = Ballot::new(
                    &poll,
                    vec![Answer::choice(choice)],
                    Salt::from_bytes([seed; 16]),
                )
                .unwrap();
                b.cast(ballot).unwrap();
            }
            let minutes = Minutes::new(
                place.into(),
                "14 giờ, 12/4/2026".into(),
                vec![format!("An {place}"), "Bình".into(), "Chi".into()],
                vec![format!("Dung {place}"), "Em".into()],
                format!("Chạy thử {place}: đúng"),
            )
            .unwrap();
            AuditBundle::new(b, Electorate::new(40, Some(14)).unwrap(), minutes).unwrap()
        };
        // Cluster 1: 5 agree of 14 (seeds 0..14, agree below 5); cluster 2: 5 agree of 14.
        let one = make(0..14, 5, "Cụm 1");
        let two = make(100..114, 5, "Cụm 2");
        let merged = merge_bundles(&[one.clone(), two.clone()]).unwrap();
        let bundle = merged.bundle();
        assert_eq!(bundle.electorate().present(), Some(28));
        assert_eq!(bundle.outcomes()[0].result(), "failed");
        assert_eq!(bundle.outcomes()[0].figures(), (10, 28, None));
        // Every box's facts are kept: both boards, both witness lists, both test lines.
        let m = bundle.minutes();
        assert!(
            m.board().contains(&"An Cụm 1".to_owned())
                && m.board().contains(&"An Cụm 2".to_owned())
        );
        assert_eq!(m.board().len(), 4);
        assert_eq!(m.witnesses().len(), 3);
        assert_eq!(
            m.logic_and_accuracy_test(),
            "Chạy thử Cụm 1: đúng; Chạy thử Cụm 2: đúng"
        );
        assert_eq!(merged.boxes()[1].minutes(), two.minutes());
        assert_eq!(merged.boxes()[0].minutes_code(), one.minutes_code());
        // The merged bundle verifies as it is written.
        assert!(AuditBundle::verify(&bundle.to_json()).is_ok());
        // Two tablets of one sitting (same place and time) count those present once, and must
        // agree on the number.
        let tablet = |seeds: std::ops::Range<u8>, present: u64| {
            let mut b = BallotBox::new(poll.clone());
            for seed in seeds {
                b.cast(
                    Ballot::new(
                        &poll,
                        vec![Answer::choice("dong_y")],
                        Salt::from_bytes([seed; 16]),
                    )
                    .unwrap(),
                )
                .unwrap();
            }
            AuditBundle::new(
                b,
                Electorate::new(40, Some(present)).unwrap(),
                minutes_at("Nhà văn hóa"),
            )
            .unwrap()
        };
        let same = merge_bundles(&[tablet(0..3, 20), tablet(3..6, 20)]).unwrap();
        assert_eq!(same.bundle().electorate().present(), Some(20));
        let err = merge_bundles(&[tablet(0..3, 20), tablet(3..6, 21)]).unwrap_err();
        assert_eq!(err.path(), "boxes[1].electorate.present");
        assert!(err.message(Lang::Vi).contains("cùng một buổi họp"));
    }

    fn minutes_at(place: &str) -> Minutes {
        Minutes::new(
            place.into(),
            "14 giờ, 12/4/2026".into(),
            vec!["An".into(), "Bình".into(), "Chi".into()],
            vec!["Dung".into(), "Em".into()],
            "Chạy thử: đúng".into(),
        )
        .unwrap()
    }

    #[test]
    fn the_same_box_twice_and_another_total_are_refused() {
        let a = bundle(&[("dong_y", 1)], 10, Some(10), "x");
        let err = merge_bundles(&[a.clone(), a.clone()]).unwrap_err();
        assert_eq!(err.index(), Some(1));
        assert!(err
            .message(Lang::Vi)
            .starts_with("boxes[1]: trùng với hòm boxes[0]"));
        let other = bundle(&[("dong_y", 2)], 12, Some(12), "x");
        let err = merge_bundles(&[a, other]).unwrap_err();
        assert_eq!(err.path(), "boxes[1].electorate.total");
        assert!(err.message(Lang::En).contains("12, but boxes[0] has 10"));
        assert!(err.message(Lang::Vi).contains("tổng số cử tri là 12"));
        assert_eq!(merge_bundles(&[]).unwrap_err().path(), "boxes");
    }

    #[test]
    fn merging_one_box_gives_it_back() {
        let a = bundle(&[("dong_y", 1), ("khong_dong_y", 2)], 10, Some(6), "x");
        let merged = merge_bundles(std::slice::from_ref(&a)).unwrap();
        assert_eq!(merged.bundle(), &a);
    }
}
