import { openPglite } from './pglite-client.js';

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
