//! Storage for the collector through `sqlx`'s `Any` driver: one set of migrations and one set of
//! queries for SQLite (a file, the default) and PostgreSQL (a province). Only portable SQL is
//! used: `TEXT` and `BIGINT` columns, `$n` parameters (SQLite reads them by number too),
//! `INSERT … ON CONFLICT DO NOTHING` (SQLite ≥ 3.24, PostgreSQL ≥ 9.5), no `SUM` (its type differs).
//!
//! Idempotence rests on the database, not on a check before writing: the box's fingerprint is the
//! primary key, so of two concurrent uploads of one bundle exactly one inserts; the other sees
//! zero rows affected and answers "already stored". Ballot commitments are unique per poll, so
//! a ballot that turns up in a second, different box is refused in the same transaction.

use std::borrow::Cow;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use phieu_core::AuditBundle;
use sqlx::any::{AnyPoolOptions, AnyRow};
use sqlx::error::BoxDynError;
use sqlx::migrate::{Migration, MigrationSource, MigrationType, Migrator};
use sqlx::{AnyPool, Row};

/// Rows per multi-row insert: far below SQLite's and PostgreSQL's parameter limits.
const CHUNK: usize = 300;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("fingerprint {fingerprint}: a different bundle (seal {stored_seal}) is already stored for this box")]
    Conflict {
        fingerprint: String,
        stored_seal: String,
    },
    #[error("ballot {commitment} is already stored in box {other}")]
    DuplicateBallot { commitment: String, other: String },
    #[error("database: {0}")]
    Db(#[from] sqlx::Error),
    #[error("database migrations: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
}

/// Whether `put` stored a new box or already had it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stored {
    New,
    Already,
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

/// The collector's database.
#[derive(Debug, Clone)]
pub struct Store {
    pool: AnyPool,
    /// SQLite has one writer at a time; waiting here instead of in SQLite's busy handler (which
    /// sleeps in steps) keeps concurrent uploads from stalling one another. PostgreSQL: none.
    sqlite_writer: Option<Arc<tokio::sync::Mutex<()>>>,
}

/// The migrations, compiled in.
#[derive(Debug)]
struct Embedded;

impl<'s> MigrationSource<'s> for Embedded {
    fn resolve(
        self,
    ) -> Pin<Box<dyn Future<Output = Result<Vec<Migration>, BoxDynError>> + Send + 's>> {
        Box::pin(async {
            Ok(vec![Migration::new(
                1,
                Cow::Borrowed("boxes and ballots"),
                MigrationType::Simple,
                Cow::Borrowed(include_str!("../../migrations/0001_boxes.sql")),
                false,
            )])
        })
    }
}

impl Store {
    /// Connects to `url` (`sqlite://…` or `postgres://…`) and brings the schema up to date.
    pub async fn open(url: &str) -> Result<Store, StoreError> {
        sqlx::any::install_default_drivers();
        let sqlite = url.starts_with("sqlite:");
        let pool = AnyPoolOptions::new()
            .max_connections(if sqlite { 4 } else { 8 })
            .after_connect(move |conn, _| {
                Box::pin(async move {
                    if sqlite {
                        // WAL lets readers run beside the one writer; NORMAL is durable at
                        // every checkpoint and much faster than FULL for many small commits.
                        sqlx::query("PRAGMA journal_mode = WAL")
                            .execute(&mut *conn)
                            .await?;
                        sqlx::query("PRAGMA synchronous = NORMAL")
                            .execute(&mut *conn)
                            .await?;
                        sqlx::query("PRAGMA busy_timeout = 30000")
                            .execute(&mut *conn)
                            .await?;
                    }
                    Ok(())
                })
            })
            .connect(url)
            .await?;
        Migrator::new(Embedded).await?.run(&pool).await?;
        Ok(Store {
            pool,
            sqlite_writer: sqlite.then(|| Arc::new(tokio::sync::Mutex::new(()))),
        })
    }

    /// Stores a verified bundle unless its box is already there. `json` is the bundle's text as
    /// received (it is canonical, so it is the bundle's only spelling).
    pub async fn put(
        &self,
        bundle: &AuditBundle,
        json: &str,
        portal: &str,
        received_at: i64,
    ) -> Result<Stored, StoreError> {
        let fingerprint = bundle.fingerprint().to_hex();
        let seal = bundle.seal().to_hex();
        let poll = bundle.poll();
        let poll_hash = poll.hash().to_hex();
        let ballots = i64::try_from(bundle.tally().ballots()).unwrap_or(i64::MAX);
        let _writer = match &self.sqlite_writer {
            Some(lock) => Some(lock.lock().await),
            None => None,
        };
        let mut tx = self.pool.begin().await?;
        // The insert comes first, so that the transaction takes SQLite's write lock at once
        // (a read first could deadlock two writers) and PostgreSQL's unique index arbitrates.
        let inserted = sqlx::query(
            "INSERT INTO boxes (fingerprint, seal, poll_hash, poll_id, commune, village, title, \
             ballots, portal, received_at, bundle) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) \
             ON CONFLICT (fingerprint) DO NOTHING",
        )
        .bind(&fingerprint)
        .bind(&seal)
        .bind(&poll_hash)
        .bind(poll.id())
        .bind(poll.place().commune())
        .bind(poll.place().village())
        .bind(poll.title().vi())
        .bind(ballots)
        .bind(portal)
        .bind(received_at)
        .bind(json)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if inserted == 0 {
            let stored_seal: String = sqlx::query("SELECT seal FROM boxes WHERE fingerprint = $1")
                .bind(&fingerprint)
                .fetch_one(&mut *tx)
                .await?
                .try_get(0)?;
            tx.rollback().await?;
            return if stored_seal == seal {
                Ok(Stored::Already)
            } else {
                Err(StoreError::Conflict {
                    fingerprint,
                    stored_seal,
                })
            };
        }
        let commitments: Vec<String> = bundle
            .ballot_box()
            .commitments()
            .map(|c| c.to_hex())
            .collect();
        for chunk in commitments.chunks(CHUNK) {
            let mut sql =
                String::from("INSERT INTO ballots (poll_hash, commitment, fingerprint) VALUES ");
            for i in 0..chunk.len() {
                if i > 0 {
                    sql.push_str(", ");
                }
                let n = 3 * i;
                sql.push_str(&format!("(${}, ${}, ${})", n + 1, n + 2, n + 3));
            }
            sql.push_str(" ON CONFLICT DO NOTHING");
            let mut q = sqlx::query(&sql);
            for c in chunk {
                q = q.bind(&poll_hash).bind(c).bind(&fingerprint);
            }
            let rows = q.execute(&mut *tx).await?.rows_affected();
            if rows != chunk.len() as u64 {
                let duplicate = self
                    .find_duplicate(&mut tx, &poll_hash, chunk, &fingerprint)
                    .await?;
                tx.rollback().await?;
                return Err(duplicate);
            }
        }
        tx.commit().await?;
        Ok(Stored::New)
    }

    async fn find_duplicate(
        &self,
        tx: &mut sqlx::Transaction<'_, sqlx::Any>,
        poll_hash: &str,
        chunk: &[String],
        fingerprint: &str,
    ) -> Result<StoreError, StoreError> {
        for c in chunk {
            let row = sqlx::query(
                "SELECT fingerprint FROM ballots WHERE poll_hash = $1 AND commitment = $2",
            )
            .bind(poll_hash)
            .bind(c)
            .fetch_optional(&mut **tx)
            .await?;
            if let Some(row) = row {
                let other: String = row.try_get(0)?;
                if other != fingerprint {
                    return Ok(StoreError::DuplicateBallot {
                        commitment: c.clone(),
                        other,
                    });
                }
            }
        }
        // Unreachable unless the database misreports rows affected; refuse rather than guess.
        Ok(StoreError::DuplicateBallot {
            commitment: String::new(),
            other: String::new(),
        })
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

    pub async fn close(&self) {
        self.pool.close().await;
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
