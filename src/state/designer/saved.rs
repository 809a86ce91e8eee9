//! The drafts kept on the device: the record format of the drafts store ([`SavedDraft`],
//! versioned, an old version read forward) and one line of the list of drafts
//! ([`DraftSummary`]). The store itself is `edge::drafts`; its I/O is `effects::designer`.

use phieu_core::PollKind;
use serde::{Deserialize, Serialize};

use super::draft::Draft;

/// The record format of the drafts store: the draft and when it was last saved (for the
/// order of the list; a draft is not a ballot, and its time reveals nothing about a vote).
pub const DRAFT_FORMAT: &str = "phieu/draft";

/// The version of the draft record this build writes. Version 2 (bundle format 2) added a
/// decision's `matter`; a record without `version` is version 1, from before it.
pub const DRAFT_VERSION: u32 = 2;

fn version_one() -> u32 {
    1
}

/// A draft as stored, under its own random `key`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SavedDraft {
    pub format: String,
    #[serde(default = "version_one")]
    pub version: u32,
    pub key: String,
    pub saved_ms: f64,
    pub draft: Draft,
}

impl SavedDraft {
    pub fn new(key: String, saved_ms: f64, draft: Draft) -> SavedDraft {
        SavedDraft {
            format: DRAFT_FORMAT.into(),
            version: DRAFT_VERSION,
            key,
            saved_ms,
            draft,
        }
    }

    /// The record's text.
    pub fn encode(&self) -> String {
        // Strings, numbers and booleans only: serialising cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// A record read back, or `None` when it is not a draft this build can read. A version 1
    /// decision opens with the matter of its preset, and is version 2 from then on.
    pub fn decode(text: &str) -> Option<SavedDraft> {
        let mut saved = serde_json::from_str::<SavedDraft>(text)
            .ok()
            .filter(|d| d.format == DRAFT_FORMAT && d.version <= DRAFT_VERSION)?;
        if saved.version < 2 {
            saved.draft = saved.draft.with_matter_from_preset();
            saved.version = DRAFT_VERSION;
        }
        Some(saved)
    }
}

/// One line of the list of drafts.
#[derive(Clone, Debug, PartialEq)]
pub struct DraftSummary {
    pub key: String,
    pub title: String,
    pub kind: PollKind,
    pub items: usize,
    /// When it was last saved (ms since the epoch), to tell two drafts of one title apart.
    pub saved_ms: f64,
}
