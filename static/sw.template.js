// Headstart's service worker. scripts/write-service-worker fills in the build's file list and a
// cache name unique to the build, so each deploy installs a fresh cache and drops the old one.
// Files are fetched past the browser's HTTP cache ("reload"): hosts such as GitHub Pages let
// browsers keep files for 10 minutes, and the workers' names carry no content hash, so a new
// cache filled from the HTTP cache could hold the last deploy's workers beside this deploy's page.
const CACHE = "__CACHE_NAME__";
const FILES = __FILE_LIST__;

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES.map((file) => new Request(file, { cache: "reload" })))).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key.startsWith("headstart-") && key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

// Pages: network first, so a deploy shows on the next visit; the cached page when offline.
// Everything else has a content hash in its name: cache first.
self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    event.respondWith(
      fetch(request).catch(() => caches.match("./index.html", { cacheName: CACHE })),
    );
    return;
  }
  event.respondWith(caches.match(request, { ignoreSearch: true }).then((hit) => hit || fetch(request)));
});
