import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { aStream, newEvent } from '../contract/contract-fixtures.js';
import { eventStoreContract } from '../contract/event-store.contract.js';
import { verifyChain } from '../hash-chain.js';
import { openPglite } from './pglite-client.js';
import type { SqlClient } from './sql-client.js';
import { SqlEventStore } from './sql-event-store.js';

async function subjectOver(sql: SqlClient, cleanup: () => void = () => undefined) {
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
}

eventStoreContract('PGlite in memory', async () => subjectOver(await openPglite('memory://')));

eventStoreContract('PGlite in a data directory, synced commits', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'blo-pglite-'));
  const sql = await openPglite(join(dir, 'pglite'), { syncOnCommit: true });
  return subjectOver(sql, () => rmSync(dir, { recursive: true, force: true }));
});

describe('jsonb round trip (PGlite in memory)', () => {
  it('any JSON data read back from jsonb still verifies against the hash taken at append', async () => {
    const sql = await openPglite('memory://');
    const store = await SqlEventStore.open(sql);
    try {
      await fc.assert(
        fc.asyncProperty(fc.jsonValue({ stringUnit: 'grapheme' }), async (data) => {
          const streamId = aStream('json');
          await store.append([{ streamId, events: [newEvent('Any', data)], expectedRevision: 'no_stream' }]);
          expect(await verifyChain(store.readStream(streamId))).toEqual({ valid: true, events: 1 });
        }),
        { numRuns: 150 },
      );
    } finally {
      await store.close();
      await sql.close();
    }
  }, 60_000);
});
