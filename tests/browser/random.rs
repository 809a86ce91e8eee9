//! Salts come from the browser's CSPRNG (issue 15): `random::bytes16`, which every ballot salt,
//! PIN salt and meeting id is drawn from, must call `crypto.getRandomValues` and nothing else. A
//! deterministic source (a seeded PRNG, a counter, a constant) would let anyone open the
//! commitments of a public summary by trying each answer; these tests fail for one.

use phieu::edge::random;
use wasm_bindgen::JsCast;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

/// While `f` runs, `crypto.getRandomValues` fills every array with 0xA5 and counts its calls.
fn with_stubbed_crypto<T>(f: impl FnOnce() -> T) -> (T, u32) {
    let crypto: JsValue = gloo::utils::window().crypto().unwrap().into();
    let key = JsValue::from_str("getRandomValues");
    let stub = js_sys::Function::new_with_args(
        "array",
        "globalThis.__phieuRandomCalls = (globalThis.__phieuRandomCalls || 0) + 1; \
         array.fill(0xa5); return array;",
    );
    js_sys::Reflect::set(&crypto, &key, &stub).unwrap();
    let out = f();
    // Remove the own property: the prototype's real method shows through again.
    js_sys::Reflect::delete_property(crypto.unchecked_ref::<js_sys::Object>(), &key).unwrap();
    let global = js_sys::global();
    let calls_key = JsValue::from_str("__phieuRandomCalls");
    let calls = js_sys::Reflect::get(&global, &calls_key)
        .ok()
        .and_then(|v| v.as_f64())
        .unwrap_or(0.0) as u32;
    js_sys::Reflect::delete_property(global.unchecked_ref::<js_sys::Object>(), &calls_key).unwrap();
    (out, calls)
}

#[wasm_bindgen_test]
fn salts_are_what_get_random_values_gives() {
    let (bytes, calls) = with_stubbed_crypto(random::bytes16);
    assert_eq!(
        bytes,
        Some([0xa5; 16]),
        "the salt did not come from getRandomValues"
    );
    assert_eq!(calls, 1);
    let (id, _) = with_stubbed_crypto(random::id);
    assert_eq!(id.as_deref(), Some("a5".repeat(16).as_str()));
}

#[wasm_bindgen_test]
fn real_salts_differ_every_time() {
    let draws: std::collections::BTreeSet<[u8; 16]> =
        (0..200).map(|_| random::bytes16().unwrap()).collect();
    assert_eq!(draws.len(), 200, "two salts were equal");
    assert!(!draws.contains(&[0; 16]));
}
