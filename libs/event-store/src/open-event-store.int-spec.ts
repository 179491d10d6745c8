import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '#config';
import { createTestDatabase, postgresUrlOrSkip } from '#testing';
import { aStream, events } from './contract/contract-fixtures.js';
import { openEventStore } from './open-event-store.js';

const MASTER_KEY = Buffer.alloc(32, 7).toString('base64');

describe('openEventStore', () => {
  it('embedded: opens PGlite under DATA_DIR/pglite and keeps events across a restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'blo-open-'));
    try {
      const config = loadConfig({ DATA_DIR: dataDir, PGLITE_SYNC: 'off' });
      const first = await openEventStore(config);
      const s = aStream();
      const written = await first.store.append([{ streamId: s, events: events(2), expectedRevision: 'no_stream' }]);
      expect(first.sql.kind).toBe('pglite');
      await first.close();

      const again = await openEventStore(config);
      try {
        expect(await again.store.headPosition()).toBe(written.position);
        const r = await again.sql.query<{ n: bigint }>('SELECT count(*) AS n FROM events WHERE stream_id = $1', [s]);
        expect(r.rows[0].n).toBe(2n);
      } finally {
        await again.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);

  const adminUrl = postgresUrlOrSkip('openEventStore on PostgreSQL');
  (adminUrl ? it : it.skip)('postgres: opens the store on DATABASE_URL and shares the connection pool', async () => {
    const db = await createTestDatabase(adminUrl!);
    const opened = await openEventStore(loadConfig({ EVENT_STORE: 'postgres', DATABASE_URL: db.url, MASTER_KEY }));
    try {
      expect(opened.sql.kind).toBe('postgres');
      const r = await opened.store.append([{ streamId: aStream(), events: events(1), expectedRevision: 'no_stream' }]);
      expect(r.position).toBe(1n);
    } finally {
      await opened.close();
      await db.drop();
    }
  });

  it('kurrentdb: fails the start clearly when KurrentDB does not answer, instead of falling back', async () => {
    // Port 1 on loopback: nothing listens there, so the connection is refused at once.
    const config = loadConfig({
      EVENT_STORE: 'kurrentdb',
      KURRENTDB_URL: 'kurrentdb://127.0.0.1:1?tls=false',
      DATABASE_URL: 'postgres://postgres@127.0.0.1:1/postgres',
      MASTER_KEY,
    });
    await expect(openEventStore(config)).rejects.toThrow(/cannot open the KurrentDB event store/);
  }, 30_000);
});
