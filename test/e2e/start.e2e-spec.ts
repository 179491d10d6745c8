import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newCase } from './support/journey.js';
import { bearerFor, startService } from './support/service-process.js';

describe('starting the service', () => {
  it('refuses a bad configuration at boot with the list of what is wrong', async () => {
    const run = startService({ PORT: 'eighty', EVENT_STORE: 'postgres', KAFKA_BROKERS: 'nohost' });
    expect(await run.exitCode()).toBe(1);
    const err = run.stderr();
    expect(err).toContain('Invalid configuration');
    for (const name of ['PORT', 'DATABASE_URL', 'KAFKA_BROKERS', 'MASTER_KEY']) expect(err).toContain(name);
  }, 60_000);

  it('serves on the embedded store with no configuration but a data dir, and says how to mint a token', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'blo-start-'));
    const run = startService({ DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'error', PGLITE_SYNC: 'off' });
    try {
      const url = (await run.waitFor(/serving (http:\/\/127\.0\.0\.1:\d+)\/api\/v1/, 50_000))[1];
      expect(run.stdout()).toContain(
        'npm run cli -- token --sub an.nguyen --role liaison_officer --unit VN-LS-BLO --province lang-son',
      );
      // Anonymous, as a probe asks: up or down, nothing about the deployment.
      const health = await fetch(`${url}/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: 'up' });
      // PGlite runs on its own thread by default (PGLITE_THREAD=worker), and a write goes through it.
      const officer = await bearerFor(dataDir, 'liaison_officer');
      const made = await fetch(`${url}/api/v1/cases`, {
        method: 'POST',
        headers: { authorization: officer, 'content-type': 'application/json' },
        body: JSON.stringify(newCase),
      });
      expect(made.status).toBe(201);
      const { position } = (await made.json()) as { position: string };
      const ops = await fetch(`${url}/health`, { headers: { authorization: await bearerFor(dataDir, 'admin') } });
      expect(await ops.json()).toMatchObject({ eventStore: 'pglite', storeThread: 'worker', headPosition: position });
    } finally {
      await run.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
