import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { SqlClient } from '#event-store';
import type { Principal } from '#security';

export interface SessionLimits {
  /** A session unused this long ends. */
  readonly idleSeconds: number;
  /** A session ends this long after sign-in, used or not. */
  readonly maxSeconds: number;
}

/** What the browser gets: the cookie's token (only its hash is stored) and the CSRF token derived from it. */
export interface OpenedSession {
  readonly token: string;
  readonly csrfToken: string;
  readonly expiresAt: Date;
}

/** Who stands behind a session: a local account (with the epoch it was opened in) or none (OIDC). */
export interface SessionOwner {
  readonly accountId: string;
  readonly epoch: number;
}

export interface ResolvedSession {
  readonly principal: Principal;
  readonly accountId: string | null;
}

interface Row {
  account_id: string | null;
  epoch: number | null;
  principal: Principal;
  last_seen_at: Date;
  expires_at: Date;
  current_epoch: number | null;
}

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

const hashOf = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

/**
 * The CSRF token of a session: a hash of its secret under another label. The server recomputes it
 * from the cookie on every request, so nothing more is stored, and knowing it reveals nothing of
 * the cookie. A cross-site page can neither read the cookie nor this value, so it cannot send it.
 */
export const csrfTokenOf = (token: string): string =>
  createHash('sha256').update(`blo-ledger/csrf/${token}`, 'utf8').digest('base64url');

export function csrfMatches(token: string, presented: string | undefined): boolean {
  if (typeof presented !== 'string') return false;
  const expected = Buffer.from(csrfTokenOf(token));
  const given = Buffer.from(presented);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * Server-side sessions in user_sessions (account-tables.ts), the same SQL on PGlite and
 * PostgreSQL. The clock is a parameter so the idle and absolute limits can be tested without waiting.
 */
export class SessionStore {
  /** last_seen_at is written at most this often: one statement per request, not two. */
  private readonly touchEveryMs: number;

  constructor(
    private readonly sql: SqlClient,
    private readonly limits: SessionLimits,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.touchEveryMs = Math.min(60_000, (limits.idleSeconds * 1000) / 4);
  }

  async open(principal: Principal, owner: SessionOwner | null): Promise<OpenedSession> {
    const now = this.clock();
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + this.limits.maxSeconds * 1000);
    await this.purgeEnded(now);
    await this.sql.query(
      `INSERT INTO user_sessions (token_hash, account_id, epoch, user_id, principal, created_at, last_seen_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $6, $7)`,
      [
        hashOf(token),
        owner?.accountId ?? null,
        owner?.epoch ?? null,
        principal.userId,
        JSON.stringify(principal),
        now,
        expiresAt,
      ],
      'user_sessions_open',
    );
    return { token, csrfToken: csrfTokenOf(token), expiresAt };
  }

  /**
   * The principal of a live session, or null: unknown token, idle too long, past its absolute
   * lifetime, or opened before a change to its account (disabled, password or rights changed).
   */
  async resolve(token: string): Promise<ResolvedSession | null> {
    if (!TOKEN.test(token)) return null;
    const hash = hashOf(token);
    const r = await this.sql.query<Row>(
      `SELECT s.account_id, s.epoch, s.principal, s.last_seen_at, s.expires_at, c.session_epoch AS current_epoch
         FROM user_sessions s LEFT JOIN account_credentials c ON c.account_id = s.account_id
        WHERE s.token_hash = $1`,
      [hash],
      'user_sessions_resolve',
    );
    const row = r.rows[0];
    if (!row) return null;
    const now = this.clock().getTime();
    const idle = now - row.last_seen_at.getTime() >= this.limits.idleSeconds * 1000;
    const expired = now >= row.expires_at.getTime();
    const superseded = row.account_id !== null && row.epoch !== row.current_epoch;
    if (idle || expired || superseded) {
      await this.sql.query('DELETE FROM user_sessions WHERE token_hash = $1', [hash], 'user_sessions_end');
      return null;
    }
    if (now - row.last_seen_at.getTime() >= this.touchEveryMs) {
      await this.sql.query(
        'UPDATE user_sessions SET last_seen_at = $2 WHERE token_hash = $1',
        [hash, new Date(now)],
        'user_sessions_touch',
      );
    }
    return { principal: row.principal, accountId: row.account_id };
  }

  /** Signs out: the session ends whatever its state. True when there was one. */
  async end(token: string): Promise<boolean> {
    if (!TOKEN.test(token)) return false;
    const r = await this.sql.query(
      'DELETE FROM user_sessions WHERE token_hash = $1',
      [hashOf(token)],
      'user_sessions_end',
    );
    return r.rowCount > 0;
  }

  /** Every session of the account ends at once (disabled, password or rights changed). */
  async endAllOf(accountId: string): Promise<number> {
    const r = await this.sql.query('DELETE FROM user_sessions WHERE account_id = $1', [accountId]);
    return r.rowCount;
  }

  /** Rows of ended sessions are removed when the next one opens; nothing else needs them. */
  private async purgeEnded(now: Date): Promise<void> {
    const idleSince = new Date(now.getTime() - this.limits.idleSeconds * 1000);
    await this.sql.query(
      'DELETE FROM user_sessions WHERE expires_at <= $1 OR last_seen_at <= $2',
      [now, idleSince],
      'user_sessions_purge',
    );
  }
}
