// Journey: an auditor who was not at the meeting opens the verify page offline, chooses the
// audit bundle the commune received (and the public summary), and reads in plain words whether
// everything checks out, the fingerprint to compare with the paper, and the regenerated minutes.
// A tampered bundle (a changed choice, a dropped ballot), a truncated file and a huge file are
// each named exactly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { harness, watchErrors, screenshotAllSizes, root } from './support.mjs';
import { fixture, file, canonical, withChangedChoice, withDroppedBallot, openVerify, codes, short } from './bundles.mjs';

const { fingerprint: FINGERPRINT, minutesCode: MINUTES_CODE } = await codes('demo-all.json');
const PASSED = 'Được thông qua: 8/12 đại diện hộ gia đình đồng ý (từ 2/3 tổng số đại diện hộ gia đình trở lên, khoản 1 Điều 21 Luật 10/2022/QH15)';
const h = harness();

/** A tamper report is read by an officer or an auditor: plain sentences, no field path such as
 * `tally.items[0]` or `outcomes[0].of` (issue 22, item 1). */
function assertNoPaths(listed) {
  for (const m of listed) assert.doesNotMatch(m, /\w\[\d+\]|^[a-z_]+(\.[a-z_]+)*:/, m);
}

test('a good bundle and its public summary: every check passes, minutes regenerated', async () => {
  const page = await h.browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors = watchErrors(page);
  const bundle = await fixture('demo-all.json');
  await openVerify(page, h.server.url, file('demo-all.json', bundle), file('summary.json', await fixture('demo-all-summary.json')));

  await page.getByRole('heading', { name: '✓ Mọi kiểm tra đều khớp' }).waitFor();
  const checks = page.locator('.checks > li');
  assert.equal(await checks.count(), 6);
  for (const text of await checks.allInnerTexts()) assert.match(text, /^✓\s*Khớp:/);
  await page.getByText('Mọi mã cam kết khớp với nội dung phiếu (11 phiếu)').waitFor();
  await page.getByText('Bản tóm tắt công khai khớp với tệp kiểm tra').waitFor();
  // The fingerprint to compare with the paper, and the minutes rebuilt from the file.
  assert.equal(await page.getByTestId('fingerprint-short').first().innerText(), FINGERPRINT);
  const minutes = page.getByRole('article', { name: /Bản số 1\/3/ });
  await minutes.getByRole('heading', { name: 'BIÊN BẢN KIỂM PHIẾU' }).waitFor();
  await minutes.getByText(PASSED).waitFor();
  assert.equal(await page.getByTestId('minutes-code-short').first().innerText(), MINUTES_CODE);
  await screenshotAllSizes(page, 'verify-ok-vi');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a changed choice is named: the ballot, the counts, the fingerprint and the minutes code', async () => {
  const page = await h.browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors = watchErrors(page);
  const original = await fixture('demo-all.json');
  assert.equal(canonical(JSON.parse(original)), original, 'the fixture round-trips through JSON');
  const { text, index } = withChangedChoice(original);
  await openVerify(page, h.server.url, file('tampered.json', text));

  await page.getByRole('alert').filter({ hasText: '✗ Có điểm không khớp' }).waitFor();
  const listed = await page.locator('.discrepancies li').allInnerTexts();
  assert.ok(listed.some((m) => m.startsWith(`Phiếu thứ ${index + 1}: mã cam kết ghi trong tệp không khớp`)), listed.join('\n'));
  assert.ok(listed.includes('Câu 1, lựa chọn thứ 1: số phiếu: tệp ghi 8, kiểm lại từ các phiếu được 7.'), listed.join('\n'));
  assert.ok(listed.includes('Câu 1, lựa chọn thứ 2: số phiếu: tệp ghi 2, kiểm lại từ các phiếu được 3.'), listed.join('\n'));
  assert.ok(listed.some((m) => m.startsWith(`Mã kiểm tra hòm phiếu ghi trong tệp là ${FINGERPRINT},`)), listed.join('\n'));
  assert.ok(listed.some((m) => m.startsWith(`Mã biên bản ghi trong tệp là ${MINUTES_CODE},`)), listed.join('\n'));
  assertNoPaths(listed);
  // The file itself is readable: only the claims fail.
  assert.match(await page.locator('.checks > li').first().innerText(), /^✓/);
  // No minutes are regenerated from a bundle that does not verify.
  assert.equal(await page.getByRole('heading', { name: 'BIÊN BẢN KIỂM PHIẾU' }).count(), 0);
  await screenshotAllSizes(page, 'verify-tampered-vi');

  // The same report in English.
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('alert').filter({ hasText: '✗ Something does not check out' }).waitFor();
  await page.getByText('Question 1, option 1: the count: the file says 8, the ballots give 7.').waitFor();
  assertNoPaths(await page.locator('.discrepancies li').allInnerTexts());
  assert.deepEqual(errors, []);
  await page.close();
});

test('a dropped ballot is named: the ballot count, the option count and the fingerprint', async () => {
  const page = await h.browser.newPage();
  const errors = watchErrors(page);
  const { text, dropped } = withDroppedBallot(await fixture('demo-all.json'));
  await openVerify(page, h.server.url, file('dropped.json', text));

  await page.getByRole('alert').filter({ hasText: '✗ Có điểm không khớp' }).waitFor();
  const listed = await page.locator('.discrepancies li').allInnerTexts();
  assert.ok(listed.includes('Số phiếu: tệp ghi 11, kiểm lại từ các phiếu được 10.'), listed.join('\n'));
  assertNoPaths(listed);
  const option = ['dong_y', 'khong_dong_y', 'y_kien_khac'].indexOf(dropped.answers[0].option);
  assert.ok(listed.some((m) => m.startsWith(`Câu 1, lựa chọn thứ ${option + 1}: số phiếu: tệp ghi `)), listed.join('\n'));
  assert.ok(listed.some((m) => m.startsWith(`Mã kiểm tra hòm phiếu ghi trong tệp là ${FINGERPRINT},`)), listed.join('\n'));
  assert.deepEqual(errors, []);
  await page.close();
});

// Issue 15, hole 1, as an auditor meets it: a public summary whose tally was changed and then made
// consistent (outcome, sentences and minutes code recomputed) passes every check of the file
// alone; the code printed on the signed paper tells it apart.
test('the code printed on the paper minutes tells the signed file from a consistent forgery', async () => {
  const page = await h.browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors = watchErrors(page);
  const cli = join(root, 'crates/cli/tests/data');
  const good = JSON.parse(await readFile(join(cli, 'good.json'), 'utf8'));
  const paper = short(good.minutes_code);
  const forged = await readFile(join(cli, 'tampered-summary.json'), 'utf8');
  await openVerify(page, h.server.url, undefined, file('forged-summary.json', forged));
  await page.getByRole('heading', { name: '✓ Mọi kiểm tra đều khớp' }).waitFor();
  // The officer types the code as printed on the paper (lower case and spaces are fine).
  await page.getByLabel('Mã biên bản in trên biên bản giấy (không bắt buộc)').fill(paper.toLowerCase().replaceAll('-', ' '));
  await page.getByRole('alert').filter({ hasText: '✗ Có điểm không khớp' }).waitFor();
  const listed = await page.locator('.discrepancies li').allInnerTexts();
  assert.ok(listed.some((m) => m.includes(`không phải ${paper} in trên giấy`)), listed.join('\n'));
  // The genuine summary with the same code: the signed file.
  await page.reload();
  await openVerify(page, h.server.url, undefined, file('good-summary.json', await readFile(join(cli, 'good-summary.json'), 'utf8')));
  await page.getByLabel('Mã biên bản in trên biên bản giấy (không bắt buộc)').fill(paper);
  await page.getByText('Đúng là tệp của biên bản giấy đã ký (mã biên bản khớp)').waitFor();
  await page.getByRole('heading', { name: '✓ Mọi kiểm tra đều khớp' }).waitFor();
  // A code that cannot be one is said so, not taken for another file's.
  await page.getByLabel('Mã biên bản in trên biên bản giấy (không bắt buộc)').fill('12AB');
  await page.getByText('Mã vừa nhập không phải mã biên bản', { exact: false }).waitFor();
  await screenshotAllSizes(page, 'verify-paper-code-vi');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a truncated file and a huge file are refused with a message naming the problem', async () => {
  const page = await h.browser.newPage();
  const errors = watchErrors(page);
  const bundle = await fixture('demo-all.json');
  await openVerify(page, h.server.url, file('half.json', bundle.slice(0, bundle.length / 2)));
  const failed = page.locator('.checks > li').first();
  await failed.filter({ hasText: 'Không khớp' }).waitFor();
  // A sentence for the officer, without the field path (issue 22): that is for phieu --json.
  assert.match(await failed.innerText(), /«half\.json».*\n?.*Tệp không đọc được: nội dung hỏng ở dòng \d+, cột \d+/s);
  assert.doesNotMatch(await failed.innerText(), /\$|\w\[\d+\]/);

  const huge = { name: 'huge.json', mimeType: 'application/json', buffer: Buffer.alloc(21 * 1024 * 1024, 32) };
  await page.getByLabel('Tệp kiểm tra (.json)').setInputFiles(huge);
  await page.getByRole('alert').filter({ hasText: '«huge.json»: tệp nặng 21,0 MB, quá giới hạn 20,0 MB' }).waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});
