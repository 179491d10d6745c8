/**
 * A relay in its own process, so a test can kill -9 it mid-stream and start another. Run by
 * kafka-relay-crash.int-spec.ts as
 *   node --conditions=source --import ./libs/testing/src/ts-child-register.mjs test/kafka/relay-child.ts
 * with RELAY_PGLITE_DIR, RELAY_BROKERS, RELAY_TOPIC and RELAY_BATCH set. Prints
 * `checkpoint <position>` once a position the broker acknowledged is recorded; stops cleanly on
 * SIGTERM. With RELAY_CHECKPOINT_HOLD_ABOVE set, recording a position above it never finishes (a
 * database that stopped answering) and the child prints `holding <position>`: that position's
 * batch is acknowledged and not recorded, so a test that kills the process then is sure to be
 * where at-least-once delivery redelivers, however slow the machine.
 */
import { logLevel } from 'kafkajs';
import { SqlEventStore, openPglite } from '#event-store';
import { KafkaRelay, KafkajsPublisher, SqlCheckpointStore, type CheckpointStore } from '#messaging';

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};

const sql = await openPglite(env('RELAY_PGLITE_DIR'));
const store = await SqlEventStore.open(sql, { pollIntervalMs: 200 });
const sqlCheckpoints = new SqlCheckpointStore(sql);
await sqlCheckpoints.migrate();
const holdAbove = process.env.RELAY_CHECKPOINT_HOLD_ABOVE ? BigInt(process.env.RELAY_CHECKPOINT_HOLD_ABOVE) : null;
const checkpoints: CheckpointStore = {
  load: (name) => sqlCheckpoints.load(name),
  save: async (name, position) => {
    if (holdAbove !== null && position > holdAbove) {
      process.stdout.write(`holding ${position}\n`);
      await new Promise<never>(() => undefined);
    }
    await sqlCheckpoints.save(name, position);
  },
};
const publisher = new KafkajsPublisher({
  brokers: env('RELAY_BROKERS').split(','),
  clientId: 'relay-child',
  logLevel: logLevel.NOTHING,
});
const relay = new KafkaRelay({
  store,
  publisher,
  checkpoints,
  name: 'kafka-out',
  topic: env('RELAY_TOPIC'),
  source: 'urn:blo-ledger:test',
  batchSize: Number(env('RELAY_BATCH')),
  onCheckpoint: (position) => process.stdout.write(`checkpoint ${position}\n`),
  log: { warn: (message, context) => process.stderr.write(`${message} ${JSON.stringify(context)}\n`) },
});

process.once('SIGTERM', () => {
  void (async () => {
    await relay.stop();
    await publisher.close();
    await store.close();
    await sql.close();
    process.exit(0);
  })();
});

await relay.start();
process.stdout.write('started\n');
