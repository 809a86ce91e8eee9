// Journey: after the count, the board prints the minutes (Biên bản kiểm phiếu, D59 form 02) in
// three copies, saves the files for the commune (audit bundle, public summary, results CSV for
// Excel), prints the receipt codes for the notice board, and a voter checks their receipt.
// The results page is reached here through the verify page with the fixture bundle (the same
// component the kiosk shows after closing).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, watchErrors, screenshotAllSizes, root } from './support.mjs';
import { fixture, file, openVerify, codes } from './bundles.mjs';

const { fingerprint: FINGERPRINT, full: FULL, minutesCode: MINUTES_CODE } = await codes('demo-all.json');
const PASSED = 'Được thông qua: 8/12 đại diện hộ gia đình đồng ý (từ 2/3 tổng số đại diện hộ gia đình trở lên, khoản 1 Điều 21 Luật 10/2022/QH15)';
let server;
let browser;
let work;
before(async () => {
  server = await serve();
  browser = await launch();
  work = await mkdtemp(join(tmpdir(), 'phieu-results-'));
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function openResults(name = 'demo-all.json') {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await openVerify(page, server.url, file(name, await fixture(name)));
  // A survey's results are headed "Kết quả lấy ý kiến" (issue 22, item 6).
  await page.getByRole('heading', { level: 1, name: /^Kết quả (kiểm phiếu|lấy ý kiến)$/ }).waitFor();
  return { context, page, errors };
}

async function pdfText(page, name, layout = false) {
  await page.emulateMedia({ media: 'print' });
  const path = join(work, name);
  await writeFile(path, await page.pdf({ format: 'A4', preferCSSPageSize: true }));
  await page.emulateMedia({ media: 'screen' });
  return { path, text: execFileSync('pdftotext', [...(layout ? ['-layout'] : []), path, '-'], { encoding: 'utf8' }) };
}

const count = (text, needle) => text.split(needle).length - 1;

test('the results show counts and shares of the total electorate, and the outcome with its article', async () => {
  const { context, page, errors } = await openResults();
  const item = page.getByRole('region', { name: /^1\. Hộ gia đình có đồng ý/ });
  await item.getByText(PASSED).waitFor();
  // Issue 15: the minutes code on the results screen, beside the fingerprint.
  assert.equal(await page.getByTestId('minutes-code-short').first().innerText(), MINUTES_CODE);
  const rows = await item.getByRole('table').getByRole('row').allInnerTexts();
  assert.deepEqual(rows.map((r) => r.split('\t').map((c) => c.trim())), [
    ['Lựa chọn', 'Số phiếu', 'Tỷ lệ trên tổng số cử tri'],
    ['Đồng ý', '8', '66,67%'],
    ['Không đồng ý', '2', '16,67%'],
    ['Ý kiến khác', '1', '8,33%'],
    ['Để trống', '0', '0,00%'],
  ]);
  await item.getByRole('img', { name: 'Biểu đồ số phiếu so với tổng số cử tri' }).waitFor();
  await item.getByText('Nên góp 300.000 đồng').waitFor();
  await screenshotAllSizes(page, 'results-vi');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the minutes print on A4: three copies with their recipients, heading, counts, fingerprint, signatures', async () => {
  const { context, page, errors } = await openResults();
  const { path, text } = await pdfText(page, 'minutes.pdf');
  const flat = text.replace(/\s+/g, ' ');
  assert.equal(count(flat, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'), 3);
  assert.equal(count(flat, 'Độc lập - Tự do - Hạnh phúc'), 3);
  assert.equal(count(flat, 'BIÊN BẢN KIỂM PHIẾU'), 3);
  assert.ok(flat.includes('ỦY BAN NHÂN DÂN XÃ TAM HƯNG'));
  assert.ok(flat.includes('THÔN ĐỒNG TÂM'));
  assert.ok(flat.includes('Về việc đóng góp xây dựng đường bê tông liên xóm năm 2027'));
  for (const recipient of ['Ủy ban nhân dân xã', 'Ban Thường trực Ủy ban MTTQ Việt Nam xã', 'Lưu: thôn, tổ dân phố']) {
    assert.ok(flat.includes(`Nơi nhận: ${recipient}`), recipient);
  }
  assert.ok(flat.includes('Tổng số đại diện hộ gia đình: 12'));
  assert.ok(flat.includes('Số đại diện hộ gia đình có mặt: 11/12 (trên 50%: cuộc họp hợp lệ)'));
  assert.ok(flat.includes('Số phiếu thu vào: 11'));
  assert.ok(flat.includes('Số phiếu trắng (để trống toàn bộ): 0'));
  assert.match(flat, /Đồng ý 8 66,67%/);
  assert.match(flat, /Không đồng ý 2 16,67%/);
  assert.ok(flat.includes(PASSED));
  assert.ok(flat.includes('Đã chạy thử máy trước khi bỏ phiếu: 3 phiếu thử, kết quả khớp.'));
  assert.equal(count(flat, FINGERPRINT), 3);
  assert.equal(count(text.replace(/\s+/g, ''), FULL), 3, 'the full fingerprint, once per copy');
  // Issue 15: the minutes code on every copy, after its signatures.
  assert.equal(count(flat, `Mã biên bản: ${MINUTES_CODE}`), 3, 'the minutes code, once per copy');
  for (const copy of flat.split('BIÊN BẢN KIỂM PHIẾU').slice(1)) {
    assert.ok(copy.indexOf(MINUTES_CODE) > copy.lastIndexOf('NGƯỜI CHỨNG KIẾN'), 'the code comes after the signatures');
  }
  assert.ok(flat.includes('Chủ trì: Nguyễn Văn Hòa'));
  assert.equal(count(flat, 'Số lần nhập sai mã PIN hoặc mã mời cử tri trong cuộc họp: 0'), 3);
  assert.ok(flat.includes('Thư ký: Đỗ Thị Lan'));
  assert.ok(flat.includes('Việc kiểm phiếu kết thúc vào hồi: 15 giờ 30, ngày 12 tháng 4 năm 2026'));
  assert.equal(count(flat, 'TRƯỞNG BAN KIỂM PHIẾU'), 3);
  assert.equal(count(flat, 'THÀNH VIÊN BAN KIỂM PHIẾU'), 6);
  assert.equal(count(flat, 'NGƯỜI CHỨNG KIẾN'), 6);
  for (const name of ['Nguyễn Văn An', 'Trần Thị Bích', 'Lê Văn Cường', 'Phạm Thị Dung', 'Hoàng Văn Em']) {
    assert.ok(count(flat, name) >= 3, name);
  }
  // Page 1 as a picture, kept in docs/ and looked at by a person.
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', path, join(root, 'docs/minutes-page1')]);

  // "Print 1 copy" marks the body; then one copy prints.
  await page.evaluate(() => document.body.setAttribute('data-print', 'minutes-one'));
  const one = (await pdfText(page, 'one.pdf')).text.replace(/\s+/g, ' ');
  assert.equal(count(one, 'BIÊN BẢN KIỂM PHIẾU'), 1);
  assert.ok(one.includes('Nơi nhận: Ủy ban nhân dân xã'));

  // The receipt list for the notice board prints alone.
  await page.evaluate(() => document.body.setAttribute('data-print', 'receipts'));
  const receipts = (await pdfText(page, 'receipts.pdf', true)).text;
  assert.ok(receipts.includes('DANH SÁCH MÃ BIÊN NHẬN CÁC PHIẾU ĐÃ ĐƯỢC ĐẾM'));
  assert.equal(receipts.match(/(?<![0-9A-Z-])[0-9A-Z]{3}-[0-9A-Z]{3}-[0-9A-Z]{3}-[0-9A-Z]{3}(?![0-9A-Z-])/g).length, 11);
  assert.ok(!receipts.includes('BIÊN BẢN KIỂM PHIẾU'));
  assert.deepEqual(errors, []);
  await context.close();
});

/** Parses RFC 4180 CSV (quoted fields, doubled quotes, CRLF), separated by `separator`. */
function parseCsv(text, separator = ',') {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === separator) { row.push(field); field = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; }
    else field += c;
  }
  return rows;
}

async function save(page, button) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  return { name: download.suggestedFilename(), bytes: await readFile(await download.path()) };
}

test('the exports download: the audit bundle and public summary byte for byte, the CSV with its BOM', async () => {
  const { context, page, errors } = await openResults();
  const bundle = await save(page, 'Tải tệp kiểm tra (gửi xã)');
  assert.equal(bundle.name, `phieu-thon-dong-tam-2026-duong-be-tong-${FINGERPRINT}-audit.json`);
  assert.equal(bundle.bytes.toString('utf8'), await fixture('demo-all.json'));
  const summary = await save(page, 'Tải bản tóm tắt công khai');
  assert.equal(summary.bytes.toString('utf8'), await fixture('demo-all-summary.json'));

  const csv = await save(page, 'Tải kết quả (CSV, mở bằng Excel)');
  assert.ok(csv.name.endsWith('-ket-qua.csv'));
  assert.deepEqual([...csv.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM for Excel');
  const rows = parseCsv(csv.bytes.subarray(3).toString('utf8'));
  assert.deepEqual(rows[0], ['Mã câu hỏi', 'Câu hỏi', 'Mã lựa chọn', 'Lựa chọn', 'Số phiếu', 'Tổng số cử tri', 'Tỷ lệ trên tổng số cử tri', 'Trung bình']);
  assert.deepEqual(rows.slice(1).map((r) => [r[0], r[2], r[3], r[4], r[5], r[6]]), [
    ['q1', 'dong_y', 'Đồng ý', '8', '12', '66,67%'],
    ['q1', 'khong_dong_y', 'Không đồng ý', '2', '12', '16,67%'],
    ['q1', 'y_kien_khac', 'Ý kiến khác', '1', '12', '8,33%'],
    ['q1', '', '(để trống)', '0', '12', '0,00%'],
  ]);
  assert.ok(rows[1][1].startsWith('Hộ gia đình có đồng ý mỗi hộ góp 500.000 đồng'));

  // Excel under Vietnamese regional settings splits a CSV at `;` (`,` is its decimal comma):
  // read back that way, the second CSV has every column, the first only falls apart (issue 22).
  const excel = await save(page, 'Tải kết quả cho Excel cài tiếng Việt (CSV, dấu chấm phẩy)');
  assert.ok(excel.name.endsWith('-ket-qua-excel-vn.csv'));
  assert.deepEqual([...excel.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM for Excel');
  const asExcel = parseCsv(excel.bytes.subarray(3).toString('utf8'), ';');
  assert.deepEqual(asExcel, rows, 'the same table');
  assert.ok(asExcel.every((r) => r.length === 8));
  assert.ok(parseCsv(csv.bytes.subarray(3).toString('utf8'), ';').some((r) => r.length !== 8), 'the comma CSV does not open in columns there');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the receipt check finds a real code and rejects a made-up one, saying nothing else', async () => {
  const { context, page, errors } = await openResults();
  const real = (await page.locator('.receipt-codes li').first().textContent()).trim();
  const input = page.getByLabel('Mã biên nhận (12 chữ và số, ví dụ 24M-25A-2NR-24C)');
  const answer = page.getByRole('status').filter({ has: page.locator('.verdict') });

  // Four groups of three, in an alphabet without look-alikes (issue 22, item 5).
  assert.match(real, /^[0-9ACDEHKMNPRTUXY]{3}(-[0-9ACDEHKMNPRTUXY]{3}){3}$/);
  await input.fill(real.toLowerCase().replace(/-/g, ' '));
  await page.getByRole('button', { name: 'Tra mã' }).click();
  assert.equal((await answer.innerText()).trim(), '✓ Đã được đếm trong hòm phiếu này.');
  // Copied with look-alikes (O for 0, S for 5, B for 8, I for 1), it is still found.
  await input.fill('');
  await input.fill(real.replace(/0/g, 'O').replace(/5/g, 'S').replace(/8/g, 'B').replace(/1/g, 'I'));
  await page.getByRole('button', { name: 'Tra mã' }).click();
  assert.equal((await answer.innerText()).trim(), '✓ Đã được đếm trong hòm phiếu này.');

  await input.fill('000-000-000-000');
  await page.getByRole('button', { name: 'Tra mã' }).click();
  await answer.filter({ hasText: 'Không tìm thấy trong hòm phiếu này.' }).waitFor();

  await input.fill('ABC');
  await page.getByRole('button', { name: 'Tra mã' }).click();
  await answer.filter({ hasText: 'Mã biên nhận có 12 chữ và số, mã vừa nhập có 3.' }).waitFor();
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  await answer.filter({ hasText: 'A receipt code has 12 letters and digits; this one has 3.' }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('a survey shows counts, shares of the total, means and written answers in sorted order', async () => {
  const { context, page, errors } = await openResults('survey.json');
  const satisfaction = page.getByRole('region', { name: /^1\. Mức độ hài lòng/ });
  await satisfaction.getByText('Điểm trung bình: 3,17').waitFor();
  await satisfaction.getByText('Chưa đạt chỉ tiêu: 3/10 (chỉ tiêu từ 90/100 tổng số trở lên)').waitFor();
  await page.getByRole('heading', { level: 1, name: 'Kết quả lấy ý kiến' }).waitFor();
  const why = page.getByRole('region', { name: /^2\. Vì sao chưa hài lòng/ });
  assert.deepEqual(await why.locator('.free-texts li').allInnerTexts(), ['Chưa có nước sạch', 'Đường còn lầy lội']);
  // Asked only of the dissatisfied: the others were not asked, apart from any left blank.
  await why.getByRole('row', { name: /^Không hỏi \(bỏ qua theo câu trả lời trước\)/ }).waitFor();
  await why.getByRole('row', { name: /^Để trống/ }).waitFor();
  const areas = page.getByRole('region', { name: /^3\. Lĩnh vực cần cải thiện/ });
  assert.deepEqual(await areas.locator('.free-texts li').allInnerTexts(), ['Chợ', 'Đèn đường']);
  const people = page.getByRole('region', { name: /^4\. Số người trong hộ/ });
  await people.getByText('Điểm trung bình: 4,00').waitFor();
  await screenshotAllSizes(page, 'results-survey-vi');
  assert.deepEqual(errors, []);
  await context.close();
});
