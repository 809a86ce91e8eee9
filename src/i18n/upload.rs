//! The words of the upload to the portal (the outbox on the results screen), in Vietnamese and
//! English: one table per language, so a missing translation is a compile error. Placeholders
//! in braces (`{time}`, `{n}`, `{status}`) are filled by the component.

use phieu_core::Lang;

use crate::state::outbox::{Accepted, Retry, TokenError, UrlError};

/// Every fixed string of the upload, in one language.
pub struct Strings {
    pub heading: &'static str,
    pub intro: &'static str,
    pub upload: &'static str,
    pub need_settings: &'static str,
    pub outbox_label: &'static str,
    pub this_box: &'static str,
    pub other_box: &'static str,
    pub retry_now: &'static str,
    // States
    pub sending: &'static str,
    pub waiting: &'static str,
    pub waiting_for_settings: &'static str,
    /// `{time}`: the local time of the next try; `{n}`: failed tries so far.
    pub next_try: &'static str,
    pub sent_stored: &'static str,
    pub sent_already: &'static str,
    /// `{status}`: the HTTP status.
    pub refused: &'static str,
    pub refused_no_reason: &'static str,
    pub refused_hint: &'static str,
    // Why a try failed
    pub offline: &'static str,
    pub network: &'static str,
    pub timeout: &'static str,
    /// `{status}`: the HTTP status.
    pub server: &'static str,
    /// `{status}`: the HTTP status.
    pub unexpected: &'static str,
    // Settings
    pub settings_heading: &'static str,
    pub url_label: &'static str,
    pub url_hint: &'static str,
    pub url_from_portal: &'static str,
    pub token_label: &'static str,
    pub token_hint: &'static str,
    pub save: &'static str,
    pub saved: &'static str,
    pub save_failed: &'static str,
    pub url_empty: &'static str,
    pub url_not_http: &'static str,
    pub url_no_host: &'static str,
    pub url_spaces: &'static str,
    pub url_credentials: &'static str,
    pub token_empty: &'static str,
    pub token_bad: &'static str,
    pub storage_failed: &'static str,
    // Issue 17: an address from a link waits for the officer; the token never follows it.
    /// `{status}`: the HTTP status.
    pub not_this_box: &'static str,
    pub token_inherited: &'static str,
    pub proposal_heading: &'static str,
    pub proposal_intro: &'static str,
    pub proposal_current: &'static str,
    pub proposal_none: &'static str,
    pub proposal_hint: &'static str,
    pub proposal_bad: &'static str,
    pub proposal_pin: &'static str,
    pub proposal_confirm: &'static str,
    pub proposal_keep: &'static str,
    pub proposal_done: &'static str,
    pub settings_pin: &'static str,
    pub settings_pin_hint: &'static str,
}

const VI: Strings = Strings {
    heading: "Gửi lên cổng thông tin",
    intro: "Gửi tệp kiểm tra (mọi phiếu, kết quả và mã kiểm tra hòm phiếu) lên cổng thông tin của xã hoặc tỉnh. Khi mất mạng, máy giữ tệp lại và tự gửi khi có mạng, kể cả sau khi tải lại trang. Gửi nhiều lần vẫn chỉ được lưu một lần.",
    upload: "Gửi lên cổng thông tin",
    need_settings: "Hãy nhập và lưu địa chỉ cổng thông tin và mã tải lên trước khi gửi.",
    outbox_label: "Các tệp kiểm tra đang gửi và đã gửi",
    this_box: "Hòm phiếu này",
    other_box: "Hòm phiếu khác trên máy",
    retry_now: "Thử lại ngay",
    sending: "Đang gửi…",
    waiting: "Đang chờ gửi.",
    waiting_for_settings: "Đang chờ: chưa có địa chỉ hoặc mã tải lên của cổng thông tin.",
    next_try: "Sẽ thử lại lúc {time} (đã thử {n} lần).",
    sent_stored: "Đã gửi: cổng thông tin đã nhận và lưu hòm phiếu.",
    sent_already: "Đã gửi: cổng thông tin đã có hòm phiếu này từ trước (không lưu lần hai).",
    refused: "Bị từ chối (HTTP {status}):",
    refused_no_reason: "Cổng thông tin không nêu lý do.",
    refused_hint: "Máy sẽ không gửi lại tệp này. Nếu sai địa chỉ hoặc mã tải lên, hãy sửa và lưu cài đặt: tệp sẽ được gửi lại một lần.",
    offline: "Máy đang mất mạng",
    network: "Không kết nối được tới cổng thông tin",
    timeout: "Cổng thông tin không trả lời kịp",
    server: "Cổng thông tin đang bận hoặc gặp lỗi (HTTP {status})",
    unexpected: "Câu trả lời không phải của cổng thông tin (HTTP {status}; có thể là trang đăng nhập Wi-Fi)",
    settings_heading: "Cài đặt cổng thông tin (cán bộ)",
    url_label: "Địa chỉ nhận tệp kiểm tra (URL)",
    url_hint: "Do cổng thông tin của xã hoặc tỉnh cung cấp, bắt đầu bằng https:// hoặc http://, ví dụ https://xa.example.vn/phieu/bundles.",
    url_from_portal: "Địa chỉ này do cổng thông tin nhúng trang cung cấp.",
    token_label: "Mã tải lên",
    token_hint: "Mã bí mật cổng thông tin cấp cho máy này. Chỉ lưu trên máy này, không bao giờ ghi vào địa chỉ trang.",
    save: "Lưu cài đặt",
    saved: "Đã lưu cài đặt.",
    save_failed: "Không lưu được trên máy: cài đặt chỉ dùng đến khi đóng trang.",
    url_empty: "Hãy nhập địa chỉ nhận tệp kiểm tra.",
    url_not_http: "Địa chỉ phải bắt đầu bằng https:// hoặc http://.",
    url_no_host: "Địa chỉ thiếu tên máy chủ (ví dụ xa.example.vn).",
    url_spaces: "Địa chỉ không được có dấu cách.",
    url_credentials: "Địa chỉ không được chứa tên đăng nhập hay mật khẩu (phần trước dấu @).",
    token_empty: "Hãy nhập mã tải lên do cổng thông tin cấp.",
    token_bad: "Mã tải lên chỉ gồm chữ cái không dấu, chữ số và ký hiệu, không có dấu cách.",
    storage_failed: "Hộp thư đi trên máy gặp lỗi lưu trữ:",
    not_this_box: "Câu trả lời không xác nhận đúng hòm phiếu này (HTTP {status}: không có, hoặc có mã kiểm tra hòm phiếu khác): tệp kiểm tra chưa được coi là đã gửi. Hãy kiểm tra địa chỉ cổng thông tin",
    token_inherited: "Đây là mã tải lên của địa chỉ cũ. Mã tải lên không bao giờ được gửi sang địa chỉ khác: hãy nhập mã do cổng thông tin mới cấp.",
    proposal_heading: "Xác nhận địa chỉ nhận tệp kiểm tra mới",
    proposal_intro: "Đường liên kết vừa mở muốn gửi các tệp kiểm tra của máy này tới máy chủ:",
    proposal_current: "Địa chỉ đang dùng:",
    proposal_none: "Chưa có địa chỉ nào.",
    proposal_hint: "Chỉ xác nhận nếu cổng thông tin của xã hoặc tỉnh đã cho anh/chị đúng máy chủ này. Mã tải lên cũ không đi theo địa chỉ mới: sau khi xác nhận, hãy nhập mã tải lên do cổng thông tin này cấp. Trước đó không tệp kiểm tra nào được gửi tới địa chỉ mới.",
    proposal_bad: "Đường liên kết đưa ra một địa chỉ không dùng được, máy sẽ không gửi tới đó:",
    proposal_pin: "Mã PIN của cán bộ để xác nhận",
    proposal_confirm: "Xác nhận địa chỉ mới",
    proposal_keep: "Giữ địa chỉ đang dùng",
    proposal_done: "Đã đổi địa chỉ nhận tệp kiểm tra. Hãy nhập mã tải lên do cổng thông tin này cấp rồi lưu cài đặt.",
    settings_pin: "Mã PIN của cán bộ để lưu cài đặt",
    settings_pin_hint: "Chỉ cán bộ được đổi nơi nhận tệp kiểm tra.",
};

const EN: Strings = Strings {
    heading: "Upload to the portal",
    intro: "Send the check file (every ballot, the results and the box check code) to the commune or province portal. Without a network the tablet keeps it and sends it when the network is back, even after a reload. Sending it more than once still stores it once.",
    upload: "Upload to the portal",
    need_settings: "Enter and save the portal's address and upload token before sending.",
    outbox_label: "Check files being sent and sent",
    this_box: "This box",
    other_box: "Another box on this tablet",
    retry_now: "Try again now",
    sending: "Sending…",
    waiting: "Waiting to be sent.",
    waiting_for_settings: "Waiting: no portal address or upload token yet.",
    next_try: "Next try at {time} ({n} tries so far).",
    sent_stored: "Sent: the portal received and stored the box.",
    sent_already: "Sent: the portal already had this box (not stored twice).",
    refused: "Refused (HTTP {status}):",
    refused_no_reason: "The portal gave no reason.",
    refused_hint: "The tablet will not send this file again. If the address or upload token was wrong, correct it and save the settings: the file is then sent once more.",
    offline: "The tablet is offline",
    network: "The portal cannot be reached",
    timeout: "The portal did not answer in time",
    server: "The portal is busy or failing (HTTP {status})",
    unexpected: "The answer did not come from the portal (HTTP {status}; a Wi-Fi login page?)",
    settings_heading: "Portal settings (officer)",
    url_label: "Upload address (URL)",
    url_hint: "Given by the commune or province portal, starting with https:// or http://, e.g. https://xa.example.vn/phieu/bundles.",
    url_from_portal: "This address was given by the embedding portal.",
    token_label: "Upload token",
    token_hint: "The secret the portal gave this tablet. Kept on this tablet only, never in the page's address.",
    save: "Save settings",
    saved: "Settings saved.",
    save_failed: "Could not store them on the tablet: the settings hold until the page is closed.",
    url_empty: "Enter the upload address.",
    url_not_http: "The address must start with https:// or http://.",
    url_no_host: "The address has no server name (e.g. xa.example.vn).",
    url_spaces: "The address must not contain spaces.",
    url_credentials: "The address must not contain a user name or password (the part before @).",
    token_empty: "Enter the upload token the portal gave you.",
    token_bad: "The upload token holds only unaccented letters, digits and symbols, no spaces.",
    storage_failed: "The outbox on this tablet has a storage problem:",
    not_this_box: "The answer does not confirm this box (HTTP {status}: no box check code, or another one): the check file is not counted as sent. Check the portal's address",
    token_inherited: "This is the old address's upload token. A token never goes to another address: enter the one the new portal gave you.",
    proposal_heading: "Confirm a new upload address",
    proposal_intro: "The link just opened wants this tablet's check files sent to the server:",
    proposal_current: "Address in use:",
    proposal_none: "No address yet.",
    proposal_hint: "Confirm only if your commune or province portal gave you this very server. The old upload token does not go with the new address: after confirming, enter the token this portal gave you. Until then nothing is sent to the new address.",
    proposal_bad: "The link gives an address that cannot be used; nothing will be sent there:",
    proposal_pin: "Officer's PIN to confirm",
    proposal_confirm: "Confirm the new address",
    proposal_keep: "Keep the address in use",
    proposal_done: "Upload address changed. Enter the upload token this portal gave you and save the settings.",
    settings_pin: "Officer's PIN to save the settings",
    settings_pin_hint: "Only the officer may change where the check files go.",
};

/// The upload's words in `lang`.
pub fn strings(lang: Lang) -> &'static Strings {
    match lang {
        Lang::Vi => &VI,
        Lang::En => &EN,
    }
}

impl Strings {
    pub fn url_error(&self, e: UrlError) -> &'static str {
        match e {
            UrlError::Empty => self.url_empty,
            UrlError::NotHttp => self.url_not_http,
            UrlError::NoHost => self.url_no_host,
            UrlError::Spaces => self.url_spaces,
            UrlError::Credentials => self.url_credentials,
        }
    }

    pub fn token_error(&self, e: TokenError) -> &'static str {
        match e {
            TokenError::Empty => self.token_empty,
            TokenError::BadCharacters => self.token_bad,
            TokenError::Inherited => self.token_inherited,
        }
    }

    /// Why the last try failed, in words.
    pub fn retry(&self, why: Retry) -> String {
        match why {
            Retry::Offline => self.offline.to_owned(),
            Retry::Network => self.network.to_owned(),
            Retry::Timeout => self.timeout.to_owned(),
            Retry::Server(s) => self.server.replace("{status}", &s.to_string()),
            Retry::Unexpected(s) => self.unexpected.replace("{status}", &s.to_string()),
            Retry::NotThisBox(s) => self.not_this_box.replace("{status}", &s.to_string()),
        }
    }

    pub fn sent(&self, how: Accepted) -> &'static str {
        match how {
            Accepted::Stored => self.sent_stored,
            Accepted::AlreadyStored => self.sent_already,
        }
    }
}
