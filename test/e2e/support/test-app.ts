import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig, type AppConfig } from '#config';
import { LocalSigningKey, mintToken } from '#security';
import type { Role } from '#shared-kernel';
import { createTestDatabase, describeWhen, postgresUnavailable } from '#testing';
import { createApp } from '../../../apps/api/src/app.factory.js';

export type StoreKind = 'pglite' | 'postgres';

export interface Answer<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export interface Caller {
  post<T = any>(path: string, body?: unknown, headers?: Record<string, string>): Promise<Answer<T>>;
  get<T = any>(path: string, headers?: Record<string, string>): Promise<Answer<T>>;
}

/** Claims beyond the role; a border guard serves Hữu Nghị unless told otherwise. */
export interface TokenExtra {
  readonly sub?: string;
  readonly unit?: string;
  readonly province?: string;
  readonly gates?: readonly string[];
  readonly roles?: readonly Role[];
  readonly ttlSeconds?: number;
}

export interface TestApp {
  readonly url: string;
  readonly config: AppConfig;
  readonly app: NestFastifyApplication;
  token(role: Role, extra?: TokenExtra): Promise<string>;
  as(role: Role, extra?: TokenExtra): Promise<Caller>;
  raw(path: string, init: RequestInit): Promise<Answer>;
  close(): Promise<void>;
}

async function answer(res: Response): Promise<Answer> {
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text === '' ? null : JSON.parse(text);
  } catch {
    /* not JSON: keep the text */
  }
  return { status: res.status, headers: res.headers, body };
}

/**
 * The whole service, for real, on a loopback port: PGlite in a temp data dir, or a fresh
 * database on the test PostgreSQL server. A suite on PostgreSQL is defined with
 * `describeEachStore` (or `describeWhen(postgresUnavailable(), …)`), so it only runs when the
 * server is there; asking for it otherwise is a failure, not a skip.
 */
export async function startTestApp(kind: StoreKind, env: Record<string, string> = {}): Promise<TestApp> {
  const dataDir = await mkdtemp(join(tmpdir(), 'blo-e2e-'));
  let drop: (() => Promise<void>) | null = null;
  // Suites log outgoing messages with personal data as sent, to test everything else about them;
  // the second-officer release is tested by the suites that ask for it (EXCHANGE_RELEASE).
  const base: Record<string, string> = {
    DATA_DIR: dataDir,
    PORT: '0',
    LOG_LEVEL: 'error',
    PGLITE_SYNC: 'off',
    EXCHANGE_RELEASE: 'off',
    ...env,
  };
  if (kind === 'postgres') {
    const admin = process.env.BLO_TEST_PG_URL;
    if (!admin) throw new Error(`e2e on PostgreSQL without a server: ${postgresUnavailable()}`);
    const db = await createTestDatabase(admin);
    drop = db.drop;
    Object.assign(base, {
      EVENT_STORE: 'postgres',
      DATABASE_URL: db.url,
      MASTER_KEY: Buffer.alloc(32, 7).toString('base64'),
    });
  }
  const config = loadConfig(base, dataDir);
  const app = await createApp(config, { quiet: true });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.getHttpServer().address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const key = await LocalSigningKey.loadOrCreate(dataDir);

  const token: TestApp['token'] = (role, extra = {}) =>
    mintToken(
      key,
      {
        sub: extra.sub ?? `${role}.user`,
        roles: extra.roles ?? [role],
        unit: extra.unit ?? 'VN-LS-BLO',
        province: extra.province ?? 'lang-son',
        ...(extra.gates ? { gates: extra.gates } : role === 'border_guard' ? { gates: ['HUU_NGHI'] } : {}),
      },
      { issuer: config.auth.issuer, audience: config.auth.audience, ttlSeconds: extra.ttlSeconds ?? 600 },
    );

  const raw: TestApp['raw'] = async (path, init) => answer(await fetch(`${url}${path}`, init));

  return {
    url,
    config,
    app,
    token,
    raw,
    async as(role, extra) {
      const bearer = `Bearer ${await token(role, extra)}`;
      return {
        post: (path, body, headers = {}) =>
          raw(`/api/v1${path}`, {
            method: 'POST',
            headers: { authorization: bearer, 'content-type': 'application/json', ...headers },
            body: JSON.stringify(body ?? {}),
          }),
        get: (path, headers = {}) => raw(`/api/v1${path}`, { headers: { authorization: bearer, ...headers } }),
      };
    },
    async close() {
      await app.close();
      if (drop) await drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Runs a describe block once per store: the same journeys must hold on both. */
export const STORES: readonly StoreKind[] = ['pglite', 'postgres'];

/**
 * `describe` once per store, titled "<name> (pglite)" and "<name> (postgres)"; the PostgreSQL one
 * is skipped, with the reason in its title and the run's summary, when there is no server.
 */
export function describeEachStore(name: string, fn: (kind: StoreKind) => void): void {
  for (const kind of STORES)
    describeWhen(kind === 'postgres' ? postgresUnavailable() : null, `${name} (${kind})`, () => fn(kind));
}
