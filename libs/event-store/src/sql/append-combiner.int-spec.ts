import { aStream, collect, events } from '../contract/contract-fixtures.js';
import { WrongExpectedRevisionError } from '../event-store.errors.js';
import { verifyChain } from '../hash-chain.js';
import { openPglite } from './pglite-client.js';
import type { SqlClient } from './sql-client.js';
import { SqlEventStore } from './sql-event-store.js';

describe('appends arriving together commit together (PGlite)', () => {
  let sql: SqlClient;
  let store: SqlEventStore;
  beforeAll(async () => {
    sql = await openPglite('memory://');
    store = await SqlEventStore.open(sql);
  });
  afterAll(async () => {
    await store.close();
    await sql.close();
  });

  it('rides concurrent appends in one transaction and gives each its own positions', async () => {
    const streams = Array.from({ length: 20 }, () => aStream('together'));
    const results = await Promise.all(
      streams.map((s, i) =>
        store.append([{ streamId: s, events: events(1 + (i % 3)), expectedRevision: 'no_stream' }]),
      ),
    );
    for (const [i, r] of results.entries()) {
      const read = await collect(store.readStream(streams[i]));
      expect(read.map((e) => e.position)).toEqual(r.events.map((e) => e.position));
      expect(r.position).toBe(r.events.at(-1)?.position);
    }
    const all = results.flatMap((r) => r.events.map((e) => e.position)).sort((a, b) => (a < b ? -1 : 1));
    expect(all).toEqual(all.map((_, i) => all[0] + BigInt(i)));
    // Rows written by one transaction share its xmin: far fewer transactions than appends.
    const tx = await sql.query<{ n: bigint }>(
      'SELECT count(DISTINCT xmin::text) AS n FROM events WHERE stream_id = ANY($1::text[])',
      [streams],
    );
    expect(tx.rows[0].n).toBeLessThanOrEqual(2n);
  });

  it('chains concurrent appends of this process to one stream instead of failing them', async () => {
    const s = aStream('busy');
    const results = await Promise.all(
      Array.from({ length: 30 }, () => store.append([{ streamId: s, events: events(1), expectedRevision: 'any' }])),
    );
    expect(results.map((r) => r.streams[0].nextRevision).sort((a, b) => (a < b ? -1 : 1))).toEqual(
      Array.from({ length: 30 }, (_, i) => BigInt(i)),
    );
    expect(await verifyChain(store.readStream(s))).toEqual({ valid: true, events: 30 });
  });

  it('when one member of a combined append conflicts, the others still commit', async () => {
    const other = await SqlEventStore.open(sql); // a second process, with its own head cache
    const contested = aStream('contested');
    await store.append([{ streamId: contested, events: events(1), expectedRevision: 'no_stream' }]);
    await other.append([{ streamId: contested, events: events(1), expectedRevision: 0n }]);
    const fresh = Array.from({ length: 6 }, () => aStream('bystander'));
    const outcomes = await Promise.allSettled([
      store.append([{ streamId: aStream('first'), events: events(1), expectedRevision: 'no_stream' }]),
      // `store` still believes revision 0 is the head, so this collides inside the combined insert.
      store.append([{ streamId: contested, events: events(1), expectedRevision: 0n }]),
      ...fresh.map((s) => store.append([{ streamId: s, events: events(1), expectedRevision: 'no_stream' }])),
    ]);
    expect(outcomes[1]).toMatchObject({ status: 'rejected', reason: expect.any(WrongExpectedRevisionError) });
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(7);
    for (const s of fresh) expect(await collect(store.readStream(s))).toHaveLength(1);
    expect(await collect(store.readStream(contested))).toHaveLength(2);
    await other.close();
  });
});
