import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Browser } from 'playwright-core';
import { envInt, loadLine, log, machineLine, type BenchSection } from './bench-kit.js';
import { CHROMIUM_PATH, SLOW_LINK, launchChromium, watchServiceWorkers } from './web-browser.js';
import { measureCase, measureGate, type Figures, type Sizes } from './web-measure.js';
import { ROOT, report, reportBundles } from './web-report.js';
import { seedHandovers, seedLongCase } from './web-scenarios.js';
import { GUARD, OFFICER, createAccount, startService } from './web-service.js';

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
