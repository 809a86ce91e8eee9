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
    let (total, present) = match (electors, lang) {
        (Electors::Households, Lang::Vi) => {
            ("Tổng số hộ gia đình", "Số đại diện hộ gia đình có mặt")
        }
        (Electors::Households, Lang::En) => {
            ("Total households", "Household representatives present")
        }
        (Electors::Delegates, Lang::Vi) => ("Tổng số đại biểu", "Số đại biểu có mặt"),
        (Electors::Delegates, Lang::En) => ("Total delegates", "Delegates present"),
        (Electors::Convened, Lang::Vi) => ("Tổng số người được triệu tập", "Số người dự hội nghị"),
        (Electors::Convened, Lang::En) => ("Total people convened", "Attendees"),
        (Electors::Asked, Lang::Vi) => ("Tổng số hộ, người được lấy ý kiến", "Số có mặt"),
        (Electors::Asked, Lang::En) => ("Total households or people asked", "Present"),
    };
    let (share_of, chart) = match (electors, lang) {
        (Electors::Asked, Lang::Vi) => (
            "Tỷ lệ trên tổng số người trả lời",
            "Biểu đồ số câu trả lời so với tổng số người trả lời",
        ),
        (Electors::Asked, Lang::En) => (
            "Share of all respondents",
            "Chart of the answers against all respondents",
        ),
        _ => (strings(lang).share_of_total, strings(lang).chart_caption),
    };
    ElectorateWords {
        total,
        present,
        share_of,
        chart,
    }
}
