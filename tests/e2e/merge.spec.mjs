// Journey: the counting board brings the audit bundles of two tablets of the same sitting to
// one device and merges them. The merged result equals one box holding all the ballots, byte
// for byte; the same bundle added twice, a bundle of another poll and a tampered bundle are
// refused with a message naming the file and the reason, and what was merged stays as it was.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { harness, watchErrors, screenshotAllSizes } from './support.mjs';
import { fixture, file, LABELS, withChangedChoice, short } from './bundles.mjs';

const h = harness();

const shortOf = (json) => JSON.parse(json).fingerprint.slice(0, 16).toUpperCase().match(/.{4}/g).join('-');

test('two tablets merge into what one box holding every ballot gives; duplicates and other polls are refused', async () => {
  const context = await h.browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  const page = await context.newPage();
  const errors = watchErrors(page);
  const a = await fixture('demo-tablet-a.json');
  const b = await fixture('demo-tablet-b.json');
  const all = await fixture('demo-all.json');
  await page.goto(h.server.url + '#/merge');
  await page.getByRole('heading', { level: 1, name: 'Gộp kết quả các hòm phiếu' }).waitFor();
  const input = page.getByLabel(LABELS.merge);
  await input.setInputFiles([file('may-1.json', a), file('may-2.json', b)]);

  // Each box with its fingerprint and count, then the merged result.
  const boxes = page.getByRole('table', { name: 'Các hòm phiếu đã gộp' });
  await boxes.getByRole('row').nth(2).waitFor();
  const rows = (await boxes.getByRole('row').allInnerTexts()).slice(1).map((r) => r.split('\t').slice(0, 4).map((c) => c.trim()));
  assert.deepEqual(rows, [['1', 'may-1.json', shortOf(a), '6'], ['2', 'may-2.json', shortOf(b), '5']]);
  await page.getByRole('heading', { level: 1, name: 'Kết quả kiểm phiếu' }).waitFor();
  assert.equal(await page.getByTestId('fingerprint-short').first().innerText(), shortOf(all));
  await page.getByText('Được thông qua: 8/12 đại diện hộ gia đình đồng ý (từ 2/3 tổng số đại diện hộ gia đình trở lên, khoản 1 Điều 21 Luật 10/2022/QH15)').first().waitFor();
  // The merged minutes list every box.
  const minutes = page.getByRole('article', { name: /Bản số 1\/3/ });
  await minutes.getByRole('heading', { name: 'III. CÁC HÒM PHIẾU ĐIỆN TỬ ĐÃ GỘP' }).waitFor();
  for (const box of [a, b]) await minutes.getByRole('cell', { name: shortOf(box), exact: true }).waitFor();
  // Each box's own minutes code, which its own signed paper carries (issue 15).
  const codeOf = (json) => JSON.parse(json).minutes_code.slice(0, 16).toUpperCase().match(/.{4}/g).join('-');
  for (const box of [a, b]) await minutes.getByRole('cell', { name: codeOf(box), exact: true }).waitFor();
  await screenshotAllSizes(page, 'merge-vi');

  // The merged audit bundle is byte for byte the bundle of one box holding all eleven ballots.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Tải tệp kiểm tra (gửi xã)' }).click(),
  ]);
  assert.equal(await readFile(await download.path(), 'utf8'), all);

  // The same bundle again: refused, named, and the two boxes stay.
  await input.setInputFiles(file('may-1-lan-2.json', a));
  const alert = page.getByRole('alert');
  await alert.filter({ hasText: `«may-1-lan-2.json»: Không gộp tệp: Hòm thứ 3 trùng với hòm thứ 1 (mã kiểm tra hòm phiếu ${short(JSON.parse(a).fingerprint)}).` }).waitFor();
  assert.equal(await boxes.getByRole('row').count(), 3);

  // Another poll: refused.
  await input.setInputFiles(file('thon-khac.json', await fixture('other-poll.json')));
  await alert.filter({ hasText: '«thon-khac.json»: Không gộp tệp: Hòm thứ 3 là của một phiếu khác với hòm thứ 1' }).waitFor();

  // A tampered bundle does not even verify.
  await input.setInputFiles(file('sua.json', withChangedChoice(b).text));
  await alert.filter({ hasText: '«sua.json»: Tệp không qua kiểm tra: ' }).waitFor();
  assert.equal(await boxes.getByRole('row').count(), 3);
  assert.equal(await page.getByTestId('fingerprint-short').first().innerText(), shortOf(all));

  // In English too.
  await input.setInputFiles(file('again.json', b));
  await page.getByRole('button', { name: 'English' }).click();
  await alert.filter({ hasText: '«again.json»: Not merged: Box 3 is the same box as box 2' }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('a merge of one box is that box; removing a box merges the rest again', async () => {
  const page = await h.browser.newPage();
  const errors = watchErrors(page);
  const a = await fixture('demo-tablet-a.json');
  const b = await fixture('demo-tablet-b.json');
  await page.goto(h.server.url + '#/merge');
  await page.getByLabel(LABELS.merge).setInputFiles([file('a.json', a), file('b.json', b)]);
  const boxes = page.getByRole('table', { name: 'Các hòm phiếu đã gộp' });
  await boxes.getByRole('row').nth(2).waitFor();
  await page.getByRole('button', { name: 'Loại hòm này 1' }).click();
  await boxes.getByRole('row').nth(2).waitFor({ state: 'detached' });
  assert.equal(await boxes.getByRole('cell', { name: 'b.json' }).count(), 1);
  assert.equal(await page.getByTestId('fingerprint-short').first().innerText(), shortOf(b));
  await page.getByRole('button', { name: 'Loại tất cả' }).click();
  await boxes.waitFor({ state: 'detached' });
  assert.deepEqual(errors, []);
  await page.close();
});
