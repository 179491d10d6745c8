import type { AppConfig } from '#config';
import { assertNever } from '#shared-kernel';
import type { EventStore } from './event-store.port.js';
import { KurrentDbEventStore } from './kurrentdb/kurrentdb-event-store.js';
import { openPglite } from './sql/pglite-client.js';
import { openPgliteWorker, pgliteWorkerLoadable } from './sql/pglite-thread.js';
import { openPostgres, type SqlClient } from './sql/sql-client.js';
import { SqlEventStore } from './sql/sql-event-store.js';

export interface OpenedEventStore {
  readonly store: EventStore;
  /**
   * The SQL database for the key store, read models, checkpoints and idempotency records: the
   * events' own database (pglite, postgres), or PostgreSQL at DATABASE_URL beside KurrentDB.
   */
  readonly sql: SqlClient;
  /** Stops the store's subscriptions, then closes the database. */
  close(): Promise<void>;
}

export async function openEventStore(config: AppConfig): Promise<OpenedEventStore> {
  const sql = await openSql(config);
  try {
    const store = await openStore(config, sql);
    return {
      store,
      sql,
      close: async () => {
        await store.close();
        await sql.close();
      },
    };
  } catch (error) {
    await sql.close();
    throw error;
  }
}

async function openStore(config: AppConfig, sql: SqlClient): Promise<EventStore> {
  if (config.eventStore !== 'kurrentdb') return SqlEventStore.open(sql);
  if (!config.kurrentdbUrl) throw new Error('EVENT_STORE=kurrentdb needs KURRENTDB_URL');
  return KurrentDbEventStore.open(config.kurrentdbUrl, sql);
}

async function openSql(config: AppConfig): Promise<SqlClient> {
  switch (config.eventStore) {
    case 'pglite': {
      const options = { syncOnCommit: config.pglite.syncOnCommit };
      // Inside jest's sandbox the worker's TypeScript entry cannot be loaded: PGlite stays on this
      // thread there (pglite-thread.int-spec tests the worker; e2e child processes run it).
      if (config.pglite.thread === 'worker' && pgliteWorkerLoadable())
        return openPgliteWorker(`${config.dataDir}/pglite`, options);
      return openPglite(`${config.dataDir}/pglite`, options);
    }
    case 'postgres':
      if (!config.databaseUrl) throw new Error('EVENT_STORE=postgres needs DATABASE_URL');
      return openPostgres(config.databaseUrl);
    case 'kurrentdb':
      // Events in KurrentDB; everything relational (read models, keys, checkpoints) in PostgreSQL.
      if (!config.databaseUrl) throw new Error('EVENT_STORE=kurrentdb needs DATABASE_URL for read models');
      return openPostgres(config.databaseUrl);
    default:
      return assertNever(config.eventStore);
  }
}
