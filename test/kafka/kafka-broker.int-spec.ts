import { describeWhen, itWhen, kafkaNotRestartable, kafkaUnavailable } from '#testing';
import { Kafka, Partitioners, logLevel } from 'kafkajs';
import { newId } from '#shared-kernel';
import { startKafka, type TestKafka } from './kafka-broker.js';

const SUITE = 'test/kafka/kafka-broker.int-spec.ts';

function client(brokers: string[]): Kafka {
  return new Kafka({ clientId: 'broker-harness-spec', brokers, logLevel: logLevel.NOTHING });
}

/** Produces one message with acks=all to a new topic and answers its offsets. */
async function produceOne(brokers: string[], topic: string) {
  const admin = client(brokers).admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
  const producer = client(brokers).producer({
    idempotent: true,
    maxInFlightRequests: 1,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  await producer.connect();
  await producer.send({ topic, acks: -1, messages: [{ key: 'k', value: 'one' }] });
  await producer.disconnect();
  const offsets = await admin.fetchTopicOffsets(topic);
  await admin.disconnect();
  return offsets;
}

describeWhen(kafkaUnavailable(), 'test Kafka broker', () => {
  let kafka: TestKafka;

  beforeAll(async () => {
    kafka = await startKafka(SUITE);
  }, 180_000);

  afterAll(async () => {
    await kafka?.dispose();
  }, 60_000);

  it('accepts an idempotent acks=all produce', async () => {
    const offsets = await produceOne(kafka.brokers, `harness-${newId()}`);
    expect(offsets).toEqual([expect.objectContaining({ partition: 0, high: '1', low: '0' })]);
  }, 120_000);

  itWhen(
    kafkaNotRestartable(),
    'keeps what it acknowledged across a stop and a restart on the same data',
    async () => {
      if (!kafka.control) throw new Error(`this run's broker (${kafka.kind}) cannot be stopped and started`);
      const topic = `harness-${newId()}`;
      const before = await produceOne(kafka.brokers, topic);
      await kafka.control.stop();
      await kafka.control.start();
      const again = client(kafka.brokers).admin();
      await again.connect();
      const after = await again.fetchTopicOffsets(topic);
      await again.disconnect();
      expect(after).toEqual(before);
    },
    120_000,
  );
});
