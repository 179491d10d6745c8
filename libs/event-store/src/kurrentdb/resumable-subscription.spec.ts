import { EventEmitter } from 'node:events';
import type { RecordedEvent } from '../event-envelope.js';
import { waitFor } from '../contract/contract-fixtures.js';
import { ResumableSubscription, type SubscriptionFeed } from './resumable-subscription.js';

/**
 * The reconnect and caught-up logic over scripted feeds. A feed here is a queue the test fills:
 * it plays the server's part (events, the caught-up signal, a dropped connection), so the test
 * controls exactly when each happens — something a real server cannot be made to do on cue.
 */
class ScriptedFeed implements SubscriptionFeed {
  readonly queue: (RecordedEvent | null | Error)[] = [];
  private readonly signals = new EventEmitter();
  private waiting: (() => void) | null = null;
  closed = false;

  constructor(readonly after: bigint) {}

  push(...items: (RecordedEvent | null | Error)[]): void {
    this.queue.push(...items);
    this.waiting?.();
  }
  caughtUp(): void {
    this.signals.emit('caughtUp');
  }
  buffered(): number {
    return this.queue.length;
  }
  onCaughtUp(listener: () => void): void {
    this.signals.on('caughtUp', listener);
  }
  onFellBehind(listener: () => void): void {
    this.signals.on('fellBehind', listener);
  }
  async close(): Promise<void> {
    this.closed = true;
    this.waiting?.();
  }
  async *[Symbol.asyncIterator](): AsyncIterator<RecordedEvent | null> {
    for (;;) {
      if (this.closed) return;
      const item = this.queue.shift();
      if (item instanceof Error) throw item;
      if (item !== undefined) {
        yield item;
        continue;
      }
      await new Promise<void>((resolve) => (this.waiting = resolve));
      this.waiting = null;
    }
  }
}

const event = (position: bigint): RecordedEvent =>
  ({
    id: `e${position}`,
    type: 'T',
    schemaVersion: 1,
    streamId: 's-1',
    revision: 0n,
    position,
    data: {},
    metadata: {},
  }) as unknown as RecordedEvent;

const lostConnection = (): Error => Object.assign(new Error('connection dropped'), { transient: true });

function harness(after = 0n) {
  const feeds: ScriptedFeed[] = [];
  const seen: bigint[] = [];
  const caughtUp: bigint[] = [];
  const errors: unknown[] = [];
  const handler = { fail: null as bigint | null };
  const sub = new ResumableSubscription(
    after,
    {
      onEvent: (e) => {
        if (e.position === handler.fail) throw new Error('handler failed');
        seen.push(e.position);
      },
      onCaughtUp: (p) => void caughtUp.push(p),
      onError: (e) => void errors.push(e),
    },
    {
      open: (from) => {
        const feed = new ScriptedFeed(from);
        feeds.push(feed);
        return feed;
      },
      isTransient: (e) => (e as { transient?: boolean }).transient === true,
      backoff: { initialMs: 1, maxMs: 2 },
    },
  );
  return { sub, feeds, seen, caughtUp, errors, handler };
}

describe('ResumableSubscription', () => {
  it('reconnects after a dropped connection from the last handled event, skipping nothing and repeating nothing', async () => {
    const h = harness(10n);
    try {
      await waitFor(() => h.feeds.length === 1, 'first feed');
      expect(h.feeds[0].after).toBe(10n);
      h.feeds[0].push(event(20n), event(35n), lostConnection());
      await waitFor(() => h.feeds.length === 2, 'reconnect');
      expect(h.feeds[1].after).toBe(35n);
      // The new connection re-sends an event the old one had delivered: it is not handled twice.
      h.feeds[1].push(event(35n), event(50n));
      await waitFor(() => h.seen.length === 3, 'events after the reconnect');
      expect(h.seen).toEqual([20n, 35n, 50n]);
      expect(h.errors).toEqual([]);
    } finally {
      await h.sub.stop();
    }
  });

  it('signals caught-up only after every event received before the signal is handled, then after each live batch', async () => {
    const h = harness();
    try {
      await waitFor(() => h.feeds.length === 1, 'feed');
      const feed = h.feeds[0];
      // The server's signal overtakes events still buffered on the client.
      feed.queue.push(event(1n), event(2n));
      feed.caughtUp();
      feed.push();
      await waitFor(() => h.caughtUp.length === 1, 'caught-up');
      expect(h.seen).toEqual([1n, 2n]);
      expect(h.caughtUp).toEqual([2n]);
      feed.push(event(3n));
      await waitFor(() => h.caughtUp.length === 2, 'caught-up after a live event');
      expect(h.caughtUp).toEqual([2n, 3n]);
    } finally {
      await h.sub.stop();
    }
  });

  it('says caught-up at once on an empty log, with the start position', async () => {
    const h = harness(7n);
    try {
      await waitFor(() => h.feeds.length === 1, 'feed');
      h.feeds[0].caughtUp();
      await waitFor(() => h.caughtUp.length === 1, 'caught-up');
      expect(h.caughtUp).toEqual([7n]);
    } finally {
      await h.sub.stop();
    }
  });

  it('skips events that are not ours without losing its place', async () => {
    const h = harness();
    try {
      await waitFor(() => h.feeds.length === 1, 'feed');
      h.feeds[0].push(null, event(4n), null, lostConnection());
      await waitFor(() => h.feeds.length === 2, 'reconnect');
      expect(h.feeds[1].after).toBe(4n);
      expect(h.seen).toEqual([4n]);
    } finally {
      await h.sub.stop();
    }
  });

  it('stops and reports a handler error instead of reconnecting', async () => {
    const h = harness();
    h.handler.fail = 2n;
    await waitFor(() => h.feeds.length === 1, 'feed');
    h.feeds[0].push(event(1n), event(2n), event(3n));
    await waitFor(() => h.errors.length === 1, 'error reported');
    await h.sub.stop();
    expect(h.seen).toEqual([1n]);
    expect(h.feeds).toHaveLength(1);
    expect(h.feeds[0].closed).toBe(true);
  });

  it('reports a failure that is not a lost connection and does not retry it', async () => {
    const h = harness();
    await waitFor(() => h.feeds.length === 1, 'feed');
    const denied = new Error('access denied');
    h.feeds[0].push(event(1n), denied);
    await waitFor(() => h.errors.length === 1, 'error reported');
    await h.sub.stop();
    expect(h.errors).toEqual([denied]);
    expect(h.feeds).toHaveLength(1);
  });

  it('stop() waits for the handler in flight and closes the feed', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const order: string[] = [];
    let feed: ScriptedFeed | undefined;
    const sub = new ResumableSubscription(
      0n,
      {
        onEvent: async () => {
          order.push('handler entered');
          await held;
          order.push('handler done');
        },
      },
      { open: () => (feed = new ScriptedFeed(0n)), isTransient: () => true },
    );
    await waitFor(() => feed !== undefined, 'feed');
    feed!.push(event(1n), event(2n));
    await waitFor(() => order.length === 1, 'handler entered');
    const stopped = sub.stop().then(() => order.push('stopped'));
    release();
    await stopped;
    expect(order).toEqual(['handler entered', 'handler done', 'stopped']);
    expect(feed!.closed).toBe(true);
  });
});
