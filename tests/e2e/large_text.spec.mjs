// Journey (issue 20, item 2): the officer turns on large text and high contrast for one voter
// (on the console, or on the lock screen beside the voter code): the voter's screens are half
// as large again, every text on them has a contrast of 7:1 or more (WCAG AAA), one question
// per screen with no sideways scrolling at 800×1280 and 390×844; the next voter gets the usual
// screens unless the officer kept it on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { harness, watchErrors, screenshots } from './support.mjs';
import { createMeeting, testAndOpen, tapCode, voterCode } from './meeting_page.mjs';

const h = harness();

/** The height of the first line of `selector`'s text: a font size as drawn on screen. */
const lineHeight = (page, selector) =>
  page.evaluate((selector) => {
    const el = document.querySelector(selector);
    const text = [...el.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
    const range = document.createRange();
    range.setStart(text, 0);
    range.setEnd(text, 1);
    return range.getBoundingClientRect().height;
  }, selector);

/** Every visible text in `main` whose contrast with its background is below `min`. */
const lowContrast = (page, min) =>
  page.evaluate((min) => {
    const rgb = (s) => (s.match(/[\d.]+/g) || []).map(Number);
    const lum = ([r, g, b]) => {
      const c = [r, g, b].map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
      return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    };
    const background = (el) => {
      for (let e = el; e; e = e.parentElement) {
        const bg = rgb(getComputedStyle(e).backgroundColor);
        if (bg.length === 3 || (bg.length === 4 && bg[3] > 0.5)) return bg.slice(0, 3);
      }
      return [255, 255, 255];
    };
    const low = [];
    for (const el of document.querySelectorAll('main *')) {
      const own = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
      if (!own || !el.checkVisibility() || el.closest('[disabled]')) continue;
      const fg = lum(rgb(getComputedStyle(el).color));
      const bg = lum(background(el));
      const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
      if (ratio < min) low.push(`${el.tagName}.${el.className}: ${ratio.toFixed(2)} "${el.textContent.trim().slice(0, 30)}"`);
    }
    return low;
  }, min);

const noSidewaysScroll = (page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

test('large text for one voter: half as large again, 7:1 contrast, no sideways scrolling', async () => {
  const context = await h.browser.newContext({ viewport: { width: 800, height: 1280 } });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(h.server.url);
  await createMeeting(page);
  await testAndOpen(page);
  const code = await voterCode(page);

  // A voter with the usual screens, measured.
  await page.getByRole('button', { name: 'Mời cử tri tiếp theo' }).click();
  await page.getByRole('button', { name: 'Bắt đầu' }).click();
  const usual = await lineHeight(page, '.question-label');
  await page.getByRole('radio', { name: 'Đồng ý', exact: true }).click();
  await page.getByRole('button', { name: 'Tiếp →' }).click();
  await page.getByRole('button', { name: 'Xác nhận' }).click();
  await page.getByRole('button', { name: 'Xong' }).click();

  // The officer turns it on beside the voter code, and lets the next voter in.
  await page.getByRole('button', { name: 'Chữ to cho cử tri tiếp theo' }).click();
  assert.equal(await page.getByRole('button', { name: /Chữ to cho cử tri tiếp theo/ }).getAttribute('aria-pressed'), 'true');
  await tapCode(page, code);
  await page.getByRole('button', { name: 'Bắt đầu' }).waitFor();
  assert.equal(await page.locator('main.voter-large').count(), 1);
  await page.screenshot({ path: join(screenshots, 'large-welcome-800x1280.png') });
  assert.deepEqual(await lowContrast(page, 7), [], 'welcome at 7:1');
  await page.getByRole('button', { name: 'Bắt đầu' }).click();
  const large = await lineHeight(page, '.question-label');
  assert.ok(large >= usual * 1.45, `question text ${large} vs ${usual}`);
  for (const size of [{ width: 800, height: 1280 }, { width: 390, height: 844 }]) {
    await page.setViewportSize(size);
    assert.ok(await noSidewaysScroll(page), `no sideways scrolling at ${size.width}×${size.height}`);
    assert.deepEqual(await lowContrast(page, 7), [], `question at 7:1 at ${size.width}`);
    await page.screenshot({ path: join(screenshots, `large-question-${size.width}x${size.height}.png`) });
  }
  await page.getByRole('radio', { name: 'Không đồng ý', exact: true }).click();
  await page.getByRole('button', { name: 'Tiếp →' }).click();
  await page.getByRole('heading', { name: 'Xem lại phiếu của ông/bà' }).waitFor();
  const wide = await page.evaluate(() => [...document.querySelectorAll('main *')]
    .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
    .map((e) => `${e.tagName}.${e.className}`).slice(0, 5));
  assert.ok(await noSidewaysScroll(page), `review without sideways scrolling: ${wide}`);
  assert.deepEqual(await lowContrast(page, 7), [], 'review at 7:1');
  await page.screenshot({ path: join(screenshots, 'large-review-390x844.png') });
  await page.getByRole('button', { name: 'Xác nhận' }).click();
  await page.getByRole('heading', { name: /đã được ghi nhận/ }).waitFor();
  assert.deepEqual(await lowContrast(page, 7), [], 'receipt at 7:1');
  assert.ok(await noSidewaysScroll(page), 'receipt without sideways scrolling');
  await page.screenshot({ path: join(screenshots, 'large-receipt-390x844.png') });
  await page.getByRole('button', { name: 'Xong' }).click();

  // The next voter: the usual screens again (it was for one voter only).
  await tapCode(page, code);
  await page.getByRole('button', { name: 'Bắt đầu' }).waitFor();
  assert.equal(await page.locator('main.voter-large').count(), 0, 'one voter only');
  assert.deepEqual(errors, []);
  await context.close();
});
