//! The words for a decision's matter and a board's seats (bundle format 2): each matter in the
//! law's words and the rule the law gives it, with its article; and the setup page's words for
//! the ways into the designer and the XLSForm import.

use phieu_core::{Lang, Matter};

include!(concat!(env!("OUT_DIR"), "/i18n/designer_matter.rs"));

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

include!(concat!(env!("OUT_DIR"), "/i18n/designer_setup.rs"));
