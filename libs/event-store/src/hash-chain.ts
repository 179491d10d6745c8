import { createHash } from 'node:crypto';
import { GENESIS_HASH, type RecordedEvent } from './event-envelope.js';

/**
 * Canonical JSON: object keys sorted, no whitespace, bigint as decimal string, undefined dropped.
 * The same event always hashes the same, whichever store and whichever key order produced it.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'bigint') return JSON.stringify(value.toString());
  if (typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  const entries = Object.keys(value)
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
  return `{${entries.join(',')}}`;
}

/** What the hash covers: everything but the global position (assigned by the store) and the hash itself. */
export interface HashInput {
  id: string;
  type: string;
  schemaVersion: number;
  streamId: string;
  revision: bigint;
  data: unknown;
  metadata: Record<string, unknown> & { prevHash: string };
}

export function computeHash(input: HashInput): string {
  const { hash: _ignored, ...metadata } = input.metadata as Record<string, unknown>;
  const body = canonicalJson({ ...input, revision: input.revision.toString(), metadata });
  return createHash('sha256').update(body).digest('hex');
}

export interface ChainVerdict {
  valid: boolean;
  events: number;
  /** First event whose hash or link does not match, if any. */
  brokenAt?: { streamId: string; revision: string; eventId: string };
}

/** Re-hashes a stream in revision order and checks each link. Personal data is hashed as ciphertext. */
export async function verifyChain(
  events: AsyncIterable<RecordedEvent> | Iterable<RecordedEvent>,
): Promise<ChainVerdict> {
  let prev = GENESIS_HASH;
  let expectedRevision = 0n;
  let count = 0;
  for await (const e of events) {
    const recomputed = computeHash({
      id: e.id,
      type: e.type,
      schemaVersion: e.schemaVersion,
      streamId: e.streamId,
      revision: e.revision,
      data: e.data,
      metadata: e.metadata as unknown as HashInput['metadata'],
    });
    if (e.revision !== expectedRevision || e.metadata.prevHash !== prev || e.metadata.hash !== recomputed) {
      return {
        valid: false,
        events: count,
        brokenAt: { streamId: e.streamId, revision: e.revision.toString(), eventId: e.id },
      };
    }
    prev = e.metadata.hash;
    expectedRevision += 1n;
    count += 1;
  }
  return { valid: true, events: count };
}
