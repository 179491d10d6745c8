import { openPglite, SqlEventStore, type SqlClient } from '#event-store';
import { appendMany, SeenProjection, TallyProjection } from '../spec-support/runner-fixtures.js';
import { ProjectionRunner } from './projection-runner.js';
import { RegistryProgress } from './registry-progress.js';

/**
 * What an api without a runner (ROLE=api) knows of the projections: the positions a runner
 * elsewhere saved. Here the runner shares the database but not the object, as the worker does.
 */
describe('registry progress (the projections as an api process sees them)', () => {
  let sql: SqlClient;
  let store: SqlEventStore;
  let runner: ProjectionRunner | null = null;
  const progresses: RegistryProgress[] = [];
  const progress = (): RegistryProgress => {
    const p = new RegistryProgress(store, sql, ['seen_events', 'tally']);
    progresses.push(p);
    return p;
  };

  beforeEach(async () => {
    sql = await openPglite('memory://');
    store = await SqlEventStore.open(sql);
  }, 60_000);

  afterEach(async () => {
    for (const p of progresses.splice(0)) p.stop();
    await runner?.stop();
    runner = null;
    await store.close();
    await sql.close();
  });

  const startRunner = async (): Promise<ProjectionRunner> => {
    runner = new ProjectionRunner(store, sql, [new SeenProjection(), new TallyProjection()], {
      warn: () => undefined,
      batchSize: 4,
    });
    await runner.start();
    return runner;
  };

  it('reports nothing reached, without failing, before any runner created the registry', async () => {
    const head = await appendMany(store, 3);
    const p = progress();
    expect(await p.waitFor(head, 100)).toBe(false);
    expect(await p.projectionStatus()).toEqual([
      { name: 'seen_events', position: 0n, lag: head },
      { name: 'tally', position: 0n, lag: head },
    ]);
  });

  it('resolves a wait once the other runner has applied the position, and shows what it saved', async () => {
    await appendMany(store, 10);
    const p = progress();
    await startRunner();
    const last = await appendMany(store, 7);
    expect(await p.waitFor(last, 10_000)).toBe(true);
    for (const s of await p.projectionStatus()) expect(s.position).toBeGreaterThanOrEqual(last);
    const states = await p.status();
    expect(states.map((s) => s.name)).toEqual(['seen_events', 'tally']);
    for (const s of states) expect(s.generation).not.toBeNull();
  });

  it('serves many waiting requests at once and lets every one go on stop', async () => {
    await startRunner();
    const last = await appendMany(store, 5);
    const p = progress();
    const reached = await Promise.all(Array.from({ length: 20 }, () => p.waitFor(last, 10_000)));
    expect(reached.every(Boolean)).toBe(true);
    // A position no write has reached yet: the wait ends when the process stops, not at its timeout.
    const pending = p.waitFor(last + 1000n, 60_000);
    p.stop();
    expect(await pending).toBe(false);
  });
});
