//! Leaf components: they take props and callbacks, hold no app state.

pub mod bar_chart;
pub mod code_panel;
pub mod designer;
pub mod file_pick;
pub mod hands;
pub mod header;
pub mod listen;
pub mod outbox_pump;
pub mod paper_sheet;
pub mod pin_pad;
pub mod question;
pub mod reading_pick;
pub mod receipt_check;
pub mod review;
pub mod upload;
