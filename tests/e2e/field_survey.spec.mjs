// Journey: a field survey on a staff member's own device (docs/field-survey.md). The survey
// page's address survey.html?src=polls/survey20.json on a fresh profile shows the first
// question at once, fetching nothing but the poll; the plain tablet page and the old address
// index.html#/survey?src=… move to the survey page; respondents answer one after another over
// two days; a reload mid-form offers to continue at the same question with the earlier answers
// kept, or to discard; the staff screen shows the counts per day; closing shows the results on
// the office page, and the downloaded audit bundle passes `phieu verify`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { harness, root, watchErrors, screenshotAllSizes } from './support.mjs';
import { startChromium } from './killable.mjs';
import { SURVEY, question, staffScreen, answer, next, respond, counts, firstQuestion } from './field_page.mjs';

const h = harness();
const PHIEU = join(root, 'target/debug/phieu');

test('a field survey over two days: first question at once, resume, discard, counts per day, close, verify', async () => {
  const context = await h.browser.newContext({ viewport: { width: 1280, height: 800 } });
  // Day one. Only the clock's date is fixed: timers run as usual.
  await context.clock.setFixedTime(new Date('2026-11-24T09:30:00'));
  const page = await context.newPage();
  const errors = watchErrors(page);
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));

  await page.goto(h.server.url + SURVEY);
  await firstQuestion(page);
  const json = fetched.filter((p) => p.endsWith('.json'));
  assert.deepEqual(json, ['/polls/survey20.json'], 'no download but the poll before the first question');
  await screenshotAllSizes(page, 'field-first-question');
  // No welcome before it: Quay lại on the first question would lead nowhere, so it is not shown.
  assert.equal(await page.getByRole('button', { name: '← Quay lại' }).count(), 0);

  await respond(page, ['Hài lòng']);
  assert.deepEqual(await counts(page), { today: 1, total: 1 });
  await screenshotAllSizes(page, 'field-saved');
  await page.getByRole('button', { name: 'Người trả lời tiếp theo' }).click();
  await firstQuestion(page);
  assert.equal(await page.getByRole('radio', { checked: true }).count(), 0, 'nothing of the last respondent');
  await respond(page, ['Không hài lòng']);
  assert.deepEqual(await counts(page), { today: 2, total: 2 });

  // Day two: the device was switched off overnight, and the staff member opens the plain
  // tablet address: the survey in progress is the survey page's.
  await context.clock.setFixedTime(new Date('2026-11-25T08:15:00'));
  await page.goto(h.server.url + 'index.html');
  await page.waitForURL(/\/survey\.html/);
  await firstQuestion(page);
  await page.getByRole('button', { name: 'Dành cho cán bộ: số phiếu, kết thúc' }).click();
  assert.deepEqual(await counts(page), { today: 0, total: 2 });
  // Nobody had answered anything yet: there is no respondent to go back to, only the next.
  assert.equal(await page.getByRole('button', { name: 'Quay lại người đang trả lời' }).count(), 0);
  await page.getByRole('button', { name: 'Người trả lời tiếp theo' }).click();
  await firstQuestion(page);

  // A respondent answers three questions; the battery dies on the fourth.
  await answer(page, 'Hài lòng');
  await next(page);
  await answer(page, 'Tốt');
  const third = await next(page);
  await answer(page, 'Giếng khoan, giếng đào');
  await page.reload();
  await page.getByRole('heading', { name: 'Có một người trả lời chưa xong' }).waitFor();
  await page.getByText('Đã trả lời 3 câu.', { exact: false }).waitFor();
  await screenshotAllSizes(page, 'field-resume');
  await page.getByRole('button', { name: 'Tiếp tục phiếu này' }).click();
  assert.equal(await question(page).innerText(), third, 'back at the question they were on');
  assert.equal(await page.getByRole('radio', { name: 'Giếng khoan, giếng đào', exact: true }).getAttribute('aria-checked'), 'true');
  await page.getByRole('button', { name: '← Quay lại' }).click();
  assert.equal(await page.getByRole('radio', { name: 'Tốt', exact: true }).getAttribute('aria-checked'), 'true');
  await page.getByRole('button', { name: '← Quay lại' }).click();
  assert.equal(await page.getByRole('radio', { name: 'Hài lòng', exact: true }).getAttribute('aria-checked'), 'true');
  await next(page);
  await next(page);
  await respond(page);
  assert.deepEqual(await counts(page), { today: 1, total: 3 });

  // Another is interrupted and discarded: nothing of it is counted or kept.
  await page.getByRole('button', { name: 'Người trả lời tiếp theo' }).click();
  await answer(page, 'Không hài lòng');
  await next(page);
  await page.reload();
  await page.getByRole('button', { name: 'Hủy phiếu đang làm dở, bắt đầu người mới' }).click();
  await firstQuestion(page);
  assert.equal(await page.getByRole('radio', { checked: true }).count(), 0);
  await page.reload();
  await firstQuestion(page);

  // The staff screen: today's and every day's count.
  await page.getByRole('button', { name: 'Dành cho cán bộ: số phiếu, kết thúc' }).click();
  assert.deepEqual(await counts(page), { today: 1, total: 3 });
  const rows = await page.locator('.field-days tbody tr').allInnerTexts();
  assert.deepEqual(rows.map((r) => r.replace(/\s+/g, ' ').trim()), ['24/11/2026 2', '25/11/2026 1']);
  await screenshotAllSizes(page, 'field-staff');

  // Close: a deliberate step, with the place and the staff member's name for the minutes.
  await page.getByRole('button', { name: 'Kết thúc khảo sát' }).click();
  await page.getByRole('heading', { name: 'Kết thúc khảo sát?' }).waitFor();
  await page.getByText('Khảo sát sẽ đóng với 3 phiếu.', { exact: false }).waitFor();
  assert.equal(await page.getByLabel('Nơi khảo sát').inputValue(), 'Thôn Bình An, Xã Tân Hòa');
  const close = page.getByRole('button', { name: 'Kết thúc khảo sát', exact: true });
  assert.ok(await close.isDisabled(), 'closing needs the box ticked');
  await page.getByLabel('Cán bộ thực hiện (không bắt buộc)').fill('Lê Thị Hoa');
  await page.getByLabel('Tôi đã lấy xong ý kiến; không thêm phiếu nữa.').check();
  await screenshotAllSizes(page, 'field-close');
  await close.click();

  // The office page shows the closed survey's results, as for a closed meeting.
  await page.waitForURL(/office\.html/);
  const download = page.getByRole('button', { name: 'Tải tệp kiểm tra (gửi xã)' });
  await download.waitFor();
  await screenshotAllSizes(page, 'field-results');
  const fact = async (name) => Number(await page.locator('dt', { hasText: name }).first().locator('xpath=following-sibling::dd[1]').innerText());
  await page.getByRole('heading', { level: 1, name: 'Kết quả lấy ý kiến' }).waitFor();
  assert.equal(await fact('Số phiếu thu về'), 3);
  assert.equal(await fact('Số phiếu hợp lệ'), 3);
  const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
  const bundle = JSON.parse(await readFile(await file.path(), 'utf8'));
  assert.equal(bundle.ballots.length, 3);
  assert.match(JSON.stringify(bundle.minutes), /Lê Thị Hoa/);
  assert.match(JSON.stringify(bundle.minutes), /24\/11\/2026: 2; 25\/11\/2026: 1/);
  assert.ok(!/T\d\d:\d\d/.test(JSON.stringify(bundle.ballots)), 'no time with any ballot');
  if (!existsSync(PHIEU)) throw new Error(`${PHIEU} is missing: run cargo build -p phieu-cli first`);
  const dir = await mkdtemp(join(tmpdir(), 'phieu-field-'));
  try {
    const path = join(dir, 'audit.json');
    await writeFile(path, await readFile(await file.path()));
    const out = execFileSync(PHIEU, ['verify', path], { encoding: 'utf8' });
    assert.match(out, /3/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('every survey template opens on its first question; a staff conference vote, a missing or an invalid poll is said plainly', async () => {
  const context = await h.browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const errors = watchErrors(page);
  const index = JSON.parse(await readFile(join(root, 'assets/templates/index.json'), 'utf8'));
  let surveys = 0;
  for (const entry of index) {
    const poll = JSON.parse(await readFile(join(root, 'assets/templates', entry.file), 'utf8'));
    if (poll.kind !== 'survey') continue;
    surveys++;
    await page.goto(`${h.server.url}survey.html?src=templates/${entry.file}`);
    await page.getByText(poll.items[0].label.vi, { exact: true }).waitFor();
    await respond(page);
    assert.deepEqual(await counts(page), { today: 1, total: 1 });
    if (surveys === 1) {
      // The staff member's screen in English, and back.
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { name: 'Survey in progress' }).waitFor();
      await page.getByRole('button', { name: 'Next respondent' }).waitFor();
      await page.getByRole('button', { name: 'Tiếng Việt' }).click();
      await staffScreen(page).waitFor();
    }
  }
  assert.ok(surveys >= 2, 'the Front survey and the new-rural satisfaction survey');

  // The old address of a survey, on the tablet page, still arrives at it, poll and all.
  await page.goto(`${h.server.url}index.html#/survey?src=polls/survey20.json`);
  await page.waitForURL(/\/survey\.html#\/survey\?src=polls\/survey20\.json$/);
  await firstQuestion(page);

  // A village's decision is collected by forms handed to households (household_forms.spec.mjs);
  // a staff conference's vote is not, and is said plainly.
  await page.goto(`${h.server.url}survey.html?src=templates/hoi-nghi-can-bo.json`);
  await page.getByRole('heading', { name: 'Không mở được phiếu khảo sát' }).waitFor();
  await page.getByText('Phiếu này không phát tới hộ gia đình được', { exact: false }).waitFor();
  await page.goto(`${h.server.url}survey.html?src=polls/missing.json`);
  await page.getByText('Máy chủ trả lời lỗi 404', { exact: false }).waitFor();
  await page.getByRole('button', { name: 'Thử lại' }).waitFor();

  // An invalid poll is refused with what is wrong and where: the survey page reads polls
  // without the field paths of JSON errors (Poll::from_json_plain), so a JSON error names its
  // line and column, and every check after it its field.
  const survey20 = JSON.parse(await readFile(join(root, 'assets/polls/survey20.json'), 'utf8'));
  const invalid = {
    'polls/wrong-type.json': '{\n  "format": "phieu/poll",\n  "version": 1,\n  "kind": "survey",\n  "title": 3\n}',
    'polls/bad-id.json': JSON.stringify({ ...survey20, items: [{ ...survey20.items[0], id: 'Q 1' }, ...survey20.items.slice(1)] }),
  };
  await context.route('**/polls/{wrong-type,bad-id}.json', (route) =>
    route.fulfill({ contentType: 'application/json', body: invalid[new URL(route.request().url()).pathname.slice(1)] }),
  );
  await page.goto(`${h.server.url}survey.html?src=polls/wrong-type.json`);
  await page.getByRole('heading', { name: 'Không mở được phiếu khảo sát' }).waitFor();
  await page.getByText('không phải JSON hợp lệ ở dòng 5', { exact: false }).waitFor();
  await page.goto(`${h.server.url}survey.html?src=polls/bad-id.json`);
  await page.getByRole('heading', { name: 'Không mở được phiếu khảo sát' }).waitFor();
  await page.getByText('items[0].id', { exact: false }).waitFor();
  assert.deepEqual(errors.filter((e) => !e.includes('404')), []);
  await context.close();
});

/** Resolves once the stored draft of the respondent in progress holds `n` answers. */
function draftHolds(page, n) {
  return page.waitForFunction(async (n) => {
    const db = await new Promise((ok, fail) => {
      const r = indexedDB.open('phieu-field');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error);
    });
    const all = await new Promise((ok) => {
      const r = db.transaction('drafts').objectStore('drafts').getAll();
      r.onsuccess = () => ok(r.result);
    });
    db.close();
    return all.some((d) => JSON.parse(d).answers.filter((a) => a.t !== 'blank').length === n);
  }, n);
}

test('a killed browser mid-form keeps every answer given and every response confirmed', async () => {
  const profile = await mkdtemp(join(tmpdir(), 'phieu-field-kill-'));
  let browser;
  try {
    browser = await startChromium(profile);
    let { page } = browser;
    await page.goto(h.server.url + SURVEY);
    await firstQuestion(page);
    await respond(page, ['Hài lòng']);
    await page.getByRole('button', { name: 'Người trả lời tiếp theo' }).click();
    await answer(page, 'Không hài lòng');
    await next(page);
    await answer(page, 'Y tế');
    await next(page);
    await answer(page, 'Kém');
    const at = await question(page).innerText();
    // The third answer is on disk: pull the plug.
    await draftHolds(page, 3);
    await browser.kill();

    browser = await startChromium(profile);
    ({ page } = browser);
    await page.goto(h.server.url + SURVEY);
    await page.getByText('Đã trả lời 3 câu.', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Tiếp tục phiếu này' }).click();
    assert.equal(await question(page).innerText(), at);
    assert.equal(await page.getByRole('radio', { name: 'Kém', exact: true }).getAttribute('aria-checked'), 'true');
    await respond(page, ['Kém']);
    assert.deepEqual((await counts(page)).total, 2, 'the response confirmed before the kill, and this one');
  } finally {
    // Every Chromium process gone before its profile is removed (it writes until it exits).
    await browser?.kill();
    await rm(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  }
});
