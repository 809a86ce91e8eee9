// Writes into DIR/sw.js the list of every built file and a version hashed from their contents,
// so the service worker precaches exactly this build: every page and everything they fetch.
// scripts/build runs it over the final dist/:   node scripts/sw-precache.mjs DIR
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

const dir = process.argv[2];
if (!dir) throw new Error('usage: node scripts/sw-precache.mjs DIR');

async function walk(d) {
  const out = [];
  for (const entry of await readdir(d, { withFileTypes: true })) {
    const path = join(d, entry.name);
    if (entry.isDirectory()) out.push(...(await walk(path)));
    else out.push(path);
  }
  return out;
}

const files = (await walk(dir)).map((f) => relative(dir, f).split('\\').join('/')).filter((f) => f !== 'sw.js').sort();
const hash = createHash('sha256');
for (const f of files) hash.update(f).update(await readFile(join(dir, f)));
const version = hash.digest('hex').slice(0, 16);

const swPath = join(dir, 'sw.js');
const sw = (await readFile(swPath, 'utf8'))
  .replace(/^const VERSION = .*$/m, `const VERSION = '${version}';`)
  .replace(/^const PRECACHE = .*$/m, `const PRECACHE = ${JSON.stringify(files)};`);
await writeFile(swPath, sw);
console.log(`sw.js: ${files.length} files precached, version ${version}`);
