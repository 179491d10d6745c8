import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadConfig, type AppConfig } from '#config';
import { openProjectionRuntime } from '#projections';
import { KeyStore, MasterKey, PersonalDataCipher } from '#security';
import {
  benchStores,
  createBenchDatabase,
  envInt,
  fmtMs,
  fmtPct,
  fmtRate,
  formatTable,
  loadLine,
  log,
  machineLine,
  postgresSettings,
  postgresUnavailable,
  verdict,
  type BenchSection,
  type StoreKind,
} from './bench-kit.js';
import { generateReadStore, type GeneratedStore } from './generate/generate-read-store.js';
import { measureQueries, rawRead, type QueryFigures } from './read-side-measure.js';

interface Sizes {
  readonly events: number;
  readonly pgliteEvents: number;
  readonly longPairs: number;
  readonly samples: number;
  readonly statisticsSamples: number;
  readonly warmup: number;
  readonly appendSize: number;
}

interface StoreFigures {
  readonly kind: StoreKind;
  readonly generated: GeneratedStore;
  readonly raw: { before: number; after: number };
  readonly firstBuild: { events: number; seconds: number };
  readonly rebuild: { events: number; seconds: number; eventsPerSecond: number };
  readonly queries: QueryFigures;
}

const YEAR = '2025';

/** The generated history ends yesterday and spans this many days, so 2025 is a whole year of it. */
const SPAN_DAYS = 700;

async function freshConfig(kind: StoreKind): Promise<{ config: AppConfig; drop(): Promise<void> }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'blo-bench-read-'));
  const db = kind === 'postgres' ? await createBenchDatabase() : null;
  // The generator writes through the port, not the service: PGlite need not fsync every batch.
  const env: Record<string, string> = { DATA_DIR: dataDir, PGLITE_SYNC: 'off', LOG_LEVEL: 'error' };
  env.MASTER_KEY = Buffer.alloc(32, 11).toString('base64');
  if (db) Object.assign(env, { EVENT_STORE: 'postgres', DATABASE_URL: db.url });
  return {
    config: loadConfig(env, dataDir),
    drop: async () => {
      // BENCH_READ_KEEP=on leaves the PostgreSQL database for looking at plans afterwards.
      if (db && process.env.BENCH_READ_KEEP === 'on') return log(`  kept ${db.url}`);
      await db?.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function measureStore(kind: StoreKind, sizes: Sizes): Promise<StoreFigures> {
  const fresh = await freshConfig(kind);
  const runtime = await openProjectionRuntime(fresh.config, { warn: (m) => log(`  ${kind}: runner: ${m}`) });
  try {
    const keys = new KeyStore(runtime.opened.sql, await MasterKey.fromConfig(fresh.config));
    const cipher = new PersonalDataCipher(keys);
    const events = kind === 'postgres' ? sizes.events : sizes.pgliteEvents;
    log(`  ${kind}: generating ${fmtRate(events)} events …`);
    let shown = 0;
    const generated = await generateReadStore(runtime.opened.store, (s, v) => cipher.encrypt(s, v), {
      events,
      longCasePairs: sizes.longPairs,
      appendSize: sizes.appendSize,
      to: new Date(Date.now() - 86_400_000),
      spanDays: SPAN_DAYS,
      seed: 42,
      progress: (n) => {
        if (n - shown >= events / 10) {
          shown = n;
          log(`  ${kind}:   ${fmtRate(n)} written`);
        }
      },
    });
    log(
      `  ${kind}: ${fmtRate(generated.events)} events, ${fmtRate(generated.cases)} cases, ${fmtRate(generated.persons)} sealed persons in ${generated.seconds.toFixed(0)} s (${fmtRate(generated.events / generated.seconds)} events/s); long case ${fmtRate(generated.longCase.events)} events`,
    );
    const before = await rawRead(runtime.opened.store);
    log(`  ${kind}: raw readAll ${fmtRate(before.perSecond)} events/s`);
    const t0 = performance.now();
    await runtime.runner.start();
    await runtime.runner.whenBuilt();
    const firstBuild = { events: before.events, seconds: (performance.now() - t0) / 1000 };
    log(`  ${kind}: first build ${fmtRate(firstBuild.events / firstBuild.seconds)} events/s`);
    const rebuild = await runtime.runner.rebuildAll();
    log(`  ${kind}: rebuildAll ${fmtRate(rebuild.eventsPerSecond)} events/s`);
    const after = await rawRead(runtime.opened.store);
    const queries = await measureQueries(runtime, fresh.config, {
      longCaseId: generated.longCase.caseId,
      from: generated.longCase.from,
      to: generated.longCase.to,
      samples: sizes.samples,
      statisticsSamples: sizes.statisticsSamples,
      warmup: sizes.warmup,
      year: YEAR,
    });
    return {
      kind,
      generated,
      raw: { before: before.perSecond, after: after.perSecond },
      firstBuild,
      rebuild: { events: Number(rebuild.events), seconds: rebuild.seconds, eventsPerSecond: rebuild.eventsPerSecond },
      queries,
    };
  } finally {
    await runtime.close();
    await fresh.drop();
  }
}

function report(all: readonly StoreFigures[]): void {
  const rows: string[][] = [['store', 'measurement', 'value', 'p50 ms', 'p99 ms', 'of ceiling', 'target']];
  for (const f of all) {
    // The ceiling is the better of the two raw reads that bracket the builds (same store, same run).
    const ceiling = Math.max(f.raw.before, f.raw.after);
    const ratio = f.rebuild.eventsPerSecond / ceiling;
    const firstRate = f.firstBuild.events / f.firstBuild.seconds;
    const q = f.queries;
    const lat = (name: string, l: QueryFigures['timeline'], unit: string, target: number | null): string[] => [
      f.kind,
      `${name} (${l.samples} samples, ${l.size} ${unit})`,
      '',
      fmtMs(l.p50),
      fmtMs(l.p99),
      '',
      target === null ? '' : `≤ ${target} ms ${verdict(l.p99 <= target)}`,
    ];
    rows.push(
      [f.kind, 'raw readAll, whole log (ceiling)', `${fmtRate(ceiling)}/s`, '', '', '100 %', ''],
      [f.kind, 'first build at start', `${fmtRate(firstRate)}/s`, '', '', fmtPct(firstRate / ceiling), ''],
      [
        f.kind,
        'rebuildAll, all projections',
        `${fmtRate(f.rebuild.eventsPerSecond)}/s`,
        '',
        '',
        fmtPct(ratio),
        f.kind === 'postgres' ? `≥ 30 % ${verdict(ratio >= 0.3)}` : '',
      ],
      lat('timeline, long case', q.timeline, 'entries', 20),
      lat('history as of T, long case', q.history, 'entries avg last', 50),
      lat('deadline board', q.board, 'kB', null),
      lat(`statistics ${YEAR}`, q.statistics, 'kB', 500),
    );
  }
  log('');
  log(formatTable(rows));
  for (const f of all)
    log(
      `\n${f.kind}: raw reads ${fmtRate(f.raw.before)}/s before and ${fmtRate(f.raw.after)}/s after the builds; ` +
        `rebuild ${fmtRate(f.rebuild.events)} events in ${f.rebuild.seconds.toFixed(1)} s; ` +
        `long case ${fmtRate(f.generated.longCase.events)} events`,
    );
}

export const section: BenchSection = {
  name: 'read',
  summary: 'read side: rebuild vs raw read rate, timeline / history / board / statistics latency over a generated log',
  order: 20,
  async run() {
    const sizes: Sizes = {
      events: envInt('BENCH_READ_EVENTS', 1_000_000, 10_000),
      pgliteEvents: envInt('BENCH_READ_PGLITE_EVENTS', 100_000, 10_000),
      longPairs: envInt('BENCH_READ_LONG_PAIRS', 515),
      samples: envInt('BENCH_READ_SAMPLES', 200),
      statisticsSamples: envInt('BENCH_READ_STAT_SAMPLES', 50),
      warmup: envInt('BENCH_READ_WARMUP', 20),
      appendSize: envInt('BENCH_READ_APPEND', 2_000),
    };
    log(machineLine());
    log(loadLine());
    const all: StoreFigures[] = [];
    for (const kind of benchStores()) {
      if (kind === 'postgres') {
        const why = await postgresUnavailable();
        if (why) {
          log(`  postgres: skipped (${why})`);
          continue;
        }
        log(`  postgres: ${await postgresSettings()}`);
      }
      try {
        all.push(await measureStore(kind, sizes));
      } catch (error) {
        log(`  ${kind}: FAILED ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      }
      log(loadLine());
    }
    if (all.length > 0) report(all);
  },
};
