import { randomBytes } from 'node:crypto';
import { access, link, open, readdir, unlink } from 'node:fs/promises';
import type { AppConfig } from '#config';
import type { SqlClient, TableDump } from '#event-store';
import { KeyStore, MasterKey, masterKeyPath } from '#security';

/** The erasure event of a person (libs/persons): its `personId` is the subject whose key goes. */
const ERASURE_EVENT = 'PersonalDataErased';

/**
 * Replays every erasure the log records onto the key store (ADR 0017). A key store restored
 * from a backup taken before an erasure still holds that person's key; the log, restored from
 * a later backup, says the person was erased: the key is destroyed again, at the time recorded.
 */
export async function replayErasures(sql: SqlClient, keys: KeyStore): Promise<{ recorded: number; shredded: number }> {
  const r = await sql.query<{ subject: string; at: Date }>(
    `SELECT data->>'personId' AS subject, recorded_at AS at FROM events WHERE type = $1 ORDER BY position`,
    [ERASURE_EVENT],
  );
  let shredded = 0;
  for (const row of r.rows) if (await keys.shredAsRecorded(row.subject, row.at)) shredded += 1;
  return { recorded: r.rows.length, shredded };
}

/** The master key this instance would use, without creating one (a restore must not invent it). */
async function existingMasterKey(config: AppConfig): Promise<MasterKey | null> {
  if (config.crypto.masterKey !== null) return MasterKey.fromBase64(config.crypto.masterKey);
  const found = await access(masterKeyPath(config.dataDir)).then(
    () => true,
    () => false,
  );
  return found ? MasterKey.loadOrCreateFile(config.dataDir) : null;
}

/**
 * A key store for shredding only. Destroying a key needs no master key, so where none exists yet
 * a throwaway one stands in rather than a new file being written into DATA_DIR/keys.
 */
export async function openKeyStore(sql: SqlClient, config: AppConfig): Promise<KeyStore> {
  const master = (await existingMasterKey(config)) ?? MasterKey.fromBase64(randomBytes(32).toString('base64'));
  const keys = new KeyStore(sql, master, { cacheSize: 0 });
  await keys.migrate();
  return keys;
}

/** Fingerprints of the master keys that wrapped the keys in a key-store dump (`mk1.<id>.…`). */
export function masterKeyIdsOf(keys: TableDump): string[] {
  const ids = new Set<string>();
  for (const row of keys.rows) {
    const wrapped = (JSON.parse(row) as { wrapped_key: string | null }).wrapped_key;
    if (wrapped) ids.add(wrapped.split('.')[1] ?? '');
  }
  return [...ids];
}

/**
 * Why DATA_DIR cannot take a restore, or null. It must be new: nothing in it but a `keys`
 * folder with the instance's keys, and, when a key store is restored, the master key that
 * wrapped it must be there (or in MASTER_KEY), or every restored person would stay unreadable.
 */
export async function checkTarget(config: AppConfig, masterKeyIds: readonly string[]): Promise<string | null> {
  const entries = await readdir(config.dataDir).catch(() => [] as string[]);
  const other = entries.filter((e) => e !== 'keys');
  if (other.length > 0)
    return `${config.dataDir} is not empty (it holds ${other.join(', ')}); restore into a new data directory`;
  if (masterKeyIds.length === 0) return null;
  const master = await existingMasterKey(config);
  if (!master)
    return `the key store is wrapped by master key ${masterKeyIds.join(', ')}: set MASTER_KEY or copy master.key into ${config.dataDir}/keys first`;
  if (!masterKeyIds.includes(master.id))
    return `the master key here (${master.id}) is not the one that wraps the key store (${masterKeyIds.join(', ')})`;
  return null;
}

/** Writes a file that did not exist (never replaces one), readable by its owner only, flushed. */
export async function writeNew(path: string, bytes: Buffer): Promise<void> {
  const temp = `${path}.${process.pid}.partial`;
  const handle = await open(temp, 'wx', 0o600);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await link(temp, path); // fails instead of replacing a file that appeared meanwhile
  } finally {
    await unlink(temp);
  }
}
