import type { SqlClient } from '#event-store';

export interface Credential {
  readonly accountId: string;
  readonly username: string;
  readonly phc: string;
  readonly epoch: number;
}

interface Row {
  account_id: string;
  username: string;
  password_phc: string;
  session_epoch: number;
}

/** Password hashes and session epochs of local accounts (account_credentials, see account-tables.ts). */
export class CredentialStore {
  constructor(private readonly sql: SqlClient) {}

  async find(accountId: string): Promise<Credential | null> {
    const r = await this.sql.query<Row>(
      'SELECT account_id, username, password_phc, session_epoch FROM account_credentials WHERE account_id = $1',
      [accountId],
      'account_credentials_find',
    );
    const row = r.rows[0];
    return row
      ? { accountId: row.account_id, username: row.username, phc: row.password_phc, epoch: row.session_epoch }
      : null;
  }

  /** Sets (or replaces) the hash; a replaced password also ends every session opened with the old one. */
  async setPassword(accountId: string, username: string, phc: string, at: Date): Promise<void> {
    await this.sql.query(
      `INSERT INTO account_credentials (account_id, username, password_phc, session_epoch, changed_at)
       VALUES ($1, $2, $3, 0, $4)
       ON CONFLICT (account_id) DO UPDATE
         SET password_phc = EXCLUDED.password_phc, changed_at = EXCLUDED.changed_at,
             session_epoch = account_credentials.session_epoch + 1`,
      [accountId, username, phc, at],
      'account_credentials_set',
    );
  }

  /** No session opened before this call is honoured after it. */
  async bumpEpoch(accountId: string): Promise<void> {
    await this.sql.query(
      'UPDATE account_credentials SET session_epoch = session_epoch + 1 WHERE account_id = $1',
      [accountId],
      'account_credentials_bump',
    );
  }

  /** Every local account's id, by name: the accounts themselves are read from their streams. */
  async accountIds(): Promise<string[]> {
    const r = await this.sql.query<{ account_id: string }>(
      'SELECT account_id FROM account_credentials ORDER BY username',
    );
    return r.rows.map((row) => row.account_id);
  }
}
