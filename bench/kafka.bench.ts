import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Kafka, Partitioners, logLevel, type Producer } from 'kafkajs';
import { SqlEventStore, openPglite, type NewEvent, type RecordedEvent, type WriteContext } from '#event-store';
import { ReceiveReportHandler, ReceiveReportMessage } from '#cases/application';
import { LogMessageHandler, LogMessageMessage, OpenExchangeHandler, OpenExchangeMessage } from '#exchanges/application';
import {
  CounterpartGateway,
  InboundRecorder,
  KafkaRelay,
  KafkajsPublisher,
  SqlCheckpointStore,
  gatewayActor,
  type CommandSender,
  toCloudEventMessage,
  toIntegrationEvent,
  type GatewayOutcome,
  type OutgoingMessage,
} from '#messaging';
import { KeyStore, MasterKey, PersonalDataCipher } from '#security';
import { newId, parseZoned } from '#shared-kernel';
import {
  envInt,
  fmtMs,
  fmtPct,
  fmtRate,
  formatTable,
  loadLine,
  log,
  machineLine,
  percentile,
  perSecond,
  verdict,
  type BenchSection,
} from './bench-kit.js';

/**
 * `npm run bench -- kafka`: the relay against a raw kafkajs producer sending the same messages
 * with the same settings in the same run (issue 4 target: ≥ 70 % of raw), then the counterpart
 * gateway's throughput and its latency from the topic to the recorded event.
 * Broker: KAFKA_BROKERS, else the Apache Kafka jars (scripts/kafka, Java 17 + Maven).
 */
const BATCH = 200;
const quiet = logLevel.NOTHING;

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

async function createTopic(kafka: Kafka, topic: string, partitions: number): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.createTopics({ topics: [{ topic, numPartitions: partitions }], waitForLeaders: true });
  } finally {
    await admin.disconnect();
  }
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

/** The two exchange handlers the gateway sends to, without a Nest application around them. */
function exchangeCommands(store: SqlEventStore, cipher: PersonalDataCipher): CommandSender {
  const open = new OpenExchangeHandler(store, cipher);
  const append = new LogMessageHandler(store, cipher);
  return {
    execute: <R>(command: unknown) =>
      (command instanceof OpenExchangeMessage
        ? open.execute(command)
        : append.execute(command as LogMessageMessage)) as Promise<R>,
  };
}

/** Gateway: a flood for throughput, then a paced stream for latency (topic → event recorded). */
async function gatewaySection(brokers: string[]): Promise<void> {
  const flood = envInt('BENCH_KAFKA_MESSAGES', 2000);
  const paced = envInt('BENCH_KAFKA_PACED', 300);
  const rate = envInt('BENCH_KAFKA_RATE', 100);
  const kafka = new Kafka({ clientId: 'bench', brokers, logLevel: quiet });
  const sql = await openPglite('memory://');
  const store = await SqlEventStore.open(sql, { pollIntervalMs: 50 });
  const keys = new KeyStore(sql, MasterKey.fromBase64(Buffer.alloc(32, 9).toString('base64')));
  await keys.migrate();
  const recorder = new InboundRecorder(exchangeCommands(store, new PersonalDataCipher(keys)), store);
  const topic = `bench-counterpart-${newId()}`;
  await createTopic(kafka, topic, 3);
  await createTopic(kafka, `${topic}-dlq`, 1);
  const ctx: WriteContext = {
    actor: { ...gatewayActor(), unitId: 'VN-LS-BLO' },
    now: new Date(),
    correlationId: newId(),
  };
  const cases: string[] = [];
  const reports = new ReceiveReportHandler(store);
  for (let i = 0; i < 20; i++) {
    const answer = await reports.execute(
      new ReceiveReportMessage(
        {
          channel: 'hotline',
          province: 'lang-son',
          summary: 'bench',
          occurredAt: parseZoned('2026-03-05T09:00:00+07:00'),
          receivingUnit: 'VN-LS-BLO',
        },
        ctx,
      ),
    );
    cases.push(answer.id);
  }
  const outcomes: GatewayOutcome[] = [];
  const gateway = new CounterpartGateway({
    brokers,
    clientId: 'bench-gateway',
    topic,
    deadLetterTopic: `${topic}-dlq`,
    groupId: `bench-${newId()}`,
    recorder,
    onOutcome: (o) => outcomes.push(o),
    partitionsConsumedConcurrently: envInt('BENCH_KAFKA_GATEWAY_CONCURRENCY', 1),
  });
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  // Half the messages open a thread on a case, half answer in a thread opened earlier.
  const threads: string[] = [];
  const message = (i: number) => {
    const caseId = cases[i % cases.length];
    const thread = i % 2 === 1 ? threads[i % Math.max(1, threads.length)] : undefined;
    return {
      key: thread ?? caseId,
      value: JSON.stringify({
        messageId: `GX-${newId()}`,
        counterpart: 'CN-GX-PSD',
        language: 'zh',
        subject: '关于身份核查的答复',
        body: 'Đã xác minh nhân thân theo đề nghị. 身份已核实。'.repeat(4),
        sentAt: '2026-03-06T10:00:00+08:00',
        ...(thread ? { exchangeId: thread } : { caseIds: [caseId] }),
      }),
    };
  };
  const until = async (n: number): Promise<void> => {
    const deadline = Date.now() + 600_000;
    while (outcomes.length < n) {
      if (Date.now() > deadline) throw new Error(`gateway handled ${outcomes.length} of ${n}`);
      await new Promise((r) => setTimeout(r, 5));
    }
  };
  try {
    gateway.start();
    await gateway.started();
    // Seed threads so later messages have exchanges to answer in.
    await producer.send({ topic, acks: -1, messages: cases.map((_, i) => message(i * 2)) });
    await until(cases.length);
    for (const o of outcomes) if (o.kind === 'recorded') threads.push(o.exchangeId);

    const started = performance.now();
    for (let i = 0; i < flood; i += 100) {
      const batch = Array.from({ length: Math.min(100, flood - i) }, (_, j) => message(i + j));
      await producer.send({ topic, acks: -1, messages: batch });
    }
    await until(cases.length + flood);
    const floodMs = performance.now() - started;

    const before = outcomes.length;
    for (let i = 0; i < paced; i++) {
      await producer.send({ topic, acks: -1, messages: [message(i)] });
      await new Promise((r) => setTimeout(r, 1000 / rate));
    }
    await until(before + paced);
    const latencies = outcomes
      .slice(before)
      .map((o) => o.latencyMs)
      .sort((a, b) => a - b);
    const failed = outcomes.filter((o) => o.kind !== 'recorded').length;
    log(`gateway: PGlite store, sealed content, half new threads on 20 cases, half replies; ${failed} not recorded`);
    log(
      formatTable([
        ['run', 'messages', 'msg/s', 'p50 ms', 'p99 ms'],
        ['flood (throughput)', String(flood), fmtRate(perSecond(flood, floodMs)), '', ''],
        [
          `paced ${rate}/s (latency)`,
          String(paced),
          '',
          fmtMs(percentile(latencies, 50)),
          fmtMs(percentile(latencies, 99)),
        ],
      ]),
    );
  } finally {
    await producer.disconnect();
    await gateway.stop();
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
