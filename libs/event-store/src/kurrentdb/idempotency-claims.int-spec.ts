import { openPglite } from '../sql/pglite-client.js';
import type { SqlClient } from '../sql/sql-client.js';
import { migrateEventStore } from '../sql/event-store.schema.js';
import { IdempotencyClaims } from './idempotency-claims.js';

describe('IdempotencyClaims (PostgreSQL side of the KurrentDB store)', () => {
  let sql: SqlClient;
  let claims: IdempotencyClaims;

  beforeAll(async () => {
    sql = await openPglite('memory://');
    claims = new IdempotencyClaims(sql);
    await claims.migrate();
  }, 60_000);
  afterAll(async () => {
    await sql.close();
  });

  it('lets exactly one of two requests with the same key claim it', async () => {
    const results = await Promise.all([claims.claim('k-race', 'h'), claims.claim('k-race', 'h')]);
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('shows a claimed key as pending until its answer is filled in, then as the stored answer', async () => {
    expect(await claims.lookup('k-1')).toEqual({ state: 'absent' });
    expect(await claims.claim('k-1', 'h1')).toBe(true);
    expect(await claims.lookup('k-1')).toEqual({ state: 'pending' });
    await claims.complete('k-1', { position: 12n, id: 'case-1' });
    expect(await claims.lookup('k-1')).toEqual({
      state: 'done',
      record: { key: 'k-1', requestHash: 'h1', response: { position: '12', id: 'case-1' } },
    });
    expect(await claims.claim('k-1', 'h1')).toBe(false);
  });

  it('releases a claim whose append was refused, but never a completed record', async () => {
    await claims.claim('k-2', 'h');
    await claims.release('k-2');
    expect(await claims.lookup('k-2')).toEqual({ state: 'absent' });
    await claims.claim('k-3', 'h');
    await claims.complete('k-3', { ok: true });
    await claims.release('k-3');
    expect(await claims.lookup('k-3')).toMatchObject({ state: 'done' });
  });

  it('uses the same table as the SQL store, so either migration may run first', async () => {
    await migrateEventStore(sql);
    await claims.migrate();
    const r = await sql.query<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'idempotency_keys' ORDER BY ordinal_position`,
    );
    expect(r.rows.map((c) => c.column_name)).toEqual(['key', 'request_hash', 'response', 'created_at']);
  });
});
