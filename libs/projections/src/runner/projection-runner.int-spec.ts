import { registryRows } from './projection-registry.js';
import { ProjectionRunner } from './projection-runner.js';
import { appendMany, count, newEvent, SeenProjection, TallyProjection } from '../spec-support/runner-fixtures.js';
import { openStore, type OpenStore, type StoreKind } from '../spec-support/runner-stores.js';

const quiet = { warn: () => undefined, retryMs: 50 };

describe.each<StoreKind>(['pglite', 'postgres'])('projection runner (%s)', (kind) => {
  let db: OpenStore | null;
  const runners: ProjectionRunner[] = [];
  const runner = (...args: ConstructorParameters<typeof ProjectionRunner>): ProjectionRunner => {
    const r = new ProjectionRunner(...args);
    runners.push(r);
    return r;
  };

  beforeEach(async () => {
    db = await openStore(kind);
  }, 60_000);
  afterEach(async () => {
    for (const r of runners.splice(0)) await r.stop();
    await db?.close();
  });

  const live = (): OpenStore => {
    if (!db) throw new Error('skipped');
    return db;
  };
  const maybe = (name: string, fn: () => Promise<void>, timeout = 60_000) =>
    it(name, async () => (db ? fn() : undefined), timeout);

  maybe('builds the log so far on first start, then follows appends; waitFor resolves at a position', async () => {
    const { store, sql } = live();
    await appendMany(store, 30);
    const r = runner(store, sql, [new SeenProjection()], { ...quiet, batchSize: 7 });
    await r.start();
    const last = await appendMany(store, 5);
    expect(await r.waitFor(last, 10_000)).toBe(true);
    expect(await count(sql, 'rm_seen')).toBe(35);
    expect(await r.projectionStatus()).toEqual([{ name: 'seen_events', position: last, lag: 0n }]);
    expect((await registryRows(sql, 'seen_events')).map((x) => [x.generation, x.status, x.position])).toEqual([
      [1, 'live', last],
    ]);
  });

  maybe(
    'resumes from its checkpoint after a restart; a new version is built beside the old and swapped in',
    async () => {
      const { store, sql } = live();
      const first = runner(store, sql, [new SeenProjection()], quiet);
      await first.start();
      expect(await first.waitFor(await appendMany(store, 10), 10_000)).toBe(true);
      await first.stop();

      const again = runner(store, sql, [new SeenProjection()], quiet);
      await again.start();
      const last = await appendMany(store, 3);
      expect(await again.waitFor(last, 10_000)).toBe(true);
      expect((await registryRows(sql, 'seen_events')).map((x) => x.generation)).toEqual([1]);
      expect(await count(sql, 'rm_seen')).toBe(13);
      await again.stop();

      const bumped = runner(store, sql, [new SeenProjection('seen_events', 2)], quiet);
      await bumped.start();
      // Until the new version is built, the old one keeps serving (and already shows `last`).
      expect(await bumped.waitFor(last, 10_000)).toBe(true);
      await bumped.whenBuilt();
      expect((await registryRows(sql, 'seen_events')).map((x) => [x.generation, x.version, x.status])).toEqual([
        [2, 2, 'live'],
      ]);
      expect(await count(sql, 'rm_seen')).toBe(13);
      const old = await sql.query(`SELECT to_regclass('rm_seen__g1') AS t`);
      expect(old.rows[0]).toEqual({ t: null });
    },
  );

  maybe('records an event a projection cannot take (class only, no data) and goes on; others never stall', async () => {
    const { store, sql } = live();
    const r = runner(store, sql, [new SeenProjection(), new TallyProjection()], quiet);
    await r.start();
    await appendMany(store, 3);
    const poison = await store.append([
      { streamId: 'tick-poison', events: [newEvent('Poison', { secret: 'Nguyễn Thị Hoa' })], expectedRevision: 'any' },
    ]);
    const last = await appendMany(store, 4);
    expect(await r.waitFor(last, 10_000)).toBe(true);
    expect(await count(sql, 'rm_seen')).toBe(7);
    expect((await sql.query('SELECT n FROM rm_tally')).rows[0]).toEqual({ n: 7n });
    const failures = await sql.query(
      'SELECT projection, position, event_id, event_type, error_class FROM projection_failures',
    );
    expect(failures.rows).toEqual([
      {
        projection: 'seen_events',
        position: poison.position,
        event_id: poison.events[0].id,
        event_type: 'Poison',
        error_class: 'TypeError',
      },
    ]);
    const state = (await r.status()).find((s) => s.name === 'seen_events');
    expect(state).toMatchObject({ failures: 1, lastError: `TypeError at position ${poison.position}`, position: last });
    expect(JSON.stringify((await registryRows(sql)).map((x) => x.lastError))).not.toContain('Nguyễn');
  });

  maybe('a rebuild during live traffic loses nothing, and reads never fail across the swap', async () => {
    const { store, sql } = live();
    await appendMany(store, 200);
    const r = runner(store, sql, [new SeenProjection(), new TallyProjection()], { ...quiet, batchSize: 50 });
    await r.start();
    expect(await r.waitFor(await store.headPosition(), 20_000)).toBe(true);

    let writing = true;
    const writer = (async () => {
      let n = 0;
      while (writing || n < 50) {
        await appendMany(store, 1);
        n += 1;
      }
      return n;
    })();
    let readsFailed = 0;
    let reads = 0;
    const reader = (async () => {
      while (writing) {
        try {
          await count(sql, 'rm_seen');
          reads += 1;
        } catch {
          readsFailed += 1;
        }
      }
    })();
    const result = await r.rebuild('seen_events');
    writing = false;
    const written = await writer;
    await reader;
    const head = await store.headPosition();
    expect(await r.waitFor(head, 20_000)).toBe(true);
    expect(await count(sql, 'rm_seen')).toBe(200 + written);
    expect((await sql.query('SELECT n FROM rm_tally')).rows[0]).toEqual({ n: BigInt(200 + written) });
    expect(result).toMatchObject({ names: ['seen_events'], eventsPerSecond: expect.any(Number) });
    expect(result.events).toBeGreaterThanOrEqual(200);
    expect((await registryRows(sql, 'seen_events')).map((x) => [x.generation, x.status])).toEqual([[2, 'live']]);
    expect(readsFailed).toBe(0);
    expect(reads).toBeGreaterThan(0);
  });

  maybe('waitFor answers false when the position is not reached in time', async () => {
    const { store, sql } = live();
    const r = runner(store, sql, [new SeenProjection()], quiet);
    await r.start();
    const started = Date.now();
    expect(await r.waitFor((await store.headPosition()) + 5n, 200)).toBe(false);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
  });

  if (kind === 'postgres') {
    maybe('two runners on one database (api and worker) apply each event exactly once', async () => {
      const { store, sql, other } = live();
      const second = await other!();
      const a = runner(store, sql, [new TallyProjection()], { ...quiet, batchSize: 5 });
      await a.start();
      expect(await a.waitFor(0n, 5_000)).toBe(true);
      const b = runner(second.store, second.sql, [new TallyProjection()], { ...quiet, batchSize: 5 });
      await b.start();
      const last = await appendMany(store, 120);
      expect(await a.waitFor(last, 20_000)).toBe(true);
      expect(await b.waitFor(last, 20_000)).toBe(true);
      expect((await sql.query('SELECT n FROM rm_tally')).rows[0]).toEqual({ n: 120n });
    });
  }
});
