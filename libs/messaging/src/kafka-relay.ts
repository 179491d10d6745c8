import type { EventStore, RecordedEvent, Subscription } from '#event-store';
import { Pauses, backoffDelay, retryWithBackoff } from '#platform';
import { toCloudEventMessage } from './cloud-event-message.js';
import { toIntegrationEvent } from './integration-events.js';
import type { MessagePublisher, OutgoingMessage } from './message-publisher.port.js';
import { CheckpointTrail, type CheckpointStore } from './relay-checkpoints.js';

/** Operational notes only: positions, event ids, error messages. Never event data. */
export interface RelayLog {
  warn(message: string, context?: Readonly<Record<string, string | number>>): void;
}

export interface KafkaRelayOptions {
  readonly store: EventStore;
  readonly publisher: MessagePublisher;
  readonly checkpoints: CheckpointStore;
  /** Checkpoint name; one active relay per name. */
  readonly name: string;
  readonly topic: string;
  /** CloudEvents `source` of everything this installation publishes, e.g. `urn:blo-ledger:lang-son`. */
  readonly source: string;
  /** Most events per publish (default 200). */
  readonly batchSize?: number;
  /**
   * Most acknowledged batches whose checkpoint is not written yet (default 4): the relay waits
   * rather than run further ahead, which bounds what a crash sends again.
   */
  readonly checkpointLag?: number;
  /** Backoff between failed attempts, doubling from initialMs up to maxMs (default 100 ms → 10 s). */
  readonly backoff?: { readonly initialMs: number; readonly maxMs: number };
  readonly log?: RelayLog;
  /** Told each time the checkpoint moves (after the broker's ack), e.g. for a lag metric. */
  readonly onCheckpoint?: (position: bigint) => void;
}

class RelayStopped extends Error {
  constructor() {
    super('relay stopped');
    this.name = 'RelayStopped';
  }
}

const silent: RelayLog = { warn: () => undefined };
const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Publishes the log to Kafka, out of the request path. At-least-once: events are read from the
 * last checkpoint, published in position order, and the checkpoint moves only after the broker
 * acknowledged the whole batch (acks=all). A crash between the ack and the checkpoint resends
 * what was acknowledged but not recorded — consumers dedupe by ce_id — but no event is ever
 * skipped: a failed publish is retried with backoff, forever, until it succeeds or the relay stops.
 *
 * Pipelined: while one batch waits for the broker, the next is read and encoded, and the
 * checkpoint of acknowledged batches is written behind (at most `checkpointLag` batches behind).
 * Only one batch is ever on the wire, so per-case order and the idempotent producer's sequence
 * hold exactly as if everything ran in series.
 */
export class KafkaRelay {
  private committed = 0n;
  private running = false;
  private generation = 0;
  private subscription: Subscription | null = null;
  private buffer: RecordedEvent[] = [];
  /** The batch on the wire (publish, then hand its position to the trail); rejects when stopped. */
  private inFlight: Promise<void> = Promise.resolve();
  private trail: CheckpointTrail | null = null;
  /** Serialises all work, whether or not the store awaits the handlers. */
  private chain: Promise<unknown> = Promise.resolve();
  private readonly pauses = new Pauses();
  private readonly waiters = new Set<{ position: bigint; done: () => void }>();
  private subscriptionFailures = 0;
  private readonly batchSize: number;
  private readonly checkpointLag: number;
  private readonly backoff: { initialMs: number; maxMs: number };
  private readonly log: RelayLog;

  constructor(private readonly options: KafkaRelayOptions) {
    this.batchSize = options.batchSize ?? 200;
    this.checkpointLag = Math.max(1, options.checkpointLag ?? 4);
    this.backoff = options.backoff ?? { initialMs: 100, maxMs: 10_000 };
    this.log = options.log ?? silent;
  }

  /** Last global position the broker acknowledged (and the checkpoint store recorded). */
  get checkpoint(): bigint {
    return this.committed;
  }

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.pauses.restart();
    this.committed = await this.options.checkpoints.load(this.options.name);
    this.subscribe();
  }

  /** Stops reading and publishing; an event not yet acknowledged is published again on the next start. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.generation += 1;
    this.pauses.stop();
    const subscription = this.subscription;
    this.subscription = null;
    await subscription?.stop();
    await this.chain;
    await this.settled();
  }

  /** Whatever is still on the wire or being recorded has finished (or given up, once stopped). */
  private async settled(): Promise<void> {
    await this.inFlight.catch(() => undefined);
    await this.trail?.idle();
  }

  /** Resolves once everything up to `position` is acknowledged; rejects after `timeoutMs`. */
  waitFor(position: bigint, timeoutMs: number): Promise<void> {
    if (this.committed >= position) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const waiter = {
        position,
        done: () => {
          clearTimeout(timer);
          this.waiters.delete(waiter);
          resolve();
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`relay ${this.options.name} at ${this.committed}, not ${position}, after ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  private subscribe(): void {
    const generation = ++this.generation;
    this.buffer = [];
    this.trail = new CheckpointTrail(
      this.committed,
      (position) =>
        this.untilDone(
          generation,
          'checkpoint',
          () => this.options.checkpoints.save(this.options.name, position),
          position,
        ),
      (position) => this.recorded(position),
    );
    this.subscription = this.options.store.subscribeAll(this.committed, {
      onEvent: (event) => this.serial(generation, () => this.take(generation, event)),
      onCaughtUp: () => this.serial(generation, () => this.flush(generation)),
      onError: (error) => this.resubscribe(generation, error),
    });
  }

  private serial(generation: number, work: () => Promise<void>): Promise<void> {
    const next = this.chain.then(() => {
      if (!this.running || generation !== this.generation) throw new RelayStopped();
      return work();
    });
    this.chain = next.catch(() => undefined);
    return next;
  }

  private async take(generation: number, event: RecordedEvent): Promise<void> {
    this.buffer.push(event);
    if (this.buffer.length >= this.batchSize) await this.dispatch(generation);
  }

  /** Caught up: send what is buffered and wait for its ack (its checkpoint follows behind). */
  private async flush(generation: number): Promise<void> {
    await this.dispatch(generation);
    await this.inFlight;
  }

  /**
   * Encodes the buffered batch while the previous one is on the wire, then sends it once that one
   * is acknowledged. Returns without waiting for this batch's ack, so the subscription reads on.
   */
  private async dispatch(generation: number): Promise<void> {
    const events = this.buffer;
    if (events.length === 0) return;
    this.buffer = [];
    const last = events[events.length - 1].position;
    const messages: OutgoingMessage[] = [];
    for (const event of events) {
      const integration = toIntegrationEvent(event);
      if (integration) messages.push(toCloudEventMessage(integration, this.options.topic, this.options.source));
    }
    await this.inFlight;
    const trail = this.trail!;
    if (trail.lag >= this.checkpointLag) await trail.idle();
    if (!this.running || generation !== this.generation) throw new RelayStopped();
    const sending = this.untilDone(generation, 'publish', () => this.options.publisher.publish(messages), last).then(
      () => {
        this.subscriptionFailures = 0;
        trail.advance(last);
      },
    );
    // Awaited by the next dispatch, flush or stop; marked handled so a stop in between is not an
    // unhandled rejection.
    sending.catch(() => undefined);
    this.inFlight = sending;
  }

  private recorded(position: bigint): void {
    if (position <= this.committed) return;
    this.committed = position;
    this.options.onCheckpoint?.(position);
    for (const waiter of [...this.waiters]) if (waiter.position <= position) waiter.done();
  }

  private untilDone(generation: number, what: string, attempt: () => Promise<void>, upTo: bigint): Promise<void> {
    return retryWithBackoff({
      attempt,
      backoff: this.backoff,
      pauses: this.pauses,
      stillRunning: () => this.running && generation === this.generation,
      stopped: () => new RelayStopped(),
      onFailure: (error, failures) =>
        this.log.warn(`relay ${what} failed; retrying`, {
          relay: this.options.name,
          upTo: upTo.toString(),
          attempt: failures,
          error: errorText(error),
        }),
    });
  }

  /** The store's subscription died (e.g. the database went away): start over from the checkpoint. */
  private resubscribe(generation: number, error: unknown): void {
    if (!this.running || generation !== this.generation) return;
    this.subscription = null;
    this.subscriptionFailures += 1;
    const delay = backoffDelay(this.backoff, this.subscriptionFailures);
    this.log.warn('relay subscription failed; resubscribing from the checkpoint', {
      relay: this.options.name,
      from: this.committed.toString(),
      error: errorText(error),
    });
    // The batch still on the wire and its checkpoint finish first (they retry on their own), so
    // the new subscription starts after everything acknowledged and never overtakes it.
    void Promise.all([this.pauses.pause(delay), this.settled()]).then(() => {
      if (this.running && generation === this.generation) this.subscribe();
    });
  }
}
