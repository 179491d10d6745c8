import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { TableDump, ViewDump } from './store-snapshot.js';

export const BACKUP_FORMAT = 'blo-ledger-backup';
export const BACKUP_VERSION = 1;

/**
 * `data`: events, read models, integrity index, accounts — every table but the key store.
 * `keys`: the key store alone (wrapped per-person keys), written to its own file (ADR 0017).
 */
export type BackupKind = 'data' | 'keys';

export interface BackupManifest {
  readonly format: typeof BACKUP_FORMAT;
  readonly version: number;
  readonly kind: BackupKind;
  readonly createdAt: string;
  /** Last global position of the event log in the snapshot the file was cut from. */
  readonly lastPosition: string;
  /** Hash of the event at that position (null for an empty log). */
  readonly headHash: string | null;
  /** Tables and row counts, views by name. */
  readonly holds: { readonly tables: Readonly<Record<string, number>>; readonly views: readonly string[] };
  /** For a keys file: the fingerprint of the master key that wraps the keys (never the key). */
  readonly masterKeyIds?: readonly string[];
  /** SHA-256 (hex) of everything after the manifest line. */
  readonly sha256: string;
}

export interface BackupContent {
  readonly manifest: BackupManifest;
  readonly tables: readonly TableDump[];
  readonly views: readonly ViewDump[];
}

/** A file restore cannot use: missing, not ours, of an unknown version, or damaged. */
export class BackupFileError extends Error {
  override readonly name = 'BackupFileError';
}

/**
 * The file: gzip of one JSON manifest line, then the body — one line per table header
 * (`T {…}`), per row (`R {…}`, the row's JSON as the database wrote it) and per view (`V {…}`).
 * The manifest's checksum covers the body, so a flipped byte is found before anything is restored.
 */
export function encodeBackup(
  head: Omit<BackupManifest, 'format' | 'version' | 'sha256' | 'holds'>,
  tables: readonly TableDump[],
  views: readonly ViewDump[],
): Buffer {
  const lines: string[] = [];
  for (const t of tables) {
    const { rows, ...ddl } = t;
    lines.push(`T ${JSON.stringify(ddl)}`);
    for (const row of rows) lines.push(`R ${row}`);
  }
  for (const v of views) lines.push(`V ${JSON.stringify(v)}`);
  const body = lines.join('\n');
  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    ...head,
    holds: { tables: Object.fromEntries(tables.map((t) => [t.name, t.rows.length])), views: views.map((v) => v.name) },
    sha256: createHash('sha256').update(body).digest('hex'),
  };
  return gzipSync(`${JSON.stringify(manifest)}\n${body}`);
}

/** Reads and checks a backup file's bytes; throws BackupFileError with what is wrong. */
export function decodeBackup(bytes: Buffer, expected: BackupKind): BackupContent {
  let text: string;
  try {
    text = gunzipSync(bytes).toString('utf8');
  } catch {
    throw new BackupFileError('not a BLO Ledger backup (not a gzip file, or cut short)');
  }
  const newline = text.indexOf('\n');
  const manifest = parseManifest(newline < 0 ? text : text.slice(0, newline));
  if (manifest.kind !== expected)
    throw new BackupFileError(
      `this is a ${manifest.kind} backup, not a ${expected} backup (${expected === 'keys' ? 'pass the keys file to --keys' : 'pass the data file first'})`,
    );
  const body = newline < 0 ? '' : text.slice(newline + 1);
  if (createHash('sha256').update(body).digest('hex') !== manifest.sha256)
    throw new BackupFileError('the backup is damaged: its checksum does not match its content');
  const views: ViewDump[] = [];
  const all: TableDump[] = [];
  for (const line of body === '' ? [] : body.split('\n')) {
    const tag = line.slice(0, 2);
    if (tag === 'R ' && all.length > 0) (all.at(-1)!.rows as string[]).push(line.slice(2));
    else if (tag === 'T ') all.push({ ...(JSON.parse(line.slice(2)) as Omit<TableDump, 'rows'>), rows: [] });
    else if (tag === 'V ') views.push(JSON.parse(line.slice(2)) as ViewDump);
    else throw new BackupFileError('the backup is damaged: a line of unknown kind');
  }
  return { manifest, tables: all, views };
}

function parseManifest(line: string): BackupManifest {
  let m: Partial<BackupManifest>;
  try {
    m = JSON.parse(line) as Partial<BackupManifest>;
  } catch {
    throw new BackupFileError('not a BLO Ledger backup (no manifest)');
  }
  if (typeof m !== 'object' || m === null || m.format !== BACKUP_FORMAT)
    throw new BackupFileError('not a BLO Ledger backup (no manifest)');
  if (m.version !== BACKUP_VERSION)
    throw new BackupFileError(
      `backup format version ${String(m.version)} is not one this build reads (it reads ${BACKUP_VERSION})`,
    );
  if ((m.kind !== 'data' && m.kind !== 'keys') || typeof m.sha256 !== 'string' || typeof m.lastPosition !== 'string')
    throw new BackupFileError('the backup is damaged: its manifest is incomplete');
  return m as BackupManifest;
}
