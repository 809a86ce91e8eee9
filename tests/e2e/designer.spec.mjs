// Journey: the poll designer (issue #7). An officer builds a survey from blank (a yes/no
// question, a single-choice question shown only after "yes", a written answer), reorders by
// dragging and by the arrows, previews it on the voter's screens, reloads (the draft is still
// there), uses it for a meeting and votes one ballot on it, which the results count. A template
// opened in the designer says what is wrong next to the field as the officer types, and stops
// saying it once fixed. A poll downloaded as JSON opens again with the same fingerprint.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { harness, watchErrors, screenshotAllSizes, root } from './support.mjs';
import { createMeeting, testAnythingAndOpen, enterPin, castCount, closeVoting } from './meeting_page.mjs';
import { openDesigner, question, vi, status } from './designer_page.mjs';

const h = harness();
const templates = JSON.parse(await readFile(join(root, 'assets/templates/index.json'), 'utf8'));

const TITLE = 'Lấy ý kiến về sân chơi cho trẻ em';
const Q1 = 'Thôn có cần làm sân chơi cho trẻ em không?';
const Q2 = 'Nên đặt sân chơi ở đâu?';
const Q3 = 'Ý kiến khác về sân chơi';

const wordings = (page) => page.locator('.d-item textarea[lang="vi"]').evaluateAll((es) => es.map((e) => e.value));

test('a survey built from blank is previewed, survives a reload, and is voted on in a meeting', async () => {
  const context = await h.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await openDesigner(page, h.server.url);
  await screenshotAllSizes(page, 'designer-start');

  await page.getByRole('button', { name: /^Lấy ý kiến/ }).click();
  // A blank poll has no title yet: said next to the title, and at the top.
  await status(page).getByText('Phiếu chưa dùng được.').waitFor();
  await page.getByRole('group', { name: 'Tiêu đề phiếu' }).getByText('Không được để trống.').waitFor();
  assert.equal(await page.getByRole('button', { name: 'Dùng phiếu này cho cuộc họp' }).isDisabled(), true);

  await vi(page, 'Tiêu đề phiếu').fill(TITLE);
  await page.getByLabel('Xã, phường').fill('Xã Tân Hòa');
  await page.getByLabel('Thôn, tổ dân phố').fill('Thôn Bình An');
  await page.getByRole('button', { name: '+ Có / Không' }).click();
  await vi(question(page, 1), 'Nội dung câu hỏi').fill(Q1);
  await page.getByRole('button', { name: '+ Chọn một' }).click();
  await vi(question(page, 2), 'Nội dung câu hỏi').fill(Q2);
  await vi(question(page, 2), 'Lựa chọn 1').fill('Cạnh nhà văn hóa');
  await vi(question(page, 2), 'Lựa chọn 2').fill('Cạnh trường học');
  await page.getByRole('button', { name: '+ Ghi ý kiến' }).click();
  await vi(question(page, 3), 'Nội dung câu hỏi').fill(Q3);

  // Skip logic: question 2 only after "Có" to question 1. Until an answer is ticked, the
  // problem is said next to the answers.
  await question(page, 2).getByLabel('Hiện câu này').selectOption({ label: `Chỉ khi câu 1 được trả lời: ${Q1}` });
  await question(page, 2).getByText('Hãy chọn ít nhất một câu trả lời.').waitFor();
  await question(page, 2).getByRole('checkbox', { name: 'Có', exact: true }).check();
  await status(page).getByText('Phiếu hợp lệ, sẵn sàng dùng.').waitFor();

  // Drag question 3 by its handle onto question 2: it lands in second place.
  await question(page, 3).evaluate((e) => e.scrollIntoView({ block: 'center' }));
  const handle = await question(page, 3).locator('.d-drag').boundingBox();
  await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
  await page.mouse.down();
  await page.mouse.move(handle.x + 200, handle.y - 120, { steps: 10 });
  await page.mouse.up();
  assert.deepEqual(await wordings(page), [Q1, Q3, Q2]);
  // And back with the arrows.
  await page.getByRole('button', { name: 'Chuyển câu 2 xuống' }).click();
  assert.deepEqual(await wordings(page), [Q1, Q2, Q3]);
  // Moving question 2 above the question it depends on is refused where it is.
  await page.getByRole('button', { name: 'Chuyển câu 2 lên' }).click();
  await question(page, 1).getByText('Câu 2 phải đứng trước câu này').waitFor();
  await page.getByRole('button', { name: 'Chuyển câu 1 xuống' }).click();
  await status(page).getByText('Phiếu hợp lệ, sẵn sàng dùng.').waitFor();
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshotAllSizes(page, 'designer-editor');

  // The preview is the voter's own screens; "Không" skips question 2.
  await page.getByRole('button', { name: 'Xem thử' }).click();
  await page.getByText('XEM THỬ — phiếu này không được lưu, không được đếm').waitFor();
  await page.getByRole('button', { name: 'Bắt đầu' }).click();
  await page.getByRole('radio', { name: 'Không', exact: true }).click();
  await page.getByRole('button', { name: 'Tiếp →' }).click();
  await page.getByRole('heading', { name: Q3 }).waitFor();
  await page.getByRole('button', { name: '← Quay lại', exact: true }).click();
  await page.getByRole('radio', { name: 'Có', exact: true }).click();
  await page.getByRole('button', { name: 'Tiếp →' }).click();
  await page.getByRole('heading', { name: Q2 }).waitFor();
  await screenshotAllSizes(page, 'designer-preview');
  await page.getByRole('radio', { name: 'Cạnh trường học' }).click();
  await page.getByRole('button', { name: 'Tiếp →' }).click();
  await page.getByRole('button', { name: 'Tiếp →' }).click();
  await page.getByRole('heading', { name: 'Xem lại phiếu của ông/bà' }).waitFor();
  await page.getByRole('button', { name: 'Xác nhận' }).click();
  await page.getByText('Hết phiếu xem thử. Không có gì được lưu hay được đếm.').waitFor();
  await page.getByRole('button', { name: 'Quay lại soạn' }).last().click();

  // Saved as typed: a reload comes back to the same draft.
  await page.getByText('Đã lưu trên máy này').waitFor();
  const fingerprint = await status(page).locator('.mono').innerText();
  await page.reload();
  await status(page).getByText('Phiếu hợp lệ, sẵn sàng dùng.').waitFor();
  assert.deepEqual(await wordings(page), [Q1, Q2, Q3]);
  assert.equal(await status(page).locator('.mono').innerText(), fingerprint);

  // Use it: the meeting is set up on it, tested, and one voter votes.
  await page.getByRole('button', { name: 'Dùng phiếu này cho cuộc họp' }).click();
  await createMeeting(page, { title: TITLE, total: '40', present: '30' });
  await testAnythingAndOpen(page);
  await page.getByRole('button', { name: 'Mời cử tri tiếp theo' }).click();
  await page.getByRole('button', { name: 'Bắt đầu' }).click();
  await page.getByRole('radio', { name: 'Có', exact: true }).click();
  await page.getByRole('button', { name: 'Tiếp →' }).click();
  await page.getByRole('radio', { name: 'Cạnh trường học' }).click();
  await page.getByRole('button', { name: 'Tiếp →' }).click();
  await page.getByLabel('Viết câu trả lời').fill('Nên có mái che');
  await page.getByRole('button', { name: 'Tiếp →' }).click();
  await page.getByRole('button', { name: 'Xác nhận' }).click();
  await page.getByRole('heading', { name: /đã được ghi nhận/ }).waitFor();
  await page.getByRole('button', { name: 'Xong' }).click();
  await enterPin(page);
  assert.equal(await castCount(page), 1);
  await closeVoting(page);
  await page.getByRole('heading', { name: 'Kết quả lấy ý kiến' }).waitFor();
  const where = page.getByRole('region', { name: `2. ${Q2}` });
  const row = where.getByRole('row', { name: /Cạnh trường học/ });
  assert.equal(await row.getByRole('cell').first().innerText(), '1');
  await page.getByRole('region', { name: `3. ${Q3}` }).getByText('Nên có mái che').waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('a template in the designer: an emptied label is said next to it, and no more once fixed', async () => {
  const context = await h.browser.newContext({ viewport: { width: 800, height: 1280 } });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await openDesigner(page, h.server.url);
  await page.getByRole('button', { name: templates[0].title.vi }).click();
  await status(page).getByText('Phiếu hợp lệ, sẵn sàng dùng.').waitFor();

  // A label changed: the poll is another poll (another fingerprint), still valid.
  const before = await status(page).locator('.mono').innerText();
  await vi(page, 'Tiêu đề phiếu').fill(`${templates[0].title.vi} năm 2027`);
  await page.getByRole('heading', { level: 1, name: /năm 2027$/ }).waitFor();
  await status(page).getByText('Phiếu hợp lệ, sẵn sàng dùng.').waitFor();
  assert.notEqual(await status(page).locator('.mono').innerText(), before);

  // The question's wording emptied: the problem is next to that field, and nowhere else.
  const field = vi(question(page, 1), 'Nội dung câu hỏi');
  const wording = await field.inputValue();
  await field.fill('');
  const problem = question(page, 1).getByText('Không được để trống.');
  await problem.waitFor();
  assert.equal(await field.getAttribute('aria-invalid'), 'true');
  const described = await field.getAttribute('aria-describedby');
  assert.equal(await page.locator(`[id="${described}"]`).innerText(), 'Không được để trống.');
  assert.equal(await page.locator('.d-problem').count(), 1);
  assert.equal(await page.getByRole('button', { name: 'Dùng phiếu này cho cuộc họp' }).isDisabled(), true);
  await screenshotAllSizes(page, 'designer-problem');
  // "Go to it" puts the cursor in that field.
  await status(page).getByRole('button', { name: 'Đến chỗ cần sửa' }).click();
  assert.equal(await page.evaluate(() => document.activeElement.id), await field.getAttribute('id'));
  // Fixed: the message goes, the poll is valid again.
  await field.fill(wording);
  await status(page).getByText('Phiếu hợp lệ, sẵn sàng dùng.').waitFor();
  assert.equal(await problem.count(), 0);
  assert.equal(await field.getAttribute('aria-invalid'), null);
  assert.equal(await page.getByRole('button', { name: 'Dùng phiếu này cho cuộc họp' }).isDisabled(), false);
  // The options the rule counts cannot be deleted; the other one can.
  const options = question(page, 1).getByRole('group', { name: 'Các lựa chọn' });
  assert.equal(await options.getByRole('button', { name: /^Xóa lựa chọn/ }).count(), 1);
  // In English the same field (its names are English now: found by its id) says it in English.
  const id = await field.getAttribute('id');
  await page.getByRole('button', { name: 'English' }).click();
  await page.locator(`[id="${id}"]`).fill('');
  await page.getByRole('article', { name: 'Question 1', exact: true }).getByText('Must not be empty.').waitFor();
  // The page's heading names the poll by its English title.
  await page.getByRole('heading', { level: 1, name: `Poll designer: ${templates[0].title.en}`, exact: true }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('a poll downloaded as JSON opens again with the same fingerprint; a bad file is refused by name', async () => {
  const work = await mkdtemp(join(tmpdir(), 'phieu-designer-'));
  const context = await h.browser.newContext({ viewport: { width: 390, height: 844 }, acceptDownloads: true });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await openDesigner(page, h.server.url);
  const survey = templates.find((t) => t.file === 'hai-long-nong-thon-moi.json');
  await page.getByRole('button', { name: survey.title.vi }).click();
  await status(page).getByText('Phiếu hợp lệ, sẵn sàng dùng.').waitFor();
  const fingerprint = await status(page).locator('.mono').innerText();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Tải tệp JSON' }).click(),
  ]);
  const file = join(work, download.suggestedFilename());
  await download.saveAs(file);
  const poll = JSON.parse(await readFile(file, 'utf8'));
  assert.equal(poll.format, 'phieu/poll');
  assert.equal(poll.title.vi, survey.title.vi);
  assert.deepEqual(poll.rule.target.options, ['hai_long'], 'the survey target came through');

  await page.getByRole('button', { name: '← Các bản nháp' }).click();
  await page.getByRole('heading', { name: 'Bản nháp trên máy này' }).waitFor();
  await page.locator('.d-draft').first().waitFor();
  await page.getByLabel('Mở tệp phiếu (.json)').setInputFiles(file);
  await status(page).getByText('Phiếu hợp lệ, sẵn sàng dùng.').waitFor();
  assert.equal(await status(page).locator('.mono').innerText(), fingerprint);
  await page.getByRole('button', { name: '← Các bản nháp' }).click();
  await page.locator('.d-draft').nth(1).waitFor();
  assert.equal(await page.locator('.d-draft').count(), 2, 'the import is a new draft beside the first');

  const bad = join(work, 'hong.json');
  await writeFile(bad, (await readFile(file, 'utf8')).slice(0, 200));
  await page.getByLabel('Mở tệp phiếu (.json)').setInputFiles(bad);
  await page.getByRole('alert').filter({ hasText: /^«hong\.json»: .*không phải JSON hợp lệ ở dòng/ }).waitFor();
  assert.equal(await page.locator('.d-draft').count(), 2, 'nothing was opened or lost');
  await screenshotAllSizes(page, 'designer-list');
  assert.deepEqual(errors, []);
  await context.close();
  await rm(work, { recursive: true, force: true });
});

test('a decision chooses what it decides, and the rule follows in words; a board asks for its seats (issue 16)', async () => {
  const context = await h.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await openDesigner(page, h.server.url);
  await page.getByRole('button', { name: /^Biểu quyết/ }).click();
  await vi(page, 'Tiêu đề phiếu').fill('Phiếu biểu quyết về việc thông qua Hương ước');
  await page.getByLabel('Xã, phường').fill('Xã Tân Hòa');
  await page.getByRole('button', { name: '+ Câu biểu quyết (Đồng ý / Không đồng ý / Ý kiến khác)' }).click();
  await vi(question(page, 1), 'Nội dung câu hỏi').fill('Thông qua Hương ước thôn Bình An?');
  // Nothing chosen yet: the poll is not ready, and says where to choose.
  const matters = page.getByRole('group', { name: 'Việc cần biểu quyết' });
  await matters.getByText('Hãy chọn việc cần biểu quyết').waitFor();
  await status(page).getByText('Phiếu chưa dùng được.').waitFor();
  assert.equal(await matters.getByRole('radio').count(), 7);
  await matters.getByRole('radio', { name: 'Hương ước, quy ước', exact: true }).check();
  await matters.getByText('Được thông qua khi trên 50% tổng số đại diện hộ gia đình đồng ý (khoản 3 Điều 15 Luật 10/2022/QH15; Điều 10 Nghị định 61/2023/NĐ-CP)').waitFor();
  await matters.getByText('Cuộc họp chỉ hợp lệ khi có trên 50% tổng số đại diện hộ gia đình tham dự').waitFor();
  await status(page).getByText('Phiếu hợp lệ, sẵn sàng dùng.').waitFor();
  // The officer never reads a preset or matter id.
  const text = await page.locator('body').innerText();
  for (const id of ['majority_households', 'two_thirds_households', 'majority_present', 'village_rules']) {
    assert.ok(!text.includes(id), `${id} is shown`);
  }
  await matters.scrollIntoViewIfNeeded();
  await screenshotAllSizes(page, 'designer-matter');
  // Another matter, another rule.
  await matters.getByRole('radio', { name: 'Đóng góp xây dựng công trình, thu chi', exact: true }).check();
  await matters.getByText(/Được thông qua khi từ 2\/3 tổng số đại diện hộ gia đình trở lên đồng ý/).waitFor();

  // A board: an election's "several members" question asks for the number of seats.
  await page.getByRole('button', { name: '← Các bản nháp' }).click();
  await page.getByRole('button', { name: /^Bầu cử/ }).click();
  await page.getByRole('button', { name: '+ Bầu thành viên ban (nhiều người)' }).click();
  const seats = question(page, 1).getByLabel('Số thành viên cần bầu');
  await question(page, 1).getByText('Hãy nhập số thành viên cần bầu.').waitFor();
  await seats.fill('2');
  await question(page, 1).getByText('Hãy nhập số thành viên cần bầu.').waitFor({ state: 'detached' });
  assert.equal(await question(page, 1).getByLabel('Chọn ít nhất').count(), 0, 'a board has no minimum to set');
  assert.deepEqual(errors, []);
  await context.close();
});
