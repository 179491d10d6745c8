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
  private readonly heads = new Map<string, StreamHead>();

  constructor(private readonly capacity = 10_000) {}

  get(streamId: string): StreamHead | undefined {
    return this.heads.get(streamId);
  }

  /** Keeps the higher of the known and the offered revision; most recently touched stays longest. */
  remember(streamId: string, head: StreamHead): void {
    if (this.capacity <= 0) return;
    const known = this.heads.get(streamId);
    if (known && known.revision > head.revision) return;
    this.heads.delete(streamId);
    this.heads.set(streamId, head);
    if (this.heads.size > this.capacity) {
      const oldest = this.heads.keys().next();
      if (!oldest.done) this.heads.delete(oldest.value);
    }
  }

  forget(streamId: string): void {
    this.heads.delete(streamId);
  }

  get size(): number {
    return this.heads.size;
  }
}
