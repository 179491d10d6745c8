import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig } from '#config';
import { LocalSigningKey, mintToken } from '#security';
import { createApp } from '../apps/api/src/app.factory.js';
import { createBenchDatabase, percentile, type StoreKind } from './bench-kit.js';
import type { LoadResult, LoadSpec } from './http-load.worker.js';
import { countQueries, perRequest } from './query-counter.js';

/** A fixed, obviously non-secret key: the bench's database is thrown away afterwards. */
const BENCH_MASTER_KEY = Buffer.alloc(32, 7).toString('base64');

/** The whole service on a loopback port over a fresh store, and bearer tokens for an officer and an operator. */
export interface HttpTarget {
  readonly url: string;
  readonly authorization: string;
  /** An admin's: /health shows the head position to operators only. */
  readonly opsAuthorization: string;
  readonly app: NestFastifyApplication;
  close(): Promise<void>;
}

export async function startBenchApp(kind: StoreKind, pgliteSync: boolean): Promise<HttpTarget> {
  const dataDir = await mkdtemp(join(tmpdir(), 'blo-bench-http-'));
  const db = kind === 'postgres' ? await createBenchDatabase() : null;
  const env: Record<string, string> = {
    DATA_DIR: dataDir,
    PORT: '0',
    LOG_LEVEL: 'error',
    PGLITE_SYNC: pgliteSync ? 'on' : 'off',
  };
  if (db) Object.assign(env, { EVENT_STORE: 'postgres', DATABASE_URL: db.url, MASTER_KEY: BENCH_MASTER_KEY });
  // The live projection loop's batching and PGlite's thread, to compare settings in otherwise identical runs.
  for (const name of ['PROJECTION_LINGER_MS', 'PROJECTION_MIN_BATCH', 'PGLITE_THREAD']) {
    const value = process.env[`BENCH_${name}`];
    if (value) env[name] = value;
  }
  const cleanup = async () => {
    await db?.drop();
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    const config = loadConfig(env, dataDir);
    const app = await createApp(config, { quiet: true });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.getHttpServer().address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const key = await LocalSigningKey.loadOrCreate(dataDir);
    const tokenOptions = { issuer: config.auth.issuer, audience: config.auth.audience, ttlSeconds: 3600 };
    const token = await mintToken(
      key,
      { sub: 'bench.officer', roles: ['liaison_officer'], unit: 'VN-LS-BLO', province: 'lang-son' },
      tokenOptions,
    );
    const opsToken = await mintToken(
      key,
      { sub: 'bench.ops', roles: ['admin'], unit: 'VN-LS-BLO', province: 'lang-son' },
      tokenOptions,
    );
    return {
      url: `http://127.0.0.1:${port}`,
      authorization: `Bearer ${token}`,
      opsAuthorization: `Bearer ${opsToken}`,
      app,
      close: async () => {
        await app.close();
        await cleanup();
      },
    };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

/** What the load sends: a label for the table, the paths to rotate over and the body template. */
export interface Scenario {
  readonly label: string;
  readonly paths: readonly string[];
  readonly body: string;
}

export async function post(target: HttpTarget, path: string, body: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(`${target.url}${path}`, {
    method: 'POST',
    headers: { authorization: target.authorization, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

/**
 * Waits until requests the load generator gave up on have been served: autocannon stops at its
 * deadline with requests in flight, and they must not run into the next load or a closing store.
 * Quiet means the global head did not move for 300 ms (bounded: at most 20 s).
 */
export async function settle(target: HttpTarget): Promise<void> {
  const head = async () => {
    const res = await fetch(`${target.url}/health`, { headers: { authorization: target.opsAuthorization } });
    return ((await res.json()) as { headPosition?: string }).headPosition ?? '';
  };
  const deadline = Date.now() + 20_000;
  let last = await head();
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 300));
    const now = await head();
    if (now === last) return;
    last = now;
  }
}

export interface LoadFigures {
  readonly requestsPerSecond: number;
  readonly ok: number;
  readonly failed: number;
  readonly p50: number;
  readonly p99: number;
  readonly firstFailure: string | null;
  /** Share of the time the server's event loop was busy (wall clock: includes time preempted). */
  readonly loopBusy: number;
  /** CPU time of the server's main thread per answered request: what one request costs in Node. */
  readonly cpuMsPerRequest: number;
  /** SQL statements (round trips) per answered request, and which ones. */
  readonly statementsPerRequest: number;
  readonly statements: string;
}

/** autocannon on a worker thread against any URL (this process's app or another process). */
export function generateLoad(spec: LoadSpec): Promise<LoadResult> {
  return new Promise<LoadResult>((resolve, reject) => {
    const worker = new Worker(new URL('./http-load.worker.js', import.meta.url), { workerData: spec });
    worker.once('message', (m: { result?: LoadResult; error?: string }) =>
      m.result ? resolve(m.result) : reject(new Error(m.error ?? 'load worker failed')),
    );
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`load worker exited with ${code} before answering`)));
  });
}

export async function runLoad(
  target: HttpTarget,
  scenario: Scenario,
  connections: number,
  durationSeconds: number,
  idempotencyPrefix: string | null,
): Promise<LoadFigures> {
  const spec: LoadSpec = {
    url: target.url,
    connections,
    durationSeconds,
    paths: scenario.paths,
    body: scenario.body,
    headers: { authorization: target.authorization, 'content-type': 'application/json' },
    idempotencyPrefix,
  };
  const loopBefore = performance.eventLoopUtilization();
  const cpuBefore = process.threadCpuUsage();
  const counter = countQueries();
  const result = await generateLoad(spec);
  const loop = performance.eventLoopUtilization(loopBefore);
  const cpu = process.threadCpuUsage(cpuBefore);
  const queries = counter.stop();
  const answered = Math.max(1, result.ok + result.non2xx);
  await settle(target);
  const sorted = result.latencies.sort((a, b) => a - b);
  return {
    requestsPerSecond: result.ok / Math.max(result.seconds, 0.001),
    ok: result.ok,
    failed: result.non2xx + result.errors + result.timeouts,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    firstFailure: result.firstFailure,
    loopBusy: loop.utilization,
    cpuMsPerRequest: (cpu.user + cpu.system) / 1000 / answered,
    statementsPerRequest: queries.total / answered,
    statements: perRequest(queries, answered),
  };
}
