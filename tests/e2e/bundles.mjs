// Shared by the results, verify and merge journeys: the fixture bundles of tests/data (built by
// tests/fixtures.rs from random salts kept in tests/data/fixture-salts.json), ways to tamper with
// them, and opening the verify page
// with files chosen the way a person would (the labelled file inputs).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { root } from './support.mjs';

export const DATA = join(root, 'tests/data');

/** The text of tests/data/<name>. */
export function fixture(name) {
  return readFile(join(DATA, name), 'utf8');
}

/** A file for setInputFiles. */
/** A 64-digit code as printed: its first 16 digits, upper case, in groups of four. */
export function short(hex) {
  return hex.slice(0, 16).toUpperCase().match(/.{4}/g).join('-');
}

/**
 * The codes a fixture carries, read from the file (its salts are random, so they are not
 * written into the tests): the box fingerprint and the minutes code, short and in full.
 */
export async function codes(name) {
  const b = JSON.parse(await fixture(name));
  return { fingerprint: short(b.fingerprint), full: b.fingerprint, minutesCode: short(b.minutes_code), minutesFull: b.minutes_code };
}

export function file(name, text) {
  return { name, mimeType: 'application/json', buffer: Buffer.from(text, 'utf8') };
}

/** Writes JSON exactly as phieu does (two-space pretty print, final newline). */
export function canonical(value) {
  return JSON.stringify(value, null, 2) + '\n';
}

/** The bundle with the choice of its first "Đồng ý" ballot changed to "Không đồng ý". */
export function withChangedChoice(text) {
  const bundle = JSON.parse(text);
  const index = bundle.ballots.findIndex((b) => b.answers[0]?.option === 'dong_y');
  bundle.ballots[index].answers[0].option = 'khong_dong_y';
  return { text: canonical(bundle), index };
}

/** The bundle with its first ballot removed, and that ballot. */
export function withDroppedBallot(text) {
  const bundle = JSON.parse(text);
  const [dropped] = bundle.ballots.splice(0, 1);
  return { text: canonical(bundle), dropped };
}

export const LABELS = {
  bundle: 'Tệp kiểm tra (.json)',
  summary: 'Bản tóm tắt công khai (.json), không bắt buộc',
  merge: 'Thêm tệp kiểm tra (có thể chọn nhiều tệp)',
};

/** Opens the verify page in Vietnamese and chooses `bundle` (and `summary`) as files. */
export async function openVerify(page, url, bundle, summary) {
  await page.goto(url + '#/verify');
  await page.getByRole('heading', { level: 1, name: 'Kiểm chứng tệp kết quả' }).waitFor();
  if (bundle) await page.getByLabel(LABELS.bundle).setInputFiles(bundle);
  if (summary) await page.getByLabel(LABELS.summary).setInputFiles(summary);
}
