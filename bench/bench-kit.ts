import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/**
 * What every bench section shares: sizes from the environment, a throwaway PostgreSQL database
 * and data directory, and a compact results table. Sections print figures; they never fail the
 * run on a missed target (a benchmark reports, a test decides).
 */
export interface BenchSection {
  /** What `npm run bench -- <name>` selects. */
  readonly name: string;
  readonly summary: string;
  /** Sections with a lower order run first when all of them run. */
  readonly order: number;
  run(): Promise<void>;
}

export const DEFAULT_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export function envInt(name: string, fallback: number, min = 1): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be an integer ≥ ${min} (got "${raw}")`);
  return n;
}

export function envList(name: string, fallback: readonly string[]): string[] {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return [...fallback];
  return raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

export type StoreKind = 'pglite' | 'postgres';

/** The stores a section should measure: BENCH_STORES=pglite,postgres (default both). */
export function benchStores(): StoreKind[] {
  const stores = envList('BENCH_STORES', ['pglite', 'postgres']);
  for (const s of stores) if (s !== 'pglite' && s !== 'postgres') throw new Error(`BENCH_STORES: unknown store ${s}`);
  return stores as StoreKind[];
}

export const adminUrl = (): string => process.env.BENCH_DATABASE_URL || DEFAULT_ADMIN_URL;

/** Why PostgreSQL cannot be used, or null when the admin URL answers. */
export async function postgresUnavailable(): Promise<string | null> {
  const client = new pg.Client({ connectionString: adminUrl(), connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (error) {
    return `cannot reach ${redact(adminUrl())}: ${error instanceof Error ? error.message : String(error)}`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export interface BenchDatabase {
  readonly url: string;
  drop(): Promise<void>;
}

/** A new, empty database beside the admin one, dropped (even with open connections) afterwards. */
export async function createBenchDatabase(): Promise<BenchDatabase> {
  const name = `blo_bench_${randomBytes(6).toString('hex')}`;
  await withAdmin((c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => withAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

async function withAdmin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** The server settings that decide what a commit costs, for the report. */
export async function postgresSettings(): Promise<string> {
  return withAdmin(async (c) => {
    const names = ['server_version', 'fsync', 'synchronous_commit', 'wal_sync_method', 'shared_buffers'];
    const r = await c.query<{ name: string; setting: string; unit: string | null }>(
      'SELECT name, setting, unit FROM pg_settings WHERE name = ANY($1) ORDER BY name',
      [names],
    );
    return r.rows.map((row) => `${row.name}=${row.setting}${row.unit ? ` ${row.unit}` : ''}`).join(', ');
  });
}

export async function withTempDir<T>(prefix: string, fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  try {
    return await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export function machineLine(): string {
  const cpu = cpus();
  const gib = (totalmem() / 1024 ** 3).toFixed(1);
  return `${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${gib} GiB RAM, Node ${process.version}, ${process.platform}`;
}

/** Other work on the machine skews every figure; the report shows how busy it was. */
export function loadLine(): string {
  const [one, five] = loadavg();
  const busy = one > cpus().length ? ' — BUSY: other processes compete for the CPU, figures are low' : '';
  return `load average ${one.toFixed(2)} (1 min), ${five.toFixed(2)} (5 min)${busy}`;
}

const redact = (url: string): string => url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');

// ---- figures ---------------------------------------------------------------------------------

export const perSecond = (count: number, ms: number): number => (ms > 0 ? (count * 1000) / ms : 0);

export const fmtRate = (n: number): string => Math.round(n).toLocaleString('en-US');
export const fmtMs = (n: number): string => (n < 10 ? n.toFixed(2) : n.toFixed(1));
export const fmtPct = (ratio: number): string => `${Math.round(ratio * 100)} %`;

export function percentile(sortedMs: readonly number[], p: number): number {
  if (sortedMs.length === 0) return 0;
  const i = Math.min(sortedMs.length - 1, Math.max(0, Math.ceil((p / 100) * sortedMs.length) - 1));
  return sortedMs[i];
}

/** Fixed-width text table: the first row is the header. */
export function formatTable(rows: readonly (readonly string[])[]): string {
  const widths = rows[0].map((_, col) => Math.max(...rows.map((r) => (r[col] ?? '').length)));
  const line = (r: readonly string[]) =>
    r
      .map((cell, col) => (col === 0 ? cell.padEnd(widths[col]) : cell.padStart(widths[col])))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(rows[0]), rule, ...rows.slice(1).map(line)].join('\n');
}

export const verdict = (met: boolean): string => (met ? 'PASS' : 'MISS');

export function log(message: string): void {
  process.stdout.write(`${message}\n`);
}
