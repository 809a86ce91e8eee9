//! The upload outbox on disk: audit bundles waiting for (or done with) the portal, in IndexedDB.
//!
//! Its own database, `phieu-outbox`, with one object store `outbox` keyed by the box
//! fingerprint in hex, so that a second `put` of the same bundle replaces the record and never
//! adds one, and so that the outbox can change its format without touching the ballots' database.
//! Each record is a JSON text (the format below is this module's own, read back with checks);
//! writes ask for `durability: "strict"` and are awaited until committed, as `store.rs` does, so a
//! bundle the officer saw "waiting" is still there after the battery dies.

use std::rc::Rc;

use js_sys::Array;
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsCast;
use web_sys::{IdbDatabase, IdbObjectStore, IdbTransaction};

use crate::edge::store::{committed, done, open_database, strict_write, StoreError};
use crate::state::outbox::{Accepted, Item, ItemState, Reason, Retry};

/// The database name used by the app. Tests open others.
pub const DB_NAME: &str = "phieu-outbox";
const DB_VERSION: u32 = 1;
const OUTBOX: &str = "outbox";

/// One record as stored: flat, every field named, so that a record written by an older build
/// still reads.
#[derive(Serialize, Deserialize)]
struct Record {
    fingerprint: String,
    short: String,
    bundle: String,
    /// `waiting`, `sent` or `refused`.
    state: String,
    #[serde(default)]
    failures: u32,
    #[serde(default)]
    next_try_ms: f64,
    /// Why the last try failed: `offline`, `network`, `timeout`, `server`, `unexpected`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    last: Option<String>,
    /// The HTTP status of the last answer, when there was one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    status: Option<u16>,
    /// `stored` (201) or `already_stored` (200).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    accepted: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    reasons: Vec<ReasonRecord>,
}

#[derive(Serialize, Deserialize)]
struct ReasonRecord {
    vi: String,
    en: String,
}

fn retry_name(retry: Retry) -> (&'static str, Option<u16>) {
    match retry {
        Retry::Offline => ("offline", None),
        Retry::Network => ("network", None),
        Retry::Timeout => ("timeout", None),
        Retry::Server(s) => ("server", Some(s)),
        Retry::Unexpected(s) => ("unexpected", Some(s)),
        Retry::NotThisBox(s) => ("not-this-box", Some(s)),
    }
}

fn retry_from(name: &str, status: Option<u16>) -> Option<Retry> {
    Some(match (name, status) {
        ("offline", _) => Retry::Offline,
        ("network", _) => Retry::Network,
        ("timeout", _) => Retry::Timeout,
        ("server", Some(s)) => Retry::Server(s),
        ("unexpected", Some(s)) => Retry::Unexpected(s),
        ("not-this-box", Some(s)) => Retry::NotThisBox(s),
        _ => return None,
    })
}

/// The record's text for `item`.
pub fn encode(item: &Item) -> String {
    let mut record = Record {
        fingerprint: item.fingerprint.clone(),
        short: item.short.clone(),
        bundle: (*item.bundle).clone(),
        state: String::new(),
        failures: 0,
        next_try_ms: 0.0,
        last: None,
        status: None,
        accepted: None,
        reasons: Vec::new(),
    };
    match &item.state {
        ItemState::Waiting {
            failures,
            next_try_ms,
            last,
        } => {
            record.state = "waiting".into();
            record.failures = *failures;
            record.next_try_ms = *next_try_ms;
            if let Some(retry) = last {
                let (name, status) = retry_name(*retry);
                record.last = Some(name.into());
                record.status = status;
            }
        }
        ItemState::Sent(how) => {
            record.state = "sent".into();
            record.accepted = Some(
                match how {
                    Accepted::Stored => "stored",
                    Accepted::AlreadyStored => "already_stored",
                }
                .into(),
            );
        }
        ItemState::Refused { status, reasons } => {
            record.state = "refused".into();
            record.status = Some(*status);
            record.reasons = reasons
                .iter()
                .map(|r| ReasonRecord {
                    vi: r.vi.clone(),
                    en: r.en.clone(),
                })
                .collect();
        }
    }
    // Serializing plain strings and numbers cannot fail; an empty text would be refused on read.
    serde_json::to_string(&record).unwrap_or_default()
}

/// Reads a record back; `None` when it is not one (then it is left alone, never sent).
pub fn decode(text: &str) -> Option<Item> {
    let r: Record = serde_json::from_str(text).ok()?;
    let state = match r.state.as_str() {
        "waiting" => ItemState::Waiting {
            failures: r.failures,
            next_try_ms: r.next_try_ms,
            last: r
                .last
                .as_deref()
                .and_then(|name| retry_from(name, r.status)),
        },
        "sent" => ItemState::Sent(match r.accepted.as_deref() {
            Some("already_stored") => Accepted::AlreadyStored,
            _ => Accepted::Stored,
        }),
        "refused" => ItemState::Refused {
            status: r.status?,
            reasons: r
                .reasons
                .into_iter()
                .map(|x| Reason { vi: x.vi, en: x.en })
                .collect(),
        },
        _ => return None,
    };
    Some(Item {
        fingerprint: r.fingerprint,
        short: r.short,
        bundle: Rc::new(r.bundle),
        state,
    })
}

/// An open connection to the outbox database.
#[derive(Clone)]
pub struct Outbox {
    db: IdbDatabase,
}

impl PartialEq for Outbox {
    fn eq(&self, other: &Self) -> bool {
        self.db == other.db
    }
}

impl Outbox {
    /// Opens (and on first use creates) the app's outbox.
    pub async fn open() -> Result<Outbox, StoreError> {
        Outbox::open_named(DB_NAME).await
    }

    /// Opens the outbox database `name`; tests use their own names.
    pub async fn open_named(name: &str) -> Result<Outbox, StoreError> {
        Ok(Outbox {
            db: open_database(name, DB_VERSION, &[OUTBOX]).await?,
        })
    }

    /// Closes the connection (tests reopen to prove what is on disk).
    pub fn close(&self) {
        self.db.close();
    }

    fn write(&self) -> Result<IdbTransaction, StoreError> {
        strict_write(&self.db, &[OUTBOX])
    }

    /// Stores `item` under its fingerprint, replacing any record of the same bundle; resolves
    /// once committed to disk.
    pub async fn put(&self, item: &Item) -> Result<(), StoreError> {
        let tx = self.write()?;
        let store = tx
            .object_store(OUTBOX)
            .map_err(|e| StoreError::from_js(&e))?;
        store
            .put_with_key(&encode(item).into(), &item.fingerprint.as_str().into())
            .map_err(|e| StoreError::from_js(&e))?;
        committed(&tx).await
    }

    /// The outbox store in a read-only transaction.
    fn reader(&self) -> Result<IdbObjectStore, StoreError> {
        self.db
            .transaction_with_str(OUTBOX)
            .and_then(|tx| tx.object_store(OUTBOX))
            .map_err(|e| StoreError::from_js(&e))
    }

    /// The item of bundle `fingerprint`, if it is in the outbox.
    pub async fn get(&self, fingerprint: &str) -> Result<Option<Item>, StoreError> {
        let store = self.reader()?;
        let request = store
            .get(&fingerprint.into())
            .map_err(|e| StoreError::from_js(&e))?;
        Ok(done(&request)
            .await?
            .as_string()
            .and_then(|text| decode(&text)))
    }

    /// Every item, sorted by fingerprint. Records that do not read are skipped.
    pub async fn all(&self) -> Result<Vec<Item>, StoreError> {
        let store = self.reader()?;
        let request = store.get_all().map_err(|e| StoreError::from_js(&e))?;
        let values: Array = done(&request)
            .await?
            .dyn_into()
            .map_err(|_| StoreError::Failed("not a list".into()))?;
        Ok(values
            .iter()
            .filter_map(|v| v.as_string())
            .filter_map(|text| decode(&text))
            .collect())
    }

    /// Puts the bundle in the outbox unless it is there already, and gives its item as stored:
    /// pressing "upload" twice, or once more after a reload, never resets a bundle already
    /// sent or on its way.
    pub async fn enqueue(&self, item: Item) -> Result<Item, StoreError> {
        if let Some(existing) = self.get(&item.fingerprint).await? {
            return Ok(existing);
        }
        self.put(&item).await?;
        Ok(item)
    }
}
