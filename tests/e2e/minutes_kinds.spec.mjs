// Journey (issue 16 item 8): the minutes follow the kind of poll. Each kind's minutes are printed
// to PDF and read back with pdftotext: the heading, the name of the electorate (the
// denominator), the quorum line and the signature lines. The bundles of a village decision, a
// village-head election, a board election and a People's Council confidence vote are made with
// `phieu simulate` (no board named, so the signature lines are left to fill in by hand) and
// opened on the verify page, which shows the same minutes as the kiosk; the staff conference
// runs on the kiosk, whose setup form must not ask it for household witnesses. The minutes of
// forms handed to every household are covered by the core's and the CLI's tests.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, watchErrors, root } from './support.mjs';
import { file, openVerify, short } from './bundles.mjs';
import { createMeeting, testAnythingAndOpen, castAnything, enterPin, PIN } from './meeting_page.mjs';

const PHIEU = join(root, 'target/debug/phieu');
let server;
let browser;
let work;
before(async () => {
  server = await serve();
  browser = await launch();
  work = await mkdtemp(join(tmpdir(), 'phieu-minutes-kinds-'));
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const count = (text, needle) => text.split(needle).length - 1;
const agree = { option: 'dong_y' };

/** The minutes on `page` printed to A4 and read back, whitespace collapsed. With PHIEU_LOOK
 * set to a directory, page 1 is also written there as a PNG for a person to look at. */
async function minutesText(page, name) {
  await page.emulateMedia({ media: 'print' });
  const path = join(work, `${name}.pdf`);
  await writeFile(path, await page.pdf({ format: 'A4', preferCSSPageSize: true }));
  if (process.env.PHIEU_LOOK) {
    execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', '-singlefile', path, join(process.env.PHIEU_LOOK, name)]);
  }
  return execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

/** A bundle of `template` made by `phieu simulate`, opened on the verify page. */
async function openSimulated(template, { ballots, total, present }) {
  const list = join(work, `${template}.ballots.json`);
  const out = join(work, `${template}.json`);
  await writeFile(list, JSON.stringify(ballots));
  execFileSync(PHIEU, ['simulate', join(root, 'assets/templates', `${template}.json`), '--ballots', list,
    '--total', String(total), '--present', String(present), '--place', 'Hội trường', '--time', '8 giờ 00, ngày 5/3/2027', '--out', out]);
  const text = await readFile(out, 'utf8');
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await openVerify(page, server.url, file(`${template}.json`, text));
  await page.getByRole('heading', { level: 1, name: 'Kết quả kiểm phiếu' }).waitFor();
  return { context, page, errors, code: short(JSON.parse(text).minutes_code) };
}

/** What every kind's minutes carry: one copy per recipient, each with the minutes code after its
 * signature lines. */
function checkCopies(flat, { recipients, code, title = 'BIÊN BẢN KIỂM PHIẾU' }) {
  assert.equal(count(flat, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'), recipients.length);
  assert.equal(count(flat, title), recipients.length, title);
  for (const r of recipients) assert.ok(flat.includes(`Nơi nhận: ${r}`), r);
  assert.equal(count(flat, `Mã biên bản: ${code}`), recipients.length);
  for (const copy of flat.split(title).slice(1)) {
    assert.ok(copy.indexOf(code) > copy.lastIndexOf('(Ký, ghi rõ họ tên)'), 'the code comes after the signatures');
    assert.ok(copy.includes('Việc kiểm phiếu kết thúc vào hồi:'));
    assert.ok(copy.includes('Khiếu nại, tố cáo (nếu có):'));
  }
}

const VILLAGE = ['Ủy ban nhân dân xã', 'Ban Thường trực Ủy ban MTTQ Việt Nam xã', 'Lưu: thôn, tổ dân phố'];

/** A village meeting's minutes (D59 Mẫu 02) with no board named: lines for the head of the
 * counting board, two members and two household witnesses, on every copy. */
function checkVillage(flat, { quorum, code }) {
  checkCopies(flat, { recipients: VILLAGE, code });
  assert.ok(flat.includes('ỦY BAN NHÂN DÂN XÃ TÂN HÒA'));
  assert.ok(flat.includes('THÔN BÌNH AN'));
  assert.equal(count(flat, 'Về việc '), 3);
  assert.equal(count(flat, 'Hôm nay, vào hồi 8 giờ 00, ngày 5/3/2027, tại Hội trường.'), 3);
  assert.ok(flat.includes('Chủ trì:') && flat.includes('Thư ký:'));
  assert.ok(flat.includes('Đại diện hộ gia đình chứng kiến việc kiểm phiếu gồm:'));
  assert.equal(count(flat, `Số đại diện hộ gia đình có mặt: ${quorum}`), 3, quorum);
  assert.equal(count(flat, 'TỔ TRƯỞNG BAN KIỂM PHIẾU'), 3);
  assert.equal(count(flat, 'THÀNH VIÊN BAN KIỂM PHIẾU'), 6);
  assert.equal(count(flat, 'NGƯỜI CHỨNG KIẾN'), 6);
}

test('a village decision: Mẫu 02, household representatives, a valid quorum, household witnesses', async () => {
  const { context, page, errors, code } = await openSimulated('dong-gop-cong-trinh', {
    ballots: [[agree, agree], [agree, agree], [{ option: 'khong_dong_y' }, agree]], total: 10, present: 6,
  });
  const flat = await minutesText(page, 'minutes-village-decision');
  checkVillage(flat, { quorum: '6/10 (trên 50%: cuộc họp hợp lệ)', code });
  assert.equal(count(flat, 'Tổng số đại diện hộ gia đình: 10'), 3);
  assert.ok(flat.includes('tỷ lệ tính trên tổng số đại diện hộ gia đình'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('a village-head election at a meeting of half the households: Mẫu 02, the meeting not valid', async () => {
  const { context, page, errors, code } = await openSimulated('bau-truong-thon', {
    ballots: [[{ option: 'ung_vien_1' }], [{ option: 'ung_vien_1' }], [{ option: 'ung_vien_2' }]], total: 10, present: 5,
  });
  const flat = await minutesText(page, 'minutes-village-head');
  checkVillage(flat, { quorum: '5/10 (không quá 50%: cuộc họp không hợp lệ)', code });
  assert.equal(count(flat, 'Tổng số đại diện hộ gia đình: 10'), 3);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a board election: Mẫu 02 with the quorum line and household witnesses', async () => {
  const keep = (...n) => [{ options: n.map((i) => `ung_vien_${i}`) }];
  const { context, page, errors, code } = await openSimulated('bau-ban-giam-sat', {
    ballots: [keep(1, 2, 3), keep(1, 2, 4), keep(1, 3, 5)], total: 7, present: 5,
  });
  const flat = await minutesText(page, 'minutes-board');
  checkVillage(flat, { quorum: '5/7 (trên 50%: cuộc họp hợp lệ)', code });
  assert.equal(count(flat, 'Tổng số đại diện hộ gia đình: 7'), 3);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a People\'s Council confidence vote: delegates, the council heading, no household witnesses', async () => {
  const { context, page, errors, code } = await openSimulated('bo-phieu-tin-nhiem', {
    ballots: [[{ option: 'tin_nhiem' }], [{ option: 'tin_nhiem' }], [{ option: 'khong_tin_nhiem' }]], total: 30, present: 27,
  });
  const flat = await minutesText(page, 'minutes-confidence-vote');
  const title = 'BIÊN BẢN KIỂM PHIẾU BỎ PHIẾU TÍN NHIỆM';
  checkCopies(flat, { recipients: ['Thường trực Hội đồng nhân dân', 'Lưu: hồ sơ kỳ họp'], code, title });
  assert.equal(count(flat, 'HỘI ĐỒNG NHÂN DÂN XÃ TÂN HÒA'), 2);
  assert.equal(count(flat, 'Tổng số đại biểu: 30'), 2);
  assert.equal(count(flat, 'Số đại biểu có mặt: 27/30'), 2);
  assert.equal(count(flat, 'TRƯỞNG BAN KIỂM PHIẾU'), 2);
  assert.equal(count(flat, 'THÀNH VIÊN BAN KIỂM PHIẾU'), 4);
  for (const village of ['hộ gia đình', 'CHỨNG KIẾN', 'ỦY BAN NHÂN DÂN', 'Lưu: thôn']) {
    assert.ok(!flat.includes(village), village);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('a staff conference on the kiosk: no household witnesses asked, those convened, a two-thirds quorum line', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(server.url);
  const title = 'Phiếu biểu quyết tại Hội nghị cán bộ, công chức năm 2027';
  await page.getByLabel('Chọn mẫu phiếu').selectOption({ label: title });
  await page.getByRole('heading', { level: 2, name: title, exact: true }).waitFor();
  assert.equal(await page.getByLabel('Người chứng kiến 1').count(), 0, 'a conference has no household witnesses');
  await createMeeting(page, { title, total: '30', present: '19' });
  await testAnythingAndOpen(page);
  await page.getByRole('button', { name: 'Mời cử tri tiếp theo' }).click();
  await castAnything(page);
  await enterPin(page);
  // The closing screen asks what the minutes record of the proceedings; a wrong PIN keeps what
  // was typed.
  await page.getByRole('button', { name: 'Kết thúc bỏ phiếu' }).click();
  await page.getByRole('heading', { name: 'Kết thúc bỏ phiếu?' }).waitFor();
  await page.getByLabel('Người chủ trì cuộc họp').fill('Nguyễn Văn Tâm');
  await page.getByLabel('Thư ký cuộc họp').fill('Đỗ Thị Lan');
  await page.getByLabel(/^Kiểm phiếu xong lúc/).fill('10 giờ 30, ngày 5/3/2027');
  await page.getByLabel('Khiếu nại, tố cáo trong khi kiểm phiếu (nếu có)').fill('Không có');
  await page.getByLabel('Nhập mã PIN để kết thúc').fill('000000');
  await page.getByRole('button', { name: 'Kết thúc bỏ phiếu' }).click();
  await page.getByRole('alert').filter({ hasText: /PIN/ }).waitFor();
  assert.equal(await page.getByLabel('Người chủ trì cuộc họp').inputValue(), 'Nguyễn Văn Tâm');
  await page.getByLabel('Nhập mã PIN để kết thúc').fill(PIN);
  await page.getByRole('button', { name: 'Kết thúc bỏ phiếu' }).click();
  await page.getByRole('heading', { name: 'Kết quả kiểm phiếu' }).waitFor();
  const code = await page.getByTestId('minutes-code-printed').first().innerText();
  const flat = await minutesText(page, 'minutes-conference');
  assert.equal(count(flat, 'Chủ trì: Nguyễn Văn Tâm'), 2);
  assert.equal(count(flat, 'Thư ký: Đỗ Thị Lan'), 2);
  assert.equal(count(flat, 'Việc kiểm phiếu kết thúc vào hồi: 10 giờ 30, ngày 5/3/2027'), 2);
  assert.equal(count(flat, 'Khiếu nại, tố cáo (nếu có): Không có'), 2);
  checkCopies(flat, { recipients: ['Thủ trưởng cơ quan, đơn vị', 'Lưu: hồ sơ hội nghị'], code });
  assert.equal(count(flat, 'ỦY BAN NHÂN DÂN XÃ TÂN HÒA'), 2);
  assert.equal(count(flat, 'Tổng số người được triệu tập: 30'), 2);
  assert.equal(count(flat, 'Số người dự hội nghị: 19/30 (dưới hai phần ba: hội nghị không hợp lệ)'), 2);
  assert.equal(count(flat, 'TRƯỞNG BAN KIỂM PHIẾU'), 2);
  assert.equal(count(flat, 'Nguyễn Văn An — Trưởng Ban'), 2);
  for (const village of ['hộ gia đình', 'CHỨNG KIẾN', 'Lưu: thôn']) assert.ok(!flat.includes(village), village);
  assert.deepEqual(errors, []);
  await context.close();
});
