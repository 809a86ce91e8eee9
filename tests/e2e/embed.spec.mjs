// Journey: a commune portal (examples/portal, served from its own origin) embeds phieu both
// ways: the <phieu-poll> element and the iframe (docs/embedding.md). Voters vote in both, the
// portal hears each receipt and never a choice, the officer closes the kiosk from the portal,
// a message from a wrong origin changes nothing, the iframe takes its content's height, two
// polls on one page keep their own state, and a hostile host stylesheet breaks nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { screenshotAllSizes, root } from './support.mjs';
import { portalHarness, openPortal, received, waitReceived, voteDemo } from './portal_page.mjs';

const h = portalHarness();
const portal = (options) => openPortal(h, options);

test('the element: a vote is cast, the portal gets the receipt only, the officer closes and gets the tally', async () => {
  const { context, page, errors } = await portal();
  const kiosk = page.locator('#kiosk');
  const ready = await waitReceived(page, { id: 'kiosk', type: 'ready' });
  assert.deepEqual(ready[0].detail, { mode: 'kiosk', poll: 'thon-dong-tam-2026-duong-be-tong', lang: 'vi' });

  // Before the close there is no tally, and the portal is told why.
  const early = await page.evaluate(() => {
    try {
      document.getElementById('kiosk').getTally();
      return 'no error';
    } catch (e) {
      return e.message;
    }
  });
  assert.match(early, /only available after voting has closed/);

  const first = await voteDemo(kiosk, 'Đồng ý');
  const casts = await waitReceived(page, { id: 'kiosk', type: 'cast' });
  assert.deepEqual(Object.keys(casts[0].detail), ['receipt'], 'the cast event carries the receipt and nothing else');
  assert.equal(casts[0].detail.receipt, first);
  assert.doesNotMatch(JSON.stringify(casts), /dong_y|Đồng ý/);

  await kiosk.getByRole('button', { name: 'Xong' }).click();
  const second = await voteDemo(kiosk, 'Không đồng ý');
  const both = await waitReceived(page, { id: 'kiosk', type: 'cast' }, 2);
  assert.deepEqual(both.map((c) => c.detail.receipt), [first, second]);
  assert.doesNotMatch(JSON.stringify(both), /khong_dong_y|Không đồng ý/);

  // Issue 17: a box with fewer than 5 ballots is not closed, and no tally leaves it: a portal
  // opening a box per voter would read that voter's choice off it.
  await page.getByRole('button', { name: 'Kết thúc bỏ phiếu (cán bộ)' }).click();
  const [refused] = await waitReceived(page, { id: 'kiosk', type: 'error' });
  assert.equal(refused.detail.code, 'close-refused');
  assert.match(refused.detail.message, /cần ít nhất 5 phiếu, hiện có 2/);
  assert.deepEqual(await received(page, { id: 'kiosk', type: 'closed' }), []);
  for (const choice of ['Đồng ý', 'Đồng ý', 'Không đồng ý']) {
    await kiosk.getByRole('button', { name: 'Xong' }).click();
    await voteDemo(kiosk, choice);
  }
  await waitReceived(page, { id: 'kiosk', type: 'cast' }, 5);

  await page.getByRole('button', { name: 'Kết thúc bỏ phiếu (cán bộ)' }).click();
  const [closed] = await waitReceived(page, { id: 'kiosk', type: 'closed' });
  assert.deepEqual(Object.keys(closed.detail).sort(), ['fingerprint', 'tally']);
  assert.equal(closed.detail.tally.ballots, 5);
  assert.deepEqual(
    closed.detail.tally.items[0].options.map((o) => [o.id, o.count]),
    [['dong_y', 3], ['khong_dong_y', 2], ['y_kien_khac', 0]],
  );
  assert.equal(closed.detail.fingerprint, closed.detail.tally.fingerprint);
  const tally = await page.evaluate(() => document.getElementById('kiosk').getTally());
  assert.deepEqual(tally, closed.detail);
  await kiosk.getByRole('heading', { name: 'Kết quả' }).waitFor();
  await kiosk.getByText('Số phiếu: 5 trên tổng số 120').waitFor();

  // A reload shows the closed box again, from the device's storage.
  await page.reload();
  await page.locator('#kiosk').getByRole('heading', { name: 'Kết quả' }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('the iframe: it takes its content height, a vote reaches the portal as a receipt, the language follows the portal', async () => {
  const { context, page, errors } = await portal();
  const iframe = page.locator('#frame');
  const frame = page.frameLocator('#frame');
  const [ready] = await waitReceived(page, { way: 'iframe', type: 'ready' });
  assert.deepEqual(ready.detail, { mode: 'kiosk', poll: 'thon-dong-tam-2026-duong-be-tong', lang: 'vi' });

  const fits = async () => {
    const handle = await iframe.elementHandle();
    const f = await handle.contentFrame();
    await f.waitForFunction(
      () => document.documentElement.scrollHeight <= document.documentElement.clientHeight,
    );
    return f;
  };
  await frame.getByRole('button', { name: 'Bắt đầu' }).waitFor();
  await fits();
  await frame.getByRole('button', { name: 'Bắt đầu' }).click();
  await frame.getByRole('radio', { name: 'Ý kiến khác' }).click();
  await frame.getByLabel(/Ý kiến của/).fill('Làm vào mùa khô');
  const f = await fits();
  const resizes = await received(page, { way: 'iframe', type: 'resize' });
  assert.ok(resizes.length >= 1, 'the height was sent');
  const box = await iframe.boundingBox();
  assert.equal(Math.round(box.height), resizes.at(-1).detail.height);

  await frame.getByRole('button', { name: /Tiếp/ }).click();
  await frame.getByRole('button', { name: /Xác nhận/ }).click();
  const code = (await frame.locator('.receipt-code').innerText()).trim();
  const [cast] = await waitReceived(page, { way: 'iframe', type: 'cast' });
  assert.deepEqual(cast.detail, { receipt: code });
  const everything = JSON.stringify(await received(page, { way: 'iframe' }));
  assert.doesNotMatch(everything, /y_kien_khac|mùa khô/, 'no choice and no opinion reached the portal');
  await fits();
  assert.equal(await f.evaluate(() => document.documentElement.lang || document.querySelector('.phieu').lang), 'vi');

  // The portal switches the language by message.
  await page.evaluate(() =>
    document.getElementById('frame').contentWindow.postMessage({ phieu: 1, type: 'set-lang', lang: 'en' }, new URL(document.getElementById('frame').src).origin),
  );
  await frame.getByRole('button', { name: 'Tiếng Việt' }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('a message from another origin is ignored; the same message from the portal is obeyed', async () => {
  // The portal's own CSP (frame-src) would refuse the stranger's frame: lifted for this test,
  // which is about phieu's check, not the portal's.
  const { context, page, errors } = await portal({ bypassCSP: true });
  const frame = page.frameLocator('#frame');
  await waitReceived(page, { way: 'iframe', type: 'ready' });
  await frame.getByRole('button', { name: 'Bắt đầu' }).waitFor();

  // A frame of a third origin on the portal's page posts to phieu's iframe.
  await page.evaluate((src) => {
    const f = document.createElement('iframe');
    f.id = 'stranger';
    f.src = src;
    document.body.append(f);
    return new Promise((ok) => f.addEventListener('load', ok, { once: true }));
  }, `${h.stranger.url}portal.css`);
  const stranger = page.frames().find((f) => f.url().startsWith(h.stranger.url));
  await stranger.evaluate(() => {
    const phieu = window.parent.frames[0];
    phieu.postMessage({ phieu: 1, type: 'set-lang', lang: 'en' }, '*');
    phieu.postMessage({ phieu: 1, type: 'load-poll', url: 'templates/huong-uoc.json' }, '*');
  });
  // Then the portal posts a message phieu must answer (an unknown type): once its answer is
  // back, phieu has read everything posted before it.
  await page.evaluate(() =>
    document.getElementById('frame').contentWindow.postMessage({ phieu: 1, type: 'bogus' }, new URL(document.getElementById('frame').src).origin),
  );
  const [answer] = await waitReceived(page, { way: 'iframe', type: 'error' });
  assert.equal(answer.detail.code, 'message-type');
  await frame.getByRole('button', { name: 'English' }).waitFor();
  assert.equal(await frame.getByText('Góp tiền làm đường bê tông liên xóm').count(), 1, 'still the same poll');
  assert.equal(await frame.getByRole('button', { name: 'Tiếng Việt' }).count(), 0, 'still in Vietnamese');
  assert.equal((await received(page, { way: 'iframe', type: 'ready' })).length, 1, 'no poll was loaded');

  // The very same message from the portal is obeyed: the channel works, the origin decided.
  await page.evaluate(() =>
    document.getElementById('frame').contentWindow.postMessage({ phieu: 1, type: 'set-lang', lang: 'en' }, new URL(document.getElementById('frame').src).origin),
  );
  await frame.getByRole('button', { name: 'Tiếng Việt' }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('an origin missing from embed-origins.json gets a refusal and no message', async () => {
  const context = await h.browser.newContext({ serviceWorkers: 'block' });
  await context.route(`${h.app.url}embed-origins.json`, (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify({ version: 1, origins: ['https://xa.example.gov.vn'] }) }),
  );
  const page = await context.newPage();
  await page.goto(h.portal.url);
  // `?parent=` names this portal, but the list does not: the address cannot add an origin.
  assert.match(await page.locator('#frame').getAttribute('src'), /parent=/);
  await page.frameLocator('#frame').getByRole('heading', { name: 'Trang này không được phép nhúng phiếu' }).waitFor();
  // The element way on the same page is ready, so the page had time to hear the iframe too.
  await waitReceived(page, { id: 'kiosk', type: 'ready' });
  assert.deepEqual(await received(page, { way: 'iframe' }), []);
  await context.close();
});

test('issue 17: a page off the list naming an allowed portal in ?parent= gets the refusal and takes no ballot', async () => {
  const { context, page } = await portal({ bypassCSP: true });
  await waitReceived(page, { way: 'iframe', type: 'ready' });
  // The stranger's page (an origin the list does not hold) frames phieu claiming the portal.
  const stranger = await context.newPage();
  await stranger.goto(`${h.stranger.url}portal.css`);
  const src = `${h.app.url}embed.html?mode=kiosk&src=polls/demo.json&box=stolen&lang=vi&parent=${encodeURIComponent(h.portal.origin)}`;
  await stranger.evaluate((src) => {
    const f = document.createElement('iframe');
    f.id = 'claimed';
    f.src = src;
    document.body.append(f);
  }, src);
  const frame = stranger.frameLocator('#claimed');
  await frame.getByRole('heading', { name: 'Trang này không được phép nhúng phiếu' }).waitFor();
  assert.equal(await frame.getByRole('button', { name: 'Bắt đầu' }).count(), 0, 'no ballot can be started');
  await context.close();
});

test('issue 17: the iframe\'s height says nothing of the choice, opinion box open or not', async () => {
  const heights = async (choice, opinion) => {
    const { context, page, errors } = await portal();
    const frame = page.frameLocator('#frame');
    await waitReceived(page, { way: 'iframe', type: 'ready' });
    await frame.getByRole('button', { name: 'Bắt đầu' }).click();
    await frame.getByRole('radio', { name: choice, exact: true }).click();
    if (opinion) await frame.getByLabel(/Ý kiến của/).fill(opinion);
    // A message that phieu answers: once its answer is back, every resize of the question
    // screen has been sent before it.
    const ask = () => page.evaluate(() =>
      document.getElementById('frame').contentWindow.postMessage({ phieu: 1, type: 'bogus' }, new URL(document.getElementById('frame').src).origin));
    await ask();
    await waitReceived(page, { way: 'iframe', type: 'error' }, 1);
    const onQuestion = (await received(page, { way: 'iframe', type: 'resize' })).map((r) => r.detail.height);
    await frame.getByRole('button', { name: /Tiếp/ }).click();
    await frame.getByRole('heading', { name: /Xem lại/ }).waitFor();
    await frame.getByRole('button', { name: /Xác nhận/ }).click();
    await waitReceived(page, { way: 'iframe', type: 'cast' });
    await ask();
    await waitReceived(page, { way: 'iframe', type: 'error' }, 2);
    const all = (await received(page, { way: 'iframe', type: 'resize' })).map((r) => r.detail.height);
    assert.deepEqual(errors, []);
    await context.close();
    return { onQuestion, all };
  };
  const agree = await heights('Đồng ý');
  const other = await heights('Ý kiến khác', 'Làm vào mùa khô, trước khi mưa');
  assert.deepEqual(other.onQuestion, agree.onQuestion, 'the question screen is as tall either way');
  assert.deepEqual(other.all, agree.all, 'every height sent, from welcome to receipt, is the same');
});

test('two polls on one page keep their own state', async () => {
  const { context, page, errors } = await portal();
  const kiosk = page.locator('#kiosk');
  const survey = page.locator('#survey');
  await waitReceived(page, { id: 'survey', type: 'ready' });
  await waitReceived(page, { id: 'kiosk', type: 'ready' });

  await kiosk.getByRole('button', { name: 'Bắt đầu' }).click();
  await kiosk.getByRole('radio', { name: 'Đồng ý', exact: true }).click();
  // The survey has not moved, and nothing of the kiosk's ballot is in it.
  await survey.getByRole('button', { name: 'Bắt đầu' }).waitFor();
  await survey.getByRole('button', { name: 'Bắt đầu' }).click();
  const first = survey.getByRole('radiogroup').first();
  await first.getByRole('radio').first().click();
  assert.equal(await survey.getByRole('radio', { checked: true }).count(), 1);
  // The kiosk's choice is still its own.
  assert.equal(await kiosk.getByRole('radio', { name: 'Đồng ý', exact: true, checked: true }).count(), 1);
  assert.equal(await kiosk.getByRole('radio', { checked: true }).count(), 1);

  // Languages are per poll too.
  await survey.getByRole('button', { name: 'English' }).click();
  await survey.getByRole('button', { name: 'Tiếng Việt' }).waitFor();
  await kiosk.getByRole('button', { name: 'English' }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('a survey is answered once on a device, and says so after a reload', async () => {
  const { context, page, errors } = await portal();
  const survey = page.locator('#survey');
  await waitReceived(page, { id: 'survey', type: 'ready' });
  await survey.getByRole('button', { name: 'Bắt đầu' }).click();
  for (;;) {
    const group = survey.getByRole('radiogroup');
    if (await group.count()) await group.first().getByRole('radio').first().click();
    const confirm = survey.getByRole('button', { name: /Xác nhận/ });
    if (await confirm.count()) break;
    await survey.getByRole('button', { name: /Tiếp/ }).click();
  }
  await survey.getByRole('button', { name: /Xác nhận/ }).click();
  await survey.getByRole('heading', { name: /Cảm ơn bạn đã trả lời/ }).waitFor();
  const [cast] = await waitReceived(page, { id: 'survey', type: 'cast' });
  assert.deepEqual(Object.keys(cast.detail), ['receipt']);
  await page.reload();
  await page.locator('#survey').getByRole('heading', { name: 'Máy này đã trả lời phiếu khảo sát này' }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('results mode checks the bundle before showing it', async () => {
  const { context, page, errors } = await portal();
  const results = page.locator('#results');
  const [closed] = await waitReceived(page, { id: 'results', type: 'closed' });
  const bundle = JSON.parse(await readFile(join(root, 'examples/portal/ket-qua-thon-dong-tam.json'), 'utf8'));
  assert.equal(closed.detail.fingerprint, bundle.fingerprint);
  await results.getByText('Số phiếu: 11 trên tổng số 12').waitFor();
  await context.close();

  // One changed byte and the bundle is refused, not shown.
  const tampered = await portal();
  await tampered.context.route(`${h.portal.url}ket-qua-thon-dong-tam.json`, async (route) => {
    const text = JSON.stringify(bundle).replace('"dong_y"', '"khong_dong_y"');
    await route.fulfill({ contentType: 'application/json', body: text });
  });
  await tampered.page.reload();
  const [error] = await waitReceived(tampered.page, { id: 'results', type: 'error' });
  assert.equal(error.detail.code, 'load-failed');
  await tampered.page.locator('#results').getByRole('heading', { name: 'Không mở được phiếu' }).waitFor();
  await tampered.context.close();
  assert.deepEqual(errors, []);
});

test('a hostile host stylesheet (* { all: unset }, 10 px root) does not break the poll', async () => {
  const { context, page, errors } = await portal({ hostile: true });
  const kiosk = page.locator('#kiosk');
  await waitReceived(page, { id: 'kiosk', type: 'ready' });
  const start = kiosk.getByRole('button', { name: 'Bắt đầu' });
  const display = await page.evaluate(() => getComputedStyle(document.getElementById('kiosk')).display);
  assert.equal(display, 'block');
  const sizes = async () => {
    const boxes = await kiosk.getByRole('button').evaluateAll((els) =>
      els.map((e) => {
        const r = e.getBoundingClientRect();
        return [e.textContent.trim(), Math.round(r.width), Math.round(r.height)];
      }),
    );
    for (const [name, w, hgt] of boxes) {
      assert.ok(w >= 48 && hgt >= 48, `${name}: ${w}×${hgt} px, at least 48×48`);
    }
  };
  await sizes();
  const fontSize = await start.evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
  assert.ok(fontSize >= 18, `the poll keeps its own type size (${fontSize} px)`);
  await start.click();
  await kiosk.getByRole('radio', { name: 'Đồng ý', exact: true }).click();
  await sizes();
  await kiosk.getByRole('button', { name: /Tiếp/ }).click();
  await kiosk.getByRole('button', { name: /Xác nhận/ }).click();
  await kiosk.locator('.receipt-code').waitFor();
  await waitReceived(page, { id: 'kiosk', type: 'cast' });
  await screenshotAllSizes(page, 'embed-portal-hostile');
  assert.deepEqual(errors, []);
  await context.close();
});

test('screenshots of the portal', async () => {
  const { context, page, errors } = await portal();
  await waitReceived(page, { id: 'results', type: 'closed' });
  await waitReceived(page, { way: 'iframe', type: 'resize' });
  await page.frameLocator('#frame').getByRole('button', { name: 'Bắt đầu' }).waitFor();
  // Chromium paints a cross-origin frame only once it has been in view, as a reader scrolls.
  await page.locator('#frame').scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshotAllSizes(page, 'embed-portal');
  await page.locator('#kiosk').getByRole('button', { name: 'Bắt đầu' }).click();
  await page.frameLocator('#frame').getByRole('button', { name: 'Bắt đầu' }).click();
  await page.frameLocator('#frame').getByRole('radio', { name: 'Đồng ý', exact: true }).waitFor();
  await screenshotAllSizes(page, 'embed-portal-question');
  assert.deepEqual(errors, []);
  await context.close();
});
