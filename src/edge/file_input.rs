//! Files an officer or auditor chooses or drops (audit bundles, public summaries), read as text
//! on the device. A size limit comes first, so a wrong or huge file is refused with a message
//! instead of freezing the tablet.

use phieu_core::Lang;
use wasm_bindgen::JsCast;

use super::words::edge_words;

/// The largest file read: an audit bundle of a commune-sized poll (a few thousand ballots) is
/// a few megabytes; anything far bigger is not a phieu file.
pub const MAX_BYTES: u64 = 20 * 1024 * 1024;

/// A file the person picked, not read yet.
#[derive(Clone, Debug, PartialEq)]
pub struct PickedFile {
    pub name: String,
    pub size: u64,
    file: web_sys::File,
}

/// Why a picked file could not be read. Each names the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileError {
    TooLarge { name: String, size: u64, limit: u64 },
    Read { name: String, detail: String },
}

fn megabytes(bytes: u64, lang: Lang) -> String {
    let tenths = (bytes * 10 + 524_288) / 1_048_576;
    edge_words(lang).megabytes(tenths / 10, tenths % 10)
}

impl FileError {
    pub fn message(&self, lang: Lang) -> String {
        let w = edge_words(lang);
        match self {
            FileError::TooLarge { name, size, limit } => {
                w.file_too_large(name, megabytes(*size, lang), megabytes(*limit, lang))
            }
            FileError::Read { name, detail } => w.file_unread(name, detail),
        }
    }
}

fn collect(list: Option<web_sys::FileList>) -> Vec<PickedFile> {
    let Some(list) = list else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.get(i))
        .map(|file| PickedFile {
            name: file.name(),
            // File sizes are whole numbers of bytes well below 2^53.
            size: file.size() as u64,
            file,
        })
        .collect()
}

/// The files chosen in the `<input type="file">` that fired `event`; the input is emptied so the
/// same file can be chosen again (and refused again, with its message).
pub fn picked(event: &web_sys::Event) -> Vec<PickedFile> {
    let Some(input) = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return Vec::new();
    };
    let files = collect(input.files());
    input.set_value("");
    files
}

/// The files dropped by `event` (and stops the browser from opening them instead).
pub fn dropped(event: &web_sys::DragEvent) -> Vec<PickedFile> {
    event.prevent_default();
    collect(event.data_transfer().and_then(|d| d.files()))
}

/// Lets a drop zone accept a drag (without this the browser opens the file).
pub fn allow_drop(event: &web_sys::DragEvent) {
    event.prevent_default();
}

impl PickedFile {
    /// The file's text (UTF-8), or why not; refused before reading when over `limit` bytes.
    pub async fn read_text(&self, limit: u64) -> Result<String, FileError> {
        if self.size > limit {
            return Err(FileError::TooLarge {
                name: self.name.clone(),
                size: self.size,
                limit,
            });
        }
        let text = wasm_bindgen_futures::JsFuture::from(self.file.text())
            .await
            .map_err(|e| FileError::Read {
                name: self.name.clone(),
                detail: e
                    .dyn_ref::<js_sys::Error>()
                    .map(|e| String::from(e.message()))
                    .unwrap_or_else(|| format!("{e:?}")),
            })?;
        Ok(text.as_string().unwrap_or_default())
    }

    /// The file's bytes (an .xlsx workbook), or why not; refused before reading when over
    /// `limit` bytes.
    pub async fn read_bytes(&self, limit: u64) -> Result<Vec<u8>, FileError> {
        if self.size > limit {
            return Err(FileError::TooLarge {
                name: self.name.clone(),
                size: self.size,
                limit,
            });
        }
        let buffer = wasm_bindgen_futures::JsFuture::from(self.file.array_buffer())
            .await
            .map_err(|e| FileError::Read {
                name: self.name.clone(),
                detail: e
                    .dyn_ref::<js_sys::Error>()
                    .map(|e| String::from(e.message()))
                    .unwrap_or_else(|| format!("{e:?}")),
            })?;
        Ok(js_sys::Uint8Array::new(&buffer).to_vec())
    }

    /// A file made in memory, for tests.
    pub fn from_text(name: &str, text: &str) -> Result<PickedFile, FileError> {
        let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
        let file =
            web_sys::File::new_with_str_sequence(&parts, name).map_err(|e| FileError::Read {
                name: name.into(),
                detail: format!("{e:?}"),
            })?;
        Ok(PickedFile {
            name: name.into(),
            size: file.size() as u64,
            file,
        })
    }
}
