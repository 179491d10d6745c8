import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { fmtMs, log } from './bench-kit.js';
import {
  DESKTOP_VIEWPORT,
  PHONE_VIEWPORT,
  SLOW_LINK,
  newProfile,
  throttlePage,
  type ServiceWorkerThrottle,
} from './web-browser.js';
import { GUARD, OFFICER, PASSWORD, type WebService } from './web-service.js';

/**
 * The browser runs of the web section: the gate on a throttled phone and the case page on a
 * desktop, each next to its ceiling (a static copy served by the same server, timed the same way).
 */
const LOAD_TIMEOUT_MS = 120_000;

export interface Sizes {
  readonly runs: number;
  readonly handovers: number;
  readonly timeline: number;
  readonly threads: number;
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

export interface Load {
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

export interface Figures {
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

export async function measureGate(
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

export async function measureCase(browser: Browser, s: WebService, sizes: Sizes, f: Figures): Promise<void> {
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
