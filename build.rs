//! The app's word tables, from the repository's `i18n/` (crate `phieu-i18n`; i18n/README.md):
//! each `i18n/<file>.toml` becomes struct `ty`, picked by `func(lang)`, in the module that
//! includes `$OUT_DIR/i18n/<file>.rs`.

use std::path::Path;

use phieu_i18n::Table;

#[rustfmt::skip]
const TABLES: &[Table] = &[
    Table { file: "app", ty: "Strings", func: "strings" },
    Table { file: "kiosk", ty: "Kiosk", func: "kiosk" },
    Table { file: "kiosk_present", ty: "PresentHints", func: "present_hints" },
    Table { file: "kiosk_storage", ty: "StorageWords", func: "storage_words" },
    Table { file: "kiosk_closing", ty: "ClosingWords", func: "closing_words" },
    Table { file: "field", ty: "Field", func: "field" },
    Table { file: "hands", ty: "HandsWords", func: "hands_words" },
    Table { file: "paper", ty: "PaperWords", func: "paper_words" },
    Table { file: "past", ty: "PastWords", func: "past_words" },
    Table { file: "results", ty: "Strings", func: "strings" },
    Table { file: "speech", ty: "SpeechWords", func: "speech_words" },
    Table { file: "upload", ty: "Strings", func: "strings" },
    Table { file: "designer", ty: "Words", func: "words" },
    Table { file: "designer_matter", ty: "MatterWords", func: "matter_words" },
    Table { file: "designer_setup", ty: "SetupWords", func: "setup_words" },
    Table { file: "state_meeting", ty: "MeetingSays", func: "meeting_says" },
    Table { file: "state_paper", ty: "PaperSays", func: "paper_says" },
    Table { file: "state_field", ty: "FieldSays", func: "field_says" },
    Table { file: "embed", ty: "Words", func: "words" },
    Table { file: "edge", ty: "EdgeWords", func: "edge_words" },
    Table { file: "effects", ty: "EffectsWords", func: "effects_words" },
];

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("i18n");
    phieu_i18n::build(&dir, TABLES, "phieu_core", false);
}
