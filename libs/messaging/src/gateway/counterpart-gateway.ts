import {
  Kafka,
  Partitioners,
  logLevel,
  type Consumer,
  type EachMessagePayload,
  type IHeaders,
  type KafkaMessage,
  type Producer,
} from 'kafkajs';
import { Pauses, retryWithBackoff } from '#platform';
import { parseCounterpartMessage, type CounterpartMessage, type Rejection } from './counterpart-message.js';
import type { RecordOutcome } from './inbound-recorder.js';

/** Operational notes only: topic coordinates, reason codes, error messages. Never a payload. */
export interface GatewayLog {
  warn(message: string, context?: Readonly<Record<string, string | number>>): void;
}

/** What became of one record, for metrics and tests. */
export type GatewayOutcome = {
  readonly partition: number;
  readonly offset: string;
  /** The counterpart's message id when the record could be read that far; never logged. */
  readonly counterpartMessageId: string | null;
  /** Broker time of the record to the moment it was recorded or dead-lettered. */
  readonly latencyMs: number;
} & (
  | { readonly kind: 'recorded' | 'duplicate'; readonly exchangeId: string; readonly messageId: string | null }
  | { readonly kind: 'dead_lettered'; readonly rejection: Rejection }
);

export interface CounterpartGatewayOptions {
  readonly brokers: readonly string[];
  readonly clientId: string;
  readonly topic: string;
  readonly deadLetterTopic: string;
  readonly groupId: string;
  readonly recorder: MessageRecorder;
  /** Backoff between attempts after a transient failure, doubling up to maxMs (default 200 ms → 10 s). */
  readonly backoff?: { readonly initialMs: number; readonly maxMs: number };
  readonly log?: GatewayLog;
  readonly onOutcome?: (outcome: GatewayOutcome) => void;
  /** Partitions worked on at once (default 1); order is kept within a partition either way. */
  readonly partitionsConsumedConcurrently?: number;
  readonly kafkaLogLevel?: logLevel;
}

/** InboundRecorder in production; throws only for transient failures. */
export interface MessageRecorder {
  record(message: CounterpartMessage, requestHash: string): Promise<RecordOutcome>;
}

export const DLQ_HEADERS = {
  reason: 'blo-dlq-reason',
  field: 'blo-dlq-field',
  code: 'blo-dlq-code',
  topic: 'blo-dlq-topic',
  partition: 'blo-dlq-partition',
  offset: 'blo-dlq-offset',
  at: 'blo-dlq-at',
} as const;

class GatewayStopped extends Error {
  constructor() {
    super('gateway stopped');
    this.name = 'GatewayStopped';
  }
}

const silent: GatewayLog = { warn: () => undefined };
const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Consumes counterpart messages and records each as an incoming exchange message. A record is
 * either recorded (or recognised as already recorded) or dead-lettered, and only then is its
 * offset resolved, so a bad record never stalls its partition and a good one is never lost. A
 * transient failure (the store or the broker away) is retried with backoff, forever, without
 * resolving the offset: the partition waits rather than dead-letter a valid message.
 */
export class CounterpartGateway {
  private readonly kafka: Kafka;
  private consumer: Consumer | null = null;
  private producer: Producer | null = null;
  private running = false;
  private starting: Promise<void> | null = null;
  private readonly pauses = new Pauses();
  private readonly backoff: { initialMs: number; maxMs: number };
  private readonly log: GatewayLog;

  constructor(private readonly options: CounterpartGatewayOptions) {
    this.backoff = options.backoff ?? { initialMs: 200, maxMs: 10_000 };
    this.log = options.log ?? silent;
    this.kafka = new Kafka({
      clientId: options.clientId,
      brokers: [...options.brokers],
      logLevel: options.kafkaLogLevel ?? logLevel.NOTHING,
      connectionTimeout: 3000,
      retry: { retries: 5, maxRetryTime: 5000 },
    });
  }

  /**
   * Connects and starts consuming in the background: an unreachable broker delays the gateway,
   * it does not stop the application from starting. `started()` resolves once it runs.
   */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.pauses.restart();
    this.starting = this.untilDone('connect', () => this.connect()).catch((error: unknown) => {
      if (!(error instanceof GatewayStopped)) throw error;
    });
  }

  /** Resolves once the consumer runs (or the gateway was stopped before it did). */
  async started(): Promise<void> {
    await this.starting;
  }

  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.pauses.stop();
    await this.starting;
    const consumer = this.consumer;
    const producer = this.producer;
    this.consumer = null;
    this.producer = null;
    await consumer?.disconnect().catch(() => undefined);
    await producer?.disconnect().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const producer = this.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    const consumer = this.kafka.consumer({ groupId: this.options.groupId, maxWaitTimeInMs: 100 });
    try {
      await producer.connect();
      await consumer.connect();
      // A new group starts at the beginning: messages sent before the first start are not skipped.
      await consumer.subscribe({ topic: this.options.topic, fromBeginning: true });
      await consumer.run({
        partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 1,
        eachMessage: (payload) => this.handle(payload),
      });
    } catch (error) {
      await consumer.disconnect().catch(() => undefined);
      await producer.disconnect().catch(() => undefined);
      throw error;
    }
    this.producer = producer;
    this.consumer = consumer;
  }

  /** kafkajs resolves (and later commits) the offset only when this returns without throwing. */
  private async handle({ topic, partition, message, heartbeat }: EachMessagePayload): Promise<void> {
    const parsed = parseCounterpartMessage(message.value);
    let outcome: RecordOutcome;
    if (parsed.ok) {
      const { message: m, requestHash } = parsed;
      outcome = await this.untilDone('record', () => this.options.recorder.record(m, requestHash), heartbeat, {
        partition,
        offset: message.offset,
      });
    } else {
      outcome = { kind: 'rejected', rejection: parsed.rejection };
    }
    if (outcome.kind === 'rejected') {
      const rejection = outcome.rejection;
      await this.untilDone('dead-letter', () => this.deadLetter(topic, partition, message, rejection), heartbeat, {
        partition,
        offset: message.offset,
      });
      this.log.warn('counterpart message dead-lettered', {
        partition,
        offset: message.offset,
        reason: rejection.reason,
        ...(rejection.field ? { field: rejection.field } : {}),
        ...(rejection.code ? { code: rejection.code } : {}),
      });
    }
    const common = {
      partition,
      offset: message.offset,
      counterpartMessageId: parsed.ok ? parsed.message.messageId : null,
      latencyMs: Date.now() - Number(message.timestamp),
    };
    this.options.onOutcome?.(
      outcome.kind === 'rejected'
        ? { ...common, kind: 'dead_lettered', rejection: outcome.rejection }
        : { ...common, kind: outcome.kind, exchangeId: outcome.exchangeId, messageId: outcome.messageId },
    );
  }

  /**
   * The original bytes, key and headers, plus where it came from and why it was refused. The
   * value is the counterpart's own message and may name people: the dead-letter topic is as
   * confidential as the inbound topic (docs/counterpart-gateway.md).
   */
  private async deadLetter(
    topic: string,
    partition: number,
    message: KafkaMessage,
    rejection: Rejection,
  ): Promise<void> {
    const producer = this.producer;
    if (!producer) throw new Error('dead-letter producer not connected');
    const headers: IHeaders = {
      ...(message.headers ?? {}),
      [DLQ_HEADERS.reason]: rejection.reason,
      [DLQ_HEADERS.topic]: topic,
      [DLQ_HEADERS.partition]: String(partition),
      [DLQ_HEADERS.offset]: message.offset,
      [DLQ_HEADERS.at]: new Date().toISOString(),
      ...(rejection.field ? { [DLQ_HEADERS.field]: rejection.field } : {}),
      ...(rejection.code ? { [DLQ_HEADERS.code]: rejection.code } : {}),
    };
    await producer.send({
      topic: this.options.deadLetterTopic,
      acks: -1,
      messages: [{ key: message.key, value: message.value, headers }],
    });
  }

  private untilDone<T>(
    what: string,
    attempt: () => Promise<T>,
    heartbeat?: () => Promise<void>,
    where: Readonly<Record<string, string | number>> = {},
  ): Promise<T> {
    return retryWithBackoff({
      attempt,
      backoff: this.backoff,
      pauses: this.pauses,
      stillRunning: () => this.running,
      stopped: () => new GatewayStopped(),
      onFailure: (error, failures) =>
        this.log.warn(`gateway ${what} failed; retrying`, { ...where, attempt: failures, error: errorText(error) }),
      // A long outage must not cost the group membership (and a rebalance) on top.
      ...(heartbeat ? { afterPause: heartbeat } : {}),
    });
  }
}
