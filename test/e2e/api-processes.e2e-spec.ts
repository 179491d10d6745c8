import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, describeWhen, postgresUnavailable } from '#testing';
import { newCase } from './support/journey.js';
import { bearerFor, startService, type ServiceProcess } from './support/service-process.js';

/**
 * ROLE=api with API_PROCESSES=2 against a real PostgreSQL: one supervisor forks two api processes
 * on one port (node:cluster), both serve and write, and SIGTERM ends all three.
 */
describeWhen(postgresUnavailable(), 'several api processes on one port (API_PROCESSES)', () => {
  let db: { url: string; drop: () => Promise<void> };
  let dataDir: string;
  let service: ServiceProcess | undefined;

  beforeAll(async () => {
    db = await createTestDatabase(process.env.BLO_TEST_PG_URL!);
    dataDir = await mkdtemp(join(tmpdir(), 'blo-api-processes-'));
  }, 60_000);

  afterAll(async () => {
    await service?.stop();
    await db?.drop();
    await rm(dataDir, { recursive: true, force: true });
  }, 60_000);

  const alive = (pid: number): boolean => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };

  it('serves and writes from two processes, and stops them all on SIGTERM', async () => {
    const started = startService({
      ROLE: 'api',
      API_PROCESSES: '2',
      EVENT_STORE: 'postgres',
      DATABASE_URL: db.url,
      MASTER_KEY: Buffer.alloc(32, 9).toString('base64'),
      DATA_DIR: dataDir,
      PORT: '0',
      LOG_LEVEL: 'warn',
    });
    service = started;
    await started.waitFor(/2 processes share the port/, 120_000);
    const url = `http://127.0.0.1:${(await started.waitFor(/serving http:\/\/127\.0\.0\.1:(\d+)/, 1_000))[1]}`;
    const admin = await bearerFor(dataDir, 'admin');
    const officer = await bearerFor(dataDir, 'liaison_officer');

    // node:cluster hands new connections to the processes in turn: a few, each on its own
    // connection, reach both.
    const pids = new Set<number>();
    for (let i = 0; i < 6; i++) {
      const h = await fetch(`${url}/health`, { headers: { authorization: admin, connection: 'close' } });
      const body = (await h.json()) as { role: string; pid: number; running: string[] };
      expect(body).toMatchObject({ role: 'api', running: [] });
      pids.add(body.pid);
    }
    expect(pids.size).toBe(2);
    expect(pids.has(started.child.pid!)).toBe(false);

    for (let i = 0; i < 4; i++) {
      const made = await fetch(`${url}/api/v1/cases`, {
        method: 'POST',
        headers: { authorization: officer, 'content-type': 'application/json', connection: 'close' },
        body: JSON.stringify(newCase),
      });
      expect(made.status).toBe(201);
    }

    await started.stop();
    service = undefined;
    expect(await started.exitCode()).toBe(0);
    for (const pid of pids) expect(alive(pid)).toBe(false);
  }, 180_000);

  it('refuses API_PROCESSES without ROLE=api, at boot, with the reason', async () => {
    const refused = startService({ API_PROCESSES: '2', DATA_DIR: dataDir, PORT: '0' });
    expect(await refused.exitCode()).toBe(1);
    expect(refused.stderr()).toContain('API_PROCESSES=2 needs ROLE=api');
  }, 60_000);
});
