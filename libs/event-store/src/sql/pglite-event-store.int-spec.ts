import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventStoreContract } from '../contract/event-store.contract.js';
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
