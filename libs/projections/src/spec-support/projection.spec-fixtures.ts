import type { Actor, ZonedInstant } from '#shared-kernel';
import { parseZoned } from '#shared-kernel';
import { applyAsRunner, recordedEvent } from './projection-harness.js';
import { openPglite, type RecordedEvent, type SqlClient } from '#event-store';
import { viewName, type Projection, type TableNamer } from '../projection.js';

/**
 * Test-only: runs one projection without the runner. Tables get the names the runner gives
 * the views (`rm_<table>`), so the read-side queries run unchanged against them.
 */
export const viewNamer: TableNamer = viewName;

export { OFFICER } from './projection-harness.js';

export interface GivenEvent {
  readonly type: string;
  readonly data: unknown;
  readonly streamId: string;
  /** Declared time; defaults to `recordedAt`. */
  readonly occurredAt?: string;
  /** ISO with offset; defaults to a fixed instant. */
  readonly recordedAt?: string;
  readonly actor?: Actor;
  readonly caseId?: string;
}

export class ProjectionHarness {
  private position = 0n;
  private readonly revisions = new Map<string, bigint>();

  private constructor(
    readonly sql: SqlClient,
    readonly projection: Projection,
    private readonly ownsSql: boolean,
    private readonly batched: boolean,
  ) {}

  /** `batched`: each `given(...)` is applied as ONE batch (the rebuild path) instead of event by event. */
  static async start(projection: Projection, sql?: SqlClient, batched = false): Promise<ProjectionHarness> {
    const db = sql ?? (await openPglite('memory://'));
    // A shared database (one PGlite per spec file is much faster) starts each test empty.
    for (const table of projection.tables) await db.query(`DROP TABLE IF EXISTS ${viewNamer(table)} CASCADE`);
    for (const ddl of projection.createTables(viewNamer)) await db.query(ddl);
    return new ProjectionHarness(db, projection, sql === undefined, batched);
  }

  /** Records the events (positions in order) and applies them, one transaction each or all in one batch. */
  async given(...events: readonly GivenEvent[]): Promise<RecordedEvent[]> {
    const recorded = events.map((e) => this.record(e));
    if (this.batched) await this.applyBatch(recorded);
    else for (const e of recorded) await this.apply(e);
    return recorded;
  }

  /** Applies an already recorded event again, as a replay after a crash would. */
  async apply(event: RecordedEvent): Promise<void> {
    await this.applyBatch([event]);
  }

  /** Applies events as the runner does: `prepare` outside the transaction, then one transaction. */
  applyBatch(events: readonly RecordedEvent[]): Promise<void> {
    return applyAsRunner(this.sql, this.projection, events, viewNamer);
  }

  /** Every row of a table, in a stable order, for whole-model comparisons. */
  async snapshot(): Promise<Record<string, unknown[]>> {
    const out: Record<string, unknown[]> = {};
    for (const table of this.projection.tables) {
      const r = await this.sql.query(`SELECT * FROM ${viewNamer(table)}`);
      out[table] = r.rows
        .map((row) => JSON.stringify(row, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)))
        .sort();
    }
    return out;
  }

  async close(): Promise<void> {
    if (this.ownsSql) await this.sql.close();
  }

  private record(e: GivenEvent): RecordedEvent {
    this.position += 1n;
    const revision = (this.revisions.get(e.streamId) ?? -1n) + 1n;
    this.revisions.set(e.streamId, revision);
    const recordedAt = parseZoned(e.recordedAt ?? '2026-03-05T09:00:00+07:00').at;
    const occurredAt: ZonedInstant = parseZoned(e.occurredAt ?? e.recordedAt ?? '2026-03-05T09:00:00+07:00');
    return recordedEvent({
      type: e.type,
      data: e.data,
      streamId: e.streamId,
      revision,
      position: this.position,
      recordedAt,
      occurredAt,
      ...(e.actor ? { actor: e.actor } : {}),
      ...(e.caseId ? { caseId: e.caseId } : {}),
    });
  }
}

export const z = (iso: string): ZonedInstant => parseZoned(iso);

/** The two ways the runner feeds a projection: live, event by event, and a rebuild's one batch. */
export const APPLY_MODES = [
  ['event by event', false],
  ['in one batch', true],
] as const;

/** What a spec uses of the harness; it forwards to the current test's own (see `useProjectionHarness`). */
export type SpecHarness = Pick<ProjectionHarness, 'sql' | 'given' | 'apply' | 'applyBatch' | 'snapshot'>;

/**
 * The set-up projection specs share, called inside a `describe`: one in-memory PGlite for the block
 * (opening one costs seconds) and a fresh, empty harness before each test. `projection` may be a
 * factory, for projections built from something a `beforeAll` of the spec prepares; `sql` is there
 * from the first `beforeAll` on, the rest from the first `beforeEach`.
 */
export function useProjectionHarness(projection: Projection | (() => Projection), batched = false): SpecHarness {
  let sql: SqlClient | undefined;
  let current: ProjectionHarness | undefined;
  beforeAll(async () => {
    sql = await openPglite('memory://');
  });
  afterAll(async () => sql?.close());
  beforeEach(async () => {
    current = await ProjectionHarness.start(typeof projection === 'function' ? projection() : projection, sql, batched);
  });
  const harness = (): ProjectionHarness => {
    if (!current) throw new Error('useProjectionHarness: the harness is made in beforeEach');
    return current;
  };
  return {
    get sql(): SqlClient {
      if (!sql) throw new Error('useProjectionHarness: the database is opened in beforeAll');
      return sql;
    },
    given: (...events) => harness().given(...events),
    apply: (event) => harness().apply(event),
    applyBatch: (events) => harness().applyBatch(events),
    snapshot: () => harness().snapshot(),
  };
}
