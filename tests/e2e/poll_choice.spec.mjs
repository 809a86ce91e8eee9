// Journey: the officer picks a ready-made template, or opens a poll file of their own; a broken
// file is refused with a message that names the field, and the poll on screen stays as it was.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { harness, watchErrors, root } from './support.mjs';

const h = harness();

test('every template can be chosen and shows its own title', async () => {
  const index = JSON.parse(await readFile(join(root, 'assets/templates/index.json'), 'utf8'));
  assert.equal(index.length, 10, 'the nine templates of issue 7 and the board of issue 16');
  const page = await h.browser.newPage();
  const errors = watchErrors(page);
  await page.goto(h.server.url);
  for (const entry of index) {
    await page.getByLabel('Chọn mẫu phiếu').selectOption({ label: entry.title.vi });
    await page.getByRole('heading', { level: 2, name: entry.title.vi, exact: true }).waitFor();
  }
  assert.deepEqual(errors, []);
  await page.close();
});

test('a poll file of ones own is opened; a broken one is refused by field', async () => {
  const page = await h.browser.newPage();
  await page.goto(h.server.url);
  await page.getByRole('heading', { level: 2, name: 'Góp tiền làm đường bê tông liên xóm' }).waitFor();
  const demo = JSON.parse(await readFile(join(root, 'assets/polls/demo.json'), 'utf8'));

  const broken = { ...demo, rule: { preset: 'hai_phan_ba' } };
  await page.getByLabel('Hoặc mở tệp phiếu (.json) của mình').setInputFiles({
    name: 'hong.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(broken)),
  });
  const problem = page.getByRole('alert');
  await problem.waitFor();
  assert.match(await problem.innerText(), /hong\.json.*rule/s);
  await page.getByRole('heading', { level: 2, name: 'Góp tiền làm đường bê tông liên xóm' }).waitFor();

  const own = { ...demo, title: { vi: 'Sửa nhà văn hóa thôn', en: 'Repairing the village hall' } };
  await page.getByLabel('Hoặc mở tệp phiếu (.json) của mình').setInputFiles({
    name: 'nha-van-hoa.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(own)),
  });
  await page.getByRole('heading', { level: 2, name: 'Sửa nhà văn hóa thôn' }).waitFor();
  assert.equal(await page.getByRole('alert').count(), 0);
  await page.close();
});
