//! Downloads made in the browser, offline: the text becomes a `Blob`, the `Blob` an object URL,
//! and a temporary `<a download>` is clicked. Nothing leaves the device but the saved file.

use phieu_core::Lang;
use wasm_bindgen::JsCast;

/// Media types of the files phieu saves.
pub const JSON: &str = "application/json;charset=utf-8";
pub const CSV: &str = "text/csv;charset=utf-8";
pub const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// Why a download could not start (a browser that refuses blobs or object URLs).
#[derive(Clone, Debug, PartialEq)]
pub struct DownloadError(pub String);

impl DownloadError {
    pub fn message(&self, lang: Lang) -> String {
        super::words::edge_words(lang).download_refused(&self.0)
    }
}

fn err(value: wasm_bindgen::JsValue) -> DownloadError {
    DownloadError(
        value
            .as_string()
            .or_else(|| {
                value
                    .dyn_ref::<js_sys::Error>()
                    .map(|e| String::from(e.message()))
            })
            .unwrap_or_else(|| format!("{value:?}")),
    )
}

/// Saves `content` (UTF-8, written as is, so a leading BOM stays) as `filename`.
pub fn download(filename: &str, media_type: &str, content: &str) -> Result<(), DownloadError> {
    save(
        filename,
        media_type,
        &wasm_bindgen::JsValue::from_str(content),
    )
}

/// Saves `bytes` (an .xlsx workbook) as `filename`.
pub fn download_bytes(filename: &str, media_type: &str, bytes: &[u8]) -> Result<(), DownloadError> {
    save(filename, media_type, &js_sys::Uint8Array::from(bytes))
}

fn save(
    filename: &str,
    media_type: &str,
    part: &wasm_bindgen::JsValue,
) -> Result<(), DownloadError> {
    let parts = js_sys::Array::of1(part);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(media_type);
    let blob =
        web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).map_err(err)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(err)?;
    let document = gloo::utils::document();
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(err)?
        .dyn_into()
        .map_err(|_| DownloadError("<a> is not an anchor".into()))?;
    anchor.set_href(&url);
    anchor.set_download(filename);
    anchor.click();
    // The browser reads the blob after the click returns: let it go a little later.
    gloo::timers::callback::Timeout::new(30_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}
