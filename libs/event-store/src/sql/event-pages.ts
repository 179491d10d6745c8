import type { EventMetadata, RecordedEvent } from '../event-envelope.js';
import type { ReadAllOptions, ReadStreamOptions } from '../event-store.port.js';
import * as S from './event-store.statements.js';
import type { SqlClient } from './sql-client.js';
import type { StreamHead } from '../append/stream-head-cache.js';

const MAX_BIGINT = 9_223_372_036_854_775_807n;
export const DEFAULT_PAGE = 1000;

interface EventRow {
  id: string;
  type: string;
  schema_version: number;
  stream_id: string;
  revision: bigint;
  position: bigint;
  data: unknown;
  metadata: EventMetadata;
}

const toRecorded = (r: EventRow): RecordedEvent => ({
  id: r.id,
  type: r.type,
  schemaVersion: r.schema_version,
  streamId: r.stream_id,
  revision: r.revision,
  position: r.position,
  data: r.data,
  metadata: r.metadata,
});

const pageSizeOf = (n: number | undefined): number =>
  n !== undefined && Number.isInteger(n) && n > 0 ? n : DEFAULT_PAGE;

/**
 * A stream in revision order, one keyset page at a time: only one page is ever held, however
 * long the stream. `onPage` learns the last event of each page (a true head for the cache).
 */
export async function* readStreamPages(
  sql: SqlClient,
  streamId: string,
  options: ReadStreamOptions,
  onPage: (last: StreamHead) => void,
): AsyncIterable<RecordedEvent> {
  const pageSize = pageSizeOf(options.pageSize);
  const to = options.toRevision ?? MAX_BIGINT;
  let from = options.fromRevision !== undefined && options.fromRevision > 0n ? options.fromRevision : 0n;
  while (from <= to) {
    const r = await sql.query<EventRow>(S.READ_STREAM.text, [streamId, from, to, pageSize], S.READ_STREAM.name);
    const last = r.rows.at(-1);
    if (last) onPage({ revision: last.revision, hash: last.metadata.hash });
    for (const row of r.rows) yield toRecorded(row);
    if (!last || r.rows.length < pageSize) return;
    from = last.revision + 1n;
  }
}

/** The global log in position order, one keyset page at a time. */
export async function* readAllPages(sql: SqlClient, options: ReadAllOptions): AsyncIterable<RecordedEvent> {
  const pageSize = pageSizeOf(options.pageSize);
  const to = options.to ?? MAX_BIGINT;
  let after = options.after !== undefined && options.after > 0n ? options.after : 0n;
  while (after < to) {
    const r = await sql.query<EventRow>(S.READ_ALL.text, [after, to, pageSize], S.READ_ALL.name);
    for (const row of r.rows) yield toRecorded(row);
    const last = r.rows.at(-1);
    if (!last || r.rows.length < pageSize) return;
    after = last.position;
  }
}
