import { EventEmitter, once } from 'node:events';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { loadConfig } from '#config';
import { decodeBackup, openPglite } from '#event-store';
import { DataErasedError, KeyStore, MasterKey, PersonalDataCipher } from '#security';
import { parseArgs } from '../../apps/cli/src/cli-args.js';
import { backupCommand, restoreCommand } from '../../apps/cli/src/backup.command.js';
import { runCli } from './support/cli-process.js';
import { newCase, openCase, presumedVictim, registerPerson } from './support/journey.js';
import { startTestApp } from './support/test-app.js';
import { bearerFor, startService, type ServiceProcess } from './support/service-process.js';

const secondPerson = { ...presumedVictim, fullName: 'Lò Văn Páo', nameVariants: [], sex: 'male', documents: [] };

/**
 * `npm run cli -- backup / restore` on the embedded store, with real processes and real PGlite
 * directories (ADR 0017): a backup taken from a running service while it keeps writing, restored
 * into new directories, checked by `verify`, served again; and the erasure made after the key
 * store's backup, replayed from the log of a later data backup.
 */
describe('npm run cli -- backup / restore (embedded store)', () => {
  const dirs: string[] = [];
  const services: ServiceProcess[] = [];
  afterAll(async () => {
    await Promise.all(services.map((s) => s.stop()));
    await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  }, 60_000);

  const newDir = async (name: string): Promise<string> => {
    const dir = await mkdtemp(join(tmpdir(), `blo-${name}-`));
    dirs.push(dir);
    return dir;
  };
  const env = (dataDir: string) => ({ DATA_DIR: dataDir, PGLITE_SYNC: 'off', PORT: '1' });

  async function serve(dataDir: string) {
    const service = startService({
      DATA_DIR: dataDir,
      PORT: '0',
      LOG_LEVEL: 'warn',
      PGLITE_SYNC: 'off',
      EXCHANGE_RELEASE: 'off',
    });
    services.push(service);
    const url = `http://127.0.0.1:${(await service.waitFor(/serving http:\/\/127\.0\.0\.1:(\d+)/, 120_000))[1]}`;
    const call = async (
      role: 'liaison_officer' | 'supervisor' | 'admin',
      method: string,
      path: string,
      body?: object,
    ) => {
      const res = await fetch(`${url}${path.startsWith('/health') ? '' : '/api/v1'}${path}`, {
        method,
        headers: {
          authorization: await bearerFor(dataDir, role),
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        body: body ? JSON.stringify(body) : undefined,
      });
      return { status: res.status, body: (await res.json()) as any };
    };
    return { service, call };
  }

  /** The sealed personal data of a person as the log holds it, opened with the key store of `dataDir`. */
  async function openSealed(dataDir: string, personId: string): Promise<unknown> {
    const sql = await openPglite(join(dataDir, 'pglite'), { syncOnCommit: false });
    try {
      const r = await sql.query<{ personal: string }>(
        `SELECT data->>'personal' AS personal FROM events WHERE type = 'PersonRegistered' AND data->>'personId' = $1`,
        [personId],
      );
      const cipher = new PersonalDataCipher(new KeyStore(sql, await MasterKey.loadOrCreateFile(dataDir)));
      return await cipher.decrypt(personId, r.rows[0].personal).catch((e: unknown) => e);
    } finally {
      await sql.close();
    }
  }

  it('backs up while the service writes; the restore verifies and serves the same case; a later erasure is replayed', async () => {
    const office = await newDir('office');
    const a = await serve(office);
    const made = await a.call('liaison_officer', 'POST', '/cases', newCase);
    const caseId = made.body.id as string;
    const p1 = (await a.call('liaison_officer', 'POST', `/cases/${caseId}/persons`, presumedVictim)).body.id as string;
    const p2 = (await a.call('liaison_officer', 'POST', `/cases/${caseId}/persons`, secondPerson)).body.id as string;
    expect((await a.call('admin', 'POST', '/integrity/checkpoints', {})).status).toBe(201);
    const casePage = await a.call('liaison_officer', 'GET', `/cases/${caseId}`);
    expect(casePage.status).toBe(200);
    expect(JSON.stringify(casePage.body)).toContain(secondPerson.fullName);

    // Other cases keep being opened while the backup is taken.
    const acked: bigint[] = [];
    const wrote = new EventEmitter();
    let writing = true;
    const writer = (async () => {
      while (writing) {
        const r = await a.call('liaison_officer', 'POST', '/cases', newCase);
        if (r.status !== 201) throw new Error(`write refused: ${r.status}`);
        acked.push(BigInt(r.body.position));
        wrote.emit('write');
      }
    })().catch((error: unknown) => {
      wrote.emit('error', error); // a waiting `until` fails instead of waiting for ever
      throw error;
    });
    const until = async (n: number) => {
      while (acked.length < n) await once(wrote, 'write');
    };
    await until(3);
    const data0 = join(office, '..', `${office.split('/').pop()}-data0.backup`);
    const keys0 = join(office, '..', `${office.split('/').pop()}-keys0.backup`);
    const data1 = join(office, '..', `${office.split('/').pop()}-data1.backup`);
    dirs.push(data0, keys0, data1);
    const backup = await runCli(env(office), ['backup', data0, '--keys', keys0]);
    const ackedByThen = acked.length;
    await until(ackedByThen + 3);
    writing = false;
    await writer;
    expect({ code: backup.code, err: backup.err }).toMatchObject({
      code: 0,
      err: expect.stringMatching(/running service/),
    });

    const manifest = decodeBackup(await readFile(data0), 'data').manifest;
    const cut = BigInt(manifest.lastPosition);
    expect(acked.some((p) => p <= cut)).toBe(true); // written before the snapshot…
    expect(acked.some((p) => p > cut)).toBe(true); // …and after it: the service wrote throughout
    expect(manifest.holds.tables.subject_keys).toBeUndefined();
    const keysFile = decodeBackup(await readFile(keys0), 'keys');
    expect(keysFile.manifest.lastPosition).toBe(manifest.lastPosition); // the same snapshot
    const subjects = keysFile.tables[0].rows.map((r) => (JSON.parse(r) as { subject_id: string }).subject_id);
    expect(subjects).toEqual(expect.arrayContaining([p1, p2]));
    // No wrapped key anywhere in the data file, not even as a stray byte sequence.
    expect(gunzipSync(await readFile(data0)).toString('utf8')).not.toMatch(/mk1\./);

    // Erased after the backup; the next routine backup holds no keys, only the log with the erasure.
    expect((await a.call('supervisor', 'POST', `/persons/${p1}/erasure`, { reason: 'yêu cầu xóa' })).status).toBe(200);
    expect((await runCli(env(office), ['backup', data1])).code).toBe(0);
    await a.service.stop();

    // B: the first backup with its key store, into a new directory that holds only the instance's keys.
    const b = await newDir('restored');
    await cp(join(office, 'keys'), join(b, 'keys'), { recursive: true });
    const restored = await runCli(env(b), ['restore', data0, '--keys', keys0]);
    expect({ code: restored.code, err: restored.err }).toMatchObject({ code: 0 });
    expect(restored.err).toContain(`up to position ${manifest.lastPosition}`);
    const verified = await runCli(env(b), ['verify']);
    expect({ code: verified.code, valid: JSON.parse(verified.out).valid }).toEqual({ code: 0, valid: true });
    // Without the later log, this key store still opens the person erased since: the keys must be kept apart.
    expect(await openSealed(b, p1)).toMatchObject({ fullName: presumedVictim.fullName });
    const served = await serve(b);
    const again = await served.call('liaison_officer', 'GET', `/cases/${caseId}`);
    expect(again).toEqual(casePage);
    await served.service.stop();

    // C: the later data backup with the older key store: restore replays the erasure from the log.
    const c = await newDir('replayed');
    await cp(join(office, 'keys'), join(c, 'keys'), { recursive: true });
    const replayed = await runCli(env(c), ['restore', data1, '--keys', keys0]);
    expect({ code: replayed.code, err: replayed.err }).toMatchObject({ code: 0 });
    expect(replayed.err).toContain('erasures replayed from the log: 1 recorded, 1 key(s) destroyed now');
    expect((await runCli(env(c), ['verify'])).code).toBe(0);
    expect(await openSealed(c, p1)).toBeInstanceOf(DataErasedError);
    expect(await openSealed(c, p2)).toMatchObject({ fullName: secondPerson.fullName });
    // Replaying again finds nothing left to destroy.
    const twice = await runCli(env(c), ['erasures', 'replay']);
    expect({ code: twice.code, err: twice.err }).toMatchObject({
      code: 0,
      err: expect.stringContaining('1 recorded, 0 key(s) destroyed now'),
    });
    const servedC = await serve(c);
    expect((await servedC.call('liaison_officer', 'GET', `/persons/${p1}`)).body).toMatchObject({
      erased: true,
      personal: null,
    });
    expect((await servedC.call('liaison_officer', 'GET', `/persons/${p2}`)).body).toMatchObject({
      personal: expect.objectContaining({ fullName: secondPerson.fullName }),
    });
    await servedC.service.stop();
  }, 600_000);

  it('refuses a missing, damaged or foreign file, a non-empty directory and a wrong master key, writing nothing', async () => {
    const app = await startTestApp('pglite');
    const files = await newDir('files');
    const data = join(files, 'data.backup');
    const keys = join(files, 'keys.backup');
    try {
      const officer = await app.as('liaison_officer');
      await registerPerson(officer, await openCase(officer));
      // The in-process service answers on its socket too: this backup is online.
      const said: string[] = [];
      const backup = (dir: string, ...argv: string[]) =>
        backupCommand(parseArgs(['backup', ...argv]), loadConfig({ DATA_DIR: dir, PGLITE_SYNC: 'off' }), {
          say: (l) => said.push(l),
        });
      expect(await backup(app.config.dataDir, data, '--keys', keys)).toBe(0);
      expect(said[0]).toMatch(/running service/);
      expect(await backup(app.config.dataDir, data)).toBe(4); // never overwrites
      expect(said.at(-1)).toMatch(/exists already/);
    } finally {
      await app.close();
    }

    const target = await newDir('target');
    const restore = async (dir: string, argv: readonly string[], extra: Record<string, string> = {}) => {
      const said: string[] = [];
      const code = await restoreCommand(
        parseArgs(['restore', ...argv]),
        loadConfig({ DATA_DIR: dir, PGLITE_SYNC: 'off', ...extra }),
        { say: (l) => said.push(l) },
      );
      return { code, said: said.join('\n') };
    };
    const variant = async (name: string, change: (text: string) => string) => {
      const path = join(files, name);
      await writeFile(path, gzipSync(change(gunzipSync(await readFile(data)).toString('utf8'))));
      return path;
    };
    const flipped = join(files, 'flipped.backup');
    const bytes = await readFile(data);
    bytes[Math.floor(bytes.length / 2)] ^= 0xff;
    await writeFile(flipped, bytes);
    const edited = await variant('edited.backup', (t) => t.replace('"lang-son"', '"lao-cai"'));
    const future = await variant('future.backup', (t) => t.replace('"version":1', '"version":99'));

    // A real process: the exit code and the message an operator sees.
    const missing = await runCli(env(target), ['restore', join(files, 'nope.backup'), '--keys', keys]);
    expect(missing).toMatchObject({ code: 3, err: expect.stringContaining('cannot be read') });

    expect(await restore(target, [flipped, '--keys', keys])).toMatchObject({
      code: 3,
      said: expect.stringMatching(/not a gzip|damaged/),
    });
    expect(await restore(target, [edited, '--keys', keys])).toMatchObject({
      code: 3,
      said: expect.stringContaining('checksum does not match'),
    });
    expect(await restore(target, [future, '--keys', keys])).toMatchObject({
      code: 3,
      said: expect.stringContaining('version 99'),
    });
    expect(await restore(target, [keys, '--keys', data])).toMatchObject({
      code: 3,
      said: expect.stringContaining('keys backup, not a data backup'),
    });
    expect(await restore(target, [data])).toMatchObject({ code: 2, said: expect.stringContaining('usage') });
    // The key store needs the master key that wrapped it: absent, or another one, is refused.
    expect(await restore(target, [data, '--keys', keys])).toMatchObject({
      code: 4,
      said: expect.stringContaining('MASTER_KEY'),
    });
    const other = { MASTER_KEY: Buffer.alloc(32, 9).toString('base64') };
    expect(await restore(target, [data, '--keys', keys], other)).toMatchObject({
      code: 4,
      said: expect.stringContaining('is not the one'),
    });
    expect(await readdir(target)).toEqual([]); // nothing written by any refusal

    const used = await newDir('used');
    await mkdir(join(used, 'pglite'));
    await writeFile(join(used, 'notes.txt'), 'x');
    expect(await restore(used, [data, '--without-keys'])).toMatchObject({
      code: 4,
      said: expect.stringContaining('not empty'),
    });
    expect((await readdir(used)).sort()).toEqual(['notes.txt', 'pglite']);
    expect(await readdir(join(used, 'pglite'))).toEqual([]);
  }, 300_000);
});
