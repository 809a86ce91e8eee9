//! The device's durable storage: meetings and ballot boxes in IndexedDB.
//!
//! One database, `phieu`, with three object stores:
//! - `meetings`: one record per meeting (the poll, the electorate, the minutes' names, the
//!   officer's PIN hash, whether voting is open), keyed by the meeting's random id;
//! - `ballots`: the real ballot box, one opening (`Ballot::to_opening_json`) per ballot, keyed
//!   by `[meeting id, commitment]`;
//! - `test_ballots`: the logic-and-accuracy test box, same shape, cleared after the test. Test
//!   ballots live in their own store so that no code path can count them in the real box.
//!
//! Keys are commitments, never counters, and no record holds a time: IndexedDB returns ballots
//! sorted by key, so nothing read back reveals the order of casting. A cast is a `put` keyed by
//! its commitment, so a retry of the same ballot can never store it twice.
//!
//! Every write asks for `durability: "strict"` and is awaited until the transaction's
//! `complete` event: only then has the browser flushed it to disk, and only then may the app
//! show the receipt. (A thin wrapper over `web-sys` rather than a crate: the IndexedDB crates
//! do not expose the durability option, and every kilobyte of wasm counts.)

use js_sys::{Array, Function, Object, Promise, Reflect};
use phieu_core::Lang;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    DomException, IdbDatabase, IdbKeyRange, IdbOpenDbRequest, IdbRequest, IdbTransaction,
};

/// The database name used by the app. Tests open others.
pub const DB_NAME: &str = "phieu";
const DB_VERSION: u32 = 1;
const MEETINGS: &str = "meetings";

/// Which ballot box.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BoxKind {
    /// The real box: what the minutes count.
    Real,
    /// The logic-and-accuracy test box: never counted, cleared after the test.
    Test,
}

impl BoxKind {
    fn store(self) -> &'static str {
        match self {
            BoxKind::Real => "ballots",
            BoxKind::Test => "test_ballots",
        }
    }
}

/// Why storage failed. Each says, in the officer's language, what to do about it.
#[derive(Clone, Debug, PartialEq)]
pub enum StoreError {
    /// IndexedDB is missing or refused (private browsing, disabled storage).
    Unavailable(String),
    /// The device's storage quota is used up.
    Full,
    /// Another tab holds an older version of the database open.
    Blocked,
    /// Any other failure, with the browser's words.
    Failed(String),
}

impl StoreError {
    pub fn message(&self, lang: Lang) -> String {
        let w = super::words::edge_words(lang);
        match self {
            StoreError::Unavailable(d) => w.store_unavailable(d),
            StoreError::Full => w.store_full.into(),
            StoreError::Blocked => w.store_blocked.into(),
            StoreError::Failed(d) => w.store_failed(d),
        }
    }

    /// Maps a browser error (a `DOMException` or anything else) to what it means here.
    pub fn from_js(value: &JsValue) -> StoreError {
        match value.dyn_ref::<DomException>() {
            Some(e) if e.name() == "QuotaExceededError" => StoreError::Full,
            Some(e) if matches!(e.name().as_str(), "InvalidStateError" | "SecurityError") => {
                StoreError::Unavailable(e.message())
            }
            Some(e) => StoreError::Failed(format!("{}: {}", e.name(), e.message())),
            None => StoreError::Failed(
                value
                    .as_string()
                    .unwrap_or_else(|| "unknown error".to_owned()),
            ),
        }
    }
}

/// Whether a cast stored a new ballot or found it already there (a retry).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cast {
    Stored,
    AlreadyStored,
}

/// An open connection to the database.
#[derive(Clone)]
pub struct Store {
    db: IdbDatabase,
}

impl PartialEq for Store {
    fn eq(&self, other: &Self) -> bool {
        self.db == other.db
    }
}

/// Resolves when `request` succeeds (with its result) or fails (with its error).
pub(crate) async fn done(request: &IdbRequest) -> Result<JsValue, StoreError> {
    let promise = Promise::new(&mut |resolve, reject| {
        request.set_onsuccess(Some(&resolve));
        request.set_onerror(Some(&reject));
    });
    match JsFuture::from(promise).await {
        Ok(_) => request.result().map_err(|e| StoreError::from_js(&e)),
        Err(_) => Err(request
            .error()
            .ok()
            .flatten()
            .map(|e| StoreError::from_js(&e))
            .unwrap_or_else(|| StoreError::Failed("request failed".into()))),
    }
}

/// Resolves when `tx` has committed (its `complete` event), or fails when it aborts.
pub(crate) async fn committed(tx: &IdbTransaction) -> Result<(), StoreError> {
    let promise = Promise::new(&mut |resolve, reject| {
        tx.set_oncomplete(Some(&resolve));
        tx.set_onerror(Some(&reject));
        tx.set_onabort(Some(&reject));
    });
    JsFuture::from(promise).await.map(|_| ()).map_err(|_| {
        tx.error()
            .map(|e| StoreError::from_js(&e))
            .unwrap_or_else(|| StoreError::Failed("transaction aborted".into()))
    })
}

/// Opens (and on first use creates) database `name` at `version` with `stores`, all with
/// out-of-line keys: the caller names every key. Shared by the ballot store and the outbox.
pub(crate) async fn open_database(
    name: &str,
    version: u32,
    stores: &[&'static str],
) -> Result<IdbDatabase, StoreError> {
    let factory = web_sys::window()
        .ok_or_else(|| StoreError::Unavailable("no window".into()))?
        .indexed_db()
        .map_err(|e| StoreError::from_js(&e))?
        .ok_or_else(|| StoreError::Unavailable("no IndexedDB".into()))?;
    let request: IdbOpenDbRequest = factory
        .open_with_u32(name, version)
        .map_err(|e| StoreError::from_js(&e))?;
    let upgrade = Closure::<dyn FnMut(web_sys::Event)>::new({
        let request = request.clone();
        let stores = stores.to_vec();
        move |_| {
            if let Ok(db) = request.result().and_then(|r| r.dyn_into::<IdbDatabase>()) {
                for store in &stores {
                    if !db.object_store_names().contains(store) {
                        let _ = db.create_object_store(store);
                    }
                }
            }
        }
    });
    request.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
    let blocked = Closure::<dyn FnMut(web_sys::Event)>::new(|_| {});
    request.set_onblocked(Some(blocked.as_ref().unchecked_ref()));
    let result = done(&request).await;
    request.set_onupgradeneeded(None);
    request.set_onblocked(None);
    let db: IdbDatabase = result?
        .dyn_into()
        .map_err(|_| StoreError::Failed("not a database".into()))?;
    // Another tab upgrading the schema asks us to let go rather than block it forever.
    let on_version_change = Closure::<dyn FnMut(web_sys::Event)>::new({
        let db = db.clone();
        move |_| db.close()
    });
    db.set_onversionchange(Some(on_version_change.as_ref().unchecked_ref()));
    on_version_change.forget();
    Ok(db)
}

/// A read-write transaction over `stores` with `durability: "strict"`: its `complete` event
/// comes only once the browser has flushed it to disk.
pub(crate) fn strict_write(
    db: &IdbDatabase,
    stores: &[&str],
) -> Result<IdbTransaction, StoreError> {
    let names: Array = stores.iter().map(|s| JsValue::from_str(s)).collect();
    let options = Object::new();
    let _ = Reflect::set(&options, &"durability".into(), &"strict".into());
    // `IDBDatabase.transaction(stores, mode, options)`: web-sys exposes the options
    // argument only behind its unstable-API flag, so call it by name.
    let transaction: Function = Reflect::get(db, &"transaction".into())
        .and_then(|f| f.dyn_into())
        .map_err(|e| StoreError::from_js(&e))?;
    transaction
        .call3(db, &names, &"readwrite".into(), &options)
        .map(|tx| tx.unchecked_into())
        .map_err(|e| StoreError::from_js(&e))
}

fn key(meeting: &str, commitment: &str) -> JsValue {
    Array::of2(&meeting.into(), &commitment.into()).into()
}

/// All keys `[meeting, *]`: arrays sort after strings of the same prefix, and `[]` after any
/// string, so `[meeting]..[meeting, []]` spans exactly one meeting's ballots.
fn meeting_range(meeting: &str) -> Result<IdbKeyRange, StoreError> {
    let lower = Array::of1(&meeting.into());
    let upper = Array::of2(&meeting.into(), &Array::new());
    IdbKeyRange::bound(&lower, &upper).map_err(|e| StoreError::from_js(&e))
}

impl Store {
    /// Opens (and on first use creates) the app's database.
    pub async fn open() -> Result<Store, StoreError> {
        Store::open_named(DB_NAME).await
    }

    /// Opens the database `name`; tests use their own names.
    pub async fn open_named(name: &str) -> Result<Store, StoreError> {
        let stores = [MEETINGS, BoxKind::Real.store(), BoxKind::Test.store()];
        Ok(Store {
            db: open_database(name, DB_VERSION, &stores).await?,
        })
    }

    /// Closes the connection (tests reopen to prove what is on disk).
    pub fn close(&self) {
        self.db.close();
    }

    fn write(&self, stores: &[&str]) -> Result<IdbTransaction, StoreError> {
        strict_write(&self.db, stores)
    }

    fn read(&self, store: &str) -> Result<IdbTransaction, StoreError> {
        self.db
            .transaction_with_str(store)
            .map_err(|e| StoreError::from_js(&e))
    }

    /// Stores `record` (JSON) as meeting `id`, replacing what was there.
    pub async fn put_meeting(&self, id: &str, record: &str) -> Result<(), StoreError> {
        let tx = self.write(&[MEETINGS])?;
        let store = tx
            .object_store(MEETINGS)
            .map_err(|e| StoreError::from_js(&e))?;
        store
            .put_with_key(&record.into(), &id.into())
            .map_err(|e| StoreError::from_js(&e))?;
        committed(&tx).await
    }

    /// Every meeting record on this device, by id.
    pub async fn meetings(&self) -> Result<Vec<String>, StoreError> {
        let tx = self.read(MEETINGS)?;
        let store = tx
            .object_store(MEETINGS)
            .map_err(|e| StoreError::from_js(&e))?;
        let all = done(&store.get_all().map_err(|e| StoreError::from_js(&e))?).await?;
        Ok(Array::from(&all)
            .iter()
            .filter_map(|v| v.as_string())
            .collect())
    }

    /// Every meeting record on this device with its key, the record `None` when it is not text
    /// (a damaged record is listed, never skipped: issue 19, item 1). Keys come in key order.
    pub async fn meeting_records(&self) -> Result<Vec<(String, Option<String>)>, StoreError> {
        let tx = self.read(MEETINGS)?;
        let store = tx
            .object_store(MEETINGS)
            .map_err(|e| StoreError::from_js(&e))?;
        // Both requests are made before either is awaited, in one transaction: the same keys.
        let keys = store.get_all_keys().map_err(|e| StoreError::from_js(&e))?;
        let values = store.get_all().map_err(|e| StoreError::from_js(&e))?;
        let (keys, values) = (done(&keys).await?, done(&values).await?);
        let keys = Array::from(&keys);
        let values = Array::from(&values);
        Ok(keys
            .iter()
            .zip(values.iter())
            .map(|(k, v)| (k.as_string().unwrap_or_default(), v.as_string()))
            .collect())
    }

    /// The record of meeting `id`, when there is one and it is text.
    pub async fn meeting_record(&self, id: &str) -> Result<Option<String>, StoreError> {
        let tx = self.read(MEETINGS)?;
        let store = tx
            .object_store(MEETINGS)
            .map_err(|e| StoreError::from_js(&e))?;
        let value = done(&store.get(&id.into()).map_err(|e| StoreError::from_js(&e))?).await?;
        Ok(value.as_string())
    }

    /// Removes a meeting and both its boxes, in one transaction.
    pub async fn delete_meeting(&self, id: &str) -> Result<(), StoreError> {
        let stores = [MEETINGS, BoxKind::Real.store(), BoxKind::Test.store()];
        let tx = self.write(&stores)?;
        let range = meeting_range(id)?;
        for name in stores {
            let store = tx.object_store(name).map_err(|e| StoreError::from_js(&e))?;
            let result = if name == MEETINGS {
                store.delete(&id.into())
            } else {
                store.delete(&range)
            };
            result.map_err(|e| StoreError::from_js(&e))?;
        }
        committed(&tx).await
    }

    /// Casts one ballot into a box: resolves only once the browser has committed it to disk.
    /// Casting the same ballot again (a retry after an error) stores nothing new.
    pub async fn cast(
        &self,
        kind: BoxKind,
        meeting: &str,
        commitment: &str,
        opening: &str,
    ) -> Result<Cast, StoreError> {
        let tx = self.write(&[kind.store()])?;
        let store = tx
            .object_store(kind.store())
            .map_err(|e| StoreError::from_js(&e))?;
        let key = key(meeting, commitment);
        let existing = done(
            &store
                .count_with_key(&key)
                .map_err(|e| StoreError::from_js(&e))?,
        )
        .await?;
        let cast = if existing.as_f64().unwrap_or(0.0) > 0.0 {
            Cast::AlreadyStored
        } else {
            // `put`, keyed by the commitment: even a racing second write is the same record.
            store
                .put_with_key(&opening.into(), &key)
                .map_err(|e| StoreError::from_js(&e))?;
            Cast::Stored
        };
        committed(&tx).await?;
        Ok(cast)
    }

    /// Every opening in a meeting's box, sorted by commitment (never by casting order). A record
    /// that is not text (phieu writes none) comes back as `None`, so the caller counts it as
    /// damaged instead of never knowing it was there.
    pub async fn openings(
        &self,
        kind: BoxKind,
        meeting: &str,
    ) -> Result<Vec<Option<String>>, StoreError> {
        let list = self.opening_list(kind, meeting).await?;
        Ok((0..list.len()).map(|i| list.get(i)).collect())
    }

    /// As [`Store::openings`], but each opening is copied into Rust only when asked for
    /// ([`Openings::get`]): reading a large box back copies a slice of them at a time.
    pub async fn opening_list(&self, kind: BoxKind, meeting: &str) -> Result<Openings, StoreError> {
        let tx = self.read(kind.store())?;
        let store = tx
            .object_store(kind.store())
            .map_err(|e| StoreError::from_js(&e))?;
        let range = meeting_range(meeting)?;
        let all = done(
            &store
                .get_all_with_key(&range)
                .map_err(|e| StoreError::from_js(&e))?,
        )
        .await?;
        Ok(Openings(Array::from(&all)))
    }

    /// How many ballots a meeting's box holds.
    pub async fn count(&self, kind: BoxKind, meeting: &str) -> Result<u32, StoreError> {
        let tx = self.read(kind.store())?;
        let store = tx
            .object_store(kind.store())
            .map_err(|e| StoreError::from_js(&e))?;
        let range = meeting_range(meeting)?;
        let n = done(
            &store
                .count_with_key(&range)
                .map_err(|e| StoreError::from_js(&e))?,
        )
        .await?;
        Ok(n.as_f64().unwrap_or(0.0) as u32)
    }

    /// Empties a meeting's box (used for the test box after the logic-and-accuracy test).
    pub async fn clear(&self, kind: BoxKind, meeting: &str) -> Result<(), StoreError> {
        let tx = self.write(&[kind.store()])?;
        let store = tx
            .object_store(kind.store())
            .map_err(|e| StoreError::from_js(&e))?;
        let range = meeting_range(meeting)?;
        store.delete(&range).map_err(|e| StoreError::from_js(&e))?;
        committed(&tx).await
    }
}

/// How much the browser lets this site store, and how much is used, in bytes; `None` where the
/// browser does not say.
pub async fn estimate() -> Option<(u64, u64)> {
    let storage = web_sys::window()?.navigator().storage();
    let estimate = JsFuture::from(storage.estimate().ok()?).await.ok()?;
    // Byte counts are whole numbers below 2^53; `as` saturates anything odd to 0 or u64::MAX.
    let get = |k: &str| {
        let v = Reflect::get(&estimate, &k.into()).ok()?.as_f64()?;
        (v.is_finite() && v >= 0.0).then_some(v as u64)
    };
    Some((get("quota")?, get("usage")?))
}

/// Asks the browser not to evict our data under storage pressure, and returns its answer:
/// `Some(true)` when it will keep the data until the user clears it, `Some(false)` when it may
/// evict it, `None` when the browser cannot say. Chromium grants it to installed or frequently
/// used sites, and to sites with notification permission.
pub async fn persist() -> Option<bool> {
    let storage = web_sys::window()?.navigator().storage();
    JsFuture::from(storage.persist().ok()?)
        .await
        .ok()?
        .as_bool()
}

thread_local! {
    static SHARED: std::cell::RefCell<Option<Store>> = const { std::cell::RefCell::new(None) };
}

/// The app's one connection, opened on first use and kept for the life of the tab.
pub async fn shared() -> Result<Store, StoreError> {
    if let Some(store) = SHARED.with(|s| s.borrow().clone()) {
        return Ok(store);
    }
    let store = Store::open().await?;
    SHARED.with(|s| *s.borrow_mut() = Some(store.clone()));
    Ok(store)
}

/// A box's stored openings as IndexedDB handed them over, sorted by commitment, still in
/// JavaScript ([`Store::opening_list`]).
pub struct Openings(Array);

impl Openings {
    pub fn len(&self) -> u32 {
        self.0.length()
    }

    pub fn is_empty(&self) -> bool {
        self.0.length() == 0
    }

    /// Opening `i`, copied into Rust; `None` for a record that is not text (phieu writes
    /// none), which the caller counts as damaged.
    pub fn get(&self, i: u32) -> Option<String> {
        self.0.get(i).as_string()
    }
}
