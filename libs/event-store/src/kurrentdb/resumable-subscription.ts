import type { RecordedEvent } from '../event-envelope.js';
import type { Subscription, SubscriptionHandlers } from '../event-store.port.js';

/**
 * One connection's worth of a catch-up subscription: events in log order (null for an event that is
 * not ours), plus the server's "caught up" / "fell behind" signals. It throws when the connection
 * breaks; `buffered()` is how many events arrived but were not yet taken.
 */
export interface SubscriptionFeed extends AsyncIterable<RecordedEvent | null> {
  buffered(): number;
  onCaughtUp(listener: () => void): void;
  onFellBehind(listener: () => void): void;
  close(): Promise<void>;
}

export interface ResumeOptions {
  /** Opens a feed delivering what comes after `after` (exclusive). */
  readonly open: (after: bigint) => SubscriptionFeed;
  /** Whether a feed failure is a lost connection (resume) rather than a fault (report and stop). */
  readonly isTransient: (error: unknown) => boolean;
  /** Backoff between reconnects, doubling from initialMs to maxMs. */
  readonly backoff?: { readonly initialMs: number; readonly maxMs: number };
  readonly onStopped?: () => void;
}

/**
 * The port's subscription over a server-side catch-up subscription. When the connection drops it
 * reconnects from the last event whose handler FINISHED — never from what was merely received — so
 * nothing is skipped or repeated. A handler that throws stops it and is reported through onError
 * (the caller restarts from its own checkpoint, as with the SQL store). `onCaughtUp` fires once the
 * server said it is live and every event received so far has been handled.
 */
export class ResumableSubscription implements Subscription {
  private stopped = false;
  private feed: SubscriptionFeed | null = null;
  private wake: (() => void) | null = null;
  private readonly done: Promise<void>;
  private last: bigint;
  private handling = false;
  private live = false;
  /** Events to take before the server's caught-up signal applies (it overtakes buffered events). */
  private caughtUpAfter: number | null = null;
  private taken = 0;
  /** Serialises handler calls and caught-up notifications. */
  private chain: Promise<void> = Promise.resolve();

  constructor(
    after: bigint,
    private readonly handlers: SubscriptionHandlers,
    private readonly options: ResumeOptions,
  ) {
    this.last = after;
    this.done = this.run().finally(() => options.onStopped?.());
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.feed?.close().catch(() => undefined);
    await this.done;
  }

  private async run(): Promise<void> {
    const backoff = this.options.backoff ?? { initialMs: 100, maxMs: 5000 };
    let failures = 0;
    while (!this.stopped) {
      const feed = this.options.open(this.last);
      this.feed = feed;
      this.live = false;
      this.caughtUpAfter = null;
      this.taken = 0;
      feed.onCaughtUp(() => this.serverCaughtUp(feed));
      feed.onFellBehind(() => {
        this.live = false;
      });
      try {
        for await (const event of feed) {
          this.taken += 1;
          if (this.stopped) break;
          if (event && event.position > this.last) {
            this.handling = true;
            const ok = await this.serial(() => this.handlers.onEvent(event));
            this.handling = false;
            if (!ok) return;
            this.last = event.position;
            failures = 0;
          }
          if (!(await this.afterTake(feed))) return;
        }
      } catch (error) {
        if (this.stopped) return;
        if (!this.options.isTransient(error)) {
          this.report(error);
          return;
        }
      } finally {
        this.feed = null;
        await feed.close().catch(() => undefined);
      }
      if (this.stopped) return;
      // The server ended or dropped the feed: come back after a pause, from the last handled event.
      failures += 1;
      await this.pause(Math.min(backoff.initialMs * 2 ** (failures - 1), backoff.maxMs));
    }
  }

  private serverCaughtUp(feed: SubscriptionFeed): void {
    this.caughtUpAfter = this.taken + feed.buffered();
    // Idle (everything received is handled): say so now; otherwise afterTake will.
    if (!this.handling && this.taken >= this.caughtUpAfter) void this.afterTake(feed);
  }

  private async afterTake(feed: SubscriptionFeed): Promise<boolean> {
    if (this.caughtUpAfter !== null && this.taken >= this.caughtUpAfter) {
      this.caughtUpAfter = null;
      this.live = true;
    }
    if (!this.live || feed.buffered() > 0 || this.stopped) return true;
    const position = this.last;
    return this.serial(() => this.handlers.onCaughtUp?.(position));
  }

  /** Runs a handler after the previous one; false (and reported) when it threw. */
  private serial(work: () => Promise<void> | void): Promise<boolean> {
    const next = this.chain.then(async () => {
      if (this.stopped) return true;
      try {
        await work();
        return true;
      } catch (error) {
        this.report(error);
        return false;
      }
    });
    this.chain = next.then(() => undefined);
    return next;
  }

  private report(error: unknown): void {
    if (this.stopped) return;
    this.stopped = true;
    void this.feed?.close().catch(() => undefined);
    this.handlers.onError?.(error);
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.wake = null;
        resolve();
      }, ms);
      this.wake = () => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
    });
  }
}
