//! The words of the meeting flow: setup, the officer's console, the voter's screens.

use phieu_core::Lang;

use crate::i18n::Electors;

include!(concat!(env!("OUT_DIR"), "/i18n/kiosk.rs"));

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

include!(concat!(env!("OUT_DIR"), "/i18n/kiosk_present.rs"));

include!(concat!(env!("OUT_DIR"), "/i18n/kiosk_storage.rs"));

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
            let point = storage_words(lang).decimal_point;
            format!("{}{point}{} GB", tenths / 10, tenths % 10)
        }
    }
}

include!(concat!(env!("OUT_DIR"), "/i18n/kiosk_closing.rs"));
