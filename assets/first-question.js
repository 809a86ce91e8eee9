// first-question.js: the survey page's first question, drawn while the app's WebAssembly is
// still loading (issue 21; ARCHITECTURE.md, "The first question before the wasm").
//
// survey.html?src=POLL loads this small script before anything else. It fetches the poll (the
// app takes that same response over: one download) and, when the page's first screen will
// certainly be that poll's first question, draws it with the app's own markup and classes and
// the words of i18n/ (scripts/build writes them into the page, `#phieu-words`). A tap on an
// option is kept here, in `window.phieuEarly`, and so is a tap on Tiếp; the app, once it has
// opened the new respondent's form, takes both over (`src/edge/early.rs`), shows its own drawing with the option
// chosen, and removes this one. Nothing is stored here, and nothing is drawn when the first
// screen could be anything else:
//   - the app is already running (it claims `phieuEarly` first);
//   - the poll is not a plain survey (a decision by household forms starts with its roll), or
//     it is written in a third language (each respondent picks a language first);
//   - the first item is not a single choice or a scale, or has skip logic or a person;
//   - a session of this poll may be in progress on this device (the app's resume screen comes
//     first): the app notes the polls of its open sessions in localStorage `phieu.field.unfinished`;
//     without that note, a device that has ever stored anything of phieu is not drawn for.
// Whatever this draws, the app redraws from the poll it checks itself; the progress line's
// count is the items without skip logic, which is what the app counts before any answer (every
// condition of skip logic asks for an answer given).
(() => {
  'use strict';
  const params = new URLSearchParams(location.search);
  const src = params.get('src');
  // The app takes only a relative address on this server (src/edge/route.rs, survey_src).
  // `phieuEarly` is there already when the app started first (it claims it).
  if (!src || !src.trim() || /[:]|^[/\\]/.test(src) || window.phieuEarly) return;

  let settle;
  const early = {
    src,
    /** Resolves once the question is drawn or will not be: the app starts then (at most 1 s later). */
    settled: new Promise((ok) => (settle = ok)),
    // Set by the app when it starts: from then on nothing is drawn here.
    claimed: false,
    // The app has taken the answer over: taps here are no longer kept.
    taken: false,
    /** The answer tapped here: { item, option } or null. */
    answer: null,
    /** Tiếp was tapped here (after the answer, or without one): the app goes on as if on its own. */
    forward: false,
    /** The poll's download: { text } | { status } | { error }. */
    poll: fetch(src, { priority: 'high' }).then(
      (r) => (r.ok ? r.text().then((text) => ({ text }), (e) => ({ error: String(e) })) : { status: r.status }),
      (e) => ({ error: String(e?.message ?? e) }),
    ),
    /** The app's own drawing is on the screen: this one goes. */
    dismiss() {
      early.taken = true;
      document.getElementById('phieu-early')?.remove();
      document.body?.classList.remove('phieu-early-shown');
    },
  };
  window.phieuEarly = early;

  // Asked at once, beside the poll's download (it is only needed when there is no note).
  const storedNothing =
    typeof indexedDB?.databases === 'function'
      ? indexedDB.databases().then((dbs) => dbs.length === 0, () => false)
      : Promise.resolve(false);

  /** Whether a session of poll `id` may be open on this device. */
  async function mayBeOpen(id) {
    let note = null;
    try {
      note = localStorage.getItem('phieu.field.unfinished');
    } catch {
      return true;
    }
    if (note == null) return !(await storedNothing);
    try {
      const ids = JSON.parse(note);
      return !Array.isArray(ids) || ids.includes(id);
    } catch {
      return true;
    }
  }

  const isText = (t) => t != null && typeof t === 'object' && typeof t.vi === 'string';
  /** Whether any text of the poll has a language besides vi and en. */
  function thirdLanguage(value) {
    if (Array.isArray(value)) return value.some(thirdLanguage);
    if (value == null || typeof value !== 'object') return false;
    if (isText(value)) return Object.keys(value).some((k) => k !== 'vi' && k !== 'en');
    return Object.values(value).some(thirdLanguage);
  }

  /** The first item, when the first screen is certainly it; else null. */
  function firstQuestion(poll) {
    if (poll?.format !== 'phieu/poll' || poll.kind !== 'survey' || !Array.isArray(poll.items)) return null;
    if (thirdLanguage(poll)) return null;
    const item = poll.items[0];
    if (!item || (item.type !== 'single' && item.type !== 'scale')) return null;
    if (item.show_if != null || item.person != null || typeof item.id !== 'string') return null;
    if (!isText(item.label) || !Array.isArray(item.options) || item.options.length === 0) return null;
    if (!item.options.every((o) => typeof o?.id === 'string' && isText(o.label))) return null;
    return item;
  }

  function words() {
    const el = document.getElementById('phieu-words');
    if (!el) return null;
    try {
      return JSON.parse(el.textContent);
    } catch {
      return null;
    }
  }

  /** The interface language as the app picks it (src/edge/prefs.rs): ?lang=, the stored one, vi. */
  function language(known) {
    let stored = null;
    try {
      stored = localStorage.getItem('phieu.lang');
    } catch {}
    for (const code of [params.get('lang'), stored]) if (code && known.includes(code)) return code;
    return 'vi';
  }

  /** An entry with its placeholders filled, as the generated methods fill them. */
  const fill = (text, values = {}) =>
    text.replace(/\{\{|\}\}|\{([a-z0-9_]+)\}/g, (m, name) => (m === '{{' ? '{' : m === '}}' ? '}' : String(values[name])));

  function el(tag, attrs = {}, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    e.append(...children);
    return e;
  }

  function draw(poll, item, w) {
    const codes = w.languages.map((l) => l.code);
    const lang = language(codes);
    const t = (key, values) => fill(w.words[lang][key], values);
    const next = w.languages[(codes.indexOf(lang) + 1) % codes.length];
    const text = (x) => x[lang] ?? x.vi;
    const shown = poll.items.filter((i) => i.show_if == null).length;
    const labelId = 'phieu-early-label';

    const choices = el('div', { role: 'radiogroup', 'aria-labelledby': labelId, class: 'choices' });
    item.options.forEach((o, i) => {
      const mark = el('span', { 'aria-hidden': 'true', class: 'choice-mark' });
      const button = el(
        'button',
        { type: 'button', role: 'radio', 'aria-checked': 'false', tabindex: i === 0 ? '0' : '-1', class: 'choice' },
        mark,
        el('span', { lang, class: 'choice-label' }, text(o.label)),
      );
      button.addEventListener('click', () => {
        if (early.taken) return;
        early.answer = { item: item.id, option: o.id };
        for (const b of choices.children) {
          const on = b === button;
          b.setAttribute('aria-checked', String(on));
          b.classList.toggle('chosen', on);
          b.tabIndex = on ? 0 : -1;
          b.firstChild.textContent = on ? '✓' : '';
        }
      });
      choices.append(button);
    });

    const forward = el('button', { type: 'button', class: 'button button-big' }, `${t('kiosk.next')} →`);
    forward.addEventListener('click', () => {
      if (!early.taken) early.forward = true;
    });

    const header = el(
      'header',
      { class: 'topbar' },
      el('div', { class: 'brand' }, el('span', { class: 'brand-name' }, t('app.app_name')), el('span', { class: 'brand-tagline' }, t('app.tagline'))),
      // The app's language switch works once the app runs; here it only shows where it will be.
      el('button', { type: 'button', lang: next.code, title: t('app.switch_to_label', { name: next.name }), class: 'lang-switch', disabled: '' }, next.name),
    );
    const question = el(
      'div',
      { class: 'voter-question' },
      el('p', { class: 'progress' }, t('kiosk.question_of', { i: 1, n: shown })),
      el(
        'section',
        { class: 'question' },
        el('h1', { id: labelId, lang, class: 'question-label' }, text(item.label)),
        el('p', { class: 'question-how' }, t('kiosk.choose_one')),
        choices,
      ),
      el('div', { class: 'voter-nav voter-nav-first' }, forward),
    );
    const staff = el(
      'div',
      { class: 'field-staff-bar' },
      el('p', { class: 'hint' }, t('field.staff_hint')),
      el('button', { type: 'button', class: 'button button-secondary', disabled: '' }, t('field.staff_button')),
    );
    const main = el('main', { class: 'page' }, el('div', { class: 'field-respondent' }, el('div', { class: 'voter' }, question), staff));
    document.documentElement.lang = lang;
    document.body.prepend(el('div', { id: 'phieu-early' }, header, main));
    document.body.classList.add('phieu-early-shown');
  }

  // The page is parsed (readyState "interactive"): not DOMContentLoaded, which waits for the
  // app's start-up module, and so for the wasm.
  const bodyReady = new Promise((ok) => {
    if (document.readyState !== 'loading') return ok();
    const parsed = () => {
      if (document.readyState === 'loading') return;
      document.removeEventListener('readystatechange', parsed);
      ok();
    };
    document.addEventListener('readystatechange', parsed);
  });

  Promise.all([early.poll, bodyReady])
    .then(async ([got]) => {
      if (early.claimed || !got.text) return;
      const poll = JSON.parse(got.text);
      const item = firstQuestion(poll);
      const w = words();
      if (!item || !w || (await mayBeOpen(poll.id)) || early.claimed) return;
      draw(poll, item, w);
    })
    // Anything unexpected: draw nothing, and the app draws the page as it always has.
    .catch(() => {})
    .finally(() => settle());
})();
