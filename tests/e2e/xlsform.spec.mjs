// Journey: an XLSForm brought from Kobo/ODK (issue #7). On the setup page an officer chooses the
// Fatherland Front survey tests/data/xlsform-mttq.xlsx: it becomes the chosen poll, with what was
// left out listed; a meeting runs on it, one respondent answers, the results count the answer and
// download as an Excel workbook. A bad form (tests/data/xlsform-bad.xlsx) lists every problem by
// sheet, row and column, one line per cause with its rows (issue 23), in Vietnamese and in
// English, and loses nothing already on the form.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { harness, watchErrors, screenshotAllSizes, root } from './support.mjs';
import { createMeeting, testAnythingAndOpen, castAnything, enterPin, castCount, closeVoting, openSetup } from './meeting_page.mjs';

const h = harness();
const sample = (name) => join(root, 'tests/data', name);
const poll = JSON.parse(await readFile(sample('xlsform-mttq.poll.json'), 'utf8'));
const [problemsVi, problemsEn] = (await readFile(sample('xlsform-bad.problems.txt'), 'utf8'))
  .trim()
  .split('\n\n')
  .map((block) => block.split('\n'));

test('a Kobo survey imported on setup is run in a meeting, counted, and exported to Excel', async () => {
  const work = await mkdtemp(join(tmpdir(), 'phieu-xlsform-'));
  const context = await h.browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await openSetup(page, h.server.url);

  await page.getByLabel('Biểu mẫu XLSForm (.xlsx, Kobo/ODK)').setInputFiles(sample('xlsform-mttq.xlsx'));
  const imported = page.locator('.xlsform-imported');
  await imported.getByText('Đã nhập «xlsform-mttq.xlsx»: 12 câu hỏi.').waitFor();
  // What was left out is said, cell by cell.
  await imported.getByText('trang tính survey, hàng 2, cột A (type): bỏ qua trường tự động "start"', { exact: false }).waitFor();
  assert.equal(await imported.getByRole('listitem').count(), 4);
  await page.getByRole('heading', { level: 2, name: poll.title.vi, exact: true }).waitFor();
  await screenshotAllSizes(page, 'xlsform-imported');

  await createMeeting(page, { title: poll.title.vi, total: '50', present: '30' });
  await testAnythingAndOpen(page);

  // One respondent. The first question carries the form's notes as lines of its own.
  await page.getByRole('button', { name: 'Mời cử tri tiếp theo' }).click();
  await page.getByRole('button', { name: 'Bắt đầu' }).click();
  const first = page.locator('.question-label');
  await first.getByText('Giới tính', { exact: false }).waitFor();
  assert.equal(await first.evaluate((e) => getComputedStyle(e).whiteSpace), 'pre-line');
  assert.deepEqual((await first.innerText()).split('\n'), poll.items[0].label.vi.split('\n'));
  await page.getByRole('button', { name: '← Quay lại', exact: true }).click();
  await castAnything(page);
  await enterPin(page);
  assert.equal(await castCount(page), 1);
  await closeVoting(page);

  // A survey's results are opinions collected, not a count of votes (issue 22, item 6).
  await page.getByRole('heading', { name: 'Kết quả lấy ý kiến' }).waitFor();
  const gender = page.locator('.result-item').first();
  assert.equal(await gender.getByRole('row', { name: /^Nam/ }).getByRole('cell').first().innerText(), '1');

  // The Excel workbook: named after the poll and the box, a zip with the four sheets.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: /^Tải kết quả \(Excel \.xlsx/ }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^phieu-mttq_dan_chu_co_so_2026-[0-9A-F]{4}(-[0-9A-F]{4}){3}-ket-qua\.xlsx$/);
  const file = join(work, download.suggestedFilename());
  await download.saveAs(file);
  const bytes = await readFile(file);
  assert.equal(bytes.subarray(0, 4).toString('latin1'), 'PK\u0003\u0004');
  for (const part of ['[Content_Types].xml', 'xl/workbook.xml', 'xl/styles.xml', 'xl/worksheets/sheet4.xml']) {
    assert.ok(bytes.includes(Buffer.from(part)), part);
  }
  assert.deepEqual(errors, []);
  await context.close();
  await rm(work, { recursive: true, force: true });
});

test('a bad form lists every problem by sheet, row and column, and nothing on the form is lost', async () => {
  const context = await h.browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await openSetup(page, h.server.url);
  const demo = await page.locator('.poll-title').innerText();
  await page.getByLabel(/^Tổng số/).fill('120');
  await page.getByLabel('Địa điểm').fill('Nhà văn hóa thôn Đồng Tâm');

  await page.getByLabel('Biểu mẫu XLSForm (.xlsx, Kobo/ODK)').setInputFiles(sample('xlsform-bad.xlsx'));
  const list = page.locator('.xlsform-problems');
  await list.getByText('«xlsform-bad.xlsx»: biểu mẫu có 13 chỗ cần sửa', { exact: false }).waitFor();
  assert.deepEqual(await list.getByRole('listitem').allInnerTexts(), problemsVi);
  // A few exactly, as an officer reads them.
  for (const message of [
    'trang tính survey, hàng 4, cột A (type): phieu chưa hỗ trợ loại câu hỏi "geopoint" (hỗ trợ: select_one, select_multiple, integer, text, note, begin/end group)',
    'trang tính survey, hàng 7, cột B (name): tên "Q1" (mã "q1") trùng với tên ở hàng 3',
    // Three rows of one cause are one line with their rows.
    'trang tính survey, hàng 10–12 (3 hàng), cột C (label): thiếu nhãn tiếng Việt: ô của cột label để trống',
    'trang tính choices, hàng 5, cột B (name): tên "a/b" không dùng làm mã được: chỉ dùng chữ, số, \'_\' và \'-\', tối đa 64 ký tự',
  ]) {
    await list.getByRole('listitem').filter({ hasText: message }).waitFor();
  }
  // Nothing lost: the chosen poll and what was typed stay.
  assert.equal(await page.locator('.poll-title').innerText(), demo);
  assert.equal(await page.getByLabel(/^Tổng số/).inputValue(), '120');
  assert.equal(await page.getByLabel('Địa điểm').inputValue(), 'Nhà văn hóa thôn Đồng Tâm');
  await list.scrollIntoViewIfNeeded();
  await screenshotAllSizes(page, 'xlsform-problems');

  // In English, the same problems in English.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole('button', { name: 'English' }).click();
  await list.getByText('“xlsform-bad.xlsx”: 13 problems to fix in the form', { exact: false }).waitFor();
  assert.deepEqual(await list.getByRole('listitem').allInnerTexts(), problemsEn);
  assert.equal(await page.getByLabel(/^Total/).inputValue(), '120');
  assert.deepEqual(errors, []);
  await context.close();
});
