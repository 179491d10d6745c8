import { GENESIS_HASH, type EventMetadata, type RecordedEvent } from '../event-envelope.js';
import { EventTooLargeError, WrongExpectedRevisionError } from '../event-store.errors.js';
import type { AppendResult, ExpectedRevision, StreamWrite } from '../event-store.port.js';
import { canonicalJson, computeHash, type HashInput } from '../hash-chain.js';
import type { KeyClaim } from './idempotency-claim.js';
import type { StreamHead } from './stream-head-cache.js';

/** The last event of each written stream before the append; null when the stream does not exist. */
export type Heads = ReadonlyMap<string, StreamHead | null>;

export const describeExpected = (expected: ExpectedRevision): string =>
  typeof expected === 'bigint' ? expected.toString() : expected;

export function revisionConflict(write: StreamWrite, actual: bigint | null): WrongExpectedRevisionError {
  return new WrongExpectedRevisionError(
    write.streamId,
    describeExpected(write.expectedRevision),
    actual === null ? 'no_stream' : actual.toString(),
  );
}

/** Throws WrongExpectedRevisionError unless the stream's current head satisfies the write's expectation. */
export function checkExpectation(write: StreamWrite, head: StreamHead | null): void {
  const expected = write.expectedRevision;
  const actual = head?.revision ?? null;
  if (expected === 'any') return;
  if (expected === 'no_stream') {
    if (actual !== null) throw revisionConflict(write, actual);
  } else if (expected === 'stream_exists') {
    if (actual === null) throw revisionConflict(write, actual);
  } else if (actual !== expected) {
    throw revisionConflict(write, actual);
  }
}

/** Rows ready for the append statement: how many, and one array per inserted column. */
export interface InsertRows {
  readonly count: number;
  /** id, stream_id, revision, type, schema_version, data, metadata, case_id, recorded_at. */
  readonly columns: readonly (readonly unknown[])[];
}

/** Whether the rows need the unnest() form of the append statement (see appendStatement). */
export const needsUnnest = (rows: InsertRows): boolean => rows.count !== 1;

/** The append statement's parameters before the idempotency ones. */
export const statementParams = (rows: InsertRows): unknown[] =>
  needsUnnest(rows) ? [BigInt(rows.count), ...rows.columns] : rows.columns.map((c) => c[0]);

/** Several batches as one insert, in the given order (each keeps its rows contiguous). */
export function concatRows(batches: readonly InsertRows[]): InsertRows {
  const columns = batches[0].columns.map((_, i) => batches.flatMap((b) => b.columns[i]));
  return { count: batches.reduce((n, b) => n + b.count, 0), columns };
}

/** One append turned into column arrays for the insert, with the chain already computed. */
export interface AppendBatch extends InsertRows {
  /** The streams that receive events. */
  readonly streams: ReadonlySet<string>;
  /** The head of every written stream after the append, for the cache. */
  readonly newHeads: ReadonlyMap<string, StreamHead>;
  /** The result once the store knows the position of the batch's last event. */
  result(lastPosition: bigint): AppendResult;
  /** The idempotency key the same statement claims, if any (see KeyClaim). */
  readonly claim?: KeyClaim;
}

type Pending = Omit<RecordedEvent, 'position'>;

export function prepareBatch(writes: readonly StreamWrite[], heads: Heads, maxEventBytes: number): AppendBatch {
  const ids: string[] = [];
  const streamIds: string[] = [];
  const revisions: bigint[] = [];
  const types: string[] = [];
  const schemaVersions: number[] = [];
  const data: string[] = [];
  const metadata: string[] = [];
  const caseIds: (string | null)[] = [];
  const recordedAt: string[] = [];
  const pending: Pending[] = [];
  const streams: { streamId: string; nextRevision: bigint }[] = [];
  const newHeads = new Map<string, StreamHead>();

  for (const write of writes) {
    const head = heads.get(write.streamId) ?? null;
    let revision = head?.revision ?? -1n;
    let prevHash = head?.hash ?? GENESIS_HASH;
    for (const event of write.events) {
      revision += 1n;
      const schemaVersion = event.schemaVersion ?? 1;
      const linked = { ...event.metadata, prevHash } as HashInput['metadata'];
      const hash = computeHash({
        id: event.id,
        type: event.type,
        schemaVersion,
        streamId: write.streamId,
        revision,
        data: event.data,
        metadata: linked,
      });
      const fullMetadata = { ...linked, hash } as unknown as EventMetadata;
      // Stored as the canonical text that was hashed, so a read re-hashes to the same value
      // (bigint, Date and undefined are normalised exactly as the hash saw them).
      const dataJson = canonicalJson(event.data);
      const metadataJson = canonicalJson(fullMetadata);
      const size = Buffer.byteLength(dataJson) + Buffer.byteLength(metadataJson);
      if (size > maxEventBytes) throw new EventTooLargeError(size, maxEventBytes);

      ids.push(event.id);
      streamIds.push(write.streamId);
      revisions.push(revision);
      types.push(event.type);
      schemaVersions.push(schemaVersion);
      data.push(dataJson);
      metadata.push(metadataJson);
      caseIds.push(event.metadata.caseId ?? null);
      recordedAt.push(event.metadata.recordedAt);
      pending.push({
        id: event.id,
        type: event.type,
        schemaVersion,
        streamId: write.streamId,
        revision,
        data: event.data,
        metadata: fullMetadata,
      });
      prevHash = hash;
    }
    if (write.events.length > 0) newHeads.set(write.streamId, { revision, hash: prevHash });
    streams.push({ streamId: write.streamId, nextRevision: revision });
  }

  const count = pending.length;
  return {
    count,
    columns: [ids, streamIds, revisions, types, schemaVersions, data, metadata, caseIds, recordedAt],
    streams: new Set(newHeads.keys()),
    newHeads,
    result(lastPosition: bigint): AppendResult {
      const first = lastPosition - BigInt(count) + 1n;
      return {
        streams,
        position: lastPosition,
        events: pending.map((e, i) => ({ ...e, position: first + BigInt(i) })),
      };
    },
  };
}
