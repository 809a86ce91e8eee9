//! A small reader of .xlsx cell text: the zip container (stored and deflated entries, inflated by
//! `miniz_oxide` with a size limit), the few XML parts that say where the sheets are, the
//! shared strings and each sheet's cells. It reads what an XLSForm needs, cell text by position,
//! and nothing else (no styles, formulas, dates or pictures).
//!
//! Why not calamine: measured on the office page's profile (docs/xlsform.md §Size), calamine
//! added 309 KB of gzipped WebAssembly, most of it encoding_rs's legacy-encoding tables that an
//! .xlsx (always UTF-8 or UTF-16 XML) never needs, and zip's compressor. The tests read every
//! sample and randomly generated workbook with calamine too and demand the same cells.

use std::collections::HashMap;

/// Why the bytes are not a readable workbook (rendered into `ProblemKind::NotAWorkbook`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct XlsxError(pub String);

type Result<T> = std::result::Result<T, XlsxError>;

fn bad<T>(what: impl Into<String>) -> Result<T> {
    Err(XlsxError(what.into()))
}

/// The largest part inflated, so that a small zip cannot expand without bound ("zip bomb").
const MAX_PART: usize = 64 * 1024 * 1024;

// ---------------------------------------------------------------------------------------------
// Zip (APPNOTE.TXT §4.3): the central directory names each entry and where its data starts.

fn u16_at(b: &[u8], at: usize) -> Result<u16> {
    match b.get(at..at.saturating_add(2)) {
        Some(s) => Ok(u16::from_le_bytes([s[0], s[1]])),
        None => bad("the zip directory is cut short"),
    }
}

fn u32_at(b: &[u8], at: usize) -> Result<u32> {
    match b.get(at..at.saturating_add(4)) {
        Some(s) => Ok(u32::from_le_bytes([s[0], s[1], s[2], s[3]])),
        None => bad("the zip directory is cut short"),
    }
}

/// One entry of the zip: its compression method and where its data lies.
struct Entry {
    method: u16,
    crc: u32,
    data_start: usize,
    compressed: usize,
    size: usize,
}

/// CRC-32 (ISO 3309, the zip checksum) of each byte value, made at compile time: a byte at a
/// time, because an exported workbook's ballots sheet can be tens of megabytes.
const CRC_TABLE: [u32; 256] = {
    let mut table = [0u32; 256];
    let mut i = 0;
    while i < 256 {
        let mut crc = i as u32;
        let mut bit = 0;
        while bit < 8 {
            crc = (crc >> 1) ^ (0xEDB8_8320 & (crc & 1).wrapping_neg());
            bit += 1;
        }
        table[i] = crc;
        i += 1;
    }
    table
};

/// CRC-32 (ISO 3309, the zip checksum).
pub(crate) fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc = (crc >> 8) ^ CRC_TABLE[((crc ^ u32::from(b)) & 0xFF) as usize];
    }
    !crc
}

/// The entries of a zip archive by name.
pub struct Zip<'a> {
    bytes: &'a [u8],
    entries: HashMap<String, Entry>,
}

impl<'a> Zip<'a> {
    pub fn new(bytes: &'a [u8]) -> Result<Zip<'a>> {
        // The end-of-central-directory record is in the last 22 + 65535 bytes.
        const EOCD: u32 = 0x0605_4b50;
        let floor = bytes.len().saturating_sub(22 + 65_535);
        let eocd = (floor..bytes.len().saturating_sub(21))
            .rev()
            .find(|&i| u32_at(bytes, i).ok() == Some(EOCD));
        let Some(eocd) = eocd else {
            return bad("not a zip file (an .xlsx workbook is one)");
        };
        let count = usize::from(u16_at(bytes, eocd + 10)?);
        // Offsets come from the file: every sum below saturates, and a position past the end is
        // "cut short" rather than an overflow (usize is 32 bits on wasm32).
        let mut at = u32_at(bytes, eocd + 16)? as usize;
        let off = |a: usize, b: usize| a.saturating_add(b);
        let mut entries = HashMap::new();
        for _ in 0..count {
            if u32_at(bytes, at)? != 0x0201_4b50 {
                return bad("a damaged zip directory");
            }
            let method = u16_at(bytes, off(at, 10))?;
            let crc = u32_at(bytes, off(at, 16))?;
            let compressed = u32_at(bytes, off(at, 20))?;
            let size = u32_at(bytes, off(at, 24))?;
            let name_len = usize::from(u16_at(bytes, off(at, 28))?);
            let extra_len = usize::from(u16_at(bytes, off(at, 30))?);
            let comment_len = usize::from(u16_at(bytes, off(at, 32))?);
            let local = u32_at(bytes, off(at, 42))? as usize;
            if compressed == u32::MAX || size == u32::MAX || local == u32::MAX as usize {
                return bad("a zip64 archive (too large for a form)");
            }
            let Some(name) = bytes.get(off(at, 46)..off(at, 46 + name_len)) else {
                return bad("the zip directory is cut short");
            };
            let name = String::from_utf8_lossy(name).into_owned();
            if u32_at(bytes, local)? != 0x0403_4b50 {
                return bad("a damaged zip entry");
            }
            let data_start = off(
                off(local, 30),
                usize::from(u16_at(bytes, off(local, 26))?)
                    + usize::from(u16_at(bytes, off(local, 28))?),
            );
            entries.insert(
                name,
                Entry {
                    method,
                    crc,
                    data_start,
                    compressed: compressed as usize,
                    size: size as usize,
                },
            );
            at = off(at, 46 + name_len + extra_len + comment_len);
        }
        Ok(Zip { bytes, entries })
    }

    /// The bytes of the entry `name`, or `None` when the archive has no such entry.
    pub fn read(&self, name: &str) -> Result<Option<Vec<u8>>> {
        let Some(e) = self.entries.get(name) else {
            return Ok(None);
        };
        let Some(data) = self
            .bytes
            .get(e.data_start..e.data_start.saturating_add(e.compressed))
        else {
            return bad(format!("{name} is cut short"));
        };
        let out = match e.method {
            0 => data.to_vec(),
            8 => miniz_oxide::inflate::decompress_to_vec_with_limit(
                data,
                MAX_PART.min(e.size.max(1)),
            )
            .map_err(|_| XlsxError(format!("{name} cannot be inflated")))?,
            m => return bad(format!("{name} is compressed with method {m}, not deflate")),
        };
        // Deflate has no checksum of its own, and a stored part none at all: a damaged byte
        // must not quietly change a label.
        if crc32(&out) != e.crc {
            return bad(format!("{name} is damaged (its checksum differs)"));
        }
        Ok(Some(out))
    }
}

// ---------------------------------------------------------------------------------------------
// XML: the tags, attributes and text of the parts below, with the five entities and character
// references. A document type declaration is refused (no part of an .xlsx has one, and entity
// definitions are how XML is made to expand without bound).

/// One piece of an XML document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Xml {
    /// `<name a="b">` (`empty` for `<name/>`); the name without its namespace prefix.
    Open {
        name: String,
        attrs: Vec<(String, String)>,
        empty: bool,
    },
    Close(String),
    Text(String),
}

impl Xml {
    /// The value of the attribute `name` (matched on the local name when `name` has no prefix
    /// and the attribute has one, as `r:id`).
    pub fn attr(attrs: &[(String, String)], name: &str) -> Option<String> {
        attrs
            .iter()
            .find(|(k, _)| k == name)
            .or_else(|| {
                attrs
                    .iter()
                    .find(|(k, _)| k.rsplit_once(':').is_some_and(|(_, local)| local == name))
            })
            .map(|(_, v)| v.clone())
    }
}

fn local(name: &str) -> &str {
    name.rsplit_once(':').map_or(name, |(_, l)| l)
}

fn unescape(s: &str) -> Result<String> {
    if !s.contains('&') {
        return Ok(s.to_owned());
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let Some(semi) = rest[amp..].find(';') else {
            return bad("an unfinished XML entity");
        };
        let entity = &rest[amp + 1..amp + semi];
        let c = match entity {
            "lt" => '<',
            "gt" => '>',
            "amp" => '&',
            "quot" => '"',
            "apos" => '\'',
            _ => {
                let code = if let Some(hex) = entity
                    .strip_prefix("#x")
                    .or_else(|| entity.strip_prefix("#X"))
                {
                    u32::from_str_radix(hex, 16).ok()
                } else if let Some(dec) = entity.strip_prefix('#') {
                    dec.parse().ok()
                } else {
                    None
                };
                match code.and_then(char::from_u32) {
                    Some(c) => c,
                    None => return bad(format!("an unknown XML entity &{entity};")),
                }
            }
        };
        out.push(c);
        rest = &rest[amp + semi + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

/// The pieces of an XML document, in order.
pub fn xml(bytes: &[u8]) -> Result<Vec<Xml>> {
    let text = decode(bytes)?;
    let mut s = text.as_str();
    let mut out = Vec::new();
    while !s.is_empty() {
        let Some(lt) = s.find('<') else {
            out.push(Xml::Text(unescape(s)?));
            break;
        };
        if lt > 0 {
            out.push(Xml::Text(unescape(&s[..lt])?));
        }
        s = &s[lt..];
        let skip_to = |s: &str, end: &str| s.find(end).map(|i| i + end.len());
        if s.starts_with("<?") {
            s = &s[skip_to(s, "?>").ok_or_else(|| XlsxError("an unfinished <?".into()))?..];
        } else if s.starts_with("<!--") {
            s = &s[skip_to(s, "-->").ok_or_else(|| XlsxError("an unfinished comment".into()))?..];
        } else if let Some(rest) = s.strip_prefix("<![CDATA[") {
            let end = rest
                .find("]]>")
                .ok_or_else(|| XlsxError("an unfinished CDATA".into()))?;
            out.push(Xml::Text(rest[..end].to_owned()));
            s = &rest[end + 3..];
        } else if s.starts_with("<!") {
            return bad("an XML document type declaration");
        } else if let Some(rest) = s.strip_prefix("</") {
            let end = rest
                .find('>')
                .ok_or_else(|| XlsxError("an unfinished tag".into()))?;
            out.push(Xml::Close(local(rest[..end].trim()).to_owned()));
            s = &rest[end + 1..];
        } else {
            let (tag, rest) = open_tag(&s[1..])?;
            out.push(tag);
            s = rest;
        }
    }
    Ok(out)
}

/// Reads `name a="b" …>` or `… />` after a `<`.
fn open_tag(s: &str) -> Result<(Xml, &str)> {
    let name_end = s
        .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
        .ok_or_else(|| XlsxError("an unfinished tag".into()))?;
    let name = local(&s[..name_end]).to_owned();
    let mut rest = &s[name_end..];
    let mut attrs = Vec::new();
    loop {
        rest = rest.trim_start();
        if let Some(r) = rest.strip_prefix("/>") {
            return Ok((
                Xml::Open {
                    name,
                    attrs,
                    empty: true,
                },
                r,
            ));
        }
        if let Some(r) = rest.strip_prefix('>') {
            return Ok((
                Xml::Open {
                    name,
                    attrs,
                    empty: false,
                },
                r,
            ));
        }
        let eq = rest
            .find('=')
            .ok_or_else(|| XlsxError("an attribute without a value".into()))?;
        let key = rest[..eq].trim().to_owned();
        let after = rest[eq + 1..].trim_start();
        let quote = after.chars().next().filter(|q| *q == '"' || *q == '\'');
        let Some(quote) = quote else {
            return bad("an attribute value without quotes");
        };
        let body = &after[1..];
        let end = body
            .find(quote)
            .ok_or_else(|| XlsxError("an unfinished attribute".into()))?;
        attrs.push((key, unescape(&body[..end])?));
        rest = &body[end + 1..];
    }
}

/// XML text in UTF-8 (with or without its byte-order mark) or UTF-16 (with one), the encodings
/// an .xlsx part may use.
fn decode(bytes: &[u8]) -> Result<String> {
    let utf16 = |bytes: &[u8], big: bool| {
        if !bytes.len().is_multiple_of(2) {
            return bad("a part that is not UTF-16");
        }
        let units: Vec<u16> = bytes
            .chunks_exact(2)
            .map(|c| {
                if big {
                    u16::from_be_bytes([c[0], c[1]])
                } else {
                    u16::from_le_bytes([c[0], c[1]])
                }
            })
            .collect();
        String::from_utf16(&units).map_err(|_| XlsxError("a part that is not UTF-16".into()))
    };
    match bytes {
        [0xEF, 0xBB, 0xBF, rest @ ..] => String::from_utf8(rest.to_vec()),
        [0xFF, 0xFE, rest @ ..] => return utf16(rest, false),
        [0xFE, 0xFF, rest @ ..] => return utf16(rest, true),
        _ => String::from_utf8(bytes.to_vec()),
    }
    .map_err(|_| XlsxError("a part that is not UTF-8".into()))
}

// ---------------------------------------------------------------------------------------------
// The workbook (ECMA-376 Part 1 §12: package relationships, §18.2 workbook, §18.3 sheets, §18.4
// shared strings).

/// One cell with text: 0-based row and column, and the text as the person who typed it reads it.
pub type Cell = (u32, u32, String);

/// The sheets of an .xlsx, in workbook order: name and the cells that hold something.
pub fn sheets(bytes: &[u8]) -> Result<Vec<(String, Vec<Cell>)>> {
    let zip = Zip::new(bytes)?;
    let part = |name: &str| -> Result<Vec<Xml>> {
        match zip.read(name)? {
            Some(b) => xml(&b),
            None => bad(format!("{name} is missing")),
        }
    };
    // The main part: _rels/.rels names it (xl/workbook.xml in every writer seen so far).
    let root_rels = relationships(&part("_rels/.rels")?);
    let workbook_path = root_rels
        .values()
        .find(|(kind, _)| kind.ends_with("/officeDocument"))
        .map(|(_, target)| target.trim_start_matches('/').to_owned())
        .unwrap_or_else(|| "xl/workbook.xml".into());
    let base = workbook_path.rsplit_once('/').map_or("", |(dir, _)| dir);
    let resolve = |target: &str| -> String {
        match target.strip_prefix('/') {
            Some(absolute) => absolute.to_owned(),
            None => format!("{base}/{target}"),
        }
    };
    let rels_path = format!(
        "{base}/_rels/{}.rels",
        workbook_path.rsplit('/').next().unwrap_or("")
    );
    let rels = relationships(&part(&rels_path)?);
    let strings = match rels
        .values()
        .find(|(kind, _)| kind.ends_with("/sharedStrings"))
    {
        Some((_, target)) => shared_strings(&part(&resolve(target))?),
        None => Vec::new(),
    };
    let mut out = Vec::new();
    for piece in part(&workbook_path)? {
        let Xml::Open { name, attrs, .. } = piece else {
            continue;
        };
        if name != "sheet" {
            continue;
        }
        let (Some(sheet_name), Some(id)) = (Xml::attr(&attrs, "name"), Xml::attr(&attrs, "id"))
        else {
            return bad("a sheet without a name or a relationship");
        };
        let Some((_, target)) = rels.get(&id) else {
            return bad(format!("sheet {sheet_name} has no part"));
        };
        // Chart sheets and dialog sheets are not worksheets; they hold no cells.
        let cells = match zip.read(&resolve(target))? {
            Some(b) => cells(&xml(&b)?, &strings)?,
            None => return bad(format!("the part of sheet {sheet_name} is missing")),
        };
        out.push((sheet_name, cells));
    }
    Ok(out)
}

/// Id → (type, target) of a relationships part.
fn relationships(xml: &[Xml]) -> HashMap<String, (String, String)> {
    xml.iter()
        .filter_map(|p| match p {
            Xml::Open { name, attrs, .. } if name == "Relationship" => Some((
                Xml::attr(attrs, "Id")?,
                (
                    Xml::attr(attrs, "Type").unwrap_or_default(),
                    Xml::attr(attrs, "Target")?,
                ),
            )),
            _ => None,
        })
        .collect()
}

/// The shared strings: each `<si>`'s text, its rich-text runs joined, its phonetic guides
/// (`<rPh>`, Japanese readings) left out.
fn shared_strings(xml: &[Xml]) -> Vec<String> {
    let mut out = Vec::new();
    let mut current: Option<String> = None;
    let (mut in_t, mut in_rph) = (false, false);
    for p in xml {
        match p {
            Xml::Open { name, empty, .. } => match name.as_str() {
                "si" if *empty => out.push(String::new()),
                "si" => current = Some(String::new()),
                "t" => in_t = !empty,
                "rPh" => in_rph = !empty,
                _ => {}
            },
            Xml::Close(name) => match name.as_str() {
                "si" => out.push(unescape_ooxml(&current.take().unwrap_or_default())),
                "t" => in_t = false,
                "rPh" => in_rph = false,
                _ => {}
            },
            Xml::Text(t) => {
                if let (true, false, Some(c)) = (in_t, in_rph, current.as_mut()) {
                    c.push_str(t);
                }
            }
        }
    }
    out
}

/// Undoes the OOXML escape of characters XML cannot hold (ECMA-376 Part 1 §22.9.2.19,
/// ST_Xstring): `_x000D_` is a carriage return, `_x005F_` a literal `_`; a UTF-16 surrogate pair
/// is two escapes in a row, and a lone surrogate becomes U+FFFD.
fn unescape_ooxml(s: &str) -> String {
    if !s.contains("_x") {
        return s.to_owned();
    }
    let unit = |s: &str, at: usize| -> Option<u16> {
        let e = s.get(at..at + 7)?;
        let hex = e.strip_prefix("_x")?.strip_suffix('_')?;
        if hex.len() != 4 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        u16::from_str_radix(hex, 16).ok()
    };
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        match unit(s, i) {
            Some(high @ 0xD800..=0xDBFF) => match unit(s, i + 7) {
                Some(low @ 0xDC00..=0xDFFF) => {
                    let c =
                        0x10000 + ((u32::from(high) - 0xD800) << 10) + (u32::from(low) - 0xDC00);
                    out.push(char::from_u32(c).unwrap_or(char::REPLACEMENT_CHARACTER));
                    i += 14;
                }
                _ => {
                    out.push(char::REPLACEMENT_CHARACTER);
                    i += 7;
                }
            },
            Some(u) => {
                out.push(char::from_u32(u32::from(u)).unwrap_or(char::REPLACEMENT_CHARACTER));
                i += 7;
            }
            None => {
                // `i` is always at a character boundary: escapes are ASCII.
                let c = s[i..].chars().next().unwrap_or(char::REPLACEMENT_CHARACTER);
                out.push(c);
                i += c.len_utf8();
            }
        }
    }
    out
}

/// `B12` → (11, 1).
fn cell_ref(r: &str) -> Option<(u32, u32)> {
    let split = r.find(|c: char| c.is_ascii_digit())?;
    let (letters, digits) = r.split_at(split);
    if letters.is_empty() {
        return None;
    }
    let mut col: u32 = 0;
    for b in letters.bytes() {
        if !b.is_ascii_alphabetic() {
            return None;
        }
        col = col
            .checked_mul(26)?
            .checked_add(u32::from(b.to_ascii_uppercase() - b'A') + 1)?;
    }
    let row: u32 = digits.parse().ok()?;
    Some((row.checked_sub(1)?, col - 1))
}

/// A number as Rust prints it (`1` for 1.0), as calamine gives it.
fn number(v: &str) -> String {
    match v.trim().parse::<f64>() {
        Ok(n) => n.to_string(),
        Err(_) => v.trim().to_owned(),
    }
}

/// The cells of a worksheet that hold something.
fn cells(xml: &[Xml], strings: &[String]) -> Result<Vec<Cell>> {
    let mut out = Vec::new();
    let (mut row, mut col) = (0u32, 0u32);
    let mut next_row = 0u32;
    // The open cell: its type; and what its <v> and inline string hold.
    let mut cell: Option<String> = None;
    let (mut value, mut inline) = (String::new(), String::new());
    let (mut in_v, mut in_t, mut in_rph) = (false, false, false);
    for p in xml {
        match p {
            Xml::Open { name, attrs, empty } => match name.as_str() {
                "row" => {
                    row = match Xml::attr(attrs, "r").and_then(|r| r.parse::<u32>().ok()) {
                        Some(r) if r >= 1 => r - 1,
                        _ => next_row,
                    };
                    next_row = row + 1;
                    col = 0;
                }
                "c" => {
                    if let Some((r, c)) = Xml::attr(attrs, "r").and_then(|r| cell_ref(&r)) {
                        row = r;
                        col = c;
                    }
                    if *empty {
                        col += 1;
                    } else {
                        cell = Some(Xml::attr(attrs, "t").unwrap_or_else(|| "n".into()));
                        value.clear();
                        inline.clear();
                    }
                }
                "v" => in_v = !empty,
                "t" => in_t = !empty,
                "rPh" => in_rph = !empty,
                _ => {}
            },
            Xml::Close(name) => match name.as_str() {
                "v" => in_v = false,
                "t" => in_t = false,
                "rPh" => in_rph = false,
                "c" => {
                    if let Some(kind) = cell.take() {
                        let text = match kind.as_str() {
                            "s" => {
                                let i: usize = value
                                    .trim()
                                    .parse()
                                    .map_err(|_| XlsxError("a bad shared-string index".into()))?;
                                strings.get(i).cloned().ok_or_else(|| {
                                    XlsxError("a shared-string index out of range".into())
                                })?
                            }
                            "inlineStr" => unescape_ooxml(&inline),
                            "str" => unescape_ooxml(&value),
                            "b" => (value.trim() == "1").to_string(),
                            "n" => number(&value),
                            // "str" (a formula's text), "e" (an error such as #N/A), "d" (an ISO date).
                            _ => value.clone(),
                        };
                        let text = text.trim().to_owned();
                        if !text.is_empty() {
                            out.push((row, col, text));
                        }
                        col += 1;
                    }
                }
                _ => {}
            },
            Xml::Text(t) => {
                if in_v {
                    value.push_str(t);
                } else if in_t && !in_rph && cell.is_some() {
                    inline.push_str(t);
                }
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_pieces() {
        let x = xml(b"<?xml version=\"1.0\"?><a:root x='1' r:id=\"rId&amp;2\"><b/>t&lt;&#x1EA1;&#65;<![CDATA[<c>]]><!-- no --></a:root>").unwrap();
        assert_eq!(
            x,
            [
                Xml::Open {
                    name: "root".into(),
                    attrs: vec![("x".into(), "1".into()), ("r:id".into(), "rId&2".into())],
                    empty: false
                },
                Xml::Open {
                    name: "b".into(),
                    attrs: vec![],
                    empty: true
                },
                Xml::Text("t<ạA".into()),
                Xml::Text("<c>".into()),
                Xml::Close("root".into()),
            ]
        );
        let Xml::Open { attrs, .. } = &x[0] else {
            panic!()
        };
        assert_eq!(Xml::attr(attrs, "id").as_deref(), Some("rId&2"));
        for refused in [
            &b"<!DOCTYPE x [<!ENTITY a 'b'>]><x/>"[..],
            b"<a b=c>",
            b"<a>&nope;</a>",
            b"<a",
            b"\xff\xfe\x00",
        ] {
            assert!(xml(refused).is_err(), "{refused:?}");
        }
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("<a>ế</a>".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(xml(&utf16).unwrap()[1], Xml::Text("ế".into()));
    }

    #[test]
    fn ooxml_escapes() {
        assert_eq!(unescape_ooxml("a_x000D_b"), "a\rb");
        assert_eq!(unescape_ooxml("_x005F_x0041_"), "_x0041_");
        assert_eq!(unescape_ooxml("_xD83D__xDE00_"), "😀");
        assert_eq!(unescape_ooxml("_xD83D_x"), "\u{FFFD}x");
        assert_eq!(unescape_ooxml("_x12_ ế _xZZZZ_"), "_x12_ ế _xZZZZ_");
    }

    #[test]
    fn cell_references() {
        assert_eq!(cell_ref("A1"), Some((0, 0)));
        assert_eq!(cell_ref("AB12"), Some((11, 27)));
        assert_eq!(cell_ref("XFD1048576"), Some((1_048_575, 16_383)));
        for bad in ["", "12", "A", "A0", "1A"] {
            assert_eq!(cell_ref(bad), None, "{bad}");
        }
    }

    #[test]
    fn rich_text_and_phonetic_guides() {
        let x = xml(b"<sst><si><t>a</t></si><si><r><t>b</t></r><r><rPr/><t xml:space=\"preserve\"> c</t></r><rPh><t>KANA</t></rPh></si><si/></sst>").unwrap();
        assert_eq!(shared_strings(&x), ["a", "b c", ""]);
    }

    #[test]
    fn cells_of_every_type_and_without_references() {
        let x = xml(b"<worksheet><sheetData><row r=\"2\"><c r=\"B2\" t=\"s\"><v>1</v></c><c t=\"inlineStr\"><is><t>in</t></is></c><c t=\"b\"><v>1</v></c><c><v>3.0</v></c><c t=\"str\"><f>A1</f><v>f</v></c><c t=\"e\"><v>#N/A</v></c><c r=\"H2\"/></row><row><c><v>1.5</v></c></row></sheetData></worksheet>").unwrap();
        let strings = vec!["zero".to_owned(), "one".to_owned()];
        assert_eq!(
            cells(&x, &strings).unwrap(),
            [
                (1, 1, "one".into()),
                (1, 2, "in".into()),
                (1, 3, "true".into()),
                (1, 4, "3".into()),
                (1, 5, "f".into()),
                (1, 6, "#N/A".into()),
                (2, 0, "1.5".into()),
            ]
        );
        let out_of_range = xml(b"<c t=\"s\"><v>9</v></c>").unwrap();
        assert!(cells(&out_of_range, &strings).is_err());
    }

    #[test]
    fn crc32_known_answer() {
        assert_eq!(crc32(b""), 0);
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
    }

    #[test]
    fn damaged_zips_are_refused() {
        assert!(Zip::new(b"").is_err());
        assert!(Zip::new(b"PK\x05\x06").is_err());
        let mut eocd = b"PK\x05\x06".to_vec();
        eocd.extend([0u8; 6]);
        eocd.extend(1u16.to_le_bytes());
        eocd.extend([0u8; 4]);
        eocd.extend(0u32.to_le_bytes());
        eocd.extend([0u8; 2]);
        assert!(Zip::new(&eocd).is_err());
    }
}
