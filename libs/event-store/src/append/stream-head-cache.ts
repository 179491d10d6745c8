import { LruCache } from '#shared-kernel';

/** The last known event of a stream: its revision and chain hash. */
export interface StreamHead {
  readonly revision: bigint;
  readonly hash: string;
}

/**
 * Bounded memory of stream heads, so an append after a load needs no read of its own. Events are
 * never removed, so "revision N of stream S has hash H" stays true forever: an entry may fall
 * behind the real head (another process appended) but it is never wrong. A stale entry only makes
 * the insert collide with the unique (stream_id, revision) constraint, which the store turns into a
 * fresh read. Only committed facts may be remembered.
 */
export class StreamHeadCache {
  private readonly heads: LruCache<string, StreamHead>;

  /** A capacity of 0 remembers nothing. */
  constructor(capacity = 10_000) {
    this.heads = new LruCache(capacity);
  }

  /** A look-up is not a use: the streams most recently remembered (loaded, appended) stay longest. */
  get(streamId: string): StreamHead | undefined {
    return this.heads.peek(streamId);
  }

  /** Keeps the higher of the known and the offered revision; most recently touched stays longest. */
  remember(streamId: string, head: StreamHead): void {
    const known = this.heads.peek(streamId);
    if (known && known.revision > head.revision) return;
    this.heads.set(streamId, head);
  }

  forget(streamId: string): void {
    this.heads.delete(streamId);
  }

  get size(): number {
    return this.heads.size;
  }
}
