import { logLevel } from 'kafkajs';
import { newId } from '#shared-kernel';
import { describeWhen, itWhen, kafkaNotRestartable, kafkaUnavailable } from '#testing';
import { SqlEventStore, openPglite, traceparentFor, type RecordedEvent, type SqlClient } from '#event-store';
import {
  CONTRACTS,
  KafkaRelay,
  KafkajsPublisher,
  SqlCheckpointStore,
  type CheckpointStore,
  type MessagePublisher,
} from '#messaging';
import { startKafka, type TestKafka } from './kafka-broker.js';
import {
  PERSONAL,
  appendCases,
  createTopic,
  dedupe,
  isPublished,
  readTopic,
  topicSize,
  waitUntil,
  type Received,
} from './relay-fixtures.js';

const SUITE = 'test/kafka/kafka-relay.int-spec.ts';
const SOURCE = 'urn:blo-ledger:test';
let kafka: TestKafka;

interface Rig {
  sql: SqlClient;
  store: SqlEventStore;
  checkpoints: SqlCheckpointStore;
  publisher: KafkajsPublisher;
  relay: KafkaRelay;
  topic: string;
  warnings: string[];
  close(): Promise<void>;
}

/** What a test puts between the relay and its real checkpoint table and broker. */
interface Around {
  readonly checkpointLag?: number;
  readonly checkpoints?: (real: CheckpointStore) => CheckpointStore;
  readonly publisher?: (real: MessagePublisher) => MessagePublisher;
}

async function rig(brokers: string[], batchSize: number, around: Around = {}): Promise<Rig> {
  const topic = `relay-${newId()}`;
  await createTopic(brokers, topic, 3);
  const sql = await openPglite('memory://');
  const store = await SqlEventStore.open(sql, { pollIntervalMs: 100 });
  const checkpoints = new SqlCheckpointStore(sql);
  await checkpoints.migrate();
  const publisher = new KafkajsPublisher({ brokers, clientId: 'relay-spec', logLevel: logLevel.NOTHING, retries: 2 });
  const warnings: string[] = [];
  const relay = new KafkaRelay({
    store,
    publisher: around.publisher?.(publisher) ?? publisher,
    checkpoints: around.checkpoints?.(checkpoints) ?? checkpoints,
    name: 'kafka-out',
    topic,
    source: SOURCE,
    batchSize,
    checkpointLag: around.checkpointLag,
    backoff: { initialMs: 50, maxMs: 1000 },
    log: { warn: (message) => warnings.push(message) },
  });
  return {
    sql,
    store,
    checkpoints,
    publisher,
    relay,
    topic,
    warnings,
    close: async () => {
      await relay.stop();
      await publisher.close();
      await store.close();
      await sql.close();
    },
  };
}

/** For each case, the ids in the order the broker delivered them (one partition per key). */
function idsByKey(messages: readonly Received[]): Map<string, string[]> {
  const by = new Map<string, string[]>();
  for (const m of messages) by.set(m.key, [...(by.get(m.key) ?? []), m.headers.ce_id]);
  return by;
}

function expectedByCase(events: readonly RecordedEvent[]): Map<string, string[]> {
  const by = new Map<string, string[]>();
  for (const e of events) {
    const key = e.metadata.caseId ?? e.streamId;
    by.set(key, [...(by.get(key) ?? []), e.id]);
  }
  return by;
}

describeWhen(kafkaUnavailable(), 'Kafka relay against a real broker', () => {
  beforeAll(async () => {
    kafka = await startKafka(SUITE);
  }, 180_000);

  afterAll(async () => {
    await kafka?.dispose();
  }, 60_000);

  it('publishes every published-type event once, in order per case, with CloudEvents headers and no personal data', async () => {
    const r = await rig(kafka.brokers, 7);
    try {
      const cases = [newId(), newId(), newId(), newId()];
      const before = await appendCases(r.store, cases, 10);
      await r.relay.start();
      await r.relay.waitFor(await r.store.headPosition(), 60_000);
      // Appended while the relay is live: the subscription's live phase, not only catch-up.
      const after = await appendCases(r.store, cases, 5);
      const head = await r.store.headPosition();
      await r.relay.waitFor(head, 60_000);

      const published = [...before, ...after].filter(isPublished);
      expect(published.length).toBeLessThan(before.length + after.length); // some types stay home
      expect(await r.checkpoints.load('kafka-out')).toBe(head);
      expect(await topicSize(kafka.brokers, r.topic)).toBe(published.length);

      const got = await readTopic(kafka.brokers, r.topic, (all) => all.length >= published.length, 60_000);
      expect(dedupe(got)).toHaveLength(got.length);
      expect(idsByKey(got)).toEqual(expectedByCase(published));
      const byId = new Map(published.map((e) => [e.id, e]));
      for (const m of got) {
        const e = byId.get(m.headers.ce_id)!;
        expect(m.headers).toEqual({
          ce_specversion: '1.0',
          ce_id: e.id,
          ce_source: SOURCE,
          ce_type: CONTRACTS[e.type].type,
          ce_time: e.metadata.recordedAt,
          ce_subject: e.streamId,
          'content-type': 'application/json',
          traceparent: traceparentFor(e.metadata.correlationId, e.id),
        });
        expect(JSON.parse(m.value)).toMatchObject({ caseId: e.metadata.caseId, occurredAt: e.metadata.occurredAt.at });
      }
      const wire = JSON.stringify(got);
      for (const p of PERSONAL) expect(wire).not.toContain(p);
    } finally {
      await r.close();
    }
  }, 180_000);

  it('publishes ahead of its checkpoint by at most checkpointLag batches, and catches up once checkpoints can be written', async () => {
    // The checkpoint table refuses writes (a database that went away) until `broken` is cleared.
    let broken = true;
    let acked = 0;
    const saved: bigint[] = [];
    const r = await rig(kafka.brokers, 5, {
      checkpointLag: 2,
      checkpoints: (real) => ({
        load: (name) => real.load(name),
        save: async (name, position) => {
          if (broken) throw new Error('checkpoint table unavailable');
          await real.save(name, position);
          saved.push(position);
        },
      }),
      publisher: (real) => ({
        publish: async (batch) => {
          await real.publish(batch);
          acked += 1;
        },
        close: () => real.close(),
      }),
    });
    try {
      const cases = [newId(), newId(), newId()];
      const recorded = await appendCases(r.store, cases, 20); // 60 events: 12 batches of 5
      const head = await r.store.headPosition();
      await r.relay.start();
      const failures = () => r.warnings.filter((w) => w.startsWith('relay checkpoint failed')).length;
      await waitUntil(() => failures() >= 4, 60_000, 'several failed checkpoint writes');
      // Two batches acknowledged, neither recorded: the relay waits instead of running further ahead.
      expect(acked).toBe(2);
      expect(r.relay.checkpoint).toBe(0n);
      expect(await r.checkpoints.load('kafka-out')).toBe(0n);

      broken = false;
      await r.relay.waitFor(head, 60_000);
      expect(await r.checkpoints.load('kafka-out')).toBe(head);
      expect([...saved].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))).toEqual(saved); // never backwards

      const published = recorded.filter(isPublished);
      const got = await readTopic(kafka.brokers, r.topic, (all) => all.length >= published.length, 60_000);
      // Nothing crashed, so nothing was sent twice, and each case kept its order across the pipeline.
      expect(await topicSize(kafka.brokers, r.topic)).toBe(published.length);
      expect(dedupe(got)).toHaveLength(got.length);
      expect(idsByKey(got)).toEqual(expectedByCase(published));
    } finally {
      await r.close();
    }
  }, 180_000);

  itWhen(
    kafkaNotRestartable(),
    'holds its checkpoint while the broker is down, then catches up after a restart without losing an event',
    async () => {
      // A broker started by the suite itself can be stopped; a container one cannot (kafka-broker.ts).
      if (!kafka.control) throw new Error(`this run's broker (${kafka.kind}) cannot be stopped and started`);
      const r = await rig(kafka.brokers, 20);
      try {
        const cases = [newId(), newId(), newId()];
        const first = await appendCases(r.store, cases, 10);
        await r.relay.start();
        const head1 = await r.store.headPosition();
        await r.relay.waitFor(head1, 60_000);

        await kafka.control.stop();
        const during = await appendCases(r.store, cases, 10);
        await waitUntil(() => r.warnings.length > 0, 90_000, 'the relay to notice the broker is gone');
        const more = await appendCases(r.store, cases, 5); // keep appending while it retries
        expect(r.relay.checkpoint).toBe(head1);
        expect(await r.checkpoints.load('kafka-out')).toBe(head1);

        await kafka.control.start();
        const head2 = await r.store.headPosition();
        await r.relay.waitFor(head2, 120_000);

        const published = [...first, ...during, ...more].filter(isPublished);
        const size = await topicSize(kafka.brokers, r.topic);
        const got = await readTopic(kafka.brokers, r.topic, (all) => all.length >= size, 60_000);
        const once = dedupe(got);
        expect(once.map((m) => m.headers.ce_id).sort()).toEqual(published.map((e) => e.id).sort());
        expect(idsByKey(once)).toEqual(expectedByCase(published));
      } finally {
        await r.close();
      }
    },
    300_000,
  );
});
