//! The words of the list of meetings kept on this device (`pages/past.rs`, issue 19, item 1).

use phieu_core::Lang;

pub struct PastWords {
    pub title: &'static str,
    pub intro: &'static str,
    pub loading: &'static str,
    pub none: &'static str,
    pub in_progress: &'static str,
    pub closed: &'static str,
    pub waiting: &'static str,
    pub uploaded: &'static str,
    pub exported: &'static str,
    pub survey: &'static str,
    /// {n}: ballots in the box.
    pub ballots: &'static str,
    pub undated: &'static str,
    pub open: &'static str,
    pub go_tablet: &'static str,
    pub delete: &'static str,
    pub cannot_delete: &'static str,
    /// The first confirmation; {title}, {n}.
    pub confirm_first: &'static str,
    pub confirm_go_on: &'static str,
    /// The second, last one.
    pub confirm_last: &'static str,
    pub confirm_delete: &'static str,
    pub keep: &'static str,
    pub deleted: &'static str,
    /// A record that cannot be read; {id}, {n} ballots still stored.
    pub damaged: &'static str,
    /// The fold with the reader's own words, for the technical officer.
    pub details: &'static str,
}

const VI: PastWords = PastWords {
    title: "Các cuộc họp trên máy này",
    intro: "Mới nhất ở trên. Mở lại một cuộc họp đã kết thúc để xem kết quả, in biên bản, tải tệp hoặc gửi lên cổng thông tin.",
    loading: "Đang đọc các cuộc họp đã lưu…",
    none: "Máy này chưa lưu cuộc họp nào.",
    in_progress: "Đang diễn ra",
    closed: "Đã kết thúc, chưa gửi lên",
    waiting: "Đã kết thúc, đang chờ gửi lên",
    uploaded: "Đã kết thúc, đã gửi lên và được xác nhận",
    exported: "đã lưu tệp kiểm tra",
    survey: "Khảo sát / phát phiếu tới hộ",
    ballots: "{n} phiếu",
    undated: "(không rõ ngày lập)",
    open: "Mở kết quả và biên bản",
    go_tablet: "Mở trên trang bỏ phiếu",
    delete: "Xóa khỏi máy…",
    cannot_delete: "Chỉ xóa được khi kết quả đã gửi lên và được xác nhận, hoặc đã lưu tệp kiểm tra ra máy.",
    confirm_first: "Xóa «{title}» khỏi máy này? Sẽ xóa kết quả, thông tin biên bản và {n} phiếu của cuộc họp trên máy này. Bản đã gửi lên hoặc tệp đã lưu vẫn còn.",
    confirm_go_on: "Tiếp tục xóa",
    confirm_last: "Xóa hẳn? Việc này không hoàn tác được.",
    confirm_delete: "Xóa hẳn",
    keep: "Không xóa",
    deleted: "Đã xóa cuộc họp khỏi máy.",
    details: "Chi tiết kỹ thuật",
    damaged: "Bản ghi cuộc họp bị hỏng (mã {id}): không đọc được. {n} phiếu của nó vẫn lưu trên máy; không xóa từ đây. Hãy báo cán bộ kỹ thuật.",
};

const EN: PastWords = PastWords {
    title: "Meetings on this device",
    intro: "Newest first. Reopen a closed meeting to see its results, print its minutes, download its files or send it to the portal.",
    loading: "Reading the stored meetings…",
    none: "No meeting is stored on this device yet.",
    in_progress: "In progress",
    closed: "Closed, not sent",
    waiting: "Closed, waiting to be sent",
    uploaded: "Closed, sent and acknowledged",
    exported: "audit file saved",
    survey: "Survey / forms to households",
    ballots: "{n} ballots",
    undated: "(date set up unknown)",
    open: "Open results and minutes",
    go_tablet: "Open on the voting page",
    delete: "Delete from this device…",
    cannot_delete: "Can be deleted only once its results were sent and acknowledged, or its audit file was saved.",
    confirm_first: "Delete “{title}” from this device? Its results, minutes details and {n} ballots on this device will be deleted. What was sent or saved to a file stays.",
    confirm_go_on: "Go on deleting",
    confirm_last: "Delete for good? This cannot be undone.",
    confirm_delete: "Delete for good",
    keep: "Keep it",
    deleted: "The meeting was deleted from this device.",
    details: "Technical details",
    damaged: "A damaged meeting record (key {id}): it cannot be read. Its {n} ballots are still stored; it is not deleted from here. Tell the technical officer.",
};

pub fn past_words(lang: Lang) -> &'static PastWords {
    lang.pick(&VI, &EN)
}
