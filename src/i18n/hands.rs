//! The words of voting by a show of hands (issue 19, item 4): the setup's choice of items and
//! the officer's entry of the counts.

use phieu_core::Lang;

pub struct HandsWords {
    pub setup_heading: &'static str,
    /// L 18.4.d, and what the unmarked items do.
    pub setup_hint: &'static str,
    /// After the item's number and label.
    pub by_hands: &'static str,
    pub panel_title: &'static str,
    pub panel_hint: &'static str,
    /// "{n}" is the number present.
    pub present_line: &'static str,
    pub hands_for: &'static str,
    /// "{n}": those present who raised no hand.
    pub no_hand: &'static str,
    pub save: &'static str,
    pub saved: &'static str,
    pub all_by_hands: &'static str,
}

const VI: HandsWords = HandsWords {
    setup_heading: "Cách biểu quyết từng câu",
    setup_hint: "Việc biểu quyết được thực hiện bằng hình thức giơ tay hoặc bỏ phiếu kín (điểm d khoản 4 Điều 18 Luật Thực hiện dân chủ ở cơ sở); cuộc họp quyết định hình thức. Câu được đánh dấu dưới đây biểu quyết giơ tay: máy tính bảng không hỏi câu đó, cán bộ nhập số người giơ tay. Câu không đánh dấu được bỏ phiếu kín trên máy tính bảng. Cần nhập số người có mặt.",
    by_hands: "biểu quyết giơ tay",
    panel_title: "Kết quả biểu quyết giơ tay",
    panel_hint: "Đếm số người giơ tay cho từng phương án rồi nhập vào đây. Sau khi kết thúc biểu quyết, kết quả này không sửa được nữa.",
    present_line: "Số người có mặt: {n}",
    hands_for: "Số người giơ tay",
    no_hand: "Không biểu quyết (có mặt nhưng không giơ tay): {n}",
    save: "Lưu kết quả giơ tay",
    saved: "Đã lưu",
    all_by_hands: "Mọi câu của cuộc họp này biểu quyết giơ tay: máy tính bảng không nhận phiếu, chỉ ghi kết quả và lập biên bản.",
};

const EN: HandsWords = HandsWords {
    setup_heading: "How each question is voted",
    setup_hint: "A vote is taken by a show of hands or by secret ballot (Law on Grassroots Democracy, Art. 18.4.d); the meeting decides which. A question marked below is voted by a show of hands: the tablet does not ask it, and the officer enters the hands counted. Unmarked questions are voted by secret ballot on the tablet. The number present is needed.",
    by_hands: "by a show of hands",
    panel_title: "Show of hands",
    panel_hint: "Count the hands raised for each option and enter them here. Once voting is closed they can no longer be changed.",
    present_line: "Present: {n}",
    hands_for: "Hands raised",
    no_hand: "Not voting (present, no hand raised): {n}",
    save: "Save the show of hands",
    saved: "Saved",
    all_by_hands: "Every question of this meeting is voted by a show of hands: the tablet takes no ballot, it only records the counts and makes the minutes.",
};

pub fn hands_words(lang: Lang) -> &'static HandsWords {
    match lang {
        Lang::Vi => &VI,
        Lang::En => &EN,
    }
}
