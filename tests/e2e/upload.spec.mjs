// Journey: after the count the officer uploads the audit bundle to the commune portal, a real
// `phieu collect` started here on 127.0.0.1 with a token. Offline, the bundle waits in the
// outbox; online again, it is sent; after a reload it is still "sent" and the collector holds it
// exactly once, even when the tablet sends it again. A wrong token is refused with the
// collector's own reason, in the interface language, and a corrected token sends it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, watchErrors, root, screenshots } from './support.mjs';
import { createMeeting, testAndOpen, voter, closeVoting } from './meeting_page.mjs';

const TOKEN = 'portal-token-0123456789abcdef';
let server;
let browser;
let collector;
let work;

/** Starts `phieu collect` on a free port; resolves with its URL once it prints it. */
function startCollector(origin, dir) {
  const binary = join(root, 'target/debug/phieu');
  if (!existsSync(binary)) throw new Error(`${binary} is missing: run cargo build -p phieu-cli first`);
  const child = spawn(
    binary,
    ['collect', '--listen', '127.0.0.1:0', '--database', `sqlite://${join(dir, 'collect.db')}`,
      '--token', `portal=${TOKEN}`, '--allow-origin', origin],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const url = out.match(/http:\/\/127\.0\.0\.1:\d+\//);
      if (url) resolve({ url: url[0], stop: () => child.kill('SIGINT') });
    });
    child.stderr.on('data', (chunk) => (out += chunk));
    child.on('exit', (code) => reject(new Error(`phieu collect exited ${code}: ${out}`)));
    child.on('error', reject);
  });
}

before(async () => {
  server = await serve();
  browser = await launch();
  work = await mkdtemp(join(tmpdir(), 'phieu-upload-'));
  collector = await startCollector(server.url.replace(/\/$/, ''), work);
});
after(async () => {
  collector?.stop();
  await browser?.close();
  await server?.close();
  await rm(work, { recursive: true, force: true });
});

/** A closed meeting with two ballots, on the results screen. */
async function closedMeeting() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(server.url);
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
  await page.getByRole('button', { name: 'Lưu cài đặt' }).click();
  await page.getByText('Đã lưu cài đặt.').waitFor();
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
  const bundle = await fetch(`${collector.url}bundles/${fingerprint}`);
  const villages = await (await fetch(`${collector.url}villages`)).json();
  const boxes = villages.villages.flatMap((v) => v.polls).reduce((n, p) => n + p.boxes, 0);
  return { status: bundle.status, boxes };
}

// A refused upload makes the browser log "Failed to load resource … 401": expected here.
const unexpected = (errors) => errors.filter((e) => !/status of 401/.test(e));

const item = (page) => page.getByRole('list', { name: /^(Các tệp kiểm tra đang gửi và đã gửi|Check files being sent and sent)$/ }).getByRole('listitem').first();

test('offline the bundle waits; online it is sent; after a reload it is still sent and stored once', async () => {
  const { context, page, errors, fingerprint } = await closedMeeting();
  await configure(page, collector.url, TOKEN);

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
  await configure(page, collector.url, TOKEN);
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
  await configure(page, collector.url, 'not-the-portal-token-000');
  await page.getByRole('button', { name: 'Gửi lên cổng thông tin' }).click();
  await item(page).getByText('Bị từ chối (HTTP 401):').waitFor();
  await item(page).getByText('thiếu hoặc sai mã tải lên (Authorization: Bearer …)').waitFor();
  await shoot(page, 'upload-refused-vi');

  await page.getByRole('button', { name: 'English' }).click();
  await item(page).getByText('Refused (HTTP 401):').waitFor();
  await item(page).getByText('missing or wrong upload token (Authorization: Bearer …)').waitFor();
  await shoot(page, 'upload-refused-en');
  assert.equal((await stored(fingerprint)).status, 404);

  await page.getByLabel('Upload token').fill(TOKEN);
  await page.getByRole('button', { name: 'Save settings' }).click();
  await item(page).getByText('Sent: the portal received and stored the box.').waitFor();
  assert.equal((await stored(fingerprint)).status, 200);
  assert.deepEqual(unexpected(errors), []);
  await context.close();
});

test('the address must be http or https, said in both languages', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${server.url}?upload=${encodeURIComponent(`${collector.url}bundles`)}`);
  await createMeeting(page);
  await testAndOpen(page);
  await voter(page, 'Đồng ý');
  await closeVoting(page);
  // The embedding portal gave the address; the token is never taken from the address.
  assert.equal(await page.getByLabel('Địa chỉ nhận tệp kiểm tra (URL)').inputValue(), `${collector.url}bundles`);
  await page.getByText('Địa chỉ này do cổng thông tin nhúng trang cung cấp.').waitFor();
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
