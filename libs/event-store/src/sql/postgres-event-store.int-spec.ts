import { createTestDatabase, postgresUrlOrSkip } from '#testing';
import { eventStoreContract } from '../contract/event-store.contract.js';
import { aStream, events, waitFor } from '../contract/contract-fixtures.js';
import type { RecordedEvent } from '../event-envelope.js';
import { openPostgres } from './sql-client.js';
import { SqlEventStore } from './sql-event-store.js';

const adminUrl = postgresUrlOrSkip('SQL event store on PostgreSQL');
const describeIfPg = adminUrl ? describe : describe.skip;

describeIfPg('SqlEventStore on PostgreSQL', () => {
  eventStoreContract('PostgreSQL', async () => {
    const db = await createTestDatabase(adminUrl!);
    const sql = openPostgres(db.url, 4);
    const store = await SqlEventStore.open(sql);
    return {
      store,
      tamper: async (eventId, data) => {
        await sql.query('UPDATE events SET data = $2::jsonb WHERE id = $1', [eventId, JSON.stringify(data)]);
      },
      dispose: async () => {
        await store.close();
        await sql.close();
        await db.drop();
      },
    };
  });

  describe('two processes on one database', () => {
    let db: Awaited<ReturnType<typeof createTestDatabase>>;
    const opened: { store: SqlEventStore; close: () => Promise<void> }[] = [];
    const open = async (options = {}) => {
      const sql = openPostgres(db.url, 2);
      const store = await SqlEventStore.open(sql, options);
      const entry = { store, close: async () => (await store.close(), await sql.close()) };
      opened.push(entry);
      return store;
    };

    beforeAll(async () => {
      db = await createTestDatabase(adminUrl!);
    });
    afterAll(async () => {
      for (const o of opened) await o.close();
      await db.drop();
    });

    it('a NOTIFY from the other process wakes a live subscription at once', async () => {
      // A poll an hour long: only the notification can deliver within the test's time.
      const reader = await open({ pollIntervalMs: 3_600_000 });
      const writer = await open();
      const start = await reader.headPosition();
      const seen: RecordedEvent[] = [];
      let caughtUp = false;
      const sub = reader.subscribeAll(start, {
        onEvent: (e) => void seen.push(e),
        onCaughtUp: () => void (caughtUp = true),
      });
      try {
        await waitFor(() => caughtUp, 'caught-up');
        // The listener connects in the background; its first wake-up shows it is listening.
        const s = aStream();
        while (seen.length === 0) {
          await writer.append([{ streamId: s, events: events(1), expectedRevision: 'any' }]);
          await new Promise((resolve) => setImmediate(resolve));
        }
        // From now on only a NOTIFY can wake the reader (no append happens in its process).
        const head = (await writer.append([{ streamId: s, events: events(3), expectedRevision: 'any' }])).position;
        await waitFor(() => seen.at(-1)?.position === head, 'the notified events', 5000);
        expect(seen.map((e) => e.position)).toEqual(seen.map((_, i) => start + 1n + BigInt(i)));
      } finally {
        await sub.stop();
      }
    });

    it('a head cached in one process does not hide the other process’s append', async () => {
      const a = await open();
      const b = await open();
      const s = aStream();
      await a.append([{ streamId: s, events: events(1), expectedRevision: 'no_stream' }]);
      await b.append([{ streamId: s, events: events(1), expectedRevision: 0n }]);
      // `a` still remembers revision 0 as the head; the database knows better.
      await expect(a.append([{ streamId: s, events: events(1), expectedRevision: 0n }])).rejects.toMatchObject({
        name: 'WrongExpectedRevisionError',
        actual: '1',
      });
      const r = await a.append([{ streamId: s, events: events(1), expectedRevision: 'any' }]);
      expect(r.streams[0].nextRevision).toBe(2n);
      const again = await a.append([{ streamId: s, events: events(1), expectedRevision: 2n }]);
      expect(again.streams[0].nextRevision).toBe(3n);
    });
  });
});
