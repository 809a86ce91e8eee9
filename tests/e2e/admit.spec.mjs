// Journey (issue 22, item 4; issue 19, item 3): the officer lets each voter in with three taps
// (the sitting's voter code, shown only on the console), the voter's own taps stay five, wrong
// codes are counted and three void the code; a voter who walks away is cancelled with the PIN,
// "back to the ballot" keeps the answers; and the minutes print ballots issued beside returned.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { harness, watchErrors, screenshots } from './support.mjs';
import { createMeeting, testAndOpen, castBallot, enterPin, closeVoting, castCount, tapCode, voterCode, PIN } from './meeting_page.mjs';

const h = harness();
const HAND_BACK = 'Xin đưa máy lại cho cán bộ';
const CONSOLE = 'Bảng điều khiển của cán bộ';

/** Counts the taps (trusted clicks) the page receives, from now on. */
async function countTaps(page) {
  await page.evaluate(() => {
    window.__taps = 0;
    if (!window.__counting) {
      window.__counting = true;
      document.addEventListener('click', (e) => { if (e.isTrusted) window.__taps++; }, true);
    }
  });
  return async () => page.evaluate(() => window.__taps);
}

test('three officer taps let each voter in; codes, cancelled turns and the minutes', async () => {
  const context = await h.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(h.server.url);
  await createMeeting(page);
  await testAndOpen(page);

  // The console shows this sitting's code, and only the console.
  const code = await voterCode(page);
  assert.match(code, /^\d{3}$/);
  await page.screenshot({ path: join(screenshots, 'admit-console-1280x800.png') });
  await page.getByRole('button', { name: 'Mời cử tri tiếp theo' }).click();
  await page.getByRole('button', { name: 'Bắt đầu' }).waitFor();
  assert.equal(await page.getByText(code, { exact: true }).count(), 0, 'a voter never sees the code');

  // Voter 1: the voter's taps (Bắt đầu, a choice, Tiếp, Xác nhận, Xong) stay five.
  let taps = await countTaps(page);
  await castBallot(page, 'Đồng ý');
  await page.getByRole('button', { name: 'Xong' }).click();
  await page.getByRole('heading', { name: HAND_BACK }).waitFor();
  assert.equal(await taps(), 5, 'the voter taps five times');
  await page.getByText('Cảm ơn ông/bà. Phiếu vừa rồi đã được ghi nhận.').waitFor();
  await page.getByLabel('Mã mời cử tri (3 số)').waitFor();
  await page.screenshot({ path: join(screenshots, 'admit-lock-1280x800.png') });

  // The officer: three taps, and the next voter's ballot is open.
  taps = await countTaps(page);
  await tapCode(page, code);
  await page.getByRole('button', { name: 'Bắt đầu' }).waitFor();
  assert.equal(await taps(), 3, 'the officer taps three times per voter');
  await castBallot(page, 'Không đồng ý');
  await page.getByRole('button', { name: 'Xong' }).click();

  // Wrong codes: each is said and counted; the third voids the code, and the full PIN is asked.
  const wrong = code === '000' ? '111' : '000';
  await tapCode(page, wrong);
  await page.getByText('Sai mã mời cử tri. Còn 2 lần thử.').waitFor();
  await tapCode(page, wrong);
  await page.getByText('Sai mã mời cử tri. Còn 1 lần thử.').waitFor();
  await tapCode(page, wrong);
  await page.getByText(/Sai mã mời cử tri 3 lần: mã đã bị hủy/).waitFor();
  await page.getByLabel('Mã PIN của cán bộ').waitFor();
  assert.equal(await page.getByLabel('Mã mời cử tri (3 số)').count(), 0, 'the void code is not offered');
  await enterPin(page);
  await page.getByRole('heading', { name: CONSOLE }).waitFor();
  await page.getByText('Số lần nhập sai mã PIN hoặc mã mời cử tri trong cuộc họp: 3').waitFor();
  const fresh = await voterCode(page);
  assert.match(fresh, /^\d{3}$/, 'the console draws a new code');

  // A voter walks away mid-ballot: the officer's cancel needs the PIN; Back keeps the answers.
  await page.getByRole('button', { name: 'Mời cử tri tiếp theo' }).click();
  await page.getByRole('button', { name: 'Bắt đầu' }).click();
  await page.getByRole('radio', { name: 'Đồng ý', exact: true }).click();
  await page.getByRole('button', { name: 'Cán bộ: hủy lượt này' }).click();
  await page.getByRole('heading', { name: 'Hủy lượt bỏ phiếu này?' }).waitFor();
  await page.screenshot({ path: join(screenshots, 'admit-cancel-turn-1280x800.png') });
  await page.getByRole('button', { name: 'Quay lại phiếu' }).click();
  assert.equal(await page.getByRole('radio', { name: 'Đồng ý', exact: true }).isChecked(), true, 'the answer is kept');
  await page.getByRole('button', { name: 'Cán bộ: hủy lượt này' }).click();
  await page.getByLabel('Mã PIN của cán bộ').fill('999999');
  await page.getByRole('button', { name: 'Hủy lượt', exact: true }).click();
  await page.getByText('Sai mã PIN. Còn 4 lần thử.').waitFor();
  await page.getByLabel('Mã PIN của cán bộ').fill(PIN);
  await page.getByRole('button', { name: 'Hủy lượt', exact: true }).click();
  await page.getByRole('heading', { name: CONSOLE }).waitFor();
  await page.getByText(/Đã hủy lượt bỏ phiếu/).waitFor();
  assert.equal(await castCount(page), 2);
  // The console says the difference too, as the minutes will.
  await page.getByText('Phiếu phát ra: 3 · thu vào: 2 · phát ra không thu vào: 1').waitFor();

  // A reload forgets the code: the full PIN first, then a code again on the console.
  await page.getByRole('button', { name: 'Khóa máy' }).click();
  await page.reload();
  await page.getByRole('heading', { name: HAND_BACK }).waitFor();
  await page.getByLabel('Mã PIN của cán bộ').waitFor();
  assert.equal(await page.getByLabel('Mã mời cử tri (3 số)').count(), 0);
  await enterPin(page);
  await page.getByRole('heading', { name: CONSOLE }).waitFor();
  await page.locator('.admit-code').waitFor();
  await page.getByText('Phiếu phát ra: 3 · thu vào: 2').waitFor();

  // The minutes: issued, returned, and the difference.
  await closeVoting(page);
  await page.getByRole('heading', { name: 'Kết quả kiểm phiếu' }).waitFor();
  const minutes = page.getByRole('article', { name: /Bản số 1\// });
  await minutes.waitFor();
  const text = await minutes.innerText();
  assert.match(text, /Số phiếu phát ra\s*:?\s*3/);
  assert.match(text, /Số phiếu thu vào\s*:?\s*2/);
  assert.match(text, /Số phiếu phát ra không thu vào[^\n]*\s*:?\s*1/);
  assert.match(text, /Số lần nhập sai mã PIN hoặc mã mời cử tri trong cuộc họp\s*:?\s*4/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the voter code pad and the console at phone size', async () => {
  const context = await h.browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto(h.server.url);
  await createMeeting(page);
  await testAndOpen(page);
  const code = await voterCode(page);
  await page.screenshot({ path: join(screenshots, 'admit-console-390x844.png'), fullPage: true });
  await page.getByRole('button', { name: 'Mời cử tri tiếp theo' }).click();
  await castBallot(page, 'Đồng ý');
  await page.getByRole('button', { name: 'Xong' }).click();
  await page.getByLabel('Mã mời cử tri (3 số)').waitFor();
  // Every key of the pad is on screen without scrolling.
  for (const d of '0123456789') {
    const box = await page.locator('.pin-keys').getByRole('button', { name: d, exact: true }).boundingBox();
    assert.ok(box && box.y + box.height <= 844, `key ${d} on screen`);
  }
  await page.screenshot({ path: join(screenshots, 'admit-lock-390x844.png') });
  await tapCode(page, code);
  await page.getByRole('button', { name: 'Bắt đầu' }).waitFor();
  await context.close();
});
