// Smoke check of the first-load benchmark's harness (bench/first_load.mjs), so it cannot rot
// silently: the SurveyJS page renders the 20-question survey's first question, served gzip
// from 127.0.0.1 only, and the benchmark's probe sees that question become clickable. No
// timing is asserted; the benchmark prints figures (bench/run).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, watchErrors } from './support.mjs';
import { FIRST, probe, serveSurveyjs } from '../../bench/first_load/pages.mjs';

let server;
let browser;
before(async () => {
  server = await serveSurveyjs();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('the SurveyJS page renders the first question of the survey, gzip, from the local server only', async () => {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 800 } });
  await context.addInitScript(probe, { ...FIRST, until: 'question' });
  const page = await context.newPage();
  const errors = watchErrors(page);
  const responses = [];
  page.on('response', (r) => responses.push(r));
  await page.goto(server.url);

  // The probe's notion of "clickable" holds ...
  await page.waitForFunction(() => window.__firstLoad?.question !== null);
  const state = await page.evaluate(() => window.__firstLoad);
  assert.ok(state.question > 0 && state.interactive > 0);
  // ... and it is the survey's first question, whose first option a user can choose.
  await page.getByText(FIRST.question).waitFor();
  const radio = page.getByRole('radio', { name: FIRST.option, exact: true });
  await page.locator('label').filter({ has: radio }).click();
  assert.equal(await radio.isChecked(), true);
  await page.getByRole('button', { name: 'Tiếp theo' }).waitFor();

  const origin = new URL(server.url).origin;
  assert.ok(responses.length >= 6, `requests: ${responses.map((r) => r.url()).join(', ')}`);
  for (const r of responses) {
    assert.equal(new URL(r.url()).origin, origin, `${r.url()} is not on the local server`);
    assert.equal(r.status(), 200, r.url());
    assert.equal((await r.allHeaders())['content-encoding'], 'gzip', r.url());
  }
  const paths = responses.map((r) => new URL(r.url()).pathname);
  for (const p of ['/node_modules/survey-core/survey.core.min.js', '/node_modules/survey-js-ui/survey-js-ui.min.js', '/survey20.json']) {
    assert.ok(paths.includes(p), `${p} was not loaded`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});
