// Journey: the poll in a second language inside a portal (issue 20, item 3, on the embedded
// poll). The example portal's polls/demo.json is served as the Khmer poll of
// tests/data/poll-khmer.json; in the iframe and in the <phieu-poll> element a voter chooses
// ភាសាខ្មែរ on the welcome screen, reads the question and the review in Khmer, and casts; the
// portal hears a receipt as always. The next voter starts in Vietnamese.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { root } from './support.mjs';
import { portalHarness, openPortal, waitReceived } from './portal_page.mjs';

const h = portalHarness();
const khmer = await readFile(join(root, 'tests/data/poll-khmer.json'), 'utf8');

async function voteInKhmer(scope) {
  const picker = scope.getByRole('group', { name: 'Đọc phiếu bằng tiếng' });
  await picker.getByRole('button', { name: 'ភាសាខ្មែរ' }).click();
  await scope.getByText('ការរួមចំណែកថវិកាសាងសង់ផ្លូវបេតុងរវាងភូមិ').waitFor();
  await scope.getByRole('button', { name: 'Bắt đầu' }).click();
  await scope.getByText('៥០០.០០០ ដុង', { exact: false }).first().waitFor();
  await scope.getByRole('radio', { name: 'យល់ព្រម', exact: true }).click();
  await scope.getByRole('button', { name: /Tiếp/ }).click();
  await scope.getByText('យល់ព្រម', { exact: true }).waitFor();
  await scope.getByRole('button', { name: /Xác nhận/ }).click();
  const code = scope.locator('.receipt-code');
  await code.waitFor();
  return (await code.innerText()).trim();
}

test('a voter reads the embedded poll in Khmer, in the iframe and in the element', async () => {
  const { context, page, errors } = await openPortal(h);
  await context.route(`${h.app.url}polls/demo.json`, (route) =>
    route.fulfill({ contentType: 'application/json', body: khmer }));
  await page.reload();
  const frame = page.frameLocator('#frame');
  await waitReceived(page, { way: 'iframe', type: 'ready' });
  const receipt = await voteInKhmer(frame);
  const cast = await waitReceived(page, { way: 'iframe', type: 'cast' });
  assert.equal(cast.at(-1).detail?.receipt ?? cast.at(-1).receipt, receipt);
  const element = page.locator('#kiosk');
  const code = await voteInKhmer(element);
  assert.match(code, /^[0-9A-Z]{3}(-[0-9A-Z]{3}){3}$/);
  // The next voter starts in the page's language.
  await element.getByRole('button', { name: /Xong|Người tiếp theo|Tiếp/ }).first().click();
  const picker = element.getByRole('group', { name: 'Đọc phiếu bằng tiếng' });
  await picker.waitFor();
  assert.equal(await picker.getByRole('button', { name: 'Tiếng Việt' }).getAttribute('aria-pressed'), 'true');
  assert.deepEqual(errors, []);
  await context.close();
});
