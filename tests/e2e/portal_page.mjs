// The commune portal (examples/portal, served from its own origin) embedding phieu both ways,
// for the journeys that drive it: a harness with phieu's build, the portal and a third origin;
// a fresh browser profile on the portal; what the portal heard; one ballot on the demo poll.
import { before, after } from 'node:test';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, launch, watchErrors, root } from './support.mjs';
import { servePortal } from '../../examples/portal/serve.mjs';

/** Serves the build (`h.app`), the portal (`h.portal`) and a stranger's origin (`h.stranger`),
 * and launches the browser (`h.browser`), before the file's tests; closes them after. */
export function portalHarness() {
  const h = { app: null, portal: null, stranger: null, browser: null };
  before(async () => {
    h.app = await serve();
    h.portal = await servePortal(h.app.url);
    // A third origin: the page a wrong message comes from.
    h.stranger = await servePortal(h.app.url);
    h.browser = await launch();
  });
  after(async () => {
    await h.browser?.close();
    await Promise.all([h.app, h.portal, h.stranger].map((s) => s?.close()));
  });
  return h;
}

/** A fresh browser profile on the portal. The build's embed-origins.json names the demo
 * portal's origin (127.0.0.1:8081); here the deployer's list names this run's portal port. */
export async function openPortal(h, { viewport = { width: 1280, height: 800 }, hostile = false, bypassCSP = false, init = null } = {}) {
  const context = await h.browser.newContext({ viewport, serviceWorkers: 'block', bypassCSP });
  // A script run in every page before the portal's own (a stub at the browser's edge).
  if (init) await context.addInitScript(init);
  await context.route(`${h.app.url}embed-origins.json`, (route) =>
    route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify({ version: 1, origins: [h.portal.origin] }),
    }),
  );
  if (hostile) {
    const css = await readFile(join(root, 'examples/portal/portal.css'), 'utf8');
    await context.route(`${h.portal.url}portal.css`, (route) =>
      route.fulfill({
        contentType: 'text/css',
        body: `${css}\n* { all: unset !important; }\nhtml { font-size: 10px !important; }\n`,
      }),
    );
  }
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(h.portal.url);
  return { context, page, errors };
}

/** What the portal's page has heard from phieu, filtered by way (element, iframe), id and type. */
export const received = (page, filter = {}) =>
  page.evaluate(
    ({ way, id, type }) =>
      window.received.filter((r) => (!way || r.way === way) && (!id || r.id === id) && (!type || r.type === type)),
    filter,
  );

/** Waits until the portal has heard `count` messages matching `filter`; returns them. */
export async function waitReceived(page, filter, count = 1) {
  await page.waitForFunction(
    ({ way, id, type, count }) =>
      window.received.filter((r) => (!way || r.way === way) && (!id || r.id === id) && (!type || r.type === type))
        .length >= count,
    { ...filter, count },
  );
  return received(page, filter);
}

/** One ballot on the demo poll inside `scope` (a locator or a frame). Returns the receipt code. */
export async function voteDemo(scope, choice = 'Đồng ý') {
  await scope.getByRole('button', { name: 'Bắt đầu' }).click();
  await scope.getByRole('radio', { name: choice, exact: true }).click();
  await scope.getByRole('button', { name: /Tiếp/ }).click();
  await scope.getByRole('button', { name: /Xác nhận/ }).click();
  const code = scope.locator('.receipt-code');
  await code.waitFor();
  return (await code.innerText()).trim();
}
