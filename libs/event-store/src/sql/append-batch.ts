import { GENESIS_HASH, type EventMetadata, type RecordedEvent } from '../event-envelope.js';
import { EventTooLargeError, WrongExpectedRevisionError } from '../event-store.errors.js';
import type { AppendResult, ExpectedRevision, StreamWrite } from '../event-store.port.js';
import { canonicalJson, computeHash, type HashInput } from '../hash-chain.js';
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

/** One append turned into column arrays for the unnest() insert, with the chain already computed. */
export interface AppendBatch {
  readonly count: number;
  /** Whether the batch needs the unnest() form of the append statement. */
  readonly many: boolean;
  /** The statement's parameters before the idempotency ones (see appendStatement). */
  readonly params: readonly unknown[];
  /** The head of every written stream after the append, for the cache. */
  readonly newHeads: ReadonlyMap<string, StreamHead>;
  /** The result once the store knows the position of the batch's last event. */
  result(lastPosition: bigint): AppendResult;
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
  const columns = [ids, streamIds, revisions, types, schemaVersions, data, metadata, caseIds, recordedAt];
  return {
    count,
    many: count !== 1,
    params: count === 1 ? columns.map((c) => c[0]) : [BigInt(count), ...columns],
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
