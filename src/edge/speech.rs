//! Reading aloud with the browser's own speech synthesis (`speechSynthesis`), in Vietnamese
//! (issue 20, item 1). The voice is the device's: many Android tablets carry an offline one.
//! Lines are queued one utterance each, so the caller learns which line is being read; a new
//! reading, or [`stop`], cancels what was queued. Nothing spoken is kept: the text goes to the
//! browser's synthesizer and nowhere else.

use std::cell::Cell;

use wasm_bindgen::{closure::Closure, JsCast};
use web_sys::{SpeechSynthesis, SpeechSynthesisUtterance, SpeechSynthesisVoice};
use yew::Callback;

use crate::state::speech::Voice;

/// The language every utterance is spoken in.
pub const LANG: &str = "vi-VN";

/// Slightly slower than the synthesizer's default, for elderly listeners.
const RATE: f32 = 0.9;

thread_local! {
    /// Bumped by every reading and every stop: callbacks of an older reading stay silent.
    static TURN: Cell<u32> = const { Cell::new(0) };
}

fn synth() -> Option<SpeechSynthesis> {
    web_sys::window()?.speech_synthesis().ok()
}

fn vietnamese(s: &SpeechSynthesis) -> Option<SpeechSynthesisVoice> {
    let is_vi = |v: &SpeechSynthesisVoice| {
        let lang = v.lang().to_ascii_lowercase().replace('_', "-");
        lang == "vi" || lang.starts_with("vi-")
    };
    s.get_voices()
        .iter()
        .map(|v| v.unchecked_into::<SpeechSynthesisVoice>())
        .filter(is_vi)
        // A voice on the device first: the meeting hall may have no network.
        .max_by_key(|v| v.local_service())
}

/// This device's Vietnamese voice, as the browser lists it now.
pub fn voice() -> Option<Voice> {
    let v = vietnamese(&synth()?)?;
    Some(Voice {
        name: v.name(),
        offline: v.local_service(),
    })
}

/// This device's Vietnamese voice, waiting up to two seconds for the browser to list its
/// voices (Chromium loads them after the page).
pub async fn find_voice() -> Option<Voice> {
    synth()?;
    for _ in 0..10 {
        if let Some(v) = voice() {
            return Some(v);
        }
        yew::platform::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    None
}

fn current(turn: u32) -> bool {
    TURN.with(|t| t.get() == turn)
}

fn next_turn() -> u32 {
    TURN.with(|t| {
        t.set(t.get().wrapping_add(1));
        t.get()
    })
}

/// Reads `lines` in order, in Vietnamese, cancelling any reading in progress. `on_line` hears
/// `Some(k)` as line `k` starts and `None` when the last has ended (or failed). Returns false
/// when the browser has no speech synthesis.
pub fn speak(lines: &[String], on_line: Callback<Option<usize>>) -> bool {
    let Some(s) = synth() else {
        return false;
    };
    s.cancel();
    let turn = next_turn();
    let voice = vietnamese(&s);
    let last = lines.len().saturating_sub(1);
    for (k, line) in lines.iter().enumerate() {
        let Ok(u) = SpeechSynthesisUtterance::new_with_text(line) else {
            return false;
        };
        u.set_lang(LANG);
        u.set_voice(voice.as_ref());
        u.set_rate(RATE);
        let started = on_line.clone();
        let start = Closure::once_into_js(move || {
            if current(turn) {
                started.emit(Some(k));
            }
        });
        u.set_onstart(Some(start.unchecked_ref()));
        let failed = on_line.clone();
        let error = Closure::once_into_js(move || {
            if current(turn) {
                failed.emit(None);
            }
        });
        u.set_onerror(Some(error.unchecked_ref()));
        if k == last {
            let ended = on_line.clone();
            let end = Closure::once_into_js(move || {
                if current(turn) {
                    ended.emit(None);
                }
            });
            u.set_onend(Some(end.unchecked_ref()));
        }
        s.speak(&u);
    }
    true
}

/// Stops any reading at once (the screen changed, the voter tapped Stop).
pub fn stop() {
    next_turn();
    if let Some(s) = synth() {
        s.cancel();
    }
}
