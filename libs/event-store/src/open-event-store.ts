import type { AppConfig } from '#config';
import { assertNever } from '#shared-kernel';
import { openPglite } from './sql/pglite-client.js';
import { openPostgres, type SqlClient } from './sql/sql-client.js';
import { SqlEventStore } from './sql/sql-event-store.js';

export interface OpenedEventStore {
  readonly store: SqlEventStore;
  /** The same database, for the key store and read models. */
  readonly sql: SqlClient;
  /** Stops the store's subscriptions, then closes the database. */
  close(): Promise<void>;
}

export async function openEventStore(config: AppConfig): Promise<OpenedEventStore> {
  const sql = await openSql(config);
  try {
    const store = await SqlEventStore.open(sql);
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

async function openSql(config: AppConfig): Promise<SqlClient> {
  switch (config.eventStore) {
    case 'pglite':
      return openPglite(`${config.dataDir}/pglite`, { syncOnCommit: config.pglite.syncOnCommit });
    case 'postgres':
      if (!config.databaseUrl) throw new Error('EVENT_STORE=postgres needs DATABASE_URL');
      return openPostgres(config.databaseUrl);
    case 'kurrentdb':
      throw new Error('EVENT_STORE=kurrentdb is not yet supported by this build; use pglite or postgres');
    default:
      return assertNever(config.eventStore);
  }
}
