// Writes the words a page's own script needs before the wasm has loaded into the page, for
// scripts/build:   node scripts/page-words.mjs DIST/PAGE.html I18N_DIR
// The page names them in <script type="application/json" id="phieu-words" data-keys="…"> (each
// `table.entry` of i18n/); their texts in every language come from the one translation
// mechanism (crates/i18n, `phieu-i18n-export`), so the early drawing says what the app says.
// A page without that element is left as it is.
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';

const [page, dir] = process.argv.slice(2);
if (!page || !dir) throw new Error('usage: node scripts/page-words.mjs DIST/PAGE.html I18N_DIR');
let html = await readFile(page, 'utf8');
const re = /(<script type="application\/json" id="phieu-words"\s+data-keys="([^"]*)">)\s*(<\/script>)/;
const found = html.match(re);
if (found) {
  const keys = found[2].trim().split(/\s+/);
  const exe = process.env.PHIEU_I18N_EXPORT;
  if (!exe) throw new Error('page-words: PHIEU_I18N_EXPORT (the phieu-i18n-export program) is not set');
  const json = execFileSync(exe, [dir, ...keys], { encoding: 'utf8' }).trim();
  JSON.parse(json);
  html = html.replace(re, (_, open, _keys, close) => `${open}${json}${close}`);
  await writeFile(page, html);
  console.log(`${page}: ${keys.length} entries of i18n/ written for its first drawing`);
}
