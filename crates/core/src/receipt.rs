//! Receipts: the short code a voter copies or photographs after casting (docs/bundle-format.md
//! §Receipt). It is the first 50 bits of the ballot commitment written as 11 symbols of a
//! 24-symbol alphabet that has no two characters an elderly voter could confuse, plus one Luhn
//! mod 24 check symbol, shown in four groups of three: `7KD-3AX-09M-TEC` (issue 22, item 5). It
//! proves that a ballot is in the published list of commitments; on its own it says nothing
//! about the vote, because the commitment is salted.

use crate::ballot::{Ballot, BallotCommitment};
use crate::i18n::ballot_words;
use crate::lang::Lang;

/// The receipt alphabet, in ascending order (so that codes sort as their commitments do): the ten
/// digits and the fourteen capitals that are letters of the Vietnamese alphabet and look like no
/// digit and no other letter. Left out: O and Q (0), I and L (1), Z (2), S (5), G (6), B (8), V
/// (U), and F, J, W, which Vietnamese does not write and an elderly voter may not know how to
/// name. A reader takes each left-out look-alike as the symbol it resembles ([`canonical`]).
const ALPHABET: &[u8; 24] = b"0123456789ACDEHKMNPRTUXY";
/// The alphabet's size, the base of the code.
const BASE: u64 = 24;
/// Data symbols: 24^11 > 2^50, so 11 symbols hold the 50 bits the receipt has always kept.
const DATA_LEN: usize = 11;
/// Symbols with the check symbol.
const LEN: usize = DATA_LEN + 1;
/// The receipt keeps the first 50 bits of the commitment (docs/security.md §Receipt collisions).
const BITS: u32 = 50;
/// Symbols per group as printed: short groups are easier to copy and to read aloud.
const GROUP: usize = 3;

// The receipt of a ballot is written here, beside the receipt, so that the ballot does not
// import the receipt that imports the ballot's commitment.
impl Ballot {
    /// The short code the voter keeps (docs/bundle-format.md §Receipt).
    pub fn receipt(&self) -> Receipt {
        Receipt::of(&self.commitment())
    }
}

/// A ballot receipt: the first 50 bits of a commitment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Receipt(u64);

/// Why a typed receipt code is not a receipt.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReceiptError {
    /// `position` counts from 1 over the characters typed, hyphens and spaces included.
    #[error(
        "receipt: the character {found:?} (character {position}) is not used in receipt codes"
    )]
    BadCharacter { position: usize, found: char },
    #[error("receipt: {found} letters or digits, a receipt code has 12")]
    WrongLength { found: usize },
    #[error("receipt: the check character does not match (a character was mistyped)")]
    BadCheck,
}

impl ReceiptError {
    pub fn path(&self) -> &'static str {
        "receipt"
    }

    /// A sentence for the voter or officer who typed the code: what is wrong, never a path.
    pub fn message(&self, lang: Lang) -> String {
        let w = ballot_words(lang);
        match self {
            ReceiptError::BadCharacter { position, found } => {
                w.receipt_bad_character(found, position)
            }
            ReceiptError::WrongLength { found } => w.receipt_wrong_length(found),
            ReceiptError::BadCheck => w.receipt_bad_check.into(),
        }
    }
}

/// The symbol a typed character stands for: case does not matter, and each look-alike left out
/// of the alphabet is read as the symbol it resembles (O, Q → 0; I, L → 1; Z → 2; S → 5; G → 6;
/// B → 8; V → U). `None` for anything else.
fn canonical(c: char) -> Option<u8> {
    let upper = c.to_ascii_uppercase();
    let mapped = match upper {
        'O' | 'Q' => '0',
        'I' | 'L' => '1',
        'Z' => '2',
        'S' => '5',
        'G' => '6',
        'B' => '8',
        'V' => 'U',
        other => other,
    };
    let byte = u8::try_from(mapped).ok()?;
    // The alphabet has 24 entries, so a position fits in a u8.
    ALPHABET.iter().position(|a| *a == byte).map(|v| v as u8)
}

impl Receipt {
    /// The receipt of a commitment: its first 50 bits.
    pub fn of(commitment: &BallotCommitment) -> Receipt {
        let b = commitment.as_bytes();
        let mut bits = 0u64;
        for byte in &b[..7] {
            bits = (bits << 8) | u64::from(*byte);
        }
        // 56 bits read; keep the top 50.
        Receipt(bits >> (56 - BITS))
    }

    /// The 11 data symbols (the 50 bits in base 24, most significant first) and the check symbol.
    fn symbols(&self) -> [u8; LEN] {
        let mut symbols = [0u8; LEN];
        let mut rest = self.0;
        for s in symbols[..DATA_LEN].iter_mut().rev() {
            // A remainder of division by 24 fits in a u8.
            *s = (rest % BASE) as u8;
            rest /= BASE;
        }
        symbols[DATA_LEN] = check_symbol(&symbols[..DATA_LEN]);
        symbols
    }

    /// Reads a typed or scanned code: case, hyphens, spaces and dots do not matter, and the
    /// look-alikes left out of the alphabet are read as the symbols they resemble ([`canonical`]).
    pub fn parse(code: &str) -> Result<Receipt, ReceiptError> {
        let mut symbols = Vec::with_capacity(LEN);
        for (i, c) in code.trim().chars().enumerate() {
            if matches!(c, '-' | ' ' | '.' | '\u{2013}' | '\u{2014}') {
                continue;
            }
            match canonical(c) {
                Some(v) => symbols.push(v),
                None => {
                    return Err(ReceiptError::BadCharacter {
                        position: i + 1,
                        found: c,
                    })
                }
            }
        }
        let Ok(symbols) = <[u8; LEN]>::try_from(symbols.as_slice()) else {
            return Err(ReceiptError::WrongLength {
                found: symbols.len(),
            });
        };
        if check_symbol(&symbols[..DATA_LEN]) != symbols[DATA_LEN] {
            return Err(ReceiptError::BadCheck);
        }
        let value = symbols[..DATA_LEN]
            .iter()
            .fold(0u64, |v, s| v * BASE + u64::from(*s));
        // 24^11 is above 2^50: a code past the last receipt has a symbol copied wrongly that
        // the check did not catch.
        if value >> BITS != 0 {
            return Err(ReceiptError::BadCheck);
        }
        Ok(Receipt(value))
    }

    /// Whether this receipt was derived from `commitment`.
    pub fn matches(&self, commitment: &BallotCommitment) -> bool {
        Receipt::of(commitment) == *self
    }
}

impl core::fmt::Display for Receipt {
    /// `7KD-3AX-09M-TEC`: four groups of three symbols, the last one the check symbol.
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        for (i, s) in self.symbols().iter().enumerate() {
            if i > 0 && i % GROUP == 0 {
                f.write_str("-")?;
            }
            let c = ALPHABET[usize::from(*s)];
            write!(f, "{}", char::from(c))?;
        }
        Ok(())
    }
}

/// The Luhn mod N check symbol for N = 24 (docs/bundle-format.md §Receipt): going from the last
/// data symbol to the first with factors 2, 1, 2, …; doubling is a permutation of the symbols
/// mod 24, so every single mistyped symbol is caught, and every swap of two different neighbours
/// but "0Y" ↔ "Y0".
fn check_symbol(data: &[u8]) -> u8 {
    let n = BASE as u32;
    let mut factor = 2u32;
    let mut sum = 0u32;
    for s in data.iter().rev() {
        let addend = factor * u32::from(*s);
        sum += addend / n + addend % n;
        factor = if factor == 2 { 1 } else { 2 };
    }
    // The result is below 24.
    ((n - sum % n) % n) as u8
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
        assert_eq!(text.len(), 15);
        assert_eq!(text.as_bytes()[3], b'-');
        assert_eq!(text.matches('-').count(), 3);
        assert_eq!(Receipt::parse(&text), Ok(r));
        assert_eq!(
            Receipt::parse(&text.to_lowercase().replace('-', " ")),
            Ok(r)
        );
        assert_eq!(
            Receipt::parse(&format!("  {}  ", text.replace('-', ""))),
            Ok(r)
        );
        assert!(r.matches(&c));
        assert!(!r.matches(&commitment(0xfe)));
    }

    /// The lowest and highest 50-bit values print and read back: 24^11 holds every receipt.
    #[test]
    fn every_fifty_bits_fit() {
        for bytes in [[0u8; 32], [0xff; 32]] {
            let r = Receipt::of(&BallotCommitment::from_bytes(bytes));
            assert_eq!(Receipt::parse(&r.to_string()), Ok(r));
        }
        assert_eq!(
            Receipt::of(&BallotCommitment::from_bytes([0; 32])).to_string(),
            "000-000-000-000"
        );
    }

    /// The printed alphabet holds no two look-alikes, and each look-alike left out reads as the
    /// symbol it resembles, in either case (issue 22, item 5).
    #[test]
    fn look_alikes_read_as_the_symbol_they_resemble() {
        for absent in ['O', 'Q', 'I', 'L', 'Z', 'S', 'G', 'B', 'V', 'F', 'J', 'W'] {
            assert!(!ALPHABET.contains(&(absent as u8)), "{absent}");
        }
        let r = Receipt::of(&commitment(0x12));
        let text = r.to_string();
        for (printed, typed) in [
            ('0', "oOqQ"),
            ('1', "iIlL"),
            ('2', "zZ"),
            ('5', "sS"),
            ('6', "gG"),
            ('8', "bB"),
            ('U', "vVu"),
        ] {
            for t in typed.chars() {
                let copied = text.replace(printed, &t.to_string());
                assert_eq!(Receipt::parse(&copied), Ok(r), "{copied}");
            }
        }
        assert_eq!(
            Receipt::parse("7KD-3AX-09M-TEJ"),
            Err(ReceiptError::BadCharacter {
                position: 15,
                found: 'J'
            })
        );
    }

    /// Codes sort as their commitments do (report::receipt_codes relies on it): the alphabet is
    /// in ascending order and every code has the same length.
    #[test]
    fn codes_sort_as_commitments() {
        assert!(ALPHABET.windows(2).all(|w| w[0] < w[1]));
        let mut commitments: Vec<BallotCommitment> = (0u8..=255)
            .map(|i| {
                let mut b = [i.wrapping_mul(37); 32];
                b[1] = i;
                BallotCommitment::from_bytes(b)
            })
            .collect();
        commitments.sort();
        let codes: Vec<String> = commitments
            .iter()
            .map(|c| Receipt::of(c).to_string())
            .collect();
        let mut sorted = codes.clone();
        sorted.sort();
        assert_eq!(codes, sorted);
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

    /// Luhn mod 24 misses a swap of two different neighbours only for one pair, 0 and 23 ("0"
    /// and "Y"), as Luhn mod 10 misses only "09" and "90".
    #[test]
    fn most_swaps_of_neighbours_are_caught() {
        let (mut swaps, mut caught) = (0, 0);
        for a in 0..24u8 {
            for b in 0..24u8 {
                if a == b {
                    continue;
                }
                let mut data = [3u8; DATA_LEN];
                data[4] = a;
                data[5] = b;
                let mut swapped = data;
                swapped.swap(4, 5);
                swaps += 1;
                if check_symbol(&data) != check_symbol(&swapped) {
                    caught += 1;
                }
            }
        }
        assert_eq!((swaps, caught), (552, 550));
    }

    #[test]
    fn refuses_bad_input() {
        assert_eq!(
            Receipt::parse("ABC"),
            Err(ReceiptError::WrongLength { found: 3 })
        );
        assert!(matches!(
            Receipt::parse("ACD-EHK-MNP-RTW"),
            Err(ReceiptError::BadCharacter {
                found: 'W',
                position: 15
            })
        ));
        // A code of the old 11-symbol form is refused, never misread as another ballot's.
        assert_eq!(
            Receipt::parse("XE3Z-3SWF-03F"),
            Err(ReceiptError::BadCharacter {
                position: 8,
                found: 'W'
            })
        );
        assert_eq!(
            Receipt::parse("B1SN-R02B-W8K"),
            Err(ReceiptError::BadCharacter {
                position: 11,
                found: 'W'
            })
        );
        assert_eq!(
            Receipt::parse("32D3-ER2M-2C2"),
            Err(ReceiptError::WrongLength { found: 11 })
        );
        // Past the last receipt (24^11 > 2^50) with a matching check symbol: mistyped.
        let mut top = [23u8; LEN];
        top[DATA_LEN] = check_symbol(&top[..DATA_LEN]);
        let code: String = top
            .iter()
            .map(|s| char::from(ALPHABET[usize::from(*s)]))
            .collect();
        assert_eq!(Receipt::parse(&code), Err(ReceiptError::BadCheck));
    }

    #[test]
    fn messages_name_no_path() {
        for e in [
            ReceiptError::BadCharacter {
                position: 3,
                found: 'W',
            },
            ReceiptError::WrongLength { found: 11 },
            ReceiptError::BadCheck,
        ] {
            for lang in [Lang::Vi, Lang::En] {
                assert!(
                    !e.message(lang).starts_with("receipt"),
                    "{}",
                    e.message(lang)
                );
            }
        }
    }
}
