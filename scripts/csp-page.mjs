// Makes one built page runnable under a Content-Security-Policy without 'unsafe-inline'
// (docs/security.md §Content-Security-Policy), for scripts/build:
//   node scripts/csp-page.mjs DIST/PAGE.html POLICY
// 1. Trunk writes the wasm start-up as an inline <script type="module"> (Trunk has no option to
//    avoid it: trunk-rs/trunk#288). It is moved, unchanged, into PAGE-init-HASH.js next to the
//    page, loaded by <script type="module" src> with its SRI hash, as Trunk does for its others.
// 2. The policy is written as a <meta http-equiv> right after the charset, before anything it
//    governs.
// 3. Anything else inline that the policy would block (a <script> or <style> element, a style=
//    or on…= attribute) fails the build here rather than at a voter's tablet.
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

const [page, policy, option] = process.argv.slice(2);
if (!page || !policy) throw new Error('usage: node scripts/csp-page.mjs DIST/PAGE.html POLICY [--wasm-after-early]');
// survey.html: its first question is drawn before the wasm (assets/first-question.js), from
// little more than the page and the poll. The wasm's download waits until that is done (its
// preload is dropped, and the start-up script first waits for `phieuEarly.settled`), so on a
// slow network the poll does not share the line with the wasm, and what a phone downloads
// before it can answer is that little (issue 21). Without a drawing it waits for nothing.
const afterEarly = option === '--wasm-after-early';
const stem = basename(page, '.html');
let html = await readFile(page, 'utf8');

const inline = [...html.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)];
if (inline.length !== 1) throw new Error(`${page}: expected one inline start-up script, found ${inline.length}`);
let code = inline[0][1].trim() + '\n';
if (afterEarly) {
  // At most 2 s: a download of the poll that hangs must not keep the app from starting.
  code = `await Promise.race([window.phieuEarly?.settled, new Promise((ok) => setTimeout(ok, 2000))]);\n${code}`;
  const preload = /\s*<link rel="preload" href="[^"]*_bg\.wasm"[^>]*>/;
  if (!preload.test(html)) throw new Error(`${page}: no preload of the wasm to drop`);
  html = html.replace(preload, '');
}
const digest = (algo) => createHash(algo).update(code).digest();
const file = `${stem}-init-${digest('sha256').toString('hex').slice(0, 16)}.js`;
await writeFile(join(dirname(page), file), code);
const sri = `sha384-${digest('sha384').toString('base64')}`;
html = html.replace(inline[0][0], `<script type="module" src="./${file}" integrity="${sri}"></script>`);

const blocked = [
  // (A data block, <script type="application/json">, is never run: scripts/page-words.mjs.)
  [/<script\b(?![^>]*\bsrc=)(?![^>]*\btype="application\/json")[^>]*>/i, 'an inline <script>'],
  [/<style\b/i, 'a <style> element'],
  [/\sstyle\s*=/i, 'a style= attribute'],
  [/\son[a-z]+\s*=/i, 'an on…= handler attribute'],
];
for (const [re, what] of blocked) {
  const found = html.replace(/<!--[\s\S]*?-->/g, '').match(re);
  if (found) throw new Error(`${page}: ${what} would be blocked by the CSP: ${found[0]}`);
}

const charset = /<meta charset="utf-8"\s*\/?>/i;
if (!charset.test(html)) throw new Error(`${page}: no <meta charset="utf-8"> to put the CSP after`);
const escaped = policy.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
html = html.replace(charset, (m) => `${m}\n    <meta http-equiv="Content-Security-Policy" content="${escaped}" />`);
await writeFile(page, html);
console.log(`${page}: CSP written, start-up script in ${file}`);
