import { createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import type { SqlClient } from '#event-store';
import { LruCache } from '#shared-kernel';
import { DataErasedError, LegalHoldError, SubjectKeyNotFoundError } from './crypto.errors.js';
import type { MasterKey } from './master-key.js';

/** An unwrapped per-subject data key (AES-256). */
export interface DataKey {
  readonly subjectId: string;
  readonly version: number;
  readonly key: KeyObject;
}

export interface SubjectKeyStatus {
  readonly subjectId: string;
  readonly version: number;
  readonly createdAt: Date;
  readonly shreddedAt: Date | null;
  readonly legalHold: boolean;
  readonly holdReason: string | null;
}

export interface KeyStoreOptions {
  /** How many unwrapped keys to keep in memory (0 turns the cache off). */
  readonly cacheSize?: number;
  /**
   * How long a cached key is trusted before the row is read again: it bounds how long a key shredded
   * by ANOTHER process stays usable here (a shred in this process evicts at once).
   */
  readonly cacheTtlMs?: number;
  readonly clock?: () => number;
}

interface Row {
  subject_id: string;
  key_version: number;
  wrapped_key: string | null;
  created_at: Date;
  shredded_at: Date | null;
  legal_hold: boolean;
  hold_reason: string | null;
}

// One row per subject, apart from the events. After a shred the row stays (without its key) so
// the erasure itself remains on record and the subject can never silently get a fresh key.
const SCHEMA = `
CREATE TABLE IF NOT EXISTS subject_keys (
  subject_id text PRIMARY KEY,
  key_version integer NOT NULL DEFAULT 1,
  wrapped_key text,
  created_at timestamptz NOT NULL DEFAULT now(),
  shredded_at timestamptz,
  legal_hold boolean NOT NULL DEFAULT false,
  hold_reason text,
  hold_set_at timestamptz,
  CONSTRAINT subject_keys_key_iff_not_shredded CHECK ((wrapped_key IS NULL) = (shredded_at IS NOT NULL)),
  CONSTRAINT subject_keys_hold_has_reason CHECK (NOT legal_hold OR hold_reason IS NOT NULL)
)`;

const COLUMNS = 'subject_id, key_version, wrapped_key, created_at, shredded_at, legal_hold, hold_reason';
const MIGRATION_LOCK = 0x0b10_0004; // any constant shared by every instance migrating this table

/** The key store: per-subject data keys wrapped by the master key, in the `subject_keys` table. */
export class KeyStore {
  private readonly cache: LruCache<string, DataKey>;
  /** Bumped by every shred: a read that started before one must not cache what it read. */
  private shredGeneration = 0;

  constructor(
    private readonly sql: SqlClient,
    private readonly master: MasterKey,
    options: KeyStoreOptions = {},
  ) {
    this.cache = new LruCache(options.cacheSize ?? 1000, { ttlMs: options.cacheTtlMs ?? 60_000, clock: options.clock });
  }

  /** Idempotent; several instances starting together serialise on an advisory lock. */
  async migrate(): Promise<void> {
    await this.sql.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      await tx.query(SCHEMA);
    });
  }

  /** The subject's key, created on first use. Refused with DataErasedError once shredded. */
  async getOrCreate(subjectId: string): Promise<DataKey> {
    checkSubjectId(subjectId);
    const cached = this.cache.get(subjectId);
    if (cached) return cached;
    const generation = this.shredGeneration;
    let row = await this.row(subjectId);
    if (row === null) {
      // Two writers may race on a new subject: both insert, one wins, both read the winner.
      const raw = randomBytes(32);
      try {
        await this.sql.query(
          'INSERT INTO subject_keys (subject_id, key_version, wrapped_key) VALUES ($1, 1, $2) ON CONFLICT (subject_id) DO NOTHING',
          [subjectId, this.master.wrap(raw, wrapContext(subjectId, 1))],
          'subject_keys_insert',
        );
      } finally {
        raw.fill(0);
      }
      row = await this.row(subjectId);
      if (row === null) throw new SubjectKeyNotFoundError(subjectId);
    }
    return this.unwrap(row, generation);
  }

  /** The subject's existing key; SubjectKeyNotFoundError if none, DataErasedError if shredded. */
  async get(subjectId: string): Promise<DataKey> {
    checkSubjectId(subjectId);
    const cached = this.cache.get(subjectId);
    if (cached) return cached;
    const generation = this.shredGeneration;
    const row = await this.row(subjectId);
    if (row === null) throw new SubjectKeyNotFoundError(subjectId);
    return this.unwrap(row, generation);
  }

  async status(subjectId: string): Promise<SubjectKeyStatus | null> {
    const row = await this.row(subjectId);
    return row && toStatus(row);
  }

  /**
   * Crypto-shredding: the wrapped key is overwritten and the erasure time set, in one statement
   * that also checks the legal hold, so a hold set concurrently cannot be slipped past.
   * Shredding an already shredded subject changes nothing and returns its first erasure time.
   */
  async shred(subjectId: string): Promise<{ shreddedAt: Date; alreadyShredded: boolean }> {
    checkSubjectId(subjectId);
    this.shredGeneration += 1;
    this.cache.delete(subjectId);
    const done = await this.sql.query<{ shredded_at: Date }>(
      `UPDATE subject_keys SET wrapped_key = NULL, shredded_at = now()
        WHERE subject_id = $1 AND shredded_at IS NULL AND NOT legal_hold RETURNING shredded_at`,
      [subjectId],
      'subject_keys_shred',
    );
    this.shredGeneration += 1;
    this.cache.delete(subjectId);
    if (done.rowCount === 1) return { shreddedAt: done.rows[0].shredded_at, alreadyShredded: false };
    const row = await this.row(subjectId);
    if (row === null) throw new SubjectKeyNotFoundError(subjectId);
    if (row.shredded_at !== null) return { shreddedAt: row.shredded_at, alreadyShredded: true };
    throw new LegalHoldError(subjectId);
  }

  /**
   * After a restore (ADR 0017): the event log says this subject was erased at `erasedAt`, so
   * the key goes, whatever an older key-store backup brought back. The log is the authority:
   * a legal hold in that older copy, released before the erasure, does not stop it, and a
   * subject the copy does not know gets a shredded row so it can never receive a fresh key.
   * Returns whether a key was destroyed or a row written (false: already shredded).
   */
  async shredAsRecorded(subjectId: string, erasedAt: Date): Promise<boolean> {
    checkSubjectId(subjectId);
    this.shredGeneration += 1;
    this.cache.delete(subjectId);
    const done = await this.sql.query(
      `INSERT INTO subject_keys (subject_id, key_version, wrapped_key, shredded_at) VALUES ($1, 1, NULL, $2)
       ON CONFLICT (subject_id) DO UPDATE
         SET wrapped_key = NULL, shredded_at = EXCLUDED.shredded_at, legal_hold = false, hold_reason = NULL, hold_set_at = NULL
       WHERE subject_keys.shredded_at IS NULL`,
      [subjectId, erasedAt],
    );
    this.shredGeneration += 1;
    this.cache.delete(subjectId);
    return done.rowCount === 1;
  }

  /** Blocks erasure while proceedings need the evidence. The reason is kept (no personal data in it). */
  async setLegalHold(subjectId: string, reason: string): Promise<void> {
    checkSubjectId(subjectId);
    if (reason.trim() === '' || reason.length > 500)
      throw new RangeError('a legal hold needs a reason of 1 to 500 characters');
    const r = await this.sql.query(
      `UPDATE subject_keys SET legal_hold = true, hold_reason = $2, hold_set_at = now()
        WHERE subject_id = $1 AND shredded_at IS NULL`,
      [subjectId, reason.trim()],
    );
    if (r.rowCount === 0) await this.explainMissing(subjectId);
  }

  async releaseLegalHold(subjectId: string): Promise<void> {
    checkSubjectId(subjectId);
    const r = await this.sql.query(
      'UPDATE subject_keys SET legal_hold = false, hold_reason = NULL, hold_set_at = NULL WHERE subject_id = $1',
      [subjectId],
    );
    if (r.rowCount === 0) throw new SubjectKeyNotFoundError(subjectId);
  }

  /** Forget every cached key (e.g. after an erasure announced by another instance). */
  clearCache(): void {
    this.cache.clear();
  }

  private async explainMissing(subjectId: string): Promise<never> {
    const row = await this.row(subjectId);
    if (row === null) throw new SubjectKeyNotFoundError(subjectId);
    throw new DataErasedError(subjectId);
  }

  private async row(subjectId: string): Promise<Row | null> {
    const r = await this.sql.query<Row>(
      `SELECT ${COLUMNS} FROM subject_keys WHERE subject_id = $1`,
      [subjectId],
      'subject_keys_select',
    );
    return r.rows[0] ?? null;
  }

  private unwrap(row: Row, generation: number): DataKey {
    if (row.wrapped_key === null) {
      this.cache.delete(row.subject_id);
      throw new DataErasedError(row.subject_id);
    }
    const raw = this.master.unwrap(row.wrapped_key, wrapContext(row.subject_id, row.key_version));
    try {
      const dataKey: DataKey = { subjectId: row.subject_id, version: row.key_version, key: createSecretKey(raw) };
      if (generation === this.shredGeneration) this.cache.set(row.subject_id, dataKey);
      return dataKey;
    } finally {
      raw.fill(0);
    }
  }
}

const wrapContext = (subjectId: string, version: number): string => `blo-ledger/subject-key/${version}/${subjectId}`;

function checkSubjectId(subjectId: string): void {
  if (typeof subjectId !== 'string' || subjectId === '' || subjectId.length > 200) {
    throw new RangeError('a subject id is a non-empty string of at most 200 characters');
  }
}

function toStatus(row: Row): SubjectKeyStatus {
  return {
    subjectId: row.subject_id,
    version: row.key_version,
    createdAt: row.created_at,
    shreddedAt: row.shredded_at,
    legalHold: row.legal_hold,
    holdReason: row.hold_reason,
  };
}
