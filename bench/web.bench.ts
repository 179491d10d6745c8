import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { loadConfig } from '#config';
import { LocalSigningKey, mintToken } from '#security';
import { localTimes } from '#shared-kernel';
import { createApp } from '../apps/api/src/app.factory.js';
import { envInt, fmtMs, formatTable, loadLine, log, machineLine, verdict, type BenchSection } from './bench-kit.js';
import {
  CHROMIUM_PATH,
  DESKTOP_VIEWPORT,
  PHONE_VIEWPORT,
  SLOW_LINK,
  WireCounter,
  launchChromium,
  newProfile,
  throttlePage,
  watchServiceWorkers,
  type ServiceWorkerThrottle,
} from './web-browser.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const PASSWORD = 'Mật khẩu đủ dài 2026!';
const GATE_BUDGET_BYTES = 100 * 1024;
/** Goals of the issue (9). */
const GATE_FIRST_GOAL_MS = 4000;
const GATE_CACHED_GOAL_MS = 1000;
const CASE_GOAL_MS = 1500;
const LOAD_TIMEOUT_MS = 120_000;

const GUARD = {
  username: 'bench.guard',
  name: 'Hoàng Văn Đức',
  roles: ['border_guard'],
  unit: 'VN-LS-BP-HUUNGHI',
  province: 'lang-son',
  gates: ['HUU_NGHI'],
};
const OFFICER = {
  username: 'bench.officer',
  name: 'Nguyễn Thị Hoa',
  roles: ['liaison_officer'],
  unit: 'VN-LS-BLO',
  province: 'lang-son',
};

interface Sizes {
  readonly runs: number;
  readonly handovers: number;
  readonly timeline: number;
  readonly threads: number;
}

interface Answer {
  readonly status: number;
  readonly body: any;
}

type Call = (method: 'GET' | 'POST', path: string, body?: unknown) => Promise<Answer>;

/** The service on a loopback port over a fresh PGlite store, plus a route serving the ceiling pages. */
interface WebService {
  readonly url: string;
  readonly wire: WireCounter;
  readonly officer: Call;
  readonly admin: Call;
  readonly guard: Call;
  /** Static pages the ceiling loads: one response, no script, served by the same server. */
  readonly ceilingPages: Map<string, string>;
  close(): Promise<void>;
}

async function startService(): Promise<WebService> {
  const dataDir = await mkdtemp(join(tmpdir(), 'blo-bench-web-'));
  const env: Record<string, string> = {
    DATA_DIR: dataDir,
    PORT: '0',
    LOG_LEVEL: 'error',
    // Seeding 2,000 entries need not fsync each; the pages read, they do not write.
    PGLITE_SYNC: 'off',
    // Every run signs in a fresh profile from 127.0.0.1; the sign-in limits are not measured here.
    SIGNIN_MAX_PER_ADDRESS: '1000',
    SIGNIN_MAX_PER_ACCOUNT: '1000',
  };
  const config = loadConfig(env, dataDir);
  const app = await createApp(config, { quiet: true }).catch(async (error: unknown) => {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  });
  const ceilingPages = new Map<string, string>();
  app
    .getHttpAdapter()
    .getInstance()
    .get('/bench-ceiling/:name', (req, reply) => {
      const html = ceilingPages.get((req.params as { name: string }).name);
      if (html === undefined) return reply.code(404).send();
      return reply.header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
    });
  const wire = new WireCounter(app.getHttpServer());
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.getHttpServer().address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const key = await LocalSigningKey.loadOrCreate(dataDir);
  const options = { issuer: config.auth.issuer, audience: config.auth.audience, ttlSeconds: 3600 };
  const caller = async (claims: Parameters<typeof mintToken>[1]): Promise<Call> => {
    const bearer = `Bearer ${await mintToken(key, claims, options)}`;
    return async (method, path, body) => {
      const res = await fetch(`${url}/api/v1${path}`, {
        method,
        headers: { authorization: bearer, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : null };
    };
  };
  return {
    url,
    wire,
    officer: await caller({ sub: 'bench.seeder', roles: ['liaison_officer'], unit: 'VN-LS-BLO', province: 'lang-son' }),
    admin: await caller({ sub: 'bench.admin', roles: ['admin'], unit: 'VN-LS-BLO', province: 'lang-son' }),
    guard: await caller({
      sub: GUARD.username,
      roles: ['border_guard'],
      unit: GUARD.unit,
      province: GUARD.province,
      gates: GUARD.gates,
    }),
    ceilingPages,
    close: async () => {
      await app.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

function accepted(what: string, r: Answer, ...statuses: number[]): any {
  if (!statuses.includes(r.status)) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body).slice(0, 400)}`);
  return r.body;
}

const newCase = (summary: string) => ({
  channel: 'hotline',
  province: 'lang-son',
  summary,
  occurredAt: localTimes(new Date(Date.now() - 2 * 86_400_000).toISOString()).vn,
});

const presumedVictim = (n: number) => ({
  role: 'presumed_victim',
  fullName: `Nguyễn Thị Hoa ${n}`,
  nameVariants: [{ script: 'zh-Hans', value: '阮氏花' }],
  sex: 'female',
  dateOfBirth: '2009-05-17',
  nationality: 'VN',
  documents: [{ kind: 'cccd', number: `0013090${String(10000 + n)}` }],
});

/** Today in Vietnam (the day the gate's list shows), as YYYY-MM-DD. */
const vietnamToday = (): string => localTimes(new Date().toISOString()).vn.slice(0, 10);

/**
 * `count` handovers at Hữu Nghị scheduled today (Vietnam day), two hours apart from 07:00, each
 * with its own case and presumed victim, as an officer's proposals and schedules through the api.
 * Returns once the guard's list (a read model) shows them all.
 */
async function seedHandovers(s: WebService, count: number): Promise<void> {
  const day = vietnamToday();
  let position = '0';
  for (let k = 0; k < count; k += 1) {
    const caseId = accepted('case', await s.officer('POST', '/cases', newCase(`Bàn giao số ${k + 1}`)), 201)
      .id as string;
    const personId = accepted('person', await s.officer('POST', `/cases/${caseId}/persons`, presumedVictim(k)), 201)
      .id as string;
    const proposed = accepted(
      'handover proposed',
      await s.officer('POST', '/handovers', {
        caseId,
        gate: 'HUU_NGHI',
        counterpart: 'CN-BIS-PINGXIANG',
        proposedBy: 'cn',
        personIds: [personId],
        proposedAt: localTimes(new Date(Date.now() - 86_400_000).toISOString()).cn,
      }),
      201,
    );
    const hour = String(7 + 2 * (k % 8)).padStart(2, '0');
    const scheduledAt = localTimes(new Date(`${day}T${hour}:00:00+07:00`).toISOString()).cn;
    position = accepted(
      'handover scheduled',
      await s.officer('POST', `/handovers/${proposed.id as string}/schedule`, { gate: 'HUU_NGHI', scheduledAt }),
      200,
    ).position as string;
  }
  accepted('guard list', await s.guard('GET', `/handovers?minPosition=${position}`), 200);
}

const message = (n: number) => ({
  direction: n % 2 === 0 ? 'outgoing' : 'incoming',
  subject: `Trao đổi số ${n} — 第${n}号函 — exchange no. ${n}`,
  body: 'Đề nghị phía bạn xác minh thông tin về trường hợp nghi là nạn nhân mua bán người; phản hồi trong 72 giờ.',
  language: 'vi',
  handlingCode: 'H1',
  occurredAt: localTimes(new Date(Date.now() - 86_400_000).toISOString()).vn,
  carriesPersonalData: false,
});

/**
 * One case whose timeline has at least `entries` entries: exchange threads linked to it, then
 * messages logged on them through the api (each a MessageLogged event, one timeline entry),
 * `threads` writers in parallel so no single stream grows long. The cheapest honest way: the
 * same commands an officer's desk sends, and the read models build the timeline as in service.
 */
async function seedLongCase(
  s: WebService,
  entries: number,
  threads: number,
): Promise<{ caseId: string; entries: number; seconds: number }> {
  const started = performance.now();
  const caseId = accepted('long case', await s.officer('POST', '/cases', newCase('Vụ việc có dòng thời gian dài')), 201)
    .id as string;
  const exchanges: string[] = [];
  for (let k = 0; k < threads; k += 1) {
    const opened = await s.officer('POST', '/exchanges', {
      caseIds: [caseId],
      counterpart: 'CN-GX-PSD',
      channel: 'official_letter',
      ...message(k),
    });
    exchanges.push(accepted('exchange opened', opened, 201).id as string);
  }
  const current = async (minPosition: string): Promise<number> => {
    const t = accepted('timeline', await s.officer('GET', `/cases/${caseId}/timeline?minPosition=${minPosition}`), 200);
    return (t.entries as unknown[]).length;
  };
  let last = '0';
  let have = await current(last);
  const perThread = Math.ceil(Math.max(0, entries - have) / threads);
  let logged = 0;
  await Promise.all(
    exchanges.map(async (id) => {
      for (let i = 0; i < perThread; i += 1) {
        const r = accepted('message', await s.officer('POST', `/exchanges/${id}/messages`, message(i)), 200, 201);
        if (BigInt(r.position as string) > BigInt(last)) last = r.position as string;
        logged += 1;
        if (logged % 500 === 0) log(`  case timeline: ${logged} messages logged`);
      }
    }),
  );
  have = await current(last);
  return { caseId, entries: have, seconds: (performance.now() - started) / 1000 };
}

async function createAccount(s: WebService, account: object): Promise<void> {
  accepted('account', await s.admin('POST', '/users', { ...account, password: PASSWORD }), 201);
}

/** A fresh profile signed in through the api, as after the sign-in page (the cookie is in the profile). */
async function signedInProfile(
  browser: Browser,
  s: WebService,
  username: string,
  viewport: { width: number; height: number },
): Promise<BrowserContext> {
  const context = await newProfile(browser, viewport);
  const r = await context.request.post(`${s.url}/api/v1/session`, { data: { username, password: PASSWORD } });
  if (r.status() !== 200) throw new Error(`sign-in of ${username}: ${r.status()}`);
  return context;
}

interface Load {
  readonly ms: number;
  readonly bytes: number;
}

/** From the start of a navigation until `ready` resolves, and the bytes the server wrote meanwhile. */
async function timeLoad(s: WebService, page: Page, url: string, ready: () => Promise<void>): Promise<Load> {
  const bytes = s.wire.written();
  const t0 = performance.now();
  // 'commit': the new document has replaced the old one, so `ready` cannot see the last page's DOM.
  await page.goto(url, { waitUntil: 'commit', timeout: LOAD_TIMEOUT_MS });
  await ready();
  return { ms: performance.now() - t0, bytes: s.wire.written() - bytes };
}

/** The rendered page as static markup: scripts, preloads and the manifest removed, the stylesheet kept. */
function staticCopy(html: string, padBytes: number): string {
  const stripped = html
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '')
    .replace(/<link\b[^>]*rel="(?:modulepreload|manifest)"[^>]*>/gi, '');
  if (padBytes <= 0) return stripped;
  // Incompressible filler in <head>: the markup after it renders only once every byte has arrived.
  const filler = `<!-- ${randomBytes(Math.ceil((padBytes * 3) / 4))
    .toString('base64')
    .slice(0, padBytes)} -->`;
  return stripped.replace(/<head>/i, `<head>${filler}`);
}

interface WorkerContainer extends EventTarget {
  readonly controller: unknown;
}

/**
 * Once the gate's service worker controls the page (it claims it on activation, after its
 * precache). A promise in the page rather than waitForFunction, whose polling the page's CSP
 * (no 'unsafe-eval') refuses.
 */
async function controlledByWorker(page: Page): Promise<void> {
  await page.evaluate(
    (timeoutMs) =>
      new Promise<void>((resolve, reject) => {
        const workers = (globalThis as unknown as { navigator: { serviceWorker: WorkerContainer } }).navigator
          .serviceWorker;
        if (workers.controller) return resolve();
        workers.addEventListener('controllerchange', () => resolve(), { once: true });
        setTimeout(() => reject(new Error('no service worker took control')), timeoutMs);
      }),
    LOAD_TIMEOUT_MS,
  );
}

interface Figures {
  readonly gateFirst: Load[];
  readonly gateCached: Load[];
  readonly gateCeiling: Load[];
  readonly roundTrip: Load[];
  readonly cachedFromWorker: boolean[];
  readonly workerProbeMs: number[];
  readonly caseRendered: Load[];
  readonly caseInteractive: number[];
  readonly formOpenMs: number[];
  readonly caseCeiling: Load[];
  readonly timelineApi: { ms: number; bytes: number };
  /** What the case page asked for on its first load: path (ids as {id}) → count and body bytes. */
  readonly caseRequests: Map<string, { count: number; bytes: number }>;
  readonly seeded: { caseId: string; entries: number; seconds: number };
  readonly workersThrottled: number;
}

async function measureGate(
  browser: Browser,
  s: WebService,
  sizes: Sizes,
  workers: ServiceWorkerThrottle,
  f: Figures,
): Promise<void> {
  const listShown = (page: Page) => () =>
    page
      .locator('.handover-list .handover-card')
      .nth(sizes.handovers - 1)
      .waitFor({ timeout: LOAD_TIMEOUT_MS });
  for (let run = 1; run <= sizes.runs; run += 1) {
    const context = await signedInProfile(browser, s, GUARD.username, PHONE_VIEWPORT);
    try {
      const page = await context.newPage();
      await throttlePage(page, SLOW_LINK);
      const first = await timeLoad(s, page, `${s.url}/gate`, listShown(page));
      f.gateFirst.push(first);
      if (run === 1) {
        // The list as rendered, one response the size of the whole first load: the ceiling's page.
        const css = await page.evaluate(() =>
          performance
            .getEntriesByType('resource')
            .filter((e) => e.name.endsWith('.css'))
            .reduce((sum, e) => sum + (e as unknown as { transferSize: number }).transferSize, 0),
        );
        const html = staticCopy(await page.content(), 0);
        s.ceilingPages.set('gate', staticCopy(html, first.bytes - css - Buffer.byteLength(html)));
      }
      await controlledByWorker(page);
      await workers.settled();
      // What the worker's network-first API reads cost now: a round trip if its link is throttled.
      f.workerProbeMs.push(
        await page.evaluate(async () => {
          const t = performance.now();
          await fetch('/api/v1/me', { credentials: 'same-origin' });
          return performance.now() - t;
        }),
      );
      const bytes = s.wire.written();
      const t0 = performance.now();
      const response = await page.goto(`${s.url}/gate`, { waitUntil: 'commit', timeout: LOAD_TIMEOUT_MS });
      await listShown(page)();
      f.gateCached.push({ ms: performance.now() - t0, bytes: s.wire.written() - bytes });
      f.cachedFromWorker.push(response?.fromServiceWorker() ?? false);
      // One round trip for a tiny page on the same warm link: the floor under any cached load.
      f.roundTrip.push(
        await timeLoad(s, page, `${s.url}/bench-ceiling/empty`, () =>
          page.locator('#ready').waitFor({ timeout: LOAD_TIMEOUT_MS }),
        ),
      );
    } finally {
      await context.close();
    }
    const ceilingContext = await signedInProfile(browser, s, GUARD.username, PHONE_VIEWPORT);
    try {
      const page = await ceilingContext.newPage();
      await throttlePage(page, SLOW_LINK);
      f.gateCeiling.push(await timeLoad(s, page, `${s.url}/bench-ceiling/gate`, listShown(page)));
    } finally {
      await ceilingContext.close();
    }
    const last = (xs: Load[]) => fmtMs(xs[xs.length - 1].ms);
    log(
      `  gate run ${run}: first ${last(f.gateFirst)} ms, cached ${last(f.gateCached)} ms, ` +
        `ceiling ${last(f.gateCeiling)} ms, round trip ${last(f.roundTrip)} ms`,
    );
  }
}

/**
 * Counts the page's requests by path, ids folded, with their response body sizes as sent
 * (compressed where the server compresses).
 */
function watchRequests(page: Page, into: Map<string, { count: number; bytes: number }>): void {
  page.on('requestfinished', (request) => {
    const path = new URL(request.url()).pathname
      .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '{id}')
      .replace(/-[A-Za-z0-9_-]{8}\.(js|css)$/, '-*.$1');
    void request.sizes().then(
      (sizes) => {
        const seen = into.get(path) ?? { count: 0, bytes: 0 };
        into.set(path, { count: seen.count + 1, bytes: seen.bytes + sizes.responseBodySize });
      },
      () => undefined,
    );
  });
}

async function measureCase(browser: Browser, s: WebService, sizes: Sizes, f: Figures): Promise<void> {
  const caseUrl = `${s.url}/cases/${f.seeded.caseId}`;
  // The timeline as the page draws it: every entry, or its first batch with the "show more" button after it.
  const lastEntry = (page: Page) =>
    page
      .locator('ol.timeline > li')
      .nth(f.seeded.entries - 1)
      .or(page.locator('.timeline-more button'));
  const firstAct = (page: Page) => page.locator('section[aria-labelledby="acts-heading"] .actions button').first();
  for (let run = 1; run <= sizes.runs; run += 1) {
    const context = await signedInProfile(browser, s, OFFICER.username, DESKTOP_VIEWPORT);
    try {
      const page = await context.newPage();
      if (run === 1) watchRequests(page, f.caseRequests);
      const t0 = performance.now();
      const rendered = await timeLoad(s, page, caseUrl, () => lastEntry(page).waitFor({ timeout: LOAD_TIMEOUT_MS }));
      f.caseRendered.push(rendered);
      // Actionable: visible, stable, enabled and the topmost element at its centre (not clicked).
      await firstAct(page).click({ trial: true, timeout: LOAD_TIMEOUT_MS });
      f.caseInteractive.push(performance.now() - t0);
      // The first act opens its form: React renders the page again, timeline included.
      const t1 = performance.now();
      await firstAct(page).click();
      await page.locator('section[aria-labelledby="acts-heading"] form').first().waitFor({ timeout: LOAD_TIMEOUT_MS });
      f.formOpenMs.push(performance.now() - t1);
      if (run === 1) s.ceilingPages.set('case', staticCopy(await page.content(), 0));
    } finally {
      await context.close();
    }
    const ceilingContext = await signedInProfile(browser, s, OFFICER.username, DESKTOP_VIEWPORT);
    try {
      const page = await ceilingContext.newPage();
      const t0 = performance.now();
      const load = await timeLoad(s, page, `${s.url}/bench-ceiling/case`, () =>
        lastEntry(page).waitFor({ timeout: LOAD_TIMEOUT_MS }),
      );
      await firstAct(page).waitFor({ timeout: LOAD_TIMEOUT_MS });
      f.caseCeiling.push({ ms: performance.now() - t0, bytes: load.bytes });
    } finally {
      await ceilingContext.close();
    }
    log(
      `  case run ${run}: timeline shown ${fmtMs(f.caseRendered[f.caseRendered.length - 1].ms)} ms, interactive ` +
        `${fmtMs(f.caseInteractive[f.caseInteractive.length - 1])} ms, form opens in ` +
        `${fmtMs(f.formOpenMs[f.formOpenMs.length - 1])} ms, ceiling ${fmtMs(f.caseCeiling[f.caseCeiling.length - 1].ms)} ms`,
    );
  }
}

const sorted = (xs: readonly number[]) => [...xs].sort((a, b) => a - b);
const median = (xs: readonly number[]): number => {
  const s = sorted(xs);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ratio = (x: number, ceiling: number) => `${(x / ceiling).toFixed(2)} ×`;

function report(f: Figures, sizes: Sizes): void {
  const ms = (xs: readonly Load[] | readonly number[]) =>
    (xs as readonly (Load | number)[]).map((x) => (typeof x === 'number' ? x : x.ms));
  const row = (name: string, xs: readonly number[], ceiling: number | null, bytes: number | null, target: string) => {
    const s = sorted(xs);
    return [
      name,
      fmtMs(s[0]),
      fmtMs(median(s)),
      fmtMs(s[s.length - 1]),
      bytes === null ? '' : kb(bytes),
      ceiling === null ? '' : ratio(median(s), ceiling),
      target,
    ];
  };
  const gateCeiling = median(ms(f.gateCeiling));
  const roundTrip = median(ms(f.roundTrip));
  const caseCeiling = median(ms(f.caseCeiling));
  const firstMedian = median(ms(f.gateFirst));
  const cachedMedian = median(ms(f.gateCached));
  const interactiveMedian = median(f.caseInteractive);
  const bytesOf = (xs: readonly Load[]) => median(xs.map((x) => x.bytes));
  log('');
  log(
    formatTable([
      ['measurement', 'min ms', 'median ms', 'max ms', 'on the wire', 'of ceiling', 'goal'],
      row(
        `gate, static copy of the list, one response (ceiling)`,
        ms(f.gateCeiling),
        gateCeiling,
        bytesOf(f.gateCeiling),
        '',
      ),
      row(
        `gate, first load to ${sizes.handovers} handover cards`,
        ms(f.gateFirst),
        gateCeiling,
        bytesOf(f.gateFirst),
        `≤ ${GATE_FIRST_GOAL_MS} ms ${verdict(firstMedian <= GATE_FIRST_GOAL_MS)}`,
      ),
      row('gate, empty page on the warm link (ceiling)', ms(f.roundTrip), roundTrip, bytesOf(f.roundTrip), ''),
      row(
        'gate, second load (service worker)',
        ms(f.gateCached),
        roundTrip,
        bytesOf(f.gateCached),
        `≤ ${GATE_CACHED_GOAL_MS} ms ${verdict(cachedMedian <= GATE_CACHED_GOAL_MS)}`,
      ),
      row('case, static copy of the page (ceiling)', ms(f.caseCeiling), caseCeiling, bytesOf(f.caseCeiling), ''),
      row(`case, ${f.seeded.entries} entries shown`, ms(f.caseRendered), caseCeiling, bytesOf(f.caseRendered), ''),
      row(
        'case, first act clickable',
        f.caseInteractive,
        caseCeiling,
        null,
        `≤ ${CASE_GOAL_MS} ms ${verdict(interactiveMedian <= CASE_GOAL_MS)}`,
      ),
      row('case, click until its form shows', f.formOpenMs, null, null, ''),
    ]),
  );
  log('');
  log(
    `gate: ${SLOW_LINK.label} on the page and its service worker (${f.workersThrottled} worker(s) throttled); ` +
      `the worker's network-first GET /me took ${fmtMs(median(f.workerProbeMs))} ms (median); ` +
      `second loads answered by the worker: ${f.cachedFromWorker.filter(Boolean).length}/${f.cachedFromWorker.length}`,
  );
  log(
    `case: ${f.seeded.entries} timeline entries seeded in ${f.seeded.seconds.toFixed(1)} s; ` +
      `GET /cases/{id}/timeline ${fmtMs(f.timelineApi.ms)} ms, ${kb(f.timelineApi.bytes)} of JSON (uncompressed)`,
  );
  log('case page, first load, by request (response bodies as sent):');
  for (const [path, r] of [...f.caseRequests].sort((a, b) => b[1].bytes - a[1].bytes))
    log(`  ${String(r.count).padStart(3)} × ${path.padEnd(40)} ${kb(r.bytes).padStart(10)}`);
  log('ratios: median of the measurement over median of its ceiling, both measured in this run');
}

function reportBundles(): void {
  const path = join(ROOT, 'dist/web-build.json');
  if (!existsSync(path)) return log('  no dist/web-build.json: run `npm run build:web`');
  const build = JSON.parse(readFileSync(path, 'utf8')) as {
    builtAt: string;
    entries: Record<string, { scripts: string[]; gzippedScriptBytes: number; gzippedStyleBytes: number }>;
  };
  const rows = [['entry', 'scripts', 'gzipped JS', 'gzipped CSS', 'budget']];
  for (const [name, e] of Object.entries(build.entries))
    rows.push([
      name,
      String(e.scripts.length),
      kb(e.gzippedScriptBytes),
      kb(e.gzippedStyleBytes),
      name === 'gate' ? `≤ ${kb(GATE_BUDGET_BYTES)} ${verdict(e.gzippedScriptBytes <= GATE_BUDGET_BYTES)}` : '',
    ]);
  log(`\nbundles (dist/web-build.json, built ${build.builtAt}):`);
  log(formatTable(rows));
}

export const section: BenchSection = {
  name: 'web',
  summary: 'web app in Chromium: gate first/cached load on a 400 kbit/s link, case page with 2,000 entries, bundles',
  order: 60,
  async run() {
    const sizes: Sizes = {
      runs: envInt('BENCH_WEB_RUNS', 5),
      handovers: envInt('BENCH_WEB_HANDOVERS', 4),
      timeline: envInt('BENCH_WEB_TIMELINE', 2_000),
      threads: envInt('BENCH_WEB_THREADS', 8),
    };
    log(machineLine());
    log(loadLine());
    reportBundles();
    if (!existsSync(CHROMIUM_PATH)) return log(`  skipped: no Chromium at ${CHROMIUM_PATH} (apt-get install chromium)`);
    if (!existsSync(join(ROOT, 'dist/web/gate/index.html'))) return log('  skipped: no dist/web (npm run build:web)');
    const s = await startService();
    let browser: Browser | null = null;
    try {
      await createAccount(s, GUARD);
      await createAccount(s, OFFICER);
      s.ceilingPages.set('empty', '<!doctype html><html lang="vi"><title>.</title><p id="ready">.</p></html>');
      log(`  seeding ${sizes.handovers} handovers today at Hữu Nghị …`);
      await seedHandovers(s, sizes.handovers);
      log(`  seeding a case with ${sizes.timeline} timeline entries …`);
      const seeded = await seedLongCase(s, sizes.timeline, sizes.threads);
      const t = performance.now();
      const api = await s.officer('GET', `/cases/${seeded.caseId}/timeline`);
      const timelineApi = { ms: performance.now() - t, bytes: Buffer.byteLength(JSON.stringify(api.body)) };
      browser = await launchChromium();
      const workers = await watchServiceWorkers(browser, SLOW_LINK);
      const f: Figures = {
        gateFirst: [],
        gateCached: [],
        gateCeiling: [],
        roundTrip: [],
        cachedFromWorker: [],
        workerProbeMs: [],
        caseRendered: [],
        caseInteractive: [],
        formOpenMs: [],
        caseCeiling: [],
        caseRequests: new Map(),
        timelineApi,
        seeded,
        get workersThrottled() {
          return workers.count();
        },
      };
      log(`  Chromium ${browser.version()}, ${sizes.runs} runs each`);
      await measureGate(browser, s, sizes, workers, f);
      log(loadLine());
      await measureCase(browser, s, sizes, f);
      log(loadLine());
      report(f, sizes);
    } finally {
      await browser?.close();
      await s.close();
    }
  },
};
