import { openPglite, openPostgres, SqlEventStore, type SqlClient } from '#event-store';
import { createTestDatabase, postgresUrlOrSkip } from '#testing';

/** A fresh event store of each kind for the runner's integration tests. */
export type StoreKind = 'pglite' | 'postgres';

export interface OpenStore {
  readonly store: SqlEventStore;
  readonly sql: SqlClient;
  /** A second client on the same database (PostgreSQL only), as another process would have. */
  readonly other?: () => Promise<{ store: SqlEventStore; sql: SqlClient; close(): Promise<void> }>;
  close(): Promise<void>;
}

export async function openStore(kind: StoreKind): Promise<OpenStore | null> {
  if (kind === 'pglite') {
    const sql = await openPglite('memory://');
    const store = await SqlEventStore.open(sql);
    return { store, sql, close: async () => (await store.close(), await sql.close()) };
  }
  const admin = postgresUrlOrSkip('projection runner on PostgreSQL');
  if (!admin) return null;
  const db = await createTestDatabase(admin);
  const sql = openPostgres(db.url, 8);
  const store = await SqlEventStore.open(sql);
  const opened: { close(): Promise<void> }[] = [];
  return {
    store,
    sql,
    other: async () => {
      const sql2 = openPostgres(db.url, 8);
      const store2 = await SqlEventStore.open(sql2);
      const o = { store: store2, sql: sql2, close: async () => (await store2.close(), await sql2.close()) };
      opened.push(o);
      return o;
    },
    close: async () => {
      for (const o of opened) await o.close();
      await store.close();
      await sql.close();
      await db.drop();
    },
  };
}
