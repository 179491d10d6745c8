// The gate's service worker, served as /gate-sw.js (no-cache) with scope /gate. The build
// (apps/web/vite.config.mjs) puts `const SHELL = [...]` and `const VERSION = '…'` before this
// text: the gate's page, its hashed scripts and styles and the zh-Hans / en string chunks.
//
// - The app shell is precached at install and served from the cache when the network fails, so
//   the page reloads offline; hashed assets are immutable, so cache first.
// - Of the api, only what the gate needs offline, network first: today's handovers at the
//   guard's gates (the list filtered to today, Vietnam time), their details, and the identities of
//   the persons of handovers not yet confirmed; GET /me without its CSRF token. Writes are never
//   touched here: the app's own outbox (IndexedDB) sends them.
/* global SHELL, VERSION */
const SHELL_CACHE = `blo-gate-shell-${VERSION}`;
const DATA_CACHE = 'blo-gate-data';
const OPEN = new Set(['proposed', 'scheduled', 'postponed']);

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(SHELL_CACHE)
      .then((cache) => cache.addAll(SHELL))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys.filter((k) => k.startsWith('blo-gate-shell-') && k !== SHELL_CACHE).map((k) => caches.delete(k)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

const vietnamDay = (instant) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(instant),
  );

const json = (body, response) =>
  new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json', etag: response.headers.get('etag') ?? '' } });

/** What of an api answer may be kept, as [key, body] or null. */
async function keepable(path, response) {
  const data = await caches.open(DATA_CACHE);
  if (path === '/api/v1/me') {
    const { csrfToken: _, ...me } = await response.clone().json();
    return json(me, response);
  }
  if (path === '/api/v1/handovers') {
    const page = await response.clone().json();
    const today = vietnamDay(new Date());
    const items = page.items.filter((i) => i.scheduledAt && vietnamDay(i.scheduledAt.at) === today);
    return json({ items, next: null }, response);
  }
  const handover = /^\/api\/v1\/handovers\/([0-9a-f-]{36})$/.exec(path);
  if (handover) {
    const list = await data.match('/api/v1/handovers');
    const today = list ? (await list.json()).items.map((i) => i.id) : [];
    if (!today.includes(handover[1])) return null;
    const detail = await response.clone().json();
    if (!OPEN.has(detail.status))
      await Promise.all(detail.personIds.map((id) => data.delete(`/api/v1/persons/${id}`)));
    return response.clone();
  }
  const person = /^\/api\/v1\/persons\/([0-9a-f-]{36})$/.exec(path);
  if (person) {
    for (const request of await data.keys()) {
      const m = /\/api\/v1\/handovers\/[0-9a-f-]{36}$/.exec(new URL(request.url).pathname);
      if (!m) continue;
      const detail = await (await data.match(request)).json();
      if (OPEN.has(detail.status) && detail.personIds.includes(person[1])) return response.clone();
    }
    return null;
  }
  if (path.startsWith('/api/v1/reference/')) return response.clone();
  return null;
}

async function fromApi(request, path) {
  const data = await caches.open(DATA_CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) {
      const kept = await keepable(path, response);
      if (kept) await data.put(path, kept);
    } else if (response.status === 401) await caches.delete(DATA_CACHE);
    return response;
  } catch (error) {
    const cached = await data.match(path);
    if (cached) return cached;
    throw error;
  }
}

async function fromShell(request) {
  const shell = await caches.open(SHELL_CACHE);
  if (request.mode === 'navigate') {
    try {
      return await fetch(request);
    } catch (error) {
      const page = await shell.match('/gate');
      if (page) return page;
      throw error;
    }
  }
  return (await shell.match(request)) ?? fetch(request);
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  const path = url.pathname;
  if (path.startsWith('/api/')) {
    // The outbox asks the server itself for the session's CSRF token.
    if (request.headers.has('x-network-only')) return;
    // Only the exact resources, not pages of the list nor waits for a position.
    if (url.search && path !== '/api/v1/handovers') return;
    if (path === '/api/v1/handovers' && url.searchParams.has('cursor')) return;
    event.respondWith(fromApi(request, path));
    return;
  }
  if (request.mode === 'navigate' ? path === '/gate' || path.startsWith('/gate/') : path.startsWith('/assets/'))
    event.respondWith(fromShell(request));
});
