//! Random bytes from the browser's CSPRNG (`crypto.getRandomValues`), never a seeded PRNG:
//! ballot salts, the PIN salt, meeting ids.

/// 16 random bytes. `None` only where the browser has no Web Crypto, which the app then
/// reports instead of voting without secrecy.
pub fn bytes16() -> Option<[u8; 16]> {
    let crypto = web_sys::window()?.crypto().ok()?;
    let mut bytes = [0u8; 16];
    crypto.get_random_values_with_u8_array(&mut bytes).ok()?;
    Some(bytes)
}

/// A random id of 32 hex characters.
pub fn id() -> Option<String> {
    Some(bytes16()?.iter().map(|b| format!("{b:02x}")).collect())
}
