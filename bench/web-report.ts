import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fmtMs, formatTable, log, verdict } from './bench-kit.js';
import { SLOW_LINK } from './web-browser.js';
import type { Figures, Load, Sizes } from './web-measure.js';

/** The repository root, seen from dist/bench/ where the compiled bench runs. */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const GATE_BUDGET_BYTES = 100 * 1024;
/** Goals of the issue (9). */
const GATE_FIRST_GOAL_MS = 4000;
const GATE_CACHED_GOAL_MS = 1000;
const CASE_GOAL_MS = 1500;

const sorted = (xs: readonly number[]) => [...xs].sort((a, b) => a - b);
const median = (xs: readonly number[]): number => {
  const s = sorted(xs);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ratio = (x: number, ceiling: number) => `${(x / ceiling).toFixed(2)} ×`;

export function report(f: Figures, sizes: Sizes): void {
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

export function reportBundles(): void {
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
