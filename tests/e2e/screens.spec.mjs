// Journeys of issue 22, "What voters and officers see": every voter and officer screen speaks
// in plain sentences (no field path, no id); the lock screen says what became of the last
// ballot after a reload mid-ballot, and the console tells the officer; the browser's Back
// keeps a voter on the ballot; a question's maximum is refused at once; the receipt counts
// down; and every voter screen's and the PIN pad's primary button is on screen, without
// scrolling, at the three promised sizes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { harness, watchErrors, SIZES, screenshotAllSizes, screenshots } from './support.mjs';
import { createMeeting, fillSetup, testAnythingAndOpen, enterPin, usePin, castCount, closeVoting, PIN } from './meeting_page.mjs';
import { SURVEY, firstQuestion, respond, counts } from './field_page.mjs';
import { openVerify, file, canonical } from './bundles.mjs';

const h = harness();

/** Text that looks like a field path or an id: `answers[0]`, `outcomes[0].of`, `"q1"`. */
const DEVELOPER_TEXT = /\w\[\d+\]|\b(answers|items|outcomes|tally)[.[]|"[a-z0-9_]+"/;

async function assertPlain(page, where) {
  const text = await page.locator('body').innerText();
  assert.doesNotMatch(text, DEVELOPER_TEXT, `${where}: ${text}`);
  // Nor a rule's or a format's JSON name (`majority_present`, `phieu/audit-bundle`).
  const named = text.match(/\b(majority|two_thirds|confidence)_\w+|phieu\/(audit|public|poll)[a-z-]*/);
  assert.equal(named, null, `${where}: ${named?.[0]} in ${text}`);
}

const CONSOLE = 'Bảng điều khiển của cán bộ';
const REVIEW = 'Xem lại phiếu của ông/bà';

test('plain words for voters and the officer; a reload mid-ballot is said on the lock screen and the console; Back stays on the ballot', async () => {
  const context = await h.browser.newContext({ viewport: SIZES['tablet-landscape'] });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(h.server.url);
  await createMeeting(page);
  await testAnythingAndOpen(page);
  await page.getByRole('heading', { name: CONSOLE }).waitFor();
  await assertPlain(page, 'console');

  // Tiếp without a choice: a sentence, not `answers[0]: câu "…" bắt buộc phải trả lời`.
  await page.getByRole('button', { name: 'Mời cử tri tiếp theo' }).click();
  await page.getByRole('button', { name: 'Bắt đầu' }).waitFor();
  await assertPlain(page, 'welcome');
  await page.getByRole('button', { name: 'Bắt đầu' }).click();
  await page.getByRole('button', { name: 'Tiếp →' }).click();
  const problem = page.getByRole('alert');
  assert.equal(await problem.innerText(), 'Xin chọn một ý trước khi bấm Tiếp.');
  await assertPlain(page, 'question with its problem');
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByText('Please choose one before pressing Next.').waitFor();
  await assertPlain(page, 'question with its problem, in English');
  await page.getByRole('button', { name: 'Tiếng Việt' }).click();

  // The browser's Back (a back swipe) keeps the voter on the ballot.
  const address = page.url();
  await page.goBack();
  await page.getByRole('radio', { name: 'Đồng ý', exact: true }).click();
  assert.equal(page.url(), address);
  await page.getByRole('button', { name: 'Tiếp →' }).click();
  await page.getByRole('heading', { name: REVIEW }).waitFor();
  await assertPlain(page, 'review');
  // The Sửa button is below the answer, and the hint says so (item 9).
  await page.getByText('Muốn sửa, bấm Sửa ngay dưới câu trả lời.', { exact: false }).waitFor();

  // A reload before Xác nhận: the ballot is not in the box, and the tablet says so.
  await page.reload();
  await page.getByRole('heading', { name: 'Xin đưa máy lại cho cán bộ' }).waitFor();
  await page.getByText('Phiếu vừa rồi chưa được bỏ vào hòm: người bỏ phiếu chưa bấm Xác nhận.').waitFor();
  assert.equal(await page.getByText(/nếu ông\/bà đã thấy/).count(), 0, 'no guess');
  await screenshotAllSizes(page, 'screens-lock-abandoned');
  await page.setViewportSize(SIZES['tablet-landscape']);
  await enterPin(page);
  await page.getByRole('heading', { name: CONSOLE }).waitFor();
  const notice = await page.getByRole('alert').filter({ hasText: 'bị bỏ dở' }).innerText();
  assert.match(notice, /phiếu phát ra không thu vào/);
  assert.match(notice, /Số phiếu bỏ dở trong cuộc họp này: 1\./);
  assert.equal(await castCount(page), 0);

  // The next voter casts: the receipt counts down, and the lock screen says it was recorded.
  await page.getByRole('button', { name: 'Mời cử tri tiếp theo' }).click();
  // Letting a voter in stores the issue first: the ballot opens a moment after the tap.
  await page.getByRole('button', { name: 'Bắt đầu' }).waitFor();
  assert.equal(await page.getByText('bị bỏ dở').count(), 0, 'the notice goes with the next voter');
  await page.getByRole('button', { name: 'Bắt đầu' }).click();
  await page.getByRole('radio', { name: 'Không đồng ý', exact: true }).click();
  await page.getByRole('button', { name: 'Tiếp →' }).click();
  await page.getByRole('button', { name: 'Xác nhận' }).click();
  await page.getByRole('heading', { name: /đã được ghi nhận/ }).waitFor();
  await page.getByText(/^Màn hình tự trở về cán bộ sau \d+ giây\.$/).waitFor();
  await assertPlain(page, 'receipt');
  // A code an elderly voter can copy (item 5): four groups of three, no look-alikes.
  assert.match(await page.locator('.receipt-code').innerText(), /^[0-9ACDEHKMNPRTUXY]{3}(-[0-9ACDEHKMNPRTUXY]{3}){3}$/);
  await screenshotAllSizes(page, 'screens-receipt');
  await page.setViewportSize(SIZES['tablet-landscape']);
  await page.getByRole('button', { name: 'Xong' }).click();
  await page.getByText('Cảm ơn ông/bà. Phiếu vừa rồi đã được ghi nhận.').waitFor();
  await assertPlain(page, 'lock screen');
  await screenshotAllSizes(page, 'screens-lock-recorded');
  await page.setViewportSize(SIZES['tablet-landscape']);
  await enterPin(page);
  await page.getByRole('heading', { name: CONSOLE }).waitFor();
  assert.equal(await castCount(page), 1);
  await assertPlain(page, 'console after a voter');

  // The results: plain words, and preparing a new meeting says the closed one stays (item 9).
  await closeVoting(page);
  await page.getByRole('heading', { name: 'Kết quả kiểm phiếu' }).waitFor();
  await page.getByText('Kết quả, biên bản và tệp kiểm tra của cuộc họp vừa kết thúc vẫn được lưu trên máy này.').waitFor();
  await assertPlain(page, 'results');
  // The verify page says what a commitment is before it names one; its menu entry is not the
  // test's "Kiểm tra kết quả thử" (item 9).
  await page.goto(h.server.url + 'office.html#/verify');
  await page.getByRole('heading', { level: 1, name: 'Kiểm chứng tệp kết quả' }).waitFor();
  await page.getByRole('link', { name: 'Kiểm chứng tệp kết quả' }).waitFor();
  await page.getByText(/Mỗi phiếu trong tệp có một mã cam kết, tính từ chính nội dung phiếu/).waitFor();
  await assertPlain(page, 'verify page');
  assert.deepEqual(errors, []);
  await context.close();
});

/** Whether `locator` lies wholly inside the viewport, the page scrolled to its top, at each of
 * the three sizes. */
async function onScreenAtEverySize(page, locator, what) {
  for (const [size, viewport] of Object.entries(SIZES)) {
    await page.setViewportSize(viewport);
    await page.evaluate(() => window.scrollTo(0, 0));
    const box = await locator.boundingBox();
    assert.ok(box, `${what} at ${size}: not shown`);
    assert.ok(box.y >= 0 && box.y + box.height <= viewport.height + 0.5,
      `${what} at ${size} (${viewport.width}×${viewport.height}): from ${box.y} to ${box.y + box.height}`);
  }
  await page.setViewportSize(SIZES['tablet-landscape']);
}

test('a test ballot of seven candidates: every primary button on screen at three sizes; a sixth name is refused at once', async () => {
  const TITLE = 'Phiếu bầu thành viên Ban Giám sát đầu tư của cộng đồng';
  const context = await h.browser.newContext({ viewport: SIZES['tablet-landscape'] });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(h.server.url);
  await page.getByLabel('Chọn mẫu phiếu').selectOption({ label: TITLE });
  await createMeeting(page, { title: TITLE, total: '7', present: '5' });
  // The test ballot: its banner makes every screen taller.
  await page.getByRole('button', { name: 'Bỏ một phiếu thử' }).click();
  await onScreenAtEverySize(page, page.getByRole('button', { name: 'Bắt đầu' }), 'Bắt đầu');
  await page.getByRole('button', { name: 'Bắt đầu' }).click();
  const next = page.getByRole('button', { name: 'Tiếp →' });
  await onScreenAtEverySize(page, next, 'Tiếp on seven candidates');

  // Five of seven: the other two are off and say why; unticking one turns them back on.
  await page.getByText('Chọn tối đa 5').waitFor();
  const names = ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường', 'Phạm Thị Dung', 'Hoàng Văn Em'];
  for (const name of names) await page.getByRole('checkbox', { name, exact: true }).click();
  const sixth = page.getByRole('checkbox', { name: 'Đỗ Văn Hùng', exact: true });
  assert.ok(await sixth.isDisabled(), 'a sixth name cannot be ticked');
  const full = page.getByText('Đã chọn đủ 5. Muốn chọn ý khác, hãy bỏ chọn một ý trước.');
  await full.waitFor();
  // Scrolled to the end, the sticky Tiếp bar covers neither the last name nor the line that
  // says the maximum is reached (at every size). A full-page screenshot draws the sticky bar
  // where it sat in the first screenful, over a name; what the voter sees at the end is this.
  for (const [size, viewport] of Object.entries(SIZES)) {
    await page.setViewportSize(viewport);
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const bar = await page.locator('.voter-nav').boundingBox();
    for (const [what, locator] of [['the last name', page.getByRole('checkbox', { name: 'Đỗ Văn Hùng', exact: true })], ['Đã chọn đủ', full]]) {
      const box = await locator.boundingBox();
      assert.ok(box.y + box.height <= bar.y + 0.5, `${what} at ${size}: ends at ${box.y + box.height}, the bar starts at ${bar.y}`);
    }
    await page.screenshot({ path: join(screenshots, `screens-five-of-seven-end-${size}.png`) });
  }
  await screenshotAllSizes(page, 'screens-five-of-seven');
  await page.setViewportSize(SIZES['tablet-landscape']);
  await page.getByRole('checkbox', { name: 'Hoàng Văn Em', exact: true }).click();
  assert.ok(await sixth.isEnabled(), 'unticking one lets another be chosen');
  await page.getByRole('checkbox', { name: 'Hoàng Văn Em', exact: true }).click();
  await assertPlain(page, 'five of seven');

  await next.click();
  await page.getByRole('heading', { name: REVIEW }).waitFor();
  await assertPlain(page, 'review of seven candidates');
  const confirm = page.getByRole('button', { name: 'Xác nhận' });
  await onScreenAtEverySize(page, confirm, 'Xác nhận');
  await confirm.click();
  await page.getByRole('heading', { name: /đã được ghi nhận/ }).waitFor();
  await onScreenAtEverySize(page, page.getByRole('button', { name: 'Xong' }), 'Xong');
  await page.getByRole('button', { name: 'Xong' }).click();

  // The PIN pad: Mở khóa on screen at every size.
  await page.getByRole('button', { name: 'Khóa máy' }).click();
  await page.getByRole('heading', { name: 'Xin đưa máy lại cho cán bộ' }).waitFor();
  await assertPlain(page, 'lock screen');
  await usePin(page);
  await page.getByLabel('Mã PIN của cán bộ').fill(PIN);
  await onScreenAtEverySize(page, page.getByRole('button', { name: 'Mở khóa' }), 'Mở khóa');
  await page.getByRole('button', { name: 'Mở khóa' }).click();
  await page.getByRole('heading', { name: CONSOLE }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('a setup that cannot be created takes the officer to the first field to fix', async () => {
  const context = await h.browser.newContext({ viewport: SIZES.phone });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(h.server.url);
  await fillSetup(page);
  const total = page.getByLabel(/^Tổng số/);
  await total.fill('');
  await page.getByRole('button', { name: 'Tạo cuộc họp' }).click();
  await page.getByText('Hãy sửa các mục được đánh dấu.').waitFor();
  await page.waitForFunction(() => document.activeElement?.getAttribute('aria-invalid') === 'true');
  assert.ok(await total.evaluate((el) => el === document.activeElement), 'the first field to fix has the focus');
  const box = await total.boundingBox();
  assert.ok(box.y >= 0 && box.y + box.height <= SIZES.phone.height, `in view: ${JSON.stringify(box)}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the designer opens at its top, even from the middle of setup, and its summary names the field to fix', async () => {
  const context = await h.browser.newContext({ viewport: SIZES.phone });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(h.server.url);
  await fillSetup(page);
  const link = page.getByRole('link', { name: 'Soạn phiếu' });
  await link.scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollBy(0, 200));
  assert.ok(await page.evaluate(() => window.scrollY) > 0, 'setup is scrolled down');
  await link.click();
  await page.getByRole('heading', { level: 1, name: 'Soạn phiếu', exact: true }).waitFor();
  await page.waitForFunction(() => window.scrollY === 0);
  // A blank poll: the summary at the top names the field to fix, not only the problem.
  await page.getByRole('button', { name: /^Lấy ý kiến/ }).click();
  await page.locator('#d-problems').getByText('Phiếu chưa dùng được. Cần sửa: Tiêu đề phiếu: Không được để trống.').waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

/** The minutes as printed, screenshotted at the three sizes. */
async function screenshotMinutes(page, name) {
  await page.emulateMedia({ media: 'print' });
  await screenshotAllSizes(page, name);
  await page.emulateMedia({ media: 'screen' });
  await page.setViewportSize(SIZES['tablet-landscape']);
}

test('a survey speaks of respondents: no Quay lại on its first question, skipped questions counted as not asked, its recorder on the minutes; the office pages and a tampered file are plain', async () => {
  const context = await h.browser.newContext({ viewport: SIZES['tablet-landscape'] });
  await context.clock.setFixedTime(new Date('2026-12-02T09:30:00'));
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(h.server.url + SURVEY);
  await firstQuestion(page);
  // Nothing to go back to before the first question (item 9).
  assert.equal(await page.getByRole('button', { name: '← Quay lại' }).count(), 0);
  await page.getByRole('button', { name: 'Tiếp →' }).click();
  await page.getByRole('alert').waitFor();
  await assertPlain(page, 'a respondent without an answer');

  // Satisfied: question 2 (asked only of the dissatisfied) is skipped; then one who is not.
  await respond(page, ['Hài lòng']);
  assert.deepEqual(await counts(page), { today: 1, total: 1 });
  await assertPlain(page, 'staff screen');
  await page.getByRole('button', { name: 'Người trả lời tiếp theo' }).click();
  await firstQuestion(page);
  await respond(page, ['Không hài lòng']);
  await page.getByRole('button', { name: 'Kết thúc khảo sát' }).click();
  await page.getByRole('heading', { name: 'Kết thúc khảo sát?' }).waitFor();
  await assertPlain(page, 'closing the survey');
  await page.getByLabel('Cán bộ thực hiện (không bắt buộc)').fill('Lê Thị Hoa');
  await page.getByLabel('Tôi đã lấy xong ý kiến; không thêm phiếu nữa.').check();
  await page.getByRole('button', { name: 'Kết thúc khảo sát', exact: true }).click();

  // The results: shares of the respondents; question 2 not asked of one, left blank by none.
  await page.waitForURL(/office\.html/);
  const download = page.getByRole('button', { name: 'Tải tệp kiểm tra (gửi xã)' });
  await download.waitFor();
  await page.getByRole('heading', { level: 1, name: 'Kết quả lấy ý kiến' }).waitFor();
  await assertPlain(page, 'survey results');
  const second = page.locator('.result-item').nth(1);
  await second.getByRole('columnheader', { name: 'Tỷ lệ trên tổng số người trả lời' }).waitFor();
  const row = async (label) => (await second.getByRole('row', { name: label }).innerText()).replace(/\s+/g, ' ').trim();
  assert.equal(await row('Không hỏi (bỏ qua theo câu trả lời trước)'), 'Không hỏi (bỏ qua theo câu trả lời trước) 1 50,00%');
  assert.equal(await row('Để trống'), 'Để trống 0 0,00%');
  assert.equal(await page.getByText('cử tri (hộ)').count(), 0);

  // The minutes: a survey's words, its recorder, not asked apart from blank (item 6).
  await page.emulateMedia({ media: 'print' });
  const minutes = await page.locator('body').innerText();
  await page.emulateMedia({ media: 'screen' });
  assert.match(minutes, /BIÊN BẢN TỔNG HỢP PHIẾU LẤY Ý KIẾN/);
  assert.match(minutes, /Thời gian lấy ý kiến:?\s*02\/12\/2026/);
  assert.match(minutes, /Người lập biên bản:?\s*Lê Thị Hoa/);
  assert.match(minutes, /Không hỏi \(bỏ qua theo câu trả lời trước\)/);
  for (const meeting of ['vào hồi', 'cử tri (hộ)', 'mã PIN', 'Chủ trì']) {
    assert.ok(!minutes.includes(meeting), `the survey's minutes say "${meeting}"`);
  }
  assert.doesNotMatch(minutes, DEVELOPER_TEXT);
  await screenshotMinutes(page, 'screens-survey-minutes');

  // The verify page, with the file as downloaded, then tampered and broken: plain sentences.
  const [saved] = await Promise.all([page.waitForEvent('download'), download.click()]);
  const text = await readFile(await saved.path(), 'utf8');
  const tampered = JSON.parse(text);
  tampered.tally.items[0].options[0].count += 1;
  await openVerify(page, h.server.url + 'office.html', file('khao-sat.json', canonical(tampered)));
  await page.locator('.discrepancies li').first().waitFor();
  await assertPlain(page, 'verify page: a tampered count');
  await screenshotAllSizes(page, 'screens-verify-tampered');
  await page.setViewportSize(SIZES['tablet-landscape']);
  for (const [name, broken] of [['cut.json', text.slice(0, text.length / 2)], ['other.json', text.replace('"phieu/audit-bundle"', '"phieu/other"')]]) {
    await openVerify(page, h.server.url + 'office.html', file(name, broken));
    await page.locator('.discrepancies li').first().waitFor();
    await assertPlain(page, `verify page: ${name}`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});
