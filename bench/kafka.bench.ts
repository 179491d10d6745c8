import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Kafka, Partitioners, type Producer } from 'kafkajs';
import { SqlEventStore, openPglite, type NewEvent, type RecordedEvent } from '#event-store';
import {
  KafkaRelay,
  KafkajsPublisher,
  SqlCheckpointStore,
  gatewayActor,
  toCloudEventMessage,
  toIntegrationEvent,
  type OutgoingMessage,
} from '#messaging';
import { newId, parseZoned } from '#shared-kernel';
import {
  envInt,
  fmtPct,
  fmtRate,
  formatTable,
  loadLine,
  log,
  machineLine,
  perSecond,
  verdict,
  type BenchSection,
} from './bench-kit.js';
import { gatewaySection } from './kafka-gateway.js';
import { createTopic, quiet } from './kafka-topics.js';

/**
 * `npm run bench -- kafka`: the relay against a raw kafkajs producer sending the same messages
 * with the same settings in the same run (issue 4 target: ≥ 70 % of raw), then the counterpart
 * gateway's throughput and its latency from the topic to the recorded event.
 * Broker: KAFKA_BROKERS, else the Apache Kafka jars (scripts/kafka, Java 17 + Maven).
 */
const BATCH = 200;

interface Broker {
  readonly brokers: string[];
  close(): Promise<void>;
}

async function broker(): Promise<Broker> {
  const external = process.env.KAFKA_BROKERS?.trim();
  if (external) return { brokers: external.split(','), close: async () => undefined };
  // Loaded from the source tree at run time: the script is plain JavaScript outside the build.
  const url = pathToFileURL(resolve(process.cwd(), 'scripts/kafka/kafka-jar-broker.mjs')).href;
  const jar = (await import(url)) as typeof import('../scripts/kafka/kafka-jar-broker.mjs');
  if (!(await jar.javaAvailable())) throw new Error('KAFKA_BROKERS unset and no Java for the jar broker');
  const b = await jar.startJarBroker();
  return { brokers: b.brokers, close: () => b.destroy() };
}

/** `count` published facts (a report received per case), appended in chunks, not timed. */
async function seedLog(store: SqlEventStore, count: number): Promise<RecordedEvent[]> {
  const at = '2026-07-01T01:00:00.000Z';
  const out: RecordedEvent[] = [];
  for (let done = 0; done < count; done += 500) {
    const writes = [];
    for (let i = done; i < Math.min(count, done + 500); i++) {
      const caseId = newId();
      const event: NewEvent = {
        id: newId(),
        type: 'ReportReceived',
        schemaVersion: 1,
        data: { caseId, channel: 'hotline', province: 'lang-son', summary: 'bench', receivingUnit: 'VN-LS-BLO' },
        metadata: {
          actor: gatewayActor(),
          correlationId: newId(),
          causationId: null,
          occurredAt: parseZoned('2026-07-01T08:00:00+07:00'),
          recordedAt: at,
          caseId,
        },
      };
      writes.push({ streamId: `case-${caseId}`, events: [event], expectedRevision: 'no_stream' as const });
    }
    out.push(...(await store.append(writes)).events);
  }
  return out;
}

/** The same settings as KafkajsPublisher: idempotent, acks=all, one request in flight, same batches. */
async function rawSend(kafka: Kafka, messages: readonly OutgoingMessage[]): Promise<number> {
  const producer: Producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  await producer.connect();
  try {
    const started = performance.now();
    for (let i = 0; i < messages.length; i += BATCH) {
      const chunk = messages.slice(i, i + BATCH);
      await producer.sendBatch({
        acks: -1,
        topicMessages: [
          {
            topic: chunk[0].topic,
            messages: chunk.map((m) => ({ key: m.key, value: m.value, headers: { ...m.headers } })),
          },
        ],
      });
    }
    return performance.now() - started;
  } finally {
    await producer.disconnect();
  }
}

async function relayRun(
  brokers: string[],
  store: SqlEventStore,
  checkpoints: SqlCheckpointStore,
  topic: string,
): Promise<number> {
  const publisher = new KafkajsPublisher({ brokers, clientId: 'bench-relay', logLevel: quiet });
  const relay = new KafkaRelay({
    store,
    publisher,
    checkpoints,
    name: `bench:${topic}`,
    topic,
    source: 'urn:blo-ledger:bench',
    batchSize: BATCH,
  });
  const head = await store.headPosition();
  const started = performance.now();
  await relay.start();
  await relay.waitFor(head, 600_000);
  const ms = performance.now() - started;
  await relay.stop();
  await publisher.close();
  return ms;
}

async function relaySection(brokers: string[]): Promise<void> {
  const events = envInt('BENCH_KAFKA_EVENTS', 20_000);
  const rounds = envInt('BENCH_KAFKA_ROUNDS', 2);
  const kafka = new Kafka({ clientId: 'bench', brokers, logLevel: quiet });
  const sql = await openPglite('memory://');
  const store = await SqlEventStore.open(sql, { pollIntervalMs: 50 });
  const checkpoints = new SqlCheckpointStore(sql);
  await checkpoints.migrate();
  try {
    const recorded = await seedLog(store, events);
    const rows: string[][] = [['round', 'raw kafkajs (msg/s)', 'relay (events/s)', 'relay / raw']];
    const ratios: number[] = [];
    for (let round = 1; round <= rounds; round++) {
      const rawTopic = `bench-raw-${newId()}`;
      const relayTopic = `bench-relay-${newId()}`;
      await createTopic(kafka, rawTopic, 3);
      await createTopic(kafka, relayTopic, 3);
      const messages = recorded.flatMap((e) => {
        const ie = toIntegrationEvent(e);
        return ie ? [toCloudEventMessage(ie, rawTopic, 'urn:blo-ledger:bench')] : [];
      });
      const rawMs = await rawSend(kafka, messages);
      const relayMs = await relayRun(brokers, store, checkpoints, relayTopic);
      const raw = perSecond(messages.length, rawMs);
      const relay = perSecond(recorded.length, relayMs);
      ratios.push(relay / raw);
      rows.push([String(round), fmtRate(raw), fmtRate(relay), fmtPct(relay / raw)]);
    }
    log(`relay: ${events} events from a PGlite log, batches of ${BATCH}, acks=all, idempotent, 3 partitions`);
    log(formatTable(rows));
    const best = Math.max(...ratios);
    log(`relay ≥ 70 % of raw (best round): ${verdict(best >= 0.7)} (${fmtPct(best)})`);
  } finally {
    await store.close();
    await sql.close();
  }
}

async function run(): Promise<void> {
  log(machineLine());
  log(loadLine());
  const b = await broker();
  try {
    log(`broker: ${b.brokers.join(',')}`);
    await relaySection(b.brokers);
    await gatewaySection(b.brokers);
  } finally {
    await b.close();
  }
}

export const section: BenchSection = {
  name: 'kafka',
  summary: 'relay vs raw kafkajs producer, counterpart gateway throughput and latency (issue 4)',
  order: 40,
  run,
};
