// Journey: the survey page's first question, drawn before the app's WebAssembly has loaded
// (assets/first-question.js, src/edge/early.rs; issue 21). The wasm is held back by the test,
// so what is on the screen meanwhile is the early drawing alone: it says what the app then
// says, in Vietnamese and in English; an option and Tiếp tapped on it are done by the app once
// it takes over, and the answer is the respondent's draft (a reload offers to continue it,
// with no early drawing: the app noted the unfinished form); nothing is drawn early for a
// decision by household forms, whose first screen is the roll.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { harness, watchErrors, screenshotAllSizes } from './support.mjs';
import { SURVEY, question } from './field_page.mjs';

const h = harness();

/** Holds the survey page's wasm back until `release()` is called. */
async function holdWasm(page) {
  let release;
  const held = new Promise((ok) => (release = ok));
  await page.route('**/phieu-survey-*_bg.wasm', async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

const early = (page) => page.locator('#phieu-early');
const earlyOption = (page, name) => early(page).getByRole('radio', { name, exact: true });

/** Waits until the app has taken over: the early drawing gone, the app's question drawn. */
async function appTookOver(page) {
  await early(page).waitFor({ state: 'detached' });
  await question(page).waitFor();
}

test('drawn before the wasm: an option and Tiếp tapped there are done by the app, and kept as the draft', async () => {
  const context = await h.browser.newContext({ viewport: { width: 800, height: 1280 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors = watchErrors(page);
  let release = await holdWasm(page);
  await page.goto(h.server.url + SURVEY);
  await earlyOption(page, 'Hài lòng').waitFor();
  assert.equal(await early(page).locator('.progress').innerText(), 'Câu hỏi 1 / 16');
  await screenshotAllSizes(page, 'first-question-early');
  await page.setViewportSize({ width: 800, height: 1280 });

  await earlyOption(page, 'Hài lòng').click();
  assert.equal(await earlyOption(page, 'Hài lòng').getAttribute('aria-checked'), 'true');
  await early(page).getByRole('button', { name: 'Tiếp →' }).click();
  release();
  await appTookOver(page);
  // Satisfied: question 2 (asked only of the dissatisfied) is skipped, as when tapped in the app.
  await question(page).filter({ hasNotText: /^Câu hỏi 1 \// }).waitFor();
  await page.getByRole('button', { name: '← Quay lại' }).click();
  await question(page).filter({ hasText: /^Câu hỏi 1 \// }).waitFor();
  assert.equal(await page.getByRole('radio', { name: 'Hài lòng', exact: true }).getAttribute('aria-checked'), 'true');

  // The battery dies here. The unfinished form comes back, and nothing is drawn before the app:
  // its first screen is the resume screen, not a question.
  await page.unrouteAll({ behavior: 'wait' });
  release = await holdWasm(page);
  const poll = page.waitForResponse((r) => r.url().endsWith('/polls/survey20.json'));
  await page.reload();
  await poll;
  await page.waitForTimeout(500);
  assert.equal(await early(page).count(), 0, 'no early drawing over an unfinished form');
  release();
  await page.getByRole('heading', { name: 'Có một người trả lời chưa xong' }).waitFor();
  await page.getByRole('button', { name: 'Tiếp tục phiếu này' }).click();
  await question(page).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('the early drawing says what the app says, in Vietnamese and in English', async () => {
  for (const [lang, address] of [['vi', SURVEY], ['en', `${SURVEY}&lang=en`]]) {
    const context = await h.browser.newContext({ viewport: { width: 390, height: 844 }, serviceWorkers: 'block' });
    const page = await context.newPage();
    const errors = watchErrors(page);
    const release = await holdWasm(page);
    await page.goto(h.server.url + address);
    await early(page).locator('.choice').first().waitFor();
    const before = await early(page).innerText();
    assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
    release();
    await appTookOver(page);
    await page.locator('main#main .choice').first().waitFor();
    assert.equal(await page.locator('body').innerText(), before, `the same words in «${lang}»`);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('nothing is drawn early for a decision by household forms: its first screen is the roll', async () => {
  const context = await h.browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors = watchErrors(page);
  const release = await holdWasm(page);
  const poll = page.waitForResponse((r) => r.url().endsWith('/polls/demo.json'));
  await page.goto(h.server.url + 'survey.html?src=polls/demo.json');
  await poll;
  await page.waitForTimeout(500);
  assert.equal(await early(page).count(), 0);
  release();
  await page.getByRole('heading', { name: 'Phát phiếu lấy ý kiến tới hộ gia đình' }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('a download of the poll that hangs keeps neither drawing from starting: the app starts and says it is waiting', async () => {
  const context = await h.browser.newContext({ viewport: { width: 800, height: 1280 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors = watchErrors(page);
  // The poll never arrives: the page's script waits for it, and the app's wasm waits for the
  // script at most 2 s before it loads and starts.
  await page.route('**/polls/survey20.json', () => {});
  const wasm = page.waitForRequest((r) => r.url().endsWith('_bg.wasm'));
  await page.goto(h.server.url + SURVEY);
  await wasm;
  await page.getByRole('status').filter({ hasText: 'Đang mở bộ nhớ của máy…' }).waitFor();
  assert.equal(await early(page).count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});
