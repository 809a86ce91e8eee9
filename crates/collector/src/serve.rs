//! The collector's accept loop: hyper's HTTP/1.1 connection with a timer, so that a socket that
//! says nothing, or sends half a header, is closed after [`Limits::header_timeout`], and a cap
//! on the connections served at once, so that idle sockets cannot take every file descriptor
//! (issue 17, item 3: 1,100 idle TCP connections made the collector unreachable under plain
//! `axum::serve`, which sets no timer and so no timeout at all).
//!
//! Three clocks guard a connection (docs/collector.md §Timeouts and limits):
//! - hyper's header-read timeout starts whenever hyper waits for a request head, on a fresh
//!   connection and between the requests of a kept-alive one, so it is also the idle timeout;
//! - the upload handler reads the body within [`Limits::body_timeout`] (`routes/upload.rs`);
//! - a connection lives at most [`Limits::connection_lifetime`], whatever it does (a client that
//!   never reads its answer).
//!
//! Beyond [`Limits::max_connections`] a new connection is accepted and closed at once: the
//! client sees the connection end and may retry, instead of waiting unseen in the kernel's
//! backlog while the file descriptors run out.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::extract::Request;
use axum::Router;
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::{oneshot, Semaphore};
use tower::ServiceExt;

/// The collector's timeouts and caps. [`Limits::default`] is what `phieu collect` runs with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// A request head must arrive whole within this time of the connection being ready for one
    /// (also the idle timeout of a kept-alive connection).
    pub header_timeout: Duration,
    /// An upload's body must arrive whole within this time of its head.
    pub body_timeout: Duration,
    /// No connection is kept longer than this.
    pub connection_lifetime: Duration,
    /// Connections served at once; more are closed as soon as they are accepted.
    pub max_connections: usize,
    /// Tally, summary and roll-up requests computed at once; more get 503 with Retry-After.
    pub max_heavy_requests: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            header_timeout: Duration::from_secs(10),
            // 16 MiB (the default largest bundle) in two minutes is 1.1 Mbit/s; a village box
            // of a few hundred ballots is some 100 KB.
            body_timeout: Duration::from_secs(120),
            connection_lifetime: Duration::from_secs(600),
            max_connections: 4096,
            max_heavy_requests: 4,
        }
    }
}

/// Raises this process's soft limit on open files to its hard limit where it is lower, and
/// gives the number of connections the collector can hold: `wanted`, or fewer when the limit
/// leaves no room for them and for the database's files (a reserve of 128).
pub fn connection_cap(wanted: usize) -> usize {
    const RESERVE: u64 = 128;
    let limit = raise_nofile();
    let room = usize::try_from(limit.saturating_sub(RESERVE)).unwrap_or(usize::MAX);
    wanted.min(room).max(1)
}

#[cfg(unix)]
fn raise_nofile() -> u64 {
    let mut lim = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: getrlimit and setrlimit only read and write the struct passed by reference.
    unsafe {
        if libc::getrlimit(libc::RLIMIT_NOFILE, &mut lim) != 0 {
            return 1024;
        }
        if lim.rlim_cur < lim.rlim_max {
            let raised = libc::rlimit {
                rlim_cur: lim.rlim_max,
                rlim_max: lim.rlim_max,
            };
            if libc::setrlimit(libc::RLIMIT_NOFILE, &raised) == 0 {
                lim = raised;
            }
        }
    }
    lim.rlim_cur
}

#[cfg(not(unix))]
fn raise_nofile() -> u64 {
    u64::MAX
}

/// Serves `app` on `listener` until `stop` fires, then lets the connections finish what they
/// are doing (a request in flight gets its answer) and returns.
pub async fn serve(
    listener: TcpListener,
    app: Router,
    limits: Limits,
    stop: oneshot::Receiver<()>,
) -> std::io::Result<()> {
    let slots = Arc::new(Semaphore::new(limits.max_connections));
    let graceful = GracefulShutdown::new();
    tokio::pin!(stop);
    loop {
        let (stream, _peer): (_, SocketAddr) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(a) => a,
                // A connection reset before it was accepted, or no file descriptor left: wait a
                // little rather than spin, then go on accepting.
                Err(_) => {
                    tokio::time::sleep(Duration::from_millis(20)).await;
                    continue;
                }
            },
            _ = &mut stop => break,
        };
        let Ok(slot) = Arc::clone(&slots).try_acquire_owned() else {
            // Over the cap: closed at once (module docs).
            drop(stream);
            continue;
        };
        let _ = stream.set_nodelay(true);
        let service = TowerToHyperService::new(
            app.clone()
                .map_request(|req: Request<Incoming>| req.map(Body::new)),
        );
        let conn = hyper::server::conn::http1::Builder::new()
            .timer(TokioTimer::new())
            .header_read_timeout(limits.header_timeout)
            .keep_alive(true)
            .serve_connection(TokioIo::new(stream), service);
        let conn = graceful.watch(conn);
        let lifetime = limits.connection_lifetime;
        tokio::spawn(async move {
            // A connection that outlives its lifetime is dropped, which closes the socket.
            let _ = tokio::time::timeout(lifetime, conn).await;
            drop(slot);
        });
    }
    drop(listener);
    graceful.shutdown().await;
    Ok(())
}
