// Journey: every ready-made template runs as a meeting: set up, tested, one ballot, closed,
// with its results shown. Exercises every question type on the voter's screens.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { harness, watchErrors, root } from './support.mjs';
import { createMeeting, testAnythingAndOpen, castAnything, enterPin, castCount, closeVoting } from './meeting_page.mjs';

const h = harness();

const index = JSON.parse(await readFile(join(root, 'assets/templates/index.json'), 'utf8'));

for (const entry of index) {
  test(`template ${entry.file}: one ballot from setup to results`, async () => {
    const context = await h.browser.newContext();
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(h.server.url);
    await page.getByLabel('Chọn mẫu phiếu').selectOption({ label: entry.title.vi });
    await createMeeting(page, { title: entry.title.vi, total: '30', present: '25' });
    await testAnythingAndOpen(page);
    await page.getByRole('button', { name: 'Mời cử tri tiếp theo' }).click();
    await castAnything(page);
    await enterPin(page);
    assert.equal(await castCount(page), 1);
    await closeVoting(page);
    // A survey's results are opinions collected, the others a count of votes (issue 22, item 6).
    await page.getByRole('heading', { level: 1, name: /^Kết quả (kiểm phiếu|lấy ý kiến)$/ }).waitFor();
    assert.deepEqual(errors, []);
    await context.close();
  });
}
