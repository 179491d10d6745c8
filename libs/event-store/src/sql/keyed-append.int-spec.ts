import { createTestDatabase, postgresUrlOrSkip } from '#testing';
import { aStream, collect, events } from '../contract/contract-fixtures.js';
import { IdempotencyConflictError } from '../event-store.errors.js';
import type { AppendResult, StreamWrite } from '../event-store.port.js';
import { openPglite } from './pglite-client.js';
import { openPostgres, type SqlClient } from './sql-client.js';
import { SqlEventStore } from './sql-event-store.js';

/** A response that uses every position the append assigned, as a command handler's answer would. */
const answerOf = (r: AppendResult) => ({
  position: r.position.toString(),
  positions: r.events.map((e) => e.position.toString()),
  revisions: r.streams.map((s) => `${s.streamId}@${s.nextRevision}`),
});

const keyed = (key: string, response: (r: AppendResult) => unknown = answerOf) => ({
  idempotency: { key, requestHash: `hash-of-${key}`, response },
});

const fresh = (n = 1): StreamWrite[] => [
  { streamId: aStream('keyed'), events: events(n), expectedRevision: 'no_stream' },
];

/** Distinct transactions that wrote these events and keys (rows of one statement share its xmin). */
async function transactions(sql: SqlClient, streams: readonly string[], keys: readonly string[]): Promise<bigint> {
  const r = await sql.query<{ n: bigint }>(
    `SELECT count(DISTINCT x) AS n FROM (
       SELECT xmin::text AS x FROM events WHERE stream_id = ANY($1::text[])
       UNION ALL SELECT xmin::text FROM idempotency_keys WHERE key = ANY($2::text[])) t`,
    [streams, keys],
  );
  return r.rows[0].n;
}

interface Subject {
  readonly sql: SqlClient;
  readonly store: SqlEventStore;
  /** Another store on the same database, as another process would have. */
  readonly other: SqlEventStore;
  dispose(): Promise<void>;
}

function keyedAppendCases(name: string, open: () => Promise<Subject>): void {
  describe(`keyed appends in one statement (${name})`, () => {
    let s: Subject;
    beforeAll(async () => {
      s = await open();
    });
    afterAll(async () => {
      await s.dispose();
    });

    it.each([
      ['each to its own stream', () => fresh(2)],
      [
        'all to one stream, any revision',
        (stream: string) => [{ streamId: stream, events: events(2), expectedRevision: 'any' as const }],
      ],
    ])('of 16 concurrent appends with one key (%s) exactly one writes', async (_how, writesOf) => {
      const key = `race:${aStream()}`;
      const shared = aStream('keyed');
      const before = await s.store.headPosition();
      const outcomes = await Promise.allSettled(
        Array.from({ length: 16 }, (_, i) => (i % 2 ? s.other : s.store).append(writesOf(shared), keyed(key))),
      );
      const won = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []));
      expect(won).toHaveLength(1);
      for (const o of outcomes) if (o.status === 'rejected') expect(o.reason).toBeInstanceOf(IdempotencyConflictError);
      // The losers' events, and their counter bumps, went with their statements.
      expect(await s.store.headPosition()).toBe(before + 2n);
      const [winner] = won;
      const read = await collect(s.store.readAll({ after: before }));
      expect(read.map((e) => e.id)).toEqual(winner.events.map((e) => e.id));
      expect(await s.store.findIdempotency(key)).toEqual({
        key,
        requestHash: `hash-of-${key}`,
        response: answerOf(winner),
      });
    });

    it('keyed and unkeyed appends ride one commit, each key storing its own positions', async () => {
      const appends = Array.from({ length: 12 }, (_, i) => ({
        writes: i % 3 === 2 ? [...fresh(1), ...fresh(2)] : fresh(1 + (i % 2)),
        key: i % 2 === 0 ? `mixed:${aStream()}` : undefined,
      }));
      const results = await Promise.all(appends.map((a) => s.store.append(a.writes, a.key ? keyed(a.key) : {})));
      const keys = appends.flatMap((a) => (a.key ? [a.key] : []));
      for (const [i, a] of appends.entries()) {
        const stored = a.key ? await s.store.findIdempotency(a.key) : null;
        if (a.key) expect(stored?.response).toEqual(answerOf(results[i]));
        for (const w of a.writes) {
          const read = await collect(s.store.readStream(w.streamId));
          expect(read.map((e) => e.position)).toEqual(
            results[i].events.filter((e) => e.streamId === w.streamId).map((e) => e.position),
          );
        }
      }
      // The first went alone; the other eleven, keys included, in one statement.
      const streams = appends.flatMap((a) => a.writes.map((w) => w.streamId));
      expect(await transactions(s.sql, streams, keys)).toBeLessThanOrEqual(2n);
    });

    it('a key already claimed fails only its own member of a group', async () => {
      const taken = `taken:${aStream()}`;
      await s.other.append(fresh(1), keyed(taken));
      const before = await s.store.headPosition();
      const appends = Array.from({ length: 9 }, (_, i) => ({
        writes: fresh(1 + (i % 2)),
        key: i === 4 ? taken : i % 2 ? `bystander:${aStream()}` : undefined,
      }));
      const outcomes = await Promise.allSettled(
        appends.map((a) => s.store.append(a.writes, a.key ? keyed(a.key) : {})),
      );
      expect(outcomes[4]).toMatchObject({ status: 'rejected', reason: expect.any(IdempotencyConflictError) });
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(8);
      expect(await collect(s.store.readStream(appends[4].writes[0].streamId))).toEqual([]);
      const written = appends.reduce((n, a, i) => (i === 4 ? n : n + a.writes[0].events.length), 0);
      expect(await s.store.headPosition()).toBe(before + BigInt(written));
      for (const [i, a] of appends.entries()) {
        const o = outcomes[i];
        if (a.key && o.status === 'fulfilled') {
          expect((await s.store.findIdempotency(a.key))?.response).toEqual(answerOf(o.value));
        }
      }
      expect((await s.store.findIdempotency(taken))?.requestHash).toBe(`hash-of-${taken}`);
    });

    it('a response that computes with positions is stored right, through the locked path', async () => {
      const key = `computed:${aStream()}`;
      const r = await s.store.append(
        fresh(3),
        keyed(key, (res) => ({ next: Number(res.position) + 1 })),
      );
      expect((await s.store.findIdempotency(key))?.response).toEqual({ next: Number(r.position) + 1 });
    });
  });
}

async function subjectOver(sql: SqlClient, otherSql: SqlClient, cleanup: () => Promise<void>): Promise<Subject> {
  const store = await SqlEventStore.open(sql);
  const other = await SqlEventStore.open(otherSql);
  return {
    sql,
    store,
    other,
    dispose: async () => {
      await store.close();
      await other.close();
      await cleanup();
    },
  };
}

keyedAppendCases('PGlite', async () => {
  const sql = await openPglite('memory://');
  return subjectOver(sql, sql, () => sql.close());
});

const adminUrl = postgresUrlOrSkip('keyed appends on PostgreSQL');
if (adminUrl) {
  keyedAppendCases('PostgreSQL, two pools', async () => {
    const db = await createTestDatabase(adminUrl);
    const [a, b] = [openPostgres(db.url, 4), openPostgres(db.url, 4)];
    return subjectOver(a, b, async () => {
      await a.close();
      await b.close();
      await db.drop();
    });
  });
}
// Without a server the PostgreSQL cases are not declared at all; postgresUrlOrSkip recorded why,
// and the run's summary lists it (under CI=true the global setup fails instead).
