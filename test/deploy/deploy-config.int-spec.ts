import { generateKeyPairSync } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { CONFIG_VARIABLES, loadConfig } from '#config';

/**
 * deploy/ must agree with the config schema both ways: every variable a deployment sets is one
 * the service reads (a typo would be silently ignored otherwise), and every variable the service
 * reads has a decision here — set in production, set only for the worker, or left at its default
 * for a stated reason. A new CONFIG_VARIABLES entry fails this test until someone decides.
 * (No server is involved: this runs as a plain check; it lives with the int suites only because
 * the unit project collects apps/ and libs/.)
 */
const DEPLOY = join(import.meta.dirname, '../../deploy');

/** Set for the api and the worker, in compose and in Kubernetes. */
const REQUIRED = [
  // What each process runs (ADR 0014): the api serves HTTP, the worker the background work.
  'ROLE',
  'EVENT_STORE',
  'KURRENTDB_URL',
  'DATABASE_URL',
  'MASTER_KEY',
  // Signed checkpoints (ADR 0009): the key is a secret like MASTER_KEY; the worker's timer runs, the api's is 0.
  'CHECKPOINT_SIGNING_KEY',
  'CHECKPOINT_INTERVAL_SECONDS',
  'HOST',
  'PORT',
  'DATA_DIR',
  'KAFKA_CLIENT_ID',
  'KAFKA_EVENTS_TOPIC',
  'KAFKA_COUNTERPART_TOPIC',
  'KAFKA_DEAD_LETTER_TOPIC',
  'KAFKA_CONSUMER_GROUP',
  'CLOUDEVENTS_SOURCE',
  'AUTH_JWKS_URL',
  'AUTH_ISSUER',
  'AUTH_AUDIENCE',
  'LOG_LEVEL',
  // People sign in through the provider, at the address they use (Secure cookies over https).
  'PUBLIC_URL',
  'OIDC_ISSUER_URL',
  'OIDC_CLIENT_ID',
  // The deadline board's limits are agreements between the two sides: each deployment states them.
  'DEADLINE_MESSAGE_REPLY',
  'DEADLINE_HANDOVER_CONFIRMATION_GRACE',
  'DEADLINE_ONWARD_TRANSFER_DAYS',
  'DEADLINE_INITIAL_VERIFICATION',
  'DEADLINE_REFERRAL_ANSWER',
  'DEADLINE_URGENT_REPLY',
  'DEADLINE_DUE_SOON',
  'DEADLINE_DUE_SOON_MAX',
];
/** Only the worker talks to Kafka; a second relay in the api would publish everything twice. */
const WORKER_ONLY = ['KAFKA_BROKERS'];
const LEFT_AT_DEFAULT: Record<string, string> = {
  PGLITE_SYNC: 'embedded PGlite store only; production uses KurrentDB + PostgreSQL',
  PGLITE_THREAD: 'embedded PGlite store only; production uses KurrentDB + PostgreSQL',
  API_PROCESSES: 'the manifests scale the api by replicas, one process each; a single machine may set it to its cores',
  PROJECTION_LINGER_MS:
    'a 10 ms wait batches the read models without delaying read-your-writes; tune only with a bench run',
  PROJECTION_MIN_BATCH: 'as PROJECTION_LINGER_MS',
  TOKEN_TTL_SECONDS: 'lifetime of CLI-minted tokens; production tokens come from the OIDC issuer',
  BODY_LIMIT_BYTES: 'the 1 MiB default is already the size KurrentDB accepts in one append',
  SESSION_IDLE_SECONDS: '30 minutes idle is the default a shared office desk needs; a deployment may shorten it',
  SESSION_MAX_SECONDS: 'one working day (12 h) is the default absolute lifetime',
  SIGNIN_MAX_PER_ADDRESS: 'defaults suit one office behind one address; raise only with evidence',
  SIGNIN_MAX_PER_ACCOUNT: 'five tries per 15 minutes per account name is the default lockout',
  EXCHANGE_RELEASE:
    'the default holds outgoing messages with personal data for a second officer’s release, as the law needs',
  EXCHANGE_RELEASE_BY_UNIT: 'no unit holds more or less than the default until it decides to',
  SIGNIN_WINDOW_SECONDS: 'the 15-minute window goes with the two limits above',
  OIDC_SCOPES: '"openid profile" is what the claim mapping needs; the provider adds custom claims',
  OIDC_CLAIM_ROLES: 'claim names default to the ones this service mints; set per provider when they differ',
  OIDC_CLAIM_UNIT: 'as OIDC_CLAIM_ROLES',
  OIDC_CLAIM_PROVINCE: 'as OIDC_CLAIM_ROLES',
  OIDC_CLAIM_GATES: 'as OIDC_CLAIM_ROLES',
  OIDC_CLAIM_NAME: 'as OIDC_CLAIM_ROLES',
  OIDC_ROLE_MAP: "empty: the provider already uses this service's role names",
  OIDC_CLIENT_SECRET: 'a secret: the operator adds it to the Secret when the client is confidential',
  CORS_ORIGINS: 'off: the web app is served from the same origin as the API',
  NODE_ENV: 'the image sets NODE_ENV=production (deploy/Dockerfile): JSON log lines even on a terminal',
  REPORT_DUE_DATES: 'the default is the provincial plan quoted in issue 11; a province whose plan differs sets it',
};

type Env = Record<string, string>;
interface AppService {
  readonly where: string;
  readonly role: 'api' | 'worker';
  readonly env: Env;
}

const CHECKPOINT_KEY = generateKeyPairSync('ed25519')
  .privateKey.export({ type: 'pkcs8', format: 'der' })
  .toString('base64');

/** `${NAME:-default}` → default, `${NAME:?message}` / `${NAME}` → a value a real operator would give. */
const OPERATOR: Env = {
  MASTER_KEY: Buffer.alloc(32, 9).toString('base64'),
  CHECKPOINT_SIGNING_KEY: CHECKPOINT_KEY,
  POSTGRES_PASSWORD: 'pw',
};
/** What the operator's Secret holds (secret.example.yaml shows the shape, not usable values). */
const SECRET: Env = {
  MASTER_KEY: Buffer.alloc(32, 9).toString('base64'),
  CHECKPOINT_SIGNING_KEY: CHECKPOINT_KEY,
  DATABASE_URL: 'postgres://blo:pw@postgres.invalid:5432/blo',
  KURRENTDB_URL: 'kurrentdb://blo:pw@kurrentdb.invalid:2113?tls=true',
};
const interpolate = (value: string): string =>
  value.replace(/\$\{([A-Z0-9_]+)(?::?([-?])([^}]*))?\}/g, (_m, name: string, op?: string, rest?: string) =>
    op === '-' ? (rest ?? '') : (OPERATOR[name] ?? 'x'),
  );

function composeServices(): AppService[] {
  const file = parse(readFileSync(join(DEPLOY, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
    services: Record<string, { environment?: Record<string, string | number>; build?: unknown }>;
  };
  return Object.entries(file.services)
    .filter(([, s]) => s.build !== undefined)
    .map(([name, s]) => ({
      where: `docker-compose.yml ${name}`,
      role: name === 'worker' ? 'worker' : 'api',
      env: Object.fromEntries(Object.entries(s.environment ?? {}).map(([k, v]) => [k, String(v)])),
    }));
}

interface K8sDoc {
  kind: string;
  metadata: { name: string };
  data?: Env;
  stringData?: Env;
  spec?: { template: { spec: { containers: K8sContainer[] } } };
}
interface K8sContainer {
  name: string;
  envFrom?: { configMapRef?: { name: string } }[];
  env?: { name: string; value?: string; valueFrom?: { secretKeyRef?: { name: string; key: string } } }[];
  readinessProbe?: { httpGet?: { path: string } };
  livenessProbe?: { httpGet?: { path: string } };
}

function k8sDocs(): K8sDoc[] {
  return readdirSync(join(DEPLOY, 'k8s'))
    .filter((f) => f.endsWith('.yaml') && f !== 'kustomization.yaml')
    .flatMap((f) => parseAllDocuments(readFileSync(join(DEPLOY, 'k8s', f), 'utf8')).map((d) => d.toJS() as K8sDoc));
}

function k8sServices(): { services: AppService[]; containers: K8sContainer[] } {
  const docs = k8sDocs();
  const configMaps = new Map(docs.filter((d) => d.kind === 'ConfigMap').map((d) => [d.metadata.name, d.data ?? {}]));
  const containers = docs.filter((d) => d.kind === 'Deployment').flatMap((d) => d.spec!.template.spec.containers);
  const services = containers.map((c): AppService => {
    const env: Env = {};
    for (const from of c.envFrom ?? []) {
      const data = configMaps.get(from.configMapRef?.name ?? '');
      if (!data) throw new Error(`${c.name}: envFrom names a ConfigMap that deploy/k8s does not define`);
      Object.assign(env, data);
    }
    for (const e of c.env ?? []) env[e.name] = e.value ?? OPERATOR[e.name] ?? 'postgres://blo:pw@db.invalid:5432/blo';
    if (env.KURRENTDB_URL === 'postgres://blo:pw@db.invalid:5432/blo')
      env.KURRENTDB_URL = 'kurrentdb://db.invalid:2113';
    return { where: `k8s ${c.name}`, role: c.name === 'worker' ? 'worker' : 'api', env };
  });
  return { services, containers };
}

const all = (): AppService[] => [...composeServices(), ...k8sServices().services];

describe('deploy/ configuration agrees with CONFIG_VARIABLES', () => {
  it('finds the api and the worker in both compose and Kubernetes', () => {
    expect(all().map((s) => `${s.where}:${s.role}`)).toEqual([
      'docker-compose.yml api:api',
      'docker-compose.yml worker:worker',
      'k8s api:api',
      'k8s worker:worker',
    ]);
  });

  it('sets no variable the service does not read', () => {
    for (const s of all()) {
      const unknown = Object.keys(s.env).filter((k) => !(k in CONFIG_VARIABLES));
      expect({ where: s.where, unknown }).toEqual({ where: s.where, unknown: [] });
    }
  });

  it('has a decision for every variable the service reads', () => {
    const decided = [...REQUIRED, ...WORKER_ONLY, ...Object.keys(LEFT_AT_DEFAULT)];
    expect([...decided].sort()).toEqual(Object.keys(CONFIG_VARIABLES).sort());
  });

  it('sets every production variable, Kafka only for the worker, and nothing left at its default', () => {
    for (const s of all()) {
      const keys = Object.keys(s.env);
      expect({ where: s.where, missing: REQUIRED.filter((k) => !keys.includes(k)) }).toEqual({
        where: s.where,
        missing: [],
      });
      expect({ where: s.where, kafka: keys.includes('KAFKA_BROKERS') }).toEqual({
        where: s.where,
        kafka: s.role === 'worker',
      });
      expect(keys.filter((k) => k in LEFT_AT_DEFAULT)).toEqual([]);
    }
  });

  it('produces a configuration the service accepts, with events in KurrentDB', () => {
    for (const s of all()) {
      const env = Object.fromEntries(Object.entries(s.env).map(([k, v]) => [k, interpolate(v)]));
      const config = loadConfig(env);
      expect({ where: s.where, store: config.eventStore, host: config.host }).toEqual({
        where: s.where,
        store: 'kurrentdb',
        host: '0.0.0.0',
      });
    }
  });
});

describe('deploy/ operational rules', () => {
  it('takes MASTER_KEY, CHECKPOINT_SIGNING_KEY, DATABASE_URL and KURRENTDB_URL from a Secret in Kubernetes, never inline', () => {
    for (const c of k8sServices().containers) {
      for (const name of ['MASTER_KEY', 'CHECKPOINT_SIGNING_KEY', 'DATABASE_URL', 'KURRENTDB_URL']) {
        const e = c.env?.find((x) => x.name === name);
        expect({ container: c.name, name, ref: e?.valueFrom?.secretKeyRef?.key }).toEqual({
          container: c.name,
          name,
          ref: name,
        });
      }
    }
    const configMap = k8sDocs().find((d) => d.kind === 'ConfigMap');
    expect(Object.keys(configMap?.data ?? {}).filter((k) => k in SECRET)).toEqual([]);
  });

  it('gives each process its role: HTTP in the api, projections, relay and gateway in the worker', () => {
    for (const s of all()) {
      const config = loadConfig(Object.fromEntries(Object.entries(s.env).map(([k, v]) => [k, interpolate(v)])));
      expect({ where: s.where, role: config.role }).toEqual({ where: s.where, role: s.role });
    }
  });

  it('runs the periodic checkpoint in the worker only (the api checkpoints on demand)', () => {
    for (const s of all()) {
      const config = loadConfig(Object.fromEntries(Object.entries(s.env).map(([k, v]) => [k, interpolate(v)])));
      expect({
        where: s.where,
        timer: config.integrity.intervalSeconds > 0,
        key: config.integrity.signingKey !== null,
      }).toEqual({
        where: s.where,
        timer: s.role === 'worker',
        key: true,
      });
    }
  });

  it('probes /health for readiness and liveness', () => {
    for (const c of k8sServices().containers) {
      expect([c.readinessProbe?.httpGet?.path, c.livenessProbe?.httpGet?.path]).toEqual(['/health', '/health']);
    }
  });

  it('gives every compose service a healthcheck, and every stateful one a volume', () => {
    const file = parse(readFileSync(join(DEPLOY, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
      services: Record<string, { healthcheck?: unknown; volumes?: string[] }>;
    };
    for (const [name, s] of Object.entries(file.services)) {
      expect({ name, healthcheck: s.healthcheck !== undefined }).toEqual({ name, healthcheck: true });
      expect({ name, volumes: (s.volumes ?? []).length > 0 }).toEqual({ name, volumes: true });
    }
  });

  it('builds a non-root image with a healthcheck and production dependencies only', () => {
    const dockerfile = readFileSync(join(DEPLOY, 'Dockerfile'), 'utf8');
    const runtime = dockerfile.slice(dockerfile.lastIndexOf('FROM '));
    expect(runtime).toMatch(/^USER node$/m);
    expect(runtime).toMatch(/^HEALTHCHECK .*\n?.*\/health/m);
    expect(runtime).toMatch(/npm ci --omit=dev/);
    expect(dockerfile.match(/^FROM /gm)).toHaveLength(2);
  });
});
