import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '../..');
const HOOKS = join(ROOT, 'libs/testing/src/ts-child-register.mjs');

/** Runs apps/api/src/main.ts as `npm start` runs its build: a real process with a real environment. */
function startMain(env: Record<string, string>) {
  const child = spawn(
    process.execPath,
    ['--conditions=source', '--import', HOOKS, join(ROOT, 'apps/api/src/main.ts')],
    {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  let err = '';
  child.stdout.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr.on('data', (b: Buffer) => (err += b.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => ({ out, err }) };
}

describe('starting the service', () => {
  it('refuses a bad configuration at boot with the list of what is wrong', async () => {
    const run = startMain({ PORT: 'eighty', EVENT_STORE: 'postgres', KAFKA_BROKERS: 'nohost' });
    expect(await run.exited).toBe(1);
    const { err } = run.output();
    expect(err).toContain('Invalid configuration');
    for (const name of ['PORT', 'DATABASE_URL', 'KAFKA_BROKERS', 'MASTER_KEY']) expect(err).toContain(name);
  }, 60_000);

  it('serves on the embedded store with no configuration but a data dir, and says how to mint a token', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'blo-start-'));
    const run = startMain({ DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'error', PGLITE_SYNC: 'off' });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no start line: ${JSON.stringify(run.output())}`)), 50_000);
        run.child.stdout.on('data', () => {
          const m = /serving (http:\/\/127\.0\.0\.1:\d+)\/api\/v1/.exec(run.output().out);
          if (m) {
            clearTimeout(timer);
            resolve(m[1]);
          }
        });
        void run.exited.then((code) => reject(new Error(`exited ${code}: ${JSON.stringify(run.output())}`)));
      });
      expect(run.output().out).toContain(
        'npm run cli -- token --sub an.nguyen --role liaison_officer --unit VN-LS-BLO --province lang-son',
      );
      // Anonymous, as a probe asks: up or down, nothing about the deployment.
      const health = await fetch(`${url}/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: 'up' });
    } finally {
      run.child.kill('SIGTERM');
      await run.exited;
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
