//! The officer's PIN, kept only as a salted, stretched SHA-256 hash.
//!
//! The PIN guards the officer's screens of a shared tablet (unlock the next voter, pause,
//! close). It is never stored: the app keeps a random 16-byte salt (from the caller, since the
//! core has no RNG) and the hash below. Stretching makes each guess cost thousands of hashes;
//! a short PIN can still be brute-forced by someone who copies the storage, which is why the
//! PIN only guards the screens and never the ballots' secrecy (docs/security.md).

use sha2::{Digest, Sha256};

use crate::encoding::{from_hex, to_hex};
use crate::i18n::ballot_words;
use crate::lang::Lang;

/// How many times the hash is iterated: about 10 ms in the browser on a cheap tablet.
pub const PIN_ROUNDS: u32 = 20_000;
const PIN_TAG: &[u8] = b"phieu/pin/v1";
/// A PIN is 4 to 8 digits: easy to type on a number pad, hard to guess in 5 tries.
pub const PIN_MIN: usize = 4;
pub const PIN_MAX: usize = 8;

/// Why a PIN cannot be set.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PinError {
    #[error("the PIN must be {PIN_MIN} to {PIN_MAX} digits")]
    Shape,
    #[error("the two PINs differ")]
    Mismatch,
}

impl PinError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            PinError::Shape => ballot_words(lang).pin_shape(PIN_MIN, PIN_MAX),
            PinError::Mismatch => ballot_words(lang).pin_mismatch.into(),
        }
    }
}

/// A salted, stretched hash of a PIN.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PinHash {
    salt: [u8; 16],
    hash: [u8; 32],
}

impl PinHash {
    /// Hashes a new PIN typed twice.
    pub fn new(pin: &str, again: &str, salt: [u8; 16]) -> Result<PinHash, PinError> {
        if !(PIN_MIN..=PIN_MAX).contains(&pin.len()) || !pin.bytes().all(|b| b.is_ascii_digit()) {
            return Err(PinError::Shape);
        }
        if pin != again {
            return Err(PinError::Mismatch);
        }
        Ok(PinHash {
            salt,
            hash: stretch(pin, &salt),
        })
    }

    /// Whether `pin` is the PIN this hash was made from. Compares every byte, so the time
    /// taken says nothing about how much of a guess was right.
    pub fn matches(&self, pin: &str) -> bool {
        let guess = stretch(pin, &self.salt);
        guess
            .iter()
            .zip(self.hash.iter())
            .fold(0u8, |acc, (a, b)| acc | (a ^ b))
            == 0
    }

    /// `salt:hash` in hex, for storage.
    pub fn to_stored(&self) -> String {
        format!("{}:{}", to_hex(&self.salt), to_hex(&self.hash))
    }

    /// Reads what [`PinHash::to_stored`] wrote.
    pub fn from_stored(s: &str) -> Option<PinHash> {
        let (salt, hash) = s.split_once(':')?;
        Some(PinHash {
            salt: from_hex::<16>(salt)?,
            hash: from_hex::<32>(hash)?,
        })
    }
}

fn stretch(pin: &str, salt: &[u8; 16]) -> [u8; 32] {
    let mut h: [u8; 32] = Sha256::new()
        .chain_update(PIN_TAG)
        .chain_update(salt)
        .chain_update(pin.as_bytes())
        .finalize()
        .into();
    for _ in 1..PIN_ROUNDS {
        h = Sha256::digest(h).into();
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pin_matches_only_itself() {
        let pin = PinHash::new("2468", "2468", [3; 16]).unwrap();
        assert!(pin.matches("2468"));
        assert!(!pin.matches("2469"));
        assert!(!pin.matches(""));
        let stored = PinHash::from_stored(&pin.to_stored()).unwrap();
        assert_eq!(stored, pin);
        assert!(!pin.to_stored().contains("2468"));
    }

    #[test]
    fn the_same_pin_with_another_salt_hashes_differently() {
        let a = PinHash::new("1234", "1234", [1; 16]).unwrap();
        let b = PinHash::new("1234", "1234", [2; 16]).unwrap();
        assert_ne!(a.to_stored(), b.to_stored());
    }

    #[test]
    fn bad_pins_are_refused_with_a_reason() {
        for bad in ["", "123", "123456789", "12a4", "１２３４"] {
            assert_eq!(
                PinHash::new(bad, bad, [0; 16]),
                Err(PinError::Shape),
                "{bad:?}"
            );
        }
        assert_eq!(
            PinHash::new("1234", "1243", [0; 16]),
            Err(PinError::Mismatch)
        );
        assert_ne!(
            PinError::Shape.message(Lang::Vi),
            PinError::Shape.message(Lang::En)
        );
        assert!(PinHash::from_stored("zz:00").is_none());
    }
}
