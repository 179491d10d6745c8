import { Kafka, logLevel } from 'kafkajs';
import { newId } from '#shared-kernel';
import { CONTRACTS } from '#messaging';
import type { EventStore, NewEvent, RecordedEvent, StreamWrite } from '#event-store';

/** Personal data planted in every event the relay reads; none of it may reach the broker. */
export const PERSONAL = ['Nguyễn Thị Hoa', '王秀英', 'B7654321', 'hoa.nguyen@example.vn', 'Trần Văn Nam'];

const zoned = (at: Date) => ({ at: at.toISOString(), offset: '+07:00', zone: 'Asia/Ho_Chi_Minh' });

function envelope(type: string, data: unknown, caseId: string, at: Date): NewEvent {
  return {
    id: newId(),
    type,
    schemaVersion: 1,
    data,
    metadata: {
      actor: { userId: newId(), role: 'liaison_officer', unitId: 'blo-lang-son', name: PERSONAL[4] },
      correlationId: newId(),
      causationId: null,
      occurredAt: zoned(at),
      recordedAt: at.toISOString(),
      caseId,
    },
  };
}

/**
 * The i-th fact of a case, cycling through published and unpublished types and through the case,
 * exchange and person streams (the latter two keyed to the case through metadata.caseId).
 */
function fact(caseId: string, i: number, at: Date): { streamId: string; event: NewEvent } {
  switch (i % 5) {
    case 0:
      return {
        streamId: `case-${caseId}`,
        event: envelope(
          'ReportReceived',
          { caseId, channel: 'hotline', province: 'lang-son', summary: `${PERSONAL[0]} gọi 111`, receivingUnit: 'x' },
          caseId,
          at,
        ),
      };
    case 1:
      return {
        streamId: `case-${caseId}`,
        event: envelope(
          'CaseClassified',
          { caseId, classification: 'trafficking_suspected', note: PERSONAL[1] },
          caseId,
          at,
        ),
      };
    case 2:
      return {
        streamId: `exchange-${newId()}`,
        event: envelope(
          'MessageLogged',
          {
            exchangeId: newId(),
            messageId: newId(),
            direction: 'incoming',
            language: 'zh',
            handlingCode: 'H1',
            subject: `Về ${PERSONAL[1]}`,
            body: `hộ chiếu ${PERSONAL[2]}, ${PERSONAL[3]}`,
            draft: false,
          },
          caseId,
          at,
        ),
      };
    case 3:
      return {
        streamId: `person-${newId()}`,
        event: envelope(
          'PersonRegistered',
          { personId: newId(), caseId, role: 'presumed_victim', ageBand: 'adult', personal: `sealed:${PERSONAL[0]}` },
          caseId,
          at,
        ),
      };
    default:
      return { streamId: `case-${caseId}`, event: envelope('CaseOpened', { caseId, reason: PERSONAL[0] }, caseId, at) };
  }
}

/** Appends `perCase` facts for each of `cases` cases, interleaved, in chunks; returns what was recorded. */
export async function appendCases(store: EventStore, cases: string[], perCase: number): Promise<RecordedEvent[]> {
  const recorded: RecordedEvent[] = [];
  const base = Date.parse('2026-07-01T01:00:00.000Z');
  for (let i = 0; i < perCase; i++) {
    const writes: StreamWrite[] = [];
    const byStream = new Map<string, NewEvent[]>();
    cases.forEach((caseId, c) => {
      const { streamId, event } = fact(caseId, i, new Date(base + (i * cases.length + c) * 1000));
      byStream.set(streamId, [...(byStream.get(streamId) ?? []), event]);
    });
    for (const [streamId, events] of byStream) writes.push({ streamId, events, expectedRevision: 'any' });
    recorded.push(...(await store.append(writes)).events);
  }
  return recorded;
}

export const isPublished = (e: RecordedEvent): boolean => Object.hasOwn(CONTRACTS, e.type);

export interface Received {
  readonly key: string;
  readonly value: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly partition: number;
}

export function kafkaClient(brokers: string[]): Kafka {
  return new Kafka({ clientId: 'relay-spec', brokers, logLevel: logLevel.NOTHING });
}

export async function createTopic(brokers: string[], topic: string, partitions = 3): Promise<void> {
  const admin = kafkaClient(brokers).admin();
  await admin.connect();
  try {
    await admin.createTopics({ topics: [{ topic, numPartitions: partitions }], waitForLeaders: true });
  } finally {
    await admin.disconnect();
  }
}

/** Messages in the topic: the sum of the partitions' high watermarks. */
export async function topicSize(brokers: string[], topic: string): Promise<number> {
  const admin = kafkaClient(brokers).admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets(topic);
    return offsets.reduce((n, o) => n + Number(o.high) - Number(o.low), 0);
  } finally {
    await admin.disconnect();
  }
}

/** Reads the topic from the beginning until `done(all)` holds; fails after `timeoutMs`. */
export async function readTopic(
  brokers: string[],
  topic: string,
  done: (all: readonly Received[]) => boolean,
  timeoutMs: number,
): Promise<Received[]> {
  const consumer = kafkaClient(brokers).consumer({ groupId: `reader-${newId()}`, maxWaitTimeInMs: 100 });
  const all: Received[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`read ${all.length} messages from ${topic}; condition unmet after ${timeoutMs} ms`)),
        timeoutMs,
      );
      consumer
        .run({
          eachMessage: async ({ message, partition }) => {
            const headers: Record<string, string> = {};
            for (const [k, v] of Object.entries(message.headers ?? {})) headers[k] = String(v);
            all.push({ key: String(message.key), value: String(message.value), headers, partition });
            if (done(all)) {
              clearTimeout(timer);
              resolve();
            }
          },
        })
        .catch(reject);
    });
  } finally {
    await consumer.disconnect();
  }
  return all;
}

/** What a consumer that dedupes by ce_id keeps: the first delivery of each event id. */
export function dedupe(messages: readonly Received[]): Received[] {
  const seen = new Set<string>();
  return messages.filter((m) => !seen.has(m.headers.ce_id) && seen.add(m.headers.ce_id) !== undefined);
}

/** Bounded wait for a condition another party makes true (no fixed sleeps). */
export async function waitUntil(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
