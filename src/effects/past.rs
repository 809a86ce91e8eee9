//! The meetings kept on this device (issue 19, item 1): read for the office page's list, one
//! reopened, one deleted, and a closed meeting marked as saved to a file. The rules are
//! `state::past`; this only reads and writes storage.

use std::collections::BTreeMap;

use phieu_core::Poll;
use yew::Callback;

use super::{save_now, spawn, storage_notice, with_box, with_box_shown};
use crate::edge::field_store;
use crate::edge::outbox::Outbox;
use crate::edge::store::{self, BoxKind, StoreError};
use crate::state::meeting::{Meeting, Phase};
use crate::state::meeting_record;
use crate::state::outbox::ItemState;
use crate::state::past::{Past, PastMeeting};
use crate::state::{Action, Notice};

/// Reads every meeting record with its box, and the outbox's states, into the list.
pub fn list(dispatch: Callback<Action>) {
    spawn(async move {
        match read_list().await {
            Ok(list) => dispatch.emit(Action::Past(list)),
            Err(e) => dispatch.emit(Action::Notice(Some(storage_notice(&e)))),
        }
    });
}

async fn read_list() -> Result<Vec<Past>, StoreError> {
    let store = store::shared().await?;
    // The outbox is another database: without it every closed meeting reads "not sent".
    let sent: BTreeMap<String, ItemState> = match Outbox::open().await {
        Ok(outbox) => {
            let items = outbox.all().await.unwrap_or_default();
            outbox.close();
            items
                .into_iter()
                .map(|i| (i.fingerprint, i.state))
                .collect()
        }
        Err(_) => BTreeMap::new(),
    };
    let mut list = Vec::new();
    for (id, record) in store.meeting_records().await? {
        let read = record
            .ok_or_else(|| "not text".to_owned())
            .and_then(|r| meeting_record::from_json(&r, Poll::from_json));
        match read {
            Ok(meeting) => {
                let (meeting, _damaged) = with_box(&store, meeting).await?;
                let state = (meeting.phase == Phase::Closed)
                    .then(|| meeting.bundle_fingerprint())
                    .flatten()
                    .and_then(|fp| sent.get(&fp));
                list.push(Past::Meeting(PastMeeting::of(&meeting, state)));
            }
            Err(why) => list.push(Past::Damaged {
                ballots: store.count(BoxKind::Real, &id).await?,
                id,
                why,
            }),
        }
    }
    Ok(list)
}

/// Reopens a closed meeting on the office page: its results, minutes, exports and upload.
pub fn open(id: String, dispatch: Callback<Action>) {
    spawn(async move {
        let opened = async {
            let store = store::shared().await?;
            let record = store
                .meeting_record(&id)
                .await?
                .and_then(|r| meeting_record::from_json(&r, Poll::from_json).ok());
            let Some(meeting) = record else {
                return Ok(None);
            };
            let (meeting, _damaged) = with_box_shown(&store, meeting, Some(&dispatch)).await?;
            Ok::<_, StoreError>(Some(meeting))
        };
        match opened.await {
            Ok(Some(meeting)) => {
                dispatch.emit(Action::Started(Some(meeting)));
                crate::edge::route::show(crate::state::Page::Home);
            }
            Ok(None) => dispatch.emit(Action::Notice(Some(Notice::each(|l| {
                super::words::effects_words(l).meeting_unreadable
            })))),
            Err(e) => dispatch.emit(Action::Notice(Some(storage_notice(&e)))),
        }
    });
}

/// Deletes a meeting, its boxes and (for a field session) its drafts, days and roll, then
/// reads the list again. The page asks twice first, and only offers this where
/// `PastMeeting::may_delete` allows.
pub fn delete(entry: PastMeeting, dispatch: Callback<Action>) {
    spawn(async move {
        if !entry.may_delete() {
            return;
        }
        let done = async {
            store::shared().await?.delete_meeting(&entry.id).await?;
            if entry.field {
                field_store::shared().await?.forget(&entry.id).await?;
            }
            Ok::<_, StoreError>(())
        };
        match done.await {
            Ok(()) => {
                dispatch.emit(Action::Notice(Some(Notice::each(|l| {
                    crate::i18n::past::past_words(l).deleted
                }))));
                list(dispatch);
            }
            Err(e) => dispatch.emit(Action::Notice(Some(storage_notice(&e)))),
        }
    });
}

/// The officer saved the closed meeting's audit bundle to a file: remember it (it may then be
/// deleted from the device).
pub fn exported(meeting: Meeting, dispatch: Callback<Action>) {
    if meeting.exported || meeting.phase != Phase::Closed {
        return;
    }
    let marked = Meeting {
        exported: true,
        ..meeting
    };
    spawn(async move {
        match save_now(&marked).await {
            Ok(()) => dispatch.emit(Action::MeetingStored(marked)),
            Err(e) => dispatch.emit(Action::Notice(Some(storage_notice(&e)))),
        }
    });
}

/// Stamps a new meeting with the date it is set up (for the list's order) and stores it.
pub fn create(meeting: Meeting, dispatch: Callback<Action>) {
    let stamped = Meeting {
        created: Some(js_sys::Date::now()),
        ..meeting
    };
    super::save(stamped, dispatch);
}
