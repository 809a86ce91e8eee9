// Journey: the app runs under its Content-Security-Policy (docs/security.md
// §Content-Security-Policy) with nothing refused: every built page carries the policy (no
// 'unsafe-inline', no 'unsafe-eval', only 'wasm-unsafe-eval' for the wasm), a whole meeting runs
// through both pages with zero violations, and a poll whose words are HTML and script shows them
// as plain text. A canary proves the listener hears a violation when one happens.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { harness, watchErrors, dist, root } from './support.mjs';
import { createMeeting, testAndOpen, voter, closeVoting, castCount } from './meeting_page.mjs';

const h = harness();

/** A context whose every page (and every page it navigates to) reports each CSP violation to
 * `violations`, and fails on any dialog (an alert() that got through). */
async function watchedContext(browser, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
  const violations = [];
  const dialogs = [];
  await context.exposeBinding('__phieuCspViolation', (_source, v) => violations.push(v));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__phieuCspViolation({
        directive: e.effectiveDirective,
        blocked: e.blockedURI,
        sample: e.sample,
        page: location.pathname,
      }),
    );
  });
  context.on('page', (page) => page.on('dialog', (d) => (dialogs.push(d.message()), d.dismiss())));
  return { context, violations, dialogs };
}

/** The policy of a built page, as a map from directive to its sources. */
function policyOf(html) {
  const meta = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)"/);
  assert.ok(meta, 'the page carries a Content-Security-Policy meta');
  return new Map(
    meta[1]
      .replace(/&#39;|&apos;/g, "'")
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name, sources]),
  );
}

test('every built page carries the policy: no unsafe-inline, no unsafe-eval, nothing inline', async () => {
  const pages = (await readdir(dist)).filter((f) => f.endsWith('.html'));
  for (const expected of ['index.html', 'office.html', 'survey.html']) assert.ok(pages.includes(expected), `${expected} is built`);
  for (const name of pages) {
    const html = await readFile(join(dist, name), 'utf8');
    const policy = policyOf(html);
    assert.ok(!html.includes("'unsafe-inline'"), `${name}: no 'unsafe-inline'`);
    assert.ok(!html.includes("'unsafe-eval'"), `${name}: no 'unsafe-eval'`);
    assert.deepEqual(policy.get('default-src'), ["'self'"], name);
    assert.deepEqual(policy.get('script-src'), ["'self'", "'wasm-unsafe-eval'"], name);
    assert.deepEqual(policy.get('style-src'), ["'self'"], name);
    assert.deepEqual(policy.get('object-src'), ["'none'"], name);
    assert.deepEqual(policy.get('base-uri'), ["'none'"], name);
    assert.ok(policy.get('connect-src')?.includes("'self'"), `${name}: connect-src allows this origin`);
    // Issue 17: the pages that hold the outbox and its token connect to named origins only,
    // never to every https site (embed.html has neither, and may fetch a portal's poll).
    if (name !== 'embed.html') {
      const wide = policy.get('connect-src').filter((s) => ['https:', 'http:', '*'].includes(s));
      assert.deepEqual(wide, [], `${name}: connect-src names its collector, not a whole scheme`);
    }
    assert.ok(!policy.has('frame-ancestors'), `${name}: frame-ancestors is ignored in a meta, so it is not there`);
    // Every script is a file; the start-up script Trunk writes inline has been moved out. A
    // data block (<script type="application/json">: the words of survey.html's first question)
    // is never run.
    for (const tag of html.match(/<script\b[^>]*>/g) ?? []) {
      if (!/\stype="application\/json"/.test(tag)) assert.match(tag, /\ssrc="/, `${name}: ${tag}`);
    }
    assert.doesNotMatch(html.replace(/<!--[\s\S]*?-->/g, ''), /<style\b|\sstyle=|\son[a-z]+=/i, name);
  }
});

test('canary: the listener hears an inline script and an inline style being refused', async () => {
  const { context, violations } = await watchedContext(h.browser);
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(h.server.url);
  await page.getByRole('heading', { name: 'Chuẩn bị cuộc họp' }).waitFor();
  assert.deepEqual(violations, [], 'nothing refused before the canary');
  const ran = await page.evaluate(async () => {
    const script = document.createElement('script');
    script.textContent = 'window.__canaryRan = true;';
    document.head.append(script);
    document.body.setAttribute('style', 'outline: 9px solid red');
    await new Promise((r) => setTimeout(r, 0));
    return window.__canaryRan === true;
  });
  assert.equal(ran, false, 'the inline script did not run');
  await page.waitForFunction(() => true);
  await expectViolations(violations, ['script-src-elem', 'style-src-attr']);
  assert.ok(errors.some((e) => e.includes('Content Security Policy')), 'Chromium also logs the refusal');
  await context.close();
});

/** Waits until `violations` names each directive (events arrive asynchronously). */
async function expectViolations(violations, directives) {
  for (let i = 0; i < 200 && !directives.every((d) => violations.some((v) => v.directive === d)); i++) {
    await new Promise((r) => setTimeout(r, 10));
  }
  assert.deepEqual(
    [...new Set(violations.map((v) => v.directive))].sort(),
    [...directives].sort(),
    JSON.stringify(violations),
  );
}

test('a whole meeting under the policy: setup, test, voting, close, results, exports: nothing refused', async () => {
  const { context, violations, dialogs } = await watchedContext(h.browser, { acceptDownloads: true });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(h.server.url);
  await createMeeting(page);
  await testAndOpen(page);
  await voter(page, 'Đồng ý');
  await voter(page, 'Ý kiến khác', 'Làm đường rộng 4 mét');
  await voter(page, 'Không đồng ý');
  assert.equal(await castCount(page), 3);
  await closeVoting(page);
  await page.getByRole('heading', { level: 1, name: 'Kết quả kiểm phiếu' }).waitFor();
  for (const button of ['Tải tệp kiểm tra (gửi xã)', 'Tải bản tóm tắt công khai', 'Tải kết quả (CSV, mở bằng Excel)']) {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
    assert.ok((await readFile(await download.path())).length > 0, button);
  }
  // The minutes as printed, and the other language.
  await page.emulateMedia({ media: 'print' });
  await page.emulateMedia({ media: 'screen' });
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { level: 1, name: 'Results of the count' }).waitFor();
  assert.deepEqual(violations, []);
  assert.deepEqual(dialogs, []);
  assert.deepEqual(errors, []);
  await context.close();
});

const HOSTILE = {
  script: '<script>alert(1)</script>',
  img: '<img src=x onerror="alert(2)">',
  svg: '<svg onload=alert(3)>',
};

test('a poll whose words are HTML and script shows them as plain text, and nothing runs', async () => {
  const demo = JSON.parse(await readFile(join(root, 'assets/polls/demo.json'), 'utf8'));
  const hostile = {
    ...demo,
    id: 'csp-hostile',
    title: { vi: `Tiêu đề ${HOSTILE.script}`, en: `Title ${HOSTILE.script}` },
    items: [
      {
        ...demo.items[0],
        label: { vi: `Câu hỏi ${HOSTILE.img}`, en: `Question ${HOSTILE.img}` },
        options: [
          // The rule needs these option ids; only the words are hostile.
          { ...demo.items[0].options[0], label: { vi: `Có ${HOSTILE.script}`, en: `Yes ${HOSTILE.script}` } },
          { ...demo.items[0].options[1], label: { vi: `Không ${HOSTILE.svg}`, en: `No ${HOSTILE.svg}` } },
          demo.items[0].options[2],
        ],
      },
    ],
  };
  const { context, violations, dialogs } = await watchedContext(h.browser);
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(h.server.url);
  await page.getByRole('heading', { level: 2, name: 'Góp tiền làm đường bê tông liên xóm' }).waitFor();
  await page.getByLabel('Hoặc mở tệp phiếu (.json) của mình').setInputFiles({
    name: 'hostile.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(hostile)),
  });
  const title = `Tiêu đề ${HOSTILE.script}`;
  await page.getByRole('heading', { level: 2, name: title, exact: true }).waitFor();
  await assertInert(page);
  await createMeeting(page, { title });
  await assertInert(page);

  // A test ballot: the voter's screens show the question and its options as the words typed.
  await page.getByRole('button', { name: 'Bỏ một phiếu thử' }).click();
  await page.getByRole('button', { name: 'Bắt đầu' }).click();
  await page.getByText(`Câu hỏi ${HOSTILE.img}`, { exact: true }).waitFor();
  await page.getByRole('radio', { name: `Không ${HOSTILE.svg}`, exact: true }).waitFor();
  await assertInert(page);
  await page.getByRole('radio', { name: `Có ${HOSTILE.script}`, exact: true }).click();
  await page.getByRole('button', { name: 'Tiếp →' }).click();
  await page.getByRole('heading', { name: 'Xem lại phiếu của ông/bà' }).waitFor();
  await page.getByText(`Có ${HOSTILE.script}`, { exact: true }).waitFor();
  await assertInert(page);
  await page.getByRole('button', { name: 'Xác nhận' }).click();
  await page.getByRole('heading', { name: /đã được ghi nhận/ }).waitFor();
  await page.getByRole('button', { name: 'Xong' }).click();
  await page.getByRole('heading', { name: 'Bảng điều khiển của cán bộ' }).waitFor();
  await assertInert(page);
  assert.deepEqual(violations, []);
  assert.deepEqual(dialogs, []);
  assert.deepEqual(errors, []);
  await context.close();
});

/** No element came out of the poll's words: no <img>, no <script> or <svg> from them, no
 * handler attribute anywhere, and no alert. */
async function assertInert(page) {
  const found = await page.evaluate(() => ({
    img: document.querySelectorAll('img').length,
    scripts: [...document.querySelectorAll('script')].filter((s) => !s.src).length,
    handlers: [...document.querySelectorAll('*')].filter((e) => [...e.attributes].some((a) => a.name.startsWith('on'))).length,
    svgOnload: document.querySelectorAll('svg[onload]').length,
    ran: window.__phieuRan ?? null,
  }));
  assert.deepEqual(found, { img: 0, scripts: 0, handlers: 0, svgOnload: 0, ran: null });
}
