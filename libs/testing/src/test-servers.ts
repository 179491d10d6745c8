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
