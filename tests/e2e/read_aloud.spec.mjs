// Journey (issue 20, item 1): a voter who cannot read the screen taps "Nghe" and hears the
// question, then each option with its number, in Vietnamese (vi-VN); the review screen reads
// the choices back before Confirm. The browser's speech synthesis is stubbed at the edge only
// (window.speechSynthesis and SpeechSynthesisUtterance), recording every utterance; the app is
// the release build, unchanged. Nothing spoken reaches storage. On a device without a
// Vietnamese voice the button is not offered and the setup screen says so.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { harness, watchErrors, screenshots } from './support.mjs';
import { createMeeting, testAndOpen } from './meeting_page.mjs';
import { axeViolations, smallTargets } from './a11y.mjs';
import { stubSpeech } from './speech_stub.mjs';

const h = harness();

/** Everything this site keeps: localStorage and every IndexedDB store, as one string. */
const storage = (page) =>
  page.evaluate(async () => {
    const out = { local: { ...localStorage } };
    for (const { name } of await indexedDB.databases()) {
      const db = await new Promise((ok, fail) => {
        const r = indexedDB.open(name);
        r.onsuccess = () => ok(r.result);
        r.onerror = () => fail(r.error);
      });
      for (const store of db.objectStoreNames) {
        out[`${name}/${store}`] = await new Promise((ok) => {
          const r = db.transaction(store).objectStore(store).getAll();
          r.onsuccess = () => ok(r.result);
        });
      }
      db.close();
    }
    return JSON.stringify(out);
  });

const spoken = (page) => page.evaluate(() => window.__spoken.splice(0));

/** Taps "Nghe" and waits until the reading has ended (the button says "Nghe" again). */
async function listen(page, name = 'Nghe') {
  await page.getByRole('button', { name, exact: true }).click();
  await page.waitForFunction(() => window.__spoken.length > 0);
  await page.getByRole('button', { name, exact: true }).and(page.locator('[aria-pressed="false"]')).waitFor();
  return spoken(page);
}

test('read aloud: the question, each option with its number, then the review, in vi-VN; nothing stored', async () => {
  const context = await h.browser.newContext({ viewport: { width: 800, height: 1280 } });
  await context.addInitScript(stubSpeech);
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(h.server.url);

  // The officer's setup screen says the device reads aloud, offline, with which voice.
  await page.getByRole('heading', { name: 'Đọc to cho cử tri' }).waitFor();
  const note = await page.locator('.setup-speech p').innerText();
  assert.match(note, /Tiếng Việt \(thử\)/);
  assert.match(note, /không có mạng/);

  await createMeeting(page);
  await testAndOpen(page);
  await page.getByRole('button', { name: 'Mời cử tri tiếp theo' }).click();
  await page.getByRole('button', { name: 'Bắt đầu' }).click();

  // The question, how to answer, then each option with its number, in order.
  const question = (await page.locator('.question-label').innerText()).trim();
  const options = await page.getByRole('radio').allInnerTexts();
  const before = await storage(page);
  const read = await listen(page);
  assert.equal(await storage(page), before, 'listening wrote nothing');
  await page.screenshot({ path: join(screenshots, 'read-aloud-question-800x1280.png') });
  // The button is a voter's control like the others: no serious or critical axe finding, and at
  // least 48 × 48 CSS px.
  const serious = (await axeViolations(page)).filter((v) => ['serious', 'critical'].includes(v.impact));
  assert.deepEqual(serious, []);
  assert.deepEqual(await smallTargets(page), []);
  assert.deepEqual(read.map((u) => u.text), [
    question,
    'Chọn một',
    ...options.map((o, i) => `Số ${i + 1}: ${o.replace(/^✓\s*/, '').trim()}`),
  ]);
  assert.ok(read.every((u) => u.lang === 'vi-VN' && u.voice === 'Tiếng Việt (thử)'), JSON.stringify(read));

  // Tapping an option selects it as usual; the review reads the choice back before Confirm.
  await page.getByRole('radio', { name: 'Đồng ý', exact: true }).click();
  await page.getByRole('button', { name: 'Tiếp →' }).click();
  await page.getByRole('heading', { name: 'Xem lại phiếu của ông/bà' }).waitFor();
  const reviewed = await listen(page);
  assert.deepEqual(reviewed.map((u) => u.text), [
    'Xem lại phiếu của ông/bà',
    `${question}: Đồng ý`,
    'Nếu đúng, bấm Xác nhận. Muốn sửa, bấm Sửa ngay dưới câu trả lời.',
  ]);
  assert.ok(reviewed.every((u) => u.lang === 'vi-VN'));

  // In English, the screen changes language; what is spoken stays Vietnamese.
  await page.getByRole('button', { name: 'English', exact: true }).click();
  assert.equal((await listen(page, 'Listen'))[0].text, 'Xem lại phiếu của ông/bà');
  await page.getByRole('button', { name: 'Tiếng Việt', exact: true }).click();

  await page.getByRole('button', { name: 'Xác nhận' }).click();
  await page.getByRole('heading', { name: /Phiếu của ông\/bà đã được ghi nhận/ }).waitFor();
  const kept = await storage(page);
  assert.ok(!kept.includes('Số 1: '), 'no spoken line is stored');
  assert.deepEqual(errors, []);
  await context.close();
});

test('no Vietnamese voice: the setup screen says so and voters are not offered "Nghe"', async () => {
  const context = await h.browser.newContext({ viewport: { width: 800, height: 1280 } });
  // A synthesizer with an English voice only.
  await context.addInitScript(() => {
    const synth = {
      getVoices: () => [{ name: 'English', lang: 'en-US', localService: true, voiceURI: 'en', default: true }],
      speak() {}, cancel() {}, addEventListener() {}, removeEventListener() {},
    };
    Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
  });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(h.server.url);
  await page.getByRole('heading', { name: 'Đọc to cho cử tri' }).waitFor();
  assert.match(await page.locator('.setup-speech p').innerText(), /không có giọng đọc tiếng Việt/);
  await createMeeting(page);
  await testAndOpen(page);
  await page.getByRole('button', { name: 'Mời cử tri tiếp theo' }).click();
  await page.getByRole('button', { name: 'Bắt đầu' }).click();
  await page.getByRole('radio').first().waitFor();
  assert.equal(await page.getByRole('button', { name: 'Nghe', exact: true }).count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});
