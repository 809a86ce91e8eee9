// Benchmark: first load of phieu's field-survey form against SurveyJS rendering the same
// 20-question Vietnamese survey (assets/polls/survey20.json; bench/first_load/surveyjs/).
// Both are served gzip-compressed on 127.0.0.1 (bench/first_load/serve_gzip.mjs) and measured
// in one run, alternating (phieu first on even runs, SurveyJS first on odd ones), after one
// discarded warm-up load of each. Every load gets a fresh browser context (a fresh profile:
// no HTTP cache, no storage; service workers blocked), the HTTP cache disabled
// (Network.setCacheDisabled) and the CPU throttled 4× (Emulation.setCPUThrottlingRate), on two
// networks in the same run: the local one as it is, and a cheap phone's rural mobile link
// (Network.emulateNetworkConditions: 150 ms latency, 1.6 Mbit/s down, 750 kbit/s up). Per
// load it records:
//   - transferred bytes: the sum of Network.loadingFinished's encodedDataLength (gzip bodies
//     plus headers) of every request the page makes until the network is quiet for 500 ms
//     after the first question is clickable; and, of those, the bytes received before the
//     first question was answerable (issue 21's goal): every request finished by then, plus
//     what Network.dataReceived had brought of those still under way;
//   - time to the first answerable question: the page's own clock from navigation start to the
//     first frame in which the first question's first option is visible and enabled
//     (bench/first_load/pages.mjs, `probe`), which taps it in that frame; once the network is
//     quiet the benchmark checks that the option is checked: a tap made then was kept.
// Prints median, min and max of each and the ratios phieu/SurveyJS. Then, in the same run,
// phieu's other pages, a few loads each on the local network (--extra-runs, default 3): the
// embedded poll in survey mode, as a portal's <phieu-poll> (bench/first_load/portal/) and as
// the iframe page embed.html, to its first screen (the welcome, with Bắt đầu), the tablet
// (index.html) and the office (office.html), each to its first interactive element. A figure, never an assertion.
//
//   node bench/first_load.mjs [--runs N] [--dist DIR] [--phieu-path PATH] [--json FILE]
//                             [--trace DIR] [--only phieu|surveyjs] [--extra-runs N]
//
// --dist is phieu's release build (default: $PHIEU_DIST or dist/); --phieu-path the page and
// route opened on it (default survey.html?src=polls/survey20.json). When that page does
// not show the survey's first question within 60 s of the warm-up load, phieu is measured as
// "time to the first interactive element" instead, and every line says so. --trace DIR writes
// one Chromium performance trace per page (an extra load each, not counted) for
// bench/trace_summary.mjs.
import { writeFile, mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { launch } from '../tests/e2e/support.mjs';
import { FIRST, PHIEU_PATH, probe, root, servePhieu, serveSurveyjs } from './first_load/pages.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const RUNS = Number(opt('--runs', 10));
const DIST = resolve(opt('--dist', process.env.PHIEU_DIST ?? join(root, 'dist')));
const PHIEU = opt('--phieu-path', PHIEU_PATH);
const JSON_OUT = opt('--json', null);
const TRACE_DIR = opt('--trace', null);
const ONLY = opt('--only', null);
const EXTRA_RUNS = Number(opt('--extra-runs', 3));
/** phieu's other pages (issue 21: the embedded poll's bytes too; the tablet's and the office's reported). */
const EXTRAS = [
  // The embedded poll opens on its welcome screen (Bắt đầu), in survey mode too: its first
  // interactive element is that screen's.
  { name: 'phieu <phieu-poll> (embedded, survey mode)', slug: 'phieu-poll', path: 'bench-portal/', until: 'interactive' },
  { name: 'phieu embed.html (iframe, survey mode)', slug: 'embed', path: 'embed.html?mode=survey&src=polls/survey20.json', until: 'interactive' },
  { name: 'phieu index.html (the tablet)', slug: 'index', path: 'index.html', until: 'interactive' },
  { name: 'phieu office.html (the office)', slug: 'office', path: 'office.html', until: 'interactive' },
];
const THROTTLE = 4;
/** The networks each page is loaded on, in one run (issue 21). */
const NETWORKS = [
  { name: 'local', conditions: null },
  {
    name: 'mobile',
    what: '150 ms latency, 1.6 Mbit/s down, 750 kbit/s up',
    conditions: { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 },
  },
];
const QUESTION_TIMEOUT = 60_000;

// The timeline Chromium's DevTools records, plus V8's compile and WebAssembly events.
const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8',
  'v8.execute',
  'disabled-by-default-v8.compile',
  'v8.wasm',
  'disabled-by-default-v8.wasm.detailed',
  'blink.user_timing',
  'loading',
  'toplevel',
];

const CALIBRATION = () => {
  // A fixed piece of main-thread JavaScript, to show that the throttle is in force.
  const t = performance.now();
  let x = 0;
  for (let i = 0; i < 3e6; i++) x = (x * 31 + i) % 1000003;
  return { ms: performance.now() - t, x };
};

/**
 * One load of `url` in a fresh context. `until` is "question" or "interactive".
 * Returns { ms, bytes, requests, interactive, interactiveWhat, actionable, failed, foreign }.
 */
async function load(browser, url, until, { trace = null, calibrate = false, throttle = THROTTLE, network = null } = {}) {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 800 } });
  try {
    let finish;
    const done = new Promise((ok) => (finish = ok));
    await context.exposeBinding('__firstLoadDone', (_source, state) => finish(state));
    await context.addInitScript(probe, { ...FIRST, until, tap: until === 'question' });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const origin = new URL(url).origin;
    const requests = new Map();
    let bytes = 0;
    let inflight = 0;
    let lastActivity = Date.now();
    const failed = [];
    const foreign = [];
    // Network timestamps are the browser's monotonic clock; wallTime - timestamp maps them to
    // the page's clock (performance.timeOrigin + now()).
    let clockOffset = null;
    const received = [];
    cdp.on('Network.requestWillBeSent', (e) => {
      clockOffset ??= e.wallTime - e.timestamp;
      if (!requests.has(e.requestId)) inflight++;
      requests.set(e.requestId, { url: e.request.url, bytes: 0, finished: null });
      if (!e.request.url.startsWith(origin) && !e.request.url.startsWith('data:')) foreign.push(e.request.url);
      lastActivity = Date.now();
    });
    cdp.on('Network.dataReceived', (e) => received.push({ id: e.requestId, at: e.timestamp, bytes: e.encodedDataLength }));
    cdp.on('Network.loadingFinished', (e) => {
      const r = requests.get(e.requestId);
      if (r) {
        r.bytes = e.encodedDataLength;
        r.finished = e.timestamp;
      }
      bytes += e.encodedDataLength;
      inflight--;
      lastActivity = Date.now();
    });
    cdp.on('Network.loadingFailed', (e) => {
      failed.push(`${requests.get(e.requestId)?.url}: ${e.errorText}`);
      inflight--;
      lastActivity = Date.now();
    });
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    if (network) await cdp.send('Network.emulateNetworkConditions', network);
    if (trace) await browser.startTracing(page, { path: trace, screenshots: false, categories: TRACE_CATEGORIES });
    await page.goto(url, { waitUntil: 'commit' });
    const timeout = new Promise((_, no) =>
      setTimeout(() => no(new Error(`no ${until} within ${QUESTION_TIMEOUT / 1000} s`)), QUESTION_TIMEOUT),
    );
    let state;
    try {
      state = await Promise.race([done, timeout]);
    } catch (e) {
      const seen = await page.evaluate(() => window.__firstLoad).catch(() => null);
      return { error: e.message, seen };
    }
    // Quiet: nothing in flight for 500 ms (at most 15 s).
    const quietBy = Date.now() + 15_000;
    while ((inflight > 0 || Date.now() - lastActivity < 500) && Date.now() < quietBy) {
      await new Promise((ok) => setTimeout(ok, 100));
    }
    if (trace) await browser.stopTracing();
    // Bytes received by the moment the probe saw the question (or element) answerable.
    const mark = (state.timeOrigin + state[until]) / 1000 - clockOffset;
    let bytesBefore = 0;
    for (const [id, r] of requests) {
      if (r.finished !== null && r.finished <= mark) bytesBefore += r.bytes;
      else bytesBefore += received.filter((c) => c.id === id && c.at <= mark).reduce((sum, c) => sum + c.bytes, 0);
    }
    // The probe tapped the first option the frame it appeared: was the answer kept? Asked of the
    // app's own drawing, once a drawing made before it (survey.html's first question) is gone.
    let actionable = null;
    if (until === 'question') {
      await page.locator('#phieu-early').waitFor({ state: 'detached', timeout: 15_000 }).catch(() => {});
      const radio = page.getByRole('radio', { name: FIRST.option, exact: true }).first();
      actionable = await radio
        .isChecked({ timeout: 10_000 })
        .then((checked) => checked || 'the tap was lost: the option is not checked', (e) => e.message.split('\n')[0]);
    }
    const calibration = calibrate ? await page.evaluate(CALIBRATION) : null;
    return {
      ms: state[until],
      question: state.question,
      interactive: state.interactive,
      interactiveWhat: state.interactiveWhat,
      bytes,
      bytesBefore,
      requests: [...requests.values()],
      actionable,
      failed,
      foreign,
      calibration,
    };
  } finally {
    await context.close();
  }
}

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const median = s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
  return { median, min: s[0], max: s.at(-1), n: s.length };
};
const kb = (b) => `${(b / 1000).toFixed(1)} KB`;
const ms = (t) => `${t.toFixed(0)} ms`;

const phieuServer = ONLY === 'surveyjs' ? null : await servePhieu(DIST);
const surveyjsServer = ONLY === 'phieu' ? null : await serveSurveyjs();
const browser = await launch();
const pages = [];
if (phieuServer) pages.push({ name: 'phieu', url: phieuServer.url + PHIEU, until: 'question' });
if (surveyjsServer) pages.push({ name: 'SurveyJS', url: surveyjsServer.url, until: 'question' });
try {
  console.log(`first load, ${RUNS} runs each on each network (local; mobile: ${NETWORKS[1].what}), CPU throttled ${THROTTLE}×, cache disabled, fresh context per run`);
  for (const p of pages) {
    const warm = await load(browser, p.url, p.until, { calibrate: true });
    if (warm.error && p.name === 'phieu') {
      console.log(`  phieu: ${p.url} showed no first question (${warm.error}); measuring the time to the first interactive element of that page instead`);
      p.until = 'interactive';
      p.fallback = true;
      const again = await load(browser, p.url, p.until, { calibrate: true });
      if (again.error) throw new Error(`phieu: ${again.error}`);
      p.warm = again;
    } else if (warm.error) {
      throw new Error(`${p.name}: ${warm.error} (saw ${JSON.stringify(warm.seen)})`);
    } else {
      p.warm = warm;
    }
    const unthrottled = await load(browser, p.url, p.until, { calibrate: true, throttle: 1 });
    p.calibration = { throttled: p.warm.calibration.ms, unthrottled: unthrottled.calibration.ms };
    p.runs = [];
    p.mobile = [];
  }
  for (let i = 0; i < RUNS; i++) {
    const order = i % 2 ? [...pages].reverse() : pages;
    for (const net of NETWORKS) {
      for (const p of order) {
        const r = await load(browser, p.url, p.until, { network: net.conditions });
        if (r.error) throw new Error(`${p.name} run ${i + 1} (${net.name} network): ${r.error}`);
        (net.conditions ? p.mobile : p.runs).push(r);
      }
    }
  }
  if (TRACE_DIR) {
    await mkdir(TRACE_DIR, { recursive: true });
    for (const p of pages) {
      p.trace = join(TRACE_DIR, `first_load-${p.name.toLowerCase()}.json`);
      await load(browser, p.url, p.until, { trace: p.trace });
    }
  }

  const result = { runs: RUNS, throttle: THROTTLE, chromium: browser.version(), network: NETWORKS[1].what, pages: {} };
  for (const p of pages) {
    const time = stats(p.runs.map((r) => r.ms));
    const bytes = stats(p.runs.map((r) => r.bytes));
    const bytesBefore = stats(p.runs.map((r) => r.bytesBefore));
    const what = p.until === 'question' ? 'first question clickable' : 'first interactive element (NOT the first question)';
    const actionable = p.runs.filter((r) => r.actionable === true).length;
    console.log(`  ${p.name} (${p.url})`);
    const mobileBefore = stats(p.mobile.map((r) => r.bytesBefore));
    console.log(`    transferred before the first question: median ${kb(bytesBefore.median)} (min ${kb(bytesBefore.min)}, max ${kb(bytesBefore.max)}); on the mobile network ${kb(mobileBefore.median)} (min ${kb(mobileBefore.min)}, max ${kb(mobileBefore.max)})`);
    console.log(`    transferred in all: median ${kb(bytes.median)} (min ${kb(bytes.min)}, max ${kb(bytes.max)}), ${p.warm.requests.length} requests`);
    for (const r of p.warm.requests) console.log(`      ${kb(r.bytes).padStart(9)}  ${r.url.replace(/^https?:\/\/[^/]+/, '')}`);
    const mobile = stats(p.mobile.map((r) => r.ms));
    const mobileKept = p.mobile.filter((r) => r.actionable === true).length;
    console.log(`    ${what}: median ${ms(time.median)} (min ${ms(time.min)}, max ${ms(time.max)})`);
    console.log(`    the same on the mobile network (${NETWORKS[1].what}): median ${ms(mobile.median)} (min ${ms(mobile.min)}, max ${ms(mobile.max)})`);
    if (p.until === 'question') console.log(`    a tap on the first option the frame it appeared was kept in ${actionable} of ${p.runs.length} runs (${mobileKept} of ${p.mobile.length} on the mobile network)`);
    else console.log(`    the element: ${p.warm.interactiveWhat}`);
    for (const r of [...p.runs, ...p.mobile].filter((r) => r.actionable !== true && r.actionable !== null).slice(0, 1)) {
      console.log(`    WARNING: ${r.actionable}`);
    }
    console.log(`    throttle check (3 M-step loop in the page): ${ms(p.calibration.throttled)} throttled, ${ms(p.calibration.unthrottled)} unthrottled`);
    const problems = [...p.runs, ...p.mobile].flatMap((r) => [...r.failed, ...r.foreign.map((u) => `request outside the server: ${u}`)]);
    for (const line of new Set(problems)) console.log(`    WARNING: ${line}`);
    result.pages[p.name] = {
      url: p.url,
      measured: p.until,
      fallback: Boolean(p.fallback),
      element: p.until === 'interactive' ? p.warm.interactiveWhat : FIRST.option,
      time_ms: time,
      mobile_time_ms: mobile,
      mobile_kept: mobileKept,
      bytes,
      bytes_before: bytesBefore,
      mobile_bytes_before: mobileBefore,
      requests: p.warm.requests.map((r) => ({ path: r.url.replace(/^https?:\/\/[^/]+/, ''), bytes: r.bytes })),
      actionable,
      calibration_ms: p.calibration,
      trace: p.trace ?? null,
    };
  }
  const [a, b] = [result.pages.phieu, result.pages.SurveyJS];
  if (a && b) {
    result.ratio = {
      bytes: a.bytes.median / b.bytes.median,
      time: a.time_ms.median / b.time_ms.median,
      mobile_time: a.mobile_time_ms.median / b.mobile_time_ms.median,
    };
    const label = a.fallback ? ' (phieu: first interactive element, not the first question)' : '';
    console.log(`  ratio phieu/SurveyJS: bytes ${result.ratio.bytes.toFixed(2)}×, time ${result.ratio.time.toFixed(2)}×, time on the mobile network ${result.ratio.mobile_time.toFixed(2)}×${label}`);
    console.log('  goals: phieu <= 150 KB gzip; time <= 0.33× SurveyJS on both networks');
  }
  if (phieuServer && EXTRA_RUNS > 0) {
    result.extras = {};
    console.log(`phieu's other pages, ${EXTRA_RUNS} loads each, local network, CPU throttled ${THROTTLE}×:`);
    for (const x of EXTRAS) {
      const url = phieuServer.url + x.path;
      const runs = [];
      for (let i = 0; i < EXTRA_RUNS + 1; i++) {
        const r = await load(browser, url, x.until);
        if (r.error) throw new Error(`${x.name}: ${r.error}`);
        if (i > 0) runs.push(r); // the first is a warm-up
      }
      const time = stats(runs.map((r) => r.ms));
      const bytes = stats(runs.map((r) => r.bytes));
      const before = stats(runs.map((r) => r.bytesBefore));
      const kept = runs.filter((r) => r.actionable === true).length;
      const what = x.until === 'question' ? 'first answerable question' : `first interactive element (${runs[0].interactiveWhat})`;
      console.log(`  ${x.name} (${url})`);
      console.log(`    transferred before the ${what}: median ${kb(before.median)}; in all: median ${kb(bytes.median)}`);
      console.log(`    time to it: median ${ms(time.median)} (min ${ms(time.min)}, max ${ms(time.max)})${x.until === 'question' ? `; a tap then kept in ${kept} of ${runs.length}` : ''}`);
      for (const r of runs[0].requests) console.log(`      ${kb(r.bytes).padStart(9)}  ${r.url.replace(/^https?:\/\/[^/]+/, '')}`);
      let trace = null;
      if (TRACE_DIR) {
        trace = join(TRACE_DIR, `first_load-${x.slug}.json`);
        await load(browser, url, x.until, { trace });
      }
      result.extras[x.name] = {
        trace,
        url,
        measured: x.until,
        element: x.until === 'question' ? FIRST.option : runs[0].interactiveWhat,
        time_ms: time,
        bytes,
        bytes_before: before,
        kept: x.until === 'question' ? kept : null,
        runs: runs.length,
      };
    }
  }
  if (JSON_OUT) await writeFile(JSON_OUT, JSON.stringify(result, null, 2) + '\n');
} finally {
  await browser.close();
  await phieuServer?.close();
  await surveyjsServer?.close();
}
