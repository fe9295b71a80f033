// Service worker: keeps every file of one build so the app opens and works with no network
// after one visit. The post-build hook (web/offline.mjs) writes BUILD (an id of the build's
// content) and FILES (every file of the build, relative to this script); a new build is thus a
// new sw.js, which the browser installs in the background and the next visit runs.
//
// Its scope is its own folder, and every URL here is relative to it, so the app works from a
// sub-path (GitLab Pages serves /<project>/). It touches nothing outside that scope.
const BUILD = 'unbuilt';
const FILES = [];

const SCOPE = self.registration.scope;
const PREFIX = `scopecraft ${SCOPE} `;
const CACHE = PREFIX + BUILD;
const PAGE = new URL('index.html', SCOPE).href;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      // `reload`: take the files from the server, not from an older HTTP cache entry.
      .then((cache) => cache.addAll(FILES.map((file) => new Request(file, { cache: 'reload' }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(names.filter((n) => n.startsWith(PREFIX) && n !== CACHE).map((n) => caches.delete(n))),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || !request.url.startsWith(SCOPE)) return;
  const address = request.url.split(/[?#]/)[0];
  // Any visit to the app's address (`./` or `./index.html`, with `?clock=…` or not) is the page.
  const page = request.mode === 'navigate' && (address === SCOPE || address === PAGE);
  const key = page ? PAGE : address;
  event.respondWith(
    caches
      .open(CACHE)
      .then((cache) => cache.match(key))
      .then((cached) => cached ?? fetch(request)),
  );
});
