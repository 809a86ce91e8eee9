// Journey (issue 19, done-when): three meetings on one tablet — one by ballot, one by a show of
// hands, one by paper ballots counted twice on the tablet with one deliberate difference that
// must be recounted before the vote can close. The hands meeting is uploaded to a real
// `phieu collect`. Then the list of meetings: after a reload the first one's minutes reopen; the
// first (neither uploaded nor saved to a file) cannot be deleted; the uploaded one is.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { watchErrors, screenshots } from './support.mjs';
import { fillSetup, testAndOpen, voter, closeVoting, PIN } from './meeting_page.mjs';
import { portalHarness } from './collector.mjs';

const TOKEN = 'portal-token-three-meetings-0123';
const h = portalHarness(TOKEN, 'three');

/** The first copy of the minutes on the results page, whitespace collapsed. */
async function minutes(page) {
  const copy = page.getByRole('article', { name: /Bản số 1\// });
  await copy.waitFor();
  return (await copy.innerText()).replace(/\s+/g, ' ');
}

/** Sets up the demo poll's meeting at `time`; `how` ticks hands or paper first. */
async function setUp(page, time, how) {
  await fillSetup(page);
  await page.getByLabel('Thời gian').fill(time);
  if (how === 'hands') await page.getByRole('checkbox', { name: /biểu quyết giơ tay$/ }).check();
  if (how === 'paper') await page.getByRole('checkbox', { name: /^Bỏ phiếu bằng phiếu giấy/ }).check();
  await page.getByRole('button', { name: 'Tạo cuộc họp' }).click();
  await page.getByRole('heading', { name: 'Bảng điều khiển của cán bộ' }).waitFor();
}

/** Counter `k` (1 or 2) taps one paper ballot per entry: an option's name, or 'invalid'. */
async function count(page, k, ballots) {
  await page.getByRole('button', { name: new RegExp(`^Người đếm ${k} \\(`) }).click();
  const sheet = page.locator('.sheet');
  for (const b of ballots) {
    if (b === 'invalid') await sheet.getByRole('button', { name: 'Phiếu không hợp lệ' }).click();
    else await sheet.getByRole('button', { name: b, exact: true }).click();
  }
  await page.getByRole('button', { name: `Người đếm ${k} (${ballots.length} phiếu)` }).waitFor();
}

test('three meetings: by ballot, by hands, on paper counted twice; the list reopens, refuses and deletes', async () => {
  const context = await h.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(h.server.url);

  // 1. By ballot on the tablet.
  await setUp(page, '8 giờ, ngày 1/12/2026');
  await testAndOpen(page);
  await voter(page, 'Đồng ý');
  await closeVoting(page);
  await page.getByRole('heading', { name: 'Kết quả kiểm phiếu' }).waitFor();

  // 2. By a show of hands, then uploaded.
  await page.getByRole('button', { name: /Chuẩn bị cuộc họp mới/ }).click();
  await setUp(page, '9 giờ, ngày 2/12/2026', 'hands');
  const form = page.getByRole('form', { name: /^1\. / });
  for (const [i, n] of [9, 1, 0].entries()) await form.locator('input').nth(i).fill(String(n));
  await form.getByRole('button', { name: 'Lưu kết quả giơ tay' }).click();
  await form.getByText('Đã lưu').waitFor();
  await closeVoting(page);
  await page.getByRole('heading', { name: 'Kết quả kiểm phiếu' }).waitFor();
  assert.match(await minutes(page), /Biểu quyết công khai bằng hình thức giơ tay/);
  await page.getByLabel('Địa chỉ nhận tệp kiểm tra (URL)').fill(h.collector.url);
  await page.getByLabel('Mã tải lên').fill(TOKEN);
  await page.getByLabel('Mã PIN của cán bộ để lưu cài đặt').fill(PIN);
  await page.getByRole('button', { name: 'Lưu cài đặt' }).click();
  await page.getByText('Đã lưu cài đặt.').waitFor();
  await page.getByRole('button', { name: 'Gửi lên cổng thông tin' }).click();
  await page.getByText('Đã gửi: cổng thông tin đã nhận và lưu hòm phiếu.').waitFor();

  // 3. On paper: 4 issued, 4 returned; counter 2 mishears the second ballot.
  await page.getByRole('button', { name: /Chuẩn bị cuộc họp mới/ }).click();
  await setUp(page, '10 giờ, ngày 3/12/2026', 'paper');
  assert.equal(await page.getByRole('button', { name: 'Bỏ một phiếu thử' }).count(), 0, 'no tablet ballot to test');
  await page.getByLabel('Số phiếu giấy đã phát ra').fill('4');
  await page.getByRole('button', { name: 'Lưu số phiếu phát ra' }).click();
  await page.getByText('Đã lưu: 4 phiếu phát ra').waitFor();
  await count(page, 1, ['Đồng ý', 'Đồng ý', 'Không đồng ý', 'invalid']);
  await count(page, 2, ['Đồng ý', 'Không đồng ý', 'Không đồng ý', 'invalid']);
  const differences = page.locator('.differences');
  await differences.getByText('Hai lần đếm chưa khớp').waitFor();
  assert.match(await differences.innerText(), /Đồng ý: người đếm 1 được 2, người đếm 2 được 1/);
  assert.match(await differences.innerText(), /Không đồng ý: người đếm 1 được 1, người đếm 2 được 2/);
  assert.ok(await page.getByRole('button', { name: 'Kết thúc bỏ phiếu' }).isDisabled(), 'no minutes before the recount');
  await page.screenshot({ path: join(screenshots, 'paper-differences-1280x800.png'), fullPage: true });
  // Counter 2 counts again, right this time; the sheet survives a reload meanwhile.
  await page.getByRole('button', { name: 'Người đếm 2 đếm lại từ đầu…' }).click();
  await page.getByRole('button', { name: 'Xóa và đếm lại' }).click();
  await page.getByRole('button', { name: 'Người đếm 2 (0 phiếu)' }).waitFor();
  await count(page, 2, ['Đồng ý', 'Đồng ý', 'Không đồng ý', 'invalid']);
  await page.getByText('Hai lần đếm khớp nhau').waitFor();
  await closeVoting(page);
  await page.getByRole('heading', { name: 'Kết quả kiểm phiếu' }).waitFor();
  // The page's own figures are the paper's, not the tablet's zeros.
  const facts = (await page.locator('dl.facts').innerText()).replace(/\s+/g, ' ');
  assert.match(facts, /Số phiếu giấy thu vào 4/);
  assert.doesNotMatch(facts, /Số phiếu trắng/);
  const paper = await minutes(page);
  for (const line of [/Số phiếu giấy phát ra\s*:?\s*4/, /Số phiếu giấy thu vào\s*:?\s*4/, /Số phiếu giấy không hợp lệ\s*:?\s*1/,
    /hai người đếm độc lập/, /Bỏ phiếu kín bằng phiếu giấy, kiểm phiếu bằng máy tính bảng/]) {
    assert.match(paper, line);
  }
  // A box of its own, not the hands meeting's (neither took a tablet ballot): it may be sent,
  // and the outbox's list (every bundle sent from here) does not have it yet.
  await page.getByRole('button', { name: 'Gửi lên cổng thông tin' }).waitFor();
  const box = (await page.getByTestId('fingerprint-short').first().innerText()).trim();
  const sent = page.getByRole('list', { name: 'Các tệp kiểm tra đang gửi và đã gửi' });
  assert.equal(await sent.getByRole('listitem').count(), 1, 'the hands meeting only');
  assert.doesNotMatch(await sent.innerText(), new RegExp(box));
  await page.screenshot({ path: join(screenshots, 'paper-minutes-1280x800.png'), fullPage: true });

  // The list, after a reload.
  await page.reload();
  await page.getByRole('link', { name: 'Các cuộc họp' }).click();
  await page.getByRole('heading', { name: 'Các cuộc họp trên máy này' }).waitFor();
  const items = page.locator('.past');
  await items.nth(2).waitFor();
  const texts = await items.allInnerTexts();
  assert.equal(texts.length, 3);
  assert.match(texts[0], /10 giờ, ngày 3\/12\/2026/);
  assert.match(texts[1], /9 giờ, ngày 2\/12\/2026/);
  assert.match(texts[2], /8 giờ, ngày 1\/12\/2026/);
  // The first meeting's ballots live only here: no delete.
  assert.equal(await items.nth(2).getByRole('button', { name: 'Xóa khỏi máy…' }).count(), 0);
  await items.nth(2).getByText('Chỉ xóa được khi kết quả đã gửi lên').waitFor();
  await items.nth(2).getByRole('button', { name: 'Mở kết quả và biên bản' }).click();
  await page.getByRole('heading', { name: 'Kết quả kiểm phiếu' }).waitFor();
  assert.match(await minutes(page), /8 giờ, ngày 1\/12\/2026/);
  assert.match(await minutes(page), /Số phiếu thu vào\s*:?\s*1/);
  // The uploaded one is deleted, after two confirmations.
  await page.getByRole('link', { name: 'Các cuộc họp' }).click();
  await items.nth(1).getByRole('button', { name: 'Xóa khỏi máy…' }).click();
  await items.nth(1).getByRole('button', { name: 'Tiếp tục xóa' }).click();
  await items.nth(1).getByRole('button', { name: 'Xóa hẳn' }).click();
  await page.getByText('Đã xóa cuộc họp khỏi máy.').waitFor();
  await page.waitForFunction(() => document.querySelectorAll('.past').length === 2);
  assert.doesNotMatch((await items.allInnerTexts()).join('\n'), /9 giờ, ngày 2\/12\/2026/);
  assert.deepEqual(errors, []);
  await context.close();
});
