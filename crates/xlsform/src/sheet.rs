//! The workbook as the importer sees it: the `survey`, `choices` and `settings` sheets, each a
//! header row and the rows under it as trimmed text, with enough of their position kept to name
//! any cell as Excel shows it (row from 1, column letter). `crate::xlsx` reads the .xlsx; nothing
//! else here knows about it.

use crate::problem::{Column, Location, Problem, ProblemKind};
use crate::xlsx::{self, Cell};

/// The largest file the importer reads. A real XLSForm is a few dozen kilobytes; the bound keeps
/// a mistaken upload from making the office page allocate without end.
pub const MAX_BYTES: usize = 8 * 1024 * 1024;

/// One sheet: its header row and the rows below it.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    name: String,
    /// 0-based row of the header in the worksheet.
    header_row: u32,
    /// 0-based column of the first cell.
    first_column: u32,
    headers: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl Sheet {
    /// The sheet's name as the workbook spells it.
    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn headers(&self) -> &[String] {
        &self.headers
    }

    /// The rows under the header, each as wide as the header row.
    pub fn rows(&self) -> &[Vec<String>] {
        &self.rows
    }

    /// The row number Excel shows for `rows()[index]`.
    pub fn excel_row(&self, index: usize) -> u32 {
        let index = u32::try_from(index).unwrap_or(u32::MAX - 2);
        self.header_row.saturating_add(2).saturating_add(index)
    }

    /// The column of header `index`.
    pub fn column(&self, index: usize) -> Column {
        let letter = self
            .first_column
            .saturating_add(u32::try_from(index).unwrap_or(u32::MAX));
        Column::new(letter, self.headers.get(index).cloned().unwrap_or_default())
    }

    /// The cell at row `row` (an index into `rows()`) and header `column`.
    pub fn at(&self, row: usize, column: usize) -> Location {
        Location::cell(self.name.clone(), self.excel_row(row), self.column(column))
    }

    /// The header cell of column `index`.
    pub fn header_at(&self, index: usize) -> Location {
        Location::cell(
            self.name.clone(),
            self.header_row.saturating_add(1),
            self.column(index),
        )
    }

    /// A sheet from its name and cells (the tests build sheets this way).
    pub fn from_cells(name: &str, cells: &[&[&str]]) -> Sheet {
        let mut rows: Vec<Vec<String>> = cells
            .iter()
            .map(|r| r.iter().map(|c| c.trim().to_owned()).collect())
            .collect();
        let headers = if rows.is_empty() {
            Vec::new()
        } else {
            rows.remove(0)
        };
        let width = headers.len();
        for r in &mut rows {
            r.resize(width, String::new());
        }
        Sheet {
            name: name.into(),
            header_row: 0,
            first_column: 0,
            headers,
            rows,
        }
    }

    /// A sheet from its cells that hold something: the header is the first row that holds
    /// anything, and the sheet starts at the first column that does (as Excel's used range).
    fn from_cells_at(name: &str, cells: &[Cell]) -> Sheet {
        let header_row = cells.iter().map(|c| c.0).min().unwrap_or(0);
        let first_column = cells.iter().map(|c| c.1).min().unwrap_or(0);
        let last_row = cells.iter().map(|c| c.0).max().unwrap_or(0);
        let last_column = cells.iter().map(|c| c.1).max().unwrap_or(0);
        let width = if cells.is_empty() {
            0
        } else {
            (last_column - first_column) as usize + 1
        };
        let height = if cells.is_empty() {
            0
        } else {
            (last_row - header_row) as usize + 1
        };
        let mut grid = vec![vec![String::new(); width]; height];
        for (r, c, text) in cells {
            grid[(r - header_row) as usize][(c - first_column) as usize] = text.clone();
        }
        let mut rows = grid.into_iter();
        let headers = rows.next().unwrap_or_default();
        Sheet {
            name: name.into(),
            header_row,
            first_column,
            headers,
            rows: rows.collect(),
        }
    }
}

/// The sheets of an XLSForm workbook that the importer reads.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Workbook {
    pub survey: Option<Sheet>,
    pub choices: Option<Sheet>,
    pub settings: Option<Sheet>,
}

/// Reads the `survey`, `choices` and `settings` sheets (names matched without regard to case);
/// a file that cannot be read is one problem.
pub fn read(bytes: &[u8]) -> Result<Workbook, Vec<Problem>> {
    if bytes.len() > MAX_BYTES {
        return Err(vec![Problem::new(
            Location::file(),
            ProblemKind::TooLarge {
                bytes: bytes.len(),
                max: MAX_BYTES,
            },
        )]);
    }
    let sheets = xlsx::sheets(bytes).map_err(|e| {
        vec![Problem::new(
            Location::file(),
            ProblemKind::NotAWorkbook { detail: e.0 },
        )]
    })?;
    let mut book = Workbook::default();
    for (name, cells) in sheets {
        let slot = match name.trim().to_lowercase().as_str() {
            "survey" => &mut book.survey,
            "choices" => &mut book.choices,
            "settings" => &mut book.settings,
            _ => continue,
        };
        if slot.is_none() {
            *slot = Some(Sheet::from_cells_at(&name, &cells));
        }
    }
    Ok(book)
}
