import type { RecordedEvent, SqlClient } from '#event-store';

/**
 * Maps a logical table name ("case_list") to the physical table of the generation being
 * written ("rm_case_list__g3"). Queries never see physical names: they read a view named after
 * the logical table, which a rebuild re-points in one transaction (no window where reads fail).
 */
export type TableNamer = (logical: string) => string;

/**
 * A read model built from the log. `apply` runs inside the runner's transaction together with
 * the checkpoint update, so a model and its checkpoint never disagree. It must be idempotent
 * for a replayed event (guard by position or with upserts) and must never throw over a recorded
 * fact: an event it cannot use is ignored; a truly unexpected failure is recorded by the runner.
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
  /** Applies one event. */
  apply(tx: SqlClient, event: RecordedEvent, t: TableNamer): Promise<void>;
}

export const PROJECTIONS = Symbol('PROJECTIONS');
