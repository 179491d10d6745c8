import type { EventStore, SqlClient } from '#event-store';

/** What a checkpoint needs of each event: its place and its chain links, not its data. */
export interface LogEntry {
  readonly position: bigint;
  readonly id: string;
  readonly streamId: string;
  readonly revision: bigint;
  readonly hash: unknown;
  readonly prevHash: unknown;
}

/** Events in (after, to], in position order. */
export type LogEntries = (after: bigint, to: bigint) => AsyncIterable<LogEntry>;

const PAGE = 2000;

/** Through the store's port (KurrentDB): whole events, of which only the envelope is kept. */
export const entriesFromStore = (store: EventStore): LogEntries =>
  async function* (after, to) {
    for await (const e of store.readAll({ after, to, pageSize: PAGE })) {
      const meta = (e.metadata ?? {}) as { hash?: unknown; prevHash?: unknown };
      yield {
        position: e.position,
        id: e.id,
        streamId: e.streamId,
        revision: e.revision,
        hash: meta.hash,
        prevHash: meta.prevHash,
      };
    }
  };

/**
 * Straight from the SQL store's table, without the data and most of the metadata: the same rows
 * in the same order as the port's readAll, at a fraction of the bytes and JSON parsing (the
 * checkpoint's main cost per event).
 */
export const entriesFromSql = (sql: SqlClient): LogEntries =>
  async function* (after, to) {
    let from = after;
    for (;;) {
      const r = await sql.query<{
        position: bigint;
        id: string;
        stream_id: string;
        revision: bigint;
        hash: unknown;
        prev: unknown;
      }>(
        `SELECT position, id, stream_id, revision, metadata->'hash' AS hash, metadata->'prevHash' AS prev
         FROM events WHERE position > $1 AND position <= $2 ORDER BY position LIMIT $3`,
        [from, to, PAGE],
        'integrity_log_entries_v1',
      );
      for (const row of r.rows)
        yield {
          position: row.position,
          id: row.id,
          streamId: row.stream_id,
          revision: row.revision,
          hash: row.hash,
          prevHash: row.prev,
        };
      const last = r.rows.at(-1);
      if (!last || r.rows.length < PAGE) return;
      from = last.position;
    }
  };
