import type { SqlClient } from '#event-store';

/** Arbitrary constant: serialises concurrent first starts, as the event store's migration does. */
const MIGRATION_LOCK = 7_310_089;

/**
 * The integrity index, in the SQL database beside the read models (ADR 0009). Nothing here is
 * trusted on its own: every row is checked against a signed checkpoint before it is relied on,
 * so a row changed by whoever runs the database shows up as a failed proof, never as a pass.
 *
 * - integrity_leaves: what each checkpointed event was (position, stream, revision, hash), by
 *   leaf index; proofs read the siblings of a leaf here, and a report names a deleted event by it.
 * - integrity_nodes: perfect subtrees of the log tree from level 4 up (one row per 16 events and
 *   fewer above), so a proof needs O(log n) rows, not the log.
 * - integrity_heads / integrity_buckets: the head of every stream at the latest checkpoint and
 *   the digest of each of the 4096 buckets they fall in.
 * - integrity_checkpoints: every signed checkpoint, with the frontier of its tree (to extend it)
 *   and where its own event landed in the log.
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS integrity_leaves (
  idx        bigint PRIMARY KEY,
  position   bigint NOT NULL,
  event_id   uuid   NOT NULL,
  stream_id  text   NOT NULL,
  revision   bigint NOT NULL,
  event_hash text   NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS integrity_leaves_event_uq ON integrity_leaves (event_id);
CREATE TABLE IF NOT EXISTS integrity_nodes (
  level smallint NOT NULL,
  idx   bigint   NOT NULL,
  hash  bytea    NOT NULL,
  PRIMARY KEY (level, idx)
);
CREATE TABLE IF NOT EXISTS integrity_heads (
  stream_id  text     PRIMARY KEY,
  bucket     smallint NOT NULL,
  revision   bigint   NOT NULL,
  event_id   uuid     NOT NULL,
  event_hash text     NOT NULL
);
CREATE INDEX IF NOT EXISTS integrity_heads_bucket_idx ON integrity_heads (bucket);
CREATE TABLE IF NOT EXISTS integrity_buckets (
  bucket smallint PRIMARY KEY,
  digest bytea    NOT NULL
);
CREATE TABLE IF NOT EXISTS integrity_checkpoints (
  seq               bigint PRIMARY KEY,
  checkpoint        jsonb  NOT NULL,
  hash              text   NOT NULL,
  frontier          text[] NOT NULL,
  event_id          uuid   NOT NULL,
  recorded_position bigint NOT NULL
);
`;

/** Creates what is missing; safe on every start and from several processes at once. */
export async function migrateIntegrityIndex(sql: SqlClient): Promise<void> {
  await sql.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`);
    await tx.query(SCHEMA);
  });
}
