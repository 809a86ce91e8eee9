//! The poll designer's I/O: the drafts store (`edge::drafts`, IndexedDB `phieu-drafts`), the
//! templates and poll files a new draft starts from, a random key for it, the save a moment
//! after the last edit and when the page is hidden, and the export of a checked poll. Each
//! reports back to the designer's model (`state::designer`) with a [`DesignerAction`]; the
//! page (`pages/designer.rs`) only draws and calls these.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use phieu_core::poll::dto::PollDto;
use phieu_core::{Lang, Poll};
use yew::Callback;

use super::spawn;
use super::words::effects_words;
use crate::edge::file_input::PickedFile;
use crate::edge::poll_loader::{self, TemplateEntry};
use crate::edge::{download, drafts, random, route};
use crate::state::designer::{Designer, DesignerAction, Draft, NewDraft, SavedDraft};
use crate::state::{Notice, Page};

/// How long after the last keystroke the draft is written (ms): long enough that a burst of
/// typing is one write, short enough that a reload loses at most that burst.
pub const SAVE_DELAY_MS: u32 = 400;

/// The largest poll file read (a 500-question poll is a few hundred kilobytes).
const MAX_POLL_FILE: u64 = 2 * 1024 * 1024;

fn notice_of(say: impl Fn(Lang) -> String) -> DesignerAction {
    DesignerAction::Notice(Some(Notice::each(say)))
}

/// Reads the drafts store into the list; with `reopen`, opens again the draft this tab had open
/// before a reload.
pub fn list(dispatch: Callback<DesignerAction>, reopen: bool) {
    spawn(list_drafts(dispatch, reopen));
}

async fn list_drafts(dispatch: Callback<DesignerAction>, reopen: bool) {
    let records = match drafts::shared().await {
        Ok(db) => db.all().await,
        Err(e) => Err(e),
    };
    match records {
        Ok(records) => {
            if reopen {
                let open = drafts::remembered_open().and_then(|key| {
                    records
                        .iter()
                        .filter_map(|r| SavedDraft::decode(r))
                        .find(|d| d.key == key)
                });
                if let Some(saved) = open {
                    dispatch.emit(DesignerAction::Open {
                        key: saved.key,
                        draft: Box::new(saved.draft),
                        stored: true,
                    });
                }
            }
            dispatch.emit(DesignerAction::Listed(records));
        }
        Err(e) => {
            dispatch.emit(DesignerAction::Listed(Vec::new()));
            dispatch.emit(notice_of(|l| e.message(l)));
        }
    }
}

/// Remembers which draft this tab has open, so that a reload opens it again.
pub fn remember_open(key: Option<&str>) {
    drafts::remember_open(key);
}

/// Writes the open draft now if it needs it, and says how it went.
pub fn save(designer: &Designer, dispatch: Callback<DesignerAction>) {
    let (Some(open), Some((revision, record))) =
        (designer.open.as_ref(), designer.to_save(drafts::now_ms()))
    else {
        return;
    };
    let key = open.key.clone();
    spawn(async move {
        let stored = match drafts::shared().await {
            Ok(db) => db.put(&key, &record).await,
            Err(e) => Err(e),
        };
        dispatch.emit(match stored {
            Ok(()) => DesignerAction::Saved(revision),
            Err(e) => DesignerAction::SaveFailed(Notice::each(|l| e.message(l))),
        });
    });
}

/// The save [`SAVE_DELAY_MS`] after the last edit of `designer`; dropping the timer (the next
/// edit) cancels it.
pub fn save_after_pause(designer: Designer, dispatch: Callback<DesignerAction>) -> Timeout {
    Timeout::new(SAVE_DELAY_MS, move || save(&designer, dispatch))
}

/// Writes the open draft at once when the page is hidden or closed, from the latest model;
/// dropping the listeners stops it.
pub fn save_on_hide(latest: Rc<RefCell<Designer>>) -> [EventListener; 2] {
    drafts::on_hide(move || {
        let d = latest.borrow();
        if let (Some(open), Some((_, record))) = (d.open.as_ref(), d.to_save(drafts::now_ms())) {
            drafts::put_now(&open.key, &record);
        }
    })
}

/// Back to the list: writes the open draft first if it needs it, closes it, and reads the
/// list again. A failed write is said above the list, as the store's other failures are (the
/// list then shows what is on disk).
pub fn close(designer: &Designer, dispatch: Callback<DesignerAction>) {
    let pending = designer
        .open
        .as_ref()
        .zip(designer.to_save(drafts::now_ms()))
        .map(|(o, (_, record))| (o.key.clone(), record));
    spawn(async move {
        let mut failed = None;
        if let Some((key, record)) = pending {
            let stored = match drafts::shared().await {
                Ok(db) => db.put(&key, &record).await,
                Err(e) => Err(e),
            };
            failed = stored.err();
        }
        dispatch.emit(DesignerAction::Close);
        if let Some(e) = failed {
            dispatch.emit(notice_of(|l| e.message(l)));
        }
        list_drafts(dispatch, false).await;
    });
}

/// Opens a saved draft; one gone or unreadable since the list was read reads the list again.
pub fn open_saved(key: String, dispatch: Callback<DesignerAction>) {
    spawn(async move {
        let record = match drafts::shared().await {
            Ok(db) => db.get(&key).await,
            Err(e) => Err(e),
        };
        match record.map(|r| r.as_deref().and_then(SavedDraft::decode)) {
            Ok(Some(saved)) => dispatch.emit(DesignerAction::Open {
                key: saved.key,
                draft: Box::new(saved.draft),
                stored: true,
            }),
            Ok(None) => list_drafts(dispatch, false).await,
            Err(e) => dispatch.emit(notice_of(|l| e.message(l))),
        }
    });
}

/// Deletes a saved draft.
pub fn delete(key: String, dispatch: Callback<DesignerAction>) {
    spawn(async move {
        let deleted = match drafts::shared().await {
            Ok(db) => db.delete(&key).await,
            Err(e) => Err(e),
        };
        match deleted {
            Ok(()) => dispatch.emit(DesignerAction::Deleted(key)),
            Err(e) => dispatch.emit(notice_of(|l| e.message(l))),
        }
    });
}

/// Opens a new draft under a fresh random key (saved at once by the pause after it).
pub fn new_draft(new: NewDraft, dispatch: &Callback<DesignerAction>) {
    let Some(key) = random::id() else {
        dispatch.emit(notice_of(|l| effects_words(l).designer_no_random.into()));
        return;
    };
    let draft = match new {
        NewDraft::Blank(kind) => Draft::blank(kind, format!("phieu-{}", &key[..8])),
        NewDraft::Copy(poll) => Draft::from_poll(&poll),
    };
    dispatch.emit(DesignerAction::Open {
        key,
        draft: Box::new(draft),
        stored: false,
    });
}

/// Opens a form imported without Vietnamese labels in the designer (issue 23, item 6): its
/// draft is saved under a fresh key and remembered as this tab's open draft, then the designer
/// shows, opens it, and marks every Vietnamese label to write. `failed` hears why it could not.
pub fn open_imported(dto: PollDto, failed: Callback<Notice>) {
    let (Some(draft), Some(key)) = (Draft::from_raw(&dto), random::id()) else {
        failed.emit(Notice::each(|l| effects_words(l).import_not_opened));
        return;
    };
    let record = SavedDraft::new(key.clone(), drafts::now_ms(), draft).encode();
    spawn(async move {
        let stored = match drafts::shared().await {
            Ok(db) => db.put(&key, &record).await,
            Err(e) => Err(e),
        };
        match stored {
            Ok(()) => {
                drafts::remember_open(Some(&key));
                route::show(Page::Designer);
            }
            Err(e) => failed.emit(Notice::each(|l| e.message(l))),
        }
    });
}

/// Reads the list of templates, for the start screen, with its failure in `lang`.
pub fn templates(lang: Lang, loaded: Callback<Result<Vec<TemplateEntry>, String>>) {
    spawn(async move {
        loaded.emit(
            poll_loader::load_templates()
                .await
                .map_err(|e| e.message(lang)),
        );
    });
}

/// A new draft, a copy of the template at `url`.
pub fn from_template(url: String, dispatch: Callback<DesignerAction>) {
    spawn(async move {
        match poll_loader::load_poll(&url).await {
            Ok(poll) => new_draft(NewDraft::Copy(Rc::new(poll)), &dispatch),
            Err(e) => dispatch.emit(notice_of(|l| e.message(l))),
        }
    });
}

/// A new draft, a copy of the poll in a file the officer picked.
pub fn from_file(file: PickedFile, dispatch: Callback<DesignerAction>) {
    spawn(async move {
        match file.read_text(MAX_POLL_FILE).await {
            Err(e) => dispatch.emit(notice_of(|l| e.message(l))),
            Ok(text) => match Poll::from_json(&text) {
                Ok(poll) => new_draft(NewDraft::Copy(Rc::new(poll)), &dispatch),
                Err(e) => dispatch.emit(notice_of(|l| {
                    effects_words(l).designer_file_problem(&file.name, e.message(l))
                })),
            },
        }
    });
}

/// Downloads a checked poll as `ID.json`.
pub fn export(poll: &Poll, dispatch: &Callback<DesignerAction>) {
    let file = format!("{}.json", poll.id());
    if let Err(e) = download::download(&file, download::JSON, &poll.to_json()) {
        dispatch.emit(notice_of(|l| e.message(l)));
    }
}
