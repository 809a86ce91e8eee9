//! A fast, strict reader for the `ballots` list of an audit bundle (docs/bundle-format.md §JSON
//! rules, §Audit bundle), which is nearly all of a large bundle's bytes. It accepts only the exact
//! bytes `serde_json::to_string_pretty` writes for that list as a top-level field, so reading the
//! list is also its canonical check: nothing is re-serialized and nothing is compared afterwards.
//!
//! It never names a problem. On anything outside that one spelling, and on every value the
//! general path would refuse by name (a digest in upper case, an answer with two kinds, a number
//! beyond i64), it stops with [`NotRead`], and `AuditBundle::verify` takes the general path
//! (parse, re-write, compare), which reports exactly what it always has. So this reader only has
//! to be right about what it accepts: that the list is byte for byte what the writer gives for
//! the openings it returns.

use crate::ballot::{Answer, BallotCommitment, Salt};
use crate::encoding::from_hex_bytes;

/// One entry of the `ballots` list, decoded but not yet checked against the poll.
pub(crate) struct Opening {
    pub(crate) claimed: BallotCommitment,
    pub(crate) salt: Salt,
    pub(crate) answers: Vec<Answer>,
}

/// The reader stopped: these bytes are not in the one form it reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct NotRead;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    Start,
    Next,
    Done,
    Stopped,
}

/// Reads the openings one at a time from the text of the list (from its `[` to its `]`).
pub(crate) struct BallotList<'a> {
    text: &'a str,
    pos: usize,
    state: State,
    items: usize,
}

// The indentation the writer uses at each depth below a top-level field: list entries at 4
// spaces, ballot fields at 6, answers at 8, answer fields at 10, options at 12.
const FIRST_BALLOT: &[u8; 6] = b"[\n    ";
const NEXT_BALLOT: &[u8; 6] = b",\n    ";
const END_BALLOTS: &[u8; 4] = b"\n  ]";
const COMMITMENT: &[u8; 22] = b"{\n      \"commitment\": ";
const SALT: &[u8; 16] = b",\n      \"salt\": ";
const ANSWERS: &[u8; 19] = b",\n      \"answers\": ";
const END_BALLOT: &[u8; 6] = b"\n    }";
const ANSWER: &[u8; 9] = b"\n        ";
const END_ANSWERS: &[u8; 8] = b"\n      ]";
const FIRST_FIELD: &[u8; 11] = b"\n          ";
const NEXT_FIELD: &[u8; 12] = b",\n          ";
const END_ANSWER: &[u8; 10] = b"\n        }";
const OPTION: &[u8; 13] = b"\n            ";
const END_OPTIONS: &[u8; 12] = b"\n          ]";

impl<'a> BallotList<'a> {
    /// `text` is the list exactly, `items` the number of poll items (a capacity hint).
    pub(crate) fn new(text: &'a str, items: usize) -> BallotList<'a> {
        BallotList {
            text,
            pos: 0,
            state: State::Start,
            items,
        }
    }

    /// Reads what is left and says whether the whole list was in the one form: every entry read
    /// and nothing after the closing bracket.
    pub(crate) fn complete(&mut self) -> bool {
        self.by_ref().all(|entry| entry.is_ok()) && self.state == State::Done
    }

    fn bytes(&self) -> &'a [u8] {
        self.text.as_bytes()
    }

    /// Consumes `lit` if the text continues with it. The length is a constant, so that the
    /// comparison compiles to a few loads rather than a call.
    fn eat<const N: usize>(&mut self, lit: &[u8; N]) -> bool {
        match self.bytes().get(self.pos..self.pos + N) {
            Some(next) if next == lit => {
                self.pos += N;
                true
            }
            _ => false,
        }
    }

    fn expect<const N: usize>(&mut self, lit: &[u8; N]) -> Result<(), NotRead> {
        if self.eat(lit) {
            Ok(())
        } else {
            Err(NotRead)
        }
    }

    /// Consumes the separator before an answer field (`first` or not) then `"key": `, if the
    /// text continues with both.
    fn key<const N: usize>(&mut self, first: bool, key: &[u8; N]) -> bool {
        let start = self.pos;
        let found = if first {
            self.eat(FIRST_FIELD)
        } else {
            self.eat(NEXT_FIELD)
        };
        if found && self.eat(key) {
            return true;
        }
        self.pos = start;
        false
    }

    fn at_end(&self) -> bool {
        self.pos == self.text.len()
    }

    /// `"` then exactly `2 N` lower-case hex digits then `"`.
    fn hex<const N: usize>(&mut self) -> Result<[u8; N], NotRead> {
        self.expect(b"\"")?;
        let end = self.pos + 2 * N;
        let digits = self.bytes().get(self.pos..end).ok_or(NotRead)?;
        let value = from_hex_bytes::<N>(digits).ok_or(NotRead)?;
        self.pos = end;
        self.expect(b"\"")?;
        Ok(value)
    }

    /// A JSON string escaped exactly as serde_json escapes it (docs/bundle-format.md §JSON
    /// rules): `\"`, `\\`, the five short control escapes, other control characters as
    /// `\u00XX` in lower-case hex, and everything else raw.
    fn string(&mut self) -> Result<String, NotRead> {
        self.expect(b"\"")?;
        let bytes = self.bytes();
        let start = self.pos;
        let special = |b: &u8| *b == b'"' || *b == b'\\' || *b < 0x20;
        let run = bytes[start..].iter().position(special).ok_or(NotRead)?;
        let mut i = start + run;
        // The delimiters are ASCII, so every index here is on a character boundary.
        if bytes[i] == b'"' {
            self.pos = i + 1;
            return self.text.get(start..i).map(str::to_owned).ok_or(NotRead);
        }
        let mut out = String::from(self.text.get(start..i).ok_or(NotRead)?);
        loop {
            match bytes.get(i).copied().ok_or(NotRead)? {
                b'"' => {
                    self.pos = i + 1;
                    return Ok(out);
                }
                b'\\' => {
                    let (c, len) = unescape(bytes.get(i + 1..).unwrap_or_default())?;
                    out.push(c);
                    i += 1 + len;
                }
                b if b < 0x20 => return Err(NotRead),
                _ => {
                    let run = bytes[i..].iter().position(special).ok_or(NotRead)?;
                    out.push_str(self.text.get(i..i + run).ok_or(NotRead)?);
                    i += run;
                }
            }
        }
    }

    /// A list of strings at the depth of an answer's `options`.
    fn strings(&mut self) -> Result<Vec<String>, NotRead> {
        if self.eat(b"[]") {
            return Ok(Vec::new());
        }
        self.expect(b"[")?;
        let mut list = Vec::new();
        loop {
            self.expect(OPTION)?;
            list.push(self.string()?);
            if !self.eat(b",") {
                break;
            }
        }
        self.expect(END_OPTIONS)?;
        Ok(list)
    }

    /// An i64 in decimal as serde_json writes it: no sign for positive numbers, no leading
    /// zero, no `-0`, no fraction or exponent (the literal that follows is checked by the caller).
    fn number(&mut self) -> Result<i64, NotRead> {
        let negative = self.eat(b"-");
        let bytes = self.bytes();
        let digits = bytes[self.pos..]
            .iter()
            .position(|b| !b.is_ascii_digit())
            .unwrap_or(bytes.len() - self.pos);
        let text = &bytes[self.pos..self.pos + digits];
        if text.is_empty() || (text[0] == b'0' && (digits > 1 || negative)) {
            return Err(NotRead);
        }
        let mut magnitude: u64 = 0;
        for d in text {
            magnitude = magnitude
                .checked_mul(10)
                .and_then(|m| m.checked_add(u64::from(d - b'0')))
                .ok_or(NotRead)?;
        }
        self.pos += digits;
        let value = if negative {
            0i64.checked_sub_unsigned(magnitude)
        } else {
            i64::try_from(magnitude).ok()
        };
        value.ok_or(NotRead)
    }

    /// `null` or an answer object with its fields in the writer's order (`option`, `options`,
    /// `free_text`, `number`, `text`), read into an [`Answer`] as `answer_of` would.
    fn answer(&mut self) -> Result<Answer, NotRead> {
        if self.eat(b"null") {
            return Ok(Answer::Blank);
        }
        self.expect(b"{")?;
        let mut option = None;
        let mut options = None;
        let mut free_text = None;
        let mut number = None;
        let mut text = None;
        if self.key(true, b"\"option\": ") {
            option = Some(self.string()?);
        }
        if self.key(option.is_none(), b"\"options\": ") {
            options = Some(self.strings()?);
        }
        let first = option.is_none() && options.is_none();
        if self.key(first, b"\"free_text\": ") {
            free_text = Some(self.string()?);
        }
        let first = first && free_text.is_none();
        if self.key(first, b"\"number\": ") {
            number = Some(self.number()?);
        }
        if self.key(first && number.is_none(), b"\"text\": ") {
            text = Some(self.string()?);
        }
        self.expect(END_ANSWER)?;
        // The combinations `answer_of` accepts; any other is named by the general path.
        match (option, options, number, text, free_text) {
            (Some(option), None, None, None, free_text) => Ok(Answer::Choice { option, free_text }),
            (None, Some(options), None, None, free_text) => {
                Ok(Answer::Choices { options, free_text })
            }
            (None, None, Some(n), None, None) => Ok(Answer::Number(n)),
            (None, None, None, Some(t), None) => Ok(Answer::Text(t)),
            _ => Err(NotRead),
        }
    }

    fn ballot(&mut self) -> Result<Opening, NotRead> {
        self.expect(COMMITMENT)?;
        let claimed = BallotCommitment::from_bytes(self.hex::<32>()?);
        self.expect(SALT)?;
        let salt = Salt::from_bytes(self.hex::<16>()?);
        self.expect(ANSWERS)?;
        let mut answers = Vec::with_capacity(self.items);
        if !self.eat(b"[]") {
            self.expect(b"[")?;
            loop {
                self.expect(ANSWER)?;
                answers.push(self.answer()?);
                if !self.eat(b",") {
                    break;
                }
            }
            self.expect(END_ANSWERS)?;
        }
        self.expect(END_BALLOT)?;
        Ok(Opening {
            claimed,
            salt,
            answers,
        })
    }

    fn step(&mut self) -> Result<Option<Opening>, NotRead> {
        match self.state {
            State::Done | State::Stopped => return Ok(None),
            State::Start => {
                if self.eat(b"[]") {
                    self.state = State::Done;
                    return if self.at_end() {
                        Ok(None)
                    } else {
                        Err(NotRead)
                    };
                }
                self.expect(FIRST_BALLOT)?;
            }
            State::Next => {
                if !self.eat(NEXT_BALLOT) {
                    self.expect(END_BALLOTS)?;
                    self.state = State::Done;
                    return if self.at_end() {
                        Ok(None)
                    } else {
                        Err(NotRead)
                    };
                }
            }
        }
        let opening = self.ballot()?;
        self.state = State::Next;
        Ok(Some(opening))
    }
}

/// Reads one stored opening in the compact form `Ballot::to_opening_json` writes
/// (`serde_json::to_string` of one `ballots` entry: no whitespace, fields in the writer's
/// order). As for the list, anything else stops it with [`NotRead`], and
/// `Ballot::from_opening_json` takes the general path, which names any problem.
pub(crate) fn compact_opening(text: &str, items: usize) -> Result<Opening, NotRead> {
    let mut r = BallotList::new(text, items);
    r.expect(b"{\"commitment\":")?;
    let claimed = BallotCommitment::from_bytes(r.hex::<32>()?);
    r.expect(b",\"salt\":")?;
    let salt = Salt::from_bytes(r.hex::<16>()?);
    r.expect(b",\"answers\":[")?;
    let mut answers = Vec::with_capacity(items);
    if !r.eat(b"]") {
        loop {
            answers.push(r.compact_answer()?);
            if !r.eat(b",") {
                break;
            }
        }
        r.expect(b"]")?;
    }
    r.expect(b"}")?;
    if !r.at_end() {
        return Err(NotRead);
    }
    Ok(Opening {
        claimed,
        salt,
        answers,
    })
}

impl BallotList<'_> {
    /// In the compact form: `,` unless this is the `first` field, then `"key":`; consumes
    /// both or neither.
    fn compact_key<const N: usize>(&mut self, first: &mut bool, key: &[u8; N]) -> bool {
        let start = self.pos;
        if (*first || self.eat(b",")) && self.eat(key) {
            *first = false;
            return true;
        }
        self.pos = start;
        false
    }

    /// `[]` or `["a","b"]`.
    fn compact_strings(&mut self) -> Result<Vec<String>, NotRead> {
        self.expect(b"[")?;
        let mut list = Vec::new();
        if self.eat(b"]") {
            return Ok(list);
        }
        loop {
            list.push(self.string()?);
            if !self.eat(b",") {
                break;
            }
        }
        self.expect(b"]")?;
        Ok(list)
    }

    /// As [`BallotList::answer`], in the compact form.
    fn compact_answer(&mut self) -> Result<Answer, NotRead> {
        if self.eat(b"null") {
            return Ok(Answer::Blank);
        }
        self.expect(b"{")?;
        let mut first = true;
        let option = match self.compact_key(&mut first, b"\"option\":") {
            true => Some(self.string()?),
            false => None,
        };
        let options = match self.compact_key(&mut first, b"\"options\":") {
            true => Some(self.compact_strings()?),
            false => None,
        };
        let free_text = match self.compact_key(&mut first, b"\"free_text\":") {
            true => Some(self.string()?),
            false => None,
        };
        let number = match self.compact_key(&mut first, b"\"number\":") {
            true => Some(self.number()?),
            false => None,
        };
        let text = match self.compact_key(&mut first, b"\"text\":") {
            true => Some(self.string()?),
            false => None,
        };
        self.expect(b"}")?;
        match (option, options, number, text, free_text) {
            (Some(option), None, None, None, free_text) => Ok(Answer::Choice { option, free_text }),
            (None, Some(options), None, None, free_text) => {
                Ok(Answer::Choices { options, free_text })
            }
            (None, None, Some(n), None, None) => Ok(Answer::Number(n)),
            (None, None, None, Some(t), None) => Ok(Answer::Text(t)),
            _ => Err(NotRead),
        }
    }
}

impl Iterator for BallotList<'_> {
    type Item = Result<Opening, NotRead>;

    /// The next opening; after an error, nothing more.
    fn next(&mut self) -> Option<Self::Item> {
        match self.step() {
            Ok(opening) => opening.map(Ok),
            Err(e) => {
                self.state = State::Stopped;
                Some(Err(e))
            }
        }
    }
}

/// The character of one escape (the bytes after its backslash) and how many bytes it took,
/// if it is spelled as serde_json writes it.
fn unescape(rest: &[u8]) -> Result<(char, usize), NotRead> {
    let short = match rest.first().copied().ok_or(NotRead)? {
        b'"' => '"',
        b'\\' => '\\',
        b'n' => '\n',
        b'r' => '\r',
        b't' => '\t',
        b'b' => '\u{8}',
        b'f' => '\u{c}',
        b'u' => {
            let [code] = rest
                .get(1..5)
                .filter(|hex| hex.starts_with(b"00"))
                .and_then(|hex| from_hex_bytes::<1>(&hex[2..]))
                .ok_or(NotRead)?;
            // Only control characters without a short escape are written as `\u00XX`.
            if code >= 0x20 || matches!(code, 0x08 | 0x09 | 0x0a | 0x0c | 0x0d) {
                return Err(NotRead);
            }
            return Ok((char::from(code), 5));
        }
        _ => return Err(NotRead),
    };
    Ok((short, 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_string(json: &str) -> Option<String> {
        let mut r = BallotList::new(json, 0);
        let s = r.string().ok()?;
        r.at_end().then_some(s)
    }

    #[test]
    fn strings_are_read_only_as_serde_json_writes_them() {
        // Every character below 0x80, and a few beyond, round-trip through the writer.
        for c in (0u32..0x80).chain([0xe9, 0x1ea1, 0x1f5f3]) {
            let c = char::from_u32(c).unwrap();
            let s = format!("a{c}b");
            let written = serde_json::to_string(&s).unwrap();
            assert_eq!(read_string(&written).as_deref(), Some(s.as_str()), "{c:?}");
        }
        // Spellings serde_json reads but never writes.
        for other in [
            r#""\/""#,
            r#""\u0041""#,
            r#""\u000A""#,
            r#""\u000a""#,
            r#""\u001F""#,
            "\"a\nb\"",
            r#""a"#,
            r#""\x""#,
        ] {
            assert_eq!(read_string(other), None, "{other}");
        }
    }

    #[test]
    fn numbers_are_read_only_as_serde_json_writes_them() {
        let read = |s: &str| {
            let mut r = BallotList::new(s, 0);
            r.number().ok().filter(|_| r.at_end())
        };
        for n in [0, 1, -1, 42, -300, i64::MAX, i64::MIN] {
            assert_eq!(read(&serde_json::to_string(&n).unwrap()), Some(n));
        }
        for other in [
            "-0",
            "01",
            "+1",
            "",
            "-",
            "9223372036854775808",
            "-9223372036854775809",
        ] {
            assert_eq!(read(other), None, "{other}");
        }
    }
}
