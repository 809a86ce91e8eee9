// Journeys of the poll in a second language (issue 20, item 3; issue 23, item 6).
// 1. A poll with Khmer labels (tests/data/poll-khmer.json): the voter picks ភាសាខ្មែរ on the
//    first screen, reads the question and options in Khmer while the buttons stay in Vietnamese,
//    and votes. Two meetings cast the same choices with the same salts (crypto.getRandomValues
//    replaced by a queue, as in order.spec), one read in Khmer and one in Vietnamese: their check
//    files are byte-identical, so the commitments, the fingerprint and the tally are the same
//    whatever the language.
// 2. An English-only XLSForm (tests/data/xlsform-english.xlsx) chosen on setup opens the designer
//    with every missing Vietnamese label marked; once they are written the poll can be used.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { harness, watchErrors, screenshotAllSizes, root } from './support.mjs';
import { createMeeting, enterPin, castCount, closeVoting } from './meeting_page.mjs';
import { axeViolations, smallTargets } from './a11y.mjs';
import { queueSalts, nextSalt } from './salts.mjs';

/** No serious or critical axe violation, and every control at least 48 × 48 px. */
async function accessible(page, state) {
  const grave = (await axeViolations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(grave, [], `${state}: ${JSON.stringify(grave, null, 2)}`);
  assert.deepEqual(await smallTargets(page), [], `${state}: controls under 48 px`);
}

const h = harness();
const data = (name) => join(root, 'tests/data', name);
const khmerPoll = await readFile(data('poll-khmer.json'));
const TITLE = 'Góp tiền làm đường bê tông liên ấp';
const KM = {
  title: 'ការរួមចំណែកថវិកាសាងសង់ផ្លូវបេតុងរវាងភូមិ',
  'Đồng ý': 'យល់ព្រម',
  'Không đồng ý': 'មិនយល់ព្រម',
  'Ý kiến khác': 'មតិផ្សេងទៀត',
};

/** One ballot from the welcome screen, read in `language` ('km' or 'vi'). */
async function cast(page, language, choice, opinion, { shots = false } = {}) {
  const welcome = page.getByRole('heading', { name: 'Xin mời ông/bà bỏ phiếu' });
  await welcome.waitFor();
  const picker = page.getByRole('group', { name: 'Đọc phiếu bằng tiếng' });
  if (language === 'km') {
    await picker.getByRole('button', { name: 'ភាសាខ្មែរ' }).click();
    await page.getByText(KM.title).waitFor();
    assert.equal(await picker.getByRole('button', { name: 'ភាសាខ្មែរ' }).getAttribute('aria-pressed'), 'true');
  } else {
    // Vietnamese is what the voter reads unless they choose otherwise.
    assert.equal(await picker.getByRole('button', { name: 'Tiếng Việt' }).getAttribute('aria-pressed'), 'true');
  }
  // The app's own words stay Vietnamese whatever the poll's language.
  await page.getByRole('button', { name: 'Bắt đầu' }).click();
  const label = language === 'km' ? KM[choice] : choice;
  const heading = page.locator('.question-label');
  assert.equal(await heading.getAttribute('lang'), language);
  if (language === 'km') assert.match(await heading.innerText(), /៥០០\.០០០ ដុង/);
  if (shots) {
    // The Khmer question on a phone and a portrait tablet, without sideways scrolling.
    await screenshotAllSizes(page, 'second-language-question-km');
    await accessible(page, 'a question read in Khmer');
    for (const size of [{ width: 390, height: 844 }, { width: 800, height: 1280 }]) {
      await page.setViewportSize(size);
      const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
      assert.ok(scroll <= client, `no horizontal scrolling at ${size.width}: ${scroll} > ${client}`);
    }
    await page.setViewportSize({ width: 1280, height: 800 });
  }
  await page.getByRole('radio', { name: label, exact: true }).click();
  if (opinion !== undefined) await page.getByLabel('Ý kiến của ông/bà').fill(opinion);
  await page.getByRole('button', { name: 'Tiếp →' }).click();
  await page.getByRole('heading', { name: 'Xem lại phiếu của ông/bà' }).waitFor();
  const answer = opinion === undefined ? label : `${label}: “${opinion}”`;
  await page.getByText(answer, { exact: true }).waitFor();
  await page.getByRole('button', { name: 'Xác nhận' }).click();
  await page.getByRole('heading', { name: /Phiếu của ông\/bà đã được ghi nhận/ }).waitFor();
  await page.getByRole('button', { name: 'Xong' }).click();
}

/** A meeting on the Khmer poll where every ballot is read in `language`; its two exports. */
async function meeting(language, { screenshots = false } = {}) {
  const context = await h.browser.newContext({ acceptDownloads: true });
  await queueSalts(context);
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(h.server.url);
  await page.getByRole('heading', { name: 'Chuẩn bị cuộc họp' }).waitFor();
  await page.getByLabel('Hoặc mở tệp phiếu (.json) của mình').setInputFiles({
    name: 'poll-khmer.json',
    mimeType: 'application/json',
    buffer: khmerPoll,
  });
  await createMeeting(page, { title: TITLE });
  await page.getByRole('button', { name: 'Bỏ một phiếu thử' }).click();
  await nextSalt(page, 100);
  await cast(page, language, 'Đồng ý');
  await page.getByRole('button', { name: 'Kiểm tra kết quả thử' }).click();
  await page.getByRole('button', { name: 'Xóa phiếu thử và mở bỏ phiếu' }).click();
  const ballots = [
    [1, 'Đồng ý'],
    [2, 'Không đồng ý'],
    [3, 'Ý kiến khác', 'Làm vào mùa khô'],
    [4, 'Đồng ý'],
  ];
  for (const [n, choice, opinion] of ballots) {
    await page.getByRole('button', { name: 'Mời cử tri tiếp theo' }).click();
    if (screenshots && n === 1) {
      await page.getByRole('group', { name: 'Đọc phiếu bằng tiếng' }).waitFor();
      await screenshotAllSizes(page, 'second-language-welcome');
      await accessible(page, 'welcome with the language choice');
      await page.setViewportSize({ width: 1280, height: 800 });
    }
    await nextSalt(page, n);
    await cast(page, language, choice, opinion, { shots: screenshots && n === 1 });
    await enterPin(page);
  }
  assert.equal(await castCount(page), ballots.length);
  await closeVoting(page);
  const exports = {};
  for (const name of ['Tải tệp kiểm tra (gửi xã)', 'Tải bản tóm tắt công khai']) {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name }).click(),
    ]);
    exports[name] = await readFile(await download.path());
  }
  assert.deepEqual(errors, []);
  await context.close();
  return exports;
}

test('a ballot read in Khmer is the same ballot as one read in Vietnamese', async () => {
  const khmer = await meeting('km', { screenshots: true });
  const vietnamese = await meeting('vi');
  for (const name of Object.keys(khmer)) {
    assert.ok(khmer[name].length > 500, `${name} is a real export`);
    assert.ok(khmer[name].equals(vietnamese[name]), `${name} is byte-identical`);
  }
  const bundle = JSON.parse(khmer['Tải tệp kiểm tra (gửi xã)'].toString('utf8'));
  assert.equal(bundle.ballots.length, 4);
  // The poll travels with its Khmer (hashed in its trailer); the tally counts option ids.
  assert.equal(bundle.poll.items[0].options[0].label.km, KM['Đồng ý']);
  const counts = JSON.stringify(bundle.tally);
  assert.match(counts, /"dong_y"/);
});

test('an English-only XLSForm opens in the designer with every missing Vietnamese label marked', async () => {
  const page = await h.browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors = watchErrors(page);
  await page.goto(h.server.url);
  await page.getByRole('heading', { name: 'Chuẩn bị cuộc họp' }).waitFor();
  await page.getByLabel('Biểu mẫu XLSForm (.xlsx, Kobo/ODK)').setInputFiles(data('xlsform-english.xlsx'));
  await page.getByRole('heading', { level: 1, name: /^Soạn phiếu:/ }).waitFor();
  const banner = page.locator('.d-missing-vi');
  await banner.waitFor();
  assert.match(await banner.innerText(), /chưa có nhãn tiếng Việt ở 5 chỗ/);
  // Never English in the Vietnamese slot: each Vietnamese field is empty and marked, the
  // English beside it.
  const title = page.getByRole('group', { name: 'Tiêu đề phiếu', exact: true });
  assert.equal(await title.getByLabel('Tiếng Việt').inputValue(), '');
  assert.equal(await title.getByLabel('Tiếng Việt').getAttribute('aria-invalid'), 'true');
  assert.equal(await title.getByLabel('Tiếng Anh (không bắt buộc)').inputValue(), 'Road survey');
  const first = page.getByRole('article', { name: 'Câu 1', exact: true });
  const label = first.getByRole('group', { name: 'Nội dung câu hỏi', exact: true });
  assert.equal(await label.getByLabel('Tiếng Việt').inputValue(), '');
  assert.equal(await label.getByLabel('Tiếng Việt').getAttribute('aria-invalid'), 'true');
  assert.equal(await label.getByLabel('Tiếng Anh (không bắt buộc)').inputValue(), 'Do you agree to build the concrete road?');
  await first.getByText('Chưa có tiếng Việt: hãy viết nhãn tiếng Việt.', { exact: false }).first().waitFor();
  const use = page.getByRole('button', { name: 'Dùng phiếu này cho cuộc họp' });
  assert.equal(await use.isDisabled(), true);
  await screenshotAllSizes(page, 'second-language-import-marked');
  await page.setViewportSize({ width: 1280, height: 800 });

  // Written in Vietnamese, the poll is ready and can be used.
  await title.getByLabel('Tiếng Việt').fill('Khảo sát làm đường bê tông');
  await label.getByLabel('Tiếng Việt').fill('Ông/bà có đồng ý làm đường bê tông không?');
  await first.getByRole('group', { name: 'Lựa chọn 1', exact: true }).getByLabel('Tiếng Việt').fill('Có');
  await first.getByRole('group', { name: 'Lựa chọn 2', exact: true }).getByLabel('Tiếng Việt').fill('Không');
  const second = page.getByRole('article', { name: 'Câu 2', exact: true });
  await second.getByRole('group', { name: 'Nội dung câu hỏi', exact: true }).getByLabel('Tiếng Việt').fill('Vì sao?');
  await banner.waitFor({ state: 'detached' });
  await page.locator('.d-status-ok').waitFor();
  await use.click();
  await page.getByRole('heading', { level: 2, name: 'Khảo sát làm đường bê tông', exact: true }).waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});

test('the field survey offers the language on its first question, and the next respondent starts in Vietnamese', async () => {
  const survey = {
    format: 'phieu/poll', version: 1, id: 'khao-sat-nuoc-km', kind: 'survey',
    title: { vi: 'Khảo sát nước sạch', km: 'ការស្ទង់មតិទឹកស្អាត' },
    place: { commune: 'Xã Hòa Tú', village: 'Ấp Hòa Thượng' },
    rule: { preset: 'none' },
    items: [{
      id: 'hai_long', type: 'single', required: true,
      label: { vi: 'Ông/bà có hài lòng với nước sạch không?', km: 'តើលោក/លោកស្រីពេញចិត្តនឹងទឹកស្អាតទេ?' },
      options: [
        { id: 'co', label: { vi: 'Hài lòng', km: 'ពេញចិត្ត' } },
        { id: 'khong', label: { vi: 'Không hài lòng', km: 'មិនពេញចិត្ត' } },
      ],
    }],
  };
  const page = await h.browser.newPage({ viewport: { width: 390, height: 844 } });
  const errors = watchErrors(page);
  await page.route('**/khao-sat-nuoc-km.json', (r) =>
    r.fulfill({ contentType: 'application/json', body: JSON.stringify(survey) }));
  await page.goto(`${h.server.url}survey.html?src=khao-sat-nuoc-km.json`);
  const picker = page.getByRole('group', { name: 'Đọc phiếu bằng tiếng' });
  await picker.getByRole('button', { name: 'ភាសាខ្មែរ' }).click();
  await page.getByRole('heading', { name: survey.items[0].label.km }).waitFor();
  await screenshotAllSizes(page, 'second-language-survey-km');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole('radio', { name: 'ពេញចិត្ត', exact: true }).click();
  await page.getByRole('button', { name: 'Tiếp →' }).click();
  await page.getByRole('heading', { name: 'Xem lại phiếu của ông/bà' }).waitFor();
  await page.getByText('ពេញចិត្ត', { exact: true }).waitFor();
  await page.getByRole('button', { name: 'Xác nhận' }).click();
  await page.getByText('Đã lưu phiếu. Cảm ơn ông/bà!').waitFor();
  await page.getByRole('button', { name: 'Người trả lời tiếp theo' }).click();
  // Nothing of the last respondent, their language included.
  await page.getByRole('heading', { name: survey.items[0].label.vi }).waitFor();
  assert.equal(await picker.getByRole('button', { name: 'Tiếng Việt' }).getAttribute('aria-pressed'), 'true');
  assert.deepEqual(errors, []);
  await page.close();
});

test('an XLSForm in Vietnamese and Khmer imports with both, and a voter reads it in Khmer', async () => {
  const page = await h.browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors = watchErrors(page);
  await page.goto(h.server.url);
  await page.getByRole('heading', { name: 'Chuẩn bị cuộc họp' }).waitFor();
  await page.getByLabel('Biểu mẫu XLSForm (.xlsx, Kobo/ODK)').setInputFiles(data('xlsform-khmer.xlsx'));
  const imported = page.locator('.xlsform-imported');
  await imported.getByText('Đã nhập «xlsform-khmer.xlsx»: 3 câu hỏi.').waitFor();
  await imported.getByText('bỏ qua cột tiếng "French (fr)"', { exact: false }).waitFor();
  await createMeeting(page, { title: 'Khảo sát đường và nước sạch', total: '40', present: '30' });
  await page.getByRole('button', { name: 'Bỏ một phiếu thử' }).click();
  await page.getByRole('group', { name: 'Đọc phiếu bằng tiếng' }).getByRole('button', { name: 'ភាសាខ្មែរ' }).click();
  await page.getByRole('button', { name: 'Bắt đầu' }).click();
  await page.getByRole('heading', { name: 'តើលោក/លោកស្រីយល់ព្រមសាងសង់ផ្លូវបេតុងទេ?' }).waitFor();
  await page.getByRole('radio', { name: 'បាទ/ចាស', exact: true }).click();
  await page.getByRole('button', { name: 'Tiếp →' }).click();
  await page.getByRole('heading', { name: 'តើគ្រួសាររបស់អ្នកប្រើទឹកពីណា?' }).waitFor();
  await page.getByRole('checkbox', { name: 'អណ្តូង', exact: true }).click();
  assert.deepEqual(errors, []);
  await page.close();
});
