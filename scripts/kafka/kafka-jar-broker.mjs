// A real single-node Apache Kafka broker (KRaft: broker and controller in one JVM) run from the
// Maven Central jars that fetch-kafka.sh resolves. Used by the integration tests when no
// KAFKA_BROKERS and no container engine are available, and by start-kafka.mjs for developers.
// Plain ESM JavaScript so both jest (TypeScript) and a bare `node` can import it; the types are
// in kafka-jar-broker.d.mts.
import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import kafkajs from 'kafkajs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const FETCH_SCRIPT = join(ROOT, 'scripts/kafka/fetch-kafka.sh');
const LOG4J_CONFIG = join(ROOT, 'test/kafka/log4j2.properties');
const run = promisify(execFile);

/** Resolves (and on first use downloads) the broker's jars; returns the Java classpath. */
export async function kafkaClasspath() {
  const { stdout } = await run('bash', [FETCH_SCRIPT], { maxBuffer: 1 << 20, timeout: 15 * 60_000 });
  return readFileSync(stdout.trim(), 'utf8').trim();
}

/** True when a Java runtime answers; the jar broker is impossible without one. */
export async function javaAvailable() {
  try {
    await run(javaBinary(), ['-version'], { timeout: 20_000 });
    return true;
  } catch {
    return false;
  }
}

function javaBinary() {
  return process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
}

async function freePort() {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.unref();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => ok(port));
    });
  });
}

/** Kafka's cluster ids are 16 random bytes in URL-safe base64; a leading '-' confuses its CLI. */
function clusterId() {
  for (;;) {
    const id = randomBytes(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}

function serverProperties({ dataDir, port, controllerPort, partitions }) {
  return [
    'process.roles=broker,controller',
    'node.id=1',
    `listeners=PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${controllerPort}`,
    `advertised.listeners=PLAINTEXT://127.0.0.1:${port}`,
    'controller.listener.names=CONTROLLER',
    'inter.broker.listener.name=PLAINTEXT',
    'listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
    `controller.quorum.bootstrap.servers=127.0.0.1:${controllerPort}`,
    `log.dirs=${join(dataDir, 'logs')}`,
    `num.partitions=${partitions}`,
    // One broker: every internal topic has one replica, and few partitions so it is created fast.
    'offsets.topic.replication.factor=1',
    'offsets.topic.num.partitions=3',
    'transaction.state.log.replication.factor=1',
    'transaction.state.log.min.isr=1',
    'transaction.state.log.num.partitions=3',
    'share.coordinator.state.topic.replication.factor=1',
    'share.coordinator.state.topic.min.isr=1',
    'group.initial.rebalance.delay.ms=0',
    'auto.create.topics.enable=true',
    '',
  ].join('\n');
}

function tail(file, lines = 40) {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

function previousPorts(dataDir) {
  const file = join(dataDir, 'server.properties');
  if (!existsSync(file)) return null;
  const text = readFileSync(file, 'utf8');
  const m = /PLAINTEXT:\/\/127\.0\.0\.1:(\d+),CONTROLLER:\/\/127\.0\.0\.1:(\d+)/.exec(text);
  return m ? { port: Number(m[1]), controllerPort: Number(m[2]) } : null;
}

const delay = (ms) => new Promise((ok) => setTimeout(ok, ms));

/**
 * Kills the JVM if this Node process dies without stopping it (a crashed jest worker would
 * otherwise leave a broker running and holding CI's output open): a tiny Node watchdog holds a
 * pipe from us and SIGKILLs the broker when the pipe closes.
 */
function spawnWatchdog(pid) {
  const code =
    'process.stdin.resume();process.stdin.on("close",()=>{try{process.kill(+process.argv[1],"SIGKILL")}catch{}process.exit(0)})';
  const dog = spawn(process.execPath, ['-e', code, String(pid)], { stdio: ['pipe', 'ignore', 'ignore'] });
  dog.unref();
  dog.stdin.unref?.();
  dog.stdin.on('error', () => undefined);
  return dog;
}

export class JarKafkaBroker {
  #classpath;
  #props;
  #ownsDir;
  #child = null;
  #exited = null;
  #watchdog = null;

  constructor({ classpath, dataDir, port, controllerPort, ownsDir, readyTimeoutMs }) {
    this.#classpath = classpath;
    this.dataDir = dataDir;
    this.port = port;
    this.controllerPort = controllerPort;
    this.#ownsDir = ownsDir;
    this.readyTimeoutMs = readyTimeoutMs;
    this.logFile = join(dataDir, 'broker.log');
    this.#props = join(dataDir, 'server.properties');
    this.brokers = [`127.0.0.1:${port}`];
  }

  get running() {
    return this.#child !== null;
  }

  /** Formats the log directory once (fresh cluster id), then starts and waits until clients are served. */
  async start() {
    if (this.#child) return;
    if (!existsSync(join(this.dataDir, 'logs', 'meta.properties'))) {
      await run(
        javaBinary(),
        ['-cp', this.#classpath, 'kafka.tools.StorageTool', 'format', '-t', clusterId(), '-c', this.#props, '--standalone'],
        { timeout: 120_000, maxBuffer: 1 << 22 },
      );
    }
    const out = openSync(this.logFile, 'a');
    const jvm = (process.env.KAFKA_TEST_JVM_OPTS ?? '-Xms128m -Xmx768m -XX:+UseSerialGC -XX:TieredStopAtLevel=1')
      .split(/\s+/)
      .filter(Boolean);
    const child = spawn(
      javaBinary(),
      [...jvm, '-Djava.awt.headless=true', `-Dlog4j2.configurationFile=${LOG4J_CONFIG}`, '-cp', this.#classpath, 'kafka.Kafka', this.#props],
      { stdio: ['ignore', out, out] },
    );
    closeSync(out);
    this.#child = child;
    this.#exited = new Promise((ok) => child.once('exit', (code, signal) => ok({ code, signal })));
    const watchdog = spawnWatchdog(child.pid);
    this.#watchdog = watchdog;
    void this.#exited.then(() => {
      if (this.#child === child) this.#child = null;
      watchdog.stdin.end();
    });
    try {
      await this.#waitReady(child);
    } catch (error) {
      await this.kill();
      throw error;
    }
  }

  async #waitReady(child) {
    const deadline = Date.now() + this.readyTimeoutMs;
    const kafka = new kafkajs.Kafka({
      clientId: 'blo-test-broker-probe',
      brokers: this.brokers,
      logLevel: kafkajs.logLevel.NOTHING,
      connectionTimeout: 1000,
      requestTimeout: 2000,
      retry: { retries: 0 },
    });
    let lastError = 'not tried';
    while (Date.now() < deadline) {
      if (this.#child !== child) {
        throw new Error(`Kafka broker exited during start-up; log ${this.logFile}:\n${tail(this.logFile)}`);
      }
      const admin = kafka.admin();
      try {
        await admin.connect();
        await admin.listTopics();
        return;
      } catch (error) {
        lastError = error instanceof Error ? error.message : String(error);
      } finally {
        await admin.disconnect().catch(() => undefined);
      }
      await delay(200);
    }
    throw new Error(
      `Kafka broker not ready after ${this.readyTimeoutMs} ms (${lastError}); log ${this.logFile}:\n${tail(this.logFile)}`,
    );
  }

  /** Controlled shutdown (SIGTERM); SIGKILL if it has not exited within `timeoutMs`. */
  async stop(timeoutMs = 20_000) {
    const child = this.#child;
    if (!child) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    await this.#exited;
    clearTimeout(timer);
    this.#releaseWatchdog();
  }

  /** Abrupt death, as a crashed host would die. */
  async kill() {
    const child = this.#child;
    if (!child) return;
    child.kill('SIGKILL');
    await this.#exited;
    this.#releaseWatchdog();
  }

  #releaseWatchdog() {
    this.#watchdog?.stdin.end();
    this.#watchdog = null;
  }

  /** Stops the broker and deletes its data unless the caller supplied the directory. */
  async destroy() {
    await this.stop();
    if (this.#ownsDir) rmSync(this.dataDir, { recursive: true, force: true });
  }
}

/**
 * Creates and starts a broker. `dataDir` keeps its log (reuse it to restart a stopped broker on
 * the same data); by default a temporary directory is made and removed by destroy().
 */
export async function startJarBroker(options = {}) {
  const classpath = options.classpath ?? (await kafkaClasspath());
  const ownsDir = !options.dataDir;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'blo-kafka-'));
  mkdirSync(dataDir, { recursive: true });
  // Ports are chosen once: a restarted broker must come back where its clients and its own
  // controller quorum (recorded in the metadata log) expect it.
  const previous = previousPorts(dataDir);
  const port = options.port ?? previous?.port ?? (await freePort());
  const controllerPort = options.controllerPort ?? previous?.controllerPort ?? (await freePort());
  writeFileSync(
    join(dataDir, 'server.properties'),
    serverProperties({ dataDir, port, controllerPort, partitions: options.partitions ?? 3 }),
  );
  const broker = new JarKafkaBroker({
    classpath,
    dataDir,
    port,
    controllerPort,
    ownsDir,
    readyTimeoutMs: options.readyTimeoutMs ?? 90_000,
  });
  await broker.start();
  return broker;
}
