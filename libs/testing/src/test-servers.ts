import { appendFileSync } from 'node:fs';
import pg from 'pg';
import { randomBytes } from 'node:crypto';

/** Notes a skipped suite so the run's summary lists it (see skip-summary-reporter.mjs). */
export function recordSkip(line: string): void {
  const file = process.env.BLO_SKIP_LOG;
  if (file) appendFileSync(file, `${line}\n`);
  console.warn(`SKIPPED: ${line}`);
}

/** The PostgreSQL URL found by the global setup, or null (with the reason recorded) when none. */
export function postgresUrlOrSkip(suite: string): string | null {
  const url = process.env.BLO_TEST_PG_URL;
  if (url) return url;
  recordSkip(`${suite}: ${process.env.BLO_TEST_PG_SKIP ?? 'no PostgreSQL configured'}`);
  return null;
}

/** A fresh, empty database on the test server; dropped by the returned disposer. */
export async function createTestDatabase(adminUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `blo_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/**
 * Why PostgreSQL cannot be used in this run, or null. Known before any suite is defined: the
 * global setup probed the server (and under CI=true already failed the run without one).
 */
export const postgresUnavailable = (): string | null =>
  process.env.BLO_TEST_PG_URL ? null : (process.env.BLO_TEST_PG_SKIP ?? 'no PostgreSQL configured');

/** Why no Kafka broker can be had in this run, or null (probed by the global setup, like PostgreSQL). */
export const kafkaUnavailable = (): string | null => process.env.BLO_TEST_KAFKA_SKIP ?? null;

/** Why the tests cannot stop and restart the broker themselves (someone else runs it), or null. */
export const kafkaNotRestartable = (): string | null =>
  process.env.KAFKA_BROKERS?.trim() ? 'KAFKA_BROKERS names a broker these tests do not own' : null;

/**
 * `describe`, or `describe.skip` when `unavailable` gives a reason: the reason is in the suite's
 * title and in the run's skip summary. A suite never passes by returning early from its tests.
 */
export function describeWhen(unavailable: string | null, name: string, fn: () => void): void {
  if (unavailable === null) return describe(name, fn);
  recordSkip(`${name}: ${unavailable}`);
  describe.skip(`${name} (skipped: ${unavailable})`, fn);
}

/** `it`, or `it.skip` with the reason in its title and the skip summary. */
export function itWhen(unavailable: string | null, name: string, fn: () => Promise<void>, timeout?: number): void {
  if (unavailable === null) return it(name, fn, timeout);
  recordSkip(`${name}: ${unavailable}`);
  it.skip(`${name} (skipped: ${unavailable})`, fn, timeout);
}
