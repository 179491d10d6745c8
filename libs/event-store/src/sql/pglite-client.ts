import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import pg from 'pg';
import { PoolSqlClient, type SqlClient } from './sql-client.js';

/**
 * Embedded PostgreSQL (WASM) in a data directory, driven through the node-postgres adapter so
 * the SQL code path is the one used against a server. `memory://` gives a throwaway instance.
 */
export async function openPglite(dataDir: string): Promise<SqlClient & { pglite: PGlite }> {
  const pglite = await PGlite.create(dataDir);
  const pool = new pg.Pool({ ...createPgConfig(pglite), max: 1 } as pg.PoolConfig);
  const client = new PoolSqlClient(pool, 'pglite', () => pglite.close());
  return Object.assign(client, { pglite });
}
