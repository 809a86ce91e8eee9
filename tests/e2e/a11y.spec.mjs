// Journey (accessibility, issue #10): axe-core on every page and state of a meeting and of the
// office pages, each in Vietnamese and in English: 0 serious or critical violations. On the
// voter's screens (welcome, every question type, a refused answer, review, receipt, the PIN pad
// the tablet returns to; the field survey page's first question, resume and staff screen) every
// control is at least 48 × 48 CSS px, and at 200% zoom nothing scrolls sideways and the button
// that moves the voter on can be reached.
// Voting with the keyboard alone is its own journey (kiosk_edges.spec.mjs).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { harness, watchErrors, root } from './support.mjs';
import { createMeeting, enterPin, usePin, PIN } from './meeting_page.mjs';
import { fixture, file, LABELS } from './bundles.mjs';
import { openVerifyByLink } from './tampering.mjs';
import { axeBothLanguages, axeViolations, smallTargets, usableZoomed, summary } from './a11y.mjs';
import * as field from './field_page.mjs';

const h = harness();
const VIEWPORT = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
// The template with every question type: single, multiple (with a free-text option), number,
// scale, text, and questions shown only after some answers.
const SURVEY = JSON.parse(await readFile(join(root, 'assets/templates/khao-sat-mttq.json'), 'utf8'));
const TYPE_OF = new Map(SURVEY.items.map((i) => [i.label.vi, i.type]));

after(() => console.log(summary()));

/** A voter's screen: axe, touch targets at tablet and phone size, 200% zoom. */
async function voterScreen(page, state, action) {
  await axeBothLanguages(page, state);
  for (const size of [VIEWPORT, PHONE]) {
    await page.setViewportSize(size);
    assert.deepEqual(await smallTargets(page), [], `${state} at ${size.width}×${size.height}: targets under 48 px`);
  }
  await page.setViewportSize(VIEWPORT);
  await usableZoomed(page, state, action, VIEWPORT);
}

test('the checks catch what they look for: a nameless button, a small target, a page too wide, no level-one heading', async () => {
  const page = await h.browser.newPage({ viewport: VIEWPORT });
  await page.goto(h.server.url);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.evaluate(() => {
    const b = document.createElement('button');
    b.style.cssText = 'width:20px;height:20px';
    b.id = 'canary';
    document.body.append(b);
  });
  const found = await axeViolations(page);
  assert.ok(found.some((v) => v.id === 'button-name' && v.impact === 'critical'), JSON.stringify(found));
  assert.ok((await smallTargets(page)).some((t) => t.includes('canary') && t.endsWith('20×20')));
  await page.evaluate(() => (document.getElementById('canary').style.cssText = 'width:2000px;height:60px'));
  await assert.rejects(usableZoomed(page, 'canary', null, VIEWPORT), /scrolls \d+ px sideways/);
  await page.evaluate(() => {
    document.getElementById('canary').remove();
    for (const h1 of document.querySelectorAll('h1')) h1.outerHTML = `<h2>${h1.innerHTML}</h2>`;
  });
  await assert.rejects(axeBothLanguages(page, 'canary'), /canary \(vi\): no level-one heading/);
  await page.close();
});

test('the meeting: setup, console, test ballot, every question type, review, receipt, PIN pad, close, results', async () => {
  const context = await h.browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(h.server.url);
  await page.getByRole('heading', { name: 'Chuẩn bị cuộc họp' }).waitFor();
  await axeBothLanguages(page, 'setup');
  // A setup form with mistakes shows its messages.
  await page.getByRole('button', { name: 'Tạo cuộc họp' }).click();
  await page.getByRole('alert').first().waitFor();
  await axeBothLanguages(page, 'setup with problems');

  await page.getByLabel('Chọn mẫu phiếu').selectOption({ label: SURVEY.title.vi });
  await createMeeting(page, { title: SURVEY.title.vi, total: '40', present: '30' });
  await axeBothLanguages(page, 'officer console (testing)');

  // The logic-and-accuracy test ballot, then its result.
  await page.getByRole('button', { name: 'Bỏ một phiếu thử' }).click();
  await page.getByText('PHIẾU THỬ — không được tính').waitFor();
  await voterScreen(page, 'test ballot: welcome', page.getByRole('button', { name: 'Bắt đầu' }));
  const covered = await walkBallot(page, 'test ballot');
  await page.getByRole('button', { name: 'Xong' }).click();
  await page.getByRole('button', { name: 'Kiểm tra kết quả thử' }).click();
  await page.getByText('Kết quả thử khớp với phiếu đã nhập.').waitFor();
  await axeBothLanguages(page, 'test result');
  await page.getByRole('button', { name: 'Xóa phiếu thử và mở bỏ phiếu' }).click();
  await page.getByText('Đang bỏ phiếu').waitFor();
  await axeBothLanguages(page, 'officer console (open)');
  assert.deepEqual([...covered].sort(), ['multiple', 'number', 'scale', 'single', 'text']);

  // A real voter.
  await page.getByRole('button', { name: 'Mời cử tri tiếp theo' }).click();
  await voterScreen(page, 'voter: welcome', page.getByRole('button', { name: 'Bắt đầu' }));
  await walkBallot(page, 'voter');
  await page.getByRole('button', { name: 'Xong' }).click();
  await page.getByRole('heading', { name: 'Xin đưa máy lại cho cán bộ' }).waitFor();
  await voterScreen(page, 'voter-code pad', page.getByRole('button', { name: 'Mở khóa' }));
  await usePin(page);
  await voterScreen(page, 'PIN pad', page.getByRole('button', { name: 'Mở khóa' }));
  await page.getByLabel('Mã PIN của cán bộ').fill('1111');
  await page.getByRole('button', { name: 'Mở khóa' }).click();
  await page.getByText(/Sai mã PIN/).waitFor();
  await axeBothLanguages(page, 'PIN pad, wrong PIN');
  await enterPin(page);
  await page.getByRole('heading', { name: 'Bảng điều khiển của cán bộ' }).waitFor();

  // Closing: the confirmation that states the count, then the results and the minutes.
  await page.getByRole('button', { name: 'Kết thúc bỏ phiếu' }).click();
  await page.getByRole('heading', { name: 'Kết thúc bỏ phiếu?' }).waitFor();
  await axeBothLanguages(page, 'confirm close');
  await page.getByLabel('Nhập mã PIN để kết thúc').fill(PIN);
  await page.getByRole('button', { name: 'Kết thúc bỏ phiếu' }).click();
  await page.getByRole('heading', { name: 'Kết quả lấy ý kiến' }).waitFor();
  await axeBothLanguages(page, 'results');
  await page.getByRole('article', { name: /Bản số 1\/\d/ }).waitFor();
  await axeBothLanguages(page, 'minutes (print)', { print: true });
  assert.deepEqual(errors, []);
  await context.close();
});

/**
 * Walks one ballot of the survey from its first question to the receipt, checking each screen:
 * every question (with its type), a required answer left out, the free-text field, review,
 * receipt. Returns the question types seen.
 */
async function walkBallot(page, who) {
  await page.getByRole('button', { name: 'Bắt đầu' }).click();
  const next = page.getByRole('button', { name: 'Tiếp →' });
  const review = page.getByRole('heading', { name: 'Xem lại phiếu của ông/bà' });
  const types = new Set();
  let refused = false;
  for (let step = 0; step < 20; step++) {
    await review.or(next).first().waitFor();
    if (await review.isVisible()) break;
    const label = await page.locator('h1.question-label').innerText();
    const type = TYPE_OF.get(label);
    assert.ok(type, `unknown question: ${label}`);
    types.add(type);
    if (!refused && type === 'single') {
      // Going on without the required answer: the question says so.
      await next.click();
      await page.locator('.question [role=alert]').waitFor();
      await voterScreen(page, `${who}: required answer missing`, next);
      refused = true;
    }
    const radio = page.getByRole('radio').first();
    if (type === 'multiple') {
      await page.getByRole('checkbox').first().click();
      await page.getByRole('checkbox', { name: 'Khác' }).click();
      await page.getByLabel(/Ý kiến/).first().waitFor();
    } else if (type === 'number') {
      const number = page.locator('input.answer-number');
      await number.fill(await number.getAttribute('min'));
    } else if (type === 'text') {
      await page.locator('textarea.answer-text').first().fill('Ý kiến thử');
    } else {
      await radio.click();
    }
    await voterScreen(page, `${who}: question (${type})`, next);
    await next.click();
  }
  const confirm = page.getByRole('button', { name: 'Xác nhận' });
  await voterScreen(page, `${who}: review`, confirm);
  await confirm.click();
  await page.getByRole('heading', { name: /đã được ghi nhận/ }).waitFor();
  await voterScreen(page, `${who}: receipt`, page.getByRole('button', { name: 'Xong' }));
  return types;
}

test('the office pages: verify (empty, good, tampered, unreadable) and merge (empty, merged, refused)', async () => {
  const context = await h.browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await openVerifyByLink(page, h.server.url);
  await axeBothLanguages(page, 'verify: empty');
  await page.getByLabel(LABELS.bundle).setInputFiles(file('demo-all.json', await fixture('demo-all.json')));
  await page.getByLabel(LABELS.summary).setInputFiles(file('summary.json', await fixture('demo-all-summary.json')));
  await page.getByRole('heading', { name: '✓ Mọi kiểm tra đều khớp' }).waitFor();
  await page.getByText('Bản tóm tắt công khai khớp với tệp kiểm tra').waitFor();
  await axeBothLanguages(page, 'verify: good bundle with its summary');
  const good = JSON.parse(await fixture('demo-all.json'));
  good.tally.items[0].options[0].count += 1;
  await page.getByLabel(LABELS.bundle).setInputFiles(file('tampered.json', JSON.stringify(good, null, 2) + '\n'));
  await page.getByRole('alert').filter({ hasText: '✗ Có điểm không khớp' }).waitFor();
  await axeBothLanguages(page, 'verify: tampered bundle');
  await page.getByLabel(LABELS.bundle).setInputFiles(file('half.json', '{"format": '));
  await page.locator('.checks > li').first().filter({ hasText: '«half.json»' }).waitFor();
  await axeBothLanguages(page, 'verify: unreadable file');

  await page.getByRole('navigation').getByRole('link', { name: 'Gộp kết quả' }).click();
  await page.getByRole('heading', { level: 1, name: 'Gộp kết quả các hòm phiếu' }).waitFor();
  await axeBothLanguages(page, 'merge: empty');
  const input = page.getByLabel(LABELS.merge);
  await input.setInputFiles([file('may-1.json', await fixture('demo-tablet-a.json')), file('may-2.json', await fixture('demo-tablet-b.json'))]);
  await page.getByRole('heading', { level: 1, name: 'Kết quả kiểm phiếu' }).waitFor();
  await axeBothLanguages(page, 'merge: two boxes merged');
  await input.setInputFiles([file('may-1-lai.json', await fixture('demo-tablet-a.json'))]);
  await page.getByRole('alert').first().waitFor();
  await axeBothLanguages(page, 'merge: a box refused');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the field survey page: first question, resume after a reload, the staff screen, closing', async () => {
  const context = await h.browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(h.server.url + field.SURVEY);
  await field.firstQuestion(page);
  await voterScreen(page, 'field survey: first question', page.getByRole('button', { name: 'Tiếp →' }));
  await field.answer(page, 'Hài lòng');
  await field.next(page);
  await field.answer(page);
  // The battery died: the page opens on the unfinished respondent.
  await page.reload();
  await page.getByRole('button', { name: 'Tiếp tục phiếu này' }).waitFor();
  await voterScreen(page, 'field survey: resume', page.getByRole('button', { name: 'Tiếp tục phiếu này' }));
  await page.getByRole('button', { name: 'Tiếp tục phiếu này' }).click();
  await field.respond(page);
  await field.staffScreen(page).waitFor();
  await voterScreen(page, 'field survey: staff screen', page.getByRole('button', { name: 'Người trả lời tiếp theo' }));
  await page.getByRole('button', { name: 'Kết thúc khảo sát' }).click();
  await page.getByRole('heading', { name: 'Kết thúc khảo sát?' }).waitFor();
  await axeBothLanguages(page, 'field survey: closing');
  assert.deepEqual(errors, []);
  await context.close();
});
