//! The collector suite against a real PostgreSQL that this test starts itself: `initdb` and
//! `pg_ctl` on a temporary directory, listening on 127.0.0.1 on a free port, trust auth, no
//! fsync (a test cluster), stopped and removed on drop. PostgreSQL refuses to run as root, so as
//! root the cluster runs as the `postgres` user (`runuser`), in a directory it owns.
//!
//! Where PostgreSQL is not installed the test prints SKIP with the reason and passes;
//! `scripts/setup` installs Debian's `postgresql`, so CI really runs it.

#[path = "pg_cluster.rs"]
mod pg_cluster;

use crate::support::Scratch;
use pg_cluster::Cluster;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_suite() {
    let dir = Scratch::new("pg");
    let cluster = match Cluster::start(dir.path(), false) {
        Ok(c) => c,
        Err(reason) => {
            println!("SKIP postgres_suite: {reason}");
            eprintln!("SKIP postgres_suite: {reason}");
            return;
        }
    };
    crate::suite::suite(&cluster.url()).await;
    // The same schema is brought up to date, not created twice, on a second start.
    let c = crate::suite::start(&cluster.url(), 1 << 20).await;
    assert_eq!(c.store().count().await.unwrap(), 28);
    c.stop().await.unwrap();
}
