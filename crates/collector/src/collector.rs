//! A running collector: the database opened and brought up to date, the address bound, the routes
//! served until [`Collector::stop`].

use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use tokio::sync::oneshot;
use tokio::task::JoinHandle;

use crate::config::{redacted, Config};
use crate::error::CollectError;
use crate::routes;
use crate::serve::{self, Limits};
use crate::store::Store;

/// Binds `addr` with a backlog of 4,096 connections (the kernel caps it at `somaxconn`): a
/// burst of connections waits to be accepted instead of being left half-open by the kernel
/// (tokio's `bind` asks for 1,024).
fn listen(addr: SocketAddr) -> std::io::Result<tokio::net::TcpListener> {
    let socket = if addr.is_ipv4() {
        tokio::net::TcpSocket::new_v4()?
    } else {
        tokio::net::TcpSocket::new_v6()?
    };
    socket.set_reuseaddr(true)?;
    socket.bind(addr)?;
    socket.listen(4096)
}

/// A running collector.
pub struct Collector {
    addr: SocketAddr,
    verifications: Arc<AtomicU64>,
    store: Store,
    shutdown: oneshot::Sender<()>,
    task: JoinHandle<std::io::Result<()>>,
}

impl Collector {
    /// Opens the database, runs the migrations, binds the address and starts serving.
    pub async fn start(config: Config) -> Result<Collector, CollectError> {
        let store =
            Store::open(&config.database)
                .await
                .map_err(|error| CollectError::Database {
                    url: redacted(&config.database),
                    error,
                })?;
        let listener = listen(config.listen).map_err(|source| CollectError::Listen {
            addr: config.listen,
            source,
        })?;
        let addr = listener
            .local_addr()
            .map_err(|source| CollectError::Listen {
                addr: config.listen,
                source,
            })?;
        let limits = Limits {
            max_connections: serve::connection_cap(config.limits.max_connections),
            ..config.limits
        };
        let state = Arc::new(routes::AppState::new(
            store.clone(),
            config.tokens,
            config.max_body_bytes,
            limits,
        ));
        let verifications = Arc::clone(&state.merges.verifications);
        let app = routes::router(state, &config.allow_origins);
        let (shutdown, stopped) = oneshot::channel::<()>();
        let task = tokio::spawn(serve::serve(listener, app, limits, stopped));
        Ok(Collector {
            addr,
            verifications,
            store,
            shutdown,
            task,
        })
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// `http://127.0.0.1:8787/`
    pub fn url(&self) -> String {
        format!("http://{}/", self.addr)
    }

    /// How many times stored boxes were verified and merged for a tally, a summary or a
    /// roll-up (each set of boxes once, then from the cache): for tests and benchmarks.
    pub fn verifications(&self) -> u64 {
        self.verifications.load(Ordering::Relaxed)
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Stops accepting, lets requests in flight finish, and closes the database.
    pub async fn stop(self) -> Result<(), CollectError> {
        let _ = self.shutdown.send(());
        let served = match self.task.await {
            Ok(r) => r,
            Err(e) => Err(std::io::Error::other(e)),
        };
        self.store.close().await;
        served.map_err(CollectError::Serve)
    }
}
