// Serves the example portal (examples/portal) on 127.0.0.1, on another port than phieu's build,
// so the portal and phieu are two origins as on the web. {{APP}}, {{APP_ORIGIN}} and
// {{PORTAL_ORIGIN}} in index.html become the app's address and the two origins.
//   node examples/portal/serve.mjs [PORT] [APP_URL]     (8081, http://127.0.0.1:8080/)
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TYPES } from '../../scripts/serve.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));

/** Serves the portal at a port (0: a free one), pointing at `app`. Resolves with { url, origin, close }. */
export async function servePortal(app, port = 0) {
  const root = resolve(here);
  const appUrl = new URL(app).href;
  let origin = '';
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const file = normalize(join(root, path.endsWith('/') ? path + 'index.html' : path));
    if (!file.startsWith(root) || file.endsWith('.mjs')) {
      res.writeHead(404).end();
      return;
    }
    try {
      let body = await readFile(file);
      if (extname(file) === '.html') {
        body = body
          .toString()
          .replaceAll('{{APP_ORIGIN}}', new URL(appUrl).origin)
          .replaceAll('{{APP}}', appUrl)
          .replaceAll('{{PORTAL_ORIGIN}}', encodeURIComponent(origin));
      }
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', ok);
  });
  origin = `http://127.0.0.1:${server.address().port}`;
  return { url: `${origin}/`, origin, close: () => new Promise((ok) => server.close(ok)) };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [port = '8081', app = 'http://127.0.0.1:8080/'] = process.argv.slice(2);
  const { url } = await servePortal(app, Number(port));
  console.log(`portal example at ${url} (phieu from ${app}; Ctrl-C stops it)`);
}
