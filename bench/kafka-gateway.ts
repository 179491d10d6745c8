import { Kafka } from 'kafkajs';
import { SqlEventStore, openPglite, type WriteContext } from '#event-store';
import { ReceiveReportHandler, ReceiveReportMessage } from '#cases/application';
import { LogMessageHandler, LogMessageMessage, OpenExchangeHandler, OpenExchangeMessage } from '#exchanges/application';
import { CounterpartGateway, InboundRecorder, gatewayActor, type CommandSender, type GatewayOutcome } from '#messaging';
import { KeyStore, MasterKey, PersonalDataCipher } from '#security';
import { newId, parseZoned } from '#shared-kernel';
import { envInt, fmtMs, fmtRate, formatTable, log, percentile, perSecond } from './bench-kit.js';
import { createTopic, quiet } from './kafka-topics.js';

/** The kafka section's second half: the counterpart gateway reading a topic into the log. */

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
export async function gatewaySection(brokers: string[]): Promise<void> {
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
