import { canonicalJson, computeHash, type HashInput, type SqlClient } from '#event-store';

/**
 * Edits the `events` table the way someone with database access would, for the tamper tests:
 * each edit keeps the table valid SQL (constraints hold), so nothing but the checks can notice.
 */
export interface EventRow {
  readonly position: bigint;
  readonly id: string;
  readonly stream_id: string;
  readonly revision: bigint;
  readonly type: string;
  readonly schema_version: number;
  readonly data: string;
  readonly metadata: string;
  readonly case_id: string | null;
  readonly recorded_at: Date;
}

export const TAMPERINGS = [
  'data',
  'metadata',
  'type',
  'recorded_at',
  'delete_event',
  'delete_stream',
  'swap_positions',
  'swap_revisions',
  'rewrite_chain',
] as const;
export type Tampering = (typeof TAMPERINGS)[number];

export async function rowsOf(sql: SqlClient, streamIds: readonly string[]): Promise<EventRow[]> {
  const r = await sql.query<EventRow>(
    `SELECT position, id, stream_id, revision, type, schema_version, data::text AS data, metadata::text AS metadata,
            case_id, recorded_at
     FROM events WHERE stream_id = ANY($1::text[]) ORDER BY position`,
    [streamIds],
  );
  return r.rows;
}

/** Puts the rows back exactly as they were (after a tampering, before the next test). */
export async function restore(sql: SqlClient, streamIds: readonly string[], rows: readonly EventRow[]): Promise<void> {
  await sql.transaction(async (tx) => {
    await tx.query('DELETE FROM events WHERE stream_id = ANY($1::text[])', [streamIds]);
    for (const r of rows)
      await tx.query(
        `INSERT INTO events (position, id, stream_id, revision, type, schema_version, data, metadata, case_id, recorded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb, $9, $10)`,
        [
          r.position,
          r.id,
          r.stream_id,
          r.revision,
          r.type,
          r.schema_version,
          r.data,
          r.metadata,
          r.case_id,
          r.recorded_at,
        ],
      );
  });
}

const set = (sql: SqlClient, id: string, assignment: string, value?: unknown) =>
  sql.query(`UPDATE events SET ${assignment} WHERE id = $1`, value === undefined ? [id] : [id, value]);

/** One byte of the event's data changed: the last letter or digit that ends a string in its JSON text. */
export function changeOneByte(json: string): string {
  const i = [...json.matchAll(/[A-Za-z0-9]"/g)].at(-1)?.index ?? -1;
  if (i < 0) throw new Error('no string to change in this data');
  const c = json[i];
  const next = c === 'z' ? 'y' : c === '9' ? '8' : c === 'Z' ? 'Y' : String.fromCharCode(c.charCodeAt(0) + 1);
  return json.slice(0, i) + next + json.slice(i + 1);
}

export async function changeData(sql: SqlClient, row: EventRow): Promise<void> {
  await set(sql, row.id, 'data = $2::jsonb', changeOneByte(row.data));
}

export async function changeMetadata(sql: SqlClient, row: EventRow): Promise<void> {
  await set(sql, row.id, `metadata = jsonb_set(metadata, '{correlationId}', to_jsonb($2::text))`, 'sửa-lại');
}

export const renameType = (sql: SqlClient, row: EventRow) => set(sql, row.id, "type = type || 'Renamed'");

export const moveRecordedAt = (sql: SqlClient, row: EventRow) =>
  set(sql, row.id, "recorded_at = recorded_at - interval '3 days'");

export const deleteEvent = (sql: SqlClient, row: EventRow) => sql.query('DELETE FROM events WHERE id = $1', [row.id]);

export const deleteStream = (sql: SqlClient, streamId: string) =>
  sql.query('DELETE FROM events WHERE stream_id = $1', [streamId]);

/** The two events trade global positions (a free slot below zero makes the swap legal). */
export async function swapPositions(sql: SqlClient, a: EventRow, b: EventRow): Promise<void> {
  await sql.transaction(async (tx) => {
    await tx.query('UPDATE events SET position = $2 WHERE id = $1', [a.id, -a.position]);
    await tx.query('UPDATE events SET position = $2 WHERE id = $1', [b.id, a.position]);
    await tx.query('UPDATE events SET position = $2 WHERE id = $1', [a.id, b.position]);
  });
}

/** Two events of one stream trade revisions. */
export async function swapRevisions(sql: SqlClient, a: EventRow, b: EventRow): Promise<void> {
  await sql.transaction(async (tx) => {
    await tx.query('UPDATE events SET revision = $2 WHERE id = $1', [a.id, 1_000_000_000n + a.revision]);
    await tx.query('UPDATE events SET revision = $2 WHERE id = $1', [b.id, a.revision]);
    await tx.query('UPDATE events SET revision = $2 WHERE id = $1', [a.id, b.revision]);
  });
}

/**
 * Changes one event's data and recomputes the hash chain from it to the stream's end, exactly as
 * ADR 0003 describes the rule: every chain check then passes. Only the signed checkpoint can tell.
 */
export async function rewriteChain(sql: SqlClient, stream: readonly EventRow[], from: EventRow): Promise<void> {
  const sorted = [...stream].sort((x, y) => Number(x.revision - y.revision));
  let prevHash: string | null = null;
  for (const row of sorted) {
    if (row.revision < from.revision) continue;
    const metadata = JSON.parse(row.metadata) as Record<string, unknown>;
    const data = JSON.parse(row.revision === from.revision ? changeOneByte(row.data) : row.data) as unknown;
    if (prevHash !== null) metadata.prevHash = prevHash;
    const hash = computeHash({
      id: row.id,
      type: row.type,
      schemaVersion: row.schema_version,
      streamId: row.stream_id,
      revision: row.revision,
      data,
      metadata: metadata as HashInput['metadata'],
    });
    metadata.hash = hash;
    prevHash = hash;
    await sql.query('UPDATE events SET data = $2::jsonb, metadata = $3::jsonb WHERE id = $1', [
      row.id,
      canonicalJson(data),
      canonicalJson(metadata),
    ]);
  }
}
