import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { loadConfig } from '#config';
import { openEventStore } from '#event-store';
import { LocalSigningKey, mintToken } from '#security';
import {
  createBenchDatabase,
  envInt,
  envList,
  fmtMs,
  fmtPct,
  fmtRate,
  formatTable,
  loadLine,
  log,
  machineLine,
  percentile,
  perSecond,
  postgresUnavailable,
  type BenchDatabase,
  type BenchSection,
} from './bench-kit.js';
import { generateLoad } from './write-http.js';
import {
  multiplyRows,
  portAppender,
  rawInserts,
  recordedRows,
  resetRawTable,
  Stopwatch,
  withConnections,
} from './write-port.js';
import { casesScenario } from './write-scenarios.js';
import { cpuTicks, SERVICE_MAIN, startChild } from './service-child.js';

/**
 * Several api processes (`API_PROCESSES`, issue 14): deploy/'s topology on PostgreSQL, a
 * ROLE=worker process beside a ROLE=api service run with 1, 2, … processes in turn, each loaded
 * with the same POST /cases scenario. The ceiling is raw INSERTs of the same rows on as many
 * connections as clients, in the same run, as in the write section; the runs differ only in the
 * number of api processes, so their ratio to each other is the gain of the setting.
 */
const MASTER_KEY = Buffer.alloc(32, 7).toString('base64');

interface Row {
  readonly label: string;
  /** Share of all cores busy during the load (every process: server, worker, database, load generator). */
  readonly cpuBusy?: number;
  readonly perSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly failed: number;
}

/** Raw INSERTs of `count` recorded rows on `clients` connections: the physical ceiling. */
async function ceiling(db: BenchDatabase, clients: number, count: number): Promise<Row> {
  const dataDir = await mkdtemp(join(tmpdir(), 'blo-bench-procs-ceiling-'));
  const config = loadConfig(
    { EVENT_STORE: 'postgres', DATABASE_URL: db.url, MASTER_KEY, DATA_DIR: dataDir, LOG_LEVEL: 'error' },
    dataDir,
  );
  const opened = await openEventStore(config);
  const pool = new pg.Pool({ connectionString: db.url, max: clients });
  pool.on('error', (e) => log(`  ceiling: idle connection lost (${e.message})`));
  try {
    const append = portAppender(opened.store, 100, false);
    for (let i = 0; i < count; i++) await append();
    const rows = multiplyRows(await recordedRows(opened.store, count), 4, 0n);
    await resetRawTable(opened.sql);
    const watch = new Stopwatch();
    await withConnections(pool, clients, (conns) => rawInserts(conns, rows, watch));
    await opened.sql.query('DROP TABLE IF EXISTS raw_events');
    const t = watch.timing();
    return {
      label: `raw INSERT, ${clients} connections (ceiling)`,
      perSecond: perSecond(t.count, t.ms),
      ...t,
      failed: 0,
    };
  } finally {
    await pool.end();
    await opened.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/**
 * A bearer token the service started on `dataDir` will accept: the key is created here, before
 * the service starts, and the service loads it.
 */
async function tokenFor(dataDir: string, role: 'liaison_officer' | 'admin'): Promise<string> {
  const key = await LocalSigningKey.loadOrCreate(dataDir);
  const config = loadConfig({ DATA_DIR: dataDir }, dataDir);
  const token = await mintToken(
    key,
    { sub: `bench.${role}`, roles: [role], unit: 'VN-LS-BLO', province: 'lang-son' },
    { issuer: config.auth.issuer, audience: config.auth.audience, ttlSeconds: 3600 },
  );
  return `Bearer ${token}`;
}

/**
 * Waits until the worker's projections have applied the whole log, so one run's backlog is not
 * applied during the next one (bounded: a run starts after 60 s regardless, and says so).
 */
async function workerCaughtUp(url: string, authorization: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const health = (await (await fetch(`${url}/health`, { headers: { authorization } })).json()) as {
      headPosition?: string;
      projections?: { position: string }[];
    };
    const head = BigInt(health.headPosition ?? '0');
    if ((health.projections ?? []).every((p) => BigInt(p.position) >= head)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  log('  the worker was still behind after 60 s; the next run shares the CPU with its backlog');
}

interface Run {
  readonly cpuBusy: number | null;
  readonly ok: number;
  readonly seconds: number;
  readonly failed: number;
  readonly latencies: number[];
}

/** One api service with `processes` forks, loaded for `seconds` after a short warm-up. */
async function measureApi(db: BenchDatabase, processes: number, clients: number, seconds: number): Promise<Run> {
  const dataDir = await mkdtemp(join(tmpdir(), 'blo-bench-procs-api-'));
  const authorization = await tokenFor(dataDir, 'liaison_officer');
  const api = startChild({
    ROLE: 'api',
    API_PROCESSES: String(processes),
    EVENT_STORE: 'postgres',
    DATABASE_URL: db.url,
    MASTER_KEY,
    DATA_DIR: dataDir,
    PORT: '0',
    // node:cluster hands connections round-robin through the supervisor by default; `none`
    // lets the kernel give them to the processes directly (BENCH_CLUSTER_SCHED=none compares).
    ...(process.env.BENCH_CLUSTER_SCHED ? { NODE_CLUSTER_SCHED_POLICY: process.env.BENCH_CLUSTER_SCHED } : {}),
  });
  try {
    if (processes > 1) await api.waitFor(/processes share the port/, 120_000);
    const port = (await api.waitFor(/serving http:\/\/127\.0\.0\.1:(\d+)/, 120_000))[1];
    const spec = {
      url: `http://127.0.0.1:${port}`,
      connections: clients,
      paths: casesScenario.paths,
      body: casesScenario.body,
      headers: { authorization, 'content-type': 'application/json' },
      idempotencyPrefix: null,
    };
    await generateLoad({ ...spec, durationSeconds: 2 });
    const before = cpuTicks();
    const result = await generateLoad({ ...spec, durationSeconds: seconds });
    const after = cpuTicks();
    return {
      cpuBusy: before && after ? 1 - (after.idle - before.idle) / Math.max(1, after.total - before.total) : null,
      ok: result.ok,
      seconds: result.seconds,
      failed: result.non2xx + result.errors + result.timeouts,
      latencies: result.latencies,
    };
  } finally {
    await api.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** The runs of one setting as one row: requests over time summed, percentiles over every request. */
function rowOf(label: string, runs: readonly Run[]): Row {
  const latencies = runs.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const ok = runs.reduce((n, r) => n + r.ok, 0);
  const seconds = runs.reduce((n, r) => n + r.seconds, 0);
  const busy = runs.flatMap((r) => (r.cpuBusy === null ? [] : [r.cpuBusy]));
  return {
    label,
    ...(busy.length > 0 ? { cpuBusy: busy.reduce((a, b) => a + b, 0) / busy.length } : {}),
    perSecond: ok / Math.max(seconds, 0.001),
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    failed: runs.reduce((n, r) => n + r.failed, 0),
  };
}

async function run(): Promise<void> {
  const counts = envList('BENCH_API_PROCESSES', ['1', '2']).map(Number);
  const rounds = envInt('BENCH_PROCESSES_ROUNDS', 2);
  const clients = envInt('BENCH_PROCESSES_CLIENTS', 32);
  const seconds = envInt('BENCH_HTTP_SECONDS', 10);
  log(`Several api processes (issue 14) — ${machineLine()}`);
  log(`  BENCH_CLUSTER_SCHED=${process.env.BENCH_CLUSTER_SCHED ?? '(node default: rr)'}`);
  log(
    `  BENCH_API_PROCESSES=${counts.join(',')} BENCH_PROCESSES_CLIENTS=${clients} BENCH_HTTP_SECONDS=${seconds} ` +
      `BENCH_PROCESSES_ROUNDS=${rounds}`,
  );
  const why = await postgresUnavailable();
  if (why) return log(`  SKIPPED — ${why} (set BENCH_DATABASE_URL)`);
  if (!existsSync(SERVICE_MAIN)) return log(`  SKIPPED — ${SERVICE_MAIN} is not built (npm run bench builds it)`);
  log(`  before: ${loadLine()}`);
  const db = await createBenchDatabase();
  const workerDir = await mkdtemp(join(tmpdir(), 'blo-bench-procs-worker-'));
  const ops = await tokenFor(workerDir, 'admin');
  const worker = startChild({
    ROLE: 'worker',
    EVENT_STORE: 'postgres',
    DATABASE_URL: db.url,
    MASTER_KEY,
    DATA_DIR: workerDir,
    PORT: '0',
  });
  const rows: Row[] = [];
  try {
    const workerUrl = `http://127.0.0.1:${(await worker.waitFor(/health on port (\d+)/, 120_000))[1]}`;
    rows.push(await ceiling(db, clients, envInt('BENCH_EVENTS', 2000)));
    // Rounds alternate the order (1, 2, then 2, 1 …): a growing database or a burst of load
    // from elsewhere then weighs on every setting alike.
    const runs = new Map<number, Run[]>(counts.map((n) => [n, []]));
    for (let round = 0; round < rounds; round++) {
      for (const n of round % 2 === 0 ? counts : [...counts].reverse()) {
        await workerCaughtUp(workerUrl, ops);
        runs.get(n)!.push(await measureApi(db, n, clients, seconds));
      }
    }
    for (const n of counts) rows.push(rowOf(`HTTP, ${clients} clients, API_PROCESSES=${n}`, runs.get(n)!));
  } finally {
    await worker.stop();
    await db.drop();
    await rm(workerDir, { recursive: true, force: true });
  }
  log(`  after: ${loadLine()}`);
  const [top, ...runs] = rows;
  const first = runs[0];
  const table: string[][] = [
    ['measurement', 'per s', 'p50 ms', 'p99 ms', 'of ceiling', `vs ${first?.label.split(', ').at(-1)}`, 'CPU busy'],
  ];
  for (const r of rows)
    table.push([
      `${r.label}${r.failed ? ` (${r.failed} failed)` : ''}`,
      fmtRate(r.perSecond),
      fmtMs(r.p50),
      fmtMs(r.p99),
      fmtPct(r.perSecond / top.perSecond),
      r === top || !first ? '' : `${(r.perSecond / first.perSecond).toFixed(2)}×`,
      r.cpuBusy === undefined ? '' : fmtPct(r.cpuBusy),
    ]);
  log('');
  log(formatTable(table));
  log(
    'A ROLE=worker process runs beside every api run (projections, as deployed); the load generator shares the cores.',
  );
}

export const section: BenchSection = {
  name: 'processes',
  summary: 'POST /cases through ROLE=api with API_PROCESSES=1,2 beside a worker, on PostgreSQL (issue 14)',
  order: 15,
  run,
};
