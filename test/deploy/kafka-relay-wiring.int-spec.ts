import { describeWhen, kafkaUnavailable, postgresUnavailable } from '#testing';
import { Global, Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { APP_CONFIG, type AppConfig } from '#config';
import { EVENT_STORE, SQL_CLIENT, openEventStore, type OpenedEventStore } from '#event-store';
import { newId } from '#shared-kernel';
import { KafkaRelayModule, KafkaRelayService } from '#messaging';
import { newCase, openCase } from '../e2e/support/journey.js';
import { startTestApp, type TestApp } from '../e2e/support/test-app.js';
import { startKafka, type TestKafka } from '../kafka/kafka-broker.js';
import { createTopic, readTopic } from '../kafka/relay-fixtures.js';

/**
 * The production topology of deploy/: the api process records a case in PostgreSQL, a separate
 * worker application context (same database, KAFKA_BROKERS set) runs the relay module, and the
 * case's integration event arrives on the topic, keyed by the case id, without personal data.
 */
const SUITE = 'test/deploy/kafka-relay-wiring.int-spec.ts';

/** What the worker's own infrastructure module provides; the relay module needs nothing else. */
function workerModule(config: AppConfig, opened: OpenedEventStore) {
  @Global()
  @Module({
    providers: [
      { provide: APP_CONFIG, useValue: config },
      { provide: EVENT_STORE, useValue: opened.store },
      { provide: SQL_CLIENT, useValue: opened.sql },
    ],
    exports: [APP_CONFIG, EVENT_STORE, SQL_CLIENT],
  })
  class WorkerInfrastructure {}

  @Module({ imports: [WorkerInfrastructure, KafkaRelayModule.forRoot(config)] })
  class WorkerForTest {}
  return WorkerForTest;
}

describeWhen(kafkaUnavailable() ?? postgresUnavailable(), 'Kafka relay wired into a worker next to the api', () => {
  let kafka: TestKafka;
  let api: TestApp;
  let worker: INestApplicationContext;
  let opened: OpenedEventStore;
  const topic = `wiring-${newId()}`;

  beforeAll(async () => {
    kafka = await startKafka(SUITE);
    await createTopic(kafka.brokers, topic, 3);
    api = await startTestApp('postgres', { KAFKA_BROKERS: kafka.brokers.join(','), KAFKA_EVENTS_TOPIC: topic });
    opened = await openEventStore(api.config);
    worker = await NestFactory.createApplicationContext(workerModule(api.config, opened), { logger: ['error'] });
    await worker.init();
  }, 240_000);

  afterAll(async () => {
    await worker?.close();
    await opened?.close();
    await api?.close();
    await kafka?.dispose();
  }, 60_000);

  it('publishes a case recorded through the api, keyed by the case id, with no personal data', async () => {
    const officer = await api.as('liaison_officer');
    const caseId = await openCase(officer);
    const received = await readTopic(kafka.brokers, topic, (all) => all.some((m) => m.key === caseId), 60_000);
    const report = received.find((m) => m.key === caseId && m.headers.ce_type === 'blo.case.report-received.v1');
    expect(report).toBeDefined();
    expect(JSON.parse(report!.value)).toMatchObject({ caseId, province: 'lang-son' });
    // The summary is free text from the report: it stays in the ledger.
    expect(report!.value).not.toContain('Bằng Tường');
    const relay = worker.get(KafkaRelayService);
    expect(relay.checkpoint).toBeGreaterThan(0n);
  }, 90_000);

  it("carries the caller's W3C trace id from the HTTP request to the events and the Kafka headers", async () => {
    const trace = '4bf92f3577b34da6a3ce929d0e0e4736';
    const officer = await api.as('liaison_officer');
    const opened = await officer.post('/cases', newCase, { traceparent: `00-${trace}-00f067aa0ba902b7-01` });
    expect(opened.status).toBe(201);
    const caseId = opened.body.id as string;
    const received = await readTopic(kafka.brokers, topic, (all) => all.some((m) => m.key === caseId), 60_000);
    const mine = received.filter((m) => m.key === caseId);
    expect(mine.length).toBeGreaterThan(0);
    for (const m of mine) expect(m.headers.traceparent).toMatch(new RegExp(`^00-${trace}-[0-9a-f]{16}-01$`));
    // A request without one gets a trace of its own, not the previous caller's.
    const other = await openCase(officer);
    const next = await readTopic(kafka.brokers, topic, (all) => all.some((m) => m.key === other), 60_000);
    const theirs = next.find((m) => m.key === other);
    expect(theirs?.headers.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    expect(theirs?.headers.traceparent).not.toContain(trace);
  }, 90_000);

  it('a worker without KAFKA_BROKERS runs no relay', async () => {
    const quiet = { ...api.config, kafkaBrokers: [] };
    const context = await NestFactory.createApplicationContext(workerModule(quiet, opened), { logger: ['error'] });
    try {
      expect(() => context.get(KafkaRelayService)).toThrow();
    } finally {
      await context.close();
    }
  });
});
