import { itWhen, postgresUnavailable } from '#testing';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openPglite, SQL_CLIENT, type SqlClient } from '#event-store';
import { changeData, rowsOf } from '../../libs/integrity/src/spec-support/log-tampering.js';
import { runCli } from './support/cli-process.js';
import { openCase, registerPerson } from './support/journey.js';
import { startTestApp } from './support/test-app.js';

/**
 * `checkpoint export` to a file, then `verify --checkpoint file` over the whole store, offline:
 * intact first, then with one byte of one event changed in the database, which it names.
 */
describe('npm run cli -- checkpoint export / verify', () => {
  it('on PGlite: exports from the running service, verifies the stopped store, names a changed event', async () => {
    const app = await startTestApp('pglite');
    const env = { DATA_DIR: app.config.dataDir, PGLITE_SYNC: 'off', PORT: '1' };
    const file = join(app.config.dataDir, '..', `${app.config.dataDir.split('/').pop()}-checkpoint.json`);
    let stopped = false;
    try {
      const officer = await app.as('liaison_officer');
      const caseId = await openCase(officer);
      await registerPerson(officer, caseId);
      expect((await (await app.as('admin')).post('/integrity/checkpoints', {})).status).toBe(201);
      const exported = await runCli(env, ['checkpoint', 'export', '--url', app.url]);
      expect({ code: exported.code, err: exported.err }).toMatchObject({ code: 0 });
      await writeFile(file, exported.out);
      await app.app.close(); // the service stops: the data directory is the CLI's now
      stopped = true;

      const intact = await runCli(env, ['verify', '--checkpoint', file]);
      expect({ code: intact.code, valid: JSON.parse(intact.out).valid }).toEqual({ code: 0, valid: true });

      const db = await openPglite(join(app.config.dataDir, 'pglite'), { syncOnCommit: false });
      const [reported] = await rowsOf(db, [`case-${caseId}`]);
      await changeData(db, reported);
      await db.close();
      const broken = await runCli(env, ['verify', '--checkpoint', file]);
      expect(broken.code).toBe(1);
      expect(JSON.parse(broken.out).firstBad).toMatchObject({
        streamId: `case-${caseId}`,
        revision: '0',
        eventId: reported.id,
        problem: 'hash_mismatch',
      });
      expect(broken.err).toContain(`first bad event: ${reported.id}`);
    } finally {
      await rm(file, { force: true });
      if (stopped) await rm(app.config.dataDir, { recursive: true, force: true });
      else await app.close();
    }
  }, 180_000);

  itWhen(
    postgresUnavailable(),
    'on PostgreSQL: exports and verifies directly against the database while the service runs',
    async () => {
      const app = await startTestApp('postgres');
      const env = {
        EVENT_STORE: 'postgres',
        DATABASE_URL: app.config.databaseUrl!,
        MASTER_KEY: app.config.crypto.masterKey!,
        DATA_DIR: app.config.dataDir,
      };
      const file = `${app.config.dataDir}/checkpoint.json`;
      try {
        const officer = await app.as('liaison_officer');
        const caseId = await openCase(officer);
        const created = await runCli(env, ['checkpoint', 'create']);
        expect({ code: created.code, err: created.err }).toMatchObject({ code: 0 });
        await writeFile(file, created.out);
        expect((await runCli(env, ['verify', '--checkpoint', file])).code).toBe(0);
        const sql = app.app.get<SqlClient>(SQL_CLIENT);
        const [reported] = await rowsOf(sql, [`case-${caseId}`]);
        await sql.query('DELETE FROM events WHERE id = $1', [reported.id]);
        const broken = await runCli(env, ['verify', '--checkpoint', file]);
        expect(broken.code).toBe(1);
        expect(JSON.parse(broken.out).firstBad).toMatchObject({ eventId: reported.id, problem: 'missing_event' });
      } finally {
        await app.close();
      }
    },
    180_000,
  );
});
