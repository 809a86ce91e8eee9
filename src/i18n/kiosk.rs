//! The words of the meeting flow: setup, the officer's console, the voter's screens.

use phieu_core::Lang;

use crate::i18n::Electors;

pub struct Kiosk {
    // Device
    pub starting: &'static str,
    pub no_storage_title: &'static str,
    pub other_tab_title: &'static str,
    pub other_tab: &'static str,
    // Setup
    pub setup_title: &'static str,
    pub setup_intro: &'static str,
    pub poll_heading: &'static str,
    pub electorate_heading: &'static str,
    pub total_households: &'static str,
    pub total_delegates: &'static str,
    pub total_convened: &'static str,
    pub total_hint: &'static str,
    pub present: &'static str,
    pub present_delegates: &'static str,
    pub present_convened: &'static str,
    pub present_hint: &'static str,
    pub meeting_heading: &'static str,
    pub place: &'static str,
    pub place_hint: &'static str,
    pub time: &'static str,
    pub time_hint: &'static str,
    pub board: &'static str,
    pub board_hint: &'static str,
    pub witnesses: &'static str,
    pub member: &'static str,
    pub witness: &'static str,
    pub pin_heading: &'static str,
    pub pin_again: &'static str,
    pub pin_hint: &'static str,
    pub create: &'static str,
    pub fix_problems: &'static str,
    pub choose_poll_file: &'static str,
    pub choose_template: &'static str,
    pub template_placeholder: &'static str,
    // Officer
    pub officer_title: &'static str,
    pub phase_testing: &'static str,
    pub phase_open: &'static str,
    pub phase_paused: &'static str,
    pub cast_so_far: &'static str,
    pub of_electorate: &'static str,
    pub never_choices: &'static str,
    pub next_voter: &'static str,
    pub pause: &'static str,
    pub resume: &'static str,
    pub close_voting: &'static str,
    pub lock: &'static str,
    pub test_title: &'static str,
    pub test_intro: &'static str,
    pub test_entered: &'static str,
    pub cast_test_ballot: &'static str,
    pub check_test: &'static str,
    pub test_option: &'static str,
    pub test_expected: &'static str,
    pub test_counted: &'static str,
    pub test_fingerprint: &'static str,
    pub test_passed: &'static str,
    pub test_failed: &'static str,
    pub open_voting: &'static str,
    pub blank: &'static str,
    // PIN
    pub hand_back: &'static str,
    pub hand_back_hint: &'static str,
    /// The lock screen after a voter: the ballot is in the box (issue 22, item 2).
    pub last_recorded: &'static str,
    /// The lock screen after a ballot left unconfirmed (a reload, Back): not in the box.
    pub last_abandoned: &'static str,
    /// The console's notice of a ballot left unconfirmed; {n} is how many in this meeting.
    pub abandoned_notice: &'static str,
    /// The lock screen's short pad: the voter-admission code (issue 22, item 4).
    pub admit_label: &'static str,
    pub admit_hint: &'static str,
    /// Switch from the admission code to the officer's full PIN (the console), and back.
    pub use_pin: &'static str,
    pub use_admit: &'static str,
    /// The console's panel with the code; {code} is the code.
    pub admit_title: &'static str,
    pub admit_body: &'static str,
    pub admit_redraw: &'static str,
    /// Ballots issued and returned on the console; {i} issued, {r} returned.
    pub issued_line: &'static str,
    /// After the issued line when some were not returned; {n}.
    pub not_returned_part: &'static str,
    /// The officer's way out of a voter's turn, on the voter's screens.
    pub cancel_turn: &'static str,
    pub cancel_turn_title: &'static str,
    pub cancel_turn_body: &'static str,
    /// The PIN pad's submit key on that screen.
    pub cancel_turn_ok: &'static str,
    /// Large text and high contrast for a voter (issue 20, item 2).
    pub large_title: &'static str,
    pub large_next: &'static str,
    pub large_keep: &'static str,
    pub large_hint: &'static str,
    pub back_to_ballot: &'static str,
    pub officer_pin: &'static str,
    pub unlock: &'static str,
    pub delete_digit: &'static str,
    pub paused_banner: &'static str,
    // Closing
    pub close_title: &'static str,
    pub close_question: &'static str,
    pub close_pin: &'static str,
    pub close_confirm: &'static str,
    pub cancel: &'static str,
    // Voter
    pub test_banner: &'static str,
    pub welcome: &'static str,
    pub welcome_hint: &'static str,
    /// Heads the buttons that choose the language the poll is read in (issue 20, item 3).
    pub reading_heading: &'static str,
    pub start: &'static str,
    pub question_of: &'static str,
    pub next: &'static str,
    pub back: &'static str,
    pub your_opinion: &'static str,
    pub choose_one: &'static str,
    pub choose_many: &'static str,
    /// "Choose at most {n}": a multiple-choice question with a maximum.
    pub choose_at_most: &'static str,
    /// Said once the maximum is ticked: the other options are off until one is unticked.
    pub max_reached: &'static str,
    pub type_number: &'static str,
    pub type_text: &'static str,
    pub review_title: &'static str,
    pub review_hint: &'static str,
    pub change: &'static str,
    pub confirm: &'static str,
    pub saving: &'static str,
    pub receipt_title: &'static str,
    pub receipt_hint: &'static str,
    pub done: &'static str,
    /// The receipt's countdown; {s} is the seconds left.
    pub receipt_countdown: &'static str,
    // Results wrapper
    pub results_title: &'static str,
    pub new_meeting: &'static str,
    /// Said beside it: the closed meeting is not lost (issue 22, item 9).
    pub new_meeting_hint: &'static str,
    // The PIN's rules (docs/security.md): a new PIN has 6 digits; wrong PINs are counted.
    pub new_pin: &'static str,
    /// `{n}`: every wrong PIN typed in this meeting.
    pub wrong_pins: &'static str,
}

const VI: Kiosk = Kiosk {
    starting: "Đang mở bộ nhớ của máy…",
    no_storage_title: "Máy này không lưu được phiếu",
    other_tab_title: "phieu đang mở ở một thẻ khác",
    other_tab: "Cuộc họp chỉ được điều khiển từ một thẻ. Hãy dùng thẻ đang mở, hoặc đóng thẻ đó rồi tải lại trang này.",
    setup_title: "Chuẩn bị cuộc họp",
    setup_intro: "Kiểm tra nội dung phiếu, nhập số cử tri, Ban kiểm phiếu, người chứng kiến và đặt mã PIN của cán bộ.",
    poll_heading: "Nội dung phiếu",
    electorate_heading: "Cử tri",
    total_households: "Tổng số hộ gia đình của thôn",
    total_delegates: "Tổng số đại biểu",
    total_convened: "Tổng số người được triệu tập",
    total_hint: "Kết quả luôn tính trên tổng số này, không phải trên số người có mặt.",
    present: "Số đại diện hộ có mặt",
    present_delegates: "Số đại biểu có mặt",
    present_convened: "Số người dự hội nghị",
    present_hint: "Không bắt buộc với biểu quyết theo tổng số hộ.",
    meeting_heading: "Cuộc họp và biên bản",
    place: "Địa điểm",
    place_hint: "Ví dụ: Nhà văn hóa thôn Đồng Tâm",
    time: "Thời gian",
    time_hint: "Ví dụ: 19 giờ 30, ngày 25 tháng 11 năm 2026",
    board: "Ban kiểm phiếu (3 đến 5 người)",
    board_hint: "Họ và tên; để trống các dòng thừa.",
    witnesses: "Người chứng kiến (2 đại diện hộ)",
    member: "Thành viên",
    witness: "Người chứng kiến",
    pin_heading: "Mã PIN của cán bộ",
    pin_again: "Nhập lại mã PIN",
    pin_hint: "Chỉ cán bộ biết. Cần mã này để mở lượt cho từng cử tri và để kết thúc bỏ phiếu.",
    create: "Tạo cuộc họp",
    fix_problems: "Hãy sửa các mục được đánh dấu.",
    choose_poll_file: "Hoặc mở tệp phiếu (.json) của mình",
    choose_template: "Chọn mẫu phiếu",
    template_placeholder: "— Mẫu có sẵn —",
    officer_title: "Bảng điều khiển của cán bộ",
    phase_testing: "Chạy thử máy trước khi bỏ phiếu",
    phase_open: "Đang bỏ phiếu",
    phase_paused: "Tạm dừng bỏ phiếu",
    cast_so_far: "Số phiếu đã bỏ",
    of_electorate: "trên tổng số",
    never_choices: "Cán bộ chỉ thấy số phiếu, không bao giờ thấy nội dung phiếu trước khi kết thúc.",
    next_voter: "Mời cử tri tiếp theo",
    pause: "Tạm dừng",
    resume: "Tiếp tục bỏ phiếu",
    close_voting: "Kết thúc bỏ phiếu",
    lock: "Khóa máy",
    test_title: "Chạy thử máy (phiếu thử)",
    test_intro: "Bỏ vài phiếu thử với lựa chọn đã biết, rồi bấm Kiểm tra. Máy đọc lại hòm phiếu thử từ bộ nhớ và so với những gì đã nhập. Phiếu thử không bao giờ được tính và sẽ bị xóa trước khi mở bỏ phiếu.",
    test_entered: "Số phiếu thử đã bỏ",
    cast_test_ballot: "Bỏ một phiếu thử",
    check_test: "Kiểm tra kết quả thử",
    test_option: "Lựa chọn",
    test_expected: "Đã nhập",
    test_counted: "Máy đếm",
    test_fingerprint: "Mã kiểm tra hòm phiếu thử",
    test_passed: "Kết quả thử khớp với phiếu đã nhập.",
    test_failed: "Kết quả thử KHÔNG khớp. Không được mở bỏ phiếu trên máy này.",
    open_voting: "Xóa phiếu thử và mở bỏ phiếu",
    blank: "Để trống",
    hand_back: "Xin đưa máy lại cho cán bộ",
    hand_back_hint: "Chỉ cán bộ mở được máy, bằng mã PIN.",
    last_recorded: "Cảm ơn ông/bà. Phiếu vừa rồi đã được ghi nhận.",
    last_abandoned: "Phiếu vừa rồi chưa được bỏ vào hòm: người bỏ phiếu chưa bấm Xác nhận.",
    abandoned_notice: "Có một phiếu bị bỏ dở: cử tri chưa bấm Xác nhận thì máy bị tải lại hoặc rời màn hình bỏ phiếu. Phiếu đó không được tính; biên bản ghi nó là phiếu phát ra không thu vào. Số phiếu bỏ dở trong cuộc họp này: {n}.",
    admit_label: "Mã mời cử tri (3 số)",
    admit_hint: "Cán bộ nhập 3 số ghi trên bảng điều khiển để mời cử tri tiếp theo.",
    use_pin: "Mở bảng điều khiển (mã PIN)",
    use_admit: "Mời cử tri (mã 3 số)",
    admit_title: "Mã mời cử tri",
    admit_body: "Sau mỗi cử tri, nhập 3 số này trên màn hình khóa để mời người tiếp theo vào bỏ phiếu. Đừng đọc to. Mã chỉ có trong phiên này: khi tải lại trang, tạm dừng, hoặc nhập sai 3 lần, cần mã PIN để lấy mã mới.",
    admit_redraw: "Đổi mã mời",
    issued_line: "Phiếu phát ra: {i} · thu vào: {r}",
    not_returned_part: " · phát ra không thu vào: {n}",
    cancel_turn: "Cán bộ: hủy lượt này",
    cancel_turn_title: "Hủy lượt bỏ phiếu này?",
    cancel_turn_body: "Chỉ cán bộ làm việc này, khi cử tri bỏ đi mà chưa bấm Xác nhận. Phiếu không được bỏ vào hòm; biên bản ghi nó là phiếu phát ra không thu vào.",
    cancel_turn_ok: "Hủy lượt",
    large_title: "Chữ to, tương phản cao",
    large_next: "Chữ to cho cử tri tiếp theo",
    large_keep: "Giữ chữ to cho các cử tri sau",
    large_hint: "Cho người nhìn kém: chữ và nút to gấp rưỡi, màu đậm hơn. Chỉ cho một cử tri, trừ khi chọn giữ.",
    back_to_ballot: "Quay lại phiếu",
    officer_pin: "Mã PIN của cán bộ",
    unlock: "Mở khóa",
    delete_digit: "Xóa",
    paused_banner: "Bỏ phiếu đang tạm dừng.",
    close_title: "Kết thúc bỏ phiếu?",
    close_question: "Kết thúc bỏ phiếu với {n} phiếu đã bỏ? Sau khi kết thúc không ai bỏ phiếu được nữa.",
    close_pin: "Nhập mã PIN để kết thúc",
    close_confirm: "Kết thúc bỏ phiếu",
    cancel: "Quay lại",
    test_banner: "PHIẾU THỬ — không được tính",
    welcome: "Xin mời ông/bà bỏ phiếu",
    welcome_hint: "Mỗi màn hình một câu hỏi. Chạm vào lựa chọn của mình, rồi bấm Tiếp. Cuối cùng ông/bà xem lại và bấm Xác nhận.",
    reading_heading: "Đọc phiếu bằng tiếng",
    start: "Bắt đầu",
    question_of: "Câu hỏi {i} / {n}",
    next: "Tiếp",
    back: "Quay lại",
    your_opinion: "Ý kiến của ông/bà",
    choose_one: "Chọn một",
    choose_many: "Chọn một hoặc nhiều",
    choose_at_most: "Chọn tối đa {n}",
    max_reached: "Đã chọn đủ {n}. Muốn chọn ý khác, hãy bỏ chọn một ý trước.",
    type_number: "Nhập một số",
    type_text: "Viết câu trả lời",
    review_title: "Xem lại phiếu của ông/bà",
    review_hint: "Nếu đúng, bấm Xác nhận. Muốn sửa, bấm Sửa ngay dưới câu trả lời.",
    change: "Sửa",
    confirm: "Xác nhận",
    saving: "Đang ghi phiếu…",
    receipt_title: "Phiếu của ông/bà đã được ghi nhận",
    receipt_hint: "Mã biên nhận: ông/bà có thể chép lại hoặc chụp lại để kiểm tra sau. Mã này không cho biết ông/bà đã chọn gì.",
    done: "Xong",
    receipt_countdown: "Màn hình tự trở về cán bộ sau {s} giây.",
    results_title: "Kết quả bỏ phiếu",
    new_meeting: "Chuẩn bị cuộc họp mới",
    new_meeting_hint: "Kết quả, biên bản và tệp kiểm tra của cuộc họp vừa kết thúc vẫn được lưu trên máy này.",
    new_pin: "Mã PIN (6 đến 8 chữ số)",
    wrong_pins: "Số lần nhập sai mã PIN hoặc mã mời cử tri trong cuộc họp: {n}",
};

const EN: Kiosk = Kiosk {
    starting: "Opening the device's storage…",
    no_storage_title: "This device cannot keep ballots",
    other_tab_title: "phieu is open in another tab",
    other_tab: "A meeting is driven from one tab only. Use the tab that is open, or close it and reload this page.",
    setup_title: "Prepare the meeting",
    setup_intro: "Check the ballot, enter the electorate, the counting board and the witnesses, and set the officer's PIN.",
    poll_heading: "The ballot",
    electorate_heading: "Electorate",
    total_households: "Total households in the village",
    total_delegates: "Total delegates",
    total_convened: "Total people convened",
    total_hint: "Results are always counted against this total, not against those present.",
    present: "Household representatives present",
    present_delegates: "Delegates present",
    present_convened: "Attendees",
    present_hint: "Optional for votes counted against all households.",
    meeting_heading: "Meeting and minutes",
    place: "Place",
    place_hint: "E.g. Đồng Tâm village cultural house",
    time: "Time",
    time_hint: "E.g. 7:30 pm, 25 November 2026",
    board: "Counting board (3 to 5 people)",
    board_hint: "Full names; leave spare rows empty.",
    witnesses: "Witnesses (2 household representatives)",
    member: "Member",
    witness: "Witness",
    pin_heading: "Officer's PIN",
    pin_again: "PIN again",
    pin_hint: "Known only to the officer. Needed to unlock the tablet for each voter and to close voting.",
    create: "Create the meeting",
    fix_problems: "Fix the marked fields.",
    choose_poll_file: "Or open your own poll file (.json)",
    choose_template: "Choose a template",
    template_placeholder: "— Ready-made templates —",
    officer_title: "Officer's console",
    phase_testing: "Test run of the tablet before voting",
    phase_open: "Voting is open",
    phase_paused: "Voting is paused",
    cast_so_far: "Ballots cast",
    of_electorate: "of",
    never_choices: "The officer sees only the count, never a ballot's content, until voting is closed.",
    next_voter: "Next voter",
    pause: "Pause",
    resume: "Resume voting",
    close_voting: "Close voting",
    lock: "Lock the tablet",
    test_title: "Test run of the tablet (test ballots)",
    test_intro: "Cast a few test ballots with known choices, then press Check. The tablet reads the test box back from storage and compares it with what you entered. Test ballots are never counted and are erased before voting opens.",
    test_entered: "Test ballots cast",
    cast_test_ballot: "Cast a test ballot",
    check_test: "Check the test",
    test_option: "Choice",
    test_expected: "Entered",
    test_counted: "Counted",
    test_fingerprint: "Test box check code",
    test_passed: "The test count matches the ballots entered.",
    test_failed: "The test count does NOT match. Do not open voting on this tablet.",
    open_voting: "Erase the test ballots and open voting",
    blank: "Blank",
    hand_back: "Please hand the tablet back to the officer",
    hand_back_hint: "Only the officer can unlock the tablet, with the PIN.",
    last_recorded: "Thank you. The last ballot has been recorded.",
    last_abandoned: "The last ballot was not put in the box: the voter did not press Confirm.",
    abandoned_notice: "A ballot was left unfinished: the tablet was reloaded or left the voting screen before the voter pressed Confirm. It is not counted; the minutes record it as issued and not returned. Unfinished ballots in this meeting: {n}.",
    admit_label: "Voter code (3 digits)",
    admit_hint: "The officer types the 3 digits shown on the console to let the next voter in.",
    use_pin: "Open the console (PIN)",
    use_admit: "Let a voter in (3-digit code)",
    admit_title: "Voter code",
    admit_body: "After each voter, type these 3 digits on the lock screen to let the next one in. Do not say it aloud. It lasts this sitting only: after a reload, a pause or 3 wrong tries, the PIN is needed for a new one.",
    admit_redraw: "New code",
    issued_line: "Ballots issued: {i} · returned: {r}",
    not_returned_part: " · issued and not returned: {n}",
    cancel_turn: "Officer: cancel this turn",
    cancel_turn_title: "Cancel this voter's turn?",
    cancel_turn_body: "For the officer only, when a voter walked away without pressing Confirm. No ballot goes into the box; the minutes record it as issued and not returned.",
    cancel_turn_ok: "Cancel turn",
    large_title: "Large text, high contrast",
    large_next: "Large text for the next voter",
    large_keep: "Keep large text for the voters after",
    large_hint: "For voters who see poorly: text and buttons half as large again, darker colours. For one voter only, unless kept.",
    back_to_ballot: "Back to the ballot",
    officer_pin: "Officer's PIN",
    unlock: "Unlock",
    delete_digit: "Delete",
    paused_banner: "Voting is paused.",
    close_title: "Close voting?",
    close_question: "Close voting with {n} ballots cast? After closing nobody can vote any more.",
    close_pin: "Enter the PIN to close",
    close_confirm: "Close voting",
    cancel: "Go back",
    test_banner: "TEST BALLOT — not counted",
    welcome: "Please cast your ballot",
    welcome_hint: "One question per screen. Touch your choice, then press Next. At the end you review it and press Confirm.",
    reading_heading: "Read the ballot in",
    start: "Start",
    question_of: "Question {i} of {n}",
    next: "Next",
    back: "Back",
    your_opinion: "Your opinion",
    choose_one: "Choose one",
    choose_many: "Choose one or more",
    choose_at_most: "Choose at most {n}",
    max_reached: "{n} chosen, the most allowed. To choose another, untick one first.",
    type_number: "Enter a number",
    type_text: "Write your answer",
    review_title: "Review your ballot",
    review_hint: "If it is right, press Confirm. To change an answer, press Change just below it.",
    change: "Change",
    confirm: "Confirm",
    saving: "Recording the ballot…",
    receipt_title: "Your ballot has been recorded",
    receipt_hint: "Receipt code: you may copy it down or photograph it to check later. It does not tell what you chose.",
    done: "Done",
    receipt_countdown: "Back to the officer in {s} seconds.",
    results_title: "Results",
    new_meeting: "Prepare a new meeting",
    new_meeting_hint: "The results, minutes and check file of the meeting just closed stay stored on this device.",
    new_pin: "PIN (6 to 8 digits)",
    wrong_pins: "Wrong PIN or voter code attempts in this meeting: {n}",
};

pub fn kiosk(lang: Lang) -> &'static Kiosk {
    match lang {
        Lang::Vi => &VI,
        Lang::En => &EN,
    }
}

impl Kiosk {
    /// The setup form's label for the electorate's total, named for who votes.
    pub fn total(&self, electors: Electors) -> &'static str {
        match electors {
            Electors::Households | Electors::Asked => self.total_households,
            Electors::Delegates => self.total_delegates,
            Electors::Convened => self.total_convened,
        }
    }

    /// The setup form's label for those present, named for who votes.
    pub fn present(&self, electors: Electors) -> &'static str {
        match electors {
            Electors::Households | Electors::Asked => self.present,
            Electors::Delegates => self.present_delegates,
            Electors::Convened => self.present_convened,
        }
    }
}

/// The setup form's hint under the number present, by what the poll needs of it (issue 16).
/// Added beside `Kiosk::present_hint`, which stays the hint where the number is optional.
pub struct PresentHints {
    pub village_meeting: &'static str,
    pub conference: &'static str,
}

const PRESENT_VI: PresentHints = PresentHints {
    village_meeting:
        "Bắt buộc: cuộc họp thôn chỉ hợp lệ khi có trên 50% tổng số đại diện hộ gia đình tham dự.",
    conference: "Bắt buộc: hội nghị chỉ hợp lệ khi có từ 2/3 số người được triệu tập trở lên.",
};

const PRESENT_EN: PresentHints = PresentHints {
    village_meeting: "Required: a village meeting is valid only when more than 50% of all household representatives attend.",
    conference: "Required: a conference is valid only when at least 2/3 of those convened attend.",
};

pub fn present_hints(lang: Lang) -> &'static PresentHints {
    match lang {
        Lang::Vi => &PRESENT_VI,
        Lang::En => &PRESENT_EN,
    }
}

/// What the setup screen says of this device's storage (issue 19, item 2).
pub struct StorageWords {
    pub heading: &'static str,
    pub kept: &'static str,
    pub not_kept: &'static str,
    pub unknown: &'static str,
    /// "{used}" and "{free}" are replaced by sizes.
    pub space: &'static str,
    pub low: &'static str,
}

const STORAGE_VI: StorageWords = StorageWords {
    heading: "Bộ nhớ của máy",
    kept: "Trình duyệt đã đồng ý giữ lâu dài các phiếu lưu trên máy này: không tự xóa khi máy thiếu chỗ (chỉ mất nếu ai đó xóa dữ liệu trang web).",
    not_kept: "Trình duyệt chưa đồng ý giữ lâu dài: khi máy thiếu chỗ, nó có thể xóa dữ liệu của trang này. Sau khi đóng hòm, hãy tải tệp kiểm tra về máy hoặc gửi lên cổng ngay; cài ứng dụng vào màn hình chính giúp trình duyệt đồng ý.",
    unknown: "Trình duyệt này không cho biết có giữ lâu dài dữ liệu hay không. Sau khi đóng hòm, hãy tải tệp kiểm tra về máy hoặc gửi lên cổng ngay.",
    space: "Đã dùng {used}, còn trống {free}.",
    low: "Bộ nhớ còn trống ít: hãy giải phóng dung lượng (xóa ảnh, video, ứng dụng không dùng) trước khi mở bỏ phiếu.",
};

const STORAGE_EN: StorageWords = StorageWords {
    heading: "This device's storage",
    kept: "The browser agreed to keep the ballots stored on this device: it will not delete them when space runs short (only someone clearing this site's data can).",
    not_kept: "The browser has not agreed to keep the data: when space runs short it may delete this site's data. After closing the box, download the audit file or upload it at once; installing the app on the home screen helps the browser agree.",
    unknown: "This browser does not say whether it keeps the data. After closing the box, download the audit file or upload it at once.",
    space: "{used} used, {free} free.",
    low: "Little storage is left: free some space (photos, videos, unused apps) before opening the vote.",
};

pub fn storage_words(lang: Lang) -> &'static StorageWords {
    match lang {
        Lang::Vi => &STORAGE_VI,
        Lang::En => &STORAGE_EN,
    }
}

/// A byte count as an officer reads it: "850 KB", "12 MB", "1,5 GB" (Vietnamese decimal comma)
/// or "1.5 GB".
pub fn size(bytes: u64, lang: Lang) -> String {
    const KB: u64 = 1024;
    const MB: u64 = KB * 1024;
    const GB: u64 = MB * 1024;
    match bytes {
        b if b < MB => format!("{} KB", b.div_ceil(KB)),
        b if b < GB => format!("{} MB", b / MB),
        b => {
            let tenths = b * 10 / GB;
            let point = match lang {
                Lang::Vi => ",",
                Lang::En => ".",
            };
            format!("{}{point}{} GB", tenths / 10, tenths % 10)
        }
    }
}

/// What the closing screen asks for the minutes (issue 16, item 8).
pub struct ClosingWords {
    pub legend: &'static str,
    pub hint: &'static str,
    pub chair: &'static str,
    pub secretary: &'static str,
    pub closed_at: &'static str,
    pub complaints: &'static str,
}

const CLOSING_VI: ClosingWords = ClosingWords {
    legend: "Ghi vào biên bản",
    hint: "Không bắt buộc: ô nào để trống, biên bản in dòng chấm để ghi tay.",
    chair: "Người chủ trì cuộc họp",
    secretary: "Thư ký cuộc họp",
    closed_at: "Kiểm phiếu xong lúc (ví dụ: 21 giờ 15, ngày 25/11/2026)",
    complaints: "Khiếu nại, tố cáo trong khi kiểm phiếu (nếu có)",
};

const CLOSING_EN: ClosingWords = ClosingWords {
    legend: "For the minutes",
    hint: "Optional: the minutes print a dotted line to fill in by hand for anything left empty.",
    chair: "Chair of the meeting",
    secretary: "Secretary of the meeting",
    closed_at: "Count ended at (e.g. 21:15, 25/11/2026)",
    complaints: "Complaints raised during the count (if any)",
};

pub fn closing_words(lang: Lang) -> &'static ClosingWords {
    match lang {
        Lang::Vi => &CLOSING_VI,
        Lang::En => &CLOSING_EN,
    }
}
