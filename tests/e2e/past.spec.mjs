// Journey (issue 19, item 1): two meetings on one tablet, then the office page's list of the
// meetings kept on the device: newest first with where each stands; the first one's minutes
// reopened from the list after a reload; a meeting whose ballots live nowhere else cannot be
// deleted; one saved to a file is deleted after two confirmations, its ballots with it; a
// meeting record that cannot be read is listed as damaged, never hidden.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { harness, watchErrors, screenshots } from './support.mjs';
import { fillSetup, testAndOpen, voter, closeVoting } from './meeting_page.mjs';

const h = harness();

/** Sets up a meeting at `time`, tests, opens, lets `voters` vote and closes: the results. */
async function meeting(page, time, voters) {
  await fillSetup(page);
  await page.getByLabel('Thời gian').fill(time);
  await page.getByRole('button', { name: 'Tạo cuộc họp' }).click();
  await page.getByRole('heading', { name: 'Bảng điều khiển của cán bộ' }).waitFor();
  await testAndOpen(page);
  for (const choice of voters) await voter(page, choice);
  await closeVoting(page);
  await page.getByRole('heading', { name: 'Kết quả kiểm phiếu' }).waitFor();
}

/** Counts the ballots stored under meeting `id`, past the app. */
const storedBallots = (page, id) =>
  page.evaluate(
    (id) =>
      new Promise((ok, fail) => {
        const open = indexedDB.open('phieu');
        open.onerror = fail;
        open.onsuccess = () => {
          const range = IDBKeyRange.bound([id], [id, []]);
          const count = open.result.transaction('ballots').objectStore('ballots').count(range);
          count.onsuccess = () => ok(count.result);
          count.onerror = fail;
        };
      }),
    id,
  );

/** The ids of the stored meeting records, past the app. */
const meetingIds = (page) =>
  page.evaluate(
    () =>
      new Promise((ok, fail) => {
        const open = indexedDB.open('phieu');
        open.onerror = fail;
        open.onsuccess = () => {
          const keys = open.result.transaction('meetings').objectStore('meetings').getAllKeys();
          keys.onsuccess = () => ok(keys.result);
          keys.onerror = fail;
        };
      }),
  );

test('past meetings: listed newest first, reopened after a reload, deleted only when safe', async () => {
  const context = await h.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(h.server.url);

  await meeting(page, '8 giờ, ngày 1/12/2026', ['Đồng ý', 'Không đồng ý']);
  const [first] = await meetingIds(page);
  await page.getByText('8 giờ, ngày 1/12/2026', { exact: false }).first().waitFor();
  await page.getByRole('button', { name: /Chuẩn bị cuộc họp mới/ }).click();
  await meeting(page, '19 giờ, ngày 2/12/2026', ['Đồng ý']);
  // The office page shows the meeting just closed, not an earlier one.
  await page.getByRole('article', { name: /Bản số 1\// }).getByText('19 giờ, ngày 2/12/2026', { exact: false }).waitFor();
  // The second meeting's audit file is saved: its ballots now live outside the tablet.
  await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Tải tệp kiểm tra/ }).click()]);
  const second = (await meetingIds(page)).find((id) => id !== first);

  // A damaged meeting record with a ballot still stored under it.
  await page.evaluate(
    () =>
      new Promise((ok, fail) => {
        const open = indexedDB.open('phieu');
        open.onsuccess = () => {
          const tx = open.result.transaction(['meetings', 'ballots'], 'readwrite');
          tx.objectStore('meetings').put('{"version": 1, "id": "hong"', 'hong');
          tx.objectStore('ballots').put('{}', ['hong', 'abc']);
          tx.oncomplete = ok;
          tx.onerror = fail;
        };
        open.onerror = fail;
      }),
  );

  await page.getByRole('link', { name: 'Các cuộc họp' }).click();
  await page.getByRole('heading', { name: 'Các cuộc họp trên máy này' }).waitFor();
  const items = page.locator('.past');
  await items.nth(2).waitFor();
  const texts = await items.allInnerTexts();
  assert.equal(texts.length, 3);
  assert.match(texts[0], /19 giờ, ngày 2\/12\/2026/, 'newest first');
  assert.match(texts[0], /1 phiếu/);
  assert.match(texts[0], /đã lưu tệp kiểm tra/);
  assert.match(texts[1], /8 giờ, ngày 1\/12\/2026/);
  assert.match(texts[1], /2 phiếu/);
  assert.match(texts[1], /Đã kết thúc, chưa gửi lên$/m);
  assert.doesNotMatch(texts[1], /· đã lưu tệp kiểm tra/);
  assert.match(texts[2], /Bản ghi cuộc họp bị hỏng \(mã hong\)/);
  assert.match(texts[2], /1 phiếu của nó vẫn lưu trên máy/);
  // The first meeting's ballots live only here: no delete.
  assert.equal(await items.nth(1).getByRole('button', { name: 'Xóa khỏi máy…' }).count(), 0);
  await items.nth(1).getByText('Chỉ xóa được khi kết quả đã gửi lên').waitFor();
  await page.screenshot({ path: join(screenshots, 'past-meetings-1280x800.png'), fullPage: true });

  // After a reload, the first meeting's minutes open from the list.
  await page.reload();
  await items.nth(1).getByRole('button', { name: 'Mở kết quả và biên bản' }).click();
  await page.getByRole('heading', { name: 'Kết quả kiểm phiếu' }).waitFor();
  const minutes = page.getByRole('article', { name: /Bản số 1\// });
  await minutes.waitFor();
  assert.match(await minutes.innerText(), /8 giờ, ngày 1\/12\/2026/);
  assert.match(await minutes.innerText(), /Số phiếu thu vào\s*:?\s*2/);

  // Deleting the second: two confirmations that say what goes, then it and its ballots are gone.
  await page.getByRole('link', { name: 'Các cuộc họp' }).click();
  await items.nth(0).getByRole('button', { name: 'Xóa khỏi máy…' }).click();
  await items.nth(0).getByText(/Sẽ xóa kết quả, thông tin biên bản và 1 phiếu/).waitFor();
  await items.nth(0).getByRole('button', { name: 'Không xóa' }).click();
  assert.equal(await items.count(), 3, 'kept');
  await items.nth(0).getByRole('button', { name: 'Xóa khỏi máy…' }).click();
  await items.nth(0).getByRole('button', { name: 'Tiếp tục xóa' }).click();
  await items.nth(0).getByText('Xóa hẳn? Việc này không hoàn tác được.').waitFor();
  await items.nth(0).getByRole('button', { name: 'Xóa hẳn' }).click();
  await page.getByText('Đã xóa cuộc họp khỏi máy.').waitFor();
  await page.waitForFunction(() => document.querySelectorAll('.past').length === 2);
  assert.match((await items.allInnerTexts())[0], /8 giờ, ngày 1\/12\/2026/);
  assert.equal(await storedBallots(page, second), 0, 'its ballots went with it');
  assert.equal(await storedBallots(page, first), 2, 'the other meeting keeps its ballots');
  assert.deepEqual(errors, []);
  await context.close();
});
