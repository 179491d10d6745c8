// The gate's service worker, served as /gate-sw.js (no-cache) with scope /gate. The build
// (apps/web/vite.config.mjs) puts `const SHELL = [...]` and `const VERSION = '…'` before this
// text: the gate's page, its hashed scripts and styles and the zh-Hans / en string chunks.
//
// A second load on a slow link must not wait for the network (issue 9: ≤ 1 s at 400 kbit/s):
// - The app shell is precached at install and answered from the cache at once. Hashed assets
//   never change; the page is refetched in the background (kept only once the assets it names
//   are here) and a new build brings a new worker, whose precache replaces this one.
// - GET /me (without its CSRF token) and today's handovers at the guard's gates are answered from
//   the cache at once, marked `x-blo-cached`; the app then asks again with `X-Revalidate: 1`,
//   which goes to the network first (the cache only when there is no answer) and refreshes the
//   copy. A 401 empties the data cache. Reference data: from the cache, refreshed in the background.
//   On activation the worker makes these two copies itself (WARM).
// - Network first: handover details and the identities of the persons of handovers not yet
//   confirmed. Writes are never touched here: the app's own outbox (IndexedDB) sends them.
/* global SHELL, VERSION */
const SHELL_CACHE = `blo-gate-shell-${VERSION}`;
const DATA_CACHE = 'blo-gate-data';
const OPEN = new Set(['proposed', 'scheduled', 'postponed']);
/** As the app asks for them (src/gate/gate-handovers.read.ts: the first page holds 50). */
const WARM = ['/api/v1/me', '/api/v1/handovers?limit=50'];

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
      .then(() => self.clients.claim())
      .then(() => {
        // The page that installed this worker read the api before the worker was there: copies
        // now, so that the next load draws at once (a 401, no one signed in, keeps nothing).
        // Outside waitUntil: fetches wait for the activation to end, and these need not.
        for (const url of WARM) fromApi(new Request(url), new URL(url, self.location.href).pathname).catch(() => undefined);
      }),
  );
});

const vietnamDay = (instant) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(instant),
  );

const json = (body, response) =>
  new Response(JSON.stringify(body), {
    status: 200,
    headers: { 'content-type': 'application/json', etag: response.headers.get('etag') ?? '', 'x-blo-cached': '1' },
  });

const todayOnly = (page) => {
  const today = vietnamDay(new Date());
  return { items: page.items.filter((i) => i.scheduledAt && vietnamDay(i.scheduledAt.at) === today), next: null };
};

/** What of an api answer may be kept, as [key, body] or null. */
async function keepable(path, response) {
  const data = await caches.open(DATA_CACHE);
  if (path === '/api/v1/me') {
    const { csrfToken: _, ...me } = await response.clone().json();
    return json(me, response);
  }
  if (path === '/api/v1/handovers') {
    return json(todayOnly(await response.clone().json()), response);
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

/** What the app draws its list with: the phone's copy at once, if any (see the head of this file). */
async function fromCopy(event, path) {
  const cached = await (await caches.open(DATA_CACHE)).match(path);
  if (!cached) return fromApi(event.request, path);
  if (path.startsWith('/api/v1/reference/')) event.waitUntil(fromApi(event.request, path).catch(() => undefined));
  // A copy kept yesterday holds yesterday's handovers: only today's are drawn.
  if (path === '/api/v1/handovers') return json(todayOnly(await cached.json()), cached);
  return cached;
}

/** The page refetched behind the cached one, kept only when every asset it names is precached. */
async function refreshPage(shell) {
  const response = await fetch('/gate');
  if (!response.ok || response.redirected) return;
  const assets = (await response.clone().text()).match(/\/assets\/[^"'\s>]+/g) ?? [];
  for (const asset of assets) if (!(await shell.match(asset))) return;
  await shell.put('/gate', response);
}

async function fromShell(event) {
  const { request } = event;
  const shell = await caches.open(SHELL_CACHE);
  if (request.mode === 'navigate') {
    const page = await shell.match('/gate');
    if (!page) return fetch(request);
    event.waitUntil(refreshPage(shell).catch(() => undefined));
    return page;
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
    // A wait for a position asks for what the copy cannot know yet.
    const fresh = request.headers.has('x-revalidate') || url.searchParams.has('minPosition');
    const copied = path === '/api/v1/me' || path === '/api/v1/handovers' || path.startsWith('/api/v1/reference/');
    event.respondWith(copied && !fresh ? fromCopy(event, path) : fromApi(request, path));
    return;
  }
  if (request.mode === 'navigate' ? path === '/gate' || path.startsWith('/gate/') : path.startsWith('/assets/'))
    event.respondWith(fromShell(event));
});
