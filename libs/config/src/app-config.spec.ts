import { ConfigError, loadConfig } from './app-config.js';

describe('configuration', () => {
  it('runs embedded with no configuration at all', () => {
    const c = loadConfig({}, '/srv/blo');
    expect(c).toMatchObject({
      host: '127.0.0.1',
      port: 3000,
      dataDir: '/srv/blo/data',
      eventStore: 'pglite',
      kafkaBrokers: [],
    });
    expect(c.auth.mode).toBe('local');
    expect(c.pglite.syncOnCommit).toBe(true);
  });

  it('lists every problem at once', () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: 'eighty',
        EVENT_STORE: 'postgres',
        KAFKA_BROKERS: 'kafka',
        MASTER_KEY: 'c2hvcnQ=',
        KAFKA_EVENTS_TOPIC: 'a b',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    for (const name of ['PORT', 'DATABASE_URL', 'KAFKA_BROKERS', 'MASTER_KEY', 'KAFKA_EVENTS_TOPIC'])
      expect(problems).toContain(name);
  });

  it('selects PostgreSQL and OIDC with their settings', () => {
    const key = Buffer.alloc(32, 1).toString('base64');
    const c = loadConfig({
      EVENT_STORE: 'postgres',
      DATABASE_URL: 'postgres://u@db/blo',
      MASTER_KEY: key,
      AUTH_JWKS_URL: 'https://idp/jwks',
    });
    expect(c.eventStore).toBe('postgres');
    expect(c.auth).toMatchObject({ mode: 'oidc', jwksUrl: 'https://idp/jwks' });
  });

  it('runs everything in one process unless told otherwise', () => {
    expect(loadConfig({}, '/srv/blo').role).toBe('all');
    const key = Buffer.alloc(32, 1).toString('base64');
    const server = { EVENT_STORE: 'postgres', DATABASE_URL: 'postgres://u@db/blo', MASTER_KEY: key };
    expect(loadConfig({ ...server, ROLE: 'api' }).role).toBe('api');
    expect(loadConfig({ ...server, ROLE: 'worker' }).role).toBe('worker');
  });

  it.each(['api', 'worker'])('refuses ROLE=%s on the embedded store, which one process owns', (role) => {
    expect(() => loadConfig({ ROLE: role })).toThrow(/ROLE=.* needs EVENT_STORE=postgres or kurrentdb/);
  });

  it('refuses an unknown role', () => {
    expect(() => loadConfig({ ROLE: 'both' })).toThrow(/ROLE must be one of all, api, worker/);
  });
});
