import { SqlEventStore, openPglite, type EventStore, type RecordedEvent, type SqlClient } from '#event-store';
import { KeyStore, MasterKey, PersonalDataCipher } from '#security';

export interface HandlerStore {
  readonly store: EventStore;
  readonly cipher: PersonalDataCipher;
  readonly keys: KeyStore;
  readonly sql: SqlClient;
  /** Every event of one stream, oldest first. */
  events(streamId: string): Promise<RecordedEvent[]>;
}

/**
 * The handler tier: application handlers called directly (no HTTP, no Nest), on the real SQL event
 * store over an in-memory PGlite and a real key store, so a handler's reads, seals and appends are
 * what production does, at unit-test cost. One store per spec file; the getter is valid inside tests.
 */
export function useHandlerStore(): () => HandlerStore {
  let handle: HandlerStore | undefined;
  let closeAll: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const sql = await openPglite('memory://');
    const store = await SqlEventStore.open(sql, { pollIntervalMs: 20 });
    const keys = new KeyStore(sql, MasterKey.fromBase64(Buffer.alloc(32, 7).toString('base64')));
    await keys.migrate();
    handle = {
      store,
      cipher: new PersonalDataCipher(keys),
      keys,
      sql,
      events: async (streamId) => {
        const out: RecordedEvent[] = [];
        for await (const e of store.readStream(streamId)) out.push(e);
        return out;
      },
    };
    closeAll = async () => {
      await store.close();
      await sql.close();
    };
  }, 60_000);
  afterAll(async () => {
    await closeAll?.();
  });
  return () => {
    if (!handle) throw new Error('useHandlerStore: the store exists only inside tests');
    return handle;
  };
}
