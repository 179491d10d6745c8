import { createTestDatabase, postgresUrlOrSkip } from '#testing';
import { aStream, collect, events, waitFor } from '../contract/contract-fixtures.js';
import { WrongExpectedRevisionError } from '../event-store.errors.js';
import { verifyChain } from '../hash-chain.js';
import { openPostgres, type SqlClient } from './sql-client.js';
import { SqlEventStore } from './sql-event-store.js';

const adminUrl = postgresUrlOrSkip('SQL event store concurrency on PostgreSQL');
const describeIfPg = adminUrl ? describe : describe.skip;

const WRITERS = 8;
const APPENDS_PER_WRITER = 400;
const STREAMS = 24;

/**
 * The promise of ADR 0002 under load: many writers on a pool of connections, and a reader that
 * keeps reading "after the last position I saw". If a position could become visible after a
 * higher one, the reader would jump past it and never see it; here every step must be +1.
 */
describeIfPg('SqlEventStore under concurrent writers (PostgreSQL)', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let sql: SqlClient;
  let store: SqlEventStore;

  beforeAll(async () => {
    db = await createTestDatabase(adminUrl!);
    sql = openPostgres(db.url, 12);
    store = await SqlEventStore.open(sql);
  });
  afterAll(async () => {
    await store?.close();
    await sql?.close();
    await db?.drop();
  });

  it('never lets a reader see a position before a lower one, and leaves 1..N without holes', async () => {
    const streams = Array.from({ length: STREAMS }, () => aStream('load'));
    const pick = (i: number) => streams[i % STREAMS];
    let writing = true;

    const writer = async (w: number): Promise<number> => {
      let written = 0;
      for (let i = 0; i < APPENDS_PER_WRITER; i++) {
        const s = pick(w * 7 + i);
        if (i % 5 === 0) {
          // Two streams at once, atomically.
          const r = await store.append([
            { streamId: s, events: events(2), expectedRevision: 'any' },
            { streamId: pick(w + i + 1), events: events(1), expectedRevision: 'any' },
          ]);
          written += r.events.length;
        } else {
          // Optimistic concurrency as the command handler does it: read the head, expect it, retry.
          for (;;) {
            const last = (await collect(store.readStream(s, { fromRevision: 0n }))).at(-1);
            try {
              const r = await store.append([
                { streamId: s, events: events(1), expectedRevision: last ? last.revision : 'no_stream' },
              ]);
              written += r.events.length;
              break;
            } catch (error) {
              if (!(error instanceof WrongExpectedRevisionError)) throw error;
            }
          }
        }
      }
      return written;
    };

    const violations: string[] = [];
    const reader = async (): Promise<bigint> => {
      let last = 0n;
      for (;;) {
        const stillWriting = writing;
        for await (const e of store.readAll({ after: last, pageSize: 500 })) {
          if (e.position !== last + 1n) violations.push(`saw ${e.position} after ${last}`);
          last = e.position;
        }
        if (!stillWriting) return last;
      }
    };

    const delivered: bigint[] = [];
    const subscription = store.subscribeAll(0n, {
      onEvent: (e) => {
        if (e.position !== BigInt(delivered.length + 1))
          violations.push(`delivered ${e.position} as #${delivered.length + 1}`);
        delivered.push(e.position);
      },
      onError: (e) => violations.push(`subscription failed: ${String(e)}`),
    });

    const reading = reader();
    let written: number[];
    let lastSeen: bigint;
    try {
      written = await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
    } finally {
      writing = false;
      lastSeen = await reading;
    }

    const total = BigInt(written.reduce((a, b) => a + b, 0));
    await waitFor(() => delivered.length === Number(total) || violations.length > 0, 'subscription to reach the head');
    await subscription.stop();
    expect(violations).toEqual([]);
    expect(await store.headPosition()).toBe(total);
    expect(lastSeen).toBe(total);
    const all = await collect(store.readAll({ after: 0n }));
    expect(all.map((e) => e.position)).toEqual(Array.from({ length: all.length }, (_, i) => BigInt(i + 1)));
    for (const s of streams) {
      const verdict = await verifyChain(store.readStream(s));
      expect(verdict.valid).toBe(true);
    }
  }, 120_000);
});
