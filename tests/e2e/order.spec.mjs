// Journey: the same ballots cast in a different order give byte-identical exports, so nothing
// exported can tell who voted when. The test fixes each ballot's salt (it replaces
// crypto.getRandomValues in the page with a queue it fills before each Confirm); everything
// else is the real app.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { harness } from './support.mjs';
import { createMeeting, castBallot, enterPin, castCount, closeVoting } from './meeting_page.mjs';
import { queueSalts, nextSalt } from './salts.mjs';

const h = harness();


async function meeting(order) {
  const context = await h.browser.newContext({ acceptDownloads: true });
  await queueSalts(context);
  const page = await context.newPage();
  await page.goto(h.server.url);
  await createMeeting(page);
  for (const [n, choice] of [[101, 'Đồng ý'], [102, 'Không đồng ý']]) {
    await page.getByRole('button', { name: 'Bỏ một phiếu thử' }).click();
    await nextSalt(page, n);
    await castBallot(page, choice);
    await page.getByRole('button', { name: 'Xong' }).click();
  }
  await page.getByRole('button', { name: 'Kiểm tra kết quả thử' }).click();
  await page.getByRole('button', { name: 'Xóa phiếu thử và mở bỏ phiếu' }).click();
  for (const [n, choice, opinion] of order) {
    await page.getByRole('button', { name: 'Mời cử tri tiếp theo' }).click();
    await nextSalt(page, n);
    await castBallot(page, choice, opinion);
    await page.getByRole('button', { name: 'Xong' }).click();
    await enterPin(page);
  }
  assert.equal(await castCount(page), order.length);
  await closeVoting(page);
  const exports = {};
  for (const name of ['Tải tệp kiểm tra (gửi xã)', 'Tải bản tóm tắt công khai']) {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name }).click(),
    ]);
    exports[name] = await readFile(await download.path());
  }
  await context.close();
  return exports;
}

test('two meetings casting the same ballots in different orders export byte-identical files', async () => {
  const a = [1, 'Đồng ý'];
  const b = [2, 'Không đồng ý'];
  const c = [3, 'Ý kiến khác', 'Làm vào mùa khô'];
  const d = [4, 'Đồng ý'];
  const first = await meeting([a, b, c, d]);
  const second = await meeting([c, d, b, a]);
  for (const name of Object.keys(first)) {
    assert.ok(first[name].length > 500, `${name} is a real export`);
    assert.ok(first[name].equals(second[name]), `${name} is byte-identical`);
  }
  const bundle = JSON.parse(first['Tải tệp kiểm tra (gửi xã)'].toString('utf8'));
  const commitments = bundle.ballots.map((x) => x.commitment);
  assert.deepEqual(commitments, [...commitments].sort(), 'ballots are sorted by commitment');
  assert.equal(commitments.length, 4);
});
