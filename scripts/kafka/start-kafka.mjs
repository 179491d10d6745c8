#!/usr/bin/env node
// Runs a real single-node Kafka broker from the Maven Central jars until Ctrl-C.
//
//   node scripts/kafka/start-kafka.mjs [--dir DIR] [--port N] [--measure]
//
// Prints KAFKA_BROKERS=127.0.0.1:<port> once clients are served; export it and the integration
// tests use this broker instead of starting their own. With --dir the data survives a restart
// (same ports). --measure prints how long fetching the jars, formatting and starting took, then
// stops the broker and exits.
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { kafkaClasspath, startJarBroker } from './kafka-jar-broker.mjs';

const { values } = parseArgs({
  options: { dir: { type: 'string' }, port: { type: 'string' }, measure: { type: 'boolean', default: false } },
});

const t0 = performance.now();
const classpath = await kafkaClasspath();
const t1 = performance.now();
const broker = await startJarBroker({
  classpath,
  dataDir: values.dir,
  port: values.port ? Number(values.port) : undefined,
});
const t2 = performance.now();
process.stdout.write(`KAFKA_BROKERS=${broker.brokers.join(',')}\n`);
process.stderr.write(`data: ${broker.dataDir}\nlog: ${broker.logFile}\n`);

if (values.measure) {
  process.stdout.write(`fetch ${Math.round(t1 - t0)} ms, format+start+ready ${Math.round(t2 - t1)} ms\n`);
  const t3 = performance.now();
  await broker.stop();
  process.stdout.write(`stop ${Math.round(performance.now() - t3)} ms\n`);
  if (!values.dir) await broker.destroy();
} else {
  const shutdown = () => {
    void (values.dir ? broker.stop() : broker.destroy()).then(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}
