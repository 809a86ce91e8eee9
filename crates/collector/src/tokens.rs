//! Tokens, one per portal or person (`--token LINE`, or a file of such lines). A request carries
//! `Authorization: Bearer SECRET`; the collector finds the token, checks its role and its place,
//! and records its NAME with what it did (docs/collector.md §Authentication).
//!
//! A line is `NAME=SECRET` followed by optional `;key=value` fields:
//!
//! ```text
//! thon-dong-tam=6f1c…9a;role=uploader;commune=Xã Tam Hưng;villages=Thôn Đồng Tâm|Thôn Tân Lập
//! ubnd-tam-hung=0b7e…d2;role=confirmer,operator;commune=Xã Tam Hưng
//! kiem-toan=c4a1…07;role=auditor;commune=*
//! ```
//!
//! A line of the first version, `NAME=SECRET` alone, is still read: an uploader for every
//! place, as it was. The collector names such tokens at start and asks for a commune (their
//! boxes count only once confirmed against the paper minutes anyway).
//!
//! The secret is kept only as its SHA-256 digest, and a presented secret is hashed and compared
//! with every token's digest in constant time, so neither the length nor the first differing
//! byte of a secret shows in the time an answer takes (issue 17).

use std::path::{Path, PathBuf};

use phieu_core::Lang;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

use crate::words::error_words;

/// Secrets shorter than this are refused: a token guards what gets counted.
pub const MIN_SECRET: usize = 16;

/// What a token may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Sends bundles (`POST /bundles`) of boxes in its place.
    Uploader,
    /// Confirms a stored box against the code on its signed paper minutes.
    Confirmer,
    /// Confirms, and quarantines boxes; sees the conflicts.
    Operator,
    /// Reads the bundles as received, with every ballot's opening (`GET /bundles/{fp}`).
    Auditor,
}

impl Role {
    fn parse(s: &str) -> Option<Role> {
        Some(match s.trim() {
            "uploader" => Role::Uploader,
            "confirmer" => Role::Confirmer,
            "operator" => Role::Operator,
            "auditor" => Role::Auditor,
            _ => return None,
        })
    }

    pub fn word(self) -> &'static str {
        match self {
            Role::Uploader => "uploader",
            Role::Confirmer => "confirmer",
            Role::Operator => "operator",
            Role::Auditor => "auditor",
        }
    }
}

/// Where a token may act: every place, one commune, or some villages of one commune.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// Every place: `commune=*`, or a line without a commune (the first version's tokens).
    Everywhere,
    Commune(String),
    Villages {
        commune: String,
        villages: Vec<String>,
    },
}

impl Scope {
    /// Whether a box of `village` in `commune` is in this scope. Names are compared as written
    /// in the poll, after trimming: the poll's place is what the paper minutes carry.
    pub fn covers(&self, commune: &str, village: &str) -> bool {
        match self {
            Scope::Everywhere => true,
            Scope::Commune(c) => c == commune.trim(),
            Scope::Villages {
                commune: c,
                villages,
            } => c == commune.trim() && villages.iter().any(|v| v == village.trim()),
        }
    }

    /// In words, for messages and `token list`.
    pub fn describe(&self) -> String {
        match self {
            Scope::Everywhere => "*".to_owned(),
            Scope::Commune(c) => c.clone(),
            Scope::Villages { commune, villages } => format!("{commune}: {}", villages.join(", ")),
        }
    }
}

/// One token: its name, the digest of its secret, its roles and its place.
#[derive(Clone)]
pub struct Token {
    pub name: String,
    digest: [u8; 32],
    pub roles: Vec<Role>,
    pub scope: Scope,
    /// A `NAME=SECRET` line of the first version (no fields).
    pub legacy: bool,
}

impl std::fmt::Debug for Token {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Token")
            .field("name", &self.name)
            .field("roles", &self.roles)
            .field("scope", &self.scope)
            .finish_non_exhaustive()
    }
}

impl Token {
    pub fn has(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }
}

#[derive(Debug, Clone, Default)]
pub struct Tokens(Vec<Token>);

fn digest(secret: &[u8]) -> [u8; 32] {
    Sha256::digest(secret).into()
}

impl Tokens {
    /// Tokens from `--token` arguments and an optional file of such lines.
    pub fn parse(args: &[String], file: Option<&Path>) -> Result<Tokens, TokensError> {
        let mut lines: Vec<(String, String)> = args
            .iter()
            .map(|a| ("--token".to_owned(), a.clone()))
            .collect();
        if let Some(path) = file {
            let text = std::fs::read_to_string(path).map_err(|source| TokensError::File {
                path: path.to_owned(),
                source,
            })?;
            for (i, line) in text.lines().enumerate() {
                let line = line.trim();
                if line.is_empty() || line.starts_with('#') {
                    continue;
                }
                lines.push((format!("{}:{}", path.display(), i + 1), line.to_owned()));
            }
        }
        let mut tokens: Vec<Token> = Vec::new();
        for (origin, line) in lines {
            let token = parse_line(&line).map_err(|why| TokensError::Line {
                origin: origin.clone(),
                why,
            })?;
            if tokens.iter().any(|t| t.name == token.name) {
                return Err(TokensError::Line {
                    origin,
                    why: TokenProblem::SameName(token.name),
                });
            }
            tokens.push(token);
        }
        Ok(Tokens(tokens))
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Token> {
        self.0.iter()
    }

    /// The token this `Authorization` header carries. The presented secret is hashed and its
    /// digest compared with every token's in constant time: the answer takes as long whatever
    /// the secret's length and wherever it differs.
    pub fn find(&self, header: Option<&str>) -> Option<&Token> {
        let presented = header?.strip_prefix("Bearer ")?.trim();
        let presented = digest(presented.as_bytes());
        let mut found = None;
        for t in &self.0 {
            if bool::from(presented.ct_eq(&t.digest)) {
                found = Some(t);
            }
        }
        found
    }

    /// The name of the token this `Authorization` header carries.
    pub fn portal(&self, header: Option<&str>) -> Option<&str> {
        self.find(header).map(|t| t.name.as_str())
    }
}

/// Why the tokens given cannot be used: a line that is not a token, or a file that cannot be read.
#[derive(Debug, thiserror::Error)]
pub enum TokensError {
    /// `origin` is `--token` or `FILE:LINE`.
    #[error("{origin}: {}", why.message(Lang::En))]
    Line { origin: String, why: TokenProblem },
    #[error("{}: cannot read the tokens file: {source}", path.display())]
    File {
        path: PathBuf,
        source: std::io::Error,
    },
}

impl TokensError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            TokensError::Line { origin, why } => format!("{origin}: {}", why.message(lang)),
            TokensError::File { path, source } => {
                error_words(lang).tokens_file_unreadable(path.display(), source)
            }
        }
    }
}

/// What is wrong with a token line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TokenProblem {
    Shape,
    Field(String),
    Role(String),
    VillagesWithoutCommune,
    SameName(String),
}

impl TokenProblem {
    /// What is wrong, after «--token: » or «FILE:LINE: ».
    pub fn message(&self, lang: Lang) -> String {
        let w = error_words(lang);
        match self {
            TokenProblem::Shape => w.token_shape.to_owned(),
            TokenProblem::Field(f) => w.token_field(format!("{f:?}")),
            TokenProblem::Role(r) => w.token_role(format!("{r:?}")),
            TokenProblem::VillagesWithoutCommune => w.villages_without_commune.to_owned(),
            TokenProblem::SameName(n) => w.token_same_name(format!("{n:?}")),
        }
    }
}

fn parse_line(line: &str) -> Result<Token, TokenProblem> {
    let mut fields = line.split(';');
    let first = fields.next().unwrap_or("");
    let (name, secret) = first.split_once('=').ok_or(TokenProblem::Shape)?;
    let (name, secret) = (name.trim(), secret.trim());
    if name.is_empty() || secret.chars().count() < MIN_SECRET || secret.contains(' ') {
        return Err(TokenProblem::Shape);
    }
    let mut roles = Vec::new();
    let mut commune: Option<String> = None;
    let mut villages: Vec<String> = Vec::new();
    let mut legacy = true;
    for field in fields {
        legacy = false;
        let (key, value) = field.split_once('=').ok_or(TokenProblem::Shape)?;
        let value = value.trim();
        match key.trim() {
            "role" | "roles" => {
                for r in value.split(',') {
                    roles.push(Role::parse(r).ok_or_else(|| TokenProblem::Role(r.to_owned()))?);
                }
            }
            "commune" => commune = Some(value.to_owned()),
            "villages" | "village" => villages.extend(
                value
                    .split('|')
                    .map(str::trim)
                    .filter(|v| !v.is_empty())
                    .map(str::to_owned),
            ),
            other => return Err(TokenProblem::Field(other.to_owned())),
        }
    }
    if roles.is_empty() {
        roles.push(Role::Uploader);
    }
    roles.sort_unstable();
    roles.dedup();
    let scope = match (commune, villages.is_empty()) {
        (None, true) => Scope::Everywhere,
        (None, false) => return Err(TokenProblem::VillagesWithoutCommune),
        (Some(c), true) if c == "*" => Scope::Everywhere,
        (Some(c), true) => Scope::Commune(c),
        (Some(c), false) => Scope::Villages {
            commune: c,
            villages,
        },
    };
    Ok(Token {
        name: name.to_owned(),
        digest: digest(secret.as_bytes()),
        roles,
        scope,
        legacy,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_portal_of_a_bearer_token() {
        let t = Tokens::parse(
            &[
                "xa-tam-hung=0123456789abcdef".into(),
                "tinh=fedcba9876543210".into(),
            ],
            None,
        )
        .unwrap();
        assert_eq!(t.portal(Some("Bearer fedcba9876543210")), Some("tinh"));
        assert_eq!(
            t.portal(Some("Bearer 0123456789abcdef")),
            Some("xa-tam-hung")
        );
        assert_eq!(t.portal(Some("Bearer 0123456789abcdeX")), None);
        assert_eq!(t.portal(Some("0123456789abcdef")), None);
        assert_eq!(t.portal(None), None);
    }

    /// Issue 17: a prefix, an extension or a secret of another length is compared as a digest,
    /// never byte by byte, so none matches and none is cut short by its length.
    #[test]
    fn compares_digests_so_that_length_and_prefix_do_not_matter() {
        let t = Tokens::parse(&["p=0123456789abcdef".into()], None).unwrap();
        for other in [
            "",
            "0",
            "0123456789abcde",
            "0123456789abcdef0",
            "0123456789abcdeF",
            "1123456789abcdef",
            &"0123456789abcdef".repeat(64),
        ] {
            assert_eq!(t.portal(Some(&format!("Bearer {other}"))), None, "{other}");
        }
        assert_eq!(t.portal(Some("Bearer 0123456789abcdef")), Some("p"));
        // Only the digest is kept: no field of the token holds the secret.
        assert!(!format!("{:?}", t).contains("0123456789abcdef"));
    }

    #[test]
    fn reads_roles_and_places() {
        let t = Tokens::parse(
            &[
                "thon=0123456789abcdef;role=uploader;commune=Xã Tam Hưng;villages=Thôn Đồng Tâm|Thôn Tân Lập".into(),
                "ubnd=1123456789abcdef;role=confirmer,operator;commune=Xã Tam Hưng".into(),
                "kt=2123456789abcdef;role=auditor;commune=*".into(),
                "old=3123456789abcdef".into(),
            ],
            None,
        )
        .unwrap();
        let thon = t.find(Some("Bearer 0123456789abcdef")).unwrap();
        assert_eq!(thon.roles, [Role::Uploader]);
        assert!(thon.scope.covers("Xã Tam Hưng", "Thôn Tân Lập"));
        assert!(!thon.scope.covers("Xã Tam Hưng", "Thôn Hòa Bình"));
        assert!(!thon.scope.covers("Xã Khác", "Thôn Tân Lập"));
        let ubnd = t.find(Some("Bearer 1123456789abcdef")).unwrap();
        assert!(ubnd.has(Role::Operator) && ubnd.has(Role::Confirmer) && !ubnd.has(Role::Uploader));
        assert!(ubnd.scope.covers("Xã Tam Hưng", "Thôn Hòa Bình"));
        assert!(!ubnd.scope.covers("Xã Khác", "Thôn Hòa Bình"));
        let kt = t.find(Some("Bearer 2123456789abcdef")).unwrap();
        assert_eq!(
            (kt.roles.as_slice(), &kt.scope),
            ([Role::Auditor].as_slice(), &Scope::Everywhere)
        );
        let old = t.find(Some("Bearer 3123456789abcdef")).unwrap();
        assert!(old.legacy && old.has(Role::Uploader) && old.scope == Scope::Everywhere);
    }

    #[test]
    fn refuses_short_or_malformed_tokens() {
        for bad in [
            "portal",
            "=0123456789abcdef",
            "p=short",
            "p=0123456789 abcdef",
            "p=0123456789abcdef;role=king",
            "p=0123456789abcdef;colour=red",
            "p=0123456789abcdef;villages=Thôn A",
        ] {
            assert!(Tokens::parse(&[bad.into()], None).is_err(), "{bad}");
        }
        assert!(Tokens::parse(
            &["p=0123456789abcdef".into(), "p=1123456789abcdef".into()],
            None
        )
        .is_err());
    }
}
