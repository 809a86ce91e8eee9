// Shared by every journey: serve dist/ on 127.0.0.1, launch the system Chromium, and take
// screenshots at the three sizes we promise (tablet landscape, tablet portrait, phone).
// dist/ holds the pages built by scripts/build: index.html (the tablet: a meeting in progress),
// office.html (setup, results, verify, merge), survey.html (a field survey) and embed.html (a
// poll in a portal); the app moves between the first three by itself.
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';
import { serve as serveDir } from '../../scripts/serve.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
export const root = resolve(here, '../..');
// PHIEU_DIST lets a second build (another worktree's, or a size experiment) be tested in place.
export const dist = resolve(process.env.PHIEU_DIST ?? join(root, 'dist'));
export const screenshots = join(here, 'screenshots');

export const SIZES = {
  'tablet-landscape': { width: 1280, height: 800 },
  'tablet-portrait': { width: 800, height: 1280 },
  phone: { width: 390, height: 844 },
};

/** Serves `dir` (default: the build under test) on 127.0.0.1 at a free port. Returns { url, close }. */
export function serve(dir = dist) {
  return serveDir(dir);
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Launches the system Chromium headless. */
export function launch(options = {}) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    ...options,
  });
}

/** Fails the test on any console error or uncaught exception in the page. */
export function watchErrors(page) {
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  return errors;
}

/** Saves a full-page screenshot at each promised size under tests/e2e/screenshots/. */
export async function screenshotAllSizes(page, name) {
  await mkdir(screenshots, { recursive: true });
  for (const [size, viewport] of Object.entries(SIZES)) {
    await page.setViewportSize(viewport);
    await page.screenshot({ path: join(screenshots, `${name}-${size}.png`), fullPage: true });
  }
}

/** The usual harness of a journey file: a server on dist/ and a browser, started before the
 * file's tests and closed after them. Use `h.server.url` and `h.browser`. */
export function harness() {
  const h = { server: null, browser: null };
  before(async () => {
    h.server = await serve();
    h.browser = await launch();
  });
  after(async () => {
    await h.browser?.close();
    await h.server?.close();
  });
  return h;
}
