import pg from 'pg';
import type { RecordedEvent } from '../event-envelope.js';
import type { ReadAllOptions, Subscription, SubscriptionHandlers } from '../event-store.port.js';
import { NOTIFY_CHANNEL } from './event-store.statements.js';

/** "Something was committed": wakes every subscription waiting on it. */
export class WakeSignal {
  private readonly listeners = new Set<() => void>();

  wake(): void {
    for (const listener of this.listeners) listener();
  }

  listen(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

interface LogSource {
  readAll(options: ReadAllOptions): AsyncIterable<RecordedEvent>;
}

/**
 * Catch-up then live, by one loop: read everything after the last delivered position, report
 * caught-up, sleep until woken (an append in this process, a NOTIFY from another, or the fallback
 * poll), repeat. Because positions become visible in order and without holes (ADR 0002), "read
 * after the last delivered position" never misses or repeats an event.
 */
export class CatchUpSubscription implements Subscription {
  private stopped = false;
  private woken = false;
  private wakeUp: (() => void) | null = null;
  private readonly done: Promise<void>;
  private readonly unlisten: () => void;

  constructor(
    private readonly source: LogSource,
    private readonly after: bigint,
    private readonly handlers: SubscriptionHandlers,
    signal: WakeSignal,
    private readonly pollIntervalMs: number,
    private readonly pageSize: number,
    private readonly onEnd: (s: CatchUpSubscription) => void,
  ) {
    this.unlisten = signal.listen(() => this.poke());
    this.done = this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.poke();
    await this.done;
  }

  private poke(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  private async run(): Promise<void> {
    let last = this.after;
    let reported = false;
    try {
      while (!this.stopped) {
        this.woken = false;
        let delivered = 0;
        for await (const event of this.source.readAll({ after: last, pageSize: this.pageSize })) {
          if (this.stopped) return;
          await this.handlers.onEvent(event);
          last = event.position;
          delivered += 1;
        }
        if (this.stopped) return;
        if (!reported || delivered > 0) {
          reported = true;
          await this.handlers.onCaughtUp?.(last);
        }
        if (!this.woken) await this.sleep();
      }
    } catch (error) {
      // The caller restarts from its own checkpoint; carrying on past a failed event would skip it.
      if (!this.stopped) this.handlers.onError?.(error);
    } finally {
      this.stopped = true;
      this.unlisten();
      this.onEnd(this);
    }
  }

  private sleep(): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wakeUp = null;
        resolve();
      };
      const timer = setTimeout(done, this.pollIntervalMs);
      timer.unref();
      this.wakeUp = done;
    });
  }
}

/**
 * LISTEN on its own connection so appends from other processes wake this one's subscriptions at
 * once. Losing the connection only costs latency (the fallback poll still runs); it reconnects.
 */
export class PgNotificationListener {
  private client: pg.Client | null = null;
  private retry: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(
    private readonly config: pg.ClientConfig,
    private readonly onNotify: () => void,
    private readonly retryMs = 1000,
  ) {}

  async start(): Promise<void> {
    if (this.closed) return;
    const client = new pg.Client(this.config);
    client.on('notification', () => this.onNotify());
    client.on('error', () => this.reconnectLater(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${NOTIFY_CHANNEL}`);
      if (this.closed) {
        await client.end();
        return;
      }
      this.client = client;
      this.onNotify(); // whatever was committed while we were not listening
    } catch {
      this.reconnectLater(client);
    }
  }

  private reconnectLater(client: pg.Client): void {
    if (this.client === client) this.client = null;
    client.end().catch(() => undefined);
    if (this.closed || this.retry) return;
    this.retry = setTimeout(() => {
      this.retry = null;
      void this.start();
    }, this.retryMs);
    this.retry.unref();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }
}
