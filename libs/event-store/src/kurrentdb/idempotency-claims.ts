import type { IdempotencyRecord } from '../event-store.port.js';
import type { SqlClient } from '../sql/sql-client.js';

/**
 * Idempotency records of the KurrentDB store, kept in PostgreSQL in the same table shape as the SQL
 * store's (event-store.schema.ts), so tooling and queries do not care which store wrote them.
 *
 * KurrentDB and PostgreSQL share no transaction, so "events and key in one commit" cannot hold
 * (ADR 0006). What holds instead: the key is CLAIMED before the append (a second request with the
 * same key is refused before it can write anything), and the answer is filled in after. A process
 * that dies between the append and the fill-in leaves a claim with no answer: the key then stays
 * refused — it never writes twice — and a retry is told the outcome is unknown instead of getting a
 * made-up answer. A claim whose append never happened is released when the append fails.
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS idempotency_keys (
  key          text        PRIMARY KEY,
  request_hash text        NOT NULL,
  response     jsonb       NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now()
);
`;

/** The response column's value while the append is in flight (never a real answer: those are objects from handlers). */
const PENDING_MARK = '$blo.pending';

export type Lookup =
  | { readonly state: 'absent' }
  | { readonly state: 'pending' }
  | { readonly state: 'done'; readonly record: IdempotencyRecord };

export { IdempotencyOutcomeUnknownError } from '../event-store.errors.js';

const toJson = (value: unknown): string =>
  JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)) ?? 'null';

export class IdempotencyClaims {
  constructor(private readonly sql: SqlClient) {}

  async migrate(): Promise<void> {
    await this.sql.query(SCHEMA);
  }

  /** True when this caller now holds the key; false when someone already did. */
  async claim(key: string, requestHash: string): Promise<boolean> {
    const r = await this.sql.query(
      `INSERT INTO idempotency_keys (key, request_hash, response) VALUES ($1, $2, jsonb_build_object($3::text, true))
       ON CONFLICT (key) DO NOTHING`,
      [key, requestHash, PENDING_MARK],
      'kdb_idem_claim',
    );
    return r.rowCount === 1;
  }

  async complete(key: string, response: unknown): Promise<void> {
    await this.sql.query(
      'UPDATE idempotency_keys SET response = $2::jsonb WHERE key = $1',
      [key, toJson(response)],
      'kdb_idem_complete',
    );
  }

  /** Only for an append known NOT to have happened (the server refused it). */
  async release(key: string): Promise<void> {
    await this.sql.query(
      'DELETE FROM idempotency_keys WHERE key = $1 AND response ? $2',
      [key, PENDING_MARK],
      'kdb_idem_release',
    );
  }

  async lookup(key: string): Promise<Lookup> {
    const r = await this.sql.query<{ key: string; request_hash: string; response: unknown }>(
      'SELECT key, request_hash, response FROM idempotency_keys WHERE key = $1',
      [key],
      'kdb_idem_find',
    );
    const row = r.rows[0];
    if (!row) return { state: 'absent' };
    if (isPending(row.response)) return { state: 'pending' };
    return { state: 'done', record: { key: row.key, requestHash: row.request_hash, response: row.response } };
  }
}

const isPending = (response: unknown): boolean =>
  typeof response === 'object' && response !== null && PENDING_MARK in response;
