// Journey (issue 16, item 2): a village's decision collected by opinion forms handed to every
// household, over two days, on one device (docs/legal.md §4, docs/field-survey.md §Forms).
// survey.html?src=polls/demo.json asks for the household roll (5 households, names pasted);
// households are chosen on the roll and answer one after another; a household already marked
// is refused a second form with a clear message and nothing is lost; a reload overnight keeps
// the roll and the box, and a reload just after a form was handed offers that form back; closing counts on all 5 households and the office page shows the
// results and the minutes; the downloaded audit bundle says household_forms and passes
// `phieu verify`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { harness, root, watchErrors, screenshotAllSizes } from './support.mjs';

const h = harness();
const PHIEU = join(root, 'target/debug/phieu');
const FORMS = 'survey.html?src=polls/demo.json';

const roll = (page) => page.getByRole('heading', { name: 'Đang phát phiếu tới hộ gia đình' });

async function counts(page) {
  await roll(page).waitFor();
  return {
    answered: Number(await page.locator('.field-answered strong').innerText()),
    collected: Number(await page.locator('.field-total strong').innerText()),
    today: Number(await page.locator('.field-today strong').innerText()),
  };
}

/** Hands the form to household `n` (by the list, or typed) and answers `choice`. */
async function household(page, n, choice, { typed = false } = {}) {
  if (typed) {
    await page.getByLabel('Số thứ tự của hộ').fill(String(n));
    await page.getByRole('button', { name: 'Chọn hộ này' }).click();
  } else {
    await page.locator('.roll-household', { has: page.locator('.roll-number', { hasText: new RegExp(`^${n}$`) }) }).click();
  }
  await page.getByText(`Trao phiếu cho hộ số ${n}`, { exact: false }).waitFor();
  await page.getByRole('button', { name: 'Trao phiếu cho hộ này' }).click();
  await page.getByRole('radio', { name: choice, exact: true }).click();
  await page.getByRole('button', { name: 'Tiếp →' }).click();
  await page.getByRole('button', { name: 'Xác nhận' }).click();
  await page.getByText('Đã lưu phiếu. Cảm ơn ông/bà!').waitFor();
}

test('forms handed to households over two days: roll, a second answer refused, reload, close, minutes, verify', async () => {
  const context = await h.browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.clock.setFixedTime(new Date('2026-11-24T09:30:00'));
  const page = await context.newPage();
  const errors = watchErrors(page);

  // Day one: the roll, then two households.
  await page.goto(h.server.url + FORMS);
  await page.getByRole('heading', { name: 'Phát phiếu lấy ý kiến tới hộ gia đình' }).waitFor();
  await page.getByLabel('Tổng số hộ gia đình').fill('5');
  await page.getByLabel('Danh sách tên chủ hộ (không bắt buộc)').fill('Nguyễn Văn An\nTrần Thị Bình\nLê Văn Cường\n');
  await screenshotAllSizes(page, 'forms-roll-setup');
  await page.getByRole('button', { name: 'Bắt đầu phát phiếu' }).click();
  assert.deepEqual(await counts(page), { answered: 0, collected: 0, today: 0 });
  await page.getByRole('button', { name: /^2\s*Trần Thị Bình$/ }).waitFor();
  await screenshotAllSizes(page, 'forms-roll');
  await household(page, 2, 'Đồng ý');
  await household(page, 1, 'Đồng ý', { typed: true });
  assert.deepEqual(await counts(page), { answered: 2, collected: 2, today: 2 });

  // Household 2 again, from the list and typed: refused, and nothing lost.
  await page.locator('.roll-household.roll-done', { hasText: 'Trần Thị Bình' }).click();
  await page.getByRole('alert').filter({ hasText: 'Hộ số 2 đã trả lời phiếu rồi. Mỗi hộ chỉ trả lời một lần' }).waitFor();
  await page.getByLabel('Số thứ tự của hộ').fill('2');
  await page.getByRole('button', { name: 'Chọn hộ này' }).click();
  await page.getByRole('alert').filter({ hasText: 'Hộ số 2 đã trả lời phiếu rồi' }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Trao phiếu cho hộ này' }).count(), 0, 'no form for household 2');
  assert.deepEqual(await counts(page), { answered: 2, collected: 2, today: 2 });
  await screenshotAllSizes(page, 'forms-refused');

  // Day two: the device was off overnight; the roll and the box are as they were.
  await context.clock.setFixedTime(new Date('2026-11-25T08:15:00'));
  await page.reload();
  assert.deepEqual(await counts(page), { answered: 2, collected: 2, today: 0 });
  assert.equal(await page.locator('.roll-done').count(), 2);
  // Household 4 takes the form; the page reloads before it answers: its form is offered back.
  await page.locator('.roll-household', { hasText: /^4/ }).click();
  await page.getByRole('button', { name: 'Trao phiếu cho hộ này' }).click();
  await page.getByRole('radio', { name: 'Đồng ý', exact: true }).waitFor();
  await page.reload();
  await page.getByRole('button', { name: 'Tiếp tục phiếu này' }).click();
  await page.getByRole('radio', { name: 'Đồng ý', exact: true }).click();
  await page.getByRole('button', { name: 'Tiếp →' }).click();
  await page.getByRole('button', { name: 'Xác nhận' }).click();
  await page.getByText('Đã lưu phiếu. Cảm ơn ông/bà!').waitFor();
  await household(page, 5, 'Không đồng ý');
  assert.deepEqual(await counts(page), { answered: 4, collected: 4, today: 2 });
  const rows = await page.locator('.field-days tbody tr').allInnerTexts();
  assert.deepEqual(rows.map((r) => r.replace(/\s+/g, ' ').trim()), ['24/11/2026 2', '25/11/2026 2']);

  // The roll in storage: the set of households that answered, sorted, nothing else of a form.
  const stored = await page.evaluate(async () => {
    const db = await new Promise((ok, fail) => {
      const r = indexedDB.open('phieu-field');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error);
    });
    const all = await new Promise((ok) => {
      const r = db.transaction('rolls').objectStore('rolls').getAll();
      r.onsuccess = () => ok(r.result);
    });
    db.close();
    return all.map((r) => JSON.parse(r));
  });
  assert.deepEqual(stored.map((r) => r.answered), [[1, 2, 4, 5]]);

  // Close: counted on all 5 households.
  await page.getByRole('button', { name: 'Kết thúc phát phiếu' }).click();
  await page.getByRole('heading', { name: 'Kết thúc phát phiếu và kiểm phiếu?' }).waitFor();
  await page.getByText('Kiểm phiếu với 4 phiếu thu về, trên tổng số 5 hộ gia đình.', { exact: false }).waitFor();
  assert.equal(await page.getByLabel('Nơi phát phiếu').inputValue(), 'Thôn Đồng Tâm, Xã Tam Hưng');
  await page.getByLabel('Người phát phiếu (không bắt buộc)').fill('Lê Thị Hoa');
  await page.getByLabel('Tôi đã thu xong phiếu; không thêm phiếu nữa.').check();
  await page.getByRole('button', { name: 'Kết thúc và kiểm phiếu' }).click();

  // The office page: results on 5 households (3 agree: short of two-thirds), the minutes.
  await page.waitForURL(/office\.html/);
  const download = page.getByRole('button', { name: 'Tải tệp kiểm tra (gửi xã)' });
  await download.waitFor();
  const fact = (name) => page.locator('dt', { hasText: name }).first().locator('xpath=following-sibling::dd[1]').innerText();
  assert.equal(await fact('Hình thức'), 'Phát phiếu lấy ý kiến tới hộ gia đình');
  assert.equal(Number(await fact('Số phiếu thu vào')), 4);
  assert.match(await page.locator('.results').innerText(), /Không được thông qua|không đạt/i);
  assert.doesNotMatch(await page.locator('.results').innerText(), /không hợp lệ, chưa quyết định/);
  // The minutes (their layout is the core's; the forms' title comes with it): the collection's
  // line, with the households of the roll that answered.
  const minutes = await page.locator('.minutes-doc').textContent();
  assert.match(minutes, /Phát phiếu lấy ý kiến tới từng hộ gia đình do Lê Thị Hoa thực hiện; số hộ đã trả lời theo danh sách: 4\/5/);
  await screenshotAllSizes(page, 'forms-results');
  // The minutes printed to PDF and read back (issue 16: each kind's minutes on paper): D59 Mẫu
  // 04's title, the households handed a form as the denominator, no one present and no quorum,
  // and the counting board's signature lines, on every copy.
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.emulateMedia({ media: 'print' });
  const pdf = join(await mkdtemp(join(tmpdir(), 'phieu-forms-')), 'minutes.pdf');
  await writeFile(pdf, await page.pdf({ format: 'A4', preferCSSPageSize: true }));
  await page.emulateMedia({ media: 'screen' });
  const flat = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  const count = (needle) => flat.split(needle).length - 1;
  const copies = count('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  assert.ok(copies >= 2, `${copies} copies`);
  assert.equal(count('Về việc phát phiếu lấy ý kiến của hộ gia đình về'), copies);
  assert.equal(count('Tổng số hộ gia đình được phát phiếu: 5'), copies);
  assert.equal(count('không xét điều kiện cuộc họp hợp lệ'), copies);
  assert.equal(count('TỔ TRƯỞNG BAN KIỂM PHIẾU'), copies);
  assert.doesNotMatch(flat, /có mặt: \d/, 'no one is present at forms');

  const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
  const path = await file.path();
  const bundle = JSON.parse(await readFile(path, 'utf8'));
  assert.deepEqual(bundle.electorate, { total: 5, method: 'household_forms' });
  assert.equal(bundle.ballots.length, 4);
  assert.match(JSON.stringify(bundle.minutes), /Lê Thị Hoa/);
  assert.ok(!/Nguyễn Văn An|Trần Thị Bình|"answered"/.test(JSON.stringify(bundle)), 'no roll in the bundle');
  if (!existsSync(PHIEU)) throw new Error(`${PHIEU} is missing: run cargo build -p phieu-cli first`);
  // `phieu verify` recomputes the outcome on the electorate the bundle states (exit 0, else
  // execFileSync throws); the bundle says household_forms (above).
  const report = JSON.parse(execFileSync(PHIEU, ['verify', '--json', path], { encoding: 'utf8' }));
  assert.equal(report.ok, true);
  assert.deepEqual(report.files.map((f) => [f.status, f.ballots]), [['ok', 4]]);
  assert.deepEqual(errors, []);
  await context.close();
});
