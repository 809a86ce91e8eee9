//! A small .xlsx writer: the few parts of an Office Open XML workbook (ECMA-376 Part 1) that a
//! results export needs, and nothing else. Text is written as inline strings (no shared-strings
//! table), numbers as numbers; four cell styles (plain, bold, a percentage with two decimals,
//! wrapped text); column widths and frozen panes. Parts are deflated with `miniz_oxide`, which
//! the reader already uses to inflate.
//!
//! It replaces rust_xlsxwriter in the export because that library added 328 KB gzip to the
//! office page's WebAssembly (charts, tables, images and several compressors that a table of
//! counts never uses); this writer adds a few kilobytes (docs/xlsform.md §Size). The tests read
//! every workbook it writes back with calamine, and compare the export's cells with what
//! rust_xlsxwriter writes from the same bundle.
//!
//! The zip entries are dated 1980-01-01 00:00 (the earliest DOS date) and the workbook's
//! creation date is that day too, so the same cells always give the same bytes and a file does
//! not say when it was made.

use std::fmt::Write as _;

/// How a cell looks. The index is the cell's `s` attribute: its place in `styles.xml`'s
/// `cellXfs`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Plain = 0,
    Bold = 1,
    /// A number shown as a percentage with two decimals (built-in number format 10, `0.00%`).
    Percent = 2,
    /// Text wrapped within the column's width.
    Wrap = 3,
}

/// What a cell holds.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Text(String),
    Number(f64),
}

/// Why a workbook could not be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WriteError {
    /// A text longer than an Excel cell holds (32,767 characters).
    TextTooLong { sheet: String, cell: String },
    /// A part larger than a zip without its 64-bit extension holds (4 GiB).
    TooLarge,
}

/// The characters an Excel cell holds.
pub const MAX_TEXT: usize = 32_767;

/// One worksheet.
#[derive(Debug, Clone, Default)]
pub struct Sheet {
    name: String,
    cells: Vec<(u32, u16, Value, Style)>,
    widths: Vec<(u16, f64)>,
    freeze: Option<(u32, u16)>,
}

impl Sheet {
    /// An empty sheet named `name` (at most 31 characters, none of `[]:*?/\`: the caller's
    /// names are fixed words).
    pub fn new(name: &str) -> Sheet {
        Sheet {
            name: name.to_owned(),
            ..Sheet::default()
        }
    }

    /// Writes `value` at zero-based `row` and `col`; a later write to the same cell wins.
    pub fn write(&mut self, row: u32, col: u16, value: Value, style: Style) {
        self.cells.push((row, col, value, style));
    }

    pub fn text(&mut self, row: u32, col: u16, text: &str, style: Style) {
        self.write(row, col, Value::Text(text.to_owned()), style);
    }

    pub fn number(&mut self, row: u32, col: u16, number: f64, style: Style) {
        self.write(row, col, Value::Number(number), style);
    }

    /// The width of column `col`, in characters of the default font, as Excel's column dialog
    /// shows it.
    pub fn width(&mut self, col: u16, chars: f64) {
        self.widths.push((col, chars));
    }

    /// Keeps the first `rows` rows and `cols` columns in view while scrolling.
    pub fn freeze(&mut self, rows: u32, cols: u16) {
        self.freeze = Some((rows, cols));
    }
}

/// A workbook: its sheets in order, and a title for its document properties.
#[derive(Debug, Clone, Default)]
pub struct Book {
    pub title: String,
    pub sheets: Vec<Sheet>,
}

impl Book {
    /// The .xlsx file's bytes.
    pub fn to_bytes(&self) -> Result<Vec<u8>, WriteError> {
        let mut zip = ZipWriter::default();
        zip.add(
            "[Content_Types].xml",
            content_types(self.sheets.len()).as_bytes(),
        )?;
        zip.add("_rels/.rels", ROOT_RELS.as_bytes())?;
        zip.add("docProps/core.xml", core(&self.title).as_bytes())?;
        zip.add("xl/workbook.xml", workbook(&self.sheets).as_bytes())?;
        zip.add(
            "xl/_rels/workbook.xml.rels",
            workbook_rels(self.sheets.len()).as_bytes(),
        )?;
        zip.add("xl/styles.xml", STYLES.as_bytes())?;
        for (i, sheet) in self.sheets.iter().enumerate() {
            let xml = worksheet(sheet, i == 0)?;
            zip.add(&format!("xl/worksheets/sheet{}.xml", i + 1), xml.as_bytes())?;
        }
        zip.finish()
    }
}

const XML_HEAD: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
const MAIN_NS: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL_NS: &str = "http://schemas.openxmlformats.org/package/2006/relationships";

fn content_types(sheets: usize) -> String {
    let mut s = format!(
        "{XML_HEAD}<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
         <Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
         <Default Extension=\"xml\" ContentType=\"application/xml\"/>\
         <Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>\
         <Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>\
         <Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
    );
    for i in 1..=sheets {
        let _ = write!(
            s,
            "<Override PartName=\"/xl/worksheets/sheet{i}.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        );
    }
    s.push_str("</Types>");
    s
}

const ROOT_RELS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>\
<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>\
</Relationships>";

fn core(title: &str) -> String {
    format!(
        "{XML_HEAD}<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\
         <dc:title>{}</dc:title><dc:creator>phieu</dc:creator>\
         <dcterms:created xsi:type=\"dcterms:W3CDTF\">1980-01-01T00:00:00Z</dcterms:created>\
         </cp:coreProperties>",
        escape(title)
    )
}

fn workbook(sheets: &[Sheet]) -> String {
    let mut s = format!(
        "{XML_HEAD}<workbook xmlns=\"{MAIN_NS}\" xmlns:r=\"{REL_NS}\"><bookViews><workbookView/></bookViews><sheets>"
    );
    for (i, sheet) in sheets.iter().enumerate() {
        let _ = write!(
            s,
            "<sheet name=\"{}\" sheetId=\"{n}\" r:id=\"rId{n}\"/>",
            escape(&sheet.name),
            n = i + 1
        );
    }
    s.push_str("</sheets></workbook>");
    s
}

fn workbook_rels(sheets: usize) -> String {
    let mut s = format!("{XML_HEAD}<Relationships xmlns=\"{PKG_REL_NS}\">");
    for n in 1..=sheets {
        let _ = write!(
            s,
            "<Relationship Id=\"rId{n}\" Type=\"{REL_NS}/worksheet\" Target=\"worksheets/sheet{n}.xml\"/>"
        );
    }
    let _ = write!(
        s,
        "<Relationship Id=\"rId{}\" Type=\"{REL_NS}/styles\" Target=\"styles.xml\"/></Relationships>",
        sheets + 1
    );
    s
}

/// The four styles of [`Style`], in its order. Number format 10 is Excel's built-in `0.00%`.
const STYLES: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">\
<fonts count=\"2\">\
<font><sz val=\"11\"/><color theme=\"1\"/><name val=\"Calibri\"/><family val=\"2\"/><scheme val=\"minor\"/></font>\
<font><b/><sz val=\"11\"/><color theme=\"1\"/><name val=\"Calibri\"/><family val=\"2\"/><scheme val=\"minor\"/></font>\
</fonts>\
<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>\
<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>\
<cellXfs count=\"4\">\
<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>\
<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>\
<xf numFmtId=\"10\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>\
<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyAlignment=\"1\"><alignment wrapText=\"1\"/></xf>\
</cellXfs>\
<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>\
</styleSheet>";

/// `A`, `B`, … `Z`, `AA` … for zero-based `col`.
fn column_name(col: u16) -> String {
    crate::problem::column_letter(u32::from(col))
}

fn worksheet(sheet: &Sheet, selected: bool) -> Result<String, WriteError> {
    let mut s = format!(
        "{XML_HEAD}<worksheet xmlns=\"{MAIN_NS}\" xmlns:r=\"{REL_NS}\"><sheetViews><sheetView"
    );
    if selected {
        s.push_str(" tabSelected=\"1\"");
    }
    s.push_str(" workbookViewId=\"0\"");
    match sheet.freeze {
        Some((rows, cols)) if rows > 0 || cols > 0 => {
            s.push('>');
            let pane = match (rows > 0, cols > 0) {
                (true, true) => "bottomRight",
                (true, false) => "bottomLeft",
                _ => "topRight",
            };
            if cols > 0 {
                let _ = write!(s, "<pane xSplit=\"{cols}\"");
            } else {
                s.push_str("<pane");
            }
            if rows > 0 {
                let _ = write!(s, " ySplit=\"{rows}\"");
            }
            let _ = write!(
                s,
                " topLeftCell=\"{}{}\" activePane=\"{pane}\" state=\"frozen\"/><selection pane=\"{pane}\"/></sheetView>",
                column_name(cols),
                rows + 1
            );
        }
        _ => s.push_str("/>"),
    }
    s.push_str("</sheetViews><sheetFormatPr defaultRowHeight=\"15\"/>");
    if !sheet.widths.is_empty() {
        let mut widths = sheet.widths.clone();
        widths.sort_by_key(|(c, _)| *c);
        widths.dedup_by(|later, earlier| {
            // The last width given for a column wins.
            if later.0 == earlier.0 {
                earlier.1 = later.1;
                true
            } else {
                false
            }
        });
        s.push_str("<cols>");
        for (col, chars) in widths {
            // Excel stores the width with the cell's padding (5 pixels of a 7-pixel digit),
            // truncated to 1/256 of a character, as its own column dialog does.
            let stored = ((chars * 7.0 + 5.0) / 7.0 * 256.0).trunc() / 256.0;
            let _ = write!(
                s,
                "<col min=\"{n}\" max=\"{n}\" width=\"{stored}\" customWidth=\"1\"/>",
                n = u32::from(col) + 1
            );
        }
        s.push_str("</cols>");
    }
    s.push_str("<sheetData>");
    let mut order: Vec<usize> = (0..sheet.cells.len()).collect();
    // By row, then column; of two writes to one cell the later wins.
    order.sort_by_key(|&i| (sheet.cells[i].0, sheet.cells[i].1, std::cmp::Reverse(i)));
    order.dedup_by_key(|i| (sheet.cells[*i].0, sheet.cells[*i].1));
    let mut open_row = None;
    for i in order {
        let (row, col, value, style) = &sheet.cells[i];
        if open_row != Some(*row) {
            if open_row.is_some() {
                s.push_str("</row>");
            }
            let _ = write!(s, "<row r=\"{}\">", row + 1);
            open_row = Some(*row);
        }
        let at = format!("{}{}", column_name(*col), row + 1);
        let style_attr = match style {
            Style::Plain => String::new(),
            other => format!(" s=\"{}\"", *other as u8),
        };
        match value {
            Value::Text(text) => {
                if text.chars().count() > MAX_TEXT {
                    return Err(WriteError::TextTooLong {
                        sheet: sheet.name.clone(),
                        cell: at,
                    });
                }
                if text.is_empty() {
                    continue;
                }
                let _ = write!(
                    s,
                    "<c r=\"{at}\"{style_attr} t=\"inlineStr\"><is><t xml:space=\"preserve\">{}</t></is></c>",
                    escape(text)
                );
            }
            // Excel has no NaN or infinity; such a number is left out, as a blank cell.
            Value::Number(n) if n.is_finite() => {
                let _ = write!(s, "<c r=\"{at}\"{style_attr}><v>{n}</v></c>");
            }
            Value::Number(_) => {}
        }
    }
    if open_row.is_some() {
        s.push_str("</row>");
    }
    s.push_str("</sheetData>");
    s.push_str(
        "<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/></worksheet>",
    );
    Ok(s)
}

/// Text as XML character data. Besides `&`, `<`, `>` and `"`, the control characters that XML
/// 1.0 cannot carry are written as OOXML's `_xHHHH_` escapes, and an `_` that would otherwise
/// start such an escape is itself escaped (`_x005F_`), so every text reads back as written.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, ch) in text.char_indices() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' => out.push(ch),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "_x{:04X}_", c as u32);
            }
            '_' if looks_escaped(&text[i..]) => out.push_str("_x005F_"),
            c => out.push(c),
        }
    }
    out
}

/// Whether `s` starts with `_xHHHH_`.
fn looks_escaped(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 7 && b[1] == b'x' && b[2..6].iter().all(u8::is_ascii_hexdigit) && b[6] == b'_'
}

/// The zip container (APPNOTE 6.3: local headers, deflated data, central directory).
#[derive(Default)]
struct ZipWriter {
    out: Vec<u8>,
    central: Vec<u8>,
    entries: u16,
}

/// 1980-01-01 in MS-DOS date format (the time is 00:00, zero).
const DOS_DATE: u16 = (1 << 5) | 1;

impl ZipWriter {
    fn add(&mut self, name: &str, data: &[u8]) -> Result<(), WriteError> {
        let crc = crate::xlsx::crc32(data);
        let packed = miniz_oxide::deflate::compress_to_vec(data, 6);
        let size = u32::try_from(data.len()).map_err(|_| WriteError::TooLarge)?;
        let csize = u32::try_from(packed.len()).map_err(|_| WriteError::TooLarge)?;
        let offset = u32::try_from(self.out.len()).map_err(|_| WriteError::TooLarge)?;
        let name_len = name.len() as u16;
        // Version 2.0, no flags, deflated, the fixed date, the sizes, the name.
        let common = |b: &mut Vec<u8>| {
            for v in [20u16, 0, 8, 0, DOS_DATE] {
                b.extend_from_slice(&v.to_le_bytes());
            }
            for v in [crc, csize, size] {
                b.extend_from_slice(&v.to_le_bytes());
            }
            b.extend_from_slice(&name_len.to_le_bytes());
            b.extend_from_slice(&0u16.to_le_bytes());
        };
        self.out.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        common(&mut self.out);
        self.out.extend_from_slice(name.as_bytes());
        self.out.extend_from_slice(&packed);

        self.central
            .extend_from_slice(&0x0201_4b50u32.to_le_bytes());
        self.central.extend_from_slice(&20u16.to_le_bytes()); // made by: version 2.0, MS-DOS
        common(&mut self.central);
        // Comment length, disk number, internal and external attributes, the offset.
        for v in [0u16, 0, 0] {
            self.central.extend_from_slice(&v.to_le_bytes());
        }
        self.central.extend_from_slice(&0u32.to_le_bytes());
        self.central.extend_from_slice(&offset.to_le_bytes());
        self.central.extend_from_slice(name.as_bytes());
        self.entries += 1;
        Ok(())
    }

    fn finish(mut self) -> Result<Vec<u8>, WriteError> {
        let at = u32::try_from(self.out.len()).map_err(|_| WriteError::TooLarge)?;
        let len = u32::try_from(self.central.len()).map_err(|_| WriteError::TooLarge)?;
        self.out.extend_from_slice(&self.central);
        self.out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
        for v in [0u16, 0, self.entries, self.entries] {
            self.out.extend_from_slice(&v.to_le_bytes());
        }
        self.out.extend_from_slice(&len.to_le_bytes());
        self.out.extend_from_slice(&at.to_le_bytes());
        self.out.extend_from_slice(&0u16.to_le_bytes());
        Ok(self.out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes() {
        assert_eq!(escape("a<b>&\"c\""), "a&lt;b&gt;&amp;&quot;c&quot;");
        assert_eq!(escape("a\u{1}b\r"), "a_x0001_b_x000D_");
        assert_eq!(escape("_x0041_ _x4"), "_x005F_x0041_ _x4");
        assert_eq!(escape("dòng 1\ndòng 2"), "dòng 1\ndòng 2");
    }

    #[test]
    fn column_widths_as_excel_stores_them() {
        let mut sheet = Sheet::new("s");
        sheet.width(0, 32.0);
        sheet.width(1, 24.0);
        sheet.width(1, 90.0);
        let xml = worksheet(&sheet, false).unwrap();
        assert!(
            xml.contains("<col min=\"1\" max=\"1\" width=\"32.7109375\" customWidth=\"1\"/>"),
            "{xml}"
        );
        assert!(
            xml.contains("<col min=\"2\" max=\"2\" width=\"90.7109375\""),
            "{xml}"
        );
        assert!(
            !xml.contains("width=\"24."),
            "the last width given wins: {xml}"
        );
    }

    #[test]
    fn a_later_write_wins_and_rows_are_in_order() {
        let mut sheet = Sheet::new("s");
        sheet.number(2, 0, 3.0, Style::Plain);
        sheet.text(0, 1, "b", Style::Bold);
        sheet.text(0, 0, "a", Style::Plain);
        sheet.text(0, 0, "A", Style::Plain);
        let xml = worksheet(&sheet, true).unwrap();
        let data = &xml[xml.find("<sheetData>").unwrap()..];
        assert_eq!(
            &data[..data.find("</sheetData>").unwrap()],
            "<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t xml:space=\"preserve\">A</t></is></c>\
             <c r=\"B1\" s=\"1\" t=\"inlineStr\"><is><t xml:space=\"preserve\">b</t></is></c></row>\
             <row r=\"3\"><c r=\"A3\"><v>3</v></c></row>"
        );
    }

    #[test]
    fn a_text_too_long_for_a_cell_is_refused() {
        let mut book = Book::default();
        let mut sheet = Sheet::new("s");
        sheet.text(4, 2, &"x".repeat(MAX_TEXT + 1), Style::Plain);
        book.sheets.push(sheet);
        assert_eq!(
            book.to_bytes(),
            Err(WriteError::TextTooLong {
                sheet: "s".into(),
                cell: "C5".into()
            })
        );
    }

    #[test]
    fn the_same_cells_give_the_same_bytes_and_the_reader_reads_them() {
        let mut sheet = Sheet::new("Tóm tắt");
        sheet.text(0, 0, "Xã Tân Hòa", Style::Bold);
        sheet.number(0, 1, 0.25, Style::Percent);
        sheet.freeze(1, 0);
        let book = Book {
            title: "Phiếu".into(),
            sheets: vec![sheet],
        };
        let bytes = book.to_bytes().unwrap();
        assert_eq!(book.to_bytes().unwrap(), bytes);
        let sheets = crate::xlsx::sheets(&bytes).unwrap();
        assert_eq!(sheets[0].0, "Tóm tắt");
        assert_eq!(
            sheets[0].1,
            [(0, 0, "Xã Tân Hòa".to_owned()), (0, 1, "0.25".to_owned())]
        );
    }
}
