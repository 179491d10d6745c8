import { request } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { javaAvailable, startJarBroker } from '../../scripts/kafka/kafka-jar-broker.mjs';

/**
 * Which real Kafka broker an integration suite gets, in this order:
 *  1. KAFKA_BROKERS (comma-separated host:port) — someone runs one for us;
 *  2. a container via testcontainers, only when a container engine answers a ping;
 *  3. the Apache Kafka jars from Maven Central, run as a single KRaft node (Java 17+).
 * None of them: the global setup knows before any suite runs (kafkaUnavailable() in #testing);
 * CI=true then fails the run, elsewhere the suites skip with the reason in their titles.
 */
export interface TestKafka {
  readonly kind: 'external' | 'testcontainers' | 'jar';
  readonly brokers: string[];
  /** Only for a broker this suite owns: stop it (SIGTERM), start it again on the same data, or kill -9 it. */
  readonly control: BrokerControl | null;
  dispose(): Promise<void>;
}

export interface BrokerControl {
  stop(): Promise<void>;
  start(): Promise<void>;
  kill(): Promise<void>;
}

const PING_TIMEOUT_MS = 1500;

/** Engine sockets testcontainers would try; a unix path or a tcp URL. */
function engineEndpoints(): string[] {
  const found: string[] = [];
  if (process.env.DOCKER_HOST) found.push(process.env.DOCKER_HOST);
  const props = join(homedir(), '.testcontainers.properties');
  if (existsSync(props)) {
    const m = /^docker\.host\s*=\s*(\S+)/m.exec(readFileSync(props, 'utf8'));
    if (m) found.push(m[1]);
  }
  const runtime = process.env.XDG_RUNTIME_DIR;
  const sockets = [
    '/var/run/docker.sock',
    join(homedir(), '.docker/run/docker.sock'),
    join(homedir(), '.docker/desktop/docker.sock'),
    '/run/podman/podman.sock',
    ...(runtime ? [join(runtime, 'docker.sock'), join(runtime, 'podman/podman.sock')] : []),
  ];
  for (const s of sockets) if (existsSync(s)) found.push(`unix://${s}`);
  return found;
}

/**
 * GET /_ping with a hard timeout. testcontainers itself has no timeout on its first call, so a
 * daemon that accepts and never answers would hang the whole run; this probe cannot.
 */
function ping(endpoint: string): Promise<boolean> {
  return new Promise((resolve) => {
    let target: { socketPath: string } | { host: string; port: number };
    if (endpoint.startsWith('unix://')) target = { socketPath: endpoint.slice('unix://'.length) };
    else if (endpoint.startsWith('tcp://')) {
      const u = new URL(endpoint.replace(/^tcp:/, 'http:'));
      target = { host: u.hostname, port: Number(u.port || 2375) };
    } else return resolve(false);
    const req = request({ ...target, path: '/_ping', method: 'GET', timeout: PING_TIMEOUT_MS }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(false));
    req.end();
  });
}

export async function containerEngineAvailable(): Promise<boolean> {
  const results = await Promise.all(engineEndpoints().map(ping));
  return results.includes(true);
}

async function viaTestcontainers(): Promise<TestKafka> {
  // Imported only once an engine answered: testcontainers probes on import paths we do not control.
  const { GenericContainer, Wait } = await import('testcontainers');
  const { createServer } = await import('node:net');
  const port = await new Promise<number>((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => ok(p));
    });
  });
  // The broker must advertise the host's port, so the mapping is fixed to a port we know is free.
  const container = await new GenericContainer(process.env.KAFKA_TEST_IMAGE ?? 'apache/kafka:4.4.0')
    .withExposedPorts({ container: 9092, host: port })
    .withEnvironment({
      KAFKA_NODE_ID: '1',
      KAFKA_PROCESS_ROLES: 'broker,controller',
      KAFKA_LISTENERS: 'PLAINTEXT://:9092,CONTROLLER://:9093',
      KAFKA_ADVERTISED_LISTENERS: `PLAINTEXT://127.0.0.1:${port}`,
      KAFKA_CONTROLLER_LISTENER_NAMES: 'CONTROLLER',
      KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: 'PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
      KAFKA_CONTROLLER_QUORUM_VOTERS: '1@localhost:9093',
      KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: '1',
      KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: '1',
      KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: '1',
      KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS: '0',
      KAFKA_NUM_PARTITIONS: '3',
    })
    .withWaitStrategy(Wait.forLogMessage(/Kafka Server started/))
    .withStartupTimeout(120_000)
    .start();
  return {
    kind: 'testcontainers',
    brokers: [`127.0.0.1:${port}`],
    control: null, // a stopped container cannot come back on the same data through this API
    dispose: async () => {
      await container.stop();
    },
  };
}

async function viaJars(): Promise<TestKafka> {
  const broker = await startJarBroker();
  return {
    kind: 'jar',
    brokers: broker.brokers,
    control: { stop: () => broker.stop(), start: () => broker.start(), kill: () => broker.kill() },
    dispose: () => broker.destroy(),
  };
}

/**
 * A real broker for `suite`. Call in beforeAll of a suite defined with
 * `describeWhen(kafkaUnavailable(), …)` and dispose in afterAll. The global setup found that a
 * broker can be had; one that then does not start is a failure of the suite, never a skip.
 * Each suite gets its own broker so one that stops or kills it disturbs no other suite.
 */
export async function startKafka(suite: string): Promise<TestKafka> {
  const external = process.env.KAFKA_BROKERS?.trim();
  if (external) {
    return { kind: 'external', brokers: external.split(','), control: null, dispose: async () => undefined };
  }
  if (await containerEngineAvailable()) return viaTestcontainers();
  if (!(await javaAvailable())) throw new Error(`${suite}: no Kafka broker (no container engine answered, no Java)`);
  return viaJars();
}
