//! Shared by the test suites that make or forge bundles (tests/fixtures.rs,
//! crates/cli/tests/cli/fixtures.rs, crates/core/tests/tamper.rs), each including this file by
//! path: fixture salts drawn from the operating system and kept, and the forger who makes an
//! edited public summary self-consistent again.

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::Path;

use phieu_core::{Discrepancy, PublicSummary, Salt, VerifyError};

/// The salt kept under `key` in the JSON map `file`, or a new one from the operating system's
/// random source for a key that has none (written back when blessing, `PHIEU_BLESS`).
///
/// Fixture salts are random as the app's are (`crypto.getRandomValues`, issue 15): with salts
/// 0101…, 0202… anyone could open every commitment of a public summary by trying each answer.
/// Kept in a file, they keep the fixtures reproducible.
pub fn salt(file: &Path, key: &str) -> Salt {
    let mut salts: BTreeMap<String, String> = std::fs::read_to_string(file)
        .ok()
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or_default();
    if let Some(hex) = salts.get(key) {
        return Salt::from_hex(hex).expect("a kept salt is 32 hex digits");
    }
    let mut bytes = [0u8; 16];
    std::io::Read::read_exact(
        &mut std::fs::File::open("/dev/urandom").expect("the OS random source"),
        &mut bytes,
    )
    .expect("16 random bytes");
    let salt = Salt::from_bytes(bytes);
    // Only blessing keeps a new salt: a ballot made for one test run only (not a committed
    // fixture) gets a fresh one each time; a committed fixture without its salt is then stale
    // and its check says to bless.
    if std::env::var_os("PHIEU_BLESS").is_none() {
        return salt;
    }
    salts.insert(key.to_owned(), salt.to_hex());
    let text = serde_json::to_string_pretty(&salts).expect("a map of strings") + "\n";
    std::fs::write(file, text).expect("the salts file is writable");
    salt
}

/// A forger who edits a file and then recomputes every digest the reader recomputes: returns
/// the edited text with each claimed digest replaced by the reader's own, or `None` if the edit
/// is refused for another reason (shape, spelling, counts that do not add up). What such a
/// forger cannot recompute is the paper.
pub fn forge_summary(text: &str) -> Option<String> {
    let mut text = text.to_owned();
    for _ in 0..4 {
        match PublicSummary::verify(&text) {
            Ok(_) => return Some(text),
            Err(VerifyError::Mismatch(found)) => {
                for d in found {
                    match d {
                        Discrepancy::MinutesCode { claimed, computed } => {
                            text = text.replace(&claimed.to_hex(), &computed.to_hex());
                        }
                        Discrepancy::Count {
                            path,
                            claimed,
                            computed,
                        } if path.starts_with("outcomes") => {
                            // The outcome and its sentences, regenerated as the reader would.
                            let key = path.rsplit('.').next().unwrap_or_default();
                            let at = text.find("\n  \"outcomes\": ").unwrap_or(0);
                            let (head, tail) = text.split_at(at);
                            let tail = tail.replacen(
                                &format!("\"{key}\": {claimed}"),
                                &format!("\"{key}\": {computed}"),
                                1,
                            );
                            text = format!("{head}{tail}");
                        }
                        _ => return None,
                    }
                }
            }
            Err(VerifyError::Parse(_)) => return None,
        }
    }
    None
}
