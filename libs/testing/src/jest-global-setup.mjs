// Runs once before all suites: finds out which real servers this run can use and tells the
// workers through environment variables. Nothing here is mocked; a missing server is either
// a loud skip (a developer's machine) or a failure (CI=true).
import { existsSync } from 'node:fs';
import pg from 'pg';
import { javaAvailable } from '../../../scripts/kafka/kafka-jar-broker.mjs';

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

/**
 * Whether the Kafka suites can have a broker: one named in KAFKA_BROKERS, or one they start
 * themselves (the Apache Kafka jars on Java, or a container). Null when they can; the reason
 * otherwise. Whether it then starts is each suite's own test, which fails if it does not.
 */
async function probeKafka() {
  if (process.env.KAFKA_BROKERS?.trim()) return null;
  if (process.env.DOCKER_HOST || existsSync('/var/run/docker.sock')) return null;
  if (await javaAvailable()) return null;
  return 'KAFKA_BROKERS unset, no container engine, no Java';
}

export default async function globalSetup() {
  const kafka = await probeKafka();
  if (kafka !== null) {
    if (process.env.CI === 'true') throw new Error(`CI=true and no Kafka broker (${kafka}); Kafka suites may not skip in CI`);
    process.env.BLO_TEST_KAFKA_SKIP = kafka;
  }
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
