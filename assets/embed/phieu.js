// phieu.js: the <phieu-poll> element and phieu.mount() for a portal's page (docs/embedding.md).
// An ES module with no dependency; it loads phieu-embed.js and phieu-embed_bg.wasm from its own
// folder on first use, so the page pays for the poll only where there is one.
//
//   <script type="module" src="https://phieu.example.gov.vn/phieu.js"></script>
//   <phieu-poll src="polls/demo.json" lang="vi" mode="kiosk"></phieu-poll>
//
// Every poll renders into its own shadow root with its own stylesheet (embed.css), keeps its own
// state, and reports to the host by events on the element: phieu-ready, phieu-cast (the receipt
// code only), phieu-closed (tally and fingerprint), phieu-error.

const base = new URL('.', import.meta.url);
/** The version of the events and messages (the `phieu` field of every iframe message). */
export const VERSION = 1;
const EVENTS = ['ready', 'cast', 'closed', 'error'];
const OPTIONS = ['mode', 'lang', 'src', 'box', 'electorate'];

let wasm = null;
function load() {
  wasm ??= import(new URL('phieu-embed.js', base).href).then(async (glue) => {
    await glue.default({ module_or_path: new URL('phieu-embed_bg.wasm', base) });
    return glue;
  });
  return wasm;
}

function stylesheet(root) {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = new URL('embed.css', base).href;
  const loaded = new Promise((ok) => {
    link.addEventListener('load', ok, { once: true });
    link.addEventListener('error', ok, { once: true });
  });
  root.append(link);
  return loaded;
}

const TALLY_NOT_YET =
  'phieu: getTally() is only available after voting has closed (the phieu-closed event). ' +
  'In kiosk mode call close() first; in results mode wait for phieu-closed. ' +
  'Survey mode never has a tally on the respondent\'s device.';

/**
 * Mounts a poll into `el` (any element; it gets a shadow root). Options: mode ('kiosk' |
 * 'survey' | 'results'), lang ('vi' | 'en'), src (poll or bundle URL) or poll (an object or
 * JSON text), box, electorate. Resolves with { unmount, on, getTally, close, setLang, loadPoll }.
 */
export async function mount(el, options = {}) {
  if (!(el instanceof Element)) throw new TypeError('phieu.mount: the first argument must be an element');
  const listeners = new Map(EVENTS.map((e) => [e, new Set()]));
  let tally = null;
  let mounted = null;
  const emit = (type, json) => {
    const detail = JSON.parse(json);
    if (type === 'closed') tally = detail;
    el.dispatchEvent(new CustomEvent(`phieu-${type}`, { detail, bubbles: true, composed: true }));
    for (const fn of listeners.get(type) ?? []) fn(detail);
  };
  const root = el.shadowRoot ?? el.attachShadow({ mode: 'open' });
  root.replaceChildren();
  const div = document.createElement('div');
  div.className = 'phieu-root';
  const [glue] = await Promise.all([load(), stylesheet(root)]);
  root.append(div);
  const given = {};
  for (const key of OPTIONS) {
    if (options[key] != null && options[key] !== '') given[key] = String(options[key]);
  }
  if (options.poll != null) {
    given.poll = typeof options.poll === 'string' ? options.poll : JSON.stringify(options.poll);
  }
  try {
    mounted = glue.mount(div, JSON.stringify(given), emit);
  } catch (e) {
    const message = String(e?.message ?? e);
    div.setAttribute('role', 'alert');
    div.textContent = message;
    el.dispatchEvent(
      new CustomEvent('phieu-error', { detail: { code: 'options', message }, bubbles: true, composed: true }),
    );
    throw new Error(`phieu.mount: ${message}`);
  }
  const send = (message) => {
    if (!mounted) throw new Error('phieu: this poll was unmounted');
    mounted.send(JSON.stringify({ phieu: VERSION, ...message }));
  };
  return {
    unmount() {
      mounted?.unmount();
      mounted?.free();
      mounted = null;
      root.replaceChildren();
    },
    /** Listens to 'ready' | 'cast' | 'closed' | 'error' (or 'phieu-…'); returns a function that stops. */
    on(event, fn) {
      const set = listeners.get(String(event).replace(/^phieu-/, ''));
      if (!set) throw new Error(`phieu: no event "${event}"; use ${EVENTS.join(', ')}`);
      set.add(fn);
      return () => set.delete(fn);
    },
    getTally() {
      if (!tally) throw new Error(TALLY_NOT_YET);
      return structuredClone(tally);
    },
    /** Kiosk: closes voting; the tally arrives as 'closed'. Your portal decides who may. */
    close: () => send({ type: 'close' }),
    setLang: (lang) => send({ type: 'set-lang', lang }),
    loadPoll: (source) =>
      send(typeof source === 'string' ? { type: 'load-poll', url: source } : { type: 'load-poll', poll: source }),
  };
}

/** <phieu-poll>: the attributes of mount()'s options; an inline poll is a
 * <script type="application/json"> child. */
class PhieuPoll extends HTMLElement {
  static observedAttributes = ['lang', 'src', 'mode', 'box', 'electorate'];
  #handle = null;
  #mounting = null;

  connectedCallback() {
    if (!this.#mounting) this.#mount();
  }

  disconnectedCallback() {
    const mounting = this.#mounting;
    this.#mounting = null;
    // Moved within the page: connectedCallback comes right after and mounts again.
    mounting?.then(() => this.#handle?.unmount()).catch(() => {});
    this.#handle = null;
  }

  attributeChangedCallback(name, old, value) {
    if (!this.#handle || old === value) return;
    if (name === 'lang') this.#handle.setLang(value || 'vi');
    else this.#remount();
  }

  #options() {
    const options = {};
    for (const key of OPTIONS) {
      const value = this.getAttribute(key);
      if (value != null) options[key] = value;
    }
    const inline = this.querySelector('script[type="application/json"]');
    if (inline && !options.src) options.poll = inline.textContent;
    return options;
  }

  #mount() {
    this.#mounting = mount(this, this.#options()).then(
      (handle) => {
        this.#handle = handle;
      },
      () => {},
    );
  }

  #remount() {
    this.#handle?.unmount();
    this.#handle = null;
    this.#mount();
  }

  /** Kiosk: closes voting (see mount()). */
  close() {
    if (!this.#handle) throw new Error('phieu: the poll is not ready yet (wait for phieu-ready)');
    this.#handle.close();
  }

  getTally() {
    if (!this.#handle) throw new Error(TALLY_NOT_YET);
    return this.#handle.getTally();
  }
}

if (!customElements.get('phieu-poll')) customElements.define('phieu-poll', PhieuPoll);

/** For pages without modules: window.phieu.mount(el, options). */
globalThis.phieu ??= { mount, VERSION };
