// The two pages the first-load benchmark compares, and how it knows the first question is
// clickable. Shared by bench/first_load.mjs and the smoke journey tests/e2e/bench_pages.spec.mjs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveGzip } from './serve_gzip.mjs';

export const root = fileURLToPath(new URL('../../', import.meta.url));

const poll = JSON.parse(readFileSync(join(root, 'assets/polls/survey20.json'), 'utf8'));
/** The first question of the survey and the label of its first option, in Vietnamese. */
export const FIRST = { question: poll.items[0].label.vi, option: poll.items[0].options[0].label.vi };

/** The phieu page the benchmark opens on the release build: the field-survey page's respondent form. */
export const PHIEU_PATH = 'survey.html?src=polls/survey20.json';

/** Serves the SurveyJS page (bench/first_load/surveyjs/) and the two npm packages it loads. */
export function serveSurveyjs() {
  return serveGzip([
    ['/node_modules/survey-core/', join(root, 'node_modules/survey-core')],
    ['/node_modules/survey-js-ui/', join(root, 'node_modules/survey-js-ui')],
    ['/', join(root, 'bench/first_load/surveyjs')],
  ]);
}

/** Serves a release build of phieu (the directory Trunk wrote), and at /bench-portal/ a
 * portal's page with the survey embedded as <phieu-poll> (bench/first_load/portal/). */
export function servePhieu(dist) {
  return serveGzip([
    ['/bench-portal/', join(root, 'bench/first_load/portal')],
    ['/', dist],
  ]);
}

/**
 * Runs in the page before any of its own scripts (an init script). On every animation frame
 * from navigation start it looks, in the page and in the shadow root of any <phieu-poll>, for:
 *  - `question`: the first question's text is in the document and its first option ("Hài
 *    lòng": a radio input or an element with role="radio" whose label reads exactly that) is
 *    visible (a non-empty box, not hidden by CSS) and enabled; and
 *  - `interactive`: any visible, enabled control (button, link, input, select, textarea,
 *    radio or checkbox role), whatever it is.
 * Each is the page's own clock (performance.now(), milliseconds since navigation start) in the
 * first frame where it holds, also left as a performance mark (`bench:first-question`,
 * `bench:first-interactive`) for a trace. When the one the benchmark waits for (`until`)
 * holds, it calls window.__firstLoadDone(state).
 *
 * With `tap`, it taps the first option in that same frame (a click on it, or on its label), as
 * a respondent who taps the moment it appears: the benchmark then checks, once the page has
 * finished loading, that the answer was kept (issue 21: "answerable" means such a tap is not
 * lost, so a question drawn before the app can take it does not count).
 */
export function probe({ question, option, until, tap = false }) {
  const state = { question: null, interactive: null, interactiveWhat: null, timeOrigin: performance.timeOrigin };
  // The page and the shadow roots of any <phieu-poll> on it (the embedded poll draws there).
  const roots = () => [document, ...[...document.querySelectorAll('phieu-poll')].map((e) => e.shadowRoot).filter(Boolean)];
  const all = (selector) => roots().flatMap((r) => [...r.querySelectorAll(selector)]);
  window.__firstLoad = state;
  const target = (el) => el.closest('label') ?? el;
  const visible = (el) => {
    const t = target(el);
    const box = t.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && (!t.checkVisibility || t.checkVisibility({ visibilityProperty: true }));
  };
  const enabled = (el) => !el.disabled && !el.closest('[aria-disabled="true"], fieldset[disabled], [inert]');
  const describe = (el) =>
    `<${el.tagName.toLowerCase()}${el.getAttribute('role') ? ` role=${el.getAttribute('role')}` : ''}> ` +
    JSON.stringify(target(el).textContent.trim().slice(0, 40));
  const CONTROLS = 'button, a[href], input:not([type=hidden]), select, textarea, [role=radio], [role=checkbox], [role=button]';
  const tick = () => {
    const now = performance.now();
    if (state.interactive === null) {
      for (const el of all(CONTROLS)) {
        if (visible(el) && enabled(el)) {
          state.interactive = now;
          state.interactiveWhat = describe(el);
          performance.mark('bench:first-interactive');
          break;
        }
      }
    }
    if (state.question === null && roots().some((r) => (r.body ?? r).textContent?.includes(question))) {
      const first = all('input[type=radio], [role=radio]').find(
        (el) => target(el).textContent.trim() === option,
      );
      if (first && visible(first) && enabled(first)) {
        state.question = now;
        performance.mark('bench:first-question');
        if (tap) target(first).click();
      }
    }
    if (state[until] !== null) window.__firstLoadDone?.(state);
    else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}
