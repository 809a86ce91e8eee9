// Benchmark: the core's tally and box fingerprint over 100,000 ballots in WebAssembly, in
// Node (V8, the engine of the tablet's Chromium; not throttled). The module is
// bench/wasm_tally (phieu-core with the app's release profile; bench/run builds it). For the
// demo poll (one question) and the 20-question survey it prints, median of R repetitions:
//   - tally: Tally::of over the ballots in memory;
//   - fingerprint: SHA-256 over the sorted commitments;
//   - close: every stored opening parsed, checked, re-hashed and cast into a box (what the
//     app does when voting closes, IndexedDB reads excluded), then the fingerprint.
// Casting the ballots (making and hashing them) is timed once, for information. A figure,
// never an assertion.
//   node bench/wasm_tally.mjs [WASM] [--ballots N] [--reps R] [--json FILE]
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const WASM =
  args[0] && !args[0].startsWith('--')
    ? args[0]
    : fileURLToPath(new URL('../target/bench-wasm/wasm32-unknown-unknown/release/phieu_bench_wasm.wasm', import.meta.url));
const N = Number(opt('--ballots', 100_000));
const REPS = Number(opt('--reps', 5));
const JSON_OUT = opt('--json', null);

const bytes = await readFile(WASM);
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

const result = { ballots: N, reps: REPS, wasm_bytes: bytes.length, node: process.version, polls: {} };
console.log(`core in wasm (${(bytes.length / 1000).toFixed(0)} KB module, opt-level z), Node ${process.version}, ${N} ballots, median of ${REPS}:`);
for (const [index, name] of [[0, 'demo (1 question)'], [1, 'survey20 (20 questions)']]) {
  // A fresh instance per poll, so one poll's memory does not weigh on the other.
  const { instance } = await WebAssembly.instantiate(bytes, {});
  const w = instance.exports;
  const [cast, made] = timed(() => w.prepare(index, N));
  if (made !== N) throw new Error(`${name}: prepare made ${made} of ${N} ballots`);
  const runs = { tally: [], fingerprint: [], close: [] };
  for (let r = 0; r < REPS; r++) {
    const [t, counted] = timed(() => w.tally());
    if (counted !== N) throw new Error(`${name}: tally counted ${counted}`);
    runs.tally.push(t);
    const [f] = timed(() => w.fingerprint());
    runs.fingerprint.push(f);
    const [o, held] = timed(() => w.open_box());
    if (held !== N) throw new Error(`${name}: the box holds ${held}`);
    const [f2] = timed(() => w.fingerprint());
    runs.close.push(o + f2);
  }
  const m = Object.fromEntries(Object.entries(runs).map(([k, v]) => [k, median(v)]));
  result.polls[name] = {
    tally_ms: m.tally,
    fingerprint_ms: m.fingerprint,
    tally_and_fingerprint_ms: m.tally + m.fingerprint,
    close_ms: m.close,
    cast_ms: cast,
    opening_bytes: w.opening_bytes(),
    memory_mb: w.memory.buffer.byteLength / 1e6,
  };
  console.log(`  ${name}: tally ${m.tally.toFixed(1)} ms + fingerprint ${m.fingerprint.toFixed(1)} ms = ${(m.tally + m.fingerprint).toFixed(1)} ms;` +
    ` close from ${(w.opening_bytes() / 1e6).toFixed(1)} MB of openings ${m.close.toFixed(0)} ms; casting all ${cast.toFixed(0)} ms`);
}
console.log('  goal: 100 k ballots tallied in wasm within 0.3 s');
if (JSON_OUT) await writeFile(JSON_OUT, JSON.stringify(result, null, 2) + '\n');
