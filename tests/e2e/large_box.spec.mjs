// Journey (issue 21): a large box is read back after a reload a slice at a time, with a
// progress bar while the tablet waits, and every record is accounted for at the end. The box
// is filled past the app with records shaped as openings of the demo poll whose commitment is
// not their hash: each is read, checked and hashed in full, then counted as damaged. The CPU
// is slowed as a cheap tablet's is, so the bar is seen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { harness, watchErrors, screenshots } from './support.mjs';
import { openSetup, createMeeting, testAndOpen } from './meeting_page.mjs';

const h = harness();
const RECORDS = 40000;

/** Writes `n` records into the box of the one meeting on this device, past the app. */
async function fillTheBox(page, n) {
  return page.evaluate(
    (n) =>
      new Promise((ok, fail) => {
        const open = indexedDB.open('phieu');
        open.onerror = fail;
        open.onsuccess = () => {
          const db = open.result;
          const read = db.transaction('meetings').objectStore('meetings').getAll();
          read.onerror = fail;
          read.onsuccess = () => {
            const [id] = read.result.map((r) => JSON.parse(r).id);
            const tx = db.transaction('ballots', 'readwrite');
            const store = tx.objectStore('ballots');
            for (let i = 0; i < n; i++) {
              const commitment = i.toString(16).padStart(64, '0');
              const salt = (i * 7919).toString(16).padStart(32, '0');
              const opening = `{"commitment":"${commitment}","salt":"${salt}","answers":[{"option":"dong_y"}]}`;
              store.put(opening, [id, commitment]);
            }
            tx.oncomplete = () => ok(id);
            tx.onerror = fail;
          };
        };
      }),
    n,
  );
}

test('a large box shows how far it has been read back after a reload, then every record is accounted for', async () => {
  const context = await h.browser.newContext({ viewport: { width: 800, height: 1280 } });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await openSetup(page, h.server.url + 'office.html');
  await createMeeting(page);
  await testAndOpen(page);
  await fillTheBox(page, RECORDS);

  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 8 });
  await page.reload();
  const bar = page.locator('progress#box-loading');
  await bar.waitFor({ timeout: 30_000 });
  assert.equal(await bar.getAttribute('max'), String(RECORDS));
  const label = await page.locator('label[for="box-loading"]').innerText();
  assert.match(label, new RegExp(`^Đang đọc lại hòm phiếu: \\d+/${RECORDS} phiếu$`));
  await mkdir(screenshots, { recursive: true });
  await page.screenshot({ path: join(screenshots, 'large-box-loading-tablet-portrait.png') });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });

  const note = page.getByText(`${RECORDS} bản ghi phiếu trong bộ nhớ bị hỏng và không được tính.`, { exact: false });
  await note.waitFor({ timeout: 60_000 });
  assert.equal(await bar.count(), 0, 'the bar is gone once the box is read');
  assert.deepEqual(errors, []);
  await context.close();
});
