// Journeys at the edges of the voter's flow: voting with the keyboard alone, a receipt left on
// screen, and a browser that refuses storage (told before any meeting is opened).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { harness } from './support.mjs';
import { createMeeting, testAndOpen, castCount, enterPin } from './meeting_page.mjs';

const h = harness();

test('a voter can vote with the keyboard alone: arrows choose, Enter confirms', async () => {
  const context = await h.browser.newContext();
  const page = await context.newPage();
  await page.goto(h.server.url);
  await createMeeting(page);
  await testAndOpen(page);
  await page.getByRole('button', { name: 'Mời cử tri tiếp theo' }).click();
  await page.getByRole('button', { name: 'Bắt đầu' }).focus();
  await page.keyboard.press('Enter');
  // The new screen's first line takes the focus, without the ring a control shows: it is not one.
  const outline = (locator) => locator.evaluate((e) => getComputedStyle(e).outlineStyle);
  await page.locator('#voter-heading:focus').waitFor();
  assert.equal(await outline(page.locator('#voter-heading')), 'none');
  await page.getByRole('radio', { name: 'Đồng ý', exact: true }).focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.locator('[role=radio][aria-checked=true]:focus', { hasText: 'Ý kiến khác' }).waitFor();
  assert.equal(await outline(page.locator('[role=radio]:focus')), 'solid', 'the chosen radio shows its ring');
  await page.getByLabel('Ý kiến của ông/bà').waitFor();
  await page.keyboard.press('ArrowUp');
  // Focus follows the choice: the chosen radio is the focused one.
  await page.locator('[role=radio][aria-checked=true]:focus', { hasText: 'Không đồng ý' }).waitFor();
  await page.getByRole('button', { name: 'Tiếp →' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Xem lại phiếu của ông/bà' }).waitFor();
  assert.match(await page.locator('.review-answer').innerText(), /Không đồng ý/);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: /đã được ghi nhận/ }).waitFor();
  await page.keyboard.press('Enter');
  await enterPin(page);
  assert.equal(await castCount(page), 1);
  await context.close();
});

test('a receipt left on screen locks the tablet after 60 seconds', async () => {
  const context = await h.browser.newContext();
  const page = await context.newPage();
  await page.clock.install();
  await page.goto(h.server.url);
  await createMeeting(page);
  await testAndOpen(page);
  await page.getByRole('button', { name: 'Mời cử tri tiếp theo' }).click();
  await page.getByRole('button', { name: 'Bắt đầu' }).click();
  await page.getByRole('radio', { name: 'Đồng ý', exact: true }).click();
  await page.getByRole('button', { name: 'Tiếp →' }).click();
  await page.getByRole('button', { name: 'Xác nhận' }).click();
  await page.getByRole('heading', { name: /đã được ghi nhận/ }).waitFor();
  await page.clock.runFor(59_000);
  assert.equal(await page.locator('.receipt-code').count(), 1, 'still there before a minute');
  await page.clock.runFor(2_000);
  await page.getByRole('heading', { name: 'Xin đưa máy lại cho cán bộ' }).waitFor();
  assert.equal(await page.locator('.receipt-code').count(), 0);
  await context.close();
});

test('a browser that refuses storage is told before a meeting is opened', async () => {
  const context = await h.browser.newContext();
  await context.addInitScript(() => {
    indexedDB.open = () => {
      throw new DOMException('The user denied permission to access the database.', 'SecurityError');
    };
  });
  const page = await context.newPage();
  await page.goto(h.server.url);
  await page.getByRole('heading', { name: 'Máy này không lưu được phiếu' }).waitFor();
  assert.match(await page.getByRole('alert').innerText(), /chế độ ẩn danh/);
  assert.match(await page.getByRole('alert').innerText(), /private browsing/);
  assert.equal(await page.getByRole('button', { name: 'Tạo cuộc họp' }).count(), 0);
  await context.close();
});
