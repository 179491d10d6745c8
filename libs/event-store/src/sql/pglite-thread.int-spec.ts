import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventStoreContract } from '../contract/event-store.contract.js';
import { aStream, newEvent } from '../contract/contract-fixtures.js';
import { openPglite } from './pglite-client.js';
import { openPgliteWorker } from './pglite-thread.js';
import type { SqlClient } from './sql-client.js';
import { SqlEventStore } from './sql-event-store.js';

/** Under jest the worker runs the TypeScript sources, with the loader hooks child processes use. */
const SOURCE_HOOKS = [
  '--conditions=source',
  '--import',
  join(import.meta.dirname, '../../../testing/src/ts-child-register.mjs'),
];

const tempDir = (): { dir: string; cleanup: () => void } => {
  const dir = mkdtempSync(join(tmpdir(), 'blo-pglite-thread-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
};

eventStoreContract('PGlite on a worker thread, synced commits', async () => {
  const { dir, cleanup } = tempDir();
  const sql = await openPgliteWorker(join(dir, 'pglite'), { syncOnCommit: true, execArgv: SOURCE_HOOKS });
  const store = await SqlEventStore.open(sql);
  return {
    store,
    tamper: async (eventId: string, data: unknown) => {
      await sql.query('UPDATE events SET data = $2::jsonb WHERE id = $1', [eventId, JSON.stringify(data)]);
    },
    dispose: async () => {
      await store.close();
      await sql.close();
      cleanup();
    },
  };
});

describe('PGlite on a worker thread', () => {
  let cleanup: () => void = () => undefined;
  let sql: SqlClient | null = null;
  afterEach(async () => {
    await sql?.close();
    sql = null;
    cleanup();
  });

  it('keeps transactions, SQLSTATE codes and the data directory as on the calling thread', async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const dataDir = join(t.dir, 'pglite');
    sql = await openPgliteWorker(dataDir, { syncOnCommit: false, execArgv: SOURCE_HOOKS });
    await sql.query('CREATE TABLE t (k int PRIMARY KEY, v text NOT NULL)');
    await sql.query('INSERT INTO t VALUES ($1, $2)', [1, 'một']);
    // A failed transaction leaves nothing behind, and the error carries its SQLSTATE.
    await expect(
      sql.transaction(async (tx) => {
        await tx.query('INSERT INTO t VALUES ($1, $2)', [2, 'hai']);
        await tx.query('INSERT INTO t VALUES ($1, $2)', [1, 'again']);
      }),
    ).rejects.toMatchObject({ code: '23505' });
    // The connection is still usable after the refusal.
    expect((await sql.query('SELECT k, v FROM t ORDER BY k')).rows).toEqual([{ k: 1, v: 'một' }]);
    const store = await SqlEventStore.open(sql);
    const streamId = aStream('thread');
    const written = await store.append([
      { streamId, events: [newEvent('Any', { n: 1 })], expectedRevision: 'no_stream' },
    ]);
    await store.close();
    await sql.close();
    sql = null;

    // The same directory opened on the calling thread sees everything the worker committed.
    const again = await openPglite(dataDir, { syncOnCommit: false });
    try {
      expect((await again.query('SELECT v FROM t')).rows).toEqual([{ v: 'một' }]);
      const reopened = await SqlEventStore.open(again);
      expect(await reopened.headPosition()).toBe(written.position);
      await reopened.close();
    } finally {
      await again.close();
    }
  });
});
