//! The designer's own words in Vietnamese and English ([`Words`]), and the names it gives the
//! kinds of poll, the questions offered in one tap, the item types and the electorates.

use phieu_core::{Lang, PollKind, Preset};

use crate::state::designer::{ItemPreset, ItemType};

include!(concat!(env!("OUT_DIR"), "/i18n/designer.rs"));

/// The kind of poll in words, and a line on what it is for.
pub fn kind_name(kind: PollKind, lang: Lang) -> (&'static str, &'static str) {
    match (kind, lang) {
        (PollKind::Decision, Lang::Vi) => (
            "Biểu quyết",
            "Đồng ý / Không đồng ý một việc của thôn: đóng góp, hương ước, cho thôi làm Trưởng thôn…",
        ),
        (PollKind::Decision, Lang::En) => (
            "Decision",
            "Agree / disagree on a village matter: contributions, village rules, relieving the village head…",
        ),
        (PollKind::Election, Lang::Vi) => (
            "Bầu cử",
            "Bầu Trưởng thôn hoặc thành viên ban: danh sách ứng cử viên.",
        ),
        (PollKind::Election, Lang::En) => (
            "Election",
            "Electing a village head or board members: a list of candidates.",
        ),
        (PollKind::ConfidenceRating, Lang::Vi) => (
            "Lấy phiếu tín nhiệm",
            "Tín nhiệm cao / Tín nhiệm / Tín nhiệm thấp, mỗi người một dòng.",
        ),
        (PollKind::ConfidenceRating, Lang::En) => (
            "Confidence rating",
            "High confidence / confidence / low confidence, one row per official.",
        ),
        (PollKind::ConfidenceVote, Lang::Vi) => (
            "Bỏ phiếu tín nhiệm",
            "Tín nhiệm / Không tín nhiệm đối với một người.",
        ),
        (PollKind::ConfidenceVote, Lang::En) => (
            "Confidence vote",
            "Confidence / no confidence in one official.",
        ),
        (PollKind::Survey, Lang::Vi) => (
            "Lấy ý kiến",
            "Khảo sát: không biểu quyết, chỉ tổng hợp ý kiến; mọi kiểu câu hỏi.",
        ),
        (PollKind::Survey, Lang::En) => (
            "Opinion survey",
            "No decision, answers are summarised; every type of question.",
        ),
    }
}

/// What the officer adds with one tap.
pub fn preset_name(preset: ItemPreset, lang: Lang) -> &'static str {
    use ItemPreset as P;
    match (preset, lang) {
        (P::Decision, Lang::Vi) => "Câu biểu quyết (Đồng ý / Không đồng ý / Ý kiến khác)",
        (P::Decision, Lang::En) => "Decision (Agree / Disagree / Other opinion)",
        (P::Candidates, Lang::Vi) => "Danh sách ứng cử viên",
        (P::Candidates, Lang::En) => "List of candidates",
        (P::OneCandidate, Lang::Vi) => "Một ứng cử viên (Đồng ý / Không đồng ý)",
        (P::OneCandidate, Lang::En) => "One candidate (Agree / Disagree)",
        (P::Board, Lang::Vi) => "Bầu thành viên ban (nhiều người)",
        (P::Board, Lang::En) => "Board members (several seats)",
        (P::Rating, Lang::Vi) => "Một người được lấy phiếu tín nhiệm",
        (P::Rating, Lang::En) => "One official to rate",
        (P::ConfidenceVote, Lang::Vi) => "Một người được bỏ phiếu tín nhiệm",
        (P::ConfidenceVote, Lang::En) => "One official for a confidence vote",
        (P::YesNo, Lang::Vi) => "Có / Không",
        (P::YesNo, Lang::En) => "Yes / No",
        (P::Satisfaction, Lang::Vi) => "Hài lòng / Không hài lòng",
        (P::Satisfaction, Lang::En) => "Satisfied / Not satisfied",
        (P::Single, Lang::Vi) => "Chọn một",
        (P::Single, Lang::En) => "Single choice",
        (P::Multiple, Lang::Vi) => "Chọn nhiều",
        (P::Multiple, Lang::En) => "Multiple choice",
        (P::Scale5, Lang::Vi) => "Thang 5 mức hài lòng",
        (P::Scale5, Lang::En) => "5-point satisfaction scale",
        (P::Number, Lang::Vi) => "Nhập số",
        (P::Number, Lang::En) => "Number",
        (P::Text, Lang::Vi) => "Ghi ý kiến",
        (P::Text, Lang::En) => "Written answer",
    }
}

pub fn type_name(kind: ItemType, lang: Lang) -> &'static str {
    match (kind, lang) {
        (ItemType::Single, Lang::Vi) => "Chọn một",
        (ItemType::Single, Lang::En) => "Single choice",
        (ItemType::Multiple, Lang::Vi) => "Chọn nhiều",
        (ItemType::Multiple, Lang::En) => "Multiple choice",
        (ItemType::Scale, Lang::Vi) => "Thang điểm",
        (ItemType::Scale, Lang::En) => "Scale",
        (ItemType::Number, Lang::Vi) => "Nhập số",
        (ItemType::Number, Lang::En) => "Number",
        (ItemType::Text, Lang::Vi) => "Ghi ý kiến",
        (ItemType::Text, Lang::En) => "Written answer",
    }
}

/// What the rule counts against: the electorate the officer enters at setup (domain brief,
/// "Who votes, and the denominator").
pub fn electorate_name(preset: Preset, lang: Lang) -> &'static str {
    match (preset, lang) {
        (Preset::TwoThirdsHouseholds | Preset::MajorityHouseholds, Lang::Vi) => {
            "tổng số hộ gia đình (mỗi hộ một đại diện), không phải số người có mặt"
        }
        (Preset::TwoThirdsHouseholds | Preset::MajorityHouseholds, Lang::En) => {
            "all households (one representative each), not those present"
        }
        (Preset::MajorityPresent, Lang::Vi) => "số người có mặt tại cuộc họp",
        (Preset::MajorityPresent, Lang::En) => "those present at the meeting",
        (Preset::ConfidenceRating | Preset::ConfidenceVote, Lang::Vi) => "tổng số đại biểu",
        (Preset::ConfidenceRating | Preset::ConfidenceVote, Lang::En) => "all delegates",
        (Preset::Conference, Lang::Vi) => {
            "số người được triệu tập (hội nghị hợp lệ) và số người dự (thông qua)"
        }
        (Preset::Conference, Lang::En) => {
            "those convened (for a valid conference) and attendees (to pass)"
        }
        (Preset::None, Lang::Vi) => "tổng số hộ hoặc người được hỏi (để tính tỷ lệ)",
        (Preset::None, Lang::En) => "all households or people asked (for the shares)",
    }
}
