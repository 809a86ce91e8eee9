// The browser's speech synthesis replaced at the edge, for the read-aloud journeys (issue 20,
// item 1): headless Chromium has no voices, and a journey must see what would be spoken.

/** A speech synthesizer with one offline Vietnamese voice that records what it is asked to
 * say, speaking each utterance in a few milliseconds. */
export function stubSpeech() {
  const spoken = [];
  window.__spoken = spoken;
  const voice = { name: 'Tiếng Việt (thử)', lang: 'vi-VN', localService: true, voiceURI: 'test-vi', default: false };
  class Utterance {
    constructor(text) {
      Object.assign(this, { text, lang: '', voice: null, rate: 1, onstart: null, onend: null, onerror: null });
    }
  }
  let queue = [];
  let timer = null;
  const step = () => {
    timer = null;
    const u = queue.shift();
    if (!u) return;
    spoken.push({ text: u.text, lang: u.lang, voice: u.voice ? u.voice.name : null });
    u.onstart?.({});
    u.onend?.({});
    if (queue.length) timer = setTimeout(step, 5);
  };
  const synth = {
    speaking: false, pending: false, paused: false, onvoiceschanged: null,
    getVoices: () => [voice],
    speak(u) { queue.push(u); if (!timer) timer = setTimeout(step, 5); },
    cancel() { const q = queue; queue = []; for (const u of q) u.onerror?.({ error: 'canceled' }); },
    pause() {}, resume() {}, addEventListener() {}, removeEventListener() {},
  };
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
  window.SpeechSynthesisUtterance = Utterance;
}

