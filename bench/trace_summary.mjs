// Summarises a Chromium performance trace written by `bench/first_load.mjs --trace DIR`: where
// the time went between navigation start and the first clickable question (or the first
// interactive element), on the page's main thread and off it.
//   node bench/trace_summary.mjs TRACE.json
// Prints:
//   - each request: when it was sent, its first byte and its end, and its encoded size;
//   - the main thread's busy time by kind (self time of each trace event, as DevTools' bottom-up
//     view counts it): HTML parsing, script compile, script run, WebAssembly, style and layout,
//     paint, garbage collection, other work inside tasks; and the idle rest;
//   - its longest tasks, each with what took most of it;
//   - WebAssembly events on every thread of the page's process (compile off the main thread).
import { readFile } from 'node:fs/promises';

const file = process.argv[2];
if (!file) {
  console.error('usage: node bench/trace_summary.mjs TRACE.json');
  process.exit(2);
}
const trace = JSON.parse(await readFile(file, 'utf8'));
const events = trace.traceEvents ?? trace;

// The page: the renderer whose main frame navigated to the benchmark's server.
const nav = events.find(
  (e) => e.name === 'navigationStart' && /^https?:\/\/127\.0\.0\.1/.test(e.args?.data?.documentLoaderURL ?? ''),
);
if (!nav) throw new Error(`${file}: no navigation to 127.0.0.1 in the trace`);
const { pid, tid } = nav;
const t0 = nav.ts;
const mark =
  events.find((e) => e.pid === pid && e.name === 'bench:first-question') ??
  events.find((e) => e.pid === pid && e.name === 'bench:first-interactive');
if (!mark) throw new Error(`${file}: the probe left no mark`);
const end = mark.ts;
const ms = (us) => (us / 1000).toFixed(1);
console.log(`${file}`);
console.log(`  ${nav.args.data.documentLoaderURL}: ${mark.name} at ${ms(end - t0)} ms after navigation start (traced, so slower than untraced runs)`);

// Requests.
const sent = new Map();
for (const e of events) {
  const d = e.args?.data;
  // The page's own requests (the browser's own pages load chrome:// files meanwhile).
  if (!d?.requestId || e.pid !== pid) continue;
  if (e.name === 'ResourceSendRequest' && /^https?:/.test(d.url)) sent.set(d.requestId, { url: d.url, start: e.ts });
  const r = sent.get(d.requestId);
  if (!r) continue;
  if (e.name === 'ResourceReceiveResponse') r.response = e.ts;
  if (e.name === 'ResourceFinish') {
    r.finish = e.ts;
    r.bytes = d.encodedDataLength;
  }
}
console.log('  requests (ms after navigation start: sent, first byte, done; encoded KB):');
for (const r of [...sent.values()].sort((a, b) => a.start - b.start)) {
  if (r.start > end + 2e6) continue;
  const path = r.url.replace(/^https?:\/\/[^/]+/, '');
  const at = (t) => (t ? ms(t - t0).padStart(7) : '      -');
  console.log(`    ${at(r.start)} ${at(r.response)} ${at(r.finish)}  ${((r.bytes ?? 0) / 1000).toFixed(1).padStart(6)}  ${path}`);
}

// Main thread self time, by kind, between navigation start and the mark.
const KINDS = [
  ['HTML parse', /^(ParseHTML|ParseAuthorStyleSheet)$/],
  ['WebAssembly', /wasm/i],
  ['script compile', /compile|parse|V8\.(CompileCode|PreParse|ParseFunction|CollectSourcePositions)|Streaming|Maglev|Sparkplug|Turbofan|Ignition/i],
  ['garbage collection', /GC|Scavenge|MarkCompact|Sweep/],
  ['style and layout', /^(UpdateLayoutTree|Layout|RecalculateStyles|HitTest|IntersectionObserverController::computeIntersections|UpdateLayer|LayoutShift)/],
  ['paint', /Paint|Layerize|Commit|Rasteriz|Composite|PrePaint|Decode/],
  ['script run', /^(EvaluateScript|FunctionCall|RunMicrotasks|TimerFire|FireAnimationFrame|EventDispatch|v8\.|V8\.|BlinkScheduler_PerformMicrotaskCheckpoint|v8\.callFunction|v8\.run|CpuProfiler|XHR|Fetch)/],
];
const kindOf = (name) => KINDS.find(([, re]) => re.test(name))?.[0] ?? 'other work in tasks';
const main = events
  .filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.ts >= t0 && e.ts < end)
  .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
const self = new Map();
const byName = new Map();
const stack = [];
const tasks = [];
let busy = 0;
for (const e of main) {
  const d = Math.min(e.dur ?? 0, end - e.ts);
  while (stack.length && stack.at(-1).until <= e.ts) stack.pop();
  const parent = stack.at(-1);
  if (parent) {
    parent.self -= d;
    parent.children.push(e);
  } else {
    busy += d;
    tasks.push(e);
  }
  const node = { e, until: e.ts + d, self: d, children: [] };
  e._node = node;
  stack.push(node);
}
for (const e of main) {
  const s = Math.max(0, e._node.self);
  const k = kindOf(e.name);
  self.set(k, (self.get(k) ?? 0) + s);
  byName.set(e.name, (byName.get(e.name) ?? 0) + s);
}
const span = end - t0;
console.log(`  main thread, navigation start to the mark: ${ms(span)} ms, busy ${ms(busy)} ms, idle ${ms(span - busy)} ms`);
for (const [k, v] of [...self.entries()].sort((a, b) => b[1] - a[1])) {
  console.log(`    ${k.padEnd(22)} ${ms(v).padStart(8)} ms`);
}
console.log('  busiest event names (self time):');
for (const [n, v] of [...byName.entries()].sort((a, b) => b[1] - a[1]).slice(0, 10)) {
  console.log(`    ${ms(v).padStart(8)} ms  ${n}`);
}

// The longest tasks, with the event that took most of each.
const heaviest = (e) => {
  let best = e;
  const walk = (n) => {
    for (const c of n._node.children) {
      if (/^(EvaluateScript|FunctionCall|v8\.compile|v8\.compileModule|v8\.evaluateModule|ParseHTML|Layout|UpdateLayoutTree|Paint|RunMicrotasks|FireAnimationFrame|TimerFire)$/.test(c.name) || /wasm/i.test(c.name)) {
        if (best === e || (c.dur ?? 0) > (best.dur ?? 0)) best = c;
      }
      walk(c);
    }
  };
  walk(e);
  const d = best.args?.data ?? {};
  const url = (d.url ?? d.stackTrace?.[0]?.url ?? d.frames?.[0]?.url ?? '').replace(/^https?:\/\/[^/]+/, '');
  return best === e ? '' : `${best.name} ${ms(best.dur ?? 0)} ms${url ? ` (${url})` : ''}`;
};
console.log('  longest main-thread tasks (start, duration, what took most of it):');
for (const t of [...tasks].sort((a, b) => b.dur - a.dur).slice(0, 8).sort((a, b) => a.ts - b.ts)) {
  console.log(`    ${ms(t.ts - t0).padStart(7)} ms  ${ms(Math.min(t.dur, end - t.ts)).padStart(7)} ms  ${heaviest(t)}`);
}

// WebAssembly on any thread of the process.
const wasm = new Map();
for (const e of events) {
  if (e.pid !== pid || !/wasm/i.test(e.name ?? '') || e.ph !== 'X' || e.ts < t0 || e.ts > end) continue;
  const key = `${e.name}${e.tid === tid ? ' (main thread)' : ''}`;
  const w = wasm.get(key) ?? { total: 0, first: e.ts, last: e.ts + (e.dur ?? 0), n: 0 };
  w.total += e.dur ?? 0;
  w.first = Math.min(w.first, e.ts);
  w.last = Math.max(w.last, e.ts + (e.dur ?? 0));
  w.n++;
  wasm.set(key, w);
}
if (wasm.size) {
  console.log('  WebAssembly events in the page process (total, window in ms after navigation start):');
  for (const [k, w] of [...wasm.entries()].sort((a, b) => b[1].total - a[1].total).slice(0, 12)) {
    console.log(`    ${ms(w.total).padStart(8)} ms  ${ms(w.first - t0)}–${ms(w.last - t0)}  ×${w.n}  ${k}`);
  }
}
