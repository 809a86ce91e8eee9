//! The words of the poll designer, and the designer's wording of the core's poll errors: the
//! core decides what is wrong and where (`PollError`); here a few of its reasons are said the
//! way an officer who never saw the JSON understands them (question numbers instead of ids,
//! the option names instead of their ids). Every other reason is the core's own message.

use phieu_core::{Lang, Matter, PollErrorKind, PollKind, Preset};

use crate::state::designer::{
    Draft, Field, FieldProblem, ItemField, ItemPreset, ItemType, KeptShowIf, Problem,
};

pub struct Words {
    pub title: &'static str,
    pub intro: &'static str,
    pub drafts_heading: &'static str,
    pub loading_drafts: &'static str,
    pub no_drafts: &'static str,
    pub untitled: &'static str,
    /// "{n} questions".
    pub item_count: &'static str,
    /// "saved {time}".
    pub saved_at: &'static str,
    pub open: &'static str,
    pub delete: &'static str,
    pub delete_for_good: &'static str,
    pub keep: &'static str,
    /// "{n} drafts could not be read".
    pub unreadable: &'static str,
    pub new_heading: &'static str,
    pub blank_heading: &'static str,
    pub blank_hint: &'static str,
    pub template_heading: &'static str,
    pub loading_templates: &'static str,
    pub copy_heading: &'static str,
    pub copy_hint: &'static str,
    pub import_label: &'static str,
    pub import_hint: &'static str,
    // Editor
    pub editor_label: &'static str,
    pub to_list: &'static str,
    pub saved: &'static str,
    pub saving: &'static str,
    pub save_failed: &'static str,
    pub save_again: &'static str,
    pub preview: &'static str,
    pub export: &'static str,
    pub use_poll: &'static str,
    pub not_ready: &'static str,
    pub go_to_problem: &'static str,
    /// "{n} more to fix after it".
    pub more_problems: &'static str,
    pub ready: &'static str,
    pub fingerprint: &'static str,
    pub frozen_note: &'static str,
    pub about_heading: &'static str,
    pub poll_title: &'static str,
    pub subject: &'static str,
    pub subject_hint: &'static str,
    pub in_vi: &'static str,
    pub in_en: &'static str,
    /// Under an English field written before the Vietnamese beside it changed.
    pub en_stale: &'static str,
    pub commune: &'static str,
    pub village: &'static str,
    pub village_hint: &'static str,
    pub advanced: &'static str,
    pub poll_id: &'static str,
    pub id_hint: &'static str,
    pub rule_heading: &'static str,
    pub kind_legend: &'static str,
    pub rule_legend: &'static str,
    pub electorate: &'static str,
    pub electorate_note: &'static str,
    pub target_legend: &'static str,
    pub target_on: &'static str,
    pub target_item: &'static str,
    pub target_pick: &'static str,
    pub target_options: &'static str,
    pub target_numerator: &'static str,
    pub target_denominator: &'static str,
    pub target_hint: &'static str,
    pub target_hint_ballots: &'static str,
    pub target_of_ballots: &'static str,
    pub items_heading: &'static str,
    pub no_items: &'static str,
    pub add_item: &'static str,
    // One question
    /// "Question {n}".
    pub question_n: &'static str,
    pub decided: &'static str,
    /// "Move question {n} up".
    pub move_up: &'static str,
    pub move_down: &'static str,
    /// "Drag question {n} to another place".
    pub drag: &'static str,
    pub delete_item: &'static str,
    /// "Delete question {n}?".
    pub delete_item_confirm: &'static str,
    pub delete_item_yes: &'static str,
    pub item_type: &'static str,
    pub question_text: &'static str,
    pub required: &'static str,
    pub person_name: &'static str,
    pub person_position: &'static str,
    pub options: &'static str,
    /// "Option {n}".
    pub option_n: &'static str,
    pub add_option: &'static str,
    pub free_text: &'static str,
    pub value: &'static str,
    pub locked_option: &'static str,
    pub standard_options: &'static str,
    /// "Move option {n} up".
    pub option_up: &'static str,
    pub option_down: &'static str,
    /// "Delete option {n}".
    pub delete_option: &'static str,
    pub choose_min: &'static str,
    pub choose_max: &'static str,
    pub choose_hint: &'static str,
    pub number_min: &'static str,
    pub number_max: &'static str,
    pub max_len: &'static str,
    pub max_len_hint: &'static str,
    pub show_if: &'static str,
    pub always: &'static str,
    /// "Only after question {n}: {label}".
    pub only_after: &'static str,
    pub answers: &'static str,
    /// Said on a question whose combined condition (from an imported form) is kept as it is.
    pub kept_condition: &'static str,
    /// The choice of condition that stands for the kept one.
    pub kept_option: &'static str,
    /// " và " / " and ", " hoặc " / " or ": how the kept condition is put in words.
    pub kept_and: &'static str,
    pub kept_or: &'static str,
    pub item_id: &'static str,
    pub option_id: &'static str,
    // Preview
    pub preview_banner: &'static str,
    pub back_to_editor: &'static str,
    pub preview_done: &'static str,
    pub preview_again: &'static str,
    // Problems said by the designer
    /// "“{text}” is not a whole number."
    pub not_a_number: &'static str,
    pub pick_condition_answer: &'static str,
    /// "Question {n} must come before this one …".
    pub condition_below: &'static str,
    /// "Question {n} has no options to test …".
    pub condition_not_choosable: &'static str,
    pub decided_shown_to_all: &'static str,
    /// "This question must offer: {list}".
    pub wrong_options: &'static str,
    /// "… at least one question the rule decides ({kind})".
    pub no_decided_item: &'static str,
    pub person_required: &'static str,
    pub number_bound_missing: &'static str,
    pub value_missing: &'static str,
    pub free_text_not_here: &'static str,
    pub pick_target_item: &'static str,
}

const VI: Words = Words {
    title: "Soạn phiếu",
    intro: "Tự soạn phiếu biểu quyết hoặc phiếu lấy ý kiến, không cần viết tệp: bắt đầu từ một mẫu có sẵn hoặc từ phiếu trống. Bản nháp được lưu trên máy này trong khi gõ.",
    drafts_heading: "Bản nháp trên máy này",
    loading_drafts: "Đang đọc các bản nháp…",
    no_drafts: "Chưa có bản nháp nào.",
    untitled: "(chưa đặt tiêu đề)",
    item_count: "{n} câu hỏi",
    saved_at: "lưu lúc {time}",
    open: "Mở",
    delete: "Xóa",
    delete_for_good: "Xóa hẳn bản nháp",
    keep: "Giữ lại",
    unreadable: "Có {n} bản nháp do phiên bản khác của phieu tạo, không đọc được ở đây; chúng vẫn được giữ nguyên.",
    new_heading: "Bắt đầu phiếu mới",
    blank_heading: "Phiếu trống",
    blank_hint: "Chọn loại phiếu. Loại phiếu quyết định cách tính kết quả theo Luật Thực hiện dân chủ ở cơ sở.",
    template_heading: "Từ mẫu có sẵn",
    loading_templates: "Đang tải danh sách mẫu…",
    copy_heading: "Sửa bản sao của phiếu đang chọn",
    copy_hint: "Phiếu đang chọn không thay đổi: bạn sửa một bản sao.",
    import_label: "Mở tệp phiếu (.json)",
    import_hint: "Tệp đã tải về từ trang này, hoặc tệp phiếu theo định dạng của phieu.",
    editor_label: "Soạn phiếu",
    to_list: "Các bản nháp",
    saved: "Đã lưu trên máy này",
    saving: "Đang lưu…",
    save_failed: "Chưa lưu được bản nháp",
    save_again: "Lưu lại",
    preview: "Xem thử",
    export: "Tải tệp JSON",
    use_poll: "Dùng phiếu này cho cuộc họp",
    not_ready: "Phiếu chưa dùng được. Cần sửa:",
    go_to_problem: "Đến chỗ cần sửa",
    more_problems: "Còn {n} chỗ khác cần sửa.",
    ready: "Phiếu hợp lệ, sẵn sàng dùng.",
    fingerprint: "Mã kiểm tra nội dung phiếu",
    frozen_note: "Khi dùng cho cuộc họp, nội dung phiếu được cố định (mã kiểm tra không đổi nữa). Sửa bản nháp này sau đó không ảnh hưởng đến cuộc họp.",
    about_heading: "Thông tin phiếu",
    poll_title: "Tiêu đề phiếu",
    subject: "Về việc (ghi trong biên bản kiểm phiếu)",
    subject_hint: "Ví dụ: đóng góp xây dựng nhà văn hóa thôn năm 2027",
    in_vi: "Tiếng Việt",
    in_en: "Tiếng Anh (không bắt buộc)",
    en_stale: "Tiếng Việt đã sửa sau khi viết tiếng Anh: hãy xem lại tiếng Anh cho khớp.",
    commune: "Xã, phường",
    village: "Thôn, tổ dân phố",
    village_hint: "Để trống nếu lấy ý kiến toàn xã.",
    advanced: "Nâng cao: mã dùng trong tệp",
    poll_id: "Mã phiếu",
    id_hint: "Chữ thường không dấu, số, dấu '-' hoặc '_'.",
    rule_heading: "Loại phiếu và cách tính kết quả",
    kind_legend: "Loại phiếu",
    rule_legend: "Cách tính kết quả",
    electorate: "Tính trên",
    electorate_note: "Con số này nhập khi chuẩn bị cuộc họp.",
    target_legend: "Chỉ tiêu (không bắt buộc)",
    target_on: "Đặt chỉ tiêu cho một câu hỏi",
    target_item: "Câu hỏi tính chỉ tiêu",
    target_pick: "— Chọn câu hỏi —",
    target_options: "Các câu trả lời được tính",
    target_numerator: "Đạt chỉ tiêu khi ít nhất",
    target_denominator: "trên",
    target_hint: "Ví dụ 90 trên 100: ít nhất 90% tổng số hộ chọn các câu trả lời trên.",
    target_hint_ballots: "Ví dụ 90 trên 100: ít nhất 90% số phiếu thu về chọn các câu trả lời trên.",
    target_of_ballots: "Tính trên số phiếu thu về (không phải tổng số hộ)",
    items_heading: "Các câu hỏi",
    no_items: "Chưa có câu hỏi nào. Thêm câu hỏi bằng các nút bên dưới.",
    add_item: "Thêm câu hỏi",
    question_n: "Câu {n}",
    decided: "Biểu quyết theo quy tắc",
    move_up: "Chuyển câu {n} lên",
    move_down: "Chuyển câu {n} xuống",
    drag: "Kéo câu {n} đến chỗ khác",
    delete_item: "Xóa câu hỏi",
    delete_item_confirm: "Xóa câu {n}?",
    delete_item_yes: "Xóa câu này",
    item_type: "Kiểu câu hỏi",
    question_text: "Nội dung câu hỏi",
    required: "Bắt buộc trả lời",
    person_name: "Họ và tên",
    person_position: "Chức vụ",
    options: "Các lựa chọn",
    option_n: "Lựa chọn {n}",
    add_option: "Thêm lựa chọn",
    free_text: "Kèm ô ghi ý kiến",
    value: "Điểm",
    locked_option: "Quy tắc đếm lựa chọn này: chỉ sửa được chữ.",
    standard_options: "Đặt các lựa chọn theo quy tắc",
    option_up: "Chuyển lựa chọn {n} lên",
    option_down: "Chuyển lựa chọn {n} xuống",
    delete_option: "Xóa lựa chọn {n}",
    choose_min: "Chọn ít nhất",
    choose_max: "Chọn nhiều nhất",
    choose_hint: "Để trống: không giới hạn.",
    number_min: "Số nhỏ nhất",
    number_max: "Số lớn nhất",
    max_len: "Số chữ tối đa",
    max_len_hint: "Để trống: 500.",
    show_if: "Hiện câu này",
    always: "Luôn hiện",
    only_after: "Chỉ khi câu {n} được trả lời: {label}",
    answers: "…bằng một trong các câu trả lời:",
    kept_condition: "Câu này có điều kiện ghép nhiều câu trả lời (từ biểu mẫu đã nhập). Điều kiện được giữ nguyên vì ở đây chưa sửa được; chọn điều kiện khác sẽ thay nó. Hiện khi:",
    kept_option: "Điều kiện ghép (giữ nguyên)",
    kept_and: " và ",
    kept_or: " hoặc ",
    item_id: "Mã câu hỏi",
    option_id: "Mã lựa chọn {n}",
    preview_banner: "XEM THỬ — phiếu này không được lưu, không được đếm",
    back_to_editor: "Quay lại soạn",
    preview_done: "Hết phiếu xem thử. Không có gì được lưu hay được đếm.",
    preview_again: "Xem thử lại từ đầu",
    not_a_number: "“{text}” không phải số nguyên.",
    pick_condition_answer: "Hãy chọn ít nhất một câu trả lời.",
    condition_below: "Câu {n} phải đứng trước câu này: chọn câu khác, hoặc chuyển câu này xuống dưới câu {n}.",
    condition_not_choosable: "Câu {n} không có lựa chọn để làm điều kiện (chỉ câu chọn một, chọn nhiều hoặc thang điểm).",
    decided_shown_to_all: "Câu biểu quyết theo quy tắc phải hiện cho mọi người: chọn «Luôn hiện».",
    wrong_options: "Câu này phải có các lựa chọn: {list}.",
    no_decided_item: "Phiếu {kind} cần ít nhất một câu biểu quyết theo quy tắc.",
    person_required: "Hãy ghi họ tên người được lấy phiếu.",
    number_bound_missing: "Hãy nhập một số.",
    value_missing: "Hãy nhập điểm của mức này.",
    free_text_not_here: "Lựa chọn ở câu kiểu này không kèm ô ghi ý kiến được.",
    pick_target_item: "Hãy chọn câu hỏi tính chỉ tiêu.",
};

const EN: Words = Words {
    title: "Design a poll",
    intro: "Make your own ballot or survey without writing a file: start from a ready-made template or a blank poll. Drafts are saved on this device as you type.",
    drafts_heading: "Drafts on this device",
    loading_drafts: "Reading the drafts…",
    no_drafts: "No drafts yet.",
    untitled: "(no title yet)",
    item_count: "{n} questions",
    saved_at: "saved {time}",
    open: "Open",
    delete: "Delete",
    delete_for_good: "Delete the draft for good",
    keep: "Keep it",
    unreadable: "{n} drafts were made by another version of phieu and cannot be read here; they are kept as they are.",
    new_heading: "Start a new poll",
    blank_heading: "Blank poll",
    blank_hint: "Choose the kind of poll. The kind sets how the result is decided under the Law on Implementing Grassroots Democracy.",
    template_heading: "From a template",
    loading_templates: "Loading the templates…",
    copy_heading: "Edit a copy of the chosen poll",
    copy_hint: "The chosen poll does not change: you edit a copy.",
    import_label: "Open a poll file (.json)",
    import_hint: "A file downloaded from this page, or any poll file in phieu's format.",
    editor_label: "Poll designer",
    to_list: "Drafts",
    saved: "Saved on this device",
    saving: "Saving…",
    save_failed: "The draft could not be saved",
    save_again: "Save again",
    preview: "Preview",
    export: "Download JSON",
    use_poll: "Use this poll for a meeting",
    not_ready: "The poll cannot be used yet. To fix:",
    go_to_problem: "Go to it",
    more_problems: "{n} more to fix.",
    ready: "The poll is valid and ready to use.",
    fingerprint: "Poll check code",
    frozen_note: "Once used for a meeting the poll is frozen (its check code no longer changes). Editing this draft afterwards does not change that meeting.",
    about_heading: "About the poll",
    poll_title: "Title of the poll",
    subject: "Subject (written in the counting minutes)",
    subject_hint: "For example: contributions to build the village cultural house in 2027",
    in_vi: "Vietnamese",
    in_en: "English (optional)",
    en_stale: "The Vietnamese was changed after the English was written: check that the English still matches.",
    commune: "Commune or ward",
    village: "Village or residential group",
    village_hint: "Leave empty for a commune-wide poll.",
    advanced: "Advanced: ids used in files",
    poll_id: "Poll id",
    id_hint: "Lower-case letters without accents, digits, '-' or '_'.",
    rule_heading: "Kind of poll and how the result is decided",
    kind_legend: "Kind of poll",
    rule_legend: "How the result is decided",
    electorate: "Counted against",
    electorate_note: "This number is entered when the meeting is prepared.",
    target_legend: "Target (optional)",
    target_on: "Set a target for one question",
    target_item: "Question the target counts",
    target_pick: "— Choose a question —",
    target_options: "Answers that count",
    target_numerator: "Met when at least",
    target_denominator: "out of",
    target_hint: "For example 90 out of 100: at least 90% of all households give one of these answers.",
    target_hint_ballots: "For example 90 out of 100: at least 90% of the forms collected give one of these answers.",
    target_of_ballots: "Count on the forms collected (not on all households)",
    items_heading: "Questions",
    no_items: "No questions yet. Add one with the buttons below.",
    add_item: "Add a question",
    question_n: "Question {n}",
    decided: "Decided by the rule",
    move_up: "Move question {n} up",
    move_down: "Move question {n} down",
    drag: "Drag question {n} to another place",
    delete_item: "Delete question",
    delete_item_confirm: "Delete question {n}?",
    delete_item_yes: "Delete it",
    item_type: "Type of question",
    question_text: "The question",
    required: "An answer is required",
    person_name: "Full name",
    person_position: "Position",
    options: "Options",
    option_n: "Option {n}",
    add_option: "Add an option",
    free_text: "With a field for the voter's own words",
    value: "Points",
    locked_option: "The rule counts this option: only its words can change.",
    standard_options: "Give it the options of the rule",
    option_up: "Move option {n} up",
    option_down: "Move option {n} down",
    delete_option: "Delete option {n}",
    choose_min: "Choose at least",
    choose_max: "Choose at most",
    choose_hint: "Empty: no limit.",
    number_min: "Smallest number",
    number_max: "Largest number",
    max_len: "Most characters",
    max_len_hint: "Empty: 500.",
    show_if: "Show this question",
    always: "Always",
    only_after: "Only when question {n} is answered: {label}",
    answers: "…with one of these answers:",
    kept_condition: "This question has a condition combining several answers (from the imported form). It is kept as it is, since it cannot be edited here; choosing another condition replaces it. Shown when:",
    kept_option: "Combined condition (kept as it is)",
    kept_and: " and ",
    kept_or: " or ",
    item_id: "Question id",
    option_id: "Id of option {n}",
    preview_banner: "PREVIEW — this ballot is not stored and not counted",
    back_to_editor: "Back to the designer",
    preview_done: "End of the preview. Nothing was stored or counted.",
    preview_again: "Preview again from the start",
    not_a_number: "“{text}” is not a whole number.",
    pick_condition_answer: "Choose at least one answer.",
    condition_below: "Question {n} must come before this one: choose another, or move this question below question {n}.",
    condition_not_choosable: "Question {n} has no options to test (only single, multiple or scale questions do).",
    decided_shown_to_all: "A question decided by the rule is shown to everyone: choose “Always”.",
    wrong_options: "This question must offer: {list}.",
    no_decided_item: "A {kind} poll needs at least one question decided by the rule.",
    person_required: "Write the name of the person this question is about.",
    number_bound_missing: "Enter a number.",
    value_missing: "Enter the points of this level.",
    free_text_not_here: "An option of this type of question cannot take the voter's own words.",
    pick_target_item: "Choose the question the target counts.",
};

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
};

/// The setup page's words for the designer and the XLSForm import, in `lang`.
pub fn setup_words(lang: Lang) -> &'static SetupWords {
    match lang {
        Lang::Vi => &SETUP_VI,
        Lang::En => &SETUP_EN,
    }
}

/// The designer's words in `lang`.
pub fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::Vi => &VI,
        Lang::En => &EN,
    }
}

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

/// The words of a standard option id, for "this question must offer …".
fn option_words(id: &str, lang: Lang) -> String {
    let (vi, en) = match id {
        "dong_y" => ("Đồng ý", "Agree"),
        "khong_dong_y" => ("Không đồng ý", "Disagree"),
        "tin_nhiem_cao" => ("Tín nhiệm cao", "High confidence"),
        "tin_nhiem" => ("Tín nhiệm", "Confidence"),
        "tin_nhiem_thap" => ("Tín nhiệm thấp", "Low confidence"),
        "khong_tin_nhiem" => ("Không tín nhiệm", "No confidence"),
        other => (other, other),
    };
    match lang {
        Lang::Vi => vi.to_owned(),
        Lang::En => en.to_owned(),
    }
}

/// The number shown for the item with id `id` ("3" for the third question), or the id itself.
fn question_number(draft: &Draft, id: &str) -> String {
    draft
        .items
        .iter()
        .position(|i| i.id == id)
        .map_or_else(|| id.to_owned(), |i| (i + 1).to_string())
}

/// The sentence shown next to a field for `problem`.
/// Where a problem is, named as the designer labels it ("Câu 2, lựa chọn 1", "Tiêu đề phiếu"),
/// for the summary at the top, which is far from the field (issue 22, item 8). `None` for a
/// problem of the poll as a whole or of its list of questions: the message says it.
pub fn problem_place(field: Field, lang: Lang) -> Option<String> {
    let w = words(lang);
    // The label without its parenthesis: "Về việc (ghi trong …)" is "Về việc".
    let short = |label: &str| label.split(" (").next().unwrap_or(label).to_owned();
    Some(match field {
        Field::Poll | Field::Items => return None,
        Field::PollId => w.poll_id.into(),
        Field::Kind => w.kind_legend.into(),
        Field::Preset => w.rule_legend.into(),
        Field::Title(_) => w.poll_title.into(),
        Field::Subject(_) => short(w.subject),
        Field::Commune => w.commune.into(),
        Field::Village => w.village.into(),
        Field::Matter => matter_words(lang).matter_legend.into(),
        Field::TargetItem | Field::TargetOptions | Field::TargetFraction => short(w.target_legend),
        Field::Item(i, ItemField::Option(j, _)) => format!(
            "{}, {}",
            w.question_n.replace("{n}", &(i + 1).to_string()),
            w.option_n
                .replace("{n}", &(j + 1).to_string())
                .to_lowercase()
        ),
        Field::Item(i, _) => w.question_n.replace("{n}", &(i + 1).to_string()),
    })
}

pub fn problem_message(problem: &FieldProblem, draft: &Draft, lang: Lang) -> String {
    let w = words(lang);
    let m = matter_words(lang);
    let error = match &problem.problem {
        Problem::NotANumber { text } => return w.not_a_number.replace("{text}", text),
        Problem::SeatsMissing => return m.seats_missing.into(),
        Problem::Core(e) => e,
    };
    if problem.field == Field::Poll {
        // Not placed on a field: the path says where.
        return error.message(lang);
    }
    use PollErrorKind as K;
    let at_item = |f: ItemField| matches!(problem.field, Field::Item(_, g) if g == f);
    match error.kind() {
        K::UnknownItem { id } if at_item(ItemField::ShowIfItem) => w
            .condition_below
            .replace("{n}", &question_number(draft, id)),
        K::UnknownItem { .. } if problem.field == Field::TargetItem => w.pick_target_item.into(),
        K::NotChoosable { id } => w
            .condition_not_choosable
            .replace("{n}", &question_number(draft, id)),
        K::Empty if at_item(ItemField::ShowIfAnswers) => w.pick_condition_answer.into(),
        K::DecidedItemConditional => w.decided_shown_to_all.into(),
        K::WrongOptions { expected, .. } => {
            let list: Vec<String> = expected.iter().map(|id| option_words(id, lang)).collect();
            w.wrong_options.replace("{list}", &list.join(", "))
        }
        K::NoDecidedItem { .. } => w
            .no_decided_item
            .replace("{kind}", kind_name(draft.kind, lang).0),
        K::PersonRequired => w.person_required.into(),
        K::MatterRequired | K::UnknownMatter { .. } => m.pick_matter.into(),
        // Said in words, never with the preset ids the core's message names.
        K::PresetNotForMatter { .. } => match draft.matter {
            Some(matter) => m
                .preset_not_for_matter
                .replace("{rule}", matter_rule(matter, lang)),
            None => m.pick_matter.into(),
        },
        K::BoardCandidate { .. } => m.board_candidate.into(),
        K::Missing {
            field: "min" | "max",
        } => w.number_bound_missing.into(),
        K::Missing { field: "value" } => w.value_missing.into(),
        K::NotAllowed {
            field: "free_text", ..
        } => w.free_text_not_here.into(),
        // Everything else is said as the core says it, without the JSON path (the message
        // stands next to its field), as a sentence.
        kind => sentence(&kind.message(lang)),
    }
}

/// A kept combined condition in words, for the question that carries it: "câu 1 = Có và
/// (câu 2 = Giếng hoặc Sông)".
pub fn describe_kept(draft: &Draft, k: &KeptShowIf, lang: Lang) -> String {
    let w = words(lang);
    match k {
        KeptShowIf::When(c) => {
            let Some(t) = draft.item_at(c.item) else {
                return String::new();
            };
            let target = &draft.items[t];
            let answers: Vec<String> = c
                .any_of
                .iter()
                .filter_map(|k| target.option_at(*k))
                .map(|j| {
                    let label = &target.options[j].label;
                    let text = label.get(lang).trim();
                    if text.is_empty() {
                        label.vi.trim().to_owned()
                    } else {
                        text.to_owned()
                    }
                })
                .collect();
            format!(
                "{} = {}",
                w.question_n.replace("{n}", &(t + 1).to_string()),
                answers.join(w.kept_or)
            )
        }
        KeptShowIf::All(parts) | KeptShowIf::Any(parts) => {
            let join = if matches!(k, KeptShowIf::All(_)) {
                w.kept_and
            } else {
                w.kept_or
            };
            parts
                .iter()
                .map(|p| match p {
                    KeptShowIf::When(_) => describe_kept(draft, p, lang),
                    _ => format!("({})", describe_kept(draft, p, lang)),
                })
                .collect::<Vec<_>>()
                .join(join)
        }
    }
}

/// `text` with a capital first letter and a full stop.
fn sentence(text: &str) -> String {
    let mut chars = text.chars();
    let Some(first) = chars.next() else {
        return String::new();
    };
    let mut s: String = first.to_uppercase().chain(chars).collect();
    if !s.ends_with(['.', '?', '!']) {
        s.push('.');
    }
    s
}

#[cfg(test)]
mod tests {
    use phieu_core::{Lang, PollKind};

    use super::*;
    use crate::state::designer::{Edit, ItemPreset};

    fn message_of(draft: &Draft, lang: Lang) -> String {
        let problems = draft.check().expect_err("a problem");
        problem_message(&problems[0], draft, lang)
    }

    fn survey() -> Draft {
        [
            Edit::Title(Lang::Vi, "Khảo sát".into()),
            Edit::Commune("Xã A".into()),
            Edit::AddItem(ItemPreset::YesNo),
            Edit::ItemLabel(0, Lang::Vi, "Một".into()),
            Edit::AddItem(ItemPreset::Text),
            Edit::ItemLabel(1, Lang::Vi, "Hai".into()),
        ]
        .into_iter()
        .fold(Draft::blank(PollKind::Survey, "s".into()), |d, e| {
            d.apply(e)
        })
    }

    #[test]
    fn ids_become_question_numbers_and_option_words() {
        let s = survey();
        assert!(s.check().is_ok());
        // A condition on a question that is now below: said with its number.
        let below = s
            .apply(Edit::ShowIfItem(0, Some(s.items[1].key)))
            .apply(Edit::MoveItem { from: 1, to: 0 })
            .apply(Edit::ShowIfItem(1, Some(s.items[0].key)));
        let m = message_of(&below, Lang::Vi);
        assert!(m.starts_with("Câu 2 phải đứng trước câu này"), "{m}");
        // The text question is no condition.
        let text = s.apply(Edit::MoveItem { from: 1, to: 0 });
        let text = text.apply(Edit::ShowIfItem(1, Some(text.items[0].key)));
        assert_eq!(
            message_of(&text, Lang::En),
            "Question 1 has no options to test (only single, multiple or scale questions do)."
        );
        // Options the rule needs: said in words, not ids.
        let decision = s
            .apply(Edit::Kind(PollKind::Decision))
            .apply(Edit::Matter(phieu_core::Matter::VillageRules));
        assert_eq!(
            message_of(&decision, Lang::Vi),
            "Câu này phải có các lựa chọn: Đồng ý, Không đồng ý."
        );
        // A plain reason is the core's own, without the JSON path.
        let empty = s.apply(Edit::Title(Lang::Vi, String::new()));
        assert_eq!(message_of(&empty, Lang::Vi), "Không được để trống.");
        assert_eq!(message_of(&empty, Lang::En), "Must not be empty.");
        let nan = s
            .apply(Edit::ItemType(1, crate::state::designer::ItemType::Number))
            .apply(Edit::Min(1, "mười".into()));
        assert_eq!(message_of(&nan, Lang::Vi), "“mười” không phải số nguyên.");
    }

    #[test]
    fn a_rule_that_does_not_fit_the_matter_is_said_in_words_not_ids_issue_16() {
        let mut d = [
            Edit::Title(Lang::Vi, "Hương ước".into()),
            Edit::Commune("Xã A".into()),
            Edit::AddItem(ItemPreset::Decision),
            Edit::ItemLabel(0, Lang::Vi, "Thông qua hương ước?".into()),
            Edit::Matter(phieu_core::Matter::VillageRules),
        ]
        .into_iter()
        .fold(Draft::blank(PollKind::Decision, "h".into()), |d, e| {
            d.apply(e)
        });
        assert!(d.check().is_ok());
        // Only a record written by hand can hold such a pair; it is still said in words.
        d.preset = phieu_core::Preset::MajorityPresent;
        for lang in [Lang::Vi, Lang::En] {
            let m = message_of(&d, lang);
            assert!(!m.contains("majority"), "{m}");
            assert!(!m.contains("village_rules"), "{m}");
        }
        assert!(message_of(&d, Lang::Vi).contains("trên 50% tổng số đại diện hộ gia đình"));
        let mut blank = d.clone();
        blank.matter = None;
        assert!(message_of(&blank, Lang::Vi).starts_with("Hãy chọn việc cần biểu quyết"));
    }

    #[test]
    fn every_word_exists_in_both_languages() {
        for matter in phieu_core::Matter::ALL {
            assert_ne!(matter_name(matter, Lang::Vi), matter_name(matter, Lang::En));
            assert_ne!(matter_rule(matter, Lang::Vi), matter_rule(matter, Lang::En));
            // A rule is said in words: never a preset id.
            assert!(!matter_rule(matter, Lang::En).contains('_'));
        }
        for kind in PollKind::ALL {
            assert_ne!(kind_name(kind, Lang::Vi), kind_name(kind, Lang::En));
            for preset in ItemPreset::for_kind(kind) {
                let (vi, en) = (
                    preset_name(*preset, Lang::Vi),
                    preset_name(*preset, Lang::En),
                );
                assert!(!vi.is_empty() && !en.is_empty());
            }
        }
        for preset in phieu_core::Preset::ALL {
            assert_ne!(
                electorate_name(preset, Lang::Vi),
                electorate_name(preset, Lang::En)
            );
        }
    }
}

#[cfg(test)]
mod place_tests {
    use super::*;
    use crate::state::designer::OptionField;

    /// Issue 22, item 8: the summary at the top names the field ("Cần sửa: Câu 2, lựa chọn 1:
    /// Không được để trống."), not only the problem.
    #[test]
    fn a_problem_is_placed_in_words() {
        let option = Field::Item(1, ItemField::Option(0, OptionField::Whole));
        assert_eq!(
            problem_place(option, Lang::Vi).as_deref(),
            Some("Câu 2, lựa chọn 1")
        );
        assert_eq!(
            problem_place(option, Lang::En).as_deref(),
            Some("Question 2, option 1")
        );
        assert_eq!(
            problem_place(Field::Title(Lang::Vi), Lang::Vi).as_deref(),
            Some("Tiêu đề phiếu")
        );
        assert_eq!(
            problem_place(Field::Subject(Lang::Vi), Lang::Vi).as_deref(),
            Some("Về việc")
        );
        assert_eq!(problem_place(Field::Poll, Lang::Vi), None);
    }
}
