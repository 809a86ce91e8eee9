// Journey (issue 20, item 1): read aloud in a poll embedded in a portal's page (`<phieu-poll>`),
// as on the tablet: "Nghe" reads the question and each option with its number in vi-VN, and the
// review reads the choice back before Confirm. The synthesizer is stubbed at the browser's edge.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { portalHarness, openPortal } from './portal_page.mjs';
import { stubSpeech } from './speech_stub.mjs';

const h = portalHarness();

async function listen(scope, page) {
  await scope.getByRole('button', { name: 'Nghe', exact: true }).click();
  await page.waitForFunction(() => window.__spoken.length > 0);
  await scope.getByRole('button', { name: 'Nghe', exact: true }).and(scope.locator('[aria-pressed="false"]')).waitFor();
  return page.evaluate(() => window.__spoken.splice(0));
}

test('the embedded poll reads its question, options and review aloud in vi-VN', async () => {
  const { context, page, errors } = await openPortal(h, { init: stubSpeech });
  const kiosk = page.locator('#kiosk');
  await kiosk.getByRole('button', { name: 'Bắt đầu' }).click();
  const question = (await kiosk.locator('.question-label').innerText()).trim();
  const options = (await kiosk.getByRole('radio').allInnerTexts()).map((o) => o.replace(/^✓\s*/, '').trim());
  const read = await listen(kiosk, page);
  assert.deepEqual(read.map((u) => u.text), [question, 'Chọn một', ...options.map((o, i) => `Số ${i + 1}: ${o}`)]);
  assert.ok(read.every((u) => u.lang === 'vi-VN'), JSON.stringify(read));

  await kiosk.getByRole('radio', { name: 'Đồng ý', exact: true }).click();
  await kiosk.getByRole('button', { name: /Tiếp/ }).click();
  const reviewed = await listen(kiosk, page);
  assert.equal(reviewed[0].text, 'Xem lại phiếu của ông/bà');
  assert.equal(reviewed[1].text, `${question}: Đồng ý`);
  await kiosk.getByRole('button', { name: /Xác nhận/ }).click();
  await kiosk.locator('.receipt-code').waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});
