//! Upload tokens, one per portal (`--token NAME=SECRET`, or a file of such lines). An upload
//! carries `Authorization: Bearer SECRET`; the collector records the portal's NAME with the box.

use std::path::Path;

use super::CollectError;

/// Secrets shorter than this are refused: a token guards what gets counted.
pub const MIN_SECRET: usize = 16;

#[derive(Debug, Clone, Default)]
pub struct Tokens(Vec<(String, String)>);

impl Tokens {
    /// Tokens from `NAME=SECRET` arguments and an optional file of such lines.
    pub fn parse(args: &[String], file: Option<&Path>) -> Result<Tokens, CollectError> {
        let mut lines: Vec<(String, String)> = args
            .iter()
            .map(|a| ("--token".to_owned(), a.clone()))
            .collect();
        if let Some(path) = file {
            let text =
                std::fs::read_to_string(path).map_err(|source| CollectError::TokensFile {
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
        let mut tokens = Vec::new();
        for (origin, line) in lines {
            let bad = || CollectError::Token {
                origin: origin.clone(),
            };
            let (name, secret) = line.split_once('=').ok_or_else(bad)?;
            let (name, secret) = (name.trim(), secret.trim());
            if name.is_empty() || secret.chars().count() < MIN_SECRET || secret.contains(' ') {
                return Err(bad());
            }
            tokens.push((name.to_owned(), secret.to_owned()));
        }
        Ok(Tokens(tokens))
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The portal whose token this `Authorization` header carries.
    pub fn portal(&self, header: Option<&str>) -> Option<&str> {
        let presented = header?.strip_prefix("Bearer ")?.trim();
        // Every token is compared, each in time independent of where it differs.
        let mut found = None;
        for (name, secret) in &self.0 {
            if constant_time_eq(presented.as_bytes(), secret.as_bytes()) {
                found = Some(name.as_str());
            }
        }
        found
    }
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
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

    #[test]
    fn refuses_short_or_malformed_tokens() {
        for bad in [
            "portal",
            "=0123456789abcdef",
            "p=short",
            "p=0123456789 abcdef",
        ] {
            assert!(Tokens::parse(&[bad.into()], None).is_err(), "{bad}");
        }
    }
}
