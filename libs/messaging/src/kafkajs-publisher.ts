import { Kafka, Partitioners, logLevel, type Message, type Producer, type TopicMessages } from 'kafkajs';
import type { MessagePublisher, OutgoingMessage } from './message-publisher.port.js';

export interface KafkajsPublisherOptions {
  readonly brokers: readonly string[];
  readonly clientId: string;
  /** kafkajs's own logging; it never logs message keys or values. Default: errors only. */
  readonly logLevel?: logLevel;
  readonly connectionTimeoutMs?: number;
  readonly requestTimeoutMs?: number;
  /**
   * kafkajs retries a failed connect or send this many times before rejecting. Kept finite on purpose: the
   * relay owns the retry (with backoff, never skipping), and a rejected send lets it stop cleanly.
   */
  readonly retries?: number;
}

/**
 * MessagePublisher over a kafkajs producer: idempotent (the broker drops a retried duplicate of
 * the same producer's batch), acks=all (-1: every in-sync replica has it), one request in flight
 * so a retry can never overtake an earlier batch.
 */
export class KafkajsPublisher implements MessagePublisher {
  private readonly kafka: Kafka;
  private producer: Producer | null = null;
  private connecting: Promise<Producer> | null = null;

  constructor(private readonly options: KafkajsPublisherOptions) {
    this.kafka = new Kafka({
      clientId: options.clientId,
      brokers: [...options.brokers],
      logLevel: options.logLevel ?? logLevel.ERROR,
      connectionTimeout: options.connectionTimeoutMs ?? 3000,
      requestTimeout: options.requestTimeoutMs ?? 30_000,
      retry: { retries: options.retries ?? 5, maxRetryTime: 5000 },
    });
  }

  async publish(batch: readonly OutgoingMessage[]): Promise<void> {
    if (batch.length === 0) return;
    const producer = await this.connected();
    const byTopic = new Map<string, Message[]>();
    for (const m of batch) {
      const list = byTopic.get(m.topic) ?? [];
      list.push({ key: m.key, value: m.value, headers: { ...m.headers } });
      byTopic.set(m.topic, list);
    }
    const topicMessages: TopicMessages[] = [...byTopic].map(([topic, messages]) => ({ topic, messages }));
    try {
      await producer.sendBatch({ acks: -1, topicMessages });
    } catch (error) {
      // A producer whose send failed may hold sequence numbers the broker no longer agrees with;
      // the next attempt starts a fresh one (new producer id) rather than fail forever.
      await this.drop(producer);
      throw error;
    }
  }

  private async connected(): Promise<Producer> {
    if (this.producer) return this.producer;
    this.connecting ??= (async () => {
      const producer = this.kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        createPartitioner: Partitioners.DefaultPartitioner,
        retry: { retries: this.options.retries ?? 5, maxRetryTime: 5000 },
      });
      try {
        await producer.connect();
      } catch (error) {
        await producer.disconnect().catch(() => undefined);
        throw error;
      }
      this.producer = producer;
      return producer;
    })().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  private async drop(producer: Producer): Promise<void> {
    if (this.producer === producer) this.producer = null;
    await producer.disconnect().catch(() => undefined);
  }

  async close(): Promise<void> {
    const pending = this.connecting;
    if (pending) await pending.catch(() => undefined);
    if (this.producer) await this.drop(this.producer);
  }
}
