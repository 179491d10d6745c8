export interface LruCacheOptions {
  /** How long an entry is usable after it was set (default: until it is evicted). */
  readonly ttlMs?: number;
  /** Milliseconds since the epoch; a spec passes a fake one. */
  readonly clock?: () => number;
}

/**
 * A bounded map that forgets the least recently used entry first, optionally after a time to live.
 * The one cache of the code base (data keys, stream heads, verified tokens, record scopes): a Map
 * keeps insertion order, so re-inserting an entry on use is all the bookkeeping an LRU needs.
 * Expired entries are dropped when next looked at; until then they count towards the capacity.
 */
export class LruCache<K, V> {
  private readonly entries = new Map<K, { readonly value: V; readonly expiresAt: number }>();
  private readonly ttlMs: number;
  private readonly clock: () => number;

  /** A capacity of 0 (or less) keeps nothing: the way to turn a cache off. */
  constructor(
    private readonly capacity: number,
    options: LruCacheOptions = {},
  ) {
    this.ttlMs = options.ttlMs ?? Infinity;
    this.clock = options.clock ?? Date.now;
  }

  /** The value if present and not expired; counts as a use. */
  get(key: K): V | undefined {
    const value = this.peek(key);
    if (value === undefined) return undefined;
    const entry = this.entries.get(key)!;
    this.entries.delete(key);
    this.entries.set(key, entry); // the most recently used goes last
    return value;
  }

  /** The value if present and not expired, without counting as a use. */
  peek(key: K): V | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (this.expired(entry.expiresAt)) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  /**
   * Stores as the most recently used, evicting the least recently used beyond the capacity.
   * `expiresAt` (clock time) ends this entry sooner than the time to live would.
   */
  set(key: K, value: V, expiresAt = Infinity): void {
    if (this.capacity <= 0) return;
    const ttlEnd = this.ttlMs === Infinity ? Infinity : this.clock() + this.ttlMs;
    this.entries.delete(key);
    this.entries.set(key, { value, expiresAt: Math.min(ttlEnd, expiresAt) });
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
  }

  delete(key: K): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }

  /** Entries held, including expired ones not looked at since. */
  get size(): number {
    return this.entries.size;
  }

  // No clock read for entries that never expire (stream heads, on every append).
  private expired(expiresAt: number): boolean {
    return expiresAt !== Infinity && expiresAt <= this.clock();
  }
}
