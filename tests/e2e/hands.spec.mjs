// Journey (issue 19, item 4): a show of hands. One meeting votes its first question on the
// tablet and its second by hands: the tablet never asks the second, the officer enters the hands
// (more than those present is refused), the vote cannot close before they are entered, and the
// minutes say the vote was open, with the counts, after a reload too; the audit file verifies with
// `phieu verify`. A second meeting votes everything by hands: no test, no ballot, the minutes
// without tablet figures.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { harness, watchErrors, screenshots, root } from './support.mjs';
import { fillSetup, testAnythingAndOpen, enterPin, closeVoting, usePin } from './meeting_page.mjs';

const h = harness();
const PHIEU = join(root, 'target/debug/phieu');
const TWO = 'Phiếu biểu quyết về việc đóng góp xây dựng nhà văn hóa thôn';

/** The minutes' first copy on the results page, whitespace collapsed. */
async function minutes(page) {
  const copy = page.getByRole('article', { name: /Bản số 1\// });
  await copy.waitFor();
  return (await copy.innerText()).replace(/\s+/g, ' ');
}

/** Types the hands of question `n` (1-based), one count per option, and saves. */
async function hands(page, n, counts) {
  const form = page.getByRole('form', { name: new RegExp(`^${n}\\. `) });
  const inputs = form.locator('input');
  for (const [i, c] of counts.entries()) await inputs.nth(i).fill(String(c));
  await form.getByRole('button', { name: 'Lưu kết quả giơ tay' }).click();
  return form;
}

test('one question on the tablet, one by a show of hands, sealed in the minutes', async () => {
  const context = await h.browser.newContext({ viewport: { width: 800, height: 1280 } });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(h.server.url);
  await page.getByLabel('Chọn mẫu phiếu').selectOption({ label: TWO });
  await fillSetup(page, { title: TWO, total: '12', present: '11' });
  await page.getByRole('checkbox', { name: /^2\. .* — biểu quyết giơ tay$/ }).check();
  // A confidence vote would not offer it; this decision offers both questions.
  assert.equal(await page.getByRole('checkbox', { name: /biểu quyết giơ tay$/ }).count(), 2);
  await page.getByRole('button', { name: 'Tạo cuộc họp' }).click();
  await page.getByRole('heading', { name: 'Bảng điều khiển của cán bộ' }).waitFor();
  await testAnythingAndOpen(page);

  // A voter: one question, then straight to the review.
  await page.getByRole('button', { name: 'Mời cử tri tiếp theo' }).click();
  await page.getByRole('button', { name: 'Bắt đầu' }).click();
  await page.getByRole('radio', { name: 'Đồng ý', exact: true }).click();
  await page.getByRole('button', { name: 'Tiếp →' }).click();
  await page.getByRole('heading', { name: 'Xem lại phiếu của ông/bà' }).waitFor();
  assert.doesNotMatch(await page.locator('main').innerText(), /mức đóng góp 1\.500\.000/, 'the hands question is not on the tablet');
  await page.getByRole('button', { name: 'Xác nhận' }).click();
  await page.getByRole('heading', { name: /đã được ghi nhận/ }).waitFor();
  await page.getByRole('button', { name: 'Xong' }).click();
  await enterPin(page);
  await page.getByRole('heading', { name: 'Bảng điều khiển của cán bộ' }).waitFor();

  // Not closable before the hands are entered.
  const close = page.getByRole('button', { name: 'Kết thúc bỏ phiếu' });
  assert.ok(await close.isDisabled());
  await page.getByText('Hãy nhập kết quả giơ tay của mọi câu trước khi kết thúc biểu quyết.').waitFor();
  // More hands than people present: refused, said, nothing stored.
  await hands(page, 2, [9, 3, 0]);
  await page.getByRole('alert').filter({ hasText: 'Tổng số người giơ tay là 12, nhiều hơn 11 người có mặt' }).waitFor();
  assert.ok(await close.isDisabled());
  const form = await hands(page, 2, [8, 2, 0]);
  await form.getByText('Đã lưu').waitFor();
  await form.getByText('Không biểu quyết (có mặt nhưng không giơ tay): 1').waitFor();
  await page.screenshot({ path: join(screenshots, 'hands-console-800x1280.png'), fullPage: true });
  // Stored: a reload keeps the counts.
  await page.reload();
  await usePin(page);
  await enterPin(page);
  await page.getByRole('heading', { name: 'Bảng điều khiển của cán bộ' }).waitFor();
  assert.equal(await page.locator('.hands-item input').first().inputValue(), '8');
  assert.ok(await close.isEnabled());

  await closeVoting(page);
  await page.getByRole('heading', { name: 'Kết quả kiểm phiếu' }).waitFor();
  let flat = await minutes(page);
  assert.match(flat, /Biểu quyết công khai bằng hình thức giơ tay/);
  assert.match(flat, /Số người giơ tay/);
  assert.match(flat, /Số phiếu thu vào\s*:?\s*1/);
  // 8 of 12 households is two thirds: passed; the tablet's 1 of 12 is not.
  assert.match(flat, /Được thông qua: 8\/12 đại diện hộ gia đình đồng ý/);
  assert.match(flat, /Không được thông qua: 1\/12/);
  await page.screenshot({ path: join(screenshots, 'hands-minutes-800x1280.png'), fullPage: true });
  await page.reload();
  await page.getByRole('heading', { name: 'Kết quả kiểm phiếu' }).waitFor();
  flat = await minutes(page);
  assert.match(flat, /Được thông qua: 8\/12/);

  // The audit file verifies, counts and all.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: /Tải tệp kiểm tra/ }).click(),
  ]);
  const work = await mkdtemp(join(tmpdir(), 'phieu-hands-'));
  const path = join(work, 'bundle.json');
  await download.saveAs(path);
  if (!existsSync(PHIEU)) throw new Error(`${PHIEU} is missing: run cargo build -p phieu-cli first`);
  const out = execFileSync(PHIEU, ['verify', path], { encoding: 'utf8' });
  assert.match(out, /ĐÚNG — tệp kiểm tra, 1 phiếu/);
  assert.match(out, /1 câu biểu quyết giơ tay hoặc bằng phiếu giấy: số liệu theo biên bản/);
  await rm(work, { recursive: true, force: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test('a meeting all by a show of hands: no test, no ballot, minutes without tablet figures', async () => {
  const context = await h.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(h.server.url);
  await fillSetup(page, { total: '12', present: '10' });
  await page.getByRole('checkbox', { name: /biểu quyết giơ tay$/ }).check();
  await page.getByRole('button', { name: 'Tạo cuộc họp' }).click();
  await page.getByRole('heading', { name: 'Bảng điều khiển của cán bộ' }).waitFor();
  await page.getByText('Mọi câu của cuộc họp này biểu quyết giơ tay').waitFor();
  assert.equal(await page.getByRole('button', { name: 'Bỏ một phiếu thử' }).count(), 0);
  assert.equal(await page.getByRole('button', { name: 'Mời cử tri tiếp theo' }).count(), 0);
  await hands(page, 1, [9, 1, 0]);
  await page.getByText('Đã lưu').waitFor();
  await page.screenshot({ path: join(screenshots, 'hands-only-1280x800.png'), fullPage: true });
  await closeVoting(page);
  await page.getByRole('heading', { name: 'Kết quả kiểm phiếu' }).waitFor();
  const flat = await minutes(page);
  assert.match(flat, /Biểu quyết công khai bằng hình thức giơ tay/);
  assert.match(flat, /không có máy để chạy thử/);
  assert.doesNotMatch(flat, /Số phiếu hợp lệ/);
  assert.match(flat, /Được thông qua: 9\/12/);
  assert.deepEqual(errors, []);
  await context.close();
});
