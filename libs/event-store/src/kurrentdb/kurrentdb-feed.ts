import { START, excludeSystemEvents, type KurrentDBClient } from '@kurrent/kurrentdb-client';
import type { RecordedEvent } from '../event-envelope.js';
import { decodeEvent, toLogPosition } from './kurrentdb-envelope.js';
import type { SubscriptionFeed } from './resumable-subscription.js';

/**
 * One server-side catch-up subscription to $all (system events filtered out by the server) as a
 * SubscriptionFeed. Iterating pulls from the client's object stream, so a slow handler applies
 * backpressure instead of buffering the log in memory.
 */
export function openKurrentFeed(client: KurrentDBClient, after: bigint): SubscriptionFeed {
  const subscription = client.subscribeToAll({
    fromPosition: after > 0n ? toLogPosition(after) : START,
    filter: excludeSystemEvents(),
    requiresLeader: true,
  });
  let closed = false;
  return {
    async *[Symbol.asyncIterator](): AsyncIterator<RecordedEvent | null> {
      for await (const resolved of subscription) {
        yield resolved.event ? decodeEvent(resolved.event) : null;
      }
    },
    buffered: () => subscription.readableLength,
    onCaughtUp: (listener) => void subscription.on('caughtUp', listener),
    onFellBehind: (listener) => void subscription.on('fellBehind', listener),
    close: async () => {
      if (closed) return;
      closed = true;
      await subscription.unsubscribe().catch(() => undefined);
      subscription.destroy();
    },
  };
}
