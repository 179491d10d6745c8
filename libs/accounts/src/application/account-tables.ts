import type { SqlClient } from '#event-store';

const MIGRATION_LOCK = 0x0b10_0007; // any constant shared by every instance migrating these tables

/**
 * Two tables beside the events, never in them:
 * - account_credentials: the Argon2id PHC string of each local account, and the account's session
 *   epoch: every change to who the account is or may be bumps it, so no session opened before
 *   the change is honoured after it, even one opened by a sign-in racing the change.
 * - user_sessions: server-side sessions, keyed by the SHA-256 of the cookie's token (a copy of
 *   the table does not let anyone sign in). `account_id` and `epoch` are null for a session that
 *   no local account stands behind (a sign-in through an OpenID provider).
 */
const SCHEMA = [
  `CREATE TABLE IF NOT EXISTS account_credentials (
     account_id text PRIMARY KEY,
     username text NOT NULL UNIQUE,
     password_phc text NOT NULL,
     session_epoch integer NOT NULL DEFAULT 0,
     changed_at timestamptz NOT NULL
   )`,
  `CREATE TABLE IF NOT EXISTS user_sessions (
     token_hash text PRIMARY KEY,
     account_id text,
     epoch integer,
     user_id text NOT NULL,
     principal jsonb NOT NULL,
     created_at timestamptz NOT NULL,
     last_seen_at timestamptz NOT NULL,
     expires_at timestamptz NOT NULL,
     CONSTRAINT user_sessions_epoch_with_account CHECK ((account_id IS NULL) = (epoch IS NULL))
   )`,
  'CREATE INDEX IF NOT EXISTS user_sessions_account ON user_sessions (account_id)',
  'CREATE INDEX IF NOT EXISTS user_sessions_expires ON user_sessions (expires_at)',
];

/** Idempotent; several instances starting together serialise on an advisory lock. */
export async function migrateAccountTables(sql: SqlClient): Promise<void> {
  await sql.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    for (const statement of SCHEMA) await tx.query(statement);
  });
}
