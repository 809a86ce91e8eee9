// Journey: after the count the officer uploads the audit bundle to the commune portal, a real
// `phieu collect` started here on 127.0.0.1 with a token. Offline, the bundle waits in the
// outbox; online again, it is sent; after a reload it is still "sent" and the collector holds it
// exactly once, even when the tablet sends it again. A wrong token is refused with the
// collector's own reason, in the interface language, and a corrected token sends it.
// Issue 17: a link naming another upload address (`?upload=`) sends nothing there, not even
// the token; the officer sees its host and must confirm it with the PIN, and the saved token
// never goes with it.
import { test } from 'node:test';
import { createServer } from 'node:http';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { watchErrors, screenshots } from './support.mjs';
import { createMeeting, testAndOpen, voter, closeVoting, PIN } from './meeting_page.mjs';
import { portalHarness } from './collector.mjs';

const TOKEN = 'portal-token-0123456789abcdef';
const h = portalHarness(TOKEN, 'upload');

/** A closed meeting with two ballots, on the results screen. */
async function closedMeeting() {
  const context = await h.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(h.server.url);
  await createMeeting(page);
  await testAndOpen(page);
  await voter(page, 'Đồng ý');
  await voter(page, 'Không đồng ý');
  await closeVoting(page);
  await page.getByRole('heading', { level: 2, name: 'Gửi lên cổng thông tin' }).waitFor();
  const fingerprint = await page.locator('.fingerprint-full .mono').first().innerText();
  assert.match(fingerprint, /^[0-9a-f]{64}$/);
  return { context, page, errors, fingerprint };
}

async function configure(page, url, token) {
  await page.getByLabel('Địa chỉ nhận tệp kiểm tra (URL)').fill(url);
  await page.getByLabel('Mã tải lên').fill(token);
  await page.getByLabel('Mã PIN của cán bộ để lưu cài đặt').fill(PIN);
  await page.getByRole('button', { name: 'Lưu cài đặt' }).click();
  await page.getByText('Đã lưu cài đặt.').waitFor();
}

/**
 * A look-alike collector on 127.0.0.1: records every request (method, path, headers, body
 * length) and answers as `phieu collect` would, `201 {"status":"stored"}`, without the box's
 * fingerprint (it could compute it from the bundle; it never gets the bundle to do so).
 */
async function evilCollector() {
  const requests = [];
  const server = createServer((req, res) => {
    let length = 0;
    req.on('data', (chunk) => (length += chunk.length));
    req.on('end', () => {
      requests.push({ method: req.method, url: req.url, authorization: req.headers.authorization ?? null, length });
      res.writeHead(req.method === 'OPTIONS' ? 204 : 201, {
        'Access-Control-Allow-Origin': '*',
        'Access-Control-Allow-Headers': 'Authorization, Content-Type',
        'Access-Control-Allow-Methods': 'POST',
        'Content-Type': 'application/json',
      });
      res.end(req.method === 'OPTIONS' ? '' : '{"status":"stored","vi":"Đã lưu","en":"Stored"}');
    });
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  // A test that fails before its `evil.close()` must not keep this file's process alive (a
  // failure once left the whole journey layer waiting on it).
  server.unref();
  const url = `http://127.0.0.1:${server.address().port}/`;
  return { url, requests, close: () => new Promise((ok) => server.close(ok)) };
}

/** The upload section alone at tablet landscape and phone size, to look at. */
async function shoot(page, name) {
  await mkdir(screenshots, { recursive: true });
  for (const [size, viewport] of [['tablet-landscape', { width: 1280, height: 800 }], ['phone', { width: 390, height: 844 }]]) {
    await page.setViewportSize(viewport);
    await page.locator('section.upload').screenshot({ path: join(screenshots, `${name}-${size}.png`) });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

async function stored(fingerprint) {
  // The public summary: the bundle with its openings is for an auditor's token (issue 17).
  const bundle = await fetch(`${h.collector.url}bundles/${fingerprint}/summary`);
  const villages = await (await fetch(`${h.collector.url}villages`)).json();
  const boxes = villages.villages.flatMap((v) => v.polls).reduce((n, p) => n + p.boxes, 0);
  return { status: bundle.status, boxes };
}

// A refused upload makes the browser log "Failed to load resource … 401": expected here.
const unexpected = (errors) => errors.filter((e) => !/status of 401/.test(e));

const item = (page) => page.getByRole('list', { name: /^(Các tệp kiểm tra đang gửi và đã gửi|Check files being sent and sent)$/ }).getByRole('listitem').first();

test('offline the bundle waits; online it is sent; after a reload it is still sent and stored once', async () => {
  const { context, page, errors, fingerprint } = await closedMeeting();
  await configure(page, h.collector.url, TOKEN);

  await context.setOffline(true);
  await page.getByRole('button', { name: 'Gửi lên cổng thông tin' }).click();
  await item(page).getByText(/^Máy đang mất mạng\. Sẽ thử lại lúc \d\d:\d\d:\d\d \(đã thử 1 lần\)\.$/).waitFor();
  assert.equal((await stored(fingerprint)).status, 404, 'nothing reached the collector');
  await shoot(page, 'upload-waiting-vi');

  await context.setOffline(false);
  await item(page).getByText('Đã gửi: cổng thông tin đã nhận và lưu hòm phiếu.').waitFor();
  assert.deepEqual(await stored(fingerprint), { status: 200, boxes: 1 });
  await shoot(page, 'upload-sent-vi');

  await page.reload();
  await item(page).getByText('Đã gửi: cổng thông tin đã nhận và lưu hòm phiếu.').waitFor();
  assert.equal(await page.getByRole('button', { name: 'Gửi lên cổng thông tin' }).count(), 0, 'a sent bundle offers no second upload');
  assert.equal(await page.getByLabel('Mã tải lên').inputValue(), TOKEN, 'the settings survive the reload');

  // The tablet forgets it sent the bundle (its outbox is wiped) and sends it again: the
  // collector answers 200 "already stored", the item reads as sent, and there is still one box.
  await page.evaluate(() => new Promise((ok, fail) => {
    const request = indexedDB.deleteDatabase('phieu-outbox');
    request.onsuccess = ok;
    request.onerror = () => fail(request.error);
  }));
  await page.reload();
  await page.getByRole('button', { name: 'Gửi lên cổng thông tin' }).click();
  await item(page).getByText('Đã gửi: cổng thông tin đã có hòm phiếu này từ trước (không lưu lần hai).').waitFor();
  assert.deepEqual(await stored(fingerprint), { status: 200, boxes: 1 });
  assert.deepEqual(unexpected(errors), []);
  await context.close();
});

test('a bundle left waiting is sent from the next meeting\'s tablet page, once the network is back', async () => {
  const { context, page, errors, fingerprint } = await closedMeeting();
  await configure(page, h.collector.url, TOKEN);
  await context.setOffline(true);
  await page.getByRole('button', { name: 'Gửi lên cổng thông tin' }).click();
  await item(page).getByText(/^Máy đang mất mạng\./).waitFor();

  // The officer moves on: a new meeting, created on the office page, runs on the tablet page.
  await page.getByRole('button', { name: 'Chuẩn bị cuộc họp mới' }).click();
  await createMeeting(page, { title: 'Góp tiền làm đường bê tông liên xóm' });
  assert.match(new URL(page.url()).pathname, /\/(index\.html)?$/, 'the new meeting runs on the tablet page');
  const earlier = await stored(fingerprint);
  assert.equal(earlier.status, 404, 'nothing reached the collector while offline');

  // Signal again: the tablet page's pump sends the earlier meeting's bundle by itself.
  await context.setOffline(false);
  let status = 404;
  for (let i = 0; i < 150 && status !== 200; i++) {
    await page.waitForTimeout(200);
    status = (await stored(fingerprint)).status;
  }
  assert.deepEqual(await stored(fingerprint), { status: 200, boxes: earlier.boxes + 1 }, 'stored once');
  await page.getByRole('heading', { name: 'Bảng điều khiển của cán bộ' }).waitFor();
  assert.deepEqual(unexpected(errors), []);
  await context.close();
});

test('a wrong token is refused with the collector\'s reason in the interface language; the right one sends', async () => {
  const { context, page, errors, fingerprint } = await closedMeeting();
  await configure(page, h.collector.url, 'not-the-portal-token-000');
  await page.getByRole('button', { name: 'Gửi lên cổng thông tin' }).click();
  await item(page).getByText('Bị từ chối (HTTP 401):').waitFor();
  await item(page).getByText('thiếu hoặc sai mã (Authorization: Bearer …)').waitFor();
  await shoot(page, 'upload-refused-vi');

  await page.getByRole('button', { name: 'English' }).click();
  await item(page).getByText('Refused (HTTP 401):').waitFor();
  await item(page).getByText('missing or wrong token (Authorization: Bearer …)').waitFor();
  await shoot(page, 'upload-refused-en');
  assert.equal((await stored(fingerprint)).status, 404);

  await page.getByLabel('Upload token').fill(TOKEN);
  await page.getByLabel("Officer's PIN to save the settings").fill(PIN);
  await page.getByRole('button', { name: 'Save settings' }).click();
  await item(page).getByText('Sent: the portal received and stored the box.').waitFor();
  assert.equal((await stored(fingerprint)).status, 200);
  assert.deepEqual(unexpected(errors), []);
  await context.close();
});

test('issue 17: a link naming another address sends it nothing, no token, and the bundle waits for the real collector', async () => {
  const evil = await evilCollector();
  const { context, page, errors, fingerprint } = await closedMeeting();
  await configure(page, h.collector.url, TOKEN);
  // The real collector is out of reach for now: the bundle is left waiting, token saved.
  const real = `${h.collector.url}**`;
  await context.route(real, (route) => route.abort('connectionrefused'));
  await page.getByRole('button', { name: 'Gửi lên cổng thông tin' }).click();
  await item(page).getByText(/^Không kết nối được tới cổng thông tin\./).waitFor();

  // The attacker's link: the same app, with ?upload= pointing at the look-alike.
  await page.goto(`${h.server.url}office.html?upload=${encodeURIComponent(evil.url)}`);
  const proposal = page.getByRole('group', { name: 'Xác nhận địa chỉ nhận tệp kiểm tra mới' });
  await proposal.getByText(new URL(evil.url).host, { exact: true }).waitFor();
  // The page's outbox has tried again since it opened (the real collector, refused again).
  await item(page).getByText(/^Không kết nối được tới cổng thông tin\. Sẽ thử lại lúc .* \(đã thử 2 lần\)\.$/).waitFor();
  assert.deepEqual(evil.requests, [], 'the look-alike received nothing');
  assert.equal(await page.getByLabel('Địa chỉ nhận tệp kiểm tra (URL)').inputValue(), h.collector.url, 'the saved address stands');
  await mkdir(screenshots, { recursive: true });
  await proposal.screenshot({ path: join(screenshots, 'upload-proposal-vi.png') });

  // The officer keeps the address in use; the real collector is back and gets the bundle.
  await proposal.getByRole('button', { name: 'Giữ địa chỉ đang dùng' }).click();
  assert.equal(await proposal.count(), 0);
  await context.unroute(real);
  await item(page).getByRole('button', { name: 'Thử lại ngay' }).click();
  await item(page).getByText('Đã gửi: cổng thông tin đã nhận và lưu hòm phiếu.').waitFor();
  assert.equal((await stored(fingerprint)).status, 200, 'the real collector holds the box');
  assert.deepEqual(evil.requests, [], 'and the look-alike still nothing');
  assert.deepEqual(unexpected(errors).filter((e) => !/ERR_CONNECTION_REFUSED|ERR_FAILED/.test(e)), []);
  await context.close();
  await evil.close();
});

test('issue 17: a new address takes effect only with the PIN, without the old token; a "stored" without this box\'s fingerprint is not "sent"', async () => {
  const evil = await evilCollector();
  const { context, page, errors } = await closedMeeting();
  await configure(page, h.collector.url, TOKEN);
  // By hand too: another address with the saved token still in its field is refused.
  await page.getByLabel('Địa chỉ nhận tệp kiểm tra (URL)').fill(evil.url);
  await page.getByLabel('Mã PIN của cán bộ để lưu cài đặt').fill(PIN);
  await page.getByRole('button', { name: 'Lưu cài đặt' }).click();
  await page.getByText('Đây là mã tải lên của địa chỉ cũ. Mã tải lên không bao giờ được gửi sang địa chỉ khác: hãy nhập mã do cổng thông tin mới cấp.').waitFor();

  await page.goto(`${h.server.url}office.html?upload=${encodeURIComponent(evil.url)}`);
  const proposal = page.getByRole('group', { name: 'Xác nhận địa chỉ nhận tệp kiểm tra mới' });
  await proposal.getByText(new URL(evil.url).host, { exact: true }).waitFor();
  await proposal.getByText(h.collector.url).waitFor();
  await shoot(page, 'upload-proposal-vi');

  await proposal.getByLabel('Mã PIN của cán bộ để xác nhận').fill('000000');
  await proposal.getByRole('button', { name: 'Xác nhận địa chỉ mới' }).click();
  await proposal.getByText('Sai mã PIN. Còn 4 lần thử.').waitFor();
  assert.equal(await page.getByLabel('Địa chỉ nhận tệp kiểm tra (URL)').inputValue(), h.collector.url, 'a wrong PIN changes nothing');

  await proposal.getByLabel('Mã PIN của cán bộ để xác nhận').fill(PIN);
  await proposal.getByRole('button', { name: 'Xác nhận địa chỉ mới' }).click();
  await page.getByText('Đã đổi địa chỉ nhận tệp kiểm tra. Hãy nhập mã tải lên do cổng thông tin này cấp rồi lưu cài đặt.').waitFor();
  assert.equal(await page.getByLabel('Địa chỉ nhận tệp kiểm tra (URL)').inputValue(), evil.url);
  assert.equal(await page.getByLabel('Mã tải lên').inputValue(), '', 'the old token is not carried over');

  // With a token of its own, the look-alike's "stored" (no fingerprint) does not count.
  await page.getByLabel('Mã tải lên').fill('its-own-token-000');
  await page.getByLabel('Mã PIN của cán bộ để lưu cài đặt').fill(PIN);
  await page.getByRole('button', { name: 'Lưu cài đặt' }).click();
  await page.getByText('Đã lưu cài đặt.').waitFor();
  await page.getByRole('button', { name: 'Gửi lên cổng thông tin' }).click();
  await item(page).getByText(/^Câu trả lời không xác nhận đúng hòm phiếu này \(HTTP 201/).waitFor();
  assert.ok(evil.requests.every((r) => r.authorization !== `Bearer ${TOKEN}`), 'the real token never reached it');
  await shoot(page, 'upload-not-this-box-vi');
  assert.deepEqual(unexpected(errors), []);
  await context.close();
  await evil.close();
});

test('the address must be http or https, said in both languages', async () => {
  const context = await h.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${h.server.url}?upload=${encodeURIComponent('ftp://xa.example.vn/bundles')}`);
  await createMeeting(page);
  await testAndOpen(page);
  await voter(page, 'Đồng ý');
  await closeVoting(page);
  // A link's unusable address is said, and never becomes the address.
  const proposal = page.getByRole('group', { name: 'Xác nhận địa chỉ nhận tệp kiểm tra mới' });
  await proposal.getByText('Đường liên kết đưa ra một địa chỉ không dùng được, máy sẽ không gửi tới đó:').waitFor();
  await proposal.getByRole('button', { name: 'Giữ địa chỉ đang dùng' }).click();
  assert.equal(await page.getByLabel('Địa chỉ nhận tệp kiểm tra (URL)').inputValue(), '');
  await page.getByRole('button', { name: 'Gửi lên cổng thông tin' }).click();
  await page.getByText('Hãy nhập và lưu địa chỉ cổng thông tin và mã tải lên trước khi gửi.').waitFor();

  await page.getByLabel('Địa chỉ nhận tệp kiểm tra (URL)').fill('ftp://xa.example.vn/bundles');
  await page.getByRole('button', { name: 'Lưu cài đặt' }).click();
  await page.getByText('Địa chỉ phải bắt đầu bằng https:// hoặc http://.').waitFor();
  await page.getByText('Hãy nhập mã tải lên do cổng thông tin cấp.').waitFor();
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('button', { name: 'Save settings' }).click();
  await page.getByText('The address must start with https:// or http://.').waitFor();
  await shoot(page, 'upload-settings-invalid-en');
  assert.deepEqual(errors, []);
  await context.close();
});
