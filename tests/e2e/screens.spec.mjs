// Journeys of issue 22, "What voters and officers see": every voter and officer screen speaks
// in plain sentences (no field path, no id); the lock screen says what became of the last
// ballot after a reload mid-ballot, and the console tells the officer; the browser's Back
// keeps a voter on the ballot; a question's maximum is refused at once; the receipt counts
// down; and every voter screen's and the PIN pad's primary button is on screen, without
// scrolling, at the three promised sizes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { harness, watchErrors, SIZES, screenshotAllSizes } from './support.mjs';
import { createMeeting, fillSetup, testAnythingAndOpen, enterPin, usePin, castCount, closeVoting, PIN } from './meeting_page.mjs';

const h = harness();

/** Text that looks like a field path or an id: `answers[0]`, `outcomes[0].of`, `"q1"`. */
const DEVELOPER_TEXT = /\w\[\d+\]|\b(answers|items|outcomes|tally)[.[]|"[a-z0-9_]+"/;

async function assertPlain(page, where) {
  const text = await page.locator('body').innerText();
  assert.doesNotMatch(text, DEVELOPER_TEXT, `${where}: ${text}`);
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
  assert.equal(await page.getByText('bị bỏ dở').count(), 0, 'the notice goes with the next voter');
  await page.getByRole('button', { name: 'Bắt đầu' }).click();
  await page.getByRole('radio', { name: 'Không đồng ý', exact: true }).click();
  await page.getByRole('button', { name: 'Tiếp →' }).click();
  await page.getByRole('button', { name: 'Xác nhận' }).click();
  await page.getByRole('heading', { name: /đã được ghi nhận/ }).waitFor();
  await page.getByText(/^Màn hình tự trở về cán bộ sau \d+ giây\.$/).waitFor();
  await assertPlain(page, 'receipt');
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
  // The verify page says what a commitment is before it names one.
  await page.goto(h.server.url + 'office.html#/verify');
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
  await page.getByText('Đã chọn đủ 5. Muốn chọn ý khác, hãy bỏ chọn một ý trước.').waitFor();
  await screenshotAllSizes(page, 'screens-five-of-seven');
  await page.setViewportSize(SIZES['tablet-landscape']);
  await page.getByRole('checkbox', { name: 'Hoàng Văn Em', exact: true }).click();
  assert.ok(await sixth.isEnabled(), 'unticking one lets another be chosen');
  await page.getByRole('checkbox', { name: 'Hoàng Văn Em', exact: true }).click();
  await assertPlain(page, 'five of seven');

  await next.click();
  await page.getByRole('heading', { name: REVIEW }).waitFor();
  const confirm = page.getByRole('button', { name: 'Xác nhận' });
  await onScreenAtEverySize(page, confirm, 'Xác nhận');
  await confirm.click();
  await page.getByRole('heading', { name: /đã được ghi nhận/ }).waitFor();
  await onScreenAtEverySize(page, page.getByRole('button', { name: 'Xong' }), 'Xong');
  await page.getByRole('button', { name: 'Xong' }).click();

  // The PIN pad: Mở khóa on screen at every size.
  await page.getByRole('button', { name: 'Khóa máy' }).click();
  await page.getByRole('heading', { name: 'Xin đưa máy lại cho cán bộ' }).waitFor();
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
