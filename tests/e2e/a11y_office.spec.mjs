// Journey (accessibility, issue #10), the pages a11y.spec.mjs does not visit: axe-core on each
// state, in Vietnamese and in English, 0 serious or critical violations.
// - The poll designer (office.html#/designer): the start screen; a template in the editor; the
//   preview (welcome, a question); a question whose wording was emptied, with the problem next
//   to the field and in the box at the top; a blank poll with a new question, its missing title
//   said. An officer's tool: every control at least 44 × 44 CSS px (WCAG 2.5.5), a checkbox or
//   radio button measured with the label that wraps it, at tablet and phone size; at 200% zoom
//   the editor does not scroll sideways and its preview button can be reached.
// - The XLSForm import on setup: a Kobo form imported, with what was left out; a bad form's list
//   of problems; at 200% zoom neither scrolls sideways (a template's long title in the list did).
// - The embedding (examples/portal): the portal with its three <phieu-poll> elements (kiosk and
//   survey welcome, published results; axe sees into their shadow roots), the kiosk's question,
//   receipt and results once closed, and embed.html in the iframe (its own frame: welcome,
//   receipt). Every control of a voter's screen is at least 48 × 48 CSS px, at tablet and phone
//   size, and the kiosk's question is usable at 200% zoom. A voter votes with the keyboard alone
//   in the element and in the iframe: each new screen takes the focus, arrows choose, Enter
//   moves on.
// The canary of a11y.spec.mjs proves the checks fail when they should on a page; the one here,
// that they also see inside an element's shadow root and inside the iframe.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { harness, watchErrors, root } from './support.mjs';
import { openSetup } from './meeting_page.mjs';
import { openDesigner, question, vi, status } from './designer_page.mjs';
import { portalHarness, openPortal, waitReceived, voteDemo } from './portal_page.mjs';
import { axeBothLanguages, axeViolations, smallTargets, usableZoomed, summary } from './a11y.mjs';

const h = harness();
const hp = portalHarness();
const VIEWPORT = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
const templates = JSON.parse(await readFile(join(root, 'assets/templates/index.json'), 'utf8'));

after(() => console.log(summary()));

/** Every control in reach of a finger (`min` px, or 48) at tablet and at phone size. */
async function targets(page, state, options = {}) {
  for (const size of [VIEWPORT, PHONE]) {
    await page.setViewportSize(size);
    const small = await smallTargets(options.frame ?? page, options);
    assert.deepEqual(small, [], `${state} at ${size.width}×${size.height}: targets under ${options.min ?? 48} px`);
  }
  await page.setViewportSize(VIEWPORT);
}

test('the designer: start, a template, the preview, a problem next to its field, a blank poll', async () => {
  const context = await h.browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  const errors = watchErrors(page);
  const officer = { min: 44, labels: true };
  await openDesigner(page, h.server.url);
  await axeBothLanguages(page, 'designer: start');
  await targets(page, 'designer: start', officer);

  await page.getByRole('button', { name: templates[0].title.vi }).click();
  await status(page).getByText('Phiếu hợp lệ, sẵn sàng dùng.').waitFor();
  await axeBothLanguages(page, 'designer: a template');
  await targets(page, 'designer: a template', officer);
  await usableZoomed(page, 'designer: a template', page.getByRole('button', { name: 'Xem thử' }), VIEWPORT);

  await page.getByRole('button', { name: 'Xem thử' }).click();
  await page.getByText('XEM THỬ — phiếu này không được lưu, không được đếm').waitFor();
  await axeBothLanguages(page, 'designer: preview, welcome');
  await page.getByRole('button', { name: 'Bắt đầu' }).click();
  await page.getByRole('button', { name: 'Tiếp →' }).waitFor();
  await axeBothLanguages(page, 'designer: preview, a question');
  await targets(page, 'designer: preview, a question');
  await page.getByRole('button', { name: 'Quay lại soạn' }).first().click();

  const field = vi(question(page, 1), 'Nội dung câu hỏi');
  await field.fill('');
  await question(page, 1).getByText('Không được để trống.').waitFor();
  await status(page).getByRole('button', { name: 'Đến chỗ cần sửa' }).waitFor();
  await axeBothLanguages(page, 'designer: a question with a problem');

  await page.getByRole('button', { name: '← Các bản nháp' }).click();
  await page.getByRole('button', { name: /^Lấy ý kiến/ }).click();
  await page.getByRole('button', { name: '+ Chọn một' }).click();
  await question(page, 1).waitFor();
  await page.getByRole('group', { name: 'Tiêu đề phiếu' }).getByText('Không được để trống.').waitFor();
  await status(page).getByText('Phiếu chưa dùng được.').waitFor();
  await axeBothLanguages(page, 'designer: a blank poll with a question, its title missing');
  await targets(page, 'designer: a blank poll', officer);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the XLSForm import on setup: a form imported with what was left out, a bad form’s problems', async () => {
  const context = await h.browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  const errors = watchErrors(page);
  const input = page.getByLabel('Biểu mẫu XLSForm (.xlsx, Kobo/ODK)');
  await openSetup(page, h.server.url);
  await input.setInputFiles(join(root, 'tests/data/xlsform-mttq.xlsx'));
  await page.locator('.xlsform-imported').getByText('Đã nhập «xlsform-mttq.xlsx»: 12 câu hỏi.').waitFor();
  await axeBothLanguages(page, 'setup: XLSForm imported, what was left out');
  await usableZoomed(page, 'setup: XLSForm imported', page.getByRole('button', { name: 'Tạo cuộc họp' }), VIEWPORT);
  await input.setInputFiles(join(root, 'tests/data/xlsform-bad.xlsx'));
  await page.locator('.xlsform-problems').getByText('«xlsform-bad.xlsx»: biểu mẫu có 13 chỗ cần sửa', { exact: false }).waitFor();
  await axeBothLanguages(page, 'setup: a bad XLSForm, its problems');
  await usableZoomed(page, 'setup: a bad XLSForm', null, VIEWPORT);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the embedding: the portal’s elements (welcome, question, receipt, results) and the iframe', async () => {
  // axe, put in by this test, sets inline styles while it measures inside the shadow roots; the
  // portal's policy (no 'unsafe-inline') would refuse them and log errors. Lifted here:
  // embed.spec.mjs runs phieu under that policy.
  const { context, page, errors } = await openPortal(hp, { bypassCSP: true });
  const kiosk = page.locator('#kiosk');
  await waitReceived(page, { id: 'kiosk', type: 'ready' });
  await waitReceived(page, { id: 'survey', type: 'ready' });
  await waitReceived(page, { id: 'results', type: 'closed' });
  const voter = async (state) => {
    await axeBothLanguages(page, state, { switchIn: kiosk, hosted: true });
    for (const host of ['#kiosk', '#survey']) await targets(page, `${state} ${host}`, { host });
  };
  await voter('portal: kiosk and survey welcome, published results');

  await kiosk.getByRole('button', { name: 'Bắt đầu' }).click();
  await kiosk.getByRole('radio', { name: 'Ý kiến khác' }).click();
  await kiosk.getByLabel(/Ý kiến của/).waitFor();
  await voter('element: a question, its opinion field');
  await usableZoomed(page, 'element: a question', kiosk.getByRole('button', { name: /Tiếp/ }), VIEWPORT);
  await kiosk.getByRole('button', { name: '← Quay lại' }).click();
  await voteDemo(kiosk);
  await voter('element: receipt');
  // A kiosk box closes with at least 5 ballots (docs/embedding.md §Closing).
  for (let i = 0; i < 4; i++) {
    await kiosk.getByRole('button', { name: 'Xong' }).click();
    await voteDemo(kiosk);
  }
  await page.getByRole('button', { name: 'Kết thúc bỏ phiếu (cán bộ)' }).click();
  await kiosk.getByRole('heading', { name: 'Kết quả' }).waitFor();
  await axeBothLanguages(page, 'element: results once closed', { switchIn: kiosk, hosted: true });

  // The iframe is another origin's document: axe runs inside it.
  await waitReceived(page, { way: 'iframe', type: 'ready' });
  const frame = page.frames().find((f) => f.url().includes('/embed.html'));
  await frame.getByRole('button', { name: 'Bắt đầu' }).waitFor();
  await axeBothLanguages(frame, 'iframe: welcome', { hosted: true });
  await targets(page, 'iframe: welcome', { frame });
  await voteDemo(frame);
  await axeBothLanguages(frame, 'iframe: receipt', { hosted: true });
  await targets(page, 'iframe: receipt', { frame });
  assert.deepEqual(errors, []);
  await context.close();
});

/** The focused element of `target` (the page or a frame), inside shadow roots too: "tag name",
 * its name as a voter hears it. */
const focused = (target) =>
  target.evaluate(() => {
    let a = document.activeElement;
    while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
    return `${a.tagName.toLowerCase()} ${(a.getAttribute('aria-label') || a.textContent).trim()}`;
  });

/** Waits (2 s at most) until the focus of `target` is on `what` (a regular expression on `focused`). */
async function focusOn(target, what) {
  for (let i = 0; i < 20 && !what.test(await focused(target)); i++) await new Promise((ok) => setTimeout(ok, 100));
  assert.match(await focused(target), what);
}

/** Presses Tab until the focus is on `what`, at most 8 times. */
async function tabTo(page, target, what) {
  for (let i = 0; i < 8 && !what.test(await focused(target)); i++) await page.keyboard.press('Tab');
  assert.match(await focused(target), what);
}

/** One ballot on the demo poll in `scope` (the element, or the iframe's frame `target`) with the
 * keyboard alone: each new screen has the focus on its heading, the arrows move the choice and
 * the focus, Enter on the buttons moves on; the receipt's "Xong" has the focus. */
async function voteByKeyboard(page, scope, target = page) {
  await scope.getByRole('button', { name: 'Bắt đầu' }).focus();
  await page.keyboard.press('Enter');
  await focusOn(target, /^p Câu hỏi 1 \/ 1$/);
  await tabTo(page, target, /^button Đồng ý$/);
  await page.keyboard.press('ArrowDown');
  await scope.locator('[role=radio][aria-checked=true]:focus', { hasText: 'Không đồng ý' }).waitFor();
  await tabTo(page, target, /^button Tiếp →$/);
  await page.keyboard.press('Enter');
  await focusOn(target, /^h2 Xem lại phiếu của ông\/bà$/);
  await tabTo(page, target, /^button Xác nhận$/);
  await page.keyboard.press('Enter');
  await focusOn(target, /^button Xong$/);
  await page.keyboard.press('Enter');
  await focusOn(target, /^h2 Xin mời/);
}

test('the keyboard alone, in the element and in the iframe: each new screen takes the focus, arrows choose, Enter confirms', async () => {
  const { context, page, errors } = await openPortal(hp);
  await waitReceived(page, { id: 'kiosk', type: 'ready' });
  await waitReceived(page, { id: 'survey', type: 'ready' });
  await waitReceived(page, { id: 'results', type: 'closed' });
  await waitReceived(page, { way: 'iframe', type: 'ready' });
  // Polls that have just loaded take no focus: the portal's page stays where the reader is.
  assert.deepEqual(await page.evaluate(() => [document.activeElement === document.body, scrollY]), [true, 0]);
  await voteByKeyboard(page, page.locator('#kiosk'));
  await waitReceived(page, { id: 'kiosk', type: 'cast' });
  const frame = page.frames().find((f) => f.url().includes('/embed.html'));
  await voteByKeyboard(page, frame, frame);
  await waitReceived(page, { way: 'iframe', type: 'cast' });
  assert.deepEqual(errors, []);
  await context.close();
});

test('the checks see inside the element’s shadow root and inside the iframe', async () => {
  const { context, page } = await openPortal(hp, { bypassCSP: true });
  await waitReceived(page, { id: 'kiosk', type: 'ready' });
  await waitReceived(page, { way: 'iframe', type: 'ready' });
  const frame = page.frames().find((f) => f.url().includes('/embed.html'));
  await frame.getByRole('button', { name: 'Bắt đầu' }).waitFor();
  const canary = (root) => {
    const b = document.createElement('button');
    b.className = 'canary';
    b.style.cssText = 'width:20px;height:20px';
    (root ? document.querySelector(root).shadowRoot : document.body).append(b);
  };
  await page.evaluate(canary, '#kiosk');
  await frame.evaluate(canary, null);
  for (const [where, found] of [['the element', await axeViolations(page)], ['the iframe', await axeViolations(frame)]]) {
    assert.ok(found.some((v) => v.id === 'button-name' && v.nodes.some((n) => n.includes('.canary'))), `${where}: ${JSON.stringify(found)}`);
  }
  assert.deepEqual(await smallTargets(page, { host: '#kiosk' }), ['button "BUTTON" 20×20']);
  assert.deepEqual(await smallTargets(frame), ['button "BUTTON" 20×20']);
  await context.close();
});
