// A real `phieu collect` for the journeys, on 127.0.0.1 with one token, its database in `dir`.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './support.mjs';

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

