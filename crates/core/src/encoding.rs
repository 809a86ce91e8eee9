//! The canonical encoding that every hash in phieu is computed over (docs/bundle-format.md
//! §Canonical encoding). It is deliberately dull so that a verifier can be written in another
//! language in an hour: strings are a u32 big-endian byte length followed by their UTF-8 bytes
//! (as given, no Unicode normalisation), integers are 8 bytes big-endian (two's complement when
//! signed), booleans and option markers are one byte 0 or 1, lists are a u32 big-endian count
//! followed by their elements, and each hash input opens with an ASCII domain tag encoded as a
//! string, so that no encoding of one kind can be read as another.

use sha2::{Digest, Sha256};

/// Domain tags (docs/bundle-format.md §Domain tags).
pub(crate) const POLL_TAG: &str = "phieu/poll/v1";
pub(crate) const BALLOT_TAG: &str = "phieu/ballot/v1";
pub(crate) const BOX_TAG: &str = "phieu/box/v1";
/// The box of a meeting that voted items by hands or on paper (issue 19).
pub(crate) const BOX_COUNTED_TAG: &str = "phieu/box-counted/v1";
/// The minutes code (bundle version 2), which replaced version 1's seal: it covers the tally and
/// the outcomes as well as the minutes, so a paper copy checks the result, not only the box.
pub(crate) const MINUTES_CODE_TAG: &str = "phieu/minutes-code/v2";

/// A growing buffer of canonically encoded bytes.
#[derive(Debug, Default)]
pub(crate) struct Encoder {
    buf: Vec<u8>,
}

impl Encoder {
    /// A buffer that starts with `tag`.
    pub(crate) fn tagged(tag: &str) -> Encoder {
        let mut e = Encoder::default();
        e.str(tag);
        e
    }

    /// Clears the buffer but keeps its allocation, then writes `tag`.
    pub(crate) fn reset(&mut self, tag: &str) {
        self.buf.clear();
        self.str(tag);
    }

    pub(crate) fn raw(&mut self, bytes: &[u8]) {
        self.buf.extend_from_slice(bytes);
    }

    pub(crate) fn str(&mut self, s: &str) {
        self.len(s.len());
        self.buf.extend_from_slice(s.as_bytes());
    }

    /// A u32 length or count. Lengths above u32::MAX cannot occur in a validated poll or ballot
    /// (they are bounded far below); saturating keeps this total without a panic path.
    pub(crate) fn len(&mut self, n: usize) {
        let n = u32::try_from(n).unwrap_or(u32::MAX);
        self.buf.extend_from_slice(&n.to_be_bytes());
    }

    pub(crate) fn u64(&mut self, n: u64) {
        self.buf.extend_from_slice(&n.to_be_bytes());
    }

    pub(crate) fn i64(&mut self, n: i64) {
        self.buf.extend_from_slice(&n.to_be_bytes());
    }

    /// 16 bytes big-endian, two's complement (the sum behind a mean).
    pub(crate) fn i128(&mut self, n: i128) {
        self.buf.extend_from_slice(&n.to_be_bytes());
    }

    pub(crate) fn byte(&mut self, b: u8) {
        self.buf.push(b);
    }

    pub(crate) fn bool(&mut self, b: bool) {
        self.byte(u8::from(b));
    }

    /// `0` for none, `1` followed by the value for some.
    pub(crate) fn opt<T>(&mut self, value: Option<T>, mut f: impl FnMut(&mut Encoder, T)) {
        match value {
            None => self.byte(0),
            Some(v) => {
                self.byte(1);
                f(self, v);
            }
        }
    }

    pub(crate) fn bytes(&self) -> &[u8] {
        &self.buf
    }

    pub(crate) fn sha256(&self) -> [u8; 32] {
        Sha256::digest(&self.buf).into()
    }
}

/// Lower-case hex of a byte string.
pub(crate) fn to_hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(char::from(DIGITS[usize::from(b >> 4)]));
        s.push(char::from(DIGITS[usize::from(b & 0x0f)]));
    }
    s
}

/// Parses exactly `N` bytes of lower-case hex; upper case is refused so that each value has one
/// spelling (docs/bundle-format.md §JSON rules).
pub(crate) fn from_hex<const N: usize>(s: &str) -> Option<[u8; N]> {
    from_hex_bytes(s.as_bytes())
}

/// As [`from_hex`], over ASCII bytes (the bundle reader works on bytes). Branch-free per digit,
/// with one test at the end, so that the compiler can decode many digits at once: a verifier
/// decodes 96 per ballot.
pub(crate) fn from_hex_bytes<const N: usize>(bytes: &[u8]) -> Option<[u8; N]> {
    if bytes.len() != N * 2 {
        return None;
    }
    let mut out = [0u8; N];
    let mut ok = true;
    for (byte, pair) in out.iter_mut().zip(bytes.chunks_exact(2)) {
        let mut value = 0u8;
        for &c in pair {
            let digit = c.wrapping_sub(b'0');
            let letter = c.wrapping_sub(b'a');
            ok &= (digit < 10) | (letter < 6);
            value = (value << 4)
                | if digit < 10 {
                    digit
                } else {
                    letter.wrapping_add(10)
                };
        }
        *byte = value;
    }
    ok.then_some(out)
}

/// A digest as four big-endian words, which compare as its bytes do.
pub(crate) fn digest_words(bytes: &[u8; 32]) -> [u64; 4] {
    let mut words = [0u64; 4];
    for (word, chunk) in words.iter_mut().zip(bytes.chunks_exact(8)) {
        let mut be = [0u8; 8];
        be.copy_from_slice(chunk);
        *word = u64::from_be_bytes(be);
    }
    words
}

/// Declares a 32-byte digest newtype with hex conversions.
macro_rules! digest_newtype {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[derive(Clone, Copy, PartialEq, Eq, Hash)]
        pub struct $name([u8; 32]);

        /// Ascending by bytes, as the derived order would be, compared as four big-endian
        /// words: a verifier orders a million commitments, and a call to `memcmp` for each
        /// comparison showed in its profile.
        impl Ord for $name {
            fn cmp(&self, other: &Self) -> core::cmp::Ordering {
                $crate::encoding::digest_words(&self.0).cmp(&$crate::encoding::digest_words(&other.0))
            }
        }

        impl PartialOrd for $name {
            fn partial_cmp(&self, other: &Self) -> Option<core::cmp::Ordering> {
                Some(self.cmp(other))
            }
        }

        impl $name {
            pub fn from_bytes(bytes: [u8; 32]) -> Self {
                Self(bytes)
            }

            pub fn as_bytes(&self) -> &[u8; 32] {
                &self.0
            }

            /// 64 lower-case hex digits.
            pub fn to_hex(&self) -> String {
                $crate::encoding::to_hex(&self.0)
            }

            /// Parses 64 lower-case hex digits.
            pub fn from_hex(s: &str) -> Option<Self> {
                $crate::encoding::from_hex::<32>(s).map(Self)
            }
        }

        impl core::fmt::Debug for $name {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                write!(f, "{}({})", stringify!($name), self.to_hex())
            }
        }

        impl core::fmt::Display for $name {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str(&self.to_hex())
            }
        }
    };
}
pub(crate) use digest_newtype;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn primitives_are_big_endian_and_length_prefixed() {
        let mut e = Encoder::tagged("t");
        e.u64(1);
        e.i64(-1);
        e.bool(true);
        e.opt(Some("ab"), |e, s| e.str(s));
        e.opt(None::<&str>, |e, s| e.str(s));
        assert_eq!(
            to_hex(e.bytes()),
            "0000000174\
             0000000000000001\
             ffffffffffffffff\
             01\
             010000000261 62\
             00"
            .replace(' ', "")
        );
    }

    #[test]
    fn hex_round_trips_and_refuses_upper_case() {
        let bytes = [0u8, 1, 0xab, 0xff];
        assert_eq!(from_hex::<4>(&to_hex(&bytes)), Some(bytes));
        assert_eq!(from_hex::<4>("0001ABFF"), None);
        assert_eq!(from_hex::<4>("0001ab"), None);
        assert_eq!(from_hex::<1>("zz"), None);
    }
}
