// Journey: someone opens phieu for the first time and sees the demo village decision, in
// Vietnamese, and can switch to English and back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { harness, watchErrors, screenshotAllSizes } from './support.mjs';

const h = harness();

test('the first page shows the demo poll in Vietnamese, with its three choices', async () => {
  const page = await h.browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors = watchErrors(page);
  await page.goto(h.server.url);

  await page.getByRole('heading', { level: 2, name: 'Góp tiền làm đường bê tông liên xóm' }).waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'vi');
  const choices = page.getByRole('list', { name: /Hộ gia đình có đồng ý/ }).getByRole('listitem');
  assert.deepEqual(
    (await choices.allInnerTexts()).map((t) => t.split('\n')[0].trim()),
    ['Đồng ý', 'Không đồng ý', 'Ý kiến khác'],
  );
  await page.getByText('Thôn Đồng Tâm, Xã Tam Hưng').waitFor();
  await screenshotAllSizes(page, 'demo-poll-vi');
  assert.deepEqual(errors, []);
  await page.close();
});

test('the language switch shows English and is remembered after a reload', async () => {
  const context = await h.browser.newContext({ viewport: { width: 800, height: 1280 } });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(h.server.url);
  await page.getByRole('button', { name: 'English' }).click();

  await page.getByRole('heading', { level: 2, name: 'Contributing to the concrete road between hamlets' }).waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  await page.getByText('Agree', { exact: true }).waitFor();

  await page.reload();
  await page.getByRole('heading', { level: 2, name: 'Contributing to the concrete road between hamlets' }).waitFor();
  await screenshotAllSizes(page, 'demo-poll-en');
  await page.getByRole('button', { name: 'Tiếng Việt' }).click();
  await page.getByRole('heading', { level: 2, name: 'Góp tiền làm đường bê tông liên xóm' }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('a broken poll file gets a clear message in Vietnamese, not a blank page', async () => {
  // No service worker: once it claims the page it answers polls/demo.json from its cache, and
  // the broken file routed below would never be fetched (a race the test lost under load).
  const page = await h.browser.newPage({ serviceWorkers: 'block' });
  const errors = watchErrors(page);
  await page.route('**/polls/demo.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: '{"format": "phieu/poll", "version": 1' }),
  );
  await page.goto(h.server.url);
  await page.getByRole('heading', { name: 'Không mở được phiếu' }).waitFor();
  await page.getByRole('button', { name: 'Thử lại' }).waitFor();
  await page.unroute('**/polls/demo.json');
  await page.getByRole('button', { name: 'Thử lại' }).click();
  await page.getByRole('heading', { level: 2, name: 'Góp tiền làm đường bê tông liên xóm' }).waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});
