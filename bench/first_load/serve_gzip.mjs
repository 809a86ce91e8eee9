// A static server for the first-load benchmark that answers as a portal's web server would:
// every file gzip-compressed (Content-Encoding: gzip, level 9, compressed once and kept in
// memory), with its length. Listens on 127.0.0.1 at a free port.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync, constants } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/**
 * Serves `mounts`, a list of [url prefix, directory] (longest prefix first), gzip-compressed.
 * Returns { url, close }.
 */
export async function serveGzip(mounts) {
  const roots = mounts
    .map(([prefix, dir]) => [prefix, resolve(dir)])
    .sort((a, b) => b[0].length - a[0].length);
  const cache = new Map();
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const mount = roots.find(([prefix]) => path.startsWith(prefix));
    if (!mount) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const [prefix, dir] = mount;
    const rest = path.slice(prefix.length);
    const file = normalize(join(dir, rest === '' || rest.endsWith('/') ? rest + 'index.html' : rest));
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    let body = cache.get(file);
    if (!body) {
      try {
        body = gzipSync(await readFile(file), { level: constants.Z_BEST_COMPRESSION });
      } catch {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      cache.set(file, body);
    }
    const gzip = /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
    if (!gzip) {
      res.writeHead(406, { 'content-type': 'text/plain' }).end('this server only sends gzip');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-encoding': 'gzip',
      'content-length': body.length,
      'cache-control': 'no-cache',
      vary: 'accept-encoding',
    });
    res.end(body);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((ok) => server.close(ok)) };
}
