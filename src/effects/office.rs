//! The office page's I/O outside the meeting: the poll that setup loads (a template, a poll
//! file, an XLSForm workbook, the list of templates) and the files the auditor's verify and
//! merge pages read. Each reads at the edge and reports back through a callback; the pages only
//! draw and dispatch.

use std::rc::Rc;

use phieu_core::Poll;
use yew::platform::spawn_local;
use yew::Callback;

use super::words::effects_words;
use crate::edge::file_input::{FileError, PickedFile};
use crate::edge::poll_loader::{self, TemplateEntry};
use crate::state::setup::XlsForm;
use crate::state::Notice;
use phieu_xlsform::ImportedPoll;

/// The largest XLSForm read: the importer's own limit (`docs/xlsform.md` §Problems).
const MAX_XLSFORM: u64 = 8 * 1024 * 1024;

/// The largest poll file read: a poll definition is small; anything over 2 MB is not one.
const MAX_POLL_FILE: u64 = 2 * 1024 * 1024;

/// A file's name and its text (at most `limit` bytes), or why it could not be read.
pub type FileText = (String, Result<String, FileError>);

/// Reads `file` as text, at most `limit` bytes, and reports it to `done`.
pub fn read_text(file: PickedFile, limit: u64, done: Callback<FileText>) {
    spawn_local(async move {
        let text = file.read_text(limit).await;
        done.emit((file.name.clone(), text));
    });
}

/// Reads `files` as text one after another, in the order given (so the boxes of a merge keep
/// the order picked), reporting each to `done` as it is read.
pub fn read_texts_in_order(files: Vec<PickedFile>, limit: u64, done: Callback<FileText>) {
    spawn_local(async move {
        for file in files {
            let text = file.read_text(limit).await;
            done.emit((file.name.clone(), text));
        }
    });
}

/// Lists the templates shipped with the app; `done` hears the list, and nothing when it cannot
/// be read (setup then offers none).
pub fn load_templates(done: Callback<Vec<TemplateEntry>>) {
    spawn_local(async move {
        if let Ok(list) = poll_loader::load_templates().await {
            done.emit(list);
        }
    });
}

/// A poll, or why it could not be used.
pub type PollChoice = Result<Rc<Poll>, Notice>;

/// Loads the template `entry`.
pub fn load_template(entry: TemplateEntry, done: Callback<PollChoice>) {
    spawn_local(async move {
        done.emit(match poll_loader::load_poll(&entry.url()).await {
            Ok(poll) => Ok(Rc::new(poll)),
            Err(e) => Err(Notice::each(|l| e.message(l))),
        });
    });
}

/// Reads a poll file the officer chose and checks it with the core.
pub fn read_poll_file(file: PickedFile, done: Callback<PollChoice>) {
    spawn_local(async move {
        let read = file.read_text(MAX_POLL_FILE).await;
        let parsed = read
            .map_err(|e| Notice::each(|l| e.message(l)))
            .and_then(|text| {
                Poll::from_json(&text).map_err(|e| {
                    Notice::each(|l| effects_words(l).setup_file_problem(&file.name, e.message(l)))
                })
            });
        done.emit(parsed.map(Rc::new));
    });
}

/// The file name without its extension: the poll's id when the form has no `form_id`.
fn file_stem(name: &str) -> String {
    name.rsplit_once('.')
        .map_or(name, |(stem, _)| stem)
        .to_owned()
}

/// Reads an XLSForm workbook and imports it with `phieu_xlsform`: `xls` hears what it gave
/// (not read, its problems, or what was imported), and `on_poll` the imported poll.
pub fn import_xlsform(file: PickedFile, xls: Callback<XlsForm>, on_poll: Callback<Rc<Poll>>) {
    spawn_local(async move {
        let bytes = match file.read_bytes(MAX_XLSFORM).await {
            Ok(bytes) => bytes,
            Err(e) => {
                xls.emit(XlsForm::Unread(Notice::each(|l| e.message(l))));
                return;
            }
        };
        let options = phieu_xlsform::ImportOptions {
            commune: None,
            village: None,
            file_stem: file_stem(&file.name),
        };
        match phieu_xlsform::import(&bytes, &options).map(|i| i.into_parts()) {
            Ok((ImportedPoll::Ready(poll), skipped)) => {
                xls.emit(XlsForm::Imported {
                    file: file.name,
                    questions: poll.items().len(),
                    skipped: Rc::new(phieu_xlsform::group_skipped(&skipped)),
                });
                on_poll.emit(Rc::new(poll));
            }
            // No Vietnamese labels (issue 23, item 6): into the designer, never a poll yet.
            Ok((ImportedPoll::NeedsVietnamese(dto), _)) => {
                let name = file.name.clone();
                let failed = xls.reform(XlsForm::Unread);
                xls.emit(XlsForm::NeedsVietnamese { file: name });
                super::designer::open_imported(dto, failed);
            }
            Err(problems) => xls.emit(XlsForm::Problems {
                file: file.name,
                problems: Rc::new(phieu_xlsform::group_problems(&problems)),
            }),
        }
    });
}
