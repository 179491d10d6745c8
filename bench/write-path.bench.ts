import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { loadConfig, type AppConfig } from '#config';
import { openEventStore, PoolSqlClient } from '#event-store';
import {
  benchStores,
  createBenchDatabase,
  envInt,
  envList,
  loadLine,
  log,
  machineLine,
  postgresSettings,
  postgresUnavailable,
  type BenchSection,
  type StoreKind,
} from './bench-kit.js';
import { runLoad, startBenchApp } from './write-http.js';
import {
  multiplyRows,
  portAppender,
  rawInserts,
  recordedRows,
  resetRawTable,
  rowSizes,
  Stopwatch,
  withConnections,
  type Timing,
} from './write-port.js';
import { casesScenario, exchangeScenario } from './write-scenarios.js';
import { tableOf, type HttpRun, type PortFigures, type StoreFigures } from './write-report.js';

interface Sizes {
  readonly events: number;
  readonly streams: number;
  readonly warmup: number;
  readonly httpSeconds: number;
  readonly threads: number;
  readonly clients: readonly number[];
  readonly rawCopies: number;
  /** Port, raw and keyed measurements alternate in this many rounds (shared machines are noisy). */
  readonly rounds: number;
  readonly noKeys: boolean;
  readonly pgliteSync: boolean;
  /** BENCH_PARTS=port,http: which halves to run (http alone is handy under --cpu-prof). */
  readonly parts: readonly string[];
}

function sizesFromEnv(): Sizes {
  return {
    events: envInt('BENCH_EVENTS', 5000),
    streams: envInt('BENCH_STREAMS', 100),
    warmup: envInt('BENCH_WARMUP', 300, 0),
    httpSeconds: envInt('BENCH_HTTP_SECONDS', 10),
    threads: envInt('BENCH_THREADS', 500),
    clients: envList('BENCH_CLIENTS', ['8', '32']).map((c) => Number(c)),
    rawCopies: envInt('BENCH_RAW_COPIES', 4),
    rounds: envInt('BENCH_ROUNDS', 10),
    noKeys: process.env.BENCH_HTTP_NO_KEYS !== 'off',
    pgliteSync: process.env.BENCH_PGLITE_SYNC !== 'off',
    parts: envList('BENCH_PARTS', ['port', 'http']),
  };
}

/** A config for a fresh store of this kind, and how to throw it away. */
async function freshStoreConfig(kind: StoreKind, sync: boolean): Promise<{ config: AppConfig; drop(): Promise<void> }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'blo-bench-port-'));
  const db = kind === 'postgres' ? await createBenchDatabase() : null;
  // PGlite on the calling thread: its fastest single connection, so the ceiling is the highest
  // one and the HTTP figures (which may run it on a worker thread) are not flattered by it.
  const env: Record<string, string> = {
    DATA_DIR: dataDir,
    PGLITE_SYNC: sync ? 'on' : 'off',
    PGLITE_THREAD: 'main',
    LOG_LEVEL: 'error',
  };
  if (db)
    Object.assign(env, {
      EVENT_STORE: 'postgres',
      DATABASE_URL: db.url,
      MASTER_KEY: Buffer.alloc(32, 7).toString('base64'),
    });
  return {
    config: loadConfig(env, dataDir),
    drop: async () => {
      await db?.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function measurePort(kind: StoreKind, sizes: Sizes): Promise<PortFigures> {
  const fresh = await freshStoreConfig(kind, sizes.pgliteSync);
  const opened = await openEventStore(fresh.config);
  // PostgreSQL: the ceiling gets its own connections; PGlite has exactly one, shared with the store.
  const pool =
    kind === 'postgres'
      ? new pg.Pool({ connectionString: fresh.config.databaseUrl!, max: Math.max(1, ...sizes.clients) })
      : (opened.sql as PoolSqlClient).pool;
  // An idle connection the server terminates must not crash the run; a busy one fails its query.
  if (kind === 'postgres') pool.on('error', (e) => log(`  ${kind}: idle connection lost (${e.message})`));
  try {
    const plain = portAppender(opened.store, sizes.streams, false);
    const keyed = portAppender(opened.store, sizes.streams, true);
    await resetRawTable(opened.sql);
    const warm = async () => {
      for (let i = 0; i < sizes.warmup; i++) await plain();
      const rows = await recordedRows(opened.store, sizes.warmup);
      for (let i = 0; i < sizes.warmup; i++) await keyed();
      return rows;
    };
    const warmRows = await warm();
    const watches = { port: new Stopwatch(), keyed: new Stopwatch(), raw: new Stopwatch() };
    const all: unknown[][] = [];
    log(`  ${kind}: ${sizes.events} appends each way in ${sizes.rounds} alternating rounds (port, raw INSERT, keyed)…`);
    await withConnections(pool, 1, (conns) => rawInserts(conns, warmRows, null));
    for (let done = 0, round = 0; done < sizes.events; round++) {
      const n = Math.min(Math.ceil(sizes.events / sizes.rounds), sizes.events - done);
      await watches.port.sequential(n, plain);
      const rows = await recordedRows(opened.store, n);
      await withConnections(pool, 1, (conns) => rawInserts(conns, rows, watches.raw));
      await watches.keyed.sequential(n, keyed);
      all.push(...rows);
      done += n;
    }
    const rawConcurrent = new Map<number, Timing>();
    if (kind === 'postgres') {
      const many = multiplyRows(all, sizes.rawCopies, 0n);
      for (const c of sizes.clients) {
        await resetRawTable(opened.sql);
        const watch = new Stopwatch();
        await withConnections(pool, c, (conns) => rawInserts(conns, many, watch));
        rawConcurrent.set(c, watch.timing());
      }
    }
    await opened.sql.query('DROP TABLE IF EXISTS raw_events');
    return {
      raw: watches.raw.timing(),
      rawConcurrent,
      port: watches.port.timing(),
      portIdempotent: watches.keyed.timing(),
      rowBytes: rowSizes(all),
    };
  } finally {
    if (kind === 'postgres') await pool.end();
    await opened.close();
    await fresh.drop();
  }
}

async function measureHttp(kind: StoreKind, sizes: Sizes): Promise<{ scenario: string; http: HttpRun[] }> {
  const target = await startBenchApp(kind, sizes.pgliteSync);
  try {
    const scenario = (await exchangeScenario(target, sizes.threads)) ?? casesScenario;
    const tag = Date.now().toString(36);
    log(`  ${kind}: HTTP ${scenario.label}, warm-up…`);
    await runLoad(target, scenario, sizes.clients[0] ?? 8, 2, `warm-${tag}`);
    const http: HttpRun[] = [];
    for (const c of sizes.clients) {
      log(`  ${kind}: HTTP ${scenario.label}, ${c} clients, ${sizes.httpSeconds} s, one Idempotency-Key each…`);
      http.push({
        clients: c,
        keys: true,
        figures: await runLoad(target, scenario, c, sizes.httpSeconds, `k${c}-${tag}`),
      });
    }
    if (sizes.noKeys) {
      const c = Math.max(...sizes.clients);
      log(`  ${kind}: HTTP ${scenario.label}, ${c} clients, no Idempotency-Key (diagnostic)…`);
      http.push({ clients: c, keys: false, figures: await runLoad(target, scenario, c, sizes.httpSeconds, null) });
    }
    return { scenario: scenario.label, http };
  } finally {
    await target.close();
  }
}

async function run(): Promise<void> {
  const sizes = sizesFromEnv();
  log(`Write path (issues 2 and 14) — ${machineLine()}`);
  log(
    `  BENCH_EVENTS=${sizes.events} BENCH_STREAMS=${sizes.streams} BENCH_WARMUP=${sizes.warmup} ` +
      `BENCH_ROUNDS=${sizes.rounds} BENCH_HTTP_SECONDS=${sizes.httpSeconds} BENCH_CLIENTS=${sizes.clients.join(',')} ` +
      `BENCH_THREADS=${sizes.threads} BENCH_PGLITE_SYNC=${sizes.pgliteSync ? 'on' : 'off'}`,
  );
  const results: StoreFigures[] = [];
  for (const kind of benchStores()) {
    if (kind === 'postgres') {
      const why = await postgresUnavailable();
      if (why) {
        log(`  postgres: SKIPPED — ${why} (set BENCH_DATABASE_URL)`);
        continue;
      }
      log(`  postgres: ${await postgresSettings()}`);
    }
    log(`  ${kind}: ${loadLine()}`);
    try {
      const port = sizes.parts.includes('port') ? await measurePort(kind, sizes) : null;
      const http = sizes.parts.includes('http') ? await measureHttp(kind, sizes) : null;
      results.push({ kind, port, scenario: http?.scenario ?? '-', http: http?.http ?? [] });
    } catch (error) {
      // Another process on a shared server (a test restarting it, an admin) can cut the run short.
      log(`  ${kind}: FAILED — ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    }
  }
  if (results.length === 0) return;
  log(`  after: ${loadLine()}`);
  log('');
  log(tableOf(results));
  log('"of ceiling": raw INSERTs of the same rows on as many connections (PGlite has one).');
  log('"loop, cpu/req": how busy the server\'s event loop was, and its main thread\'s CPU time per request.');
  for (const r of results) {
    const bytes = r.port ? `; rows ~${r.port.rowBytes.data} B data + ${r.port.rowBytes.metadata} B metadata` : '';
    log(`${r.kind}: HTTP scenario ${r.scenario}${bytes}`);
    for (const h of r.http) {
      log(`  ${h.clients} clients, ${h.keys ? 'with' : 'no'} keys — statements per request: ${h.figures.statements}`);
      if (h.figures.firstFailure) log(`  first refusal: ${h.figures.firstFailure}`);
    }
  }
}

export const section: BenchSection = {
  name: 'write',
  summary: 'appends through the port, raw INSERT ceiling, HTTP command throughput (issue 2)',
  order: 10,
  run,
};
