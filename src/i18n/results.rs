//! The words of the results, minutes, verify and merge pages, in Vietnamese and English: one
//! table per language, so a missing translation is a compile error.
//!
//! The counting minutes themselves (Biên bản kiểm phiếu, D59 form 02) are a Vietnamese legal
//! document and print in Vietnamese whatever the interface language: their words are in
//! [`MINUTES`], which has no English twin on purpose.

use phieu_core::Lang;

use crate::i18n::Electors;

include!(concat!(env!("OUT_DIR"), "/i18n/results.rs"));

/// The words the print page puts around the core's minutes (`phieu_core::minutes::layout`, which
/// holds the minutes' own wording), and the receipt list's. Vietnamese only: the minutes are the
/// legal record, signed and filed in Vietnamese.
pub struct MinutesWords {
    pub ballots_unit: &'static str,
    pub fingerprint: &'static str,
    pub fingerprint_full: &'static str,
    pub copy: &'static str,
    pub recipient: &'static str,
    pub sign: &'static str,
    pub receipts_title: &'static str,
    pub receipts_intro: &'static str,
}

pub const MINUTES: MinutesWords = MinutesWords {
    ballots_unit: "phiếu",
    fingerprint: "Mã kiểm tra hòm phiếu điện tử",
    fingerprint_full: "Đầy đủ (SHA-256)",
    copy: "Bản số",
    recipient: "Nơi nhận",
    sign: "(Ký, ghi rõ họ tên)",
    receipts_title: "DANH SÁCH MÃ BIÊN NHẬN CÁC PHIẾU ĐÃ ĐƯỢC ĐẾM",
    receipts_intro: "Mỗi người bỏ phiếu giữ một mã biên nhận. Nếu mã của mình có trong danh sách thì phiếu đã được đếm. Mã không cho biết nội dung phiếu. Danh sách xếp theo thứ tự chữ cái.",
};

/// How the results name the electorate: its total, and those present.
pub struct ElectorateWords {
    pub total: &'static str,
    pub present: &'static str,
    /// The share column's heading and the chart's caption: a survey's shares are of its
    /// respondents, not of voters (issue 22, item 6).
    pub share_of: &'static str,
    pub chart: &'static str,
}

/// The electorate's words on the results page, named for who votes.
pub fn electorate_words(electors: Electors, lang: Lang) -> ElectorateWords {
    let w = strings(lang);
    let (total, present) = match electors {
        Electors::Households => (w.total_households, w.present_households),
        Electors::Delegates => (w.total_delegates, w.present_delegates),
        Electors::Convened => (w.total_convened, w.present_convened),
        Electors::Asked => (w.total_asked, w.present_asked),
    };
    let (share_of, chart) = match electors {
        Electors::Asked => (w.share_of_respondents, w.chart_caption_respondents),
        _ => (w.share_of_total, w.chart_caption),
    };
    ElectorateWords {
        total,
        present,
        share_of,
        chart,
    }
}
