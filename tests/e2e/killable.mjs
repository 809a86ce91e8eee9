// A system Chromium as a process of its own, on a persistent profile (so IndexedDB outlives it),
// driven over the DevTools protocol, that a journey can kill outright (SIGKILL, as a power cut
// or a crash would) or close the way a person closes the browser. Used by the soak journey and the killed-browser tests of the meeting and the field survey.
import { spawn } from 'node:child_process';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from './support.mjs';

/**
 * Starts Chromium on `profile` with `url` open (it starts loading while we connect); resolves
 * with { child, cdp, page, kill, close }.
 */
export async function startChromium(profile, url = 'about:blank') {
  const child = spawn(
    process.env.CHROMIUM ?? '/usr/bin/chromium',
    [...CHROMIUM_ARGS, '--headless=new', '--remote-debugging-port=0', `--user-data-dir=${profile}`, url],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const exited = new Promise((ok) => child.once('exit', ok));
  const endpoint = await new Promise((ok, fail) => {
    let err = '';
    const onData = (d) => {
      err += d;
      const m = err.match(/DevTools listening on (ws:\/\/\S+)/);
      if (m) {
        child.stderr.off('data', onData);
        // Keep draining stderr so that Chromium never blocks on a full pipe.
        child.stderr.resume();
        ok(m[1]);
      }
    };
    child.stderr.on('data', onData);
    exited.then(() => fail(new Error(`chromium exited before listening: ${err}`)));
  });
  const cdp = await chromium.connectOverCDP(endpoint);
  const context = cdp.contexts()[0];
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    child,
    cdp,
    page,
    /** SIGKILL: nothing is flushed or closed. */
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
    /** The browser closes itself (Browser.close), as when a person closes it. */
    async close() {
      const session = await cdp.newBrowserCDPSession();
      await session.send('Browser.close').catch(() => {});
      await exited;
    },
  };
}
