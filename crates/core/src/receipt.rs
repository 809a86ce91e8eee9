//! Receipts: the short code a voter copies or photographs after casting (docs/bundle-format.md
//! §Receipt). It is the first 50 bits of the ballot commitment in Crockford base32 (10
//! characters) plus one Luhn mod 32 check character, shown as `XXXX-XXXX-XXX`. It proves that a
//! ballot is in the published list of commitments; on its own it says nothing about the vote,
//! because the commitment is salted.

use crate::ballot::BallotCommitment;
use crate::lang::Lang;

/// Crockford's base32 alphabet: no I, L, O or U, so that a code read aloud or from a photo is
/// not misread.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const DATA_LEN: usize = 10;

/// A ballot receipt: 10 data symbols and a check symbol, each a value below 32.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Receipt([u8; DATA_LEN + 1]);

/// Why a typed receipt code is not a receipt.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReceiptError {
    #[error("receipt: character {found:?} at position {position} is not in the receipt alphabet")]
    BadCharacter { position: usize, found: char },
    #[error("receipt: {found} characters, a receipt has 11")]
    WrongLength { found: usize },
    #[error("receipt: the check character does not match (a character was mistyped)")]
    BadCheck,
}

impl ReceiptError {
    pub fn path(&self) -> &'static str {
        "receipt"
    }

    pub fn message(&self, lang: Lang) -> String {
        match (lang, self) {
            (Lang::En, _) => self.to_string(),
            (Lang::Vi, ReceiptError::BadCharacter { position, found }) => {
                format!("mã biên nhận: ký tự {found:?} ở vị trí {position} không hợp lệ")
            }
            (Lang::Vi, ReceiptError::WrongLength { found }) => {
                format!("mã biên nhận: có {found} ký tự, mã đúng có 11 ký tự")
            }
            (Lang::Vi, ReceiptError::BadCheck) => {
                "mã biên nhận: ký tự kiểm tra không khớp (có ký tự bị gõ sai)".into()
            }
        }
    }
}

impl Receipt {
    /// The receipt of a commitment: its first 50 bits, five at a time, most significant first.
    pub fn of(commitment: &BallotCommitment) -> Receipt {
        let b = commitment.as_bytes();
        let mut bits = 0u64;
        for byte in &b[..7] {
            bits = (bits << 8) | u64::from(*byte);
        }
        // 56 bits read; keep the top 50.
        bits >>= 6;
        let mut symbols = [0u8; DATA_LEN + 1];
        for (i, s) in symbols.iter_mut().take(DATA_LEN).enumerate() {
            // Each symbol is 5 bits and fits in a u8.
            *s = ((bits >> (5 * (DATA_LEN - 1 - i))) & 31) as u8;
        }
        symbols[DATA_LEN] = check_symbol(&symbols[..DATA_LEN]);
        Receipt(symbols)
    }

    /// Reads a typed or scanned code: case and hyphens or spaces do not matter, and I, L are read
    /// as 1 and O as 0 (Crockford's decoding rules).
    pub fn parse(code: &str) -> Result<Receipt, ReceiptError> {
        let mut symbols = Vec::with_capacity(DATA_LEN + 1);
        for (position, c) in code.chars().enumerate() {
            if c == '-' || c == ' ' {
                continue;
            }
            let upper = c.to_ascii_uppercase();
            let mapped = match upper {
                'I' | 'L' => '1',
                'O' => '0',
                other => other,
            };
            let value = u8::try_from(mapped)
                .ok()
                .and_then(|m| ALPHABET.iter().position(|a| *a == m));
            match value {
                // The alphabet has 32 entries, so the position fits in a u8.
                Some(v) => symbols.push(v as u8),
                None => return Err(ReceiptError::BadCharacter { position, found: c }),
            }
        }
        let Ok(symbols) = <[u8; DATA_LEN + 1]>::try_from(symbols.as_slice()) else {
            return Err(ReceiptError::WrongLength {
                found: symbols.len(),
            });
        };
        if check_symbol(&symbols[..DATA_LEN]) != symbols[DATA_LEN] {
            return Err(ReceiptError::BadCheck);
        }
        Ok(Receipt(symbols))
    }

    /// Whether this receipt was derived from `commitment`.
    pub fn matches(&self, commitment: &BallotCommitment) -> bool {
        Receipt::of(commitment) == *self
    }
}

impl core::fmt::Display for Receipt {
    /// `K7QH-3M9X-2TQ`: groups of 4, 4 and 3 symbols, the last one the check symbol.
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        for (i, s) in self.0.iter().enumerate() {
            if i == 4 || i == 8 {
                f.write_str("-")?;
            }
            let c = ALPHABET[usize::from(*s)];
            write!(f, "{}", char::from(c))?;
        }
        Ok(())
    }
}

/// The Luhn mod N check symbol for N = 32 (docs/bundle-format.md §Receipt): catches every single
/// mistyped symbol and most swaps of neighbours.
fn check_symbol(data: &[u8]) -> u8 {
    let mut factor = 2u32;
    let mut sum = 0u32;
    for s in data.iter().rev() {
        let addend = factor * u32::from(*s);
        sum += addend / 32 + addend % 32;
        factor = if factor == 2 { 1 } else { 2 };
    }
    // The result is below 32.
    ((32 - sum % 32) % 32) as u8
}

#[cfg(test)]
mod tests {
    use super::*;

    fn commitment(first: u8) -> BallotCommitment {
        let mut b = [0x5a; 32];
        b[0] = first;
        BallotCommitment::from_bytes(b)
    }

    #[test]
    fn prints_and_parses_back() {
        let c = commitment(0xff);
        let r = Receipt::of(&c);
        let text = r.to_string();
        assert_eq!(text.len(), 13);
        assert_eq!(text.as_bytes()[4], b'-');
        assert_eq!(Receipt::parse(&text), Ok(r));
        assert_eq!(
            Receipt::parse(&text.to_lowercase().replace('-', " ")),
            Ok(r)
        );
        assert!(r.matches(&c));
        assert!(!r.matches(&commitment(0xfe)));
    }

    #[test]
    fn every_single_mistyped_symbol_is_caught() {
        let r = Receipt::of(&commitment(0x12));
        let text: Vec<char> = r.to_string().replace('-', "").chars().collect();
        for i in 0..text.len() {
            for c in ALPHABET.iter().map(|b| char::from(*b)) {
                if c == text[i] {
                    continue;
                }
                let mut typo = text.clone();
                typo[i] = c;
                let typo: String = typo.into_iter().collect();
                assert_eq!(Receipt::parse(&typo), Err(ReceiptError::BadCheck), "{typo}");
            }
        }
    }

    #[test]
    fn refuses_bad_input() {
        assert_eq!(
            Receipt::parse("ABC"),
            Err(ReceiptError::WrongLength { found: 3 })
        );
        assert!(matches!(
            Receipt::parse("ABCD-EFGH-JKU"),
            Err(ReceiptError::BadCharacter { found: 'U', .. })
        ));
    }
}
