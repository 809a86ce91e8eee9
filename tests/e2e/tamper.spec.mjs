// Journey (tamper suite, issue #10): an auditor is handed audit bundles that were changed after
// the meeting (a flipped byte in a commitment, a count, a Vietnamese letter, the JSON itself; a
// ballot dropped, duplicated, moved, or taken from another poll's box) and the verify page says
// "does not check out" for every one, in Vietnamese and in English, never "everything checks
// out", and regenerates no minutes from them. The exhaustive suite runs against the core
// (crates/core/tests/tamper.rs); this one proves the page reports what the core finds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { harness, watchErrors, screenshotAllSizes } from './support.mjs';
import { fixture, file, canonical, LABELS } from './bundles.mjs';
import { openVerifyByLink } from './tampering.mjs';

const h = harness();

/** The bytes of `text` with bit `bit` of the byte at `at` flipped. */
function flip(text, at, bit) {
  const bytes = Buffer.from(text, 'utf8');
  bytes[at] ^= 1 << bit;
  return bytes;
}

/** The byte offset of the `nth` occurrence of `needle` in `text`, plus `plus`. */
function offsetOf(text, needle, plus = 0, nth = 0) {
  const bytes = Buffer.from(text, 'utf8');
  let at = -1;
  for (let i = 0; i <= nth; i++) at = bytes.indexOf(Buffer.from(needle, 'utf8'), at + 1);
  assert.ok(at >= 0, needle);
  return at + plus;
}

/** Every tampered sample of the demo bundle, as files for setInputFiles. */
async function samples() {
  const good = await fixture('demo-all.json');
  const other = JSON.parse(await fixture('other-poll.json'));
  assert.equal(canonical(JSON.parse(good)), good);
  const edit = (change) => {
    const bundle = JSON.parse(good);
    change(bundle);
    return canonical(bundle);
  };
  const asFile = (name, bytes) => ({ name, mimeType: 'application/json', buffer: Buffer.from(bytes) });
  const list = [
    // A bit of a commitment's hex digit, of the claimed "agree" count (8 → 9), of the second
    // byte of "Đ" in the poll title (no longer UTF-8: the browser reads U+FFFD), of a brace.
    asFile('flip-commitment.json', flip(good, offsetOf(good, '"commitment": "', 20), 0)),
    asFile('flip-count.json', flip(good, offsetOf(good, '"count": 8', 9), 0)),
    asFile('flip-letter.json', flip(good, offsetOf(good, 'Đ', 1), 6)),
    asFile('flip-brace.json', flip(good, offsetOf(good, '{', 0, 3), 0)),
    file('dropped.json', edit((b) => b.ballots.splice(4, 1))),
    file('duplicated.json', edit((b) => b.ballots.splice(2, 0, b.ballots[2]))),
    file('reordered.json', edit((b) => ([b.ballots[0], b.ballots[7]] = [b.ballots[7], b.ballots[0]]))),
    file('swapped.json', edit((b) => (b.ballots[0] = other.ballots[0]))),
  ];
  for (const f of list) assert.notEqual(f.buffer.toString('utf8'), good, `${f.name} is a change`);
  assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(list[2].buffer), 'flip-letter.json is not UTF-8');
  return list;
}

const WORDS = {
  vi: { bad: '✗ Có điểm không khớp', good: '✓ Mọi kiểm tra đều khớp', failed: 'Không khớp', minutes: 'BIÊN BẢN KIỂM PHIẾU' },
  en: { bad: '✗ Something does not check out', good: '✓ Everything checks out', failed: 'Does not check out', minutes: 'BIÊN BẢN KIỂM PHIẾU' },
};

test('every tampered bundle is reported as not checking out, in Vietnamese and English', async () => {
  const page = await h.browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors = watchErrors(page);
  await openVerifyByLink(page, h.server.url);
  const list = await samples();
  for (const lang of ['vi', 'en']) {
    if (lang === 'en') await page.getByRole('button', { name: 'English' }).click();
    const words = WORDS[lang];
    const label = lang === 'vi' ? LABELS.bundle : 'Check file (.json)';
    for (const f of list) {
      await page.getByLabel(label).setInputFiles(f);
      // The report is about this file, and it says no.
      await page.locator('.checks > li').first().filter({ hasText: `«${f.name}»` }).waitFor();
      await page.getByRole('alert').filter({ hasText: words.bad }).waitFor();
      assert.equal(await page.getByRole('heading', { name: words.good }).count(), 0, `${f.name} ${lang}`);
      const failed = await page.locator('.checks > li.bad').allInnerTexts();
      assert.ok(failed.length > 0 && failed.every((t) => t.includes(words.failed)), `${f.name} ${lang}: ${failed}`);
      assert.equal(await page.getByRole('heading', { name: words.minutes }).count(), 0, `${f.name}: no minutes from it`);
      if (f.name === 'swapped.json' && lang === 'vi') await screenshotAllSizes(page, 'verify-swapped-vi');
    }
  }
  assert.deepEqual(errors, []);
  await page.close();
});
