import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalSigningKey, mintToken } from '#security';
import { createTestDatabase, describeWhen, postgresUnavailable } from '#testing';
import { startTestApp } from './support/test-app.js';
import { newCase } from './support/journey.js';

const ROOT = join(import.meta.dirname, '../..');

/** Polls `probe` until it returns a value, at most `ms`: waiting for a condition, not sleeping. */
async function until<T>(probe: () => Promise<T | null>, ms: number, what: () => string): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await probe().catch(() => null);
    if (v !== null) return v;
    if (Date.now() > deadline) throw new Error(`not reached in time: ${what()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describeWhen(postgresUnavailable(), 'the worker process (PostgreSQL)', () => {
  it('serves /health and its projections reach what the api records', async () => {
    const admin = process.env.BLO_TEST_PG_URL!;
    const db = await createTestDatabase(admin);
    const env = { EVENT_STORE: 'postgres', DATABASE_URL: db.url, MASTER_KEY: Buffer.alloc(32, 3).toString('base64') };
    const dataDir = await mkdtemp(join(tmpdir(), 'blo-worker-'));
    // The api on the same PostgreSQL database (env overrides the store kind).
    const api = await startTestApp('pglite', env);
    // The worker trusts the key in its own data directory, as `DATA_DIR=… npm run cli -- token` would use.
    const workerKey = await LocalSigningKey.loadOrCreate(dataDir);
    const bearer = async (role: 'admin' | 'supervisor') => ({
      headers: {
        authorization: `Bearer ${await mintToken(
          workerKey,
          { sub: `${role}.user`, roles: [role], unit: 'VN-LS-BLO', province: 'lang-son' },
          { issuer: api.config.auth.issuer, audience: api.config.auth.audience, ttlSeconds: 600 },
        )}`,
      },
    });
    const ops = await bearer('admin');
    const worker = spawn(
      process.execPath,
      [
        '--conditions=source',
        '--import',
        join(ROOT, 'libs/testing/src/ts-child-register.mjs'),
        join(ROOT, 'apps/api/src/main.ts'),
      ],
      {
        cwd: ROOT,
        env: { PATH: process.env.PATH ?? '', ...env, ROLE: 'worker', DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'warn' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let err = '';
    let out = '';
    worker.stderr.on('data', (b: Buffer) => (err += b.toString()));
    worker.stdout.on('data', (b: Buffer) => (out += b.toString()));
    const exited = new Promise((resolve) => worker.on('exit', resolve));
    try {
      const port = await until(
        async () => /health on port (\d+)/.exec(out)?.[1] ?? null,
        60_000,
        () => err,
      );
      const officer = await api.as('liaison_officer');
      const made = await officer.post('/cases', newCase);
      expect(made.status).toBe(201);
      // A probe without credentials learns only that the worker is up.
      const probe = await fetch(`http://127.0.0.1:${port}/health`);
      expect([probe.status, await probe.json()]).toEqual([200, { status: 'up' }]);
      const notOps = await fetch(`http://127.0.0.1:${port}/health`, await bearer('supervisor'));
      expect(await notOps.json()).toEqual({ status: 'up' });
      const health = await until(
        async () => {
          const h = (await (await fetch(`http://127.0.0.1:${port}/health`, ops)).json()) as {
            role: string;
            projections: { name: string; position: string }[];
          };
          return h.projections.length > 0 &&
            h.projections.every((p) => BigInt(p.position) >= BigInt(made.body.position))
            ? h
            : null;
        },
        60_000,
        () => err,
      );
      expect(health).toMatchObject({ status: 'up', role: 'worker' });
      expect(health.projections.map((p) => p.name)).toEqual(expect.arrayContaining(['case_list', 'case_timeline']));
    } finally {
      worker.kill('SIGTERM');
      await exited;
      await api.close();
      await db.drop();
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 150_000);
});
