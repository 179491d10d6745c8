import { BACKWARDS, END, START, excludeSystemEvents, type KurrentDBClient } from '@kurrent/kurrentdb-client';
import type { RecordedEvent } from '../event-envelope.js';
import type { ReadAllOptions, ReadStreamOptions } from '../event-store.port.js';
import type { StreamHeadCache, StreamHead } from '../append/stream-head-cache.js';
import { decodeEvent, toLogPosition } from './kurrentdb-envelope.js';
import { isStreamNotFound } from './kurrentdb-errors.js';

/**
 * The reads of KurrentDbEventStore, all from the leader. What a read learns about a stream's head
 * goes into the store's StreamHeadCache, so the next append need not ask again.
 */
export class KurrentDbReader {
  constructor(
    private readonly client: KurrentDBClient,
    private readonly cache: StreamHeadCache,
  ) {}

  async readHead(streamId: string): Promise<StreamHead | null> {
    try {
      const last = this.client.readStream(streamId, {
        direction: BACKWARDS,
        fromRevision: END,
        maxCount: 1,
        requiresLeader: true,
      });
      for await (const resolved of last) {
        const e = resolved.event ? decodeEvent(resolved.event) : null;
        if (!e) throw new Error(`stream ${streamId} ends with an event this ledger did not write`);
        const head = { revision: e.revision, hash: e.metadata.hash };
        this.cache.remember(streamId, head);
        return head;
      }
      return null;
    } catch (error) {
      if (isStreamNotFound(error)) return null;
      throw error;
    }
  }

  async *readStream(streamId: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    const from = options.fromRevision !== undefined && options.fromRevision > 0n ? options.fromRevision : 0n;
    const to = options.toRevision;
    if (to !== undefined && to < from) return;
    // The native reader pulls pages from the server as this generator is consumed: nothing is
    // buffered beyond one page, whatever the stream's length.
    const events = this.client.readStream(streamId, {
      fromRevision: from,
      ...(to !== undefined ? { maxCount: to - from + 1n } : {}),
      requiresLeader: true,
    });
    try {
      let last: RecordedEvent | null = null;
      for await (const resolved of events) {
        const e = resolved.event ? decodeEvent(resolved.event) : null;
        if (!e) continue;
        last = e;
        yield e;
      }
      if (last) this.cache.remember(streamId, { revision: last.revision, hash: last.metadata.hash });
    } catch (error) {
      if (isStreamNotFound(error)) return;
      throw error;
    }
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    const after = options.after !== undefined && options.after > 0n ? options.after : 0n;
    const events = this.client.readAll({
      fromPosition: after > 0n ? toLogPosition(after) : START,
      filter: excludeSystemEvents(),
      requiresLeader: true,
    });
    for await (const resolved of events) {
      const e = resolved.event ? decodeEvent(resolved.event) : null;
      // A read from a position includes the event AT it; the port's `after` is exclusive.
      if (!e || e.position <= after) continue;
      if (options.to !== undefined && e.position > options.to) return;
      yield e;
    }
  }

  async headPosition(): Promise<bigint> {
    const newestFirst = this.client.readAll({
      direction: BACKWARDS,
      fromPosition: END,
      filter: excludeSystemEvents(),
      requiresLeader: true,
    });
    for await (const resolved of newestFirst) {
      const e = resolved.event ? decodeEvent(resolved.event) : null;
      if (e) return e.position;
    }
    return 0n;
  }
}
