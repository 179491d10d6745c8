import {
  computeHash,
  GENESIS_HASH,
  type EventStore,
  type HashInput,
  type RecordedEvent,
  type SqlClient,
} from '#event-store';
import type { Findings } from './integrity-report.js';

/** What the later checks need of each event read: no data, only its identity and place. */
export interface EventFacts {
  readonly id: string;
  readonly position: bigint;
  readonly revision: bigint;
  /** metadata.hash as stored (not trusted: the checks compare it). */
  readonly hash: string;
  readonly recordedAt: unknown;
  readonly caseId: unknown;
}

export interface StreamRead {
  /** Place in the order the caller gave: findings are ranked by it. */
  readonly order: number;
  readonly streamId: string;
  readonly events: EventFacts[];
  /** Revision of the last event read, -1n for an empty stream. */
  readonly last: bigint;
}

const metaOf = (e: RecordedEvent): Record<string, unknown> =>
  typeof e.metadata === 'object' && e.metadata !== null ? (e.metadata as unknown as Record<string, unknown>) : {};

/** The hash the event should carry; null when its envelope is too damaged to hash. */
export function recomputeHash(e: RecordedEvent, meta: Record<string, unknown>): string | null {
  try {
    return computeHash({
      id: e.id,
      type: e.type,
      schemaVersion: e.schemaVersion,
      streamId: e.streamId,
      revision: e.revision,
      data: e.data,
      metadata: meta as HashInput['metadata'],
    });
  } catch {
    return null;
  }
}

/**
 * Reads one stream and checks its chain (ADR 0003): revisions contiguous from 0, each prevHash
 * the previous event's hash, each hash the hash of the event's content. A missing revision is
 * named as missing (its id comes from the index later), not as the event after the gap. Never
 * throws: whatever the database hands back is judged, not trusted to be well-formed.
 */
export async function readChain(
  store: EventStore,
  order: number,
  streamId: string,
  findings: Findings,
): Promise<StreamRead> {
  const events: EventFacts[] = [];
  let expected = 0n;
  let prev = GENESIS_HASH;
  let broken = false;
  let last = -1n;
  try {
    for await (const e of store.readStream(streamId)) {
      const meta = metaOf(e);
      const hash = typeof meta.hash === 'string' ? meta.hash : '';
      events.push({
        id: e.id,
        position: e.position,
        revision: e.revision,
        hash,
        recordedAt: meta.recordedAt,
        caseId: meta.caseId,
      });
      last = e.revision;
      if (broken) continue;
      const named = { streamId, eventId: e.id, position: e.position.toString() };
      if (e.revision > expected) {
        findings.add(order, expected, { streamId, problem: 'missing_event' });
        broken = true;
      } else if (meta.prevHash !== prev) {
        findings.add(order, e.revision, { ...named, problem: 'broken_link' });
        broken = true;
      } else if (recomputeHash(e, meta) !== hash) {
        findings.add(order, e.revision, { ...named, problem: 'hash_mismatch' });
        broken = true;
      }
      prev = hash;
      expected = e.revision + 1n;
    }
  } catch {
    // A row the driver cannot even turn into an event (metadata that is not an object, …).
    if (!broken) findings.add(order, expected, { streamId, problem: 'unreadable' });
  }
  return { order, streamId, events, last };
}

/**
 * The SQL store copies `recorded_at` and `case_id` out of the hashed metadata into columns the
 * timeline and "as of T" replays filter on. The hash does not cover the columns, so they are
 * compared with the metadata they were copied from.
 */
export async function checkColumns(sql: SqlClient, reads: readonly StreamRead[], findings: Findings): Promise<void> {
  const byId = new Map<string, { read: StreamRead; e: EventFacts }>();
  for (const read of reads) for (const e of read.events) byId.set(e.id, { read, e });
  if (byId.size === 0) return;
  const r = await sql.query<{ id: string; recorded_at: Date; case_id: string | null }>(
    `SELECT id, recorded_at, case_id FROM events WHERE stream_id = ANY($1::text[])`,
    [reads.map((x) => x.streamId)],
  );
  for (const row of r.rows) {
    const hit = byId.get(row.id);
    if (!hit) continue;
    const declared = typeof hit.e.recordedAt === 'string' ? Date.parse(hit.e.recordedAt) : NaN;
    const caseId = typeof hit.e.caseId === 'string' ? hit.e.caseId.toLowerCase() : null;
    if (row.recorded_at.getTime() !== declared || (row.case_id?.toLowerCase() ?? null) !== caseId)
      findings.add(hit.read.order, hit.e.revision, {
        streamId: hit.read.streamId,
        eventId: hit.e.id,
        position: hit.e.position.toString(),
        problem: 'column_mismatch',
      });
  }
}
