// Trunk post_build hook: writes into the staged sw.js the list of every built file and a
// version hashed from their contents, so the service worker precaches exactly this build.
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('TRUNK_STAGING_DIR is not set: run this as a Trunk hook');

async function walk(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await walk(path)));
    else out.push(path);
  }
  return out;
}

const files = (await walk(staging)).map((f) => relative(staging, f).split('\\').join('/')).filter((f) => f !== 'sw.js').sort();
const hash = createHash('sha256');
for (const f of files) hash.update(f).update(await readFile(join(staging, f)));
const version = hash.digest('hex').slice(0, 16);

const swPath = join(staging, 'sw.js');
const sw = (await readFile(swPath, 'utf8'))
  .replace(/^const VERSION = .*$/m, `const VERSION = '${version}';`)
  .replace(/^const PRECACHE = .*$/m, `const PRECACHE = ${JSON.stringify(files)};`);
await writeFile(swPath, sw);
console.log(`sw.js: ${files.length} files precached, version ${version}`);
