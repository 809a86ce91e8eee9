//! Storage for the collector through `sqlx`'s `Any` driver: one set of migrations and one set of
//! queries for SQLite (a file, the default) and PostgreSQL (a province). Only portable SQL is
//! used: `TEXT` and `BIGINT` columns, `$n` parameters (SQLite reads them by number too),
//! `INSERT … ON CONFLICT DO NOTHING [RETURNING …]` (SQLite ≥ 3.35, PostgreSQL ≥ 9.5), no `SUM`
//! (its type differs).
//!
//! Idempotence rests on the database, not on a check before writing: the box's fingerprint is the
//! primary key, so of two concurrent uploads of one bundle exactly one inserts; the other sees
//! no row inserted and answers "already stored". Ballot commitments are unique per poll, so
//! a ballot that turns up in a second, different box is refused in the same transaction. Writes
//! go through the group commit of `commit.rs`.
//!
//! Durability: a 201 tells the tablet it may stop resending, so it must mean "on disk". SQLite
//! runs in WAL mode with `synchronous = FULL` (the WAL is synced at every commit; NORMAL would
//! sync only at checkpoints, and a power cut could lose boxes already acknowledged); PostgreSQL's
//! default `synchronous_commit = on` is kept. The group commit pays that sync once per batch.
use std::borrow::Cow;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use phieu_core::AuditBundle;
use sqlx::any::{AnyPoolOptions, AnyRow};
use sqlx::error::BoxDynError;
use sqlx::migrate::{Migration, MigrationSource, MigrationType, Migrator};
use sqlx::{AnyPool, Row};
use tokio::sync::Notify;

use crate::commit::{NewBox, Queue};
pub use crate::stored::{StoreError, Stored};
use crate::words::{log_words, Said};

/// What is stored under a fingerprint, compared with a body (`Store::stored_as`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoredAs {
    Nothing,
    Same { poll_hash: String, ballots: i64 },
    Quarantined,
    Other,
}

/// One stored box, without its bundle.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct BoxRow {
    pub fingerprint: String,
    pub poll_hash: String,
    pub poll_id: String,
    pub commune: String,
    pub village: String,
    pub title: String,
    pub ballots: i64,
    pub portal: String,
    /// Seconds since 1970 when the collector stored it (the server's clock, never a ballot's).
    pub received_at: i64,
}

/// What the log says of a box: whether it counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BoxState {
    /// Received and verified, not yet confirmed against its paper minutes: not counted.
    Received,
    /// Confirmed against the code on its signed paper minutes: counted.
    Confirmed,
    /// Taken out by an operator (the log says who and why): not counted.
    Quarantined,
}

/// One stored box with its place and state, without its bundle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listed {
    pub fingerprint: String,
    pub poll_hash: String,
    pub village: String,
    pub ballots: i64,
    pub state: BoxState,
    /// How many times the box was replaced (docs/collector.md §Quarantine).
    pub generation: i64,
}

/// One line of the append-only log.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct LogEntry {
    /// Seconds since 1970, the collector's clock.
    pub at: i64,
    pub action: String,
    pub subject: String,
    pub actor: String,
    pub reason: String,
    /// The generation of the box named by `subject` when the line was written: set by the
    /// database, whatever is given to [`Store::log`].
    pub generation: i64,
}

/// The state of a box from its counts of confirm and quarantine lines.
fn state_of(confirms: i64, quarantines: i64) -> BoxState {
    if quarantines > 0 {
        BoxState::Quarantined
    } else if confirms > 0 {
        BoxState::Confirmed
    } else {
        BoxState::Received
    }
}

/// The columns of [`Listed`], then the state's two counts.
const LISTED: &str = "SELECT b.fingerprint, b.poll_hash, b.village, b.ballots, \
     (SELECT COUNT(*) FROM box_log l WHERE l.subject = b.fingerprint AND l.action = 'confirm' \
      AND l.generation = b.generation), \
     (SELECT COUNT(*) FROM box_log l WHERE l.subject = b.fingerprint AND l.action = 'quarantine' \
      AND l.generation = b.generation) \
     , b.generation FROM boxes b";

fn listed(r: &AnyRow) -> Result<Listed, StoreError> {
    Ok(Listed {
        fingerprint: r.try_get(0)?,
        poll_hash: r.try_get(1)?,
        village: r.try_get(2)?,
        ballots: r.try_get(3)?,
        state: state_of(r.try_get(4)?, r.try_get(5)?),
        generation: r.try_get(6)?,
    })
}

/// The collector's database.
#[derive(Debug, Clone)]
pub struct Store {
    pool: AnyPool,
    /// Uploads waiting for the group commit.
    queue: Queue,
}

/// The migrations, compiled in: every one, or (for the upgrade test) the first `n`.
#[derive(Debug)]
struct Embedded(usize);

impl<'s> MigrationSource<'s> for Embedded {
    fn resolve(
        self,
    ) -> Pin<Box<dyn Future<Output = Result<Vec<Migration>, BoxDynError>> + Send + 's>> {
        Box::pin(async move {
            let mut all = vec![
                Migration::new(
                    1,
                    Cow::Borrowed("boxes and ballots"),
                    MigrationType::Simple,
                    Cow::Borrowed(include_str!("../migrations/0001_boxes.sql")),
                    false,
                ),
                Migration::new(
                    2,
                    Cow::Borrowed("the log: confirmations, quarantines, revoked tokens"),
                    MigrationType::Simple,
                    Cow::Borrowed(include_str!("../migrations/0002_box_log.sql")),
                    false,
                ),
            ];
            all.truncate(self.0);
            Ok(all)
        })
    }
}

impl Store {
    /// Connects to `url` (`sqlite://…` or `postgres://…`), brings the schema up to date and
    /// starts the writers of the group commit (one for SQLite, which has one writer at a time
    /// anyway; four for PostgreSQL, so that a big box does not hold up small ones).
    pub async fn open(url: &str) -> Result<Store, StoreError> {
        sqlx::any::install_default_drivers();
        let sqlite = url.starts_with("sqlite:");
        let pool = AnyPoolOptions::new()
            .max_connections(if sqlite { 4 } else { 8 })
            // A connection to a local file does not go stale: no ping before each use.
            .test_before_acquire(!sqlite)
            .after_connect(move |conn, _| {
                Box::pin(async move {
                    if sqlite {
                        // WAL lets readers run beside the one writer; FULL syncs the WAL at
                        // every commit, so that a 201 survives a power cut (module docs).
                        sqlx::query("PRAGMA journal_mode = WAL")
                            .execute(&mut *conn)
                            .await?;
                        sqlx::query("PRAGMA synchronous = FULL")
                            .execute(&mut *conn)
                            .await?;
                        sqlx::query("PRAGMA busy_timeout = 30000")
                            .execute(&mut *conn)
                            .await?;
                        // No checkpoint inside a commit: the one that crossed SQLite's
                        // threshold (1,000 pages) would copy the WAL into the database and
                        // sync it before answering, holding up every upload of its batch and
                        // the next (a third of the writer's time in bench_ingest). The
                        // checkpointer below does it beside the writer instead.
                        sqlx::query("PRAGMA wal_autocheckpoint = 0")
                            .execute(&mut *conn)
                            .await?;
                    }
                    Ok(())
                })
            })
            .connect(url)
            .await?;
        Migrator::new(Embedded(usize::MAX))
            .await?
            .run(&pool)
            .await?;
        let committed = sqlite.then(|| {
            let committed = Arc::new(Notify::new());
            tokio::spawn(checkpointer(pool.clone(), Arc::clone(&committed)));
            committed
        });
        let queue = Queue::start(pool.clone(), if sqlite { 1 } else { 4 }, committed);
        Ok(Store { pool, queue })
    }

    /// Stores a verified bundle unless its box is already there, and answers once the
    /// transaction that holds it has committed. `json` is the bundle's text as received (it
    /// is canonical, so it is the bundle's only spelling).
    pub async fn put(
        &self,
        bundle: &AuditBundle,
        json: String,
        portal: &str,
        received_at: i64,
    ) -> Result<Stored, StoreError> {
        self.queue
            .put(NewBox::of(bundle, json, portal, received_at))
            .await
    }

    /// What is stored for box `fingerprint`, compared with `json`: the same bundle byte for
    /// byte (a resend, answered without verifying it again: the stored bytes were verified on
    /// the way in), or another bundle of a quarantined box (which `json` may replace).
    pub async fn stored_as(&self, fingerprint: &str, json: &str) -> Result<StoredAs, StoreError> {
        let row = sqlx::query(
            "SELECT poll_hash, ballots, bundle, \
             (SELECT COUNT(*) FROM box_log l WHERE l.subject = b.fingerprint \
              AND l.action = 'quarantine' AND l.generation = b.generation) \
             FROM boxes b WHERE fingerprint = $1",
        )
        .bind(fingerprint)
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else {
            return Ok(StoredAs::Nothing);
        };
        let stored: String = row.try_get(2)?;
        if stored == json {
            return Ok(StoredAs::Same {
                poll_hash: row.try_get(0)?,
                ballots: row.try_get(1)?,
            });
        }
        Ok(if row.try_get::<i64, _>(3)? > 0 {
            StoredAs::Quarantined
        } else {
            StoredAs::Other
        })
    }

    /// Replaces quarantined box `new.fingerprint` by `new` (other minutes, same box): the old
    /// row is kept in `replaced_boxes`, the new one is stored with the next generation and
    /// starts unconfirmed, and a `replace` line is logged; all in one transaction. Refused like
    /// any upload when one of its ballots is in another box of the poll.
    pub(super) async fn replace(&self, new: &NewBox) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        let old = sqlx::query("SELECT generation, seal FROM boxes WHERE fingerprint = $1")
            .bind(&new.fingerprint)
            .fetch_optional(&mut *tx)
            .await?;
        let Some(old) = old else {
            return Err(StoreError::Db(sqlx::Error::RowNotFound));
        };
        let (generation, old_seal): (i64, String) = (old.try_get(0)?, old.try_get(1)?);
        sqlx::query(
            "INSERT INTO replaced_boxes (fingerprint, generation, seal, poll_hash, poll_id, \
             commune, village, title, ballots, portal, received_at, bundle, replaced_at) \
             SELECT fingerprint, generation, seal, poll_hash, poll_id, commune, village, title, \
             ballots, portal, received_at, bundle, $2 FROM boxes WHERE fingerprint = $1",
        )
        .bind(&new.fingerprint)
        .bind(new.received_at)
        .execute(&mut *tx)
        .await?;
        for sql in [
            "DELETE FROM ballots WHERE fingerprint = $1",
            "DELETE FROM boxes WHERE fingerprint = $1",
        ] {
            sqlx::query(sql)
                .bind(&new.fingerprint)
                .execute(&mut *tx)
                .await?;
        }
        sqlx::query(
            "INSERT INTO boxes (fingerprint, seal, poll_hash, poll_id, commune, village, title, \
             ballots, portal, received_at, bundle, generation) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
        )
        .bind(&new.fingerprint)
        .bind(&new.seal)
        .bind(&new.poll_hash)
        .bind(&new.poll_id)
        .bind(&new.commune)
        .bind(&new.village)
        .bind(&new.title)
        .bind(new.ballots)
        .bind(&new.portal)
        .bind(new.received_at)
        .bind(&new.bundle)
        .bind(generation + 1)
        .execute(&mut *tx)
        .await?;
        for c in &new.commitments {
            let inserted = sqlx::query(
                "INSERT INTO ballots (poll_hash, commitment, fingerprint) VALUES ($1, $2, $3) \
                 ON CONFLICT DO NOTHING",
            )
            .bind(&new.poll_hash)
            .bind(c)
            .bind(&new.fingerprint)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if inserted == 0 {
                let other: String = sqlx::query(
                    "SELECT fingerprint FROM ballots WHERE poll_hash = $1 AND commitment = $2",
                )
                .bind(&new.poll_hash)
                .bind(c)
                .fetch_one(&mut *tx)
                .await?
                .try_get(0)?;
                tx.rollback().await?;
                return Err(StoreError::DuplicateBallot {
                    commitment: c.clone(),
                    other,
                });
            }
        }
        sqlx::query(
            "INSERT INTO box_log (at, action, subject, actor, reason, generation) \
             VALUES ($1, 'replace', $2, $3, $4, $5)",
        )
        .bind(new.received_at)
        .bind(&new.fingerprint)
        .bind(&new.portal)
        .bind(Said::new(|l| log_words(l).replaces(&old_seal, &new.seal)).joined(" / "))
        .bind(generation + 1)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Every stored box, oldest first.
    pub async fn boxes(&self) -> Result<Vec<BoxRow>, StoreError> {
        let rows = sqlx::query(
            "SELECT fingerprint, poll_hash, poll_id, commune, village, title, ballots, portal, \
             received_at FROM boxes ORDER BY received_at, fingerprint",
        )
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(box_row).collect()
    }

    /// The number of stored boxes.
    pub async fn count(&self) -> Result<i64, StoreError> {
        Ok(sqlx::query("SELECT COUNT(*) FROM boxes")
            .fetch_one(&self.pool)
            .await?
            .try_get(0)?)
    }

    /// The number of stored ballot commitments.
    pub async fn ballot_count(&self) -> Result<i64, StoreError> {
        Ok(sqlx::query("SELECT COUNT(*) FROM ballots")
            .fetch_one(&self.pool)
            .await?
            .try_get(0)?)
    }

    /// One box's bundle, as received.
    pub async fn bundle(&self, fingerprint: &str) -> Result<Option<String>, StoreError> {
        let row = sqlx::query("SELECT bundle FROM boxes WHERE fingerprint = $1")
            .bind(fingerprint)
            .fetch_optional(&self.pool)
            .await?;
        Ok(match row {
            Some(r) => Some(r.try_get(0)?),
            None => None,
        })
    }

    /// The bundles of one poll, by fingerprint.
    pub async fn bundles_of_poll(&self, poll_hash: &str) -> Result<Vec<String>, StoreError> {
        let rows =
            sqlx::query("SELECT bundle FROM boxes WHERE poll_hash = $1 ORDER BY fingerprint")
                .bind(poll_hash)
                .fetch_all(&self.pool)
                .await?;
        rows.iter()
            .map(|r| r.try_get(0).map_err(StoreError::from))
            .collect()
    }

    /// (poll hash, village, bundle) of every box of a commune-wide poll id, by village.
    pub async fn bundles_in_commune(
        &self,
        commune: &str,
        poll_id: &str,
    ) -> Result<Vec<(String, String, String)>, StoreError> {
        let rows = sqlx::query(
            "SELECT poll_hash, village, bundle FROM boxes WHERE commune = $1 AND poll_id = $2 \
             ORDER BY village, poll_hash, fingerprint",
        )
        .bind(commune)
        .bind(poll_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| Ok((r.try_get(0)?, r.try_get(1)?, r.try_get(2)?)))
            .collect()
    }

    /// The boxes of one poll, by fingerprint, with their states.
    pub async fn boxes_of_poll(&self, poll_hash: &str) -> Result<Vec<Listed>, StoreError> {
        let rows = sqlx::query(&format!(
            "{LISTED} WHERE b.poll_hash = $1 ORDER BY b.fingerprint"
        ))
        .bind(poll_hash)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(listed).collect()
    }

    /// The boxes of a commune-wide poll id, by village, poll hash and fingerprint.
    pub async fn boxes_in_commune(
        &self,
        commune: &str,
        poll_id: &str,
    ) -> Result<Vec<Listed>, StoreError> {
        let rows = sqlx::query(&format!(
            "{LISTED} WHERE b.commune = $1 AND b.poll_id = $2 \
             ORDER BY b.village, b.poll_hash, b.fingerprint"
        ))
        .bind(commune)
        .bind(poll_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(listed).collect()
    }

    /// One box's row and state.
    pub async fn box_of(
        &self,
        fingerprint: &str,
    ) -> Result<Option<(BoxRow, BoxState)>, StoreError> {
        let row = sqlx::query(
            "SELECT fingerprint, poll_hash, poll_id, commune, village, title, ballots, portal, \
             received_at, \
             (SELECT COUNT(*) FROM box_log l WHERE l.subject = b.fingerprint AND l.action = 'confirm' \
              AND l.generation = b.generation), \
             (SELECT COUNT(*) FROM box_log l WHERE l.subject = b.fingerprint AND l.action = 'quarantine' \
              AND l.generation = b.generation) \
             FROM boxes b WHERE fingerprint = $1",
        )
        .bind(fingerprint)
        .fetch_optional(&self.pool)
        .await?;
        let Some(r) = row else { return Ok(None) };
        Ok(Some((
            box_row(&r)?,
            state_of(r.try_get(9)?, r.try_get(10)?),
        )))
    }

    /// The state of every stored box.
    pub async fn states(&self) -> Result<Vec<(String, BoxState)>, StoreError> {
        let rows = sqlx::query(&format!("{LISTED} ORDER BY b.fingerprint"))
            .fetch_all(&self.pool)
            .await?;
        rows.iter()
            .map(|r| listed(r).map(|l| (l.fingerprint, l.state)))
            .collect()
    }

    /// Appends one line to the log.
    pub async fn log(&self, entry: &LogEntry) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO box_log (at, action, subject, actor, reason, generation) \
             VALUES ($1, $2, $3, $4, $5, \
             COALESCE((SELECT generation FROM boxes WHERE fingerprint = $3), 0))",
        )
        .bind(entry.at)
        .bind(&entry.action)
        .bind(&entry.subject)
        .bind(&entry.actor)
        .bind(&entry.reason)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// The log lines about these subjects (box fingerprints, token names), oldest first.
    pub async fn log_of(&self, subjects: &[String]) -> Result<Vec<LogEntry>, StoreError> {
        let mut all = self.whole_log().await?;
        all.retain(|e| subjects.contains(&e.subject));
        Ok(all)
    }

    /// The whole log, oldest first.
    pub async fn whole_log(&self) -> Result<Vec<LogEntry>, StoreError> {
        let rows = sqlx::query(
            "SELECT at, action, subject, actor, reason, generation FROM box_log \
             ORDER BY at, generation, action, subject",
        )
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(LogEntry {
                    at: r.try_get(0)?,
                    action: r.try_get(1)?,
                    subject: r.try_get(2)?,
                    actor: r.try_get(3)?,
                    reason: r.try_get(4)?,
                    generation: r.try_get(5)?,
                })
            })
            .collect()
    }

    /// Quarantines box `fingerprint`: appends the log line and, in the same transaction, frees
    /// its ballots' commitments, so that the real box holding a ballot this one took can be
    /// stored (the quarantined box's bundle stays as received, for the record).
    pub async fn quarantine(&self, entry: &LogEntry) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "INSERT INTO box_log (at, action, subject, actor, reason, generation) \
             VALUES ($1, 'quarantine', $2, $3, $4, \
             COALESCE((SELECT generation FROM boxes WHERE fingerprint = $2), 0))",
        )
        .bind(entry.at)
        .bind(&entry.subject)
        .bind(&entry.actor)
        .bind(&entry.reason)
        .execute(&mut *tx)
        .await?;
        sqlx::query("DELETE FROM ballots WHERE fingerprint = $1")
            .bind(&entry.subject)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Whether the token named `name` has been revoked.
    pub async fn revoked(&self, name: &str) -> Result<bool, StoreError> {
        let row =
            sqlx::query("SELECT COUNT(*) FROM box_log WHERE action = 'revoke' AND subject = $1")
                .bind(name)
                .fetch_one(&self.pool)
                .await?;
        Ok(row.try_get::<i64, _>(0)? > 0)
    }

    /// A verified bundle's row, as `put` would store it.
    pub(super) fn new_box(
        bundle: &AuditBundle,
        json: String,
        portal: &str,
        received_at: i64,
    ) -> NewBox {
        NewBox::of(bundle, json, portal, received_at)
    }

    /// The pool, for the group commit's tests.
    #[cfg(test)]
    pub(super) fn pool(&self) -> &AnyPool {
        &self.pool
    }

    pub async fn close(&self) {
        self.pool.close().await;
    }
}

/// How long the checkpointer lets commits gather before it copies them into the database: one
/// sync of the database file for all of them.
const CHECKPOINT_AFTER: Duration = Duration::from_millis(50);

/// Copies what the writer committed to the WAL into the database file, on its own connection
/// and beside the writer (a `PASSIVE` checkpoint never blocks it), once commits have gathered
/// for [`CHECKPOINT_AFTER`]. Durability does not depend on it: a commit is on disk once its WAL
/// frames are synced; the checkpoint only keeps the WAL short. Ends when the pool closes, and
/// closing the last connection checkpoints what is left.
async fn checkpointer(pool: AnyPool, committed: Arc<Notify>) {
    let closed = pool.close_event();
    tokio::pin!(closed);
    loop {
        tokio::select! {
            () = committed.notified() => {}
            _ = &mut closed => return,
        }
        tokio::select! {
            () = tokio::time::sleep(CHECKPOINT_AFTER) => {}
            _ = &mut closed => return,
        }
        // A failure (the pool closing, a busy database) leaves the frames for the next round.
        let _ = sqlx::query("PRAGMA wal_checkpoint(PASSIVE)")
            .fetch_all(&pool)
            .await;
    }
}

fn box_row(r: &AnyRow) -> Result<BoxRow, StoreError> {
    Ok(BoxRow {
        fingerprint: r.try_get(0)?,
        poll_hash: r.try_get(1)?,
        poll_id: r.try_get(2)?,
        commune: r.try_get(3)?,
        village: r.try_get(4)?,
        title: r.try_get(5)?,
        ballots: r.try_get(6)?,
        portal: r.try_get(7)?,
        received_at: r.try_get(8)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A database of schema 1 (before issue 17) is brought to schema 2 at start: its boxes
    /// are kept, unconfirmed, and the log works.
    #[tokio::test]
    async fn a_schema_1_database_is_upgraded_at_start() {
        let dir = std::env::temp_dir().join(format!("phieu-store-upgrade-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let url = format!("sqlite://{}?mode=rwc", dir.join("old.db").display());
        sqlx::any::install_default_drivers();
        let pool = AnyPool::connect(&url).await.unwrap();
        Migrator::new(Embedded(1))
            .await
            .unwrap()
            .run(&pool)
            .await
            .unwrap();
        sqlx::query(
            "INSERT INTO boxes (fingerprint, seal, poll_hash, poll_id, commune, village, title, \
             ballots, portal, received_at, bundle) VALUES ('f', 's', 'p', 'id', 'Xã', 'Thôn', \
             'T', 1, 'tinh', 0, '{}')",
        )
        .execute(&pool)
        .await
        .unwrap();
        pool.close().await;

        let store = Store::open(&url).await.unwrap();
        assert_eq!(store.count().await.unwrap(), 1);
        assert_eq!(
            store.states().await.unwrap(),
            [("f".to_owned(), BoxState::Received)]
        );
        store
            .log(&LogEntry {
                at: 1,
                action: "confirm".into(),
                subject: "f".into(),
                actor: "ubnd".into(),
                reason: String::new(),
                generation: 0,
            })
            .await
            .unwrap();
        assert_eq!(
            store.states().await.unwrap(),
            [("f".to_owned(), BoxState::Confirmed)]
        );
        store.close().await;
        let _ = std::fs::remove_dir_all(&dir);
    }
}
