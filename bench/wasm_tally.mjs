// Benchmark: the core's tally and box fingerprint over 100,000 ballots in WebAssembly, in
// headless Chromium (the tablet's engine; not throttled), or in Node with --node. The module
// is bench/wasm_tally (phieu-core with the app's release profile; bench/run builds it and runs
// wasm-opt on it). For the demo poll (one question) and the 20-question survey it prints,
// median of R repetitions:
//   - tally: Tally::of over the ballots in memory;
//   - fingerprint: SHA-256 over the sorted commitments;
//   - close: what the app does when it reads a box back (`load_box` in src/effects.rs: after a
//     reload, to close, to open a past meeting), in a fresh instance whose memory grows as
//     the app's does: every stored opening (kept as JavaScript strings, as IndexedDB hands
//     them over) copied into the module as wasm-bindgen's glue copies a string, parsed, checked,
//     re-hashed and cast into a box, in the app's slices (about 30 ms each, a MessageChannel
//     turn between them), then the fingerprint, which must equal the prepared box's: the time
//     from the first opening to the fingerprint, turns included, and the longest slice, the
//     longest task the page runs meanwhile (the fingerprint apart: the app takes it later). IndexedDB reads are not included. Also, once, the
//     same close again in that instance, whose memory has already grown.
// Casting the ballots (making and hashing them) is timed once, for information. A figure,
// never an assertion.
//   node bench/wasm_tally.mjs [WASM] [--ballots N] [--reps R] [--slice-ms MS] [--node] [--json FILE]
import { readFile, writeFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch } from '../tests/e2e/support.mjs';
import { serveGzip } from './first_load/serve_gzip.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const WASM =
  args[0] && !args[0].startsWith('--')
    ? args[0]
    : fileURLToPath(new URL('../target/bench-wasm/wasm32-unknown-unknown/release/phieu_bench_wasm.opt.wasm', import.meta.url));
const N = Number(opt('--ballots', 100_000));
const REPS = Number(opt('--reps', 5));
const JSON_OUT = opt('--json', null);
const IN_NODE = args.includes('--node');
// The app's slice of work between two turns of the page (SLICE_MS in src/effects.rs);
// --slice-ms Infinity closes in one task, as the app did before it sliced.
const SLICE_MS = Number(opt('--slice-ms', 30));

/**
 * The whole measurement, self-contained so that it runs as is in Node or in a page.
 * `bytes` is the module (an ArrayBuffer or a URL to fetch it from).
 */
async function measure({ source, n, reps, SLICE_MS }) {
  const bytes = typeof source === 'string' ? await (await fetch(source)).arrayBuffer() : source;
  const module = await WebAssembly.compile(bytes);
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();
  const median = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    const m = s.length >> 1;
    return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
  };
  const timed = (f) => {
    const t = performance.now();
    const r = f();
    return [performance.now() - t, r];
  };
  const instance = async () => (await WebAssembly.instantiate(module, {})).exports;
  // Copies `text` into the module's input buffer as the app's glue passes a string to Rust
  // (wasm-bindgen's passStringToWasm0, which `JsValue::as_string` runs for each stored
  // opening): ASCII written one code unit at a time straight into wasm memory; from the first
  // other character on, room for three bytes each and `encodeInto`. Returns the UTF-8 length.
  const pass = (w, text) => {
    const len = text.length;
    let at = w.input(len);
    let mem = new Uint8Array(w.memory.buffer);
    let off = 0;
    for (; off < len; off++) {
      const code = text.charCodeAt(off);
      if (code > 0x7f) break;
      mem[at + off] = code;
    }
    if (off === len) return len;
    // The glue reallocates, keeping the ASCII prefix; the input buffer starts afresh, so the
    // prefix is written again.
    const rest = text.slice(off);
    at = w.input(off + rest.length * 3);
    mem = new Uint8Array(w.memory.buffer);
    for (let i = 0; i < off; i++) mem[at + i] = text.charCodeAt(i);
    return off + encoder.encodeInto(rest, mem.subarray(at + off, at + off + rest.length * 3)).written;
  };
  // The page's turn between two slices of the close, as the app's `edge::pause::turn`: a
  // message posted to itself through a MessageChannel.
  const turn = () =>
    new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  // Closes a box of `poll` from `openings` in instance `w` as the app's `load_box` does: in
  // slices of about SLICE_MS (the clock read every 16 openings), the page given a turn between
  // them; after more than one slice, the box is built in a slice of its own. Returns the fingerprint word, the wall time
  // from the first opening to the fingerprint (turns included), every slice's length, and the
  // time of the fingerprint, taken after the last slice (the app takes it in a task of its own).
  const close = async (w, poll, openings) => {
    const begun = performance.now();
    if (w.begin_close(poll, openings.length) !== 1) throw new Error('begin_close');
    let damaged = 0;
    const slices = [];
    let start = begun;
    for (let i = 0; i < openings.length; i++) {
      if (i % 16 === 0 && i > 0 && performance.now() - start >= SLICE_MS) {
        slices.push(performance.now() - start);
        await turn();
        start = performance.now();
      }
      if (w.cast_opening(pass(w, openings[i])) !== 1) damaged++;
    }
    if (damaged) throw new Error(`${damaged} openings refused`);
    // A box that took more than one slice is built in a slice of its own.
    if (slices.length > 0) {
      slices.push(performance.now() - start);
      await turn();
      start = performance.now();
    }
    const building = performance.now();
    if (w.finish_close(openings.length) !== 1) throw new Error('finish_close: a repeat or a missing ballot');
    const built = performance.now();
    const finish = built - building;
    slices.push(built - start);
    const word = w.closed_fingerprint() >>> 0;
    const end = performance.now();
    return { word, ms: end - begun, slices, finish_ms: finish, fingerprint_ms: end - built };
  };
  const polls = {};
  for (const [index, name] of [[0, 'demo (1 question)'], [1, 'survey20 (20 questions)']]) {
    const w = await instance();
    const [cast, made] = timed(() => w.prepare(index, n));
    if (made !== n) throw new Error(`${name}: prepare made ${made} of ${n} ballots`);
    const openings = [];
    for (let i = 0; i < w.openings(); i++) {
      openings.push(decoder.decode(new Uint8Array(w.memory.buffer, w.opening_ptr(i), w.opening_len(i))));
    }
    const expected = w.fingerprint() >>> 0;
    const runs = { tally: [], fingerprint: [], close: [], slice: [], slices: [], finish: [], close_fingerprint: [] };
    let again = null;
    for (let r = 0; r < reps; r++) {
      const [t, counted] = timed(() => w.tally());
      if (counted !== n) throw new Error(`${name}: tally counted ${counted}`);
      runs.tally.push(t);
      const [f] = timed(() => w.fingerprint());
      runs.fingerprint.push(f);
      // A fresh instance: its memory starts small and grows while the box fills, as the app's.
      const fresh = await instance();
      const closed = await close(fresh, index, openings);
      if (closed.word !== expected) throw new Error(`${name}: the closed box's fingerprint differs`);
      runs.close.push(closed.ms);
      runs.slice.push(Math.max(...closed.slices));
      runs.slices.push(closed.slices.length);
      runs.finish.push(closed.finish_ms);
      runs.close_fingerprint.push(closed.fingerprint_ms);
      if (r === 0) again = (await close(fresh, index, openings)).ms;
    }
    const m = Object.fromEntries(Object.entries(runs).map(([k, v]) => [k, median(v)]));
    polls[name] = {
      tally_ms: m.tally,
      fingerprint_ms: m.fingerprint,
      tally_and_fingerprint_ms: m.tally + m.fingerprint,
      close_ms: m.close,
      close_runs_ms: runs.close,
      close_longest_slice_ms: Math.max(...runs.slice),
      close_slices: m.slices,
      close_finish_ms: m.finish,
      close_fingerprint_ms: m.close_fingerprint,
      close_again_ms: again,
      cast_ms: cast,
      opening_bytes: w.opening_bytes(),
    };
  }
  return { wasm_bytes: bytes.byteLength, polls };
}

let engine;
let measured;
if (IN_NODE) {
  engine = `Node ${process.version}`;
  measured = await measure({ source: (await readFile(WASM)).buffer, n: N, reps: REPS, SLICE_MS });
} else {
  const server = await serveGzip([['/', dirname(WASM)]]);
  const browser = await launch();
  try {
    engine = `Chromium ${browser.version()}`;
    const page = await browser.newPage();
    await page.goto(server.url + 'nothing-here');
    measured = await page.evaluate(measure, { source: server.url + basename(WASM), n: N, reps: REPS, SLICE_MS });
  } finally {
    await browser.close();
    await server.close();
  }
}

const result = { ballots: N, reps: REPS, engine, ...measured };
console.log(`core in wasm (${(measured.wasm_bytes / 1000).toFixed(0)} KB module, opt-level z), ${engine}, ${N} ballots, median of ${REPS}:`);
for (const [name, r] of Object.entries(measured.polls)) {
  console.log(`  ${name}: tally ${r.tally_ms.toFixed(1)} ms + fingerprint ${r.fingerprint_ms.toFixed(1)} ms = ${r.tally_and_fingerprint_ms.toFixed(1)} ms`);
  console.log(
    `    close from ${(r.opening_bytes / 1e6).toFixed(1)} MB of openings: ${r.close_ms.toFixed(0)} ms ` +
      `(runs: ${r.close_runs_ms.map((x) => x.toFixed(0)).join(', ')}; again in the grown instance: ${r.close_again_ms.toFixed(0)} ms); ` +
      `casting them all: ${r.cast_ms.toFixed(0)} ms`,
  );
  console.log(
    `    in ${r.close_slices} slices of ~${SLICE_MS} ms with a turn between: longest ${r.close_longest_slice_ms.toFixed(1)} ms ` +
      `(building the box: ${r.close_finish_ms.toFixed(1)} ms, in the last); then its fingerprint ${r.close_fingerprint_ms.toFixed(1)} ms`,
  );
}
console.log('  goals: 100 k ballots tallied in wasm within 0.3 s; a 100 k survey20 box closed within 0.5 s, no slice over 50 ms');
if (JSON_OUT) await writeFile(JSON_OUT, JSON.stringify(result, null, 2) + '\n');
