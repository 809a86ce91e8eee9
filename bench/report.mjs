// Writes the figures of one bench/run into a Markdown file: the machine, a table of every
// figure with its goal, the ratio to the goal and whether it is met, then the details and how
// to reproduce. In an existing file only the part between the two markers below is replaced,
// so hand-written findings after it are kept.
//   node bench/report.mjs OUT_DIR FILE [--quick]
import { readFile, writeFile } from 'node:fs/promises';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { execSync } from 'node:child_process';
import os from 'node:os';
import { join } from 'node:path';

const [dir, target] = process.argv.slice(2);
const quick = process.argv.includes('--quick');
// With bench/run --reuse-native: when the verify and ingest figures were measured.
const appNote = process.argv.includes('--app-note') ? process.argv[process.argv.indexOf('--app-note') + 1] : null;
const nativeFrom = process.argv.includes('--native-from') ? process.argv[process.argv.indexOf('--native-from') + 1] : null;
if (!dir || !target) {
  console.error('usage: node bench/report.mjs OUT_DIR FILE [--quick]');
  process.exit(2);
}
const BEGIN = '<!-- bench/run writes from here to the end marker; edit outside it. -->';
const END = '<!-- end of bench/run -->';

const json = (name) => (existsSync(join(dir, name)) ? JSON.parse(readFileSync(join(dir, name), 'utf8')) : null);
const text = (name) => (existsSync(join(dir, name)) ? readFileSync(join(dir, name), 'utf8') : '');
const load = (name) => {
  const t = text(`load.${name}`).trim();
  return t ? t.split(/\s+/).join(' → ') : '—';
};
const sh = (cmd) => {
  try {
    return execSync(cmd, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return '?';
  }
};

const firstLoad = json('first_load.json');
const cast = json('cast_latency.json');
const wasm = json('wasm_tally.json');
const verify = json('verify.json');
const verifyCore = text('verify_million.txt');
const ingest = text('ingest.txt');

const rows = [];
// Adds a row. `goal` is [direction, value, unit text] or null for a reference figure.
const row = (figure, measured, goal, value, loadName, note = '') => {
  let ratio = '—';
  let verdict = '—';
  if (goal && value !== null && Number.isFinite(value)) {
    const [dirn, g] = goal;
    ratio = `${(value / g).toFixed(2)}`;
    verdict = (dirn === '<=' ? value <= g : value >= g) ? 'met' : '**missed**';
  } else if (goal) {
    verdict = 'not measured';
  }
  if (nativeFrom && (loadName === 'verify' || loadName === 'ingest')) figure += ` (measured ${nativeFrom})`;
  rows.push(`| ${figure} | ${measured} | ${goal ? goal[2] : 'reference'} | ${ratio} | ${verdict}${note ? ` ${note}` : ''} | ${load(loadName)} |`);
};
const kb = (b) => `${(b / 1000).toFixed(1)} KB`;
const range = (s, f) => (s.min === s.max ? f(s.median) : `${f(s.median)} (${f(s.min)}–${f(s.max)})`);
const msf = (x) => `${x.toFixed(0)} ms`;

if (firstLoad) {
  const p = firstLoad.pages.phieu;
  const s = firstLoad.pages.SurveyJS;
  if (p) {
    if (p.bytes_before && !p.fallback) {
      row('First load, phieu `survey.html` (the field-survey page): transferred before its first question is answerable, gzip', range(p.bytes_before, kb), ['<=', 150_000, '≤ 150 KB'], p.bytes_before.median, 'first_load');
      if (p.mobile_bytes_before) row(`The same on the mobile network (${firstLoad.network})`, range(p.mobile_bytes_before, kb), ['<=', 150_000, '≤ 150 KB'], p.mobile_bytes_before.median, 'first_load');
      row('First load, phieu `survey.html`: transferred in all (the app\'s wasm included, until the network is quiet)', range(p.bytes, kb), null, null, 'first_load');
    } else {
      const label = p.fallback
        ? 'First load, phieu **`index.html` as it is** (the field-survey route does not exist yet): transferred, gzip'
        : 'First load, phieu `survey.html` (the field-survey page, to its first question): transferred, gzip';
      row(label, range(p.bytes, kb), ['<=', 150_000, '≤ 150 KB'], p.bytes.median, 'first_load');
    }
  }
  if (s) row('First load, SurveyJS: transferred, gzip', range(s.bytes, kb), null, null, 'first_load');
  if (p && s) {
    rows.push(`| bytes, phieu ÷ SurveyJS | ${firstLoad.ratio.bytes.toFixed(2)}× | reference | — | — | ${load('first_load')} |`);
  }
  if (p && !p.fallback) {
    row(`Time to the first answerable question, phieu (CPU 4×; a tap at that moment kept in ${p.actionable} of ${firstLoad.runs})`, range(p.time_ms, msf), null, null, 'first_load');
    if (p.mobile_time_ms) row(`The same on a mobile network (${firstLoad.network}; kept in ${p.mobile_kept} of ${firstLoad.runs})`, range(p.mobile_time_ms, msf), null, null, 'first_load');
  } else if (p) {
    row(`Time to the first interactive element of \`index.html\`, phieu (CPU 4×): **not** the first question (${p.element})`, range(p.time_ms, msf), null, null, 'first_load');
  }
  if (s) row('Time to the first answerable question, SurveyJS (CPU 4×)', range(s.time_ms, msf), null, null, 'first_load');
  if (s?.mobile_time_ms) row(`The same on a mobile network, SurveyJS (${firstLoad.network})`, range(s.mobile_time_ms, msf), null, null, 'first_load');
  if (p && s) {
    if (p.fallback) {
      rows.push(`| time, phieu ÷ SurveyJS | ${firstLoad.ratio.time.toFixed(2)}× (different measurements: not comparable) | ≤ 0.5× | — | not measured | ${load('first_load')} |`);
    } else {
      row('time, phieu ÷ SurveyJS', `${firstLoad.ratio.time.toFixed(2)}×`, ['<=', 0.33, '≤ 0.33×'], firstLoad.ratio.time, 'first_load');
      if (firstLoad.ratio.mobile_time) {
        row('time on the mobile network, phieu ÷ SurveyJS', `${firstLoad.ratio.mobile_time.toFixed(2)}×`, ['<=', 0.33, '≤ 0.33×'], firstLoad.ratio.mobile_time, 'first_load');
      }
    }
  }
}
for (const [name, x] of Object.entries(firstLoad?.extras ?? {})) {
  // The embedded poll is held to the survey page's size goal (issue 21); the tablet and the
  // office are reported.
  const embedded = /embed|phieu-poll/.test(name);
  const what = x.measured === 'question' ? 'its first answerable question' : `its first screen (first control: ${x.element})`;
  row(`First load, ${name.replace(/^phieu /, 'phieu ')}: transferred before ${what}, gzip (${x.runs} loads, local network; in all ${kb(x.bytes.median)})`, range(x.bytes_before, kb), embedded ? ['<=', 150_000, '≤ 150 KB'] : null, x.bytes_before.median, 'first_load');
  row(`Time to it, ${name} (CPU 4×)`, range(x.time_ms, msf), null, null, 'first_load');
}
if (cast) {
  row(`Confirm → durable in IndexedDB, median of ${cast.casts} casts`, msf(cast.median_ms), ['<=', 30, '≤ 30 ms'], cast.median_ms, 'cast_latency');
  row(`Confirm → durable in IndexedDB, p99 of ${cast.casts} casts`, msf(cast.p99_ms), ['<=', 100, '≤ 100 ms'], cast.p99_ms, 'cast_latency');
}
if (wasm) {
  const n = wasm.ballots.toLocaleString('en');
  for (const [poll, r] of Object.entries(wasm.polls)) {
    row(`Tally + fingerprint of ${n} ballots in wasm, ${poll}`, `${r.tally_and_fingerprint_ms.toFixed(0)} ms (${r.tally_ms.toFixed(0)} + ${r.fingerprint_ms.toFixed(0)})`, ['<=', 300, '≤ 0.3 s'], r.tally_and_fingerprint_ms, 'wasm_tally');
  }
  for (const [poll, r] of Object.entries(wasm.polls)) {
    row(`Closing a box of ${n} stored ballots in wasm (parse, re-hash, count, fingerprint), ${poll}`, `${(r.close_ms / 1000).toFixed(2)} s`, ['<=', 500, '≤ 0.5 s (issue 21)'], r.close_ms, 'wasm_tally');
  }
  for (const [poll, r] of Object.entries(wasm.polls)) {
    if (r.close_longest_slice_ms === undefined) continue;
    row(`Longest task while closing that box in the app's slices (${r.close_slices} of ~30 ms), ${poll}`, `${r.close_longest_slice_ms.toFixed(0)} ms`, ['<=', 50, '≤ 50 ms'], r.close_longest_slice_ms, 'wasm_tally');
  }
}
if (verify) {
  const r = verify.phieu_verify_ms / verify.openssl_ms;
  row(
    `\`phieu verify\` on ${verify.ballots.toLocaleString('en')} ballots (${(verify.bytes / 1048576).toFixed(0)} MiB) vs \`openssl dgst -sha256\`, best of 3`,
    `${(verify.phieu_verify_ms / 1000).toFixed(2)} s vs ${(verify.openssl_ms / 1000).toFixed(2)} s = ${r.toFixed(1)}×`,
    ['<=', 5, '≤ 5×'],
    r,
    'verify',
  );
}
const core = verifyCore.match(/read \+ verify \(best of 3\): ([\d.]+) s; openssl dgst -sha256 \(best of 3\): ([\d.]+) s/);
if (core) {
  const r = Number(core[1]) / Number(core[2]);
  row('the same in-process (`AuditBundle::verify`, file read included; `verify_million`)', `${core[1]} s vs ${core[2]} s = ${r.toFixed(1)}×`, ['<=', 5, '≤ 5×'], r, 'verify');
}
const rates = (label) => {
  const line = ingest.split('\n').find((l) => l.startsWith(`ingest (${label}`));
  if (!line) return null;
  if (/SKIP/.test(line)) return { line };
  const [fresh, again] = [...line.matchAll(/(\d[\d,]*)\/s/g)].map((m) => Number(m[1].replace(/,/g, '')));
  return { line, fresh, again };
};
const sqlite = rates('SQLite');
if (sqlite) {
  row('Collector ingest, SQLite, new bundles per second (8 clients, loopback)', `${sqlite.fresh}/s (resends ${sqlite.again}/s)`, ['>=', 1000, '≥ 1,000/s'], sqlite.fresh, 'ingest');
}
const pg = rates('PostgreSQL');
if (pg?.fresh) row('Collector ingest, PostgreSQL, new bundles per second', `${pg.fresh}/s (resends ${pg.again}/s)`, null, null, 'ingest');
else if (pg) rows.push(`| Collector ingest, PostgreSQL | ${pg.line.replace(/\|/g, '\\|')} | reference | — | — | ${load('ingest')} |`);

const chromium = firstLoad?.chromium ?? sh('/usr/bin/chromium --version');
const cpu = (readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.*)/) ?? [])[1] ?? os.cpus()[0]?.model ?? '?';
const commit = sh('git rev-parse --short HEAD') + (sh('git status --porcelain --untracked-files=no') ? ' (with uncommitted changes)' : '');
const now = new Date();
const traces = readdirSync(dir).filter((f) => f.endsWith('.summary.txt')).sort();
const fence = (s) => '```\n' + s.trim() + '\n```';

const section = [
  BEGIN,
  '',
  quick ? '> **A `--quick` smoke run: fewer runs, casts and ballots. Not the figures of record.**\n' : '',
  `Measured ${now.toISOString().slice(0, 16).replace('T', ' ')} UTC at commit ${commit} by \`bench/run${quick ? ' --quick' : ''}\`.` +
    (appNote ? ` The app measured: ${appNote}.` : ''),
  '',
  `Machine: ${os.availableParallelism()} CPUs (\`nproc\`), ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM; ${sh('. /etc/os-release && echo "$PRETTY_NAME"')}; ` +
    `Chromium ${chromium} (headless, system package); Node ${process.version}; ${sh('rustc --version')}. ` +
    'The machine is shared with other builds: the last column is the 1-minute load average before and after each figure.',
  '',
  '| figure | measured | goal | measured ÷ goal | verdict | load avg (1 min) |',
  '|---|---|---|---|---|---|',
  ...rows,
  '',
  '### How each figure is measured',
  '',
  `- **First load** (\`bench/first_load.mjs\`): phieu's release build (Trunk, release, wasm-opt -Oz) opened at \`${firstLoad?.pages.phieu ? new URL(firstLoad.pages.phieu.url).pathname.slice(1) + new URL(firstLoad.pages.phieu.url).search + new URL(firstLoad.pages.phieu.url).hash : 'survey.html?src=polls/survey20.json'}\`, and \`bench/first_load/surveyjs/index.html\`: survey-core + survey-js-ui **2.5.38** (survey-core 3.1.1 exists, but survey-js-ui's latest release is 2.5.38 and it requires the matching core) with the default theme's stylesheet (its fontless build: the regular one only adds Open Sans from fonts.gstatic.com, which would add bytes to SurveyJS) and its Vietnamese strings, fetching the same 20 questions as SurveyJS JSON. Both served by one Node server on 127.0.0.1 that sends every file gzip -9 with \`Content-Encoding: gzip\`. ${firstLoad ? firstLoad.runs : 10} loads of each, alternating, after one discarded warm-up each; every load in a fresh browser context (no cache, no storage, service workers blocked), HTTP cache disabled (\`Network.setCacheDisabled\`), CPU throttled ${firstLoad?.throttle ?? 4}× (\`Emulation.setCPUThrottlingRate\`, which slows the page's main thread; V8's and Blink's background threads, including wasm and script compilation off the main thread, run at full speed on this machine). Bytes: the sum of \`encodedDataLength\` of every request (gzip body and headers) until the network is quiet for 500 ms after the question is clickable (*in all*), and of those the bytes received before the question was answerable (*before*: each request finished by then, plus what \`Network.dataReceived\` had brought of those still under way; issue 21's goal). phieu's survey page draws its first question from the poll with a small script before its wasm has loaded (\`assets/first-question.js\`; ARCHITECTURE.md): a tap on it counts because the app takes it over, and the benchmark checks the answer on the app's own drawing once that one is gone. Time: the page's own clock from navigation start to the first animation frame in which the first question's text is in the page and its first option ("Hài lòng") is visible and enabled; the probe taps the option in that frame and, once the network is quiet, the benchmark checks the option is checked (a tap made at that moment was kept). Each page is also loaded, in the same run, on an emulated mobile network (\`Network.emulateNetworkConditions\`: 150 ms latency, 1.6 Mbit/s down, 750 kbit/s up). Then phieu's other pages, a few loads each (one warm-up discarded), local network, CPU 4×: the embedded poll in survey mode as a portal page's \`<phieu-poll>\` (\`bench/first_load/portal/\`) and as the iframe page \`embed.html\`, both to their first screen (the welcome, with Bắt đầu: the embedded poll opens on it in survey mode too), and the tablet (\`index.html\`) and the office (\`office.html\`), to their first interactive element.`,
  '- **Confirm → durable** (`bench/cast_latency.mjs`): test ballots in the logic-and-accuracy test (the real ballots\' write path), from the click on Xác nhận to the receipt, which the app shows only after the IndexedDB transaction (durability "strict") completed. Not throttled.',
  `- **Tally in wasm** (\`bench/wasm_tally.mjs\`, \`bench/wasm_tally/\`): phieu-core compiled for wasm32 with the app's release profile and wasm-opt -Oz, run in ${wasm?.engine ?? 'headless Chromium'} (not throttled). *Tally + fingerprint*: \`Tally::of\` over ballots in memory and the box fingerprint over their sorted commitments. *Closing a box*: what the app does when it reads a box back (\`src/effects.rs\`, \`load_box\`): each stored opening parsed, checked against the poll, re-hashed into its commitment and cast into a \`BallotBox\`, in the app\'s slices of about 30 ms with a MessageChannel turn between them (the box built in a slice of its own), then the fingerprint, in a fresh instance whose memory grows as the app\'s does, each opening handed over as a JavaScript string and copied in as wasm-bindgen copies one; the IndexedDB reads are not included. Median of ${wasm?.reps ?? 5}.`,
  '- **`phieu verify`**: `crates/core/examples/verify_million.rs` builds the bundle (one `single` item, the demo poll) and times the core\'s verify and openssl in-process; then the `phieu` binary (release, opt-level 3: see below) verifies the same file as a separate process, best of 3, against `openssl dgst -sha256` of that file, best of 3.',
  '- **Collector ingest** (`crates/collector/examples/bench_ingest.rs`): distinct bundles of 20 ballots POSTed by 8 concurrent clients on loopback to `phieu collect` on SQLite (durable: synchronous=FULL), then again (idempotent 200s); also on a throw-away PostgreSQL when one can be started.',
  '- The native programs are built with opt-level 3, thin LTO (the flags in each example\'s header); the workspace\'s release profile (opt-level "z", fat LTO) is tuned for the size of the tablet\'s wasm, and the wasm figures use it.',
  '',
  '### Output of this run',
  '',
  firstLoad
    ? fence(
        Object.entries(firstLoad.pages)
          .map(([name, p]) => `${name}: ${p.url}\n` + p.requests.map((r) => `  ${kb(r.bytes).padStart(9)}  ${r.path}`).join('\n') + `\n  throttle check (a fixed loop in the page): ${p.calibration_ms.throttled.toFixed(0)} ms throttled, ${p.calibration_ms.unthrottled.toFixed(0)} ms not; trial click actionable in ${p.actionable} of ${firstLoad.runs} runs`)
          .join('\n'),
      )
    : '',
  '',
  traces.length ? 'Chromium traces of one more load of each page (`bench/trace_summary.mjs`; tracing slows the page):\n' : '',
  ...traces.map((t) => fence(text(t))),
  '',
  text('wasm_tally.txt') ? fence(text('wasm_tally.txt')) : '',
  '',
  verifyCore || ingest ? fence([verifyCore, verify ? JSON.stringify(verify) : '', ingest].filter(Boolean).join('\n')) : '',
  '',
  '### Reproduce',
  '',
  '```sh',
  'bench/run            # builds what it needs (release), runs everything, rewrites this table (~20 min on 2 cores)',
  'bench/run --quick    # smoke run; writes target/bench/performance.md',
  'node bench/first_load.mjs --runs 10 --dist target/dist-bench --trace target/bench/traces',
  'node bench/trace_summary.mjs target/bench/traces/first_load-phieu.json',
  'PHIEU_DIST=target/dist-bench node bench/cast_latency.mjs 500',
  'node bench/wasm_tally.mjs target/bench-wasm/wasm32-unknown-unknown/release/phieu_bench_wasm.opt.wasm',
  '```',
  '',
  END,
].join('\n');

let doc;
if (existsSync(target)) {
  const old = await readFile(target, 'utf8');
  const a = old.indexOf(BEGIN);
  const b = old.indexOf(END);
  doc = a >= 0 && b > a ? old.slice(0, a) + section + old.slice(b + END.length) : old.trimEnd() + '\n\n' + section + '\n';
} else {
  doc = `# Performance\n\nFigures of every benchmark, measured side by side by one command, \`bench/run\`, against the goals of issue 10. Benchmarks print figures; nothing here is a timed test.\n\n${section}\n`;
}
await writeFile(target, doc.replace(/\n{3,}/g, '\n\n'));
console.log(`wrote ${target}`);
console.log(rows.join('\n'));
