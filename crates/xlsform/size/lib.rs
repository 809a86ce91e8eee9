//! Exports that keep each measured piece linked (see Cargo.toml). The baseline reads a poll,
//! verifies an audit bundle and writes its CSV, which the office page does without this crate;
//! `import` adds `phieu_xlsform::import`, `export` adds `phieu_xlsform::export::results_xlsx`.

use phieu_core::{report::results_csv, AuditBundle, Lang, Poll};

/// # Safety
/// `ptr` must point to `len` readable bytes.
unsafe fn bytes<'a>(ptr: *const u8, len: usize) -> &'a [u8] {
    // SAFETY: the caller hands in a buffer it owns, of `len` bytes.
    unsafe { std::slice::from_raw_parts(ptr, len) }
}

/// The number of items of a poll, or 0 when it does not parse.
///
/// # Safety
/// `ptr` must point to `len` readable bytes.
#[no_mangle]
pub unsafe extern "C" fn poll_items(ptr: *const u8, len: usize) -> usize {
    let text = std::str::from_utf8(unsafe { bytes(ptr, len) }).unwrap_or("");
    Poll::from_json(text).map_or(0, |p| p.items().len())
}

/// The length of a verified bundle's CSV, or 0.
///
/// # Safety
/// `ptr` must point to `len` readable bytes.
#[no_mangle]
pub unsafe extern "C" fn bundle_csv(ptr: *const u8, len: usize) -> usize {
    let text = std::str::from_utf8(unsafe { bytes(ptr, len) }).unwrap_or("");
    AuditBundle::verify(text).map_or(0, |b| results_csv(&b, Lang::Vi).len())
}

/// The number of items of an imported XLSForm, or 0 when it has problems.
///
/// # Safety
/// `ptr` must point to `len` readable bytes.
#[cfg(feature = "import")]
#[no_mangle]
pub unsafe extern "C" fn xlsform_items(ptr: *const u8, len: usize) -> usize {
    let options = phieu_xlsform::ImportOptions::default();
    phieu_xlsform::import(unsafe { bytes(ptr, len) }, &options)
        .map_or(0, |i| i.poll().map_or(0, |p| p.items().len()))
}

/// The length of a verified bundle's XLSX, or 0.
///
/// # Safety
/// `ptr` must point to `len` readable bytes.
#[cfg(feature = "export")]
#[no_mangle]
pub unsafe extern "C" fn bundle_xlsx(ptr: *const u8, len: usize) -> usize {
    let text = std::str::from_utf8(unsafe { bytes(ptr, len) }).unwrap_or("");
    AuditBundle::verify(text)
        .ok()
        .and_then(|b| phieu_xlsform::export::results_xlsx(&b, Lang::Vi).ok())
        .map_or(0, |x| x.len())
}
