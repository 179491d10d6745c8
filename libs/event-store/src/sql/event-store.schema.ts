import type { SqlClient } from './sql-client.js';

/** Arbitrary constant: serialises concurrent first starts (CREATE ... IF NOT EXISTS races otherwise). */
const MIGRATION_LOCK = 7_310_042;

/**
 * The event log. `position` is handed out by the one-row `event_position` counter in the same
 * statement that inserts the events (see ADR 0002), so it is the primary key and needs no
 * sequence. `metadata` carries the chain hashes; `case_id` and `recorded_at` are copied out of it
 * for the case timeline and "as of T" replays. No index on `recorded_at` alone: every query that
 * filters on it also narrows to one case, and each extra index is paid on every append.
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  position       bigint      PRIMARY KEY,
  id             uuid        NOT NULL,
  stream_id      text        NOT NULL,
  revision       bigint      NOT NULL CHECK (revision >= 0),
  type           text        NOT NULL,
  schema_version integer     NOT NULL,
  data           jsonb       NOT NULL,
  metadata       jsonb       NOT NULL,
  case_id        uuid        NULL,
  recorded_at    timestamptz NOT NULL,
  CONSTRAINT events_id_uq UNIQUE (id),
  CONSTRAINT events_stream_revision_uq UNIQUE (stream_id, revision)
);
CREATE INDEX IF NOT EXISTS events_case_idx ON events (case_id, position) WHERE case_id IS NOT NULL;
CREATE TABLE IF NOT EXISTS event_position (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  last      bigint  NOT NULL CHECK (last >= 0)
) WITH (fillfactor = 20);
INSERT INTO event_position (singleton, last) VALUES (true, 0) ON CONFLICT (singleton) DO NOTHING;
CREATE TABLE IF NOT EXISTS idempotency_keys (
  key          text        PRIMARY KEY,
  request_hash text        NOT NULL,
  response     jsonb       NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now()
);
`;

/** Creates what is missing; safe to run on every start and from several processes at once. */
export async function migrateEventStore(sql: SqlClient): Promise<void> {
  await sql.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`);
    await tx.query(SCHEMA);
  });
}
