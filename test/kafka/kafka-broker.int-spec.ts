import { Kafka, Partitioners, logLevel } from 'kafkajs';
import { kafkaOrSkip, type TestKafka } from './kafka-broker.js';

const SUITE = 'test/kafka/kafka-broker.int-spec.ts';
let kafka: TestKafka | null = null;

beforeAll(async () => {
  kafka = await kafkaOrSkip(SUITE);
}, 180_000);

afterAll(async () => {
  await kafka?.dispose();
}, 60_000);

function client(brokers: string[]): Kafka {
  return new Kafka({ clientId: 'broker-harness-spec', brokers, logLevel: logLevel.NOTHING });
}

describe('test Kafka broker', () => {
  it('accepts an idempotent acks=all produce and keeps it across a stop and a restart on the same data', async () => {
    if (!kafka) return;
    const topic = `harness-${Date.now()}`;
    const admin = client(kafka.brokers).admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
    const producer = client(kafka.brokers).producer({
      idempotent: true,
      maxInFlightRequests: 1,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    await producer.connect();
    await producer.send({ topic, acks: -1, messages: [{ key: 'k', value: 'one' }] });
    await producer.disconnect();
    const before = await admin.fetchTopicOffsets(topic);
    await admin.disconnect();
    expect(before).toEqual([expect.objectContaining({ partition: 0, high: '1', low: '0' })]);

    if (!kafka.control) return; // a broker we do not own cannot be restarted
    await kafka.control.stop();
    await kafka.control.start();

    const again = client(kafka.brokers).admin();
    await again.connect();
    const after = await again.fetchTopicOffsets(topic);
    await again.disconnect();
    expect(after).toEqual(before);
  }, 120_000);
});
