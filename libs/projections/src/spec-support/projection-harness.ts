import { newId, streamIdOf, type Actor, type ZonedInstant } from '#shared-kernel';
import { openPglite, type PgliteSqlClient, type RecordedEvent, type SqlClient } from '#event-store';
import type { Projection, TableNamer } from '../projection.js';
import { createGeneration, migrateRegistry, namerFor } from '../runner/projection-registry.js';
import { viewName } from '../projection.js';

export const OFFICER: Actor = {
  userId: 'an.nguyen',
  role: 'liaison_officer',
  unitId: 'VN-LS-BLO',
  province: 'lang-son',
};

/** An event as the store hands it back (hashes left blank: projections never read them). */
export function recordedEvent(e: {
  readonly type: string;
  readonly data: unknown;
  readonly streamId: string;
  readonly revision: bigint;
  readonly position: bigint;
  readonly recordedAt: string;
  readonly occurredAt: ZonedInstant;
  readonly actor?: Actor;
  readonly caseId?: string;
}): RecordedEvent {
  return {
    id: newId(),
    type: e.type,
    schemaVersion: 1,
    streamId: e.streamId,
    revision: e.revision,
    position: e.position,
    data: e.data,
    metadata: {
      actor: e.actor ?? OFFICER,
      correlationId: newId(),
      causationId: null,
      occurredAt: e.occurredAt,
      recordedAt: e.recordedAt,
      ...(e.caseId ? { caseId: e.caseId } : {}),
      prevHash: '0'.repeat(64),
      hash: '0'.repeat(64),
    },
  };
}

/** Applies events as the runner does: only the projection's types, `prepare` outside, one transaction. */
export async function applyAsRunner(
  sql: SqlClient,
  projection: Projection,
  events: readonly RecordedEvent[],
  t: TableNamer,
): Promise<void> {
  const mine = events.filter((e) => projection.eventTypes.has(e.type));
  if (mine.length === 0) return;
  const prepared = projection.prepare ? await projection.prepare(mine) : undefined;
  await sql.transaction(async (tx) => {
    if (projection.applyBatch) await projection.applyBatch(tx, mine, t, prepared);
    else if (projection.apply) for (const e of mine) await projection.apply(tx, e, t);
    else throw new Error(`${projection.name} implements neither apply nor applyBatch`);
  });
}

/**
 * Builds recorded events the way the store would have them (gap-free positions, per-stream
 * revisions), for projection specs that apply them without going through a store.
 */
export function eventLog(start = new Date('2026-03-05T02:00:00.000Z')) {
  let position = 0n;
  let clock = start.getTime();
  const revisions = new Map<string, bigint>();
  return (
    category: string,
    id: string,
    type: string,
    data: unknown,
    opts: { caseId?: string; recordedAt?: string; actor?: Actor } = {},
  ): RecordedEvent => {
    const streamId = streamIdOf(category, id);
    const revision = (revisions.get(streamId) ?? -1n) + 1n;
    revisions.set(streamId, revision);
    position += 1n;
    clock += 60_000;
    const recordedAt = opts.recordedAt ?? new Date(clock).toISOString();
    const declared = (data as { occurredAt?: ZonedInstant } | null)?.occurredAt;
    return recordedEvent({
      type,
      data,
      streamId,
      revision,
      position,
      recordedAt,
      actor: opts.actor ?? OFFICER,
      ...(opts.caseId ? { caseId: opts.caseId } : {}),
      // As toNewEvents does: a declared time in the data is the envelope's occurredAt.
      occurredAt: declared ?? { at: recordedAt, offset: '+07:00', zone: 'Asia/Ho_Chi_Minh' },
    });
  };
}

export interface Harness {
  readonly sql: PgliteSqlClient;
  /** Applies straight to the projection (no runner checkpoint), as a replay would reach it. */
  apply(events: readonly RecordedEvent[]): Promise<void>;
  /** Every row of a logical table through its view, in a stable order. */
  rows(logical: string, orderBy: string): Promise<Record<string, unknown>[]>;
  /** Empties the projection's tables (one database per spec file; opening one costs seconds). */
  reset(): Promise<void>;
  close(): Promise<void>;
}

/** A throwaway in-memory PGlite with generation 1 of the projection behind its views. */
export async function projectionHarness(
  build: Projection | ((sql: SqlClient) => Promise<Projection>),
  setup?: (sql: SqlClient) => Promise<void>,
): Promise<Harness> {
  const sql = await openPglite('memory://');
  await migrateRegistry(sql);
  if (setup) await setup(sql);
  const projection = typeof build === 'function' ? await build(sql) : build;
  const generation = await createGeneration(sql, projection, true);
  const t = namerFor(generation);
  return {
    sql,
    apply: (events) => applyAsRunner(sql, projection, events, t),
    async rows(logical, orderBy) {
      return (await sql.query(`SELECT * FROM ${viewName(logical)} ORDER BY ${orderBy}`)).rows;
    },
    async reset() {
      for (const logical of projection.tables) await sql.query(`TRUNCATE ${t(logical)}`);
    },
    close: () => sql.close(),
  };
}
