import type { EventMetadata, RecordedEvent } from '../event-envelope.js';
import type { ExpectedRevision } from '../event-store.port.js';

/**
 * How our envelope sits in a KurrentDB event (ADR 0006). `data` is the JSON body. The envelope
 * metadata (actor, times, chain hashes, ...) travels as ONE string property holding its canonical
 * JSON, because KurrentDB's multi-stream append accepts only string-to-string metadata; single-stream
 * appends use the same shape so every event reads back the same way whichever path wrote it.
 */
export const ENVELOPE_KEY = 'blo.envelope';
export const SCHEMA_KEY = 'blo.schema';

export type KurrentMetadata = Readonly<Record<string, string>>;

export function encodeMetadata(metadataJson: string, schemaVersion: number): KurrentMetadata {
  return { [ENVELOPE_KEY]: metadataJson, [SCHEMA_KEY]: String(schemaVersion) };
}

/** KurrentDB's two log coordinates of an event in $all. */
export interface LogPosition {
  readonly commit: bigint;
  readonly prepare: bigint;
}

/**
 * The port's global `position` is the event's commit position in $all. Every event we write is a
 * self-committed prepare record, whose commit position is its own log position: unique per event,
 * increasing in $all order, never 0 (the log starts with the server's epoch record) — but NOT dense:
 * it counts bytes, not events. Legacy explicit transactions (TCP API, not used here) would share a
 * commit position; they cannot occur in a log only this adapter writes.
 */
export function toPortPosition(position: LogPosition | undefined): bigint {
  if (!position) throw new Error('KurrentDB returned an event without its log position');
  return BigInt(position.commit);
}

/** The $all coordinate to resume after a port position (the inverse of toPortPosition). */
export function toLogPosition(position: bigint): LogPosition {
  return { commit: position, prepare: position };
}

/** What the KurrentDB client hands back for one event (the fields we read). */
export interface KurrentRecorded {
  readonly id: string;
  readonly type: string;
  readonly streamId: string;
  readonly revision: bigint;
  readonly data: unknown;
  readonly metadata: unknown;
  readonly position?: LogPosition;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Uint8Array);

/**
 * One of our events back into the port's shape, or null for anything else in the database (system
 * events, other applications' streams): those are not part of the ledger and are skipped.
 */
export function decodeEvent(e: KurrentRecorded): RecordedEvent | null {
  if (!isRecord(e.metadata)) return null;
  const envelope = e.metadata[ENVELOPE_KEY];
  if (typeof envelope !== 'string') return null;
  const schema = Number(e.metadata[SCHEMA_KEY] ?? '1');
  return {
    id: e.id,
    type: e.type,
    schemaVersion: Number.isInteger(schema) ? schema : 1,
    streamId: e.streamId,
    revision: BigInt(e.revision),
    position: toPortPosition(e.position),
    data: e.data,
    metadata: JSON.parse(envelope) as EventMetadata,
  };
}

/**
 * The exact state KurrentDB must find for the append to go through. Always a concrete head, never
 * 'any': the hash chain was computed against that head, so an append landing on another one would
 * link to the wrong predecessor.
 */
export type KurrentStreamState = 'no_stream' | bigint;

export const exactState = (head: bigint | null): KurrentStreamState => (head === null ? 'no_stream' : head);

/** Whether a caller's expectation still allows the append once the real head is known. */
export function expectationAllows(expected: ExpectedRevision, head: bigint | null): boolean {
  if (expected === 'any') return true;
  if (expected === 'no_stream') return head === null;
  if (expected === 'stream_exists') return head !== null;
  return head === expected;
}
