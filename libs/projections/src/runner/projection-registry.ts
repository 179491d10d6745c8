import type { SqlClient } from '#event-store';
import { physicalName, viewName, type Projection, type TableNamer } from '../projection.js';

/** Arbitrary constant: serialises concurrent first starts of several processes. */
const MIGRATION_LOCK = 7_310_077;

/**
 * One row per (projection, generation). `live` is the generation the views point at and the
 * live loop writes; `building` is one being filled from position 0 (a first start, a version
 * change or a rebuild). At most one live generation per projection (partial unique index).
 * `last_error` holds an error class and SQLSTATE only: an error message may quote data.
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS projection_registry (
  name        text        NOT NULL,
  generation  integer     NOT NULL CHECK (generation > 0),
  version     integer     NOT NULL,
  position    bigint      NOT NULL DEFAULT 0 CHECK (position >= 0),
  status      text        NOT NULL CHECK (status IN ('building', 'live')),
  last_error  text        NULL,
  failures    integer     NOT NULL DEFAULT 0,
  updated_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (name, generation)
);
CREATE UNIQUE INDEX IF NOT EXISTS projection_registry_one_live ON projection_registry (name) WHERE status = 'live';
CREATE TABLE IF NOT EXISTS projection_failures (
  projection  text        NOT NULL,
  generation  integer     NOT NULL,
  position    bigint      NOT NULL,
  event_id    uuid        NOT NULL,
  event_type  text        NOT NULL,
  error_class text        NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (projection, generation, position)
);
`;

export interface RegistryRow {
  readonly name: string;
  readonly generation: number;
  readonly version: number;
  readonly position: bigint;
  readonly status: 'building' | 'live';
  readonly lastError: string | null;
  readonly failures: number;
}

interface RawRow {
  name: string;
  generation: number;
  version: number;
  position: bigint;
  status: 'building' | 'live';
  last_error: string | null;
  failures: number;
}

const toRow = (r: RawRow): RegistryRow => ({
  name: r.name,
  generation: r.generation,
  version: r.version,
  position: BigInt(r.position),
  status: r.status,
  lastError: r.last_error,
  failures: r.failures,
});

const COLUMNS = 'name, generation, version, position, status, last_error, failures';

export const namerFor =
  (generation: number): TableNamer =>
  (logical) =>
    physicalName(logical, generation);

export async function migrateRegistry(sql: SqlClient): Promise<void> {
  await sql.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`);
    await tx.query(SCHEMA);
  });
}

export async function registryRows(sql: SqlClient, name?: string): Promise<RegistryRow[]> {
  const r =
    name === undefined
      ? await sql.query<RawRow>(`SELECT ${COLUMNS} FROM projection_registry ORDER BY name, generation`)
      : await sql.query<RawRow>(`SELECT ${COLUMNS} FROM projection_registry WHERE name = $1 ORDER BY generation`, [
          name,
        ]);
  return r.rows.map(toRow);
}

/** Locks the rows of the given (name, generation) pairs for the rest of the transaction. */
export async function lockRows(
  tx: SqlClient,
  keys: readonly { name: string; generation: number }[],
): Promise<Map<string, RegistryRow>> {
  const r = await tx.query<RawRow>(
    `SELECT ${COLUMNS} FROM projection_registry
      WHERE (name, generation) IN (SELECT * FROM unnest($1::text[], $2::int[])) ORDER BY name, generation FOR UPDATE`,
    [keys.map((k) => k.name), keys.map((k) => k.generation)],
  );
  return new Map(r.rows.map((row) => [`${row.name}/${row.generation}`, toRow(row)]));
}

export async function liveRow(tx: SqlClient, name: string): Promise<RegistryRow | null> {
  const r = await tx.query<RawRow>(
    `SELECT ${COLUMNS} FROM projection_registry WHERE name = $1 AND status = 'live' FOR UPDATE`,
    [name],
  );
  return r.rows[0] ? toRow(r.rows[0]) : null;
}

export async function savePositions(
  tx: SqlClient,
  updates: readonly { name: string; generation: number; position: bigint }[],
): Promise<void> {
  if (updates.length === 0) return;
  await tx.query(
    `UPDATE projection_registry r SET position = GREATEST(r.position, v.position), updated_at = now()
       FROM unnest($1::text[], $2::int[], $3::bigint[]) AS v(name, generation, position)
      WHERE r.name = v.name AND r.generation = v.generation`,
    [updates.map((u) => u.name), updates.map((u) => u.generation), updates.map((u) => u.position.toString())],
    'projection_registry_save_positions',
  );
}

export interface FailureRecord {
  readonly name: string;
  readonly generation: number;
  readonly position: bigint;
  readonly eventId: string;
  readonly eventType: string;
  readonly errorClass: string;
}

export async function recordFailure(tx: SqlClient, f: FailureRecord): Promise<void> {
  await tx.query(
    `INSERT INTO projection_failures (projection, generation, position, event_id, event_type, error_class)
     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
    [f.name, f.generation, f.position.toString(), f.eventId, f.eventType, f.errorClass],
  );
  await tx.query(
    `UPDATE projection_registry SET failures = failures + 1, last_error = $3, updated_at = now()
      WHERE name = $1 AND generation = $2`,
    [f.name, f.generation, `${f.errorClass} at position ${f.position}`],
  );
}

/** Creates a new generation's tables and its registry row; returns the generation number. */
export async function createGeneration(sql: SqlClient, p: Projection, pointViews: boolean): Promise<number> {
  return sql.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    const r = await tx.query<{ next: number }>(
      'SELECT COALESCE(MAX(generation), 0) + 1 AS next FROM projection_registry WHERE name = $1',
      [p.name],
    );
    const generation = Number(r.rows[0].next);
    const t = namerFor(generation);
    for (const logical of p.tables) await tx.query(`DROP TABLE IF EXISTS ${t(logical)}`);
    for (const ddl of p.createTables(t)) await tx.query(ddl);
    await tx.query(
      `INSERT INTO projection_registry (name, generation, version, position, status) VALUES ($1, $2, $3, 0, 'building')`,
      [p.name, generation, p.version],
    );
    if (pointViews) await pointViewsAt(tx, p, generation);
    return generation;
  });
}

/**
 * Re-points the views. DROP + CREATE rather than CREATE OR REPLACE: a new version may change
 * the columns. Inside the caller's transaction, so readers wait on the lock and then see the
 * new view; they never see the name missing.
 */
export async function pointViewsAt(tx: SqlClient, p: Projection, generation: number): Promise<void> {
  const t = namerFor(generation);
  for (const logical of p.tables) {
    await tx.query(`DROP VIEW IF EXISTS ${viewName(logical)}`);
    await tx.query(`CREATE VIEW ${viewName(logical)} AS SELECT * FROM ${t(logical)}`);
  }
}

/** Before dropping a first generation that never went live: its tables are what the views show. */
export async function dropViews(tx: SqlClient, p: Projection): Promise<void> {
  for (const logical of p.tables) await tx.query(`DROP VIEW IF EXISTS ${viewName(logical)}`);
}

export async function dropGeneration(tx: SqlClient, p: Projection, generation: number): Promise<void> {
  const t = namerFor(generation);
  for (const logical of p.tables) await tx.query(`DROP TABLE IF EXISTS ${t(logical)}`);
  await tx.query('DELETE FROM projection_registry WHERE name = $1 AND generation = $2', [p.name, generation]);
  await tx.query('DELETE FROM projection_failures WHERE projection = $1 AND generation = $2', [p.name, generation]);
}

/** Makes `generation` the live one: views, status, and the previous live generation dropped. */
export async function promote(tx: SqlClient, p: Projection, generation: number): Promise<void> {
  const previous = await liveRow(tx, p.name);
  // Views first: the old tables cannot be dropped while a view still depends on them.
  await pointViewsAt(tx, p, generation);
  if (previous && previous.generation !== generation) await dropGeneration(tx, p, previous.generation);
  await tx.query(
    `UPDATE projection_registry SET status = 'live', updated_at = now() WHERE name = $1 AND generation = $2`,
    [p.name, generation],
  );
}

export async function tablesExist(sql: SqlClient, p: Projection, generation: number): Promise<boolean> {
  const t = namerFor(generation);
  const names = p.tables.map((logical) => t(logical));
  const r = await sql.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM unnest($1::text[]) AS x(name) WHERE to_regclass(x.name) IS NOT NULL',
    [names],
  );
  return r.rows[0].n === names.length;
}
