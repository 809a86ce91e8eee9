// A real `phieu collect` for the journeys, on 127.0.0.1 with one token, its database in `dir`.
import { before, after } from 'node:test';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root, serve, launch } from './support.mjs';

/** Starts `phieu collect` on a free port, allowing `origin`; resolves with its URL once it prints it. */
export function startCollector(origin, dir, token) {
  const binary = join(root, 'target/debug/phieu');
  for (const needed of [binary, join(root, 'target/debug/phieu-collect')]) {
    if (!existsSync(needed)) throw new Error(`${needed} is missing: run cargo build -p phieu-cli -p phieu-collector first`);
  }
  const child = spawn(
    binary,
    ['collect', '--listen', '127.0.0.1:0', '--database', `sqlite://${join(dir, 'collect.db')}`,
      '--token', `portal=${token}`, '--allow-origin', origin],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const url = out.match(/http:\/\/127\.0\.0\.1:\d+\//);
      if (url) resolve({ url: url[0], stop: () => child.kill('SIGINT') });
    });
    child.stderr.on('data', (chunk) => (out += chunk));
    child.on('exit', (code) => reject(new Error(`phieu collect exited ${code}: ${out}`)));
    child.on('error', reject);
  });
}


/** The app served, a browser and a collector for the page's origin with `token`, started before
 * a file's tests and stopped after them (as `harness` in support.mjs, with the collector). */
export function portalHarness(token, name) {
  const h = { server: null, browser: null, collector: null };
  let work;
  before(async () => {
    h.server = await serve();
    h.browser = await launch();
    work = await mkdtemp(join(tmpdir(), `phieu-${name}-`));
    h.collector = await startCollector(h.server.url.replace(/\/$/, ''), work, token);
  });
  after(async () => {
    h.collector?.stop();
    await h.browser?.close();
    await h.server?.close();
    await rm(work, { recursive: true, force: true });
  });
  return h;
}
