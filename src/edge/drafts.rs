//! The poll designer's drafts on this device, in IndexedDB.
//!
//! Its own database, `phieu-drafts`, with one object store `drafts` keyed by each draft's
//! random key, so that the drafts never share a schema version (or an upgrade) with the ballots
//! in `phieu`. Each record is a JSON text whose format belongs to the designer's model
//! (`state::designer::SavedDraft`); this module only stores and reads text.
//!
//! Drafts are written as the officer types, a moment after the last keystroke, and at once when
//! the page is hidden or closed. Unlike a ballot, a draft does not need `durability: "strict"`:
//! the default lets the browser flush in its own time, and a reload loses at most the last burst
//! of typing. Nothing here is ever a ballot or says anything about one.

use js_sys::Array;
use web_sys::{IdbDatabase, IdbObjectStore, IdbTransaction, IdbTransactionMode};

use crate::edge::store::{committed, done, open_database, StoreError};

/// The database name used by the app. Tests open others.
pub const DB_NAME: &str = "phieu-drafts";
const DB_VERSION: u32 = 1;
const DRAFTS: &str = "drafts";

/// The `sessionStorage` key of the draft open in this tab, so a reload reopens it.
pub const OPEN_KEY: &str = "phieu.designer.open";

/// An open connection to the drafts database.
#[derive(Clone)]
pub struct Drafts {
    db: IdbDatabase,
}

impl PartialEq for Drafts {
    fn eq(&self, other: &Self) -> bool {
        self.db == other.db
    }
}

fn js(e: wasm_bindgen::JsValue) -> StoreError {
    StoreError::from_js(&e)
}

impl Drafts {
    /// Opens (and on first use creates) the drafts database.
    pub async fn open() -> Result<Drafts, StoreError> {
        Drafts::open_named(DB_NAME).await
    }

    /// Opens the drafts database `name`; tests use their own names.
    pub async fn open_named(name: &str) -> Result<Drafts, StoreError> {
        Ok(Drafts {
            db: open_database(name, DB_VERSION, &[DRAFTS]).await?,
        })
    }

    /// Closes the connection (tests reopen to prove what is on disk).
    pub fn close(&self) {
        self.db.close();
    }

    fn store(
        &self,
        mode: IdbTransactionMode,
    ) -> Result<(IdbTransaction, IdbObjectStore), StoreError> {
        let tx = self
            .db
            .transaction_with_str_and_mode(DRAFTS, mode)
            .map_err(js)?;
        let store = tx.object_store(DRAFTS).map_err(js)?;
        Ok((tx, store))
    }

    /// Starts writing `record` as draft `key` and returns the transaction, without waiting:
    /// called while the page is being hidden, the write is queued before the page can go.
    fn start_put(&self, key: &str, record: &str) -> Result<IdbTransaction, StoreError> {
        let (tx, store) = self.store(IdbTransactionMode::Readwrite)?;
        store
            .put_with_key(&record.into(), &key.into())
            .map_err(js)?;
        Ok(tx)
    }

    /// Stores `record` as draft `key`, replacing what was there; resolves once committed.
    pub async fn put(&self, key: &str, record: &str) -> Result<(), StoreError> {
        let tx = self.start_put(key, record)?;
        committed(&tx).await
    }

    /// Every draft record on this device, in key order.
    pub async fn all(&self) -> Result<Vec<String>, StoreError> {
        let (_tx, store) = self.store(IdbTransactionMode::Readonly)?;
        let all = done(&store.get_all().map_err(js)?).await?;
        Ok(Array::from(&all)
            .iter()
            .filter_map(|v| v.as_string())
            .collect())
    }

    /// The record of draft `key`, if there is one.
    pub async fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        let (_tx, store) = self.store(IdbTransactionMode::Readonly)?;
        let value = done(&store.get(&key.into()).map_err(js)?).await?;
        Ok(value.as_string())
    }

    /// Deletes draft `key` (nothing happens when there is none).
    pub async fn delete(&self, key: &str) -> Result<(), StoreError> {
        let (tx, store) = self.store(IdbTransactionMode::Readwrite)?;
        store.delete(&key.into()).map_err(js)?;
        committed(&tx).await
    }
}

thread_local! {
    static SHARED: std::cell::RefCell<Option<Drafts>> = const { std::cell::RefCell::new(None) };
}

/// The page's one connection, opened on first use and kept for the life of the tab.
pub async fn shared() -> Result<Drafts, StoreError> {
    if let Some(drafts) = SHARED.with(|s| s.borrow().clone()) {
        return Ok(drafts);
    }
    let drafts = Drafts::open().await?;
    SHARED.with(|s| *s.borrow_mut() = Some(drafts.clone()));
    Ok(drafts)
}

/// Queues the write of `record` as draft `key` on the shared connection, now, without waiting
/// for it (for the moment the page is hidden). `false` when there is no connection yet or the
/// browser refused: the debounced save then is the last that reached the disk.
pub fn put_now(key: &str, record: &str) -> bool {
    SHARED
        .with(|s| s.borrow().clone())
        .is_some_and(|drafts| drafts.start_put(key, record).is_ok())
}

fn session_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

/// Remembers which draft this tab has open (or that none is), so a reload reopens it.
pub fn remember_open(key: Option<&str>) {
    if let Some(storage) = session_storage() {
        // Without it a reload shows the list of drafts, where the draft is: nothing is lost.
        let _ = match key {
            Some(key) => storage.set_item(OPEN_KEY, key),
            None => storage.remove_item(OPEN_KEY),
        };
    }
}

/// The draft this tab had open before a reload, if any.
pub fn remembered_open() -> Option<String> {
    session_storage()?.get_item(OPEN_KEY).ok().flatten()
}

/// The time now in ms since the epoch, for the order of the drafts list.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// A moment as the device's clock shows it: "14:05, 25/11/2026" (the Vietnamese order, which
/// the English page keeps: it is a date on a village tablet).
pub fn local_time(ms: f64) -> String {
    let d = js_sys::Date::new(&ms.into());
    format!(
        "{:02}:{:02}, {:02}/{:02}/{}",
        d.get_hours(),
        d.get_minutes(),
        d.get_date(),
        d.get_month() + 1,
        d.get_full_year()
    )
}

/// Calls `f` when the page is hidden (another app, the tab switched, the tab closing or
/// reloading): the moment to write what is not saved yet. Listening stops when the returned
/// listeners are dropped.
pub fn on_hide(f: impl Fn() + Clone + 'static) -> [gloo::events::EventListener; 2] {
    let document = gloo::utils::document();
    let hidden = {
        let f = f.clone();
        let doc = document.clone();
        gloo::events::EventListener::new(&document, "visibilitychange", move |_| {
            if doc.hidden() {
                f();
            }
        })
    };
    let closing =
        gloo::events::EventListener::new(&gloo::utils::window(), "pagehide", move |_| f());
    [hidden, closing]
}
