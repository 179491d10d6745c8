import {
  STREAM_STATE,
  type AppendRecordInput,
  type AppendStreamRequest,
  type ConsistencyCheck,
  type EventData,
  type KurrentDBClient,
} from '@kurrent/kurrentdb-client';
import { canonicalJson } from '../hash-chain.js';
import { WrongExpectedRevisionError, EventTooLargeError } from '../event-store.errors.js';
import type { StreamWrite } from '../event-store.port.js';
import type { AppendBatch, Heads } from '../append/append-batch.js';
import { encodeMetadata, exactState, type KurrentStreamState } from './kurrentdb-envelope.js';
import { isUnsupported } from './kurrentdb-errors.js';

type MultiApi = 'records' | 'streams';

/** A multi-stream write this server cannot make atomically: refused, never split. */
export class MultiStreamAppendUnsupportedError extends Error {
  constructor(reason: string) {
    super(`KurrentDB cannot make this multi-stream append atomic: ${reason}`);
    this.name = 'MultiStreamAppendUnsupportedError';
  }
}

/**
 * Sends a prepared batch to KurrentDB for KurrentDbEventStore, expecting exactly the given heads.
 * Remembers which multi-stream API the server speaks, so an older server is asked once, not every time.
 */
export class KurrentDbWriter {
  private multiApi: MultiApi = 'records';

  constructor(private readonly client: KurrentDBClient) {}

  async write(writes: readonly StreamWrite[], heads: Heads, batch: AppendBatch): Promise<void> {
    const byStream = eventsByStream(batch);
    const state = (streamId: string): KurrentStreamState => exactState(heads.get(streamId)?.revision ?? null);
    if (writes.length === 1) {
      const w = writes[0];
      await this.client.appendToStream(w.streamId, byStream.get(w.streamId) ?? [], {
        streamState: state(w.streamId),
        requiresLeader: true,
      });
      return;
    }
    if (this.multiApi === 'records') {
      // 26.1+: one request, records in the caller's order, every write's expectation as a check
      // (also the expectation-only ones, which then guard the others atomically).
      const records: AppendRecordInput[] = writes.flatMap((w) =>
        (byStream.get(w.streamId) ?? []).map((record) => ({ streamName: w.streamId, record })),
      );
      const checks = writes.map((w): ConsistencyCheck => ({
        type: STREAM_STATE,
        streamName: w.streamId,
        expectedState: state(w.streamId),
      }));
      try {
        await this.client.appendRecords(records, checks);
        return;
      } catch (error) {
        if (!isUnsupported(error)) throw error;
        this.multiApi = 'streams';
      }
    }
    // 25.1: multiStreamAppend takes only streams it writes to, so an expectation-only guard on
    // another stream cannot be part of the same atomic append: refuse rather than check it apart.
    const guards = writes.filter((w) => w.events.length === 0);
    if (guards.length > 0) {
      throw new MultiStreamAppendUnsupportedError(
        `stream ${guards[0].streamId} is only checked, which needs appendRecords (KurrentDB 26.1 or later)`,
      );
    }
    const requests: AppendStreamRequest[] = writes.map((w) => ({
      streamName: w.streamId,
      events: byStream.get(w.streamId) ?? [],
      expectedState: state(w.streamId),
    }));
    try {
      await this.client.multiStreamAppend(requests);
    } catch (error) {
      if (isUnsupported(error)) throw new MultiStreamAppendUnsupportedError('the server is older than 25.1');
      throw error;
    }
  }
}

/** Errors after which the server surely wrote nothing, so an idempotency claim may be released. */
export function refusedBeforeWriting(error: unknown): boolean {
  return (
    error instanceof WrongExpectedRevisionError ||
    error instanceof EventTooLargeError ||
    error instanceof MultiStreamAppendUnsupportedError
  );
}

/**
 * The batch's events as KurrentDB event data, per stream in order. The bodies are the canonical
 * JSON that was hashed (bigint, Date and undefined normalised as the hash saw them), so a read
 * re-hashes to the same value.
 */
function eventsByStream(batch: AppendBatch): Map<string, EventData[]> {
  const out = new Map<string, EventData[]>();
  for (const e of batch.result(0n).events) {
    const list = out.get(e.streamId) ?? [];
    list.push({
      id: e.id,
      contentType: 'application/json',
      type: e.type,
      data: JSON.parse(canonicalJson(e.data)) as Record<string, unknown>,
      metadata: encodeMetadata(canonicalJson(e.metadata), e.schemaVersion),
    });
    out.set(e.streamId, list);
  }
  return out;
}

export const batchBytes = (batch: AppendBatch): number =>
  batch
    .result(0n)
    .events.reduce(
      (n, e) => n + Buffer.byteLength(canonicalJson(e.data)) + Buffer.byteLength(canonicalJson(e.metadata)),
      0,
    );
