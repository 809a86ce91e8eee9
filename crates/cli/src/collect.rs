//! `phieu collect`: the HTTP server a commune or province portal runs to receive audit bundles
//! from tablets (docs/collector.md). It verifies every bundle with the core before storing it,
//! stores each box once whatever the number of resends (the fingerprint is the key), and serves
//! the merged tally of a poll, the villages heard from, a commune roll-up under the
//! two-thirds-of-villages rule (L 21.1) and a small HTML page listing received boxes.
//!
//! It listens on 127.0.0.1 by default; uploads need a portal's bearer token; browsers may upload
//! only from the origins configured (CORS, never `*`).

mod commit;
mod routes;
mod serve;
pub mod store;
pub mod tokens;

use std::io::Write;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use axum::http::HeaderValue;
use phieu_core::Lang;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

pub use serve::Limits;
pub use store::{BoxRow, BoxState, LogEntry, Store, StoreError, Stored};
pub use tokens::{Role, Scope, Token, Tokens};

use crate::args::{CollectAction, CollectArgs, TokenAction};
use crate::error::CliError;
use crate::{tr, Status};

#[derive(Debug, thiserror::Error)]
pub enum CollectError {
    #[error("{origin}: {}", why.en())]
    Token {
        origin: String,
        why: tokens::TokenProblem,
    },
    #[error("{}: cannot read the tokens file: {source}", path.display())]
    TokensFile {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("--allow-origin {0:?}: an origin is scheme://host[:port], such as https://xa.example.vn; * is never allowed")]
    Origin(String),
    #[error("database {url}: {error}")]
    Database { url: String, error: StoreError },
    #[error("cannot listen on {addr}: {source}")]
    Listen {
        addr: SocketAddr,
        source: std::io::Error,
    },
    #[error("the server stopped: {0}")]
    Serve(std::io::Error),
    #[error("no box {0} is stored")]
    NoSuchBox(String),
    #[error("the token name {0:?} was revoked: choose another name")]
    RevokedName(String),
    #[error("{}: {source}", path.display())]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
}

impl CollectError {
    pub fn message(&self, lang: Lang) -> String {
        let vi = match self {
            CollectError::Token { origin, why } => format!("{origin}: {}", why.vi()),
            CollectError::TokensFile { path, source } => {
                format!("{}: không đọc được tệp mã tải lên: {source}", path.display())
            }
            CollectError::Origin(o) => format!(
                "--allow-origin {o:?}: nguồn (origin) có dạng scheme://tên-máy[:cổng], ví dụ https://xa.example.vn; không bao giờ dùng *"
            ),
            CollectError::Database { url, error } => format!("cơ sở dữ liệu {url}: {error}"),
            CollectError::Listen { addr, source } => {
                format!("không mở được cổng {addr}: {source}")
            }
            CollectError::Serve(e) => format!("máy chủ đã dừng: {e}"),
            CollectError::NoSuchBox(fp) => format!("không có hòm phiếu {fp} nào được lưu"),
            CollectError::RevokedName(n) => {
                format!("tên mã {n:?} đã bị thu hồi: hãy chọn tên khác")
            }
            CollectError::Write { path, source } => format!("{}: {source}", path.display()),
        };
        tr(lang, vi, self.to_string())
    }
}

/// The code a person at the commune types (or scans) from the signed paper minutes to confirm
/// a stored box: the first 16 lower-case hex digits of the bundle's minutes code
/// (docs/bundle-format.md §Minutes code), which covers the tally, the outcomes and the
/// electorate as well as the box, so a box confirmed by it is the box whose result was signed.
/// The one place the collector computes it.
pub fn paper_code(bundle: &phieu_core::AuditBundle) -> String {
    let mut code = bundle.minutes_code().to_hex();
    code.truncate(16);
    code
}

/// Everything the server needs, checked.
#[derive(Debug, Clone)]
pub struct Config {
    pub listen: SocketAddr,
    /// A URL sqlx understands (`sqlite://…?mode=rwc` or `postgres://…`).
    pub database: String,
    pub tokens: Tokens,
    pub allow_origins: Vec<HeaderValue>,
    pub max_body_bytes: usize,
    /// Timeouts and caps (docs/collector.md §Timeouts and limits).
    pub limits: Limits,
}

impl Config {
    pub fn from_args(a: &CollectArgs) -> Result<Config, CollectError> {
        Ok(Config {
            listen: a.listen,
            database: database_url(&a.database),
            tokens: Tokens::parse(&a.tokens, a.tokens_file.as_deref())?,
            allow_origins: a
                .allow_origins
                .iter()
                .map(|o| origin(o))
                .collect::<Result<_, _>>()?,
            max_body_bytes: a.max_body_bytes,
            limits: Limits {
                max_connections: a.max_connections,
                ..Limits::default()
            },
        })
    }
}

/// `phieu.db` and `sqlite://phieu.db` become `sqlite://phieu.db?mode=rwc` (created if missing);
/// PostgreSQL URLs are kept as they are.
pub fn database_url(given: &str) -> String {
    if given.starts_with("postgres://") || given.starts_with("postgresql://") {
        return given.to_owned();
    }
    let path = given
        .strip_prefix("sqlite://")
        .or_else(|| given.strip_prefix("sqlite:"))
        .unwrap_or(given);
    if path.contains("mode=") || path == ":memory:" {
        format!("sqlite://{path}")
    } else if path.contains('?') {
        format!("sqlite://{path}&mode=rwc")
    } else {
        format!("sqlite://{path}?mode=rwc")
    }
}

/// The URL to print: without a password.
pub fn redacted(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    match rest.split_once('@') {
        Some((user, host)) if user.contains(':') => {
            let name = user.split(':').next().unwrap_or("");
            format!("{scheme}://{name}:***@{host}")
        }
        _ => url.to_owned(),
    }
}

fn origin(o: &str) -> Result<HeaderValue, CollectError> {
    let bad = || CollectError::Origin(o.to_owned());
    let rest = o
        .strip_prefix("https://")
        .or_else(|| o.strip_prefix("http://"))
        .ok_or_else(bad)?;
    if rest.is_empty() || rest.contains(['/', '*', ' ']) {
        return Err(bad());
    }
    HeaderValue::from_str(o).map_err(|_| bad())
}

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
        let verifications = Arc::clone(&state.verifications);
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

/// `phieu collect`: serves until Ctrl-C.
pub fn run_blocking(
    args: &CollectArgs,
    lang: Lang,
    out: &mut dyn Write,
) -> Result<Status, CliError> {
    if let Some(action) = &args.action {
        return run_action(args, action, lang, out).map_err(CliError::Collect);
    }
    let config = Config::from_args(args).map_err(CliError::Collect)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| CliError::Collect(CollectError::Serve(e)))?;
    let database = redacted(&config.database);
    let no_tokens = config.tokens.is_empty();
    let legacy: Vec<String> = config
        .tokens
        .iter()
        .filter(|t| t.legacy)
        .map(|t| t.name.clone())
        .collect();
    runtime.block_on(async {
        let collector = Collector::start(config).await.map_err(CliError::Collect)?;
        let url = collector.url();
        let mut say = |line: String| {
            let _ = writeln!(out, "{line}");
        };
        say(match lang {
            Lang::Vi => format!("phieu collect đang chạy tại {url} (cơ sở dữ liệu {database}); Ctrl-C để dừng."),
            Lang::En => format!("phieu collect listening on {url} (database {database}); Ctrl-C to stop."),
        });
        if no_tokens {
            say(tr(
                lang,
                "Chưa có mã nào: mọi lần tải lên sẽ bị từ chối (401). Thêm --token TÊN=MÃ_BÍ_MẬT;role=…;commune=….",
                "No tokens: every upload will be refused (401). Add --token NAME=SECRET;role=…;commune=….",
            ).to_owned());
        }
        for name in &legacy {
            say(match lang {
                Lang::Vi => format!("Mã {name:?} không nêu xã: nó tải lên được cho mọi nơi. Thêm ;commune=TÊN_XÃ (và ;villages=…) vào dòng của nó (docs/collector.md §Mã)."),
                Lang::En => format!("Token {name:?} names no commune: it can upload for any place. Add ;commune=NAME (and ;villages=…) to its line (docs/collector.md §Tokens)."),
            });
        }
        let _ = out.flush();
        let _ = tokio::signal::ctrl_c().await;
        collector.stop().await.map_err(CliError::Collect)
    })?;
    Ok(Status::Good)
}

/// `phieu collect token …` and `phieu collect quarantine …`: one change to the database (or
/// one line printed), then exit.
fn run_action(
    args: &CollectArgs,
    action: &CollectAction,
    lang: Lang,
    out: &mut dyn Write,
) -> Result<Status, CollectError> {
    let url = database_url(&args.database);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(CollectError::Serve)?;
    runtime.block_on(async {
        let store = Store::open(&url)
            .await
            .map_err(|error| CollectError::Database {
                url: redacted(&url),
                error,
            })?;
        let db = |error| CollectError::Database {
            url: redacted(&url),
            error,
        };
        let mut say = |line: String| {
            let _ = writeln!(out, "{line}");
        };
        let done = match action {
            CollectAction::Token(TokenAction::Add(a)) => {
                if store.revoked(&a.name).await.map_err(db)? {
                    return Err(CollectError::RevokedName(a.name.clone()));
                }
                let mut line = format!(
                    "{}={};role={};commune={}",
                    a.name,
                    fresh_secret().map_err(CollectError::Serve)?,
                    a.roles.join(","),
                    a.commune
                );
                if !a.villages.is_empty() {
                    line.push_str(&format!(";villages={}", a.villages.join("|")));
                }
                // The line is checked as the collector will read it.
                Tokens::parse(std::slice::from_ref(&line), None)?;
                if let Some(path) = &args.tokens_file {
                    std::fs::OpenOptions::new()
                        .create(true)
                        .append(true)
                        .open(path)
                        .and_then(|mut f| writeln!(f, "{line}"))
                        .map_err(|source| CollectError::Write {
                            path: path.clone(),
                            source,
                        })?;
                }
                say(line);
                Ok(Status::Good)
            }
            CollectAction::Token(TokenAction::List) => {
                let tokens = Tokens::parse(&args.tokens, args.tokens_file.as_deref())?;
                for t in tokens.iter() {
                    let revoked = store.revoked(&t.name).await.map_err(db)?;
                    let roles: Vec<&str> = t.roles.iter().map(|r| r.word()).collect();
                    say(format!(
                        "{}\t{}\t{}\t{}",
                        t.name,
                        roles.join(","),
                        t.scope.describe(),
                        match (revoked, lang) {
                            (true, Lang::Vi) => "đã thu hồi",
                            (true, Lang::En) => "revoked",
                            (false, Lang::Vi) => "đang dùng",
                            (false, Lang::En) => "active",
                        }
                    ));
                }
                Ok(Status::Good)
            }
            CollectAction::Token(TokenAction::Revoke(a)) => {
                store
                    .log(&LogEntry {
                        at: unix_now(),
                        action: "revoke".to_owned(),
                        subject: a.name.clone(),
                        actor: a.by.clone(),
                        reason: a.reason.clone(),
                        generation: 0,
                    })
                    .await
                    .map_err(db)?;
                say(match lang {
                    Lang::Vi => format!("Đã thu hồi mã {:?}: từ nay bị từ chối (401).", a.name),
                    Lang::En => format!("Token {:?} revoked: refused (401) from now on.", a.name),
                });
                Ok(Status::Good)
            }
            CollectAction::Quarantine(a) => {
                let fp = a.fingerprint.trim().to_ascii_lowercase();
                match store.box_of(&fp).await.map_err(db)? {
                    None => return Err(CollectError::NoSuchBox(fp)),
                    Some((_, BoxState::Quarantined)) => {}
                    Some(_) => store
                        .quarantine(&LogEntry {
                            at: unix_now(),
                            action: "quarantine".to_owned(),
                            subject: fp.clone(),
                            actor: a.by.clone(),
                            reason: a.reason.clone(),
                            generation: 0,
                        })
                        .await
                        .map_err(db)?,
                }
                say(match lang {
                    Lang::Vi => format!("Hòm phiếu {fp} đã cách ly: không còn được tính."),
                    Lang::En => format!("Box {fp} quarantined: no longer counted."),
                });
                Ok(Status::Good)
            }
        };
        store.close().await;
        done
    })
}

/// 24 random bytes from the operating system, as 48 hex digits.
fn fresh_secret() -> std::io::Result<String> {
    use std::io::Read;
    let mut bytes = [0u8; 24];
    std::fs::File::open("/dev/urandom")?.read_exact(&mut bytes)?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

fn unix_now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn database_urls() {
        for (given, url) in [
            ("sqlite://phieu.db", "sqlite://phieu.db?mode=rwc"),
            ("phieu.db", "sqlite://phieu.db?mode=rwc"),
            (
                "/var/lib/phieu/p.db",
                "sqlite:///var/lib/phieu/p.db?mode=rwc",
            ),
            ("sqlite://p.db?mode=ro", "sqlite://p.db?mode=ro"),
            ("postgres://u:p@h/db", "postgres://u:p@h/db"),
        ] {
            assert_eq!(database_url(given), url, "{given}");
        }
        assert_eq!(redacted("postgres://u:p@h/db"), "postgres://u:***@h/db");
        assert_eq!(redacted("postgres://u@h/db"), "postgres://u@h/db");
    }

    #[test]
    fn origins_are_exact_never_wildcards() {
        assert!(origin("https://xa.example.vn").is_ok());
        assert!(origin("http://127.0.0.1:8080").is_ok());
        for bad in [
            "*",
            "https://*.example.vn",
            "xa.example.vn",
            "https://xa.example.vn/",
            "https://",
        ] {
            assert!(origin(bad).is_err(), "{bad}");
        }
    }
}
