import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newId } from '#shared-kernel';
import { createTestDatabase, describeWhen, kafkaUnavailable, postgresUnavailable } from '#testing';
import { startKafka, type TestKafka } from '../kafka/kafka-broker.js';
import { connectedProducer, counterpartMessage, json, send } from '../kafka/gateway-fixtures.js';
import { createTopic, dedupe, readTopic, topicSize } from '../kafka/relay-fixtures.js';
import { newCase } from './support/journey.js';
import { bearerFor, startService, type ServiceProcess } from './support/service-process.js';

/**
 * deploy/'s topology for real: an api process (ROLE=api) and a worker process (ROLE=worker) on
 * one PostgreSQL database and one Kafka broker, both given KAFKA_BROKERS. The api serves HTTP
 * and runs nothing in the background; the worker's projection runner is the one that moves the
 * read models, and its relay the one that publishes.
 */
const SUITE = 'test/e2e/process-roles.e2e-spec.ts';

interface Health {
  status: string;
  role: string;
  running: string[];
  projections: { name: string; position: string }[];
}

describeWhen(kafkaUnavailable() ?? postgresUnavailable(), 'one job per process (ROLE=api and ROLE=worker)', () => {
  let kafka: TestKafka;
  let db: { url: string; drop: () => Promise<void> };
  const dirs: string[] = [];
  const processes: ServiceProcess[] = [];
  const topic = `roles-${newId()}`;
  const inbound = `roles-in-${newId()}`;

  beforeAll(async () => {
    kafka = await startKafka(SUITE);
    await createTopic(kafka.brokers, topic, 1);
    await createTopic(kafka.brokers, inbound, 1);
    db = await createTestDatabase(process.env.BLO_TEST_PG_URL!);
  }, 240_000);

  afterAll(async () => {
    await Promise.all(processes.map((p) => p.stop()));
    await db?.drop();
    await kafka?.dispose();
    await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  }, 60_000);

  async function start(role: 'api' | 'worker'): Promise<{ url: string; admin: string; officer: string }> {
    const dataDir = await mkdtemp(join(tmpdir(), `blo-${role}-`));
    dirs.push(dataDir);
    const service = startService({
      ROLE: role,
      EVENT_STORE: 'postgres',
      DATABASE_URL: db.url,
      MASTER_KEY: Buffer.alloc(32, 5).toString('base64'),
      KAFKA_BROKERS: kafka.brokers.join(','),
      KAFKA_EVENTS_TOPIC: topic,
      KAFKA_COUNTERPART_TOPIC: inbound,
      KAFKA_CONSUMER_GROUP: `roles-${newId()}`,
      DATA_DIR: dataDir,
      PORT: '0',
      LOG_LEVEL: 'warn',
      EXCHANGE_RELEASE: 'off',
    });
    processes.push(service);
    const m = await service.waitFor(
      role === 'api' ? /serving http:\/\/127\.0\.0\.1:(\d+)/ : /health on port (\d+)/,
      90_000,
    );
    return {
      url: `http://127.0.0.1:${m[1]}`,
      admin: await bearerFor(dataDir, 'admin'),
      officer: await bearerFor(dataDir, 'liaison_officer'),
    };
  }

  const health = async (url: string, admin: string): Promise<Health> =>
    (await (await fetch(`${url}/health`, { headers: { authorization: admin } })).json()) as Health;

  it('the api runs no projections and no relay; the worker runs both, and a write reaches the read model and Kafka', async () => {
    const api = await start('api');
    expect(await health(api.url, api.admin)).toMatchObject({ status: 'up', role: 'api', running: [] });

    const made = await fetch(`${api.url}/api/v1/cases`, {
      method: 'POST',
      headers: { authorization: api.officer, 'content-type': 'application/json' },
      body: JSON.stringify(newCase),
    });
    expect(made.status).toBe(201);
    const { id: caseId, position } = (await made.json()) as { id: string; position: string };

    // With no worker up, nothing applies the write: read-your-writes gives up after its wait.
    const list = (wait: number) =>
      fetch(`${api.url}/api/v1/cases?minPosition=${position}`, {
        headers: { authorization: api.officer, prefer: `wait=${wait}` },
      });
    const behind = await list(1);
    expect(behind.status).toBe(503);
    expect(((await behind.json()) as { code: string }).code).toBe('READ.NOT_CAUGHT_UP');
    // A read model no worker has built yet is not there to read: the api says so, not 500.
    const board = await fetch(`${api.url}/api/v1/deadlines`, { headers: { authorization: api.officer } });
    expect([board.status, ((await board.json()) as { code: string }).code]).toEqual([503, 'READ.NOT_READY']);

    const worker = await start('worker');
    // A probe without credentials, or without ops.read, learns only that the worker is up.
    const probe = await fetch(`${worker.url}/health`);
    expect([probe.status, await probe.json()]).toEqual([200, { status: 'up' }]);
    const notOps = await fetch(`${worker.url}/health`, { headers: { authorization: worker.officer } });
    expect(await notOps.json()).toEqual({ status: 'up' });
    expect(await health(worker.url, worker.admin)).toMatchObject({
      status: 'up',
      role: 'worker',
      running: ['projections', 'kafka-relay', 'counterpart-gateway'],
    });
    // The worker's runner moves the read models; the api sees it through the positions it saved.
    const caughtUp = await list(5);
    expect(caughtUp.status).toBe(200);
    const page = (await caughtUp.json()) as { items: { id: string }[] };
    expect(page.items.map((c) => c.id)).toContain(caseId);
    const seen = await health(api.url, api.admin);
    expect(seen.running).toEqual([]);
    expect(seen.projections.length).toBeGreaterThan(0);
    for (const p of seen.projections) expect(BigInt(p.position)).toBeGreaterThanOrEqual(BigInt(position));
    // A rebuild is the runner's job: the api sends the operator to where it runs.
    const rebuild = await fetch(`${api.url}/api/v1/admin/projections/case_list/rebuild`, {
      method: 'POST',
      headers: { authorization: api.admin },
    });
    expect(rebuild.status).toBe(409);
    expect(((await rebuild.json()) as { code: string }).code).toBe('PROJECTION.RUNS_IN_WORKER');

    // One relay: each event is on the topic once, not once per process that was up.
    const first = await readTopic(kafka.brokers, topic, (all) => all.some((r) => r.key === caseId), 60_000);
    const size = await topicSize(kafka.brokers, topic);
    const received = await readTopic(kafka.brokers, topic, (all) => all.length >= size, 60_000);
    expect(received.length).toBeGreaterThanOrEqual(first.length);
    expect(dedupe(received)).toHaveLength(received.length);
    const reports = received.filter((r) => r.key === caseId && r.headers.ce_type === 'blo.case.report-received.v1');
    expect(reports).toHaveLength(1);
    expect((await health(api.url, api.admin)).running).toEqual([]);

    // The worker's gateway writes through the same command handlers as the api: a counterpart
    // letter becomes an incoming message the api reads back, sealed content opened.
    const letter = counterpartMessage({ caseIds: [caseId], subject: '关于一名获救妇女的通报' });
    const producer = await connectedProducer(kafka.brokers);
    try {
      await send(producer, inbound, caseId, json(letter));
    } finally {
      await producer.disconnect();
    }
    const logged = await readTopic(
      kafka.brokers,
      topic,
      (all) => all.some((r) => r.headers.ce_type === 'blo.exchange.message-logged.v1'),
      60_000,
    );
    const published = logged.find((r) => r.headers.ce_type === 'blo.exchange.message-logged.v1')!;
    const { exchangeId } = JSON.parse(published.value) as { exchangeId: string };
    const thread = await fetch(`${api.url}/api/v1/exchanges/${exchangeId}`, {
      headers: { authorization: api.officer },
    });
    expect(thread.status).toBe(200);
    expect(await thread.json()).toMatchObject({
      counterpart: { code: 'CN-GX-PSD' },
      caseIds: [caseId],
      messages: [{ direction: 'incoming', subject: '关于一名获救妇女的通报' }],
    });

    // What both processes wrote is JSON lines an operator's collector reads; Node's own warnings
    // (kafkajs 2.2.4 sets a negative timer on Node 24) are among them, not free text on stderr.
    for (const p of processes) {
      expect(p.stderr()).not.toMatch(/\(node:\d+\)|Warning:/);
      for (const line of p
        .stdout()
        .split('\n')
        .filter((l) => l.trim() !== ''))
        expect(() => JSON.parse(line)).not.toThrow();
    }
  }, 240_000);
});
