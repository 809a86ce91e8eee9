// Journey: the tablet loaded phieu once with a signal; at the village hall there is none.
// The app still opens from the service worker's cache, and a meeting runs and votes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, watchErrors } from './support.mjs';
import { createMeeting, testAndOpen, voter, castCount } from './meeting_page.mjs';

let server;
let browser;
before(async () => {
  server = await serve();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('after one visit the app opens and votes with the network off', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(server.url);
  await page.getByRole('heading', { name: 'Chuẩn bị cuộc họp' }).waitFor();
  // Wait until the service worker has precached the build and controls the page.
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

  await context.setOffline(true);
  await server.close();
  server = null;
  await page.reload();
  await page.getByRole('heading', { name: 'Chuẩn bị cuộc họp' }).waitFor();
  await createMeeting(page);
  await testAndOpen(page);
  await voter(page, 'Đồng ý');
  assert.equal(await castCount(page), 1);
  assert.deepEqual(errors.filter((e) => !e.includes('ERR_INTERNET_DISCONNECTED')), []);
  await context.close();
});
