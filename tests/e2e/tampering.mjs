// Shared by the hardening journeys (tamper, soak, accessibility): reaching a page the way a
// person does, through the app's own navigation, so that they follow the app wherever a page
// lives (index.html or office.html).
const VERIFY = { vi: 'Kiểm chứng tệp kết quả', en: 'Verify a results file' };

/** Opens the app at `url` and follows the header's link to the verify page (Vietnamese). */
export async function openVerifyByLink(page, url) {
  await page.goto(url);
  await page.getByRole('navigation').getByRole('link', { name: VERIFY.vi }).click();
  await page.getByRole('heading', { level: 1, name: VERIFY.vi }).waitFor();
}
