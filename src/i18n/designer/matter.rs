//! The words for a decision's matter and a board's seats (bundle format 2): each matter in the
//! law's words and the rule the law gives it, with its article; and the setup page's words for
//! the ways into the designer and the XLSForm import.

use phieu_core::{Lang, Matter};

/// The designer's words for a decision's matter and a board's seats (bundle format 2).
pub struct MatterWords {
    pub matter_legend: &'static str,
    pub matter_hint: &'static str,
    /// The rule that follows from the chosen matter, before its sentence.
    pub rule_follows: &'static str,
    /// A decision taken at a village meeting: valid only with more than half of the households.
    pub quorum_note: &'static str,
    pub pick_matter: &'static str,
    /// "The matter … is decided by another rule: …" (a file whose preset does not fit).
    pub preset_not_for_matter: &'static str,
    pub seats: &'static str,
    pub seats_hint: &'static str,
    pub seats_missing: &'static str,
    pub board_candidate: &'static str,
    pub candidates: &'static str,
}

const MATTER_VI: MatterWords = MatterWords {
    matter_legend: "Việc cần biểu quyết",
    matter_hint: "Luật quy định cách tính kết quả theo từng việc: chọn đúng việc, cách tính đi theo.",
    rule_follows: "Cách tính kết quả",
    quorum_note: "Cuộc họp chỉ hợp lệ khi có trên 50% tổng số đại diện hộ gia đình tham dự; số người có mặt nhập khi chuẩn bị cuộc họp.",
    pick_matter: "Hãy chọn việc cần biểu quyết: cách tính kết quả theo luật đi theo việc đó.",
    preset_not_for_matter: "Việc này được quyết định theo cách tính khác: {rule}.",
    seats: "Số thành viên cần bầu",
    seats_hint: "Mỗi người bầu giữ lại nhiều nhất chừng này tên, gạch các tên còn lại.",
    seats_missing: "Hãy nhập số thành viên cần bầu.",
    board_candidate: "Bầu thành viên ban: mỗi lựa chọn là tên một ứng cử viên, không dùng Đồng ý / Không đồng ý.",
    candidates: "Ứng cử viên",
};

const MATTER_EN: MatterWords = MatterWords {
    matter_legend: "What is decided",
    matter_hint: "The law sets how the result is decided for each matter: choose the matter, and its rule follows.",
    rule_follows: "How the result is decided",
    quorum_note: "The meeting is valid only when more than 50% of all household representatives attend; the number present is entered when the meeting is prepared.",
    pick_matter: "Choose what is decided: the rule the law gives that matter follows from it.",
    preset_not_for_matter: "This matter is decided by another rule: {rule}.",
    seats: "Number of members to elect",
    seats_hint: "Each voter keeps at most this many names and crosses out the others.",
    seats_missing: "Enter the number of members to elect.",
    board_candidate: "A board election: each option is a candidate's name, not Agree / Disagree.",
    candidates: "Candidates",
};

/// The words for matters and seats in `lang`.
pub fn matter_words(lang: Lang) -> &'static MatterWords {
    match lang {
        Lang::Vi => &MATTER_VI,
        Lang::En => &MATTER_EN,
    }
}

/// A matter as the officer reads it: what is decided, in the law's words (L 15, D59 3.5, L 51).
pub fn matter_name(matter: Matter, lang: Lang) -> &'static str {
    match (matter, lang) {
        (Matter::Contribution, Lang::Vi) => "Đóng góp xây dựng công trình, thu chi",
        (Matter::Contribution, Lang::En) => {
            "Contributions to public works; collecting and spending them"
        }
        (Matter::VillageRules, Lang::Vi) => "Hương ước, quy ước",
        (Matter::VillageRules, Lang::En) => "Village rules (hương ước, quy ước)",
        (Matter::VillageHead, Lang::Vi) => "Bầu, cho thôi làm Trưởng thôn",
        (Matter::VillageHead, Lang::En) => "Electing or relieving the village head",
        (Matter::Boards, Lang::Vi) => {
            "Bầu, cho thôi làm thành viên Ban Thanh tra nhân dân / Ban Giám sát đầu tư của cộng đồng"
        }
        (Matter::Boards, Lang::En) => {
            "Electing or relieving members of the People's Inspection Board / Community Investment Supervision Board"
        }
        (Matter::SelfGovernance, Lang::Vi) => "Việc khác cộng đồng tự quyết",
        (Matter::SelfGovernance, Lang::En) => "Other matters the community decides itself",
        (Matter::Procedural, Lang::Vi) => {
            "Việc thủ tục của cuộc họp (thư ký, ban kiểm phiếu, cách biểu quyết)"
        }
        (Matter::Procedural, Lang::En) => {
            "The meeting's own procedure (secretary, counting board, how to vote)"
        }
        (Matter::Conference, Lang::Vi) => "Hội nghị cán bộ, công chức, người lao động",
        (Matter::Conference, Lang::En) => "Staff or workers' conference of an agency or enterprise",
    }
}

/// The rule the law gives `matter`, in words, with the article it comes from as docs/legal.md
/// records it (§1–3, §11). Never a preset id.
pub fn matter_rule(matter: Matter, lang: Lang) -> &'static str {
    match (matter, lang) {
        (Matter::Contribution, Lang::Vi) => {
            "Được thông qua khi từ 2/3 tổng số đại diện hộ gia đình trở lên đồng ý (khoản 1, 2 Điều 15; khoản 1 Điều 21 Luật 10/2022/QH15)"
        }
        (Matter::Contribution, Lang::En) => {
            "Passes when at least 2/3 of all household representatives agree (Art. 15.1-2; Art. 21.1, Law 10/2022/QH15)"
        }
        (Matter::VillageRules, Lang::Vi) => {
            "Được thông qua khi trên 50% tổng số đại diện hộ gia đình đồng ý (khoản 3 Điều 15 Luật 10/2022/QH15; Điều 10 Nghị định 61/2023/NĐ-CP)"
        }
        (Matter::VillageRules, Lang::En) => {
            "Passes when more than 50% of all household representatives agree (Art. 15.3, Law 10/2022/QH15; Art. 10, Decree 61/2023/ND-CP)"
        }
        (Matter::VillageHead, Lang::Vi) => {
            "Được thông qua khi trên 50% tổng số đại diện hộ gia đình đồng ý (khoản 4 Điều 15, khoản 1 Điều 21 Luật 10/2022/QH15; Điều 9 Nghị định 59/2023/NĐ-CP)"
        }
        (Matter::VillageHead, Lang::En) => {
            "Passes when more than 50% of all household representatives agree (Art. 15.4, Art. 21.1, Law 10/2022/QH15; Art. 9, Decree 59/2023/ND-CP)"
        }
        (Matter::Boards, Lang::Vi) => {
            "Được thông qua khi trên 50% tổng số đại diện hộ gia đình đồng ý (khoản 5 Điều 15, khoản 1 Điều 21 Luật 10/2022/QH15)"
        }
        (Matter::Boards, Lang::En) => {
            "Passes when more than 50% of all household representatives agree (Art. 15.5, Art. 21.1, Law 10/2022/QH15)"
        }
        (Matter::SelfGovernance, Lang::Vi) => {
            "Được thông qua khi trên 50% tổng số đại diện hộ gia đình đồng ý (khoản 6 Điều 15, khoản 1 Điều 21 Luật 10/2022/QH15)"
        }
        (Matter::SelfGovernance, Lang::En) => {
            "Passes when more than 50% of all household representatives agree (Art. 15.6, Art. 21.1, Law 10/2022/QH15)"
        }
        (Matter::Procedural, Lang::Vi) => {
            "Được thông qua khi trên 50% số đại diện hộ gia đình có mặt đồng ý (khoản 5 Điều 3 Nghị định 59/2023/NĐ-CP)"
        }
        (Matter::Procedural, Lang::En) => {
            "Passes when more than 50% of the household representatives present agree (Art. 3.5, Decree 59/2023/ND-CP)"
        }
        (Matter::Conference, Lang::Vi) => {
            "Hội nghị hợp lệ khi có từ 2/3 số người được triệu tập trở lên; được thông qua khi trên 50% số người dự hội nghị đồng ý (Điều 51, khoản 2 Điều 69 Luật 10/2022/QH15)"
        }
        (Matter::Conference, Lang::En) => {
            "Valid when at least 2/3 of those convened attend; passes when more than 50% of attendees agree (Art. 51, Art. 69.2, Law 10/2022/QH15)"
        }
    }
}

/// The words of the setup page's ways into the designer and the XLSForm import.
pub struct SetupWords {
    pub design: &'static str,
    pub design_hint: &'static str,
    pub xlsform_label: &'static str,
    pub xlsform_hint: &'static str,
    pub reading: &'static str,
    /// "“{file}”: {n} problems to fix in the form; nothing was changed here:" (each problem is
    /// one cause, with its rows).
    pub problems: &'static str,
    /// The same with one problem ("1 problem").
    pub one_problem: &'static str,
    /// "“{file}” is ready, {n} questions. Left out:".
    pub imported: &'static str,
    /// The same with one question.
    pub imported_one: &'static str,
    pub left_out: &'static str,
    /// A form without Vietnamese labels, opened in the designer (issue 23, item 6).
    pub needs_vietnamese: &'static str,
}

const SETUP_VI: SetupWords = SetupWords {
    design: "Soạn phiếu",
    design_hint: "Tự soạn phiếu mới, hoặc sửa một bản sao của phiếu đang chọn.",
    xlsform_label: "Biểu mẫu XLSForm (.xlsx, Kobo/ODK)",
    xlsform_hint: "Phiếu lấy ý kiến soạn sẵn trên Kobo hoặc ODK. Xã và thôn lấy từ trang tính settings (cột commune, village).",
    reading: "Đang đọc biểu mẫu…",
    problems: "«{file}»: biểu mẫu có {n} chỗ cần sửa; chưa có gì thay đổi ở đây. Sửa trong Excel rồi chọn lại tệp:",
    one_problem: "«{file}»: biểu mẫu có 1 chỗ cần sửa; chưa có gì thay đổi ở đây. Sửa trong Excel rồi chọn lại tệp:",
    imported: "Đã nhập «{file}»: {n} câu hỏi.",
    imported_one: "Đã nhập «{file}»: 1 câu hỏi.",
    left_out: "Những phần không đưa vào phiếu, và cảnh báo:",
    needs_vietnamese: "«{file}» chưa có nhãn tiếng Việt: đang mở phần soạn phiếu, đánh dấu từng nhãn tiếng Việt cần viết trước khi dùng phiếu ở cuộc họp.",
};

const SETUP_EN: SetupWords = SetupWords {
    design: "Design a poll",
    design_hint: "Make a new poll yourself, or edit a copy of the chosen one.",
    xlsform_label: "XLSForm (.xlsx, Kobo/ODK)",
    xlsform_hint: "An opinion survey made in Kobo or ODK. The commune and village come from the settings sheet (columns commune, village).",
    reading: "Reading the form…",
    problems: "“{file}”: {n} problems to fix in the form; nothing was changed here. Fix them in Excel and choose the file again:",
    one_problem: "“{file}”: 1 problem to fix in the form; nothing was changed here. Fix it in Excel and choose the file again:",
    imported: "Imported “{file}”: {n} questions.",
    imported_one: "Imported “{file}”: 1 question.",
    left_out: "Left out of the poll, and warnings:",
    needs_vietnamese: "“{file}” has no Vietnamese labels: opening the poll designer, with every Vietnamese label to write marked, before the poll can be used at a meeting.",
};

/// The setup page's words for the designer and the XLSForm import, in `lang`.
pub fn setup_words(lang: Lang) -> &'static SetupWords {
    match lang {
        Lang::Vi => &SETUP_VI,
        Lang::En => &SETUP_EN,
    }
}
