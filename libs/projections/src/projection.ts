import type { RecordedEvent, SqlClient } from '#event-store';

/**
 * Maps a logical table name ("case_list") to the physical table of the generation being
 * written ("rm_case_list__g3"). Queries never see physical names: they read a view named after
 * the logical table (`rm_case_list`, see `viewName`), which a rebuild re-points in one
 * transaction (no window where reads fail).
 */
export type TableNamer = (logical: string) => string;

/** The view queries read: `rm_<logical>`. Never prepare a named statement over it (see below). */
export const viewName = (logical: string): string => `rm_${logical}`;

/** The physical table of one generation: `rm_<logical>__g<generation>`. */
export const physicalName = (logical: string, generation: number): string => `rm_${logical}__g${generation}`;

/**
 * A read model built from the log.
 *
 * Contract (shared by every projection; helper I2 writes against it too — keep it backward
 * compatible):
 * - The runner applies events in BATCHES inside one transaction together with the checkpoint,
 *   so a model and its checkpoint never disagree. It skips events at or below the checkpoint
 *   it holds under a row lock, so a replay by the runner cannot double-apply. A projection must
 *   still be idempotent on its own (guard by position, or upsert): a duplicated event passed
 *   to it changes nothing (its spec proves it).
 * - Implement `apply` (one event) and/or `applyBatch` (many; the fast path for rebuilds: a
 *   statement per event costs a round trip, so 1M events at ~0.1 ms each is minutes, while a
 *   few set-based statements per batch keep a rebuild near the raw read rate). With both, the
 *   runner uses `applyBatch` and falls back to single-event `applyBatch` calls to isolate a
 *   failing event.
 * - Never throw over a recorded fact: an event it cannot use is ignored. If it does throw, the
 *   runner records (projection, position, event id, error class — never the data) in
 *   `projection_failures`, skips that event for that projection only, and goes on.
 * - On PostgreSQL each projection gets its own transaction per batch (they run side by side on
 *   the pool); on PGlite one transaction carries all of them. Either way a projection's rows
 *   and its checkpoint commit together.
 * - `prepared` covers at least the events passed to `applyBatch` (the runner may pass a subset,
 *   one event at a time, to isolate a failure): key it by event id.
 * - Register a projection in `allProjections` (catalog.ts): the service (ROLE=all or worker)
 *   and the CLI all host that one list.
 * - `prepare` runs OUTSIDE the transaction, before it: anything that reads another store
 *   (e.g. the key store to open sealed personal data) must happen there, because on PGlite the
 *   one connection is held by the transaction. It may throw only when infrastructure is down
 *   (the batch is then retried later), never over an event's content.
 * - Read-model queries go through `viewName(...)` and use unnamed statements: a rebuild may
 *   change a table's columns, and a prepared statement over the old shape would fail once.
 *   Writes in `apply*` go to `t(logical)` and may use named statements if the name includes the
 *   physical table name (different generations, different statements).
 */
export interface Projection {
  /** Stable, snake_case; also the prefix of its tables. */
  readonly name: string;
  /** Bump when the tables or the meaning change: the runner then rebuilds from position 0. */
  readonly version: number;
  /** Logical names of the tables it owns; a view with each name is kept pointing at the current generation. */
  readonly tables: readonly string[];
  /** Event types it reads; others are skipped without a call (still advancing the checkpoint). */
  readonly eventTypes: ReadonlySet<string>;
  /** DDL statements creating its tables (and indexes) for one generation. */
  createTables(t: TableNamer): readonly string[];
  /** Applies one event (inside the runner's transaction). */
  apply?(tx: SqlClient, event: RecordedEvent, t: TableNamer): Promise<void>;
  /** Applies several events in position order (inside the runner's transaction); `prepared` is what `prepare` returned. */
  applyBatch?(tx: SqlClient, events: readonly RecordedEvent[], t: TableNamer, prepared: unknown): Promise<void>;
  /** Work outside the transaction before a batch (see above); its result reaches `applyBatch`, which it requires. */
  prepare?(events: readonly RecordedEvent[]): Promise<unknown>;
}

/** Nest injection token for the array of projections the runner hosts. */
export const PROJECTIONS = Symbol('PROJECTIONS');
