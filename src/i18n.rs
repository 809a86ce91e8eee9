//! The app's own words in Vietnamese and English.
//!
//! Poll texts come with the poll ([`phieu_core::Text`]); errors from the core render
//! themselves through `message(lang)`. Everything else the interface says is here, in one
//! table per language, so a missing translation is a compile error rather than a blank.

use phieu_core::{Lang, Poll, PollKind, Preset};

pub mod designer;
pub mod field;
pub mod hands;
pub mod kiosk;
pub mod paper;
pub mod past;
pub mod results;
pub mod speech;
pub mod upload;

/// Every fixed string of the interface, in one language.
pub struct Strings {
    pub app_name: &'static str,
    pub tagline: &'static str,
    pub switch_to: &'static str,
    pub switch_to_label: &'static str,
    pub loading_poll: &'static str,
    pub poll_failed: &'static str,
    pub retry: &'static str,
    pub place: &'static str,
    pub rule: &'static str,
    pub question: &'static str,
    pub required: &'static str,
    pub optional: &'static str,
    pub free_text_hint: &'static str,
    pub poll_fingerprint: &'static str,
    /// Above the setup page's preview of the ballot: it is for reading, nothing to press.
    pub preview_note: &'static str,
    pub nav_label: &'static str,
    pub nav_home: &'static str,
    pub nav_verify: &'static str,
    pub nav_merge: &'static str,
    pub nav_meetings: &'static str,
}

const VI: Strings = Strings {
    app_name: "Phiếu",
    tagline: "Biểu quyết và lấy ý kiến tại thôn, tổ dân phố",
    switch_to: "English",
    switch_to_label: "Chuyển sang tiếng Anh",
    loading_poll: "Đang tải phiếu…",
    poll_failed: "Không mở được phiếu",
    retry: "Thử lại",
    place: "Địa bàn",
    rule: "Cách tính kết quả",
    question: "Câu hỏi",
    required: "Bắt buộc",
    optional: "Không bắt buộc",
    free_text_hint: "kèm ô ghi ý kiến",
    poll_fingerprint: "Mã kiểm tra nội dung phiếu (SHA-256)",
    preview_note: "Xem trước phiếu như cử tri sẽ thấy (ở đây chỉ để xem, không bấm chọn được).",
    nav_label: "Các trang",
    nav_home: "Cuộc họp",
    nav_verify: "Kiểm chứng tệp kết quả",
    nav_merge: "Gộp kết quả",
    nav_meetings: "Các cuộc họp",
};

const EN: Strings = Strings {
    app_name: "Phieu",
    tagline: "Village votes and opinion surveys",
    switch_to: "Tiếng Việt",
    switch_to_label: "Switch to Vietnamese",
    loading_poll: "Loading the poll…",
    poll_failed: "The poll could not be opened",
    retry: "Try again",
    place: "Place",
    rule: "How the result is decided",
    question: "Question",
    required: "Required",
    optional: "Optional",
    free_text_hint: "with a field for your opinion",
    poll_fingerprint: "Poll check code (SHA-256)",
    preview_note: "A preview of the ballot as voters will see it (for reading only: nothing here can be chosen).",
    nav_label: "Pages",
    nav_home: "Meeting",
    nav_verify: "Verify a results file",
    nav_merge: "Merge results",
    nav_meetings: "Meetings",
};

/// Who makes up a poll's electorate, which names its denominator on the setup form, the
/// results and the minutes (domain brief, "Who votes, and the denominator"): never "cử tri
/// (hộ)" for the delegates of a People's Council or the staff of a conference.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Electors {
    /// One representative per household of the village or residential group (L 18.2).
    Households,
    /// The delegates of a People's Council: confidence ratings and votes (L87 63-64).
    Delegates,
    /// Those convened to an agency or enterprise staff conference (L 51, L 69).
    Convened,
    /// The households or people an opinion survey asks.
    Asked,
}

impl Electors {
    pub fn of(poll: &Poll) -> Electors {
        match (poll.kind(), poll.rule().preset()) {
            (PollKind::ConfidenceRating | PollKind::ConfidenceVote, _) => Electors::Delegates,
            (_, Preset::Conference) => Electors::Convened,
            (_, Preset::None) => Electors::Asked,
            _ => Electors::Households,
        }
    }
}

/// The interface's words in `lang`.
pub fn strings(lang: Lang) -> &'static Strings {
    match lang {
        Lang::Vi => &VI,
        Lang::En => &EN,
    }
}

/// The other language, for the switch button.
pub fn other(lang: Lang) -> Lang {
    match lang {
        Lang::Vi => Lang::En,
        Lang::En => Lang::Vi,
    }
}

/// The rule preset in words, with the article it comes from (domain brief, "Rule presets").
pub fn rule_name(preset: Preset, lang: Lang) -> &'static str {
    match (preset, lang) {
        (Preset::TwoThirdsHouseholds, Lang::Vi) => {
            "Được thông qua khi từ 2/3 tổng số đại diện hộ gia đình trở lên đồng ý (khoản 1 Điều 21 Luật 10/2022/QH15)"
        }
        (Preset::TwoThirdsHouseholds, Lang::En) => {
            "Passes when at least 2/3 of all household representatives agree (Art. 21.1, Law 10/2022/QH15)"
        }
        (Preset::MajorityHouseholds, Lang::Vi) => {
            "Được thông qua khi trên 50% tổng số đại diện hộ gia đình đồng ý (khoản 1 Điều 21 Luật 10/2022/QH15)"
        }
        (Preset::MajorityHouseholds, Lang::En) => {
            "Passes when more than 50% of all household representatives agree (Art. 21.1, Law 10/2022/QH15)"
        }
        (Preset::MajorityPresent, Lang::Vi) => {
            "Được thông qua khi trên 1/2 số người có mặt đồng ý (khoản 5 Điều 3 Nghị định 59/2023/NĐ-CP)"
        }
        (Preset::MajorityPresent, Lang::En) => {
            "Passes when more than half of those present agree (Decree 59/2023, Art. 3.5)"
        }
        (Preset::ConfidenceRating, Lang::Vi) => {
            "Lấy phiếu tín nhiệm: tính trên tổng số đại biểu (Nghị quyết 96/2023/QH15)"
        }
        (Preset::ConfidenceRating, Lang::En) => {
            "Confidence rating, counted against all delegates (Resolution 96/2023/QH15)"
        }
        (Preset::ConfidenceVote, Lang::Vi) => {
            "Bỏ phiếu tín nhiệm: quá 1/2 tổng số đại biểu không tín nhiệm thì trình miễn nhiệm (Nghị quyết 96/2023/QH15)"
        }
        (Preset::ConfidenceVote, Lang::En) => {
            "Confidence vote: when more than half of all delegates vote no confidence, dismissal is proposed (Resolution 96/2023/QH15)"
        }
        (Preset::Conference, Lang::Vi) => {
            "Hội nghị hợp lệ khi có ít nhất 2/3 số người được triệu tập; thông qua khi trên 1/2 số người dự đồng ý (Điều 51 Luật 10/2022/QH15)"
        }
        (Preset::Conference, Lang::En) => {
            "Valid with at least 2/3 of those convened; passes when more than half of attendees agree (Art. 51, Law 10/2022/QH15)"
        }
        (Preset::None, Lang::Vi) => "Lấy ý kiến: không biểu quyết, chỉ tổng hợp ý kiến",
        (Preset::None, Lang::En) => "Opinion survey: no decision, answers are summarised",
    }
}

#[cfg(test)]
mod tests {
    use phieu_core::{Lang, Poll};

    use super::Electors as E;
    use crate::i18n::results::electorate_words;

    fn template(file: &str) -> Poll {
        let path = format!("{}/assets/templates/{file}", env!("CARGO_MANIFEST_DIR"));
        let json = std::fs::read_to_string(&path).expect("the template is readable");
        Poll::from_json(&json).expect("the template is a poll")
    }

    /// Issue 16, item 10: delegates and conference staff are never named "cử tri (hộ)" or
    /// households (the minutes' words are the core's: `phieu_core::minutes::layout`).
    #[test]
    fn the_electorate_is_named_for_who_votes() {
        for (file, electors, total_vi) in [
            ("huong-uoc.json", E::Households, "Tổng số hộ gia đình"),
            ("bau-truong-thon.json", E::Households, "Tổng số hộ gia đình"),
            ("lay-phieu-tin-nhiem.json", E::Delegates, "Tổng số đại biểu"),
            ("bo-phieu-tin-nhiem.json", E::Delegates, "Tổng số đại biểu"),
            (
                "hoi-nghi-can-bo.json",
                E::Convened,
                "Tổng số người được triệu tập",
            ),
            (
                "khao-sat-mttq.json",
                E::Asked,
                "Tổng số hộ, người được lấy ý kiến",
            ),
        ] {
            assert_eq!(E::of(&template(file)), electors, "{file}");
            assert_eq!(
                electorate_words(electors, Lang::Vi).total,
                total_vi,
                "{file}"
            );
        }
    }
}
