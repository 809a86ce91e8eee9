// Journey (kill/reload soak, issue #10): a meeting runs on one tablet whose browser is killed
// and started again at random points while people vote: at the officer's console, on the
// welcome screen, in the middle of a question, on the review screen, during the cast (a few
// milliseconds after Confirm), with the receipt on screen, at the hand-back screen, with the PIN
// half typed. Most ends are a SIGKILL (nothing flushed, as in a crash or a power cut of the
// browser process); some are the browser closing itself. After every restart the box holds
// every ballot whose receipt was shown, and nothing else but a ballot whose Confirm was in
// flight. At the end voting is closed, the audit bundle is downloaded and checked by
// `phieu verify` and `phieu receipt`: 0 lost, 0 duplicated, the fingerprint the app shows is
// the one the ballots give.
//
// 100 cycles by default, 1,000 with PHIEU_LONG=1 (or PHIEU_SOAK_CYCLES=N). The random points
// come from a seeded generator; the seed is printed, and PHIEU_SOAK_SEED=S repeats a run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { serve, root } from './support.mjs';
import { createMeeting, testAndOpen, enterPin, castCount, closeVoting } from './meeting_page.mjs';
import { startChromium } from './killable.mjs';

const LONG = !!process.env.PHIEU_LONG;
const CYCLES = Number(process.env.PHIEU_SOAK_CYCLES ?? (LONG ? 1000 : 100));
const SEED = Number(process.env.PHIEU_SOAK_SEED ?? Math.floor(Math.random() * 2 ** 32));
const PHIEU = join(root, 'target/debug/phieu');

/** mulberry32: a small seeded generator, enough to pick points. */
function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n) => Math.floor(next() * n), pick: (list) => list[Math.floor(next() * list.length)] };
}

const HAND_BACK = 'Xin đưa máy lại cho cán bộ';
const CONSOLE = 'Bảng điều khiển của cán bộ';
const CHOICES = ['Đồng ý', 'Không đồng ý', 'Ý kiến khác'];

// The steps of one voter, each ending where the next begins.
const steps = {
  async invite(page) {
    await page.getByRole('button', { name: 'Mời cử tri tiếp theo' }).click();
    await page.getByRole('button', { name: 'Bắt đầu' }).waitFor();
  },
  async start(page) {
    await page.getByRole('button', { name: 'Bắt đầu' }).click();
    await page.getByRole('radio').first().waitFor();
  },
  async choose(page, r) {
    const choice = r.pick(CHOICES);
    await page.getByRole('radio', { name: choice, exact: true }).click();
    if (choice === 'Ý kiến khác') await page.getByLabel('Ý kiến của ông/bà').fill(`Ý kiến số ${r.int(1000)}`);
  },
  async review(page) {
    await page.getByRole('button', { name: 'Tiếp →' }).click();
    await page.getByRole('heading', { name: 'Xem lại phiếu của ông/bà' }).waitFor();
  },
  async confirm(page) {
    await page.getByRole('button', { name: 'Xác nhận' }).click();
  },
  async receipt(page) {
    await page.getByRole('heading', { name: /đã được ghi nhận/ }).waitFor();
    return page.locator('.receipt-code').innerText();
  },
  async done(page) {
    await page.getByRole('button', { name: 'Xong' }).click();
    await page.getByRole('heading', { name: HAND_BACK }).waitFor();
  },
  async unlock(page) {
    await enterPin(page);
    await page.getByRole('heading', { name: CONSOLE }).waitFor();
  },
};

/** Where a cycle ends. */
const POINTS = ['console', 'welcome', 'mid-question', 'review', 'casting', 'receipt', 'hand-back', 'pin-typed'];

let server;
let profile;
before(async () => {
  assert.ok(existsSync(PHIEU), `${PHIEU} is missing: cargo build -p phieu-cli`);
  server = await serve();
  profile = await mkdtemp(join(tmpdir(), 'phieu-soak-'));
});
after(async () => {
  await server?.close();
  if (profile) await rm(profile, { recursive: true, force: true });
});

/** After a restart: the app is on the hand-back screen (or the console); unlock to the console. */
async function reopen(page) {
  const locked = page.getByRole('heading', { name: HAND_BACK });
  const console_ = page.getByRole('heading', { name: CONSOLE });
  await locked.or(console_).first().waitFor();
  if (await locked.isVisible()) await steps.unlock(page);
}

test(`kill/reload soak: ${CYCLES} cycles, no ballot lost or duplicated`, { timeout: CYCLES * 30_000 }, async () => {
  const r = rng(SEED);
  console.log(`soak: seed ${SEED} (PHIEU_SOAK_SEED=${SEED} repeats it), ${CYCLES} cycles`);
  const started = Date.now();
  let browser = await startChromium(profile);
  await browser.page.goto(server.url);
  const households = String(CYCLES * 4 + 10);
  await createMeeting(browser.page, { total: households, present: households });
  await testAndOpen(browser.page);

  const receipts = [];
  let inBox = 0; // ballots in the box as last counted on the console
  let inFlight = 0; // Confirm clicked, the browser killed before the receipt showed
  let committedInFlight = 0;
  let kills = 0;
  let closes = 0;
  const seen = Object.fromEntries(POINTS.map((p) => [p, 0]));

  for (let cycle = 0; cycle < CYCLES; cycle++) {
    const { page } = browser;
    // Now and then a whole voter first, then one who is interrupted at a random point.
    for (let n = r.int(2); n > 0; n--) {
      await steps.invite(page);
      await steps.start(page);
      await steps.choose(page, r);
      await steps.review(page);
      await steps.confirm(page);
      receipts.push(await steps.receipt(page));
      await steps.done(page);
      await steps.unlock(page);
    }
    const point = r.pick(POINTS);
    seen[point]++;
    if (point !== 'console') {
      await steps.invite(page);
      if (point !== 'welcome') {
        await steps.start(page);
        await steps.choose(page, r);
        if (point !== 'mid-question') {
          await steps.review(page);
          if (point !== 'review') {
            await steps.confirm(page);
            if (point === 'casting') {
              inFlight++;
              // Somewhere in the IndexedDB write, before or after its commit.
              await new Promise((ok) => setTimeout(ok, r.int(20)));
            } else {
              receipts.push(await steps.receipt(page));
              if (point !== 'receipt') {
                await steps.done(page);
                if (point === 'pin-typed') await page.locator('#pin-input').fill('24');
              }
            }
          }
        }
      }
    }
    if (r.int(5) === 0) {
      await browser.close();
      closes++;
    } else {
      await browser.kill();
      kills++;
    }

    browser = await startChromium(profile, server.url);
    await reopen(browser.page);
    const count = await castCount(browser.page);
    const pending = point === 'casting' ? 1 : 0;
    assert.ok(
      count >= receipts.length + committedInFlight && count <= receipts.length + committedInFlight + pending,
      `cycle ${cycle} (${point}, seed ${SEED}): ${count} ballots in the box, ${receipts.length} receipts shown, ` +
        `${committedInFlight} cast while the browser died, ${pending} in flight`,
    );
    committedInFlight += count - receipts.length - committedInFlight;
    inBox = count;
  }

  // Close voting and download the audit bundle, as the officer would.
  const { page } = browser;
  await closeVoting(page);
  const save = page.getByRole('button', { name: 'Tải tệp kiểm tra (gửi xã)' });
  const [download] = await Promise.all([page.waitForEvent('download'), save.click()]);
  const bundlePath = join(profile, 'soak-audit.json');
  await download.saveAs(bundlePath);
  const shownShort = await page.getByTestId('fingerprint-short').first().innerText();
  await browser.close();

  // The bundle verifies; it holds exactly the ballots cast, each receipt among them once.
  const run = spawnSync(PHIEU, ['--lang', 'en', 'verify', '--json', bundlePath], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stdout + run.stderr);
  const [report] = JSON.parse(run.stdout).files;
  assert.equal(report.ballots, inBox, 'the bundle holds what the console counted');
  assert.equal(report.ballots, receipts.length + committedInFlight, 'nothing but the cast ballots');
  assert.equal(new Set(receipts).size, receipts.length, 'every receipt is its own ballot');
  const short = report.fingerprint.slice(0, 16).toUpperCase().match(/.{4}/g).join('-');
  assert.equal(shownShort, short, 'the fingerprint on screen is the one the ballots give');
  const bundle = JSON.parse(await readFile(bundlePath, 'utf8'));
  const commitments = bundle.ballots.map((b) => b.commitment);
  assert.equal(new Set(commitments).size, commitments.length, '0 duplicated');
  let lost = 0;
  for (const code of receipts) {
    try {
      execFileSync(PHIEU, ['receipt', bundlePath, code], { stdio: 'ignore' });
    } catch {
      lost++;
    }
  }
  assert.equal(lost, 0, `${lost} ballots whose receipt was shown are not in the box`);
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  console.log(
    `soak: seed ${SEED}, ${CYCLES} cycles (${kills} killed, ${closes} closed) in ${seconds} s; ` +
      `ends: ${POINTS.map((p) => `${p} ${seen[p]}`).join(', ')}; ${report.ballots} ballots, ` +
      `${receipts.length} receipts all in the box, ${committedInFlight} of ${inFlight} in-flight casts committed, ` +
      `0 lost, 0 duplicated, fingerprint ${short}`,
  );
});
