// Journey: a whole village meeting on one tablet: set up with a PIN, the logic-and-accuracy
// test, ten voters, close. Then the same meeting survives reloads and a killed browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { harness, watchErrors, screenshotAllSizes } from './support.mjs';
import { startChromium } from './killable.mjs';
import { createMeeting, testAndOpen, voter, castCount, closeVoting, enterPin, castBallot, PIN } from './meeting_page.mjs';

const h = harness();

test('a whole meeting: PIN, test ballots, ten voters, close', async () => {
  const context = await h.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(h.server.url);
  await createMeeting(page);
  await screenshotAllSizes(page, 'officer-testing');
  await testAndOpen(page);
  assert.equal(await castCount(page), 0, 'test ballots never enter the real box');

  const choices = ['Đồng ý', 'Đồng ý', 'Không đồng ý', 'Đồng ý', 'Đồng ý', 'Đồng ý', 'Ý kiến khác', 'Đồng ý', 'Đồng ý', 'Không đồng ý'];
  const receipts = new Set();
  for (const [i, choice] of choices.entries()) {
    if (i === 0) {
      await page.getByRole('button', { name: 'Mời cử tri tiếp theo' }).click();
      await screenshotAllSizes(page, 'voter-welcome');
      await page.getByRole('button', { name: 'Bắt đầu' }).click();
      await page.getByRole('radio', { name: 'Ý kiến khác' }).click();
      await page.getByLabel('Ý kiến của ông/bà').fill('Nên làm vào mùa khô');
      await screenshotAllSizes(page, 'voter-question');
      await page.getByRole('radio', { name: choice, exact: true }).click();
      await page.getByRole('button', { name: 'Tiếp →' }).click();
      await screenshotAllSizes(page, 'voter-review');
      await page.getByRole('button', { name: 'Xác nhận' }).click();
      await page.getByRole('heading', { name: /đã được ghi nhận/ }).waitFor();
      receipts.add(await page.locator('.receipt-code').innerText());
      await screenshotAllSizes(page, 'voter-receipt');
      await page.getByRole('button', { name: 'Xong' }).click();
      await screenshotAllSizes(page, 'hand-back');
      await enterPin(page);
    } else {
      receipts.add(await voter(page, choice, choice === 'Ý kiến khác' ? 'Làm đường rộng 4 mét' : undefined));
    }
    assert.equal(await castCount(page), i + 1);
  }
  assert.equal(receipts.size, 10, 'every ballot has its own receipt');
  await screenshotAllSizes(page, 'officer-open');
  await closeVoting(page);
  await page.getByRole('button', { name: 'Chuẩn bị cuộc họp mới' }).waitFor();
  await screenshotAllSizes(page, 'results');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a reload mid-ballot casts nothing; a reload after confirm loses nothing', async () => {
  const context = await h.browser.newContext();
  const page = await context.newPage();
  await page.goto(h.server.url);
  await createMeeting(page);
  await testAndOpen(page);
  await voter(page, 'Đồng ý');

  // Mid-ballot: chosen but not confirmed.
  await page.getByRole('button', { name: 'Mời cử tri tiếp theo' }).click();
  await page.getByRole('button', { name: 'Bắt đầu' }).click();
  await page.getByRole('radio', { name: 'Không đồng ý' }).click();
  await page.reload();
  await page.getByRole('heading', { name: 'Xin đưa máy lại cho cán bộ' }).waitFor();
  await enterPin(page);
  assert.equal(await castCount(page), 1, 'the unconfirmed ballot was not cast');

  // After confirm: the receipt is on screen, then the page reloads.
  await page.getByRole('button', { name: 'Mời cử tri tiếp theo' }).click();
  await castBallot(page, 'Không đồng ý');
  await page.reload();
  await enterPin(page);
  assert.equal(await castCount(page), 2, 'the confirmed ballot survived the reload');
  await context.close();
});

test('a second tab on the same meeting is refused', async () => {
  const context = await h.browser.newContext();
  const first = await context.newPage();
  await first.goto(h.server.url);
  await first.getByRole('heading', { name: 'Chuẩn bị cuộc họp' }).waitFor();
  const second = await context.newPage();
  await second.goto(h.server.url);
  await second.getByRole('heading', { name: 'phieu đang mở ở một thẻ khác' }).waitFor();
  await context.close();
});

test('five wrong PINs lock the tablet for a minute, and a reload does not reset that', async () => {
  const context = await h.browser.newContext();
  const page = await context.newPage();
  await page.goto(h.server.url);
  await createMeeting(page);
  await page.getByRole('button', { name: 'Khóa máy' }).click();
  for (let i = 0; i < 4; i++) {
    await enterPin(page, '1111');
    await page.getByText(`Sai mã PIN. Còn ${4 - i} lần thử.`).waitFor();
  }
  await enterPin(page, '1111');
  await page.getByText('Sai mã PIN 5 lần: khóa 60 giây.').waitFor();
  await page.reload();
  await page.getByRole('heading', { name: 'Xin đưa máy lại cho cán bộ' }).waitFor();
  assert.equal(await page.getByLabel('Mã PIN của cán bộ').isDisabled(), true);
  await context.close();
});

test('after a voter, nothing of their choice is left in the page or outside the box', async () => {
  const context = await h.browser.newContext();
  const page = await context.newPage();
  await page.goto(h.server.url);
  await createMeeting(page);
  await testAndOpen(page);
  const secret = 'Ý kiến bí mật số 4711';
  await voter(page, 'Ý kiến khác', secret);
  const html = await page.content();
  assert.ok(!html.includes(secret), 'the DOM holds no trace of the opinion');
  assert.ok(!html.includes('aria-checked="true"'), 'no choice is shown as selected');
  assert.equal(await page.title(), 'Phiếu — biểu quyết và lấy ý kiến tại thôn');
  const local = await page.evaluate(() => JSON.stringify(Object.entries(localStorage)));
  assert.ok(!local.includes(secret));
  const meetings = await page.evaluate(
    () =>
      new Promise((ok, fail) => {
        const open = indexedDB.open('phieu');
        open.onsuccess = () => {
          const get = open.result.transaction('meetings').objectStore('meetings').getAll();
          get.onsuccess = () => ok(JSON.stringify(get.result));
          get.onerror = fail;
        };
      }),
  );
  assert.ok(!meetings.includes(secret), 'the meeting record holds no ballot');
  assert.ok(!/\d{4}-\d{2}-\d{2}T/.test(meetings), 'no time of casting is stored');
  // The next voter starts on a fresh welcome screen; Back from there does not reach the ballot.
  await page.getByRole('button', { name: 'Mời cử tri tiếp theo' }).click();
  await page.getByRole('button', { name: 'Bắt đầu' }).click();
  assert.equal(await page.getByRole('radio', { checked: true }).count(), 0);
  await context.close();
});

test('a killed browser loses no confirmed ballot', async () => {
  const profile = await mkdtemp(join(tmpdir(), 'phieu-kill-'));
  let browser;
  try {
    browser = await startChromium(profile);
    let { page } = browser;
    await page.goto(h.server.url);
    await createMeeting(page);
    await testAndOpen(page);
    await page.getByRole('button', { name: 'Mời cử tri tiếp theo' }).click();
    await castBallot(page, 'Đồng ý');
    // The receipt is on screen: the ballot is committed. Pull the plug.
    await browser.kill();

    browser = await startChromium(profile);
    ({ page } = browser);
    await page.goto(h.server.url);
    await enterPin(page, PIN);
    assert.equal(await castCount(page), 1);
  } finally {
    // Every Chromium process gone before its profile is removed (it writes until it exits).
    await browser?.kill();
    await rm(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  }
});
