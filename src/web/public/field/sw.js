/*
 * Wasl field app service worker (scope /field/ only; the portal and the staff app are never under it).
 * Written by hand, no library: on install it caches the app shell (/field/ and the files its page names), so the
 * representative's screens open without a signal after the first visit. Pages: network first, the cached shell
 * when there is no signal. Hashed assets: cache first (their names change with their content). The API is never
 * cached here: the day's work and the queued records live in IndexedDB, per user (src/web/field/store.ts).
 */
const CACHE = 'wasl-field-v1';
const SHELL = '/field/';

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      const page = await fetch(SHELL, { cache: 'no-store' });
      const html = await page.clone().text();
      const files = new Set(['/field/manifest.webmanifest', '/field/icon-192.png', '/field/icon.svg']);
      for (const match of html.matchAll(/(?:src|href)="(\/(?:assets|field)\/[^"]+)"/g)) files.add(match[1]);
      await cache.put(SHELL, page);
      await cache.addAll([...files]);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name !== CACHE) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

async function pageFirstFromNetwork(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(SHELL, response.clone());
    return response;
  } catch {
    return (await cache.match(SHELL)) ?? Response.error();
  }
}

async function fileFromCache(request) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(request);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.startsWith('/api/')) return;
  if (request.mode === 'navigate' && url.pathname.startsWith('/field')) {
    event.respondWith(pageFirstFromNetwork(request));
  } else if (url.pathname.startsWith('/assets/') || url.pathname.startsWith('/field/')) {
    event.respondWith(fileFromCache(request));
  }
});
