//! The embedded poll's own words in Vietnamese and English (the voter's screens use the app's
//! `i18n::kiosk` table, so a voter reads the same words in a portal as on the tablet).

use phieu_core::Lang;

pub struct Words {
    pub loading: &'static str,
    pub failed_title: &'static str,
    pub switch_to: &'static str,
    pub thanks_title: &'static str,
    pub thanks: &'static str,
    pub answered_title: &'static str,
    pub answered: &'static str,
    pub next_voter: &'static str,
    pub results_title: &'static str,
    pub ballots: &'static str,
    pub of_electorate: &'static str,
    pub mean: &'static str,
    pub fingerprint: &'static str,
    pub fingerprint_hint: &'static str,
    pub not_allowed_title: &'static str,
    pub not_allowed: &'static str,
    pub no_poll: &'static str,
    pub not_cast: &'static str,
    pub bundle_failed: &'static str,
}

const VI: Words = Words {
    loading: "Đang tải phiếu…",
    failed_title: "Không mở được phiếu",
    switch_to: "English",
    thanks_title: "Cảm ơn bạn đã trả lời",
    thanks: "Câu trả lời của bạn đã được lưu trên máy này. Mã bên dưới giúp bạn kiểm tra sau khi công bố kết quả; mã không cho biết bạn đã trả lời gì.",
    answered_title: "Máy này đã trả lời phiếu khảo sát này",
    answered: "Mỗi máy chỉ trả lời một lần. Cảm ơn bạn.",
    next_voter: "Người tiếp theo",
    results_title: "Kết quả",
    ballots: "Số phiếu",
    of_electorate: "trên tổng số",
    mean: "Trung bình",
    fingerprint: "Mã kiểm tra hòm phiếu",
    fingerprint_hint: "Đối chiếu mã này với biên bản kiểm phiếu.",
    not_allowed_title: "Trang này không được phép nhúng phiếu",
    not_allowed: "Địa chỉ của trang chứa khung này không có trong danh sách embed-origins.json của bản phieu này. Người triển khai phieu thêm địa chỉ đó vào danh sách.",
    no_poll: "Chưa có phiếu: trang chứa khung cần gửi tin nhắn load-poll hoặc đặt tham số src.",
    not_cast: "Phiếu CHƯA được bỏ",
    bundle_failed: "Tệp kết quả không qua được kiểm tra",
};

const EN: Words = Words {
    loading: "Loading the poll…",
    failed_title: "The poll could not be opened",
    switch_to: "Tiếng Việt",
    thanks_title: "Thank you for answering",
    thanks: "Your answers are stored on this device. The code below lets you check after the results are published; it does not reveal what you answered.",
    answered_title: "This device has already answered this survey",
    answered: "Each device answers once. Thank you.",
    next_voter: "Next person",
    results_title: "Results",
    ballots: "Ballots",
    of_electorate: "of a total of",
    mean: "Mean",
    fingerprint: "Box check code",
    fingerprint_hint: "Compare this code with the counting minutes.",
    not_allowed_title: "This page may not embed the poll",
    not_allowed: "The address of the page around this frame is not in this phieu build's embed-origins.json. Whoever deploys phieu adds it to that list.",
    no_poll: "No poll yet: the page around the frame must send a load-poll message or set the src parameter.",
    not_cast: "The ballot was NOT cast",
    bundle_failed: "The results file did not pass the check",
};

pub fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::Vi => &VI,
        Lang::En => &EN,
    }
}
