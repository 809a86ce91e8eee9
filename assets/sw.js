// phieu's service worker: after one visit the app opens and runs with the network off.
// The build (scripts/sw-precache.mjs, a Trunk post_build hook) writes the list of files and a
// version derived from their contents into the two lines below; a new build is a new cache.
const VERSION = 'dev';
const PRECACHE = [];

const CACHE = `phieu-${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(['./', ...PRECACHE])).then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('phieu-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

// Cache first for the app's own files (they are content-hashed); a page load falls back to the
// cached start page. Anything not cached goes to the network as usual (uploads, portals).
self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    caches.match(request, { ignoreSearch: request.mode === 'navigate' }).then(
      (hit) =>
        hit ||
        fetch(request).catch((error) =>
          request.mode === 'navigate' ? caches.match('./') : Promise.reject(error),
        ),
    ),
  );
});
