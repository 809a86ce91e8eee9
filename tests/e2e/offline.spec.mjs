// Journey: the tablet loaded phieu once with a signal; at the village hall there is none.
// The app still opens from the service worker's cache, and a meeting runs and votes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { harness, watchErrors } from './support.mjs';
import { createMeeting, testAndOpen, voter, castCount } from './meeting_page.mjs';

const h = harness();

test('after one visit the app opens and votes with the network off', async () => {
  const context = await h.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(h.server.url);
  await page.getByRole('heading', { name: 'Chuẩn bị cuộc họp' }).waitFor();
  // Wait until the service worker has precached the build and controls the page.
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

  await context.setOffline(true);
  await h.server.close();
  h.server = null;
  await page.reload();
  await page.getByRole('heading', { name: 'Chuẩn bị cuộc họp' }).waitFor();
  await createMeeting(page);
  await testAndOpen(page);
  await voter(page, 'Đồng ý');
  assert.equal(await castCount(page), 1);
  assert.deepEqual(errors.filter((e) => !e.includes('ERR_INTERNET_DISCONNECTED')), []);
  await context.close();
});
