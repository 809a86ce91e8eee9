//! The poll designer's model: a poll as the officer is making it (a [`Draft`]), the edits that
//! change it ([`Edit`]), where each problem the core finds belongs on the form ([`Field`]), and
//! the designer's session around it (which draft is open, whether it is saved, the preview).
//!
//! A draft is not a poll: it may be half typed, with empty labels and numbers that are not
//! numbers yet. [`Draft::check`] fills in the core's raw poll (`phieu_core::poll::dto`, the
//! format of docs/poll-format.md) and lets `Poll::try_from` decide, with the same checks as
//! `Poll::from_json`; the core's error names a field path, which
//! [`Field::of_path`] maps back to the field on the form, so the message appears next to what
//! the officer is typing. Only a checked [`Poll`] leaves the designer (exported, previewed or
//! used for a meeting); its hash is fixed from then on, and the designer keeps editing its own
//! draft, never the poll a meeting holds.
//!
//! Items and options carry a `key` that never changes while the draft lives: skip logic and
//! the survey target refer to keys, so renaming an id, reordering or deleting never makes a
//! reference point at the wrong question. Ids are written out only when the poll is built.
//!
//! One module per job: the draft and its queries (`draft`), the questions offered in one tap
//! with the law's wording (`preset`), the edits (`edit`), where a core error belongs on the
//! form (`field`), writing the poll through the core's raw poll (`writer`), and the drafts
//! kept on the device (`saved`); this file is the designer's session around them. Its I/O is
//! `effects::designer`.
//!
//! Plain Rust, no Yew and no browser: every edit and every mapping is a native unit test
//! (`designer/tests.rs`).

mod draft;
mod edit;
mod field;
mod preset;
mod saved;
mod writer;

use std::rc::Rc;

use phieu_core::{Poll, PollKind};

pub use draft::{Draft, ItemDraft, ItemType, KeptShowIf, Label, OptionDraft, ShowIf, TargetDraft};
pub use edit::{Edit, LabelAt};
pub use field::{Field, FieldProblem, ItemField, OptionField, Problem};
pub use preset::ItemPreset;
pub use saved::{DraftSummary, SavedDraft, DRAFT_FORMAT, DRAFT_VERSION};

use super::meeting::Voting;
use super::{Notice, VoterAction};

/// Whether the open draft is on disk.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveState {
    Saved,
    /// Edited since the last save; a save is due shortly.
    Unsaved,
    /// The last save failed (storage full, refused): the draft is still here, in memory.
    Failed(Notice),
}

/// The draft being edited.
#[derive(Clone, Debug, PartialEq)]
pub struct OpenDraft {
    pub key: String,
    pub draft: Draft,
    /// Counts edits; a save reports the revision it wrote, so an older save finishing late
    /// never marks newer edits as saved.
    pub revision: u64,
    pub save: SaveState,
}

/// The voter's screens over the draft's poll, where nothing is cast.
#[derive(Clone, Debug, PartialEq)]
pub struct Preview {
    pub poll: Rc<Poll>,
    pub voting: Voting,
    /// The voter confirmed: the preview says nothing was cast.
    pub finished: bool,
}

/// The designer: the drafts on this device, the one open, the preview.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Designer {
    /// The saved drafts, most recent first; `None` until read.
    pub drafts: Option<Vec<DraftSummary>>,
    /// Records in the store this build cannot read (kept, never deleted).
    pub unreadable: usize,
    pub open: Option<OpenDraft>,
    pub preview: Option<Preview>,
    /// Why the last import, template or storage action failed.
    pub notice: Option<Notice>,
}

/// How a new draft starts.
#[derive(Clone, Debug, PartialEq)]
pub enum NewDraft {
    Blank(PollKind),
    /// A copy of a checked poll: a template, a file, the poll chosen on setup.
    Copy(Rc<Poll>),
}

/// What happens to the designer.
#[derive(Clone, Debug)]
pub enum DesignerAction {
    /// The drafts store was read: each record's text.
    Listed(Vec<String>),
    /// Opens a draft: a saved one (`stored`), or a new one (blank, from a template or a file,
    /// a copy of a poll), which is saved at once.
    Open {
        key: String,
        draft: Box<Draft>,
        stored: bool,
    },
    /// Back to the list; the draft stays saved.
    Close,
    Edit(Edit),
    /// The save of `revision` is on disk.
    Saved(u64),
    SaveFailed(Notice),
    /// A saved draft was deleted.
    Deleted(String),
    /// Shows the voter's screens over this poll (a checked copy of the draft).
    StartPreview(Rc<Poll>),
    Vote(VoterAction),
    EndPreview,
    Notice(Option<Notice>),
}

fn summary(saved: &SavedDraft) -> DraftSummary {
    DraftSummary {
        key: saved.key.clone(),
        // An imported form's draft may have its title in another language only so far.
        title: [
            &saved.draft.title.vi,
            &saved.draft.title.en,
            &saved.draft.title.second,
        ]
        .into_iter()
        .find(|t| !t.trim().is_empty())
        .cloned()
        .unwrap_or_default(),
        kind: saved.draft.kind,
        items: saved.draft.items.len(),
        saved_ms: saved.saved_ms,
    }
}

impl Designer {
    /// The designer after `action`.
    pub fn apply(&self, action: DesignerAction) -> Designer {
        let mut next = self.clone();
        match action {
            DesignerAction::Listed(records) => {
                let mut read: Vec<SavedDraft> = records
                    .iter()
                    .filter_map(|r| SavedDraft::decode(r))
                    .collect();
                next.unreadable = records.len() - read.len();
                read.sort_by(|a, b| b.saved_ms.total_cmp(&a.saved_ms));
                next.drafts = Some(read.iter().map(summary).collect());
            }
            DesignerAction::Open { key, draft, stored } => {
                next.open = Some(OpenDraft {
                    key,
                    draft: *draft,
                    revision: 0,
                    save: if stored {
                        SaveState::Saved
                    } else {
                        SaveState::Unsaved
                    },
                });
                next.preview = None;
                next.notice = None;
            }
            DesignerAction::Close => {
                next.open = None;
                next.preview = None;
            }
            DesignerAction::Edit(edit) => {
                if let Some(open) = &mut next.open {
                    open.draft = open.draft.apply(edit);
                    open.revision += 1;
                    open.save = SaveState::Unsaved;
                }
            }
            DesignerAction::Saved(revision) => {
                if let Some(open) = next.open.as_mut().filter(|o| o.revision == revision) {
                    open.save = SaveState::Saved;
                }
            }
            DesignerAction::SaveFailed(why) => {
                if let Some(open) = &mut next.open {
                    open.save = SaveState::Failed(why);
                }
            }
            DesignerAction::Deleted(key) => {
                if let Some(list) = &mut next.drafts {
                    list.retain(|d| d.key != key);
                }
                if next.open.as_ref().is_some_and(|o| o.key == key) {
                    next.open = None;
                }
            }
            DesignerAction::StartPreview(poll) => {
                next.preview = Some(Preview {
                    voting: Voting::new(&poll, false),
                    poll,
                    finished: false,
                });
            }
            DesignerAction::Vote(v) => {
                if let Some(p) = &mut next.preview {
                    let poll = &p.poll;
                    match v {
                        VoterAction::Answer(i, a) => p.voting = p.voting.answer(poll, i, a),
                        VoterAction::Forward => p.voting = p.voting.forward(poll),
                        VoterAction::Back => p.voting = p.voting.back(poll),
                        VoterAction::Change(i) => p.voting = p.voting.change(i),
                        // Nothing is cast from a preview: it ends with a word saying so.
                        VoterAction::Confirm => p.finished = true,
                    }
                }
            }
            DesignerAction::EndPreview => next.preview = None,
            DesignerAction::Notice(n) => next.notice = n,
        }
        next
    }

    /// The record to write for the open draft now, with the revision it holds; `None` when
    /// nothing needs saving.
    pub fn to_save(&self, now_ms: f64) -> Option<(u64, String)> {
        let open = self.open.as_ref()?;
        (open.save != SaveState::Saved).then(|| {
            let saved = SavedDraft::new(open.key.clone(), now_ms, open.draft.clone());
            (open.revision, saved.encode())
        })
    }
}

#[cfg(test)]
mod tests;
