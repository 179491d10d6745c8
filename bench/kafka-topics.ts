import { logLevel, type Kafka } from 'kafkajs';

/** kafkajs logs nothing during a bench: its own lines would break the tables. */
export const quiet = logLevel.NOTHING;

export async function createTopic(kafka: Kafka, topic: string, partitions: number): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.createTopics({ topics: [{ topic, numPartitions: partitions }], waitForLeaders: true });
  } finally {
    await admin.disconnect();
  }
}
