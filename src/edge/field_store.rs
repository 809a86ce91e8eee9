//! A field survey's working storage: the draft of the respondent in progress and the count of
//! responses per day, in IndexedDB.
//!
//! Its own database, `phieu-field`, so that it never shares a schema version (or an upgrade)
//! with the ballots in `phieu`. Three object stores:
//! - `drafts`: at most one record per field session, keyed by the meeting id: the answers of
//!   the respondent in progress (`state::field::Draft`), written at every answer and deleted
//!   when the response is committed or discarded;
//! - `days`: one integer per session and local date, keyed by `[meeting id, "YYYY-MM-DD"]`.
//!   It counts confirmations and names no response; the ballots themselves keep no time.
//! - `rolls` (version 2): the household roll of a collection by forms, one record per
//!   session keyed by the meeting id (`state::field::Roll`): the total, the names, and the
//!   *set* of households that answered, sorted by number. Never in the same database, store or
//!   transaction as a ballot, and it holds no commitment, order or time: the roll cannot be
//!   linked to a form (docs/security.md, "Forms handed to households").
//!
//! Every write asks for `durability: "strict"` (`store::strict_write`): a draft is what a dead
//! battery must not lose. Counting a response and deleting its draft are one transaction, so a
//! response is counted exactly once even if the device dies in between.

use js_sys::Array;
use wasm_bindgen::JsValue;
use web_sys::{IdbDatabase, IdbKeyRange, IdbObjectStore, IdbTransaction};

use crate::edge::store::{committed, done, open_database, strict_write, StoreError};

/// The database name used by the app. Tests open others.
pub const DB_NAME: &str = "phieu-field";
/// Version 2 added `rolls`; opening a version-1 database creates it and keeps the rest.
const DB_VERSION: u32 = 2;
const DRAFTS: &str = "drafts";
const DAYS: &str = "days";
const ROLLS: &str = "rolls";

/// An open connection to the field database.
#[derive(Clone)]
pub struct FieldStore {
    db: IdbDatabase,
}

fn js(e: JsValue) -> StoreError {
    StoreError::from_js(&e)
}

fn day_key(meeting: &str, day: &str) -> JsValue {
    Array::of2(&meeting.into(), &day.into()).into()
}

/// All keys `[meeting, *]` (see `store.rs`: `[]` sorts after every string).
fn meeting_range(meeting: &str) -> Result<IdbKeyRange, StoreError> {
    let lower = Array::of1(&meeting.into());
    let upper = Array::of2(&meeting.into(), &Array::new());
    IdbKeyRange::bound(&lower, &upper).map_err(js)
}

impl FieldStore {
    /// Opens (and on first use creates) the field database.
    pub async fn open() -> Result<FieldStore, StoreError> {
        FieldStore::open_named(DB_NAME).await
    }

    /// Opens the field database `name`; tests use their own names.
    pub async fn open_named(name: &str) -> Result<FieldStore, StoreError> {
        Ok(FieldStore {
            db: open_database(name, DB_VERSION, &[DRAFTS, DAYS, ROLLS]).await?,
        })
    }

    /// Closes the connection (tests reopen to prove what is on disk).
    pub fn close(&self) {
        self.db.close();
    }

    fn read(&self, store: &str) -> Result<(IdbTransaction, IdbObjectStore), StoreError> {
        let tx = self.db.transaction_with_str(store).map_err(js)?;
        let s = tx.object_store(store).map_err(js)?;
        Ok((tx, s))
    }

    /// Replaces the draft of session `meeting`; resolves once it is on disk.
    pub async fn put_draft(&self, meeting: &str, record: &str) -> Result<(), StoreError> {
        let tx = strict_write(&self.db, &[DRAFTS])?;
        tx.object_store(DRAFTS)
            .map_err(js)?
            .put_with_key(&record.into(), &meeting.into())
            .map_err(js)?;
        committed(&tx).await
    }

    /// The draft of session `meeting`, if there is one.
    pub async fn draft(&self, meeting: &str) -> Result<Option<String>, StoreError> {
        let (_tx, store) = self.read(DRAFTS)?;
        let value = done(&store.get(&meeting.into()).map_err(js)?).await?;
        Ok(value.as_string())
    }

    /// Deletes the draft of session `meeting` (discarded, or the survey closed).
    pub async fn delete_draft(&self, meeting: &str) -> Result<(), StoreError> {
        let tx = strict_write(&self.db, &[DRAFTS])?;
        tx.object_store(DRAFTS)
            .map_err(js)?
            .delete(&meeting.into())
            .map_err(js)?;
        committed(&tx).await
    }

    /// Counts one more response on `day` and deletes the session's draft, in one transaction.
    pub async fn count_and_forget(&self, meeting: &str, day: &str) -> Result<(), StoreError> {
        let tx = strict_write(&self.db, &[DAYS, DRAFTS])?;
        let days = tx.object_store(DAYS).map_err(js)?;
        let key = day_key(meeting, day);
        let now = done(&days.get(&key).map_err(js)?).await?;
        let n = now.as_f64().unwrap_or(0.0) + 1.0;
        days.put_with_key(&JsValue::from_f64(n), &key).map_err(js)?;
        tx.object_store(DRAFTS)
            .map_err(js)?
            .delete(&meeting.into())
            .map_err(js)?;
        committed(&tx).await
    }

    /// Replaces the household roll of session `meeting`; resolves once it is on disk.
    pub async fn put_roll(&self, meeting: &str, record: &str) -> Result<(), StoreError> {
        let tx = strict_write(&self.db, &[ROLLS])?;
        tx.object_store(ROLLS)
            .map_err(js)?
            .put_with_key(&record.into(), &meeting.into())
            .map_err(js)?;
        committed(&tx).await
    }

    /// Replaces the roll of session `meeting` (a household just marked) and its draft (that
    /// household's form, not yet answered), in one transaction: a reload after a household is
    /// marked offers its form back instead of losing it. The draft names no household.
    pub async fn put_roll_and_draft(
        &self,
        meeting: &str,
        roll: &str,
        draft: &str,
    ) -> Result<(), StoreError> {
        let tx = strict_write(&self.db, &[ROLLS, DRAFTS])?;
        tx.object_store(ROLLS)
            .map_err(js)?
            .put_with_key(&roll.into(), &meeting.into())
            .map_err(js)?;
        tx.object_store(DRAFTS)
            .map_err(js)?
            .put_with_key(&draft.into(), &meeting.into())
            .map_err(js)?;
        committed(&tx).await
    }

    /// The household roll of session `meeting`, if it is a collection by forms.
    pub async fn roll(&self, meeting: &str) -> Result<Option<String>, StoreError> {
        let (_tx, store) = self.read(ROLLS)?;
        let value = done(&store.get(&meeting.into()).map_err(js)?).await?;
        Ok(value.as_string())
    }

    /// Forgets everything of session `meeting` (its draft, its days, its roll), in one
    /// transaction: when the meeting itself is deleted from the device (`state::past`).
    pub async fn forget(&self, meeting: &str) -> Result<(), StoreError> {
        let tx = strict_write(&self.db, &[DRAFTS, DAYS, ROLLS])?;
        for name in [DRAFTS, ROLLS] {
            tx.object_store(name)
                .map_err(js)?
                .delete(&meeting.into())
                .map_err(js)?;
        }
        tx.object_store(DAYS)
            .map_err(js)?
            .delete(&meeting_range(meeting)?.into())
            .map_err(js)?;
        committed(&tx).await
    }

    /// Every day of session `meeting` with its count, in date order.
    pub async fn days(&self, meeting: &str) -> Result<Vec<(String, u64)>, StoreError> {
        let (_tx, store) = self.read(DAYS)?;
        let range = meeting_range(meeting)?;
        let keys = done(&store.get_all_keys_with_key(&range).map_err(js)?).await?;
        let values = done(&store.get_all_with_key(&range).map_err(js)?).await?;
        // Both lists come in key order, so the n-th count belongs to the n-th key.
        Ok(Array::from(&keys)
            .iter()
            .zip(Array::from(&values).iter())
            .filter_map(|(k, v)| {
                let day = Array::from(&k).get(1).as_string()?;
                Some((day, v.as_f64()? as u64))
            })
            .collect())
    }
}

/// Today's date on this device's clock, in its time zone: `YYYY-MM-DD`.
pub fn today() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}

thread_local! {
    static SHARED: std::cell::RefCell<Option<FieldStore>> = const { std::cell::RefCell::new(None) };
}

/// The app's one connection, opened on first use and kept for the life of the tab.
pub async fn shared() -> Result<FieldStore, StoreError> {
    if let Some(store) = SHARED.with(|s| s.borrow().clone()) {
        return Ok(store);
    }
    let store = FieldStore::open().await?;
    SHARED.with(|s| *s.borrow_mut() = Some(store.clone()));
    Ok(store)
}
