//! What the server runs with, checked from the command line (docs/collector.md): the address, the
//! database URL, the tokens, the origins a browser may upload from, the limits.

use std::net::SocketAddr;

use axum::http::HeaderValue;

use crate::args::CollectArgs;
use crate::error::CollectError;
use crate::serve::Limits;
use crate::tokens::Tokens;

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
