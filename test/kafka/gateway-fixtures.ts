import type { Producer } from 'kafkajs';
import type { EventStore, RecordedEvent } from '#event-store';
import { newId } from '#shared-kernel';
import type { GatewayOutcome } from '#messaging';
import { kafkaClient, waitUntil } from './relay-fixtures.js';

/** A counterpart message as the Guangxi public security bureau's system would send it. */
export function counterpartMessage(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    messageId: `GX-${newId()}`,
    counterpart: 'CN-GX-PSD',
    language: 'zh',
    subject: '关于阮氏花身份核查的答复',
    body: 'Đã xác minh: Nguyễn Thị Hoa, sinh năm 2009, hộ chiếu B7654321. 身份已核实。',
    sentAt: '2026-03-06T10:00:00+08:00',
    handlingCode: 'H1',
    ...over,
  };
}

export interface Sent {
  readonly partition: number;
  readonly offset: string;
}

/** Sends raw bytes (valid or not) with a key; answers where the broker put them. */
export async function send(producer: Producer, topic: string, key: string, value: Buffer | string): Promise<Sent> {
  const [meta] = await producer.send({
    topic,
    acks: -1,
    messages: [{ key, value, headers: { 'x-sender': 'gx-psd-gateway' } }],
  });
  return { partition: meta.partition, offset: meta.baseOffset ?? '-1' };
}

export async function connectedProducer(brokers: string[]): Promise<Producer> {
  const producer = kafkaClient(brokers).producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  return producer;
}

/** Everything the gateway reported, looked up by where the record sat in the topic. */
export class Outcomes {
  readonly all: GatewayOutcome[] = [];

  readonly listener = (o: GatewayOutcome): void => {
    this.all.push(o);
  };

  find(at: Sent): GatewayOutcome | undefined {
    return this.all.find((o) => o.partition === at.partition && o.offset === at.offset);
  }

  async of(at: Sent, timeoutMs = 60_000): Promise<GatewayOutcome> {
    await waitUntil(() => this.find(at) !== undefined, timeoutMs, `the gateway to handle ${at.partition}:${at.offset}`);
    return this.find(at)!;
  }
}

export const json = (o: unknown): string => JSON.stringify(o);

export async function readLog(store: EventStore): Promise<RecordedEvent[]> {
  const all: RecordedEvent[] = [];
  for await (const e of store.readAll()) all.push(e);
  return all;
}

/** The raw value of the first record whose headers satisfy `match` (bytes, not text). */
export async function readRaw(
  brokers: string[],
  topic: string,
  match: (headers: Readonly<Record<string, string>>) => boolean,
  timeoutMs = 60_000,
): Promise<Buffer> {
  const consumer = kafkaClient(brokers).consumer({ groupId: `raw-${newId()}`, maxWaitTimeInMs: 100 });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    return await new Promise<Buffer>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching record on ${topic}`)), timeoutMs);
      consumer
        .run({
          eachMessage: async ({ message }) => {
            const headers: Record<string, string> = {};
            for (const [k, v] of Object.entries(message.headers ?? {})) headers[k] = String(v);
            if (match(headers) && message.value) {
              clearTimeout(timer);
              resolve(message.value);
            }
          },
        })
        .catch(reject);
    });
  } finally {
    await consumer.disconnect();
  }
}
