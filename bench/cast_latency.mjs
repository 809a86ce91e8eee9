// Benchmark: time from pressing Confirm to the receipt on screen, which the app shows only
// after IndexedDB has committed the ballot (durability "strict"). Measured inside the page
// (a capture-phase click listener and a MutationObserver), over N casts of test ballots in
// the logic-and-accuracy test, which take exactly the real ballots' write path.
// Prints median, p99, min and max. A figure, never an assertion.
//   node bench/cast_latency.mjs [N] [--json FILE]
// N defaults to 500; the release build is dist/, or $PHIEU_DIST. Not CPU-throttled.
import { writeFile } from 'node:fs/promises';
import { serve, launch } from '../tests/e2e/support.mjs';
import { createMeeting } from '../tests/e2e/meeting_page.mjs';

const args = process.argv.slice(2);
const N = Number(args[0] && !args[0].startsWith('--') ? args[0] : 500);
const JSON_OUT = args.includes('--json') ? args[args.indexOf('--json') + 1] : null;
const server = await serve();
const browser = await launch();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(server.url);
  await createMeeting(page);
  const times = [];
  for (let i = 0; i < N; i++) {
    await page.getByRole('button', { name: 'Bỏ một phiếu thử' }).click();
    await page.getByRole('button', { name: 'Bắt đầu' }).click();
    await page.getByRole('radio', { name: i % 2 ? 'Đồng ý' : 'Không đồng ý', exact: true }).click();
    await page.getByRole('button', { name: 'Tiếp →' }).click();
    const confirm = page.getByRole('button', { name: 'Xác nhận' });
    await confirm.waitFor();
    const done = page.evaluate(
      () =>
        new Promise((resolve) => {
          let t0 = 0;
          document.addEventListener('click', () => (t0 = performance.now()), { capture: true, once: true });
          const seen = new MutationObserver(() => {
            if (document.querySelector('.receipt-code')) {
              seen.disconnect();
              resolve(performance.now() - t0);
            }
          });
          seen.observe(document.body, { childList: true, subtree: true });
        }),
    );
    await confirm.click();
    times.push(await done);
    await page.getByRole('button', { name: 'Xong' }).click();
  }
  times.sort((a, b) => a - b);
  const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
  console.log(`confirm -> durable in IndexedDB (receipt shown), ${N} casts:`);
  console.log(`  median ${at(0.5).toFixed(1)} ms, p99 ${at(0.99).toFixed(1)} ms, min ${times[0].toFixed(1)} ms, max ${times.at(-1).toFixed(1)} ms`);
  console.log('  goal: median <= 30 ms, p99 <= 100 ms');
  if (JSON_OUT) {
    const result = { casts: N, median_ms: at(0.5), p99_ms: at(0.99), min_ms: times[0], max_ms: times.at(-1) };
    await writeFile(JSON_OUT, JSON.stringify(result, null, 2) + '\n');
  }
} finally {
  await browser.close();
  await server.close();
}
