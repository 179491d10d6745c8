import type { SqlClient } from '#event-store';
import { parseStreamId } from '#shared-kernel';
import { viewName } from '../projection.js';
import type { Text } from './timeline.labels.js';

export interface TimelineEntry {
  readonly position: string;
  /** When it happened, as declared (UTC), with the declared offset and both local readings. */
  readonly at: string;
  readonly offset: string;
  readonly local: { vn: string; cn: string };
  /** When the service recorded it: what "as of" replays step by. */
  readonly recordedAt: string;
  readonly type: string;
  readonly actor: { userId: string; role: string; unitId: string };
  readonly summary: Text;
  readonly ref: { kind: string; id: string };
}

interface Row {
  position: string;
  stream_id: string;
  type: string;
  recorded_at: string;
  occurred_at: string;
  occurred_offset: string;
  local_vn: string;
  local_cn: string;
  actor: TimelineEntry['actor'];
  summary: Text;
}

/** `localTimes` in SQL: the same ISO text (seconds, fixed offset; no daylight saving either side). */
const local = (hours: number): string =>
  `to_char(e.occurred_at::timestamptz AT TIME ZONE 'UTC' + interval '${hours} hours', 'YYYY-MM-DD"T"HH24:MI:SS') || '+0${hours}:00'`;

/**
 * The case's entries in recorded (position) order. With `asOf`, only what was recorded at or
 * before it, from streams already linked to the case then: the timeline as it stood.
 */
export async function timelineOf(sql: SqlClient, caseId: string, asOf?: Date): Promise<TimelineEntry[]> {
  const params: unknown[] = [caseId];
  let linked = '';
  let recorded = '';
  if (asOf) {
    params.push(asOf.toISOString());
    linked = 'AND s.linked_at <= $2';
    recorded = 'AND e.recorded_at <= $2';
  }
  // One index range per linked stream. `OFFSET 0` keeps the planner from flattening the
  // subquery into a hash join over the whole entries table: a freshly built generation has no
  // statistics until it is analysed, and that plan scanned every entry (tens of ms at 80k rows,
  // growing with the log) where this one reads only the case's streams.
  // Times and positions come back as the text the entry shows: parsing ~2,000 timestamps and
  // bigints into objects only to print them again was a third of the query's CPU in Node, and
  // PostgreSQL formats them on the other core.
  const text = `SELECT e.position::text AS position, e.stream_id, e.type,
            to_char(e.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS recorded_at,
            e.occurred_at, e.occurred_offset, ${local(7)} AS local_vn, ${local(8)} AS local_cn, e.actor, e.summary
       FROM ${viewName('case_timeline_streams')} s
       CROSS JOIN LATERAL (
         SELECT * FROM ${viewName('case_timeline_entries')} e
          WHERE e.stream_id = s.stream_id ${recorded}
         OFFSET 0) e
      WHERE s.case_id = $1 ${linked}
      ORDER BY e.position`;
  return (await withoutJit(sql, (q) => q.query<Row>(text, params))).rows.map(toEntry);
}

/**
 * Without statistics (a generation just built, autovacuum not yet run) PostgreSQL takes the
 * entries table's size for the rows to expect, costs this query in the millions and compiles
 * it with JIT: ~40-100 ms of compilation for a query that runs in about one. The setting is
 * local to a transaction around the one query. PGlite has no JIT.
 */
async function withoutJit<T>(sql: SqlClient, fn: (q: SqlClient) => Promise<T>): Promise<T> {
  if (sql.kind !== 'postgres') return fn(sql);
  return sql.transaction(async (tx) => {
    await tx.query('SET LOCAL jit = off');
    return fn(tx);
  });
}

function toEntry(r: Row): TimelineEntry {
  const { category, id } = parseStreamId(r.stream_id);
  return {
    position: r.position,
    at: r.occurred_at,
    offset: r.occurred_offset,
    local: { vn: r.local_vn, cn: r.local_cn },
    recordedAt: r.recorded_at,
    type: r.type,
    actor: r.actor,
    summary: r.summary,
    ref: { kind: category, id },
  };
}
