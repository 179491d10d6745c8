import type { RecordedEvent, SqlClient } from '#event-store';
import type { TableNamer } from '../projection.js';
import { newId } from '#shared-kernel';
import { appendMany, count, newEvent, SeenProjection } from '../spec-support/runner-fixtures.js';
import { openStore, type OpenStore, type StoreKind } from '../spec-support/runner-stores.js';
import { ProjectionRunner } from './projection-runner.js';

/** SeenProjection that also remembers the size of every batch it was given (one per transaction). */
class BatchCountingProjection extends SeenProjection {
  readonly batches: number[] = [];

  override async applyBatch(tx: SqlClient, events: readonly RecordedEvent[], t: TableNamer): Promise<void> {
    this.batches.push(events.length);
    await super.applyBatch(tx, events, t);
  }
}

/** Polls a condition the runner reaches on its own (no reader waits, so nothing cuts the linger short). */
async function until(condition: () => Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

const quiet = { warn: () => undefined, retryMs: 50 };
/** Longer than any test here: only a batch size or a waiting reader can make the loop apply. */
const FOREVER_MS = 10 * 60_000;

describe.each<StoreKind>(['pglite', 'postgres'])('live projection batching (%s)', (kind) => {
  let db: OpenStore | null;
  const runners: ProjectionRunner[] = [];

  beforeEach(async () => {
    db = await openStore(kind);
  }, 60_000);
  afterEach(async () => {
    for (const r of runners.splice(0)) await r.stop();
    await db?.close();
  });

  const maybe = (name: string, fn: (db: OpenStore) => Promise<void>) =>
    it(name, async () => (db ? fn(db) : undefined), 60_000);

  async function started(db: OpenStore, p: BatchCountingProjection, lingerMs: number, minBatch: number) {
    const r = new ProjectionRunner(db.store, db.sql, [p], { ...quiet, lingerMs, minBatch });
    runners.push(r);
    await r.start();
    // The empty log is "reached" at once; the first build (nothing to build) is done.
    await r.whenBuilt();
    return r;
  }

  maybe(
    'applies rapid writes in fewer transactions than writes, and a waiting reader still gets its own at once',
    async (db) => {
      const p = new BatchCountingProjection();
      const r = await started(db, p, FOREVER_MS, 1000);
      const last = await appendMany(db.store, 40);
      // The loop is holding its batch back (the linger is far longer than the test); a reader of
      // its own write must not wait for it.
      expect(await r.waitFor(last, 20_000)).toBe(true);
      expect(await count(db.sql, 'rm_seen')).toBe(40);
      expect(p.batches.reduce((a, b) => a + b, 0)).toBe(40);
      expect(p.batches.length).toBeLessThanOrEqual(3);
    },
  );

  maybe('a read that brings at least the minimum batch is applied at once, without any reader', async (db) => {
    const p = new BatchCountingProjection();
    await started(db, p, FOREVER_MS, 10);
    // One append of 25 streams: the loop reads them together, so only the minimum batch can
    // release them (nobody waits for a position, and the linger outlasts the test).
    const writes = Array.from({ length: 25 }, (_, i) => ({
      streamId: `tick-${newId()}`,
      events: [newEvent('Ticked', { i })],
      expectedRevision: 'no_stream' as const,
    }));
    await db.store.append(writes);
    await until(async () => (await count(db.sql, 'rm_seen')) === 25, 'the batch of 25');
    expect(p.batches).toEqual([25]);
  });

  maybe('a short linger applies a lone write on its own, without a reader', async (db) => {
    const p = new BatchCountingProjection();
    await started(db, p, 5, 1000);
    const last = await appendMany(db.store, 1);
    await until(async () => (await count(db.sql, 'rm_seen')) === 1, 'the lone write');
    expect((await db.sql.query<{ position: string }>('SELECT position::text FROM rm_seen')).rows).toEqual([
      { position: last.toString() },
    ]);
  });

  maybe('stop() does not wait out a linger', async (db) => {
    const p = new BatchCountingProjection();
    const r = await started(db, p, FOREVER_MS, 1000);
    await appendMany(db.store, 3);
    await until(async () => (await r.projectionStatus())[0].lag === 3n, 'the head to move');
    // Without cutting the linger short, this would hang for ten minutes (past the test's limit).
    await r.stop();
    expect(p.batches.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(3);
  });
});
