// Accessibility checks shared by the accessibility journey: axe-core on the page as it stands
// (in Vietnamese, then in English through the header's language switch), touch-target sizes,
// and the page at 200% zoom.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { root } from './support.mjs';

const AXE = await readFile(join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');

/** The smallest touch target we accept on a voter's screen, in CSS px (WCAG 2.5.5 asks 44). */
export const TARGET = 48;

/** Every violation axe finds on the page, with its impact and the first few nodes. */
export async function axeViolations(page) {
  // Evaluated through DevTools rather than added as a <script>, so a Content-Security-Policy
  // without 'unsafe-inline' does not stop it.
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(AXE);
  const result = await page.evaluate(() =>
    window.axe.run(document, { resultTypes: ['violations'] }).then((r) =>
      r.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')}: ${(n.failureSummary ?? '').split('\n').slice(1, 3).join(' ')}`),
      })),
    ),
  );
  return result;
}

/** What every state's axe run found, for the closing summary. */
export const findings = { states: 0, minor: new Map() };

/**
 * Runs axe on the page (or one frame of it) in Vietnamese and, through the header's switch, in
 * English, and back. Fails on any serious or critical violation, and on a page without a
 * level-one heading (a screen reader's user jumps to it first); counts the other minor and
 * moderate ones. `switchIn`: where the language switch is when the page has several (an embedded
 * poll). `hosted`: the poll sits inside a host's page (the element, the iframe), whose own
 * headings come first, so it has none of level one.
 */
export async function axeBothLanguages(page, state, { print = false, switchIn = page, hosted = false } = {}) {
  for (const lang of ['vi', 'en']) {
    if (lang === 'en') await switchLanguage(switchIn, 'English');
    // The switch is a screen control: print media is emulated only while axe runs.
    if (print) await page.emulateMedia({ media: 'print' });
    const violations = await axeViolations(page);
    const grave = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    assert.deepEqual(grave, [], `${state} (${lang}): ${JSON.stringify(grave, null, 2)}`);
    if (!hosted) assert.ok(!violations.some((v) => v.id === 'page-has-heading-one'), `${state} (${lang}): no level-one heading`);
    for (const v of violations) {
      const rule = `${v.id} (${v.impact})`;
      findings.minor.set(rule, [...(findings.minor.get(rule) ?? []), `${state} ${lang}`]);
    }
    findings.states++;
    if (print) await page.emulateMedia({ media: 'screen' });
  }
  await switchLanguage(switchIn, 'Tiếng Việt');
}

/** The closing line of an accessibility journey: how many states, and what minor things axe found. */
export function summary() {
  const minor = [...findings.minor.entries()].map(([rule, where]) => `${rule} on ${where.length} (${where.slice(0, 4).join('; ')}${where.length > 4 ? '; …' : ''})`);
  return `a11y: ${findings.states} page states checked (VI and EN), 0 serious or critical; minor or moderate: ${minor.join(', ') || 'none'}`;
}

async function switchLanguage(scope, to) {
  await scope.getByRole('button', { name: to, exact: true }).click();
  // The switch now offers the other language.
  await scope.getByRole('button', { name: to === 'English' ? 'Tiếng Việt' : 'English', exact: true }).waitFor();
}

/**
 * Every control on the page (or frame) smaller than `min` × `min` CSS px: "what WxH". Looks into
 * open shadow roots. `host`: a selector; only the controls inside that element count (an
 * embedded poll on a portal's page). `labels`: a checkbox or radio button is measured with its
 * label when the label wraps it, since a tap anywhere on that label ticks it.
 */
export async function smallTargets(page, { min = TARGET, host = null, labels = false } = {}) {
  return page.evaluate(({ min, host, labels }) => {
    const selector =
      'button, a[href], input:not([type=hidden]), select, textarea, [role=button], [role=radio], [role=checkbox]';
    const controls = [];
    const collect = (root) => {
      controls.push(...root.querySelectorAll(selector));
      for (const el of root.querySelectorAll('*')) if (el.shadowRoot) collect(el.shadowRoot);
    };
    const start = host ? document.querySelector(host) : document;
    if (!start) throw new Error(`no ${host} on the page`);
    collect(start.shadowRoot ?? start);
    const small = [];
    for (const el of controls) {
      const own = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      if (own.width === 0 || own.height === 0 || style.visibility === 'hidden') continue;
      const wrap = labels && (el.type === 'checkbox' || el.type === 'radio') ? el.closest('label') : null;
      const r = wrap ? wrap.getBoundingClientRect() : own;
      if (r.width < min || r.height < min) {
        const name = (el.getAttribute('aria-label') || el.textContent || el.id || el.tagName).trim().slice(0, 40);
        small.push(`${el.tagName.toLowerCase()} "${name}" ${Math.round(r.width)}×${Math.round(r.height)}`);
      }
    }
    return small;
  }, { min, host, labels });
}

/** The two tablet sizes at 200% zoom: the CSS viewport is half of the screen's. */
export const ZOOMED = {
  'tablet-landscape@200%': { width: 640, height: 400 },
  'tablet-portrait@200%': { width: 400, height: 640 },
};

/**
 * At 200% zoom (each of ZOOMED): nothing scrolls sideways, and `action` (a locator: the button
 * that moves the voter on) can be scrolled to and is the element under its own centre, so a
 * tap reaches it. Restores `viewport` after.
 */
export async function usableZoomed(page, state, action, viewport) {
  for (const [name, size] of Object.entries(ZOOMED)) {
    await page.setViewportSize(size);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `${state} at ${name}: scrolls ${overflow} px sideways`);
    if (action) {
      await action.scrollIntoViewIfNeeded();
      const reachable = await action.evaluate((el) => {
        const r = el.getBoundingClientRect();
        const x = r.left + r.width / 2;
        const y = r.top + r.height / 2;
        const inside = x >= 0 && y >= 0 && x <= innerWidth && y <= innerHeight;
        // Asked of the root the button is in, so a button in a shadow root is found, not its host.
        const hit = el.getRootNode().elementFromPoint(x, y);
        return inside && !!hit && (hit === el || el.contains(hit));
      });
      assert.ok(reachable, `${state} at ${name}: the button is not reachable`);
    }
  }
  await page.setViewportSize(viewport);
}
