import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { collect } from '../contract/contract-fixtures.js';
import { verifyChain } from '../hash-chain.js';
import { openPglite } from './pglite-client.js';
import { SqlEventStore } from './sql-event-store.js';

const contractDir = resolve('libs/event-store/src/contract');
const repoNode = resolve('node_modules/.bin/node');
const node = existsSync(repoNode) ? repoNode : process.execPath;

/** Runs the appending child until it has acknowledged `atLeast` events, then SIGKILLs it. */
function appendThenKill(
  dataDir: string,
  sync: 'on' | 'off',
  thread: 'main' | 'worker',
  atLeast: number,
): Promise<Map<bigint, string>> {
  const child = spawn(
    node,
    [
      '--no-warnings',
      '--conditions=source',
      '--import',
      resolve('libs/testing/src/ts-child-register.mjs'),
      join(contractDir, 'pglite-append-child.mjs'),
      dataDir,
      sync,
      thread,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const acknowledged = new Map<bigint, string>();
  let buffered = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((done, fail) => {
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        const [position, id] = line.split(' ');
        if (id) acknowledged.set(BigInt(position), id);
      }
      if (acknowledged.size >= atLeast && child.exitCode === null && !child.killed) child.kill('SIGKILL');
    });
    child.on('exit', (code, signal) => {
      // A line cut in half by the kill was never complete, so it was never an acknowledgement.
      if (signal === 'SIGKILL') done(acknowledged);
      else fail(new Error(`child ended with ${code ?? signal}: ${stderr}`));
    });
  });
}

describe('PGlite durability across kill -9', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'blo-durability-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['on', 'main'],
    ['off', 'main'],
    ['on', 'worker'],
  ] as const)(
    'keeps every acknowledged append (PGLITE_SYNC=%s, PGlite on the %s thread) and the chains still verify',
    async (sync, thread) => {
      const dataDir = join(dir, 'pglite');
      const acknowledged = await appendThenKill(dataDir, sync, thread, 400);
      expect(acknowledged.size).toBeGreaterThanOrEqual(400);

      const sql = await openPglite(dataDir, { syncOnCommit: sync === 'on' });
      const store = await SqlEventStore.open(sql);
      try {
        const all = await collect(store.readAll());
        const byPosition = new Map(all.map((e) => [e.position, e.id]));
        const missing = [...acknowledged].filter(([position, id]) => byPosition.get(position) !== id);
        expect(missing).toEqual([]);
        expect(all.map((e) => e.position)).toEqual(all.map((_, i) => BigInt(i + 1)));
        for (const streamId of new Set(all.map((e) => e.streamId))) {
          expect(await verifyChain(store.readStream(streamId))).toMatchObject({ valid: true });
        }
      } finally {
        await store.close();
        await sql.close();
      }
    },
    120_000,
  );
});
