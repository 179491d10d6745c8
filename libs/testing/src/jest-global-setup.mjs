// Runs once before all suites: finds out which real servers this run can use and tells the
// workers through environment variables. Nothing here is mocked; a missing server is either
// a loud skip (a developer's machine) or a failure (CI=true).
import pg from 'pg';

const DEFAULT_PG = 'postgres://postgres@127.0.0.1:5432/postgres';

async function probePostgres(url) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

export default async function globalSetup() {
  const url = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || DEFAULT_PG;
  const problem = await probePostgres(url);
  if (problem === null) {
    process.env.BLO_TEST_PG_URL = url;
  } else {
    process.env.BLO_TEST_PG_SKIP = `PostgreSQL not reachable at ${url.replace(/:[^:@/]*@/, ':***@')}: ${problem}`;
    if (process.env.CI === 'true') {
      throw new Error(`CI=true and ${process.env.BLO_TEST_PG_SKIP}; the PostgreSQL suites may not skip in CI`);
    }
  }
}
