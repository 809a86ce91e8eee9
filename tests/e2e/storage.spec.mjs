// Journey (issue 19, item 2): the setup screen says whether the browser will keep the ballots
// and how much space is left, and warns before a meeting when space is short. The browser's
// answers are stubbed at the edge only (`navigator.storage.persist` and `estimate`), the way a
// full tablet or a browser that refuses persistence would answer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { harness, watchErrors, screenshots } from './support.mjs';
import { join } from 'node:path';
import { createMeeting } from './meeting_page.mjs';

const h = harness();

/** A page whose browser answers `persist()` with `persisted` and `estimate()` with `estimate`. */
async function stubbed(persisted, estimate) {
  const context = await h.browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(([persisted, estimate]) => {
    const storage = navigator.storage;
    storage.persist = async () => persisted;
    storage.estimate = async () => estimate;
  }, [persisted, estimate]);
  const page = await context.newPage();
  return { context, page, errors: watchErrors(page) };
}

const MB = 1024 * 1024;

test('a nearly full device that may evict the data is warned of before the meeting', async () => {
  const { context, page, errors } = await stubbed(false, { quota: 2000 * MB, usage: 1995 * MB });
  await page.goto(h.server.url);
  const storage = page.getByRole('region', { name: 'Bộ nhớ của máy' });
  await storage.getByText(/^Trình duyệt chưa đồng ý giữ lâu dài: khi máy thiếu chỗ, nó có thể xóa dữ liệu/).waitFor();
  await storage.getByText('Đã dùng 1,9 GB, còn trống 5 MB.').waitFor();
  const low = storage.getByRole('alert');
  assert.match(await low.innerText(), /^Bộ nhớ còn trống ít: hãy giải phóng dung lượng/);
  await storage.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(screenshots, 'setup-storage-low-1280x800.png') });
  // The officer's console warns again before the vote is opened.
  await createMeeting(page);
  await page.getByRole('alert').filter({ hasText: 'Bộ nhớ còn trống ít' }).waitFor();
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('alert').filter({ hasText: 'Little storage is left' }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('a device that keeps the data says so, with no warning', async () => {
  const { context, page, errors } = await stubbed(true, { quota: 4000 * MB, usage: 3 * MB });
  await page.goto(h.server.url);
  const storage = page.getByRole('region', { name: 'Bộ nhớ của máy' });
  await storage.getByText(/^Trình duyệt đã đồng ý giữ lâu dài các phiếu lưu trên máy này/).waitFor();
  await storage.getByText('Đã dùng 3 MB, còn trống 3,9 GB.').waitFor();
  assert.equal(await storage.getByRole('alert').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});
