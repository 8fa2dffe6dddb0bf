// Carnet's service worker: the app shell from a versioned cache, so that after one visit the app
// opens and works with no network at all.
//
// This is a template: the post-build hook (scripts/sw-precache.mjs) fills in VERSION and FILES for
// each build (a hash of every shipped file, and their paths relative to this worker). A new build
// is thus a new worker, which installs its own cache next to the old one and then WAITS: the page
// in use keeps the files it started with. The page offers "a new version is ready — reload"; its
// click posts SKIP_WAITING, this worker activates, deletes the older caches, and the page reloads.
//
// Only same-origin GETs under the scope are answered, cache first; anything else goes to the
// network untouched. Paths are relative, so dist/ works under any sub-path.

const VERSION = '__CARNET_VERSION__';
const FILES = ['__CARNET_FILES__'];
const PREFIX = 'carnet-shell-';
const CACHE = PREFIX + VERSION;
const scope = () => self.registration.scope;

self.addEventListener('install', (event) => {
  // `no-cache`: revalidate with the server, so that a stale HTTP-cached index.html never lands in
  // a new cache next to files it does not name.
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(FILES.map((f) => new Request(f, { cache: 'no-cache' })))),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'SKIP_WAITING') self.skipWaiting();
});

// Activated: the first worker at once, a new version once every page of the old one is gone or
// the user asked. Older caches go, and the open pages are served by this worker from now on.
self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || !request.url.startsWith(scope())) return;
  const path = request.url.slice(scope().length).split(/[?#]/)[0];
  // Every page of the app is index.html (routes live in the hash).
  const key = request.mode === 'navigate' && (path === '' || path === 'index.html') ? 'index.html' : null;
  event.respondWith(
    caches.open(CACHE).then((cache) =>
      cache
        .match(key ? new URL(key, scope()).href : request, { ignoreSearch: true })
        .then((hit) => hit || fetch(request)),
    ),
  );
});
