// Journey (issue 19, item 6): a field survey whose stored ballot records include a damaged one
// (written past the app, as a failing disk or a foreign script would leave it) counts only the
// good ones, tells the staff member how many were left out between respondents and when
// closing, and puts that number in the minutes that go into the audit bundle.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { harness, watchErrors } from './support.mjs';
import { SURVEY, respond, counts, firstQuestion } from './field_page.mjs';

const h = harness();

/** Writes a record that is not a ballot opening into this device's box of the field session. */
async function damageTheBox(page) {
  await page.evaluate(
    () =>
      new Promise((ok, fail) => {
        const open = indexedDB.open('phieu');
        open.onerror = fail;
        open.onsuccess = () => {
          const db = open.result;
          const read = db.transaction('meetings').objectStore('meetings').getAll();
          read.onerror = fail;
          read.onsuccess = () => {
            const id = read.result.map((r) => JSON.parse(r).id).find((id) => id.startsWith('field-'));
            const tx = db.transaction('ballots', 'readwrite');
            tx.objectStore('ballots').put('{"not":"an opening"}', [id, 'ffff-damaged']);
            tx.oncomplete = () => ok(id);
            tx.onerror = fail;
          };
        };
      }),
  );
}

test('damaged records of a field survey are left out, said to the staff member, and in the minutes', async () => {
  const context = await h.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(h.server.url + SURVEY);
  await firstQuestion(page);
  await respond(page, ['Hài lòng']);
  await counts(page);
  assert.equal(await page.locator('.damaged').count(), 0, 'nothing to say before any damage');

  await damageTheBox(page);
  await page.reload();
  await firstQuestion(page);
  await page.getByRole('button', { name: 'Dành cho cán bộ: số phiếu, kết thúc' }).click();
  assert.deepEqual(await counts(page), { today: 1, total: 1 }, 'the damaged record is not counted');
  const note = page.getByRole('alert').filter({ hasText: 'bị hỏng' });
  assert.equal(await note.innerText(), '1 bản ghi phiếu trong bộ nhớ bị hỏng và không được tính. Biên bản ghi số này.');

  await page.getByRole('button', { name: 'Kết thúc khảo sát' }).click();
  await page.getByRole('heading', { name: 'Kết thúc khảo sát?' }).waitFor();
  await note.waitFor();
  await page.getByLabel('Tôi đã lấy xong ý kiến; không thêm phiếu nữa.').check();
  await page.getByRole('button', { name: 'Kết thúc khảo sát', exact: true }).click();
  await page.waitForURL(/office\.html/);
  const download = page.getByRole('button', { name: 'Tải tệp kiểm tra (gửi xã)' });
  const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
  const bundle = JSON.parse(await readFile(await file.path(), 'utf8'));
  assert.equal(bundle.ballots.length, 1);
  assert.match(bundle.minutes.logic_and_accuracy_test, /Có 1 bản ghi phiếu trong bộ nhớ bị hỏng, không được tính\./);
  assert.deepEqual(errors, []);
  await context.close();
});
