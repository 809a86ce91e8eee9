//! The device's remembered preferences (only the interface language), in `localStorage`.
//!
//! Nothing about any ballot is ever stored here.

use phieu_core::Lang;

/// The `localStorage` key of the interface language.
pub const LANG_KEY: &str = "phieu.lang";

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The language to start in: `?lang=` in the address, else the remembered one, else Vietnamese.
pub fn initial_lang() -> Lang {
    let from_query = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .and_then(|search| {
            search
                .trim_start_matches('?')
                .split('&')
                .find_map(|pair| pair.strip_prefix("lang=").and_then(Lang::from_code))
        });
    from_query
        .or_else(|| {
            local_storage()
                .and_then(|s| s.get_item(LANG_KEY).ok().flatten())
                .and_then(|code| Lang::from_code(&code))
        })
        .unwrap_or(Lang::Vi)
}

/// Remembers `lang` for the next visit and sets the document's `lang` attribute, so screen
/// readers pronounce the page in the right language.
pub fn remember_lang(lang: Lang) {
    if let Some(storage) = local_storage() {
        // A full or disabled storage only costs the preference, never a ballot: ignore it.
        let _ = storage.set_item(LANG_KEY, lang.code());
    }
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("lang", lang.code());
    }
}
