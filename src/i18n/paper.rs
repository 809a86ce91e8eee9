//! The words of counting paper ballots with the tablet as the tally sheet (issue 19, item 5).

use phieu_core::Lang;

pub struct PaperWords {
    pub setup_label: &'static str,
    pub setup_hint: &'static str,
    pub title: &'static str,
    pub hint: &'static str,
    pub issued: &'static str,
    pub save_issued: &'static str,
    /// "{n}": the number saved.
    pub issued_saved: &'static str,
    pub counters: &'static str,
    /// "{k}": counter 1 or 2, "{n}": ballots counted.
    pub counter_n: &'static str,
    /// "{k}": the counter, "{n}": the ballot being marked.
    pub ballot_n: &'static str,
    pub question: &'static str,
    pub done: &'static str,
    pub blank: &'static str,
    pub invalid: &'static str,
    pub undo: &'static str,
    pub counts_of: &'static str,
    pub ballots: &'static str,
    pub invalid_count: &'static str,
    pub need_two: &'static str,
    pub agree: &'static str,
    pub differ: &'static str,
    /// "{what}", "{a}", "{b}".
    pub difference: &'static str,
    pub recount: &'static str,
    pub recount_sure: &'static str,
    pub recount_yes: &'static str,
    pub recount_no: &'static str,
    /// The results page's figures of the paper ballots.
    pub returned: &'static str,
    pub valid: &'static str,
}

const VI: PaperWords = PaperWords {
    setup_label: "Bỏ phiếu bằng phiếu giấy; dùng máy tính bảng làm bảng kiểm phiếu",
    setup_hint: "Cử tri bỏ phiếu giấy vào hòm. Khi kiểm phiếu, Ban kiểm phiếu đọc to từng phiếu; hai người đếm lần lượt bấm trên máy, máy đối chiếu hai lần đếm và chỉ lập biên bản khi khớp nhau.",
    title: "Kiểm phiếu giấy",
    hint: "Ban kiểm phiếu đọc to từng phiếu; người đếm bấm đúng điều phiếu ghi, mỗi phiếu một lượt. Hai người đếm độc lập, lần lượt trên máy này: người đếm 2 không xem số của người đếm 1. Chỗ nào hai lần đếm khác nhau thì đếm lại.",
    issued: "Số phiếu giấy đã phát ra",
    save_issued: "Lưu số phiếu phát ra",
    issued_saved: "Đã lưu: {n} phiếu phát ra",
    counters: "Người đếm",
    counter_n: "Người đếm {k} ({n} phiếu)",
    ballot_n: "Người đếm {k} — phiếu thứ {n}",
    question: "Câu",
    done: "Xong câu này",
    blank: "Để trống",
    invalid: "Phiếu không hợp lệ",
    undo: "Hoàn tác",
    counts_of: "Số đếm của người đếm {k}",
    ballots: "Số phiếu đã đếm",
    invalid_count: "Số phiếu không hợp lệ",
    need_two: "Cần cả hai người đếm hết các phiếu giấy, rồi máy đối chiếu hai lần đếm.",
    agree: "Hai lần đếm khớp nhau: có thể kết thúc và lập biên bản.",
    differ: "Hai lần đếm chưa khớp. Hãy đếm lại những chỗ sau trước khi lập biên bản:",
    difference: "{what}: người đếm 1 được {a}, người đếm 2 được {b}",
    recount: "Người đếm {k} đếm lại từ đầu…",
    recount_sure: "Xóa các phiếu người đếm {k} đã bấm để đếm lại từ đầu?",
    recount_yes: "Xóa và đếm lại",
    recount_no: "Không",
    returned: "Số phiếu giấy thu vào",
    valid: "Số phiếu giấy hợp lệ",
};

const EN: PaperWords = PaperWords {
    setup_label: "Vote on paper ballots; use the tablet as the tally sheet",
    setup_hint: "Voters put paper ballots in the box. At the count the board reads out each ballot; two counters tap it on the tablet in turn, and the tablet compares the two counts and makes the minutes only when they agree.",
    title: "Counting paper ballots",
    hint: "The board reads out each ballot; the counter taps what it says, one ballot at a time. Two counters count independently, in turn on this tablet: counter 2 does not see counter 1's figures. Wherever the two counts differ, count again.",
    issued: "Paper ballots issued",
    save_issued: "Save ballots issued",
    issued_saved: "Saved: {n} issued",
    counters: "Counters",
    counter_n: "Counter {k} ({n} ballots)",
    ballot_n: "Counter {k} — ballot {n}",
    question: "Question",
    done: "Done with this question",
    blank: "Left blank",
    invalid: "Invalid ballot",
    undo: "Undo",
    counts_of: "Counter {k}'s figures",
    ballots: "Ballots counted",
    invalid_count: "Invalid ballots",
    need_two: "Both counters must count every paper ballot; then the tablet compares the two counts.",
    agree: "The two counts agree: the vote can close and the minutes be made.",
    differ: "The two counts differ. Count these again before the minutes are made:",
    difference: "{what}: counter 1 has {a}, counter 2 has {b}",
    recount: "Counter {k} counts again from the start…",
    recount_sure: "Erase what counter {k} tapped, to count again from the start?",
    recount_yes: "Erase and count again",
    recount_no: "No",
    returned: "Paper ballots returned",
    valid: "Valid paper ballots",
};

pub fn paper_words(lang: Lang) -> &'static PaperWords {
    match lang {
        Lang::Vi => &VI,
        Lang::En => &EN,
    }
}
