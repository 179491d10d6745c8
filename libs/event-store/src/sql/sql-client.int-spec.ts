import { createTestDatabase, postgresUrlOrSkip } from '#testing';
import { openPglite } from './pglite-client.js';
import { openPostgres, type SqlClient } from './sql-client.js';

describe('PGlite through node-postgres', () => {
  it('runs parameterised and prepared statements and returns int8 as bigint', async () => {
    const db = await openPglite('memory://');
    try {
      const r = await db.query<{ n: bigint; s: string }>(
        'select $1::int8 as n, $2::text as s',
        ['9007199254740993', 'Hữu Nghị 友谊关'],
        'probe',
      );
      expect(r.rows[0]).toEqual({ n: 9007199254740993n, s: 'Hữu Nghị 友谊关' });
      await expect(
        db.transaction(async (tx) => {
          await tx.query('create table t (x int)');
          throw new Error('abort');
        }),
      ).rejects.toThrow('abort');
      const t = await db.query(`select to_regclass('t') as t`);
      expect(t.rows[0]).toEqual({ t: null });
    } finally {
      await db.close();
    }
  });
});

describe('a statement the server refuses', () => {
  async function refuseThenQuery(db: SqlClient): Promise<void> {
    await db.query('create table if not exists uq_probe (x int primary key)');
    await db.query('insert into uq_probe values ($1)', [1], 'uq_probe_insert');
    await expect(db.query('insert into uq_probe values ($1)', [1], 'uq_probe_insert')).rejects.toMatchObject({
      code: '23505',
      constraint: 'uq_probe_pkey',
    });
  }

  it('leaves the PGlite connection usable', async () => {
    const db = await openPglite('memory://');
    try {
      await refuseThenQuery(db);
      const r = await db.query<{ n: bigint }>('select count(*) as n from uq_probe where x > $1', [0], 'uq_count');
      expect(r.rows[0].n).toBe(1n);
    } finally {
      await db.close();
    }
  });

  const url = postgresUrlOrSkip('SqlClient on PostgreSQL');
  (url ? it : it.skip)('keeps the server connection (and its prepared statements) in the pool', async () => {
    const scratch = await createTestDatabase(url!);
    const db = openPostgres(scratch.url, 1);
    try {
      const pid = async () => (await db.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0].pid;
      const before = await pid();
      await refuseThenQuery(db);
      expect(await pid()).toBe(before);
    } finally {
      await db.close();
      await scratch.drop();
    }
  });
});
