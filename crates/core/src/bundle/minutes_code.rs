//! The minutes code: SHA-256 over everything the signed minutes state (docs/bundle-format.md
//! §Minutes code), and how a code printed on paper is compared with it; what it is computed over
//! is in `stated`.

use crate::encoding::digest_newtype;

digest_newtype!(
    /// SHA-256 over everything the signed minutes state: poll hash, box fingerprint, electorate,
    /// the minutes' facts, the published tally and every outcome (docs/bundle-format.md §Minutes
    /// code). Its first 16 hex digits are printed on every copy of the paper minutes; a file
    /// whose code does not begin with them is not the file whose minutes were signed.
    MinutesCode
);

impl MinutesCode {
    /// The code as printed on the minutes: 16 upper-case hex digits in groups of four,
    /// "3F2A-91C0-…", the same shape as the box fingerprint's.
    pub fn short(&self) -> String {
        crate::ballot_box::grouped_hex(&self.as_bytes()[..8])
    }

    /// Whether `printed` (what someone typed or scanned from the paper: the 16 digits of
    /// `short`, or all 64, in either case, with or without spaces and dashes) is this code.
    /// Fewer than 16 digits never match: a shorter prefix is too easy to forge.
    pub fn matches_paper(&self, printed: &str) -> bool {
        MinutesCode::paper_digits(printed).is_some_and(|digits| self.to_hex().starts_with(&digits))
    }

    /// A code as someone typed it, written as the minutes print it (its first 16 digits, upper
    /// case, in groups of four), to say which code was compared; `None` if it cannot be a code.
    pub fn as_printed(printed: &str) -> Option<String> {
        let digits = MinutesCode::paper_digits(printed)?;
        Some(crate::ballot_box::grouped(&digits[..16]))
    }

    /// The hex digits of a code as printed (16 or 64 of them; case, spaces and dashes do not
    /// matter), lower-case; `None` for anything else, so a mistyped code is told apart from a
    /// code of another file.
    pub fn paper_digits(printed: &str) -> Option<String> {
        let digits: String = printed
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .flat_map(char::to_lowercase)
            .collect();
        let hex = digits.bytes().all(|b| b.is_ascii_hexdigit());
        (hex && (digits.len() == 16 || digits.len() == 64)).then_some(digits)
    }
}
