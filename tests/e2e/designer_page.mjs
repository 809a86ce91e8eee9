// Page object for the poll designer (office.html#/designer, docs/designer.md): how an officer
// gets there and finds a question, a field and the status box, by role and label.
import { openSetup } from './meeting_page.mjs';

/** From the first page at `url` to the designer, by the entry on the setup screen. */
export async function openDesigner(page, url) {
  await openSetup(page, url);
  await page.getByRole('link', { name: 'Soạn phiếu' }).click();
  await page.getByRole('heading', { level: 1, name: 'Soạn phiếu', exact: true }).waitFor();
}

/** The card of question `n` (from 1). */
export const question = (page, n) => page.getByRole('article', { name: `Câu ${n}`, exact: true });
/** The Vietnamese field of a text with a Vietnamese and an English field. */
export const vi = (scope, group) => scope.getByRole('group', { name: group, exact: true }).getByLabel('Tiếng Việt');
/** The box at the top: valid or not, the first problem, the fingerprint. */
export const status = (page) => page.locator('#d-problems');
