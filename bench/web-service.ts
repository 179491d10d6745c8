import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '#config';
import { LocalSigningKey, mintToken } from '#security';
import { createApp } from '../apps/api/src/app.factory.js';
import { WireCounter } from './web-browser.js';

/**
 * The service the web section loads its pages from (the api and the built web app on a loopback
 * port), and the two accounts the pages are signed in as.
 */
export const PASSWORD = 'Mật khẩu đủ dài 2026!';

export const GUARD = {
  username: 'bench.guard',
  name: 'Hoàng Văn Đức',
  roles: ['border_guard'],
  unit: 'VN-LS-BP-HUUNGHI',
  province: 'lang-son',
  gates: ['HUU_NGHI'],
};
export const OFFICER = {
  username: 'bench.officer',
  name: 'Nguyễn Thị Hoa',
  roles: ['liaison_officer'],
  unit: 'VN-LS-BLO',
  province: 'lang-son',
};

export interface Answer {
  readonly status: number;
  readonly body: any;
}

export type Call = (method: 'GET' | 'POST', path: string, body?: unknown) => Promise<Answer>;

/** The service on a loopback port over a fresh PGlite store, plus a route serving the ceiling pages. */
export interface WebService {
  readonly url: string;
  readonly wire: WireCounter;
  readonly officer: Call;
  readonly admin: Call;
  readonly guard: Call;
  /** Static pages the ceiling loads: one response, no script, served by the same server. */
  readonly ceilingPages: Map<string, string>;
  close(): Promise<void>;
}

export async function startService(): Promise<WebService> {
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

export function accepted(what: string, r: Answer, ...statuses: number[]): any {
  if (!statuses.includes(r.status)) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body).slice(0, 400)}`);
  return r.body;
}

export async function createAccount(s: WebService, account: object): Promise<void> {
  accepted('account', await s.admin('POST', '/users', { ...account, password: PASSWORD }), 201);
}
