//! The words of the minutes that change with their kind: the name of the electorate and of
//! those present, who counts and signs, the recipients and copies, and the quorum line.

use super::kind::MinutesKind;
use crate::lang::Lang;
use crate::rule::{at_least_two_thirds, more_than_half, Electorate};

/// The words that change with the kind: who makes up the electorate, and who counts and signs.
pub(super) struct Words {
    pub(super) total: String,
    pub(super) present: String,
    pub(super) per_item: String,
    pub(super) board_head: String,
    pub(super) recipients: Vec<String>,
    pub(super) copies: String,
}

pub(super) fn words(kind: MinutesKind, lang: Lang) -> Words {
    let commune_three = || {
        (
            vec![
                tr(lang, "Ủy ban nhân dân xã", "Commune People's Committee"),
                tr(
                    lang,
                    "Ban Thường trực Ủy ban MTTQ Việt Nam xã",
                    "Standing committee of the commune Fatherland Front",
                ),
                tr(lang, "Lưu: thôn, tổ dân phố", "Archive: village"),
            ],
            tr(
                lang,
                "Biên bản được lập thành 03 bản: 01 bản gửi Ủy ban nhân dân xã, 01 bản gửi Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam xã, 01 bản lưu tại thôn, tổ dân phố.",
                "Made in 3 copies: one for the commune People's Committee, one for the standing committee of the commune Fatherland Front, one for the village archive.",
            ),
        )
    };
    let ((total, present, of), board_head, (recipients, copies)) = match kind {
        MinutesKind::VillageMeeting => (
            (
                tr(lang, "Tổng số đại diện hộ gia đình", "Total household representatives"),
                tr(lang, "Số đại diện hộ gia đình có mặt", "Household representatives present"),
                tr(lang, "tổng số đại diện hộ gia đình", "all household representatives"),
            ),
            tr(lang, "Tổ trưởng Ban kiểm phiếu", "Head of the counting board"),
            commune_three(),
        ),
        MinutesKind::HouseholdForms => (
            (
                tr(lang, "Tổng số hộ gia đình được phát phiếu", "Households handed a form"),
                String::new(),
                tr(lang, "tổng số hộ gia đình", "all households"),
            ),
            tr(lang, "Tổ trưởng Ban kiểm phiếu", "Head of the counting board"),
            commune_three(),
        ),
        MinutesKind::Council => (
            (
                tr(lang, "Tổng số đại biểu", "Total delegates"),
                tr(lang, "Số đại biểu có mặt", "Delegates present"),
                tr(lang, "tổng số đại biểu", "all delegates"),
            ),
            tr(lang, "Trưởng Ban kiểm phiếu", "Head of the counting board"),
            (
                vec![
                    tr(lang, "Thường trực Hội đồng nhân dân", "Standing committee of the People's Council"),
                    tr(lang, "Lưu: hồ sơ kỳ họp", "Archive: session records"),
                ],
                tr(
                    lang,
                    "Biên bản được lập thành 02 bản: 01 bản gửi Thường trực Hội đồng nhân dân, 01 bản lưu hồ sơ kỳ họp.",
                    "Made in 2 copies: one for the standing committee of the People's Council, one for the session records.",
                ),
            ),
        ),
        MinutesKind::Conference => (
            (
                tr(lang, "Tổng số người được triệu tập", "Total people convened"),
                tr(lang, "Số người dự hội nghị", "Attendees"),
                tr(lang, "tổng số người được triệu tập", "all people convened"),
            ),
            tr(lang, "Trưởng Ban kiểm phiếu", "Head of the counting board"),
            (
                vec![
                    tr(lang, "Thủ trưởng cơ quan, đơn vị", "Head of the agency or unit"),
                    tr(lang, "Lưu: hồ sơ hội nghị", "Archive: conference records"),
                ],
                tr(
                    lang,
                    "Biên bản được lập thành 02 bản: 01 bản gửi thủ trưởng cơ quan, đơn vị, 01 bản lưu hồ sơ hội nghị.",
                    "Made in 2 copies: one for the head of the agency or unit, one for the conference records.",
                ),
            ),
        ),
        MinutesKind::Survey => (
            (
                // docs/glossary.md: a survey may ask households or people.
                tr(
                    lang,
                    "Tổng số hộ, người được lấy ý kiến",
                    "Total households or people asked",
                ),
                tr(lang, "Số có mặt", "Present"),
                tr(lang, "tổng số được lấy ý kiến", "all asked"),
            ),
            String::new(),
            (
                vec![
                    tr(lang, "Ban Thường trực Ủy ban MTTQ Việt Nam xã", "Standing committee of the commune Fatherland Front"),
                    tr(lang, "Lưu: người lập biên bản", "Archive: the recorder"),
                ],
                tr(
                    lang,
                    "Biên bản được lập thành 02 bản: 01 bản gửi Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam xã, 01 bản do người lập biên bản lưu.",
                    "Made in 2 copies: one for the standing committee of the commune Fatherland Front, one kept by the recorder.",
                ),
            ),
        ),
    };
    Words {
        total,
        present,
        per_item: format!(
            "{} ({} {of})",
            tr(
                lang,
                "II. KẾT QUẢ THEO TỪNG NỘI DUNG",
                "II. RESULTS BY ITEM"
            ),
            tr(lang, "tỷ lệ tính trên", "shares are of")
        ),
        board_head,
        recipients,
        copies,
    }
}

/// The quorum line's value: those present of the total and, where the law ties the meeting's
/// validity to it, whether the meeting was validly held.
pub(super) fn quorum(kind: MinutesKind, e: &Electorate, lang: Lang) -> String {
    let Some(present) = e.present() else {
        return tr(lang, "không ghi", "not recorded");
    };
    let total = e.total();
    let verdict = match kind {
        // Domain brief, "Quorum"; rule::decide says "not validly held" on the same test.
        MinutesKind::VillageMeeting => Some(if more_than_half(present, total) {
            tr(
                lang,
                "trên 50%: cuộc họp hợp lệ",
                "more than half: the meeting is valid",
            )
        } else {
            tr(
                lang,
                "không quá 50%: cuộc họp không hợp lệ",
                "not more than half: the meeting is not validly held",
            )
        }),
        // L 51, L 69.2: at least two-thirds of those convened.
        MinutesKind::Conference => Some(if at_least_two_thirds(present, total) {
            tr(
                lang,
                "từ hai phần ba trở lên: hội nghị hợp lệ",
                "at least two-thirds: the conference is valid",
            )
        } else {
            tr(
                lang,
                "dưới hai phần ba: hội nghị không hợp lệ",
                "less than two-thirds: the conference is not valid",
            )
        }),
        // A council session's own quorum is not a rule phieu applies (docs/legal.md §12).
        _ => None,
    };
    match verdict {
        Some(v) => format!("{present}/{total} ({v})"),
        None => format!("{present}/{total}"),
    }
}

/// `vi` or `en`, as an owned string.
pub(super) fn tr(lang: Lang, vi: &str, en: &str) -> String {
    lang.pick(vi, en).to_owned()
}
