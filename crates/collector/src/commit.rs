//! Group commit (docs/collector.md §Storage): uploads that arrive while a transaction is being
//! written wait in a queue, and the next transaction writes all of them at once — one `BEGIN`,
//! one multi-row insert of boxes, one of ballots, one `COMMIT` (one fsync) for up to
//! [`MAX_BOXES`] boxes. Each upload is answered only after the transaction holding its box has
//! committed, so a 201 still means "on disk". A lone upload is written at once: nothing waits
//! for a batch to fill.
//!
//! Each box keeps the outcome it would have had alone:
//! - boxes of one transaction never share a fingerprint or a ballot ([`disjoint`]); a box that
//!   does goes into the next transaction, after the one it collides with has committed, and gets
//!   the answer it would have had in that order (200, or 409);
//! - the box insert is `ON CONFLICT (fingerprint) DO NOTHING RETURNING fingerprint`: the
//!   database's unique key decides which boxes are new, also against other collectors on the
//!   same PostgreSQL;
//! - a new box whose ballot is already stored in another box loses its own rows (no other box
//!   of the transaction can have collided with them) and gets 409; the others are stored;
//! - if the transaction fails (a database error), each of its boxes is written again alone, so
//!   one box's trouble never costs the others their upload.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use phieu_core::AuditBundle;
use sqlx::{Any, AnyPool, Row, Transaction};
use tokio::sync::{mpsc, oneshot, Mutex, Notify};

use crate::stored::{StoreError, Stored};

/// Boxes per transaction at most.
pub(super) const MAX_BOXES: usize = 64;
/// Ballot rows per transaction at most; a bigger box is written alone.
const MAX_BALLOTS: usize = 20_000;
/// Bundle bytes per transaction at most; a bigger box is written alone.
const MAX_BYTES: usize = 8 << 20;
/// Rows per multi-row insert, far below SQLite's (32,766) and PostgreSQL's (65,535) parameter
/// limits: 11 parameters per box, 3 per ballot.
const BOX_ROWS: usize = 64;
const BALLOT_ROWS: usize = 300;
/// Uploads waiting for a writer; a full queue makes the next upload wait (back-pressure).
const QUEUE: usize = 1024;

/// A verified box, ready to be written: its `boxes` row and its commitments (hex, sorted).
#[derive(Debug, Clone)]
pub(super) struct NewBox {
    pub fingerprint: String,
    pub seal: String,
    pub poll_hash: String,
    pub poll_id: String,
    pub commune: String,
    pub village: String,
    pub title: String,
    pub ballots: i64,
    pub portal: String,
    pub received_at: i64,
    pub bundle: String,
    pub commitments: Vec<String>,
}

impl NewBox {
    /// The row of a verified `bundle`, whose text as received is `json`.
    pub fn of(bundle: &AuditBundle, json: String, portal: &str, received_at: i64) -> NewBox {
        let poll = bundle.poll();
        NewBox {
            fingerprint: bundle.fingerprint().to_hex(),
            // Stored in the `seal` column: since bundle version 2 it holds the minutes code.
            seal: bundle.minutes_code().to_hex(),
            poll_hash: poll.hash().to_hex(),
            poll_id: poll.id().to_owned(),
            commune: poll.place().commune().to_owned(),
            village: poll.place().village().to_owned(),
            title: poll.title().vi().to_owned(),
            ballots: i64::try_from(bundle.tally().ballots()).unwrap_or(i64::MAX),
            portal: portal.to_owned(),
            received_at,
            bundle: json,
            commitments: bundle
                .ballot_box()
                .commitments()
                .map(|c| c.to_hex())
                .collect(),
        }
    }
}

/// One upload waiting to be written, and where its answer goes.
#[derive(Debug)]
pub(super) struct Job {
    pub new: NewBox,
    pub reply: oneshot::Sender<Result<Stored, StoreError>>,
}

/// The queue in front of the writers.
#[derive(Debug, Clone)]
pub(super) struct Queue {
    jobs: mpsc::Sender<Job>,
}

impl Queue {
    /// Starts `writers` writer tasks on `pool`: one for SQLite (one writer at a time anyway),
    /// a few for PostgreSQL so that one big box does not hold up the small ones.
    /// `committed`, if given, is told after each transaction (SQLite's checkpointer).
    pub fn start(pool: AnyPool, writers: usize, committed: Option<Arc<Notify>>) -> Queue {
        let (jobs, rx) = mpsc::channel(QUEUE);
        let rx = Arc::new(Mutex::new(rx));
        for _ in 0..writers.max(1) {
            tokio::spawn(writer(pool.clone(), Arc::clone(&rx), committed.clone()));
        }
        Queue { jobs }
    }

    /// Queues a box and waits until its transaction has committed (or failed).
    pub async fn put(&self, new: NewBox) -> Result<Stored, StoreError> {
        let (reply, answer) = oneshot::channel();
        self.jobs
            .send(Job { new, reply })
            .await
            .map_err(|_| StoreError::Db(sqlx::Error::PoolClosed))?;
        answer
            .await
            .map_err(|_| StoreError::Db(sqlx::Error::WorkerCrashed))?
    }
}

/// Takes what is waiting (up to the limits), writes it, answers, and again; ends when every
/// `Queue` is gone. After each transaction it tells `committed`, if given.
async fn writer(
    pool: AnyPool,
    rx: Arc<Mutex<mpsc::Receiver<Job>>>,
    committed: Option<Arc<Notify>>,
) {
    let mut carry: Option<Job> = None;
    loop {
        let batch = {
            let mut rx = rx.lock().await;
            let first = match carry.take() {
                Some(job) => job,
                None => match rx.recv().await {
                    Some(job) => job,
                    None => return,
                },
            };
            let mut ballots = first.new.commitments.len();
            let mut bytes = first.new.bundle.len();
            let mut batch = vec![first];
            while batch.len() < MAX_BOXES {
                let Ok(job) = rx.try_recv() else { break };
                ballots += job.new.commitments.len();
                bytes += job.new.bundle.len();
                if ballots > MAX_BALLOTS || bytes > MAX_BYTES {
                    carry = Some(job);
                    break;
                }
                batch.push(job);
            }
            batch
        };
        commit(&pool, batch).await;
        if let Some(c) = &committed {
            c.notify_one();
        }
    }
}

/// Writes `jobs` in as few transactions as their collisions allow and answers each after its
/// transaction has committed.
pub(super) async fn commit(pool: &AnyPool, jobs: Vec<Job>) {
    let mut pending = jobs;
    while !pending.is_empty() {
        let (now, later) = disjoint(pending);
        let boxes: Vec<&NewBox> = now.iter().map(|j| &j.new).collect();
        let results = match write(pool, &boxes).await {
            Ok(results) => results,
            Err(e) if boxes.len() == 1 => vec![Err(StoreError::Db(e))],
            Err(_) => {
                let mut results = Vec::with_capacity(boxes.len());
                for b in &boxes {
                    results.push(match write(pool, &[b]).await {
                        Ok(mut one) => {
                            one.pop()
                                .unwrap_or(Err(StoreError::Db(sqlx::Error::Protocol(
                                    "no outcome for a box".into(),
                                ))))
                        }
                        Err(e) => Err(StoreError::Db(e)),
                    });
                }
                results
            }
        };
        for (job, result) in now.into_iter().zip(results) {
            // The uploader may have gone (a dropped connection): the box is stored all the
            // same, and its resend will get 200.
            let _ = job.reply.send(result);
        }
        pending = later;
    }
}

/// Splits `jobs` into those that share no fingerprint and no (poll, ballot) with an earlier
/// one — written together now, in arrival order — and the rest, written afterwards.
fn disjoint(jobs: Vec<Job>) -> (Vec<Job>, Vec<Job>) {
    if jobs.len() < 2 {
        return (jobs, Vec::new());
    }
    let free: Vec<bool> = {
        let mut boxes: HashSet<&str> = HashSet::new();
        let mut ballots: HashSet<(&str, &str)> = HashSet::new();
        jobs.iter()
            .map(|job| {
                let b = &job.new;
                let free = !boxes.contains(b.fingerprint.as_str())
                    && !b
                        .commitments
                        .iter()
                        .any(|c| ballots.contains(&(b.poll_hash.as_str(), c.as_str())));
                if free {
                    boxes.insert(&b.fingerprint);
                    ballots.extend(
                        b.commitments
                            .iter()
                            .map(|c| (b.poll_hash.as_str(), c.as_str())),
                    );
                }
                free
            })
            .collect()
    };
    let (mut now, mut later) = (Vec::new(), Vec::new());
    for (job, free) in jobs.into_iter().zip(free) {
        if free {
            now.push(job);
        } else {
            later.push(job);
        }
    }
    (now, later)
}

/// `($1, $2, $3), ($4, $5, $6)` for `rows` rows of `columns` parameters.
fn values(columns: usize, rows: usize) -> String {
    let mut sql = String::with_capacity(rows * columns * 5);
    for r in 0..rows {
        sql.push_str(if r == 0 { "(" } else { ", (" });
        for c in 0..columns {
            if c > 0 {
                sql.push_str(", ");
            }
            sql.push('$');
            sql.push_str(&(r * columns + c + 1).to_string());
        }
        sql.push(')');
    }
    sql
}

/// One transaction for `boxes` (pairwise disjoint): the outcome of each, in the same order.
async fn write(
    pool: &AnyPool,
    boxes: &[&NewBox],
) -> Result<Vec<Result<Stored, StoreError>>, sqlx::Error> {
    // Rows go in fingerprint order, so that two collectors writing overlapping batches to one
    // PostgreSQL take the unique keys in the same order and cannot deadlock.
    let mut order: Vec<usize> = (0..boxes.len()).collect();
    order.sort_by(|&a, &b| boxes[a].fingerprint.cmp(&boxes[b].fingerprint));
    let mut tx = pool.begin().await?;
    // The insert comes first, so that the transaction takes SQLite's write lock at once and
    // the unique key arbitrates between concurrent uploads.
    let mut inserted: HashSet<String> = HashSet::new();
    for chunk in order.chunks(BOX_ROWS) {
        let sql = format!(
            "INSERT INTO boxes (fingerprint, seal, poll_hash, poll_id, commune, village, title, \
             ballots, portal, received_at, bundle) VALUES {} \
             ON CONFLICT (fingerprint) DO NOTHING RETURNING fingerprint",
            values(11, chunk.len())
        );
        let mut q = sqlx::query(&sql);
        for &i in chunk {
            let b = boxes[i];
            q = q
                .bind(&b.fingerprint)
                .bind(&b.seal)
                .bind(&b.poll_hash)
                .bind(&b.poll_id)
                .bind(&b.commune)
                .bind(&b.village)
                .bind(&b.title)
                .bind(b.ballots)
                .bind(&b.portal)
                .bind(b.received_at)
                .bind(&b.bundle);
        }
        for row in q.fetch_all(&mut *tx).await? {
            inserted.insert(row.try_get(0)?);
        }
    }
    let mut results: Vec<Option<Result<Stored, StoreError>>> =
        (0..boxes.len()).map(|_| None).collect();

    // Boxes already stored: the same (200) or with other minutes (409).
    let old: Vec<usize> = order
        .iter()
        .copied()
        .filter(|&i| !inserted.contains(&boxes[i].fingerprint))
        .collect();
    if !old.is_empty() {
        let mut seals: HashMap<String, String> = HashMap::new();
        for chunk in old.chunks(BOX_ROWS) {
            let params: Vec<String> = (1..=chunk.len()).map(|n| format!("${n}")).collect();
            let sql = format!(
                "SELECT fingerprint, seal FROM boxes WHERE fingerprint IN ({})",
                params.join(", ")
            );
            let mut q = sqlx::query(&sql);
            for &i in chunk {
                q = q.bind(&boxes[i].fingerprint);
            }
            for row in q.fetch_all(&mut *tx).await? {
                seals.insert(row.try_get(0)?, row.try_get(1)?);
            }
        }
        for &i in &old {
            let b = boxes[i];
            results[i] = Some(match seals.get(&b.fingerprint) {
                Some(stored) if *stored == b.seal => Ok(Stored::Already),
                Some(stored) => Err(StoreError::Conflict {
                    fingerprint: b.fingerprint.clone(),
                    stored_seal: stored.clone(),
                }),
                // Not inserted and not there: only a box deleted meanwhile could do that.
                None => Err(StoreError::Db(sqlx::Error::RowNotFound)),
            });
        }
    }

    // The ballots of the new boxes; each (poll, ballot) once.
    let new: Vec<usize> = order
        .iter()
        .copied()
        .filter(|&i| inserted.contains(&boxes[i].fingerprint))
        .collect();
    let rows: Vec<(&str, &str, &str)> = new
        .iter()
        .flat_map(|&i| {
            let b = boxes[i];
            b.commitments
                .iter()
                .map(move |c| (b.poll_hash.as_str(), c.as_str(), b.fingerprint.as_str()))
        })
        .collect();
    let mut stored = 0u64;
    for chunk in rows.chunks(BALLOT_ROWS) {
        let sql = format!(
            "INSERT INTO ballots (poll_hash, commitment, fingerprint) VALUES {} \
             ON CONFLICT DO NOTHING",
            values(3, chunk.len())
        );
        let mut q = sqlx::query(&sql);
        for (poll_hash, commitment, fingerprint) in chunk {
            q = q.bind(*poll_hash).bind(*commitment).bind(*fingerprint);
        }
        stored += q.execute(&mut *tx).await?.rows_affected();
    }
    if stored != rows.len() as u64 {
        let mut found = false;
        for &i in &new {
            if let Some((commitment, other)) = stored_elsewhere(&mut tx, boxes[i]).await? {
                unstore(&mut tx, boxes[i]).await?;
                results[i] = Some(Err(StoreError::DuplicateBallot { commitment, other }));
                found = true;
            }
        }
        if !found {
            // Fewer rows than ballots yet no ballot elsewhere: refuse to guess; the caller
            // writes each box alone, and a lone box fails with this error.
            return Err(sqlx::Error::Protocol(
                "fewer ballot rows stored than sent, and no ballot found in another box".into(),
            ));
        }
    }
    for &i in &new {
        results[i].get_or_insert(Ok(Stored::New));
    }
    tx.commit().await?;
    Ok(results
        .into_iter()
        .map(|r| r.unwrap_or(Err(StoreError::Db(sqlx::Error::RowNotFound))))
        .collect())
}

/// The first ballot of `b` (in commitment order) that is stored in another box, and that box.
async fn stored_elsewhere(
    tx: &mut Transaction<'_, Any>,
    b: &NewBox,
) -> Result<Option<(String, String)>, sqlx::Error> {
    for chunk in b.commitments.chunks(BALLOT_ROWS) {
        let params: Vec<String> = (3..3 + chunk.len()).map(|n| format!("${n}")).collect();
        let sql = format!(
            "SELECT commitment, fingerprint FROM ballots WHERE poll_hash = $1 \
             AND fingerprint <> $2 AND commitment IN ({}) ORDER BY commitment LIMIT 1",
            params.join(", ")
        );
        let mut q = sqlx::query(&sql).bind(&b.poll_hash).bind(&b.fingerprint);
        for c in chunk {
            q = q.bind(c);
        }
        if let Some(row) = q.fetch_optional(&mut **tx).await? {
            return Ok(Some((row.try_get(0)?, row.try_get(1)?)));
        }
    }
    Ok(None)
}

/// Takes back what this transaction wrote for `b`: its ballot rows and its box row. No other
/// box of the transaction shares a key with it, so their outcomes stand.
async fn unstore(tx: &mut Transaction<'_, Any>, b: &NewBox) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM ballots WHERE poll_hash = $1 AND fingerprint = $2")
        .bind(&b.poll_hash)
        .bind(&b.fingerprint)
        .execute(&mut **tx)
        .await?;
    sqlx::query("DELETE FROM boxes WHERE fingerprint = $1")
        .bind(&b.fingerprint)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    //! The batches here are handed to `commit` whole, so what shares a transaction is decided
    //! by the test, not by timing.

    use phieu_core::{Answer, Ballot, BallotBox, Electorate, Minutes, Poll, Salt};

    use super::*;
    use crate::store::Store;

    const POLL: &str = include_str!("../../cli/tests/data/poll-road.json");

    /// A box of Thôn Đồng Tâm (100 households) with one "agree" ballot per salt number; the
    /// minutes' place changes the seal, not the fingerprint.
    fn bundle(place: &str, salts: &[u8]) -> AuditBundle {
        let poll = Poll::from_json(POLL).unwrap();
        let mut bx = BallotBox::new(poll.clone());
        for n in salts {
            let mut salt = [0u8; 16];
            salt[15] = *n;
            let ballot = Ballot::new(
                &poll,
                vec![Answer::choice("dong_y")],
                Salt::from_bytes(salt),
            )
            .unwrap();
            bx.cast(ballot).unwrap();
        }
        let minutes = Minutes::new(
            place.into(),
            "14 giờ 00, ngày 12/4/2026".into(),
            Vec::new(),
            Vec::new(),
            String::new(),
        )
        .unwrap();
        AuditBundle::new(bx, Electorate::new(100, Some(100)).unwrap(), minutes).unwrap()
    }

    fn job(b: &AuditBundle) -> (Job, oneshot::Receiver<Result<Stored, StoreError>>) {
        let (reply, answer) = oneshot::channel();
        let new = NewBox::of(b, b.to_json(), "test", 0);
        (Job { new, reply }, answer)
    }

    /// Hands `bundles` to `commit` as one batch and gives each one's outcome, in order.
    async fn batch(store: &Store, bundles: &[&AuditBundle]) -> Vec<Result<Stored, StoreError>> {
        let (jobs, answers): (Vec<_>, Vec<_>) = bundles.iter().map(|b| job(b)).unzip();
        commit(store.pool(), jobs).await;
        let mut out = Vec::new();
        for a in answers {
            out.push(a.await.unwrap());
        }
        out
    }

    struct Db(std::path::PathBuf);

    impl Db {
        fn new(name: &str) -> Db {
            let dir =
                std::env::temp_dir().join(format!("phieu-commit-{name}-{}", std::process::id()));
            let _ = std::fs::remove_dir_all(&dir);
            std::fs::create_dir_all(&dir).unwrap();
            Db(dir)
        }

        async fn open(&self) -> Store {
            let path = self.0.join("phieu.db");
            Store::open(&crate::config::database_url(path.to_str().unwrap()))
                .await
                .unwrap()
        }
    }

    impl Drop for Db {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    #[tokio::test]
    async fn each_box_of_a_batch_gets_the_answer_it_would_have_had_alone() {
        let db = Db::new("alone");
        let store = db.open().await;
        let x = bundle("Cụm X", &[1, 2]);
        assert_eq!(
            store.put(&x, x.to_json(), "test", 0).await.unwrap(),
            Stored::New
        );

        let a = bundle("Cụm A", &[10, 11, 12]);
        let b = bundle("Cụm B", &[20, 21]);
        // Holds ballot 2 of X (stored before) and a ballot of its own.
        let c = bundle("Cụm C", &[2, 30]);
        // Holds ballot 12 of A (in the same batch) and a ballot of its own.
        let d = bundle("Cụm D", &[12, 40]);
        // X's ballots with other minutes: the same fingerprint, another seal.
        let x_elsewhere = bundle("Nơi khác", &[1, 2]);
        assert_eq!(x_elsewhere.fingerprint(), x.fingerprint());
        let e = bundle("Cụm E", &[50]);
        let out = batch(&store, &[&a, &b, &a, &c, &d, &x_elsewhere, &e, &x]).await;

        assert!(matches!(out[0], Ok(Stored::New)), "{:?}", out[0]);
        assert!(matches!(out[1], Ok(Stored::New)), "{:?}", out[1]);
        assert!(matches!(out[2], Ok(Stored::Already)), "{:?}", out[2]);
        match &out[3] {
            Err(StoreError::DuplicateBallot { other, .. }) => {
                assert_eq!(*other, x.fingerprint().to_hex())
            }
            r => panic!("C: {r:?}"),
        }
        match &out[4] {
            Err(StoreError::DuplicateBallot { other, .. }) => {
                assert_eq!(*other, a.fingerprint().to_hex())
            }
            r => panic!("D: {r:?}"),
        }
        assert!(
            matches!(out[5], Err(StoreError::Conflict { .. })),
            "{:?}",
            out[5]
        );
        assert!(matches!(out[6], Ok(Stored::New)), "{:?}", out[6]);
        assert!(matches!(out[7], Ok(Stored::Already)), "{:?}", out[7]);

        // X, A, B, E; none of C's or D's ballots, not even their own.
        assert_eq!(store.count().await.unwrap(), 4);
        assert_eq!(store.ballot_count().await.unwrap(), 2 + 3 + 2 + 1);
        assert_eq!(
            store.bundle(&x.fingerprint().to_hex()).await.unwrap(),
            Some(x.to_json())
        );
        // A refused box can come back once the conflict is gone from it.
        let c_alone = bundle("Cụm C", &[30]);
        assert!(matches!(
            batch(&store, &[&c_alone]).await[0],
            Ok(Stored::New)
        ));
        store.close().await;
    }

    #[tokio::test]
    async fn a_database_failure_of_one_box_does_not_take_the_others_down() {
        let db = Db::new("failure");
        let store = db.open().await;
        // The database refuses any box whose minutes were taken at "Lỗi".
        sqlx::query(
            "CREATE TRIGGER refuse_one BEFORE INSERT ON boxes \
             WHEN NEW.bundle LIKE '%\"place\": \"Lỗi\"%' \
             BEGIN SELECT RAISE(ABORT, 'refused by the test'); END",
        )
        .execute(store.pool())
        .await
        .unwrap();
        let a = bundle("Cụm A", &[1]);
        let bad = bundle("Lỗi", &[2]);
        let b = bundle("Cụm B", &[3]);
        let out = batch(&store, &[&a, &bad, &b]).await;
        assert!(matches!(out[0], Ok(Stored::New)), "{:?}", out[0]);
        match &out[1] {
            Err(StoreError::Db(e)) => assert!(e.to_string().contains("refused by the test")),
            r => panic!("{r:?}"),
        }
        assert!(matches!(out[2], Ok(Stored::New)), "{:?}", out[2]);
        assert_eq!(store.count().await.unwrap(), 2);
        assert_eq!(store.ballot_count().await.unwrap(), 2);
        store.close().await;
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn concurrent_uploads_through_the_queue_store_each_box_once() {
        let db = Db::new("queue");
        let store = db.open().await;
        let bundles: Vec<AuditBundle> = (0..30u8)
            .map(|n| bundle(&format!("Cụm {n}"), &[3 * n, 3 * n + 1, 3 * n + 2]))
            .collect();
        let mut tasks = Vec::new();
        for _ in 0..3 {
            for b in &bundles {
                let (store, b) = (store.clone(), b.clone());
                tasks.push(tokio::spawn(async move {
                    store.put(&b, b.to_json(), "test", 0).await.unwrap()
                }));
            }
        }
        let mut new = 0;
        let mut already = 0;
        for t in tasks {
            match t.await.unwrap() {
                Stored::New => new += 1,
                Stored::Already => already += 1,
            }
        }
        assert_eq!((new, already), (30, 60));
        assert_eq!(store.count().await.unwrap(), 30);
        assert_eq!(store.ballot_count().await.unwrap(), 90);
        store.close().await;
    }

    /// Checkpoints run beside the writer, never inside a commit (`store.rs`): a box is on disk
    /// once its commit is in the WAL, whether or not a checkpoint has copied it yet, and
    /// reopening finds every box.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn boxes_committed_to_the_wal_are_all_there_after_a_close() {
        let db = Db::new("reopen");
        let store = db.open().await;
        let bundles: Vec<AuditBundle> = (0..40u8)
            .map(|n| bundle(&format!("Cụm {n}"), &[2 * n, 2 * n + 1]))
            .collect();
        let mut tasks = Vec::new();
        for b in &bundles {
            let (store, b) = (store.clone(), b.clone());
            tasks.push(tokio::spawn(async move {
                store.put(&b, b.to_json(), "test", 0).await.unwrap()
            }));
        }
        for t in tasks {
            assert_eq!(t.await.unwrap(), Stored::New);
        }
        store.close().await;
        let store = db.open().await;
        assert_eq!(store.count().await.unwrap(), 40);
        assert_eq!(store.ballot_count().await.unwrap(), 80);
        for b in &bundles {
            assert_eq!(
                store.bundle(&b.fingerprint().to_hex()).await.unwrap(),
                Some(b.to_json())
            );
        }
        store.close().await;
    }

    #[test]
    fn placeholders_number_rows_by_columns() {
        assert_eq!(values(3, 2), "($1, $2, $3), ($4, $5, $6)");
        assert_eq!(values(1, 1), "($1)");
    }
}
