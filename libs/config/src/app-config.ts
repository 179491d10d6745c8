import { resolve } from 'node:path';
import { ACCESS_VARIABLES, loadAccessConfig, type AccessConfig } from './access-config.js';
import { DEADLINE_VARIABLES, loadDeadlineLimits, type DeadlineLimits } from './deadline-limits.js';
import { INTEGRITY_VARIABLES, loadIntegrityConfig, type IntegrityConfig } from './integrity-config.js';
import { RELEASE_VARIABLES, loadReleaseConfig, type ReleaseConfig } from './release-config.js';
import { REPORT_VARIABLES, loadReportDueDates, type ReportDueDates } from './report-due-dates.js';

/**
 * The one configuration object. Built once at boot from the environment; nothing else reads
 * process.env. Every problem is collected so a bad configuration fails with the whole list.
 */
export type EventStoreKind = 'pglite' | 'postgres' | 'kurrentdb';

/**
 * What one process runs: `api` serves HTTP only, `worker` runs the projections, the Kafka relay,
 * the counterpart gateway and the checkpoint timer (and answers /health and /metrics), `all` both.
 */
export type ProcessRole = 'all' | 'api' | 'worker';

export interface AppConfig {
  readonly role: ProcessRole;
  /** ROLE=api only: how many api processes serve the one port (node:cluster), to use every core. */
  readonly apiProcesses: number;
  readonly host: string;
  readonly port: number;
  readonly dataDir: string;
  readonly eventStore: EventStoreKind;
  readonly databaseUrl: string | null;
  readonly kurrentdbUrl: string | null;
  readonly kafkaBrokers: readonly string[];
  readonly kafka: {
    readonly clientId: string;
    /** Integration events out (no personal data). */
    readonly eventsTopic: string;
    /** Counterpart messages in, and where the ones that cannot be parsed go. */
    readonly counterpartTopic: string;
    readonly deadLetterTopic: string;
    readonly consumerGroup: string;
    /** CloudEvents `source` of what the relay publishes. */
    readonly source: string;
  };
  readonly auth: {
    /** local: tokens signed with the instance's own key in DATA_DIR; oidc: verified against a JWKS. */
    readonly mode: 'local' | 'oidc';
    readonly jwksUrl: string | null;
    readonly issuer: string;
    readonly audience: string;
    readonly tokenTtlSeconds: number;
  };
  readonly crypto: {
    /** base64 of 32 bytes; null in embedded mode means a key file in DATA_DIR. */
    readonly masterKey: string | null;
  };
  readonly http: {
    readonly bodyLimitBytes: number;
  };
  readonly pglite: {
    /** Flush the data directory to stable storage before acknowledging a write. */
    readonly syncOnCommit: boolean;
    /** worker: the database runs on its own thread, off the event loop that serves HTTP. */
    readonly thread: 'worker' | 'main';
  };
  /** The live projection loop: how long it waits to gather a batch (read-your-writes never waits for it). */
  readonly projections: {
    readonly lingerMs: number;
    readonly minBatch: number;
  };
  readonly logLevel: 'error' | 'warn' | 'log' | 'debug';
  /** NODE_ENV=production: logs stay JSON lines even on a terminal. */
  readonly production: boolean;
  /** Legal and agreed time limits of the deadline board; configuration, never code. */
  readonly deadlines: DeadlineLimits;
  /** Sign-in, sessions, OIDC login, CORS. */
  readonly access: AccessConfig;
  /** Signed checkpoints: their key and interval. */
  readonly integrity: IntegrityConfig;
  /** Which outgoing exchange messages wait for a second officer's release, per unit. */
  readonly release: ReleaseConfig;
  /** When each period's report to the steering committee is due (REPORT_DUE_DATES). */
  readonly reportDueDates: ReportDueDates;
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Every variable the service reads, with its meaning; the README table and deploy/ checks use it. */
export const CONFIG_VARIABLES: Readonly<Record<string, string>> = {
  ROLE: 'all (default: HTTP and background work in one process) | api (HTTP only) | worker (projections, Kafka relay, counterpart gateway, checkpoint timer); api and worker need EVENT_STORE=postgres or kurrentdb',
  API_PROCESSES: 'ROLE=api only: api processes sharing the port, one per core to use them all (1–64, default 1)',
  HOST: 'interface to listen on (default 127.0.0.1)',
  PORT: 'HTTP port (default 3000)',
  DATA_DIR: 'embedded data: PGlite files, local signing key, master key (default ./data)',
  EVENT_STORE: 'pglite (default) | postgres | kurrentdb',
  DATABASE_URL: 'PostgreSQL URL for events (postgres) and/or read models',
  KURRENTDB_URL: 'KurrentDB connection string (EVENT_STORE=kurrentdb)',
  KAFKA_BROKERS: 'comma-separated host:port list; unset means no Kafka',
  KAFKA_CLIENT_ID: 'Kafka client id (default blo-ledger)',
  KAFKA_EVENTS_TOPIC: 'topic of integration events out (default blo.integration-events.v1)',
  KAFKA_COUNTERPART_TOPIC: 'topic of counterpart messages in (default blo.counterpart-messages.v1)',
  KAFKA_DEAD_LETTER_TOPIC: 'where unparseable counterpart messages go (default blo.counterpart-messages.dlq.v1)',
  KAFKA_CONSUMER_GROUP: 'consumer group of the counterpart gateway (default blo-ledger-gateway)',
  CLOUDEVENTS_SOURCE: 'CloudEvents source of published events (default urn:blo-ledger:vn)',
  AUTH_JWKS_URL: 'OIDC issuer JWKS URL; unset means tokens signed by the local key',
  AUTH_ISSUER: 'expected token issuer (default blo-ledger)',
  AUTH_AUDIENCE: 'expected token audience (default blo-ledger)',
  TOKEN_TTL_SECONDS: 'lifetime of CLI-minted tokens (default 43200)',
  MASTER_KEY: 'base64 32-byte key wrapping per-person data keys; required unless embedded',
  BODY_LIMIT_BYTES: 'largest accepted request body (default 1048576)',
  PGLITE_SYNC: 'fsync the PGlite data directory on every commit: on (default) | off',
  PGLITE_THREAD:
    'worker (default): PGlite runs on its own thread, off the event loop serving HTTP | main: on the same thread (always so when running from the TypeScript sources)',
  PROJECTION_LINGER_MS:
    'the live projection loop waits up to this long for more events before applying a small batch (default 10; 0 applies at once; a reader waiting for its own write cuts it short)',
  PROJECTION_MIN_BATCH: 'the live projection loop applies this many waiting events without lingering (default 100)',
  LOG_LEVEL: 'error | warn | log (default) | debug',
  NODE_ENV: 'production keeps the logs JSON lines even on a terminal (elsewhere a terminal gets coloured lines)',
  ...DEADLINE_VARIABLES,
  ...ACCESS_VARIABLES,
  ...INTEGRITY_VARIABLES,
  ...RELEASE_VARIABLES,
  ...REPORT_VARIABLES,
};

type Env = Readonly<Record<string, string | undefined>>;

function int(env: Env, name: string, fallback: number, min: number, max: number, problems: string[]): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    problems.push(`${name} must be an integer between ${min} and ${max} (got "${raw}")`);
    return fallback;
  }
  return n;
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T, problems: string[]): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    problems.push(`${name} must be one of ${allowed.join(', ')} (got "${raw}")`);
    return fallback;
  }
  return raw as T;
}

/** Kafka topic and client names: letters, digits, dot, underscore, dash; at most 249 characters. */
function topicLike(env: Env, name: string, fallback: string, problems: string[]): string {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^[A-Za-z0-9._-]{1,249}$/.test(raw))
    problems.push(`${name} must be letters, digits, ".", "_" or "-" (got "${raw}")`);
  return raw;
}

function url(env: Env, name: string, protocols: readonly string[], problems: string[]): string | null {
  const raw = env[name];
  if (raw === undefined || raw === '') return null;
  try {
    const u = new URL(raw);
    if (!protocols.includes(u.protocol))
      problems.push(`${name} must use ${protocols.join(' or ')} (got ${u.protocol})`);
  } catch {
    problems.push(`${name} is not a valid URL`);
  }
  return raw;
}

export function loadConfig(env: Env = process.env, cwd: string = process.cwd()): AppConfig {
  const problems: string[] = [];
  const eventStore = oneOf(env, 'EVENT_STORE', ['pglite', 'postgres', 'kurrentdb'] as const, 'pglite', problems);
  const databaseUrl = url(env, 'DATABASE_URL', ['postgres:', 'postgresql:'], problems);
  const kurrentdbUrl = url(
    env,
    'KURRENTDB_URL',
    ['kurrentdb:', 'esdb:', 'kurrentdb+discover:', 'esdb+discover:'],
    problems,
  );
  const jwksUrl = url(env, 'AUTH_JWKS_URL', ['https:', 'http:'], problems);
  if (eventStore === 'postgres' && !databaseUrl) problems.push('EVENT_STORE=postgres needs DATABASE_URL');
  if (eventStore === 'kurrentdb' && !kurrentdbUrl) problems.push('EVENT_STORE=kurrentdb needs KURRENTDB_URL');
  if (eventStore === 'kurrentdb' && !databaseUrl)
    problems.push('EVENT_STORE=kurrentdb needs DATABASE_URL for read models');

  const brokers = (env.KAFKA_BROKERS ?? '')
    .split(',')
    .map((b) => b.trim())
    .filter(Boolean);
  for (const b of brokers)
    if (!/^[A-Za-z0-9.-]+:\d{1,5}$/.test(b)) problems.push(`KAFKA_BROKERS entry "${b}" is not host:port`);

  const masterKey = env.MASTER_KEY ?? null;
  if (masterKey !== null && Buffer.from(masterKey, 'base64').length !== 32) {
    problems.push('MASTER_KEY must be base64 of exactly 32 bytes');
  }
  if (eventStore !== 'pglite' && masterKey === null)
    problems.push(`MASTER_KEY is required with EVENT_STORE=${eventStore}`);

  const role = oneOf(env, 'ROLE', ['all', 'api', 'worker'] as const, 'all', problems);
  // PGlite is one process's files: a second process cannot open them, so the split needs a server store.
  if (role !== 'all' && eventStore === 'pglite')
    problems.push(
      `ROLE=${role} needs EVENT_STORE=postgres or kurrentdb: the embedded PGlite store is opened by one process, which runs everything (ROLE=all)`,
    );

  const apiProcesses = int(env, 'API_PROCESSES', 1, 1, 64, problems);
  // Background work must run exactly once (ROLE=worker), and PGlite is one process's files.
  if (apiProcesses > 1 && role !== 'api') problems.push(`API_PROCESSES=${apiProcesses} needs ROLE=api`);

  const host = env.HOST || '127.0.0.1';
  const port = int(env, 'PORT', 3000, 0, 65535, problems);
  const sync = oneOf(env, 'PGLITE_SYNC', ['on', 'off'] as const, 'on', problems);
  const config: AppConfig = {
    role,
    apiProcesses,
    host,
    port,
    dataDir: resolve(cwd, env.DATA_DIR || './data'),
    eventStore,
    databaseUrl,
    kurrentdbUrl,
    kafkaBrokers: brokers,
    kafka: {
      clientId: topicLike(env, 'KAFKA_CLIENT_ID', 'blo-ledger', problems),
      eventsTopic: topicLike(env, 'KAFKA_EVENTS_TOPIC', 'blo.integration-events.v1', problems),
      counterpartTopic: topicLike(env, 'KAFKA_COUNTERPART_TOPIC', 'blo.counterpart-messages.v1', problems),
      deadLetterTopic: topicLike(env, 'KAFKA_DEAD_LETTER_TOPIC', 'blo.counterpart-messages.dlq.v1', problems),
      consumerGroup: topicLike(env, 'KAFKA_CONSUMER_GROUP', 'blo-ledger-gateway', problems),
      source: env.CLOUDEVENTS_SOURCE || 'urn:blo-ledger:vn',
    },
    auth: {
      mode: jwksUrl ? 'oidc' : 'local',
      jwksUrl,
      issuer: env.AUTH_ISSUER || 'blo-ledger',
      audience: env.AUTH_AUDIENCE || 'blo-ledger',
      tokenTtlSeconds: int(env, 'TOKEN_TTL_SECONDS', 12 * 3600, 60, 30 * 24 * 3600, problems),
    },
    crypto: { masterKey },
    http: { bodyLimitBytes: int(env, 'BODY_LIMIT_BYTES', 1024 * 1024, 1024, 64 * 1024 * 1024, problems) },
    pglite: {
      syncOnCommit: sync === 'on',
      thread: oneOf(env, 'PGLITE_THREAD', ['worker', 'main'] as const, 'worker', problems),
    },
    projections: {
      lingerMs: int(env, 'PROJECTION_LINGER_MS', 10, 0, 60_000, problems),
      minBatch: int(env, 'PROJECTION_MIN_BATCH', 100, 1, 5000, problems),
    },
    logLevel: oneOf(env, 'LOG_LEVEL', ['error', 'warn', 'log', 'debug'] as const, 'log', problems),
    production: env.NODE_ENV === 'production',
    deadlines: loadDeadlineLimits(env, problems),
    access: loadAccessConfig(env, host, port, problems),
    integrity: loadIntegrityConfig(env, problems),
    release: loadReleaseConfig(env, problems),
    reportDueDates: loadReportDueDates(env, problems),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

export const APP_CONFIG = Symbol('APP_CONFIG');

/** Whether this process runs the projections, the relay, the gateway and the checkpoint timer. */
export const runsBackground = (config: Pick<AppConfig, 'role'>): boolean => config.role !== 'api';

/** Whether this process serves the HTTP API and the web app (a worker answers /health and /metrics only). */
export const servesApi = (config: Pick<AppConfig, 'role'>): boolean => config.role !== 'worker';

/**
 * For process entry points: a bad configuration stops the process with the whole list of
 * problems on stderr and exit code 1, before anything is opened.
 */
export function loadConfigOrExit(env: Env = process.env): AppConfig {
  try {
    return loadConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
