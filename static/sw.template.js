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

// Pages: network first, so a deploy shows on the next visit; the cached page when offline. Each
// address has its own page (/ledger is ledger.html, / is index.html), as static hosts serve them;
// an address with none gets 404.html, which says so.
// Everything else has a content hash in its name: cache first.
const pageFor = (url) => {
  const below = url.pathname.slice(new URL(self.registration.scope).pathname.length).replace(/\/$/, "");
  return below === "" ? "./index.html" : `./${below}.html`;
};
self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    event.respondWith(
      fetch(request).catch(() =>
        caches
          .match(pageFor(new URL(request.url)), { cacheName: CACHE })
          .then((page) => page || caches.match("./404.html", { cacheName: CACHE })),
      ),
    );
    return;
  }
  event.respondWith(caches.match(request, { ignoreSearch: true }).then((hit) => hit || fetch(request)));
});
