// What embedding phieu costs a portal's page, each way, in gzip -9 bytes: the files the
// browser fetches for one page with polls on it (docs/embedding.md §Sizes).
//   node examples/portal/size.mjs [DIST]        (default: dist)
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync, constants } from 'node:zlib';

const dist = process.argv[2] ?? 'dist';
const gz = async (f) => {
  const raw = await readFile(join(dist, f));
  return { f, raw: raw.length, gzip: gzipSync(raw, { level: constants.Z_BEST_COMPRESSION }).length };
};
// embed.html's start-up script, moved out of the page for the CSP (scripts/csp-page.mjs).
const init = (await readdir(dist)).find((f) => /^embed-init-[0-9a-f]+\.js$/.test(f));
const WAYS = {
  'way 1: <phieu-poll> / phieu.mount()': ['phieu.js', 'phieu-embed.js', 'phieu-embed_bg.wasm', 'embed.css'],
  'way 2: iframe (embed.html)': ['embed.html', init, 'embed-origins.json', 'phieu-embed.js', 'phieu-embed_bg.wasm', 'embed.css'],
};
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log('| way | files | raw | gzip -9 |');
console.log('|---|---|---|---|');
for (const [way, files] of Object.entries(WAYS)) {
  const sizes = await Promise.all(files.map(gz));
  const sum = (k) => sizes.reduce((a, s) => a + s[k], 0);
  const detail = sizes.map((s) => `\`${s.f}\` ${s.gzip.toLocaleString('en')}`).join(' + ');
  console.log(`| ${way} | ${detail} | ${kb(sum('raw'))} | **${sum('gzip').toLocaleString('en')} B (${kb(sum('gzip'))})** |`);
}
