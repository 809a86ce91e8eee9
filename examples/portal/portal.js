// The portal's own script (examples/portal): what a portal developer writes around phieu.
// It logs every event and message phieu sends, closes the kiosk from the officer's button, and
// sizes the iframe from its `resize` messages. Everything received is also kept in
// window.received, for the journeys (tests/e2e/embed.spec.mjs).
const APP_ORIGIN = new URL(document.querySelector('script[src$="/phieu.js"]').src).origin;
const log = document.getElementById('log');
window.received = [];

function note(way, id, type, detail) {
  window.received.push({ way, id, type, detail });
  if (type === 'resize') return;
  const li = document.createElement('li');
  const what = document.createElement('strong');
  what.textContent = `${way === 'iframe' ? 'iframe' : `<phieu-poll id="${id}">`} ${type}`;
  const body = document.createElement('code');
  body.textContent = JSON.stringify(detail);
  li.append(what, ' ', body);
  log.prepend(li);
}

// Way 1: events on the element (they bubble, so one listener on the page hears every poll).
for (const type of ['ready', 'cast', 'closed', 'error']) {
  document.addEventListener(`phieu-${type}`, (e) => note('element', e.target.id, type, e.detail));
}

document.getElementById('kiosk-close').addEventListener('click', () => {
  // A real portal checks here that the signed-in user is the meeting's officer.
  try {
    document.getElementById('kiosk').close();
  } catch (e) {
    note('element', 'kiosk', 'error', { message: e.message });
  }
});

// Way 2: the iframe. Only messages from phieu's origin and from this very frame are read.
const frame = document.getElementById('frame');
window.addEventListener('message', (event) => {
  if (event.origin !== APP_ORIGIN || event.source !== frame.contentWindow) return;
  const m = event.data;
  if (!m || m.phieu !== 1) return;
  const { phieu, type, ...detail } = m;
  if (type === 'resize') frame.style.height = `${detail.height}px`;
  note('iframe', 'frame', type, detail);
});
