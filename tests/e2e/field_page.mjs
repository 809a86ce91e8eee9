// The field-survey page (survey.html) as a journey drives it: the respondent's questions, the
// staff screen's counts. Shared by field_survey.spec.mjs and the accessibility journey.
import assert from 'node:assert/strict';
import { answerOnScreen } from './meeting_page.mjs';

/** The field survey of the 20-question benchmark survey. */
export const SURVEY = 'survey.html?src=polls/survey20.json';

export const question = (page) => page.locator('.voter-question .progress');
export const staffScreen = (page) => page.getByRole('heading', { name: 'Khảo sát đang diễn ra' });

/** Answers the question on screen (a given choice, else the first choice, a number, words). */
export async function answer(page, choice) {
  if (choice) return page.getByRole('radio', { name: choice, exact: true }).or(page.getByRole('checkbox', { name: choice, exact: true })).click();
  return answerOnScreen(page);
}

/** Goes on to the next question; resolves with the new progress line ("Câu hỏi 2 / 19"). */
export async function next(page) {
  const before = await question(page).innerText();
  await page.getByRole('button', { name: 'Tiếp →' }).click();
  const review = page.getByRole('heading', { name: 'Xem lại phiếu của ông/bà' });
  await review.or(question(page).filter({ hasNotText: before })).first().waitFor();
  return (await review.isVisible()) ? 'review' : question(page).innerText();
}

/** Answers every remaining question (the given choices first), then confirms. */
export async function respond(page, choices = []) {
  for (let step = 0; step < 40; step++) {
    await answer(page, choices[step]);
    if ((await next(page)) === 'review') break;
  }
  await page.getByRole('button', { name: 'Xác nhận' }).click();
  await page.getByText('Đã lưu phiếu. Cảm ơn ông/bà!').waitFor();
}

export async function counts(page) {
  await staffScreen(page).waitFor();
  return {
    today: Number(await page.locator('.field-today strong').innerText()),
    total: Number(await page.locator('.field-total strong').innerText()),
  };
}

export async function firstQuestion(page) {
  await page.getByRole('radio', { name: 'Hài lòng', exact: true }).waitFor();
  // The app's own drawing, once it has taken over from the one drawn before the wasm
  // (assets/first-question.js; first_question.spec.mjs tests that one).
  await page.locator('#phieu-early').waitFor({ state: 'detached' });
  assert.match(await question(page).innerText(), /^Câu hỏi 1 \//);
}
