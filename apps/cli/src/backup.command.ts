import { access, readFile, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import type { AppConfig } from '#config';
import {
  backupSocketPath,
  BackupFileError,
  decodeBackup,
  encodeBackup,
  exportSnapshot,
  importSnapshot,
  KEY_TABLE,
  openEventStore,
  openPglite,
  socketAnswers,
  type StoreSnapshot,
} from '#event-store';
import { type ParsedArgs, one } from './cli-args.js';
import { checkTarget, masterKeyIdsOf, openKeyStore, replayErasures, writeNew } from './backup-support.js';

export const BACKUP_USAGE = 'npm run cli -- backup <file> [--keys <keys-file>]   (embedded store; the service may run)';
export const RESTORE_USAGE =
  'npm run cli -- restore <file> (--keys <keys-file> | --without-keys)   (into an empty DATA_DIR; then start the service)';
export const ERASURES_USAGE = 'npm run cli -- erasures replay   (after a restore, pg_restore or PITR; service stopped)';

/** Exit codes beyond 0 (done), 1 (failed) and 2 (usage): */
export const EXIT_BAD_BACKUP = 3; // missing, not ours, unknown version, damaged
export const EXIT_REFUSED = 4; // target not empty, wrong master key, service running

export interface BackupIo {
  readonly say: (line: string) => void;
}

/**
 * `backup <file>`: events, read models and every other table but the key store, from one
 * snapshot (ADR 0017). With `--keys <keys-file>` the key store of the same snapshot goes to that
 * second file, to be kept apart. A running service is asked over its socket in DATA_DIR (it
 * owns PGlite); otherwise the CLI opens the directory itself.
 */
export async function backupCommand(args: ParsedArgs, config: AppConfig, io: BackupIo): Promise<number> {
  const [file] = args.rest;
  const keysFile = one(args, 'keys');
  if (!file || keysFile === 'true' || keysFile === file) {
    io.say(`usage: ${BACKUP_USAGE}`);
    return 2;
  }
  if (config.eventStore !== 'pglite') {
    io.say('on a PostgreSQL server, back up with pg_dump or base backups and WAL archiving: see docs/durability.md');
    return 2;
  }
  for (const target of [file, keysFile])
    if (target && (await exists(target))) {
      io.say(`${target} exists already; a backup never overwrites a file`);
      return EXIT_REFUSED;
    }
  const started = Date.now();
  const socket = backupSocketPath(config.dataDir);
  const online = await socketAnswers(socket);
  if (!online && !(await exists(join(config.dataDir, 'pglite')))) {
    io.say(`no embedded store in ${config.dataDir} (set DATA_DIR)`);
    return EXIT_REFUSED;
  }
  const snapshot = online
    ? await askService(socket, keysFile !== undefined)
    : await direct(config, keysFile !== undefined);
  const head = {
    createdAt: new Date().toISOString(),
    lastPosition: snapshot.lastPosition,
    headHash: snapshot.headHash,
  };
  const data = encodeBackup({ kind: 'data', ...head }, snapshot.tables, snapshot.views);
  await writeNew(file, data);
  const events = snapshot.tables.find((t) => t.name === 'events')?.rows.length ?? 0;
  io.say(
    `backup of ${online ? 'the running service' : config.dataDir}: ${events} events up to position ${snapshot.lastPosition}, ` +
      `${snapshot.tables.length} tables, no keys → ${file} (${data.length} bytes, ${Date.now() - started} ms)`,
  );
  if (keysFile && !snapshot.keys) io.say(`this store has no key store yet: ${keysFile} not written`);
  if (keysFile && snapshot.keys) {
    const keys = encodeBackup(
      { kind: 'keys', ...head, masterKeyIds: masterKeyIdsOf(snapshot.keys) },
      [snapshot.keys],
      [],
    );
    await writeNew(keysFile, keys);
    io.say(
      `key store of the same snapshot: ${snapshot.keys.rows.length} subjects → ${keysFile}; keep it apart from ${file}`,
    );
  }
  return 0;
}

/**
 * `restore <file>` into DATA_DIR, which must be new (a `keys` folder the operator put there,
 * holding the master key, is the only thing allowed in it). Every check is made before anything
 * is written; then the tables, the key store and the erasure replay.
 */
export async function restoreCommand(args: ParsedArgs, config: AppConfig, io: BackupIo): Promise<number> {
  const [file] = args.rest;
  const keysFile = one(args, 'keys');
  const without = one(args, 'without-keys') === 'true';
  if (!file || (keysFile === undefined) === !without || keysFile === 'true') {
    io.say(`usage: ${RESTORE_USAGE}`);
    return 2;
  }
  if (config.eventStore !== 'pglite') {
    io.say('on a PostgreSQL server, restore with pg_restore or PITR, then: npm run cli -- erasures replay');
    return 2;
  }
  let data, keys;
  try {
    data = decodeBackup(await readBackup(file), 'data');
    keys = keysFile ? decodeBackup(await readBackup(keysFile), 'keys') : null;
  } catch (error) {
    if (!(error instanceof BackupFileError)) throw error;
    io.say(`cannot restore: ${error.message}`);
    return EXIT_BAD_BACKUP;
  }
  const refusal = await checkTarget(config, keys?.manifest.masterKeyIds ?? []);
  if (refusal) {
    io.say(`cannot restore: ${refusal}`);
    return EXIT_REFUSED;
  }
  const restored = await restoreInto(config, data, keys);
  io.say(
    `restored ${restored.events} events up to position ${data.manifest.lastPosition} (backup of ${data.manifest.createdAt}) into ${config.dataDir}`,
  );
  io.say(
    keys
      ? `key store: ${restored.subjects} subjects from ${keysFile} (of ${keys.manifest.createdAt}); ` +
          `${restored.keyless} person(s) in the log have no key in it and stay unreadable`
      : 'no key store restored: personal data recorded before the backup cannot be read',
  );
  io.say(
    `erasures replayed from the log: ${restored.erasures.recorded} recorded, ${restored.erasures.shredded} key(s) destroyed now`,
  );
  return 0;
}

/** `erasures replay`: makes the key store agree with every erasure the event log records. */
export async function erasuresCommand(args: ParsedArgs, config: AppConfig, io: BackupIo): Promise<number> {
  if (args.rest[0] !== 'replay' || config.eventStore === 'kurrentdb') {
    io.say(`usage: ${ERASURES_USAGE} (PGlite or PostgreSQL)`);
    return 2;
  }
  if (config.eventStore === 'pglite' && (await socketAnswers(backupSocketPath(config.dataDir)))) {
    io.say(`the service owns ${config.dataDir}; stop it first`);
    return EXIT_REFUSED;
  }
  if (config.eventStore === 'pglite' && !(await exists(join(config.dataDir, 'pglite')))) {
    io.say(`no embedded store in ${config.dataDir} (set DATA_DIR)`);
    return EXIT_REFUSED;
  }
  const opened = await openEventStore(config);
  try {
    const r = await replayErasures(opened.sql, await openKeyStore(opened.sql, config));
    io.say(`erasures replayed from the log: ${r.recorded} recorded, ${r.shredded} key(s) destroyed now`);
    return 0;
  } finally {
    await opened.close();
  }
}

async function restoreInto(
  config: AppConfig,
  data: ReturnType<typeof decodeBackup>,
  keys: ReturnType<typeof decodeBackup> | null,
) {
  // The bare database, not openEventStore: that would create the (empty) tables the backup brings.
  const sql = await openPglite(join(config.dataDir, 'pglite'), { syncOnCommit: config.pglite.syncOnCommit });
  try {
    await importSnapshot(sql, data.tables, data.views);
    if (keys)
      await importSnapshot(
        sql,
        keys.tables.filter((t) => t.name === KEY_TABLE),
        [],
      );
    const check = await sql.query<{ n: string; hash: string | null }>(
      `SELECT (SELECT count(*) FROM events)::text AS n, (SELECT metadata->>'hash' FROM events WHERE position = $1::bigint) AS hash`,
      [data.manifest.lastPosition],
    );
    const events = Number(check.rows[0].n);
    if (events !== data.manifest.holds.tables.events || (check.rows[0].hash ?? null) !== data.manifest.headHash)
      throw new Error('the restored log does not end where the backup says it does');
    const erasures = await replayErasures(sql, await openKeyStore(sql, config));
    // Persons registered after the key store's backup: their data came back sealed, their key did not.
    const keyless = await sql.query<{ n: string }>(
      `SELECT count(*)::text AS n FROM events e WHERE e.type = 'PersonRegistered'
          AND NOT EXISTS (SELECT 1 FROM ${KEY_TABLE} k WHERE k.subject_id = e.data->>'personId')`,
    );
    await sql.close();
    return {
      events,
      subjects: keys?.manifest.holds.tables[KEY_TABLE] ?? 0,
      erasures,
      keyless: Number(keyless.rows[0].n),
    };
  } catch (error) {
    await sql.close().catch(() => undefined);
    await rm(join(config.dataDir, 'pglite'), { recursive: true, force: true });
    throw error;
  }
}

async function readBackup(file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch {
    throw new BackupFileError(`${file} cannot be read (no such file?)`);
  }
}

const exists = (path: string): Promise<boolean> =>
  access(path).then(
    () => true,
    () => false,
  );

async function direct(config: AppConfig, withKeys: boolean): Promise<StoreSnapshot> {
  const opened = await openEventStore(config);
  try {
    return await exportSnapshot(opened.sql, { withKeys });
  } finally {
    await opened.close();
  }
}

/** The running service's snapshot, over the Unix socket in DATA_DIR. */
function askService(socketPath: string, withKeys: boolean): Promise<StoreSnapshot> {
  return new Promise((resolve, reject) => {
    const req = request({ socketPath, path: `/snapshot${withKeys ? '?keys=1' : ''}`, method: 'GET' }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        if (res.statusCode !== 200) reject(new Error(`the service could not take the snapshot (${res.statusCode})`));
        else resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as StoreSnapshot);
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}
