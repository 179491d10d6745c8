import { openPglite, type SqlClient } from '#event-store';
import type { Principal } from '#security';
import { migrateAccountTables } from './account-tables.js';
import { CredentialStore } from './credential-store.js';
import { SessionStore, csrfMatches, csrfTokenOf } from './session-store.js';

const hoa: Principal = {
  userId: 'hoa.nguyen',
  name: 'Nguyễn Thị Hoa',
  roles: ['liaison_officer'],
  unit: 'VN-LS-BLO',
  province: 'lang-son',
  gates: [],
};
const accountId = '0a6b3d1e-7c2f-5e4a-8b9c-1d2e3f4a5b6c';

describe('session store (PGlite, a clock the test moves)', () => {
  let sql: SqlClient;
  let now: number;
  let sessions: SessionStore;
  let credentials: CredentialStore;
  const later = (seconds: number) => (now += seconds * 1000);

  beforeAll(async () => {
    sql = await openPglite('memory://');
    await migrateAccountTables(sql);
    await migrateAccountTables(sql); // idempotent
  });
  afterAll(async () => sql.close());
  beforeEach(async () => {
    now = Date.parse('2026-03-05T02:00:00Z');
    await sql.query('DELETE FROM user_sessions');
    await sql.query('DELETE FROM account_credentials');
    credentials = new CredentialStore(sql);
    await credentials.setPassword(
      accountId,
      'hoa.nguyen',
      '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA',
      new Date(now),
    );
    sessions = new SessionStore(sql, { idleSeconds: 600, maxSeconds: 3600 }, () => new Date(now));
  });

  const open = async () => sessions.open(hoa, { accountId, epoch: (await credentials.find(accountId))!.epoch });

  it('keeps a session alive while it is used, and ends it after the idle limit', async () => {
    const s = await open();
    for (let i = 0; i < 5; i++) {
      later(500);
      expect((await sessions.resolve(s.token))?.principal).toEqual(hoa);
    }
    later(600);
    expect(await sessions.resolve(s.token)).toBeNull();
    // Ended for good: the row is gone, not merely refused.
    expect((await sql.query('SELECT 1 FROM user_sessions')).rowCount).toBe(0);
  });

  it('ends every session at its absolute lifetime, however busy', async () => {
    const s = await open();
    for (let i = 0; i < 7; i++) {
      later(500);
      expect(await sessions.resolve(s.token)).not.toBeNull();
    }
    later(100);
    expect(await sessions.resolve(s.token)).toBeNull();
  });

  it('does not honour a session opened before its account changed, even one opened in a race', async () => {
    const epochRead = (await credentials.find(accountId))!.epoch;
    const before = await open();
    await credentials.bumpEpoch(accountId); // the change lands between the sign-in's read and its insert…
    const raced = await sessions.open(hoa, { accountId, epoch: epochRead }); // …which inserts with the old epoch
    expect(await sessions.resolve(before.token)).toBeNull();
    expect(await sessions.resolve(raced.token)).toBeNull();
    expect(await sessions.resolve((await open()).token)).not.toBeNull();
  });

  it('ends one session on sign-out and all of an account at once', async () => {
    const [a, b, c] = [await open(), await open(), await open()];
    expect(await sessions.end(a.token)).toBe(true);
    expect(await sessions.end(a.token)).toBe(false);
    expect(await sessions.resolve(a.token)).toBeNull();
    expect(await sessions.endAllOf(accountId)).toBe(2);
    expect(await sessions.resolve(b.token)).toBeNull();
    expect(await sessions.resolve(c.token)).toBeNull();
  });

  it('keeps only the hash of the token, derives the CSRF token, and ignores malformed tokens', async () => {
    const s = await open();
    const rows = JSON.stringify((await sql.query('SELECT * FROM user_sessions')).rows);
    expect(rows).not.toContain(s.token);
    expect(rows).not.toContain(s.csrfToken);
    expect(s.csrfToken).toBe(csrfTokenOf(s.token));
    expect(csrfMatches(s.token, s.csrfToken)).toBe(true);
    expect(csrfMatches(s.token, undefined)).toBe(false);
    expect(csrfMatches(s.token, csrfTokenOf((await open()).token))).toBe(false);
    expect(await sessions.resolve("x' OR 1=1 --")).toBeNull();
    expect(await sessions.resolve(s.token.slice(1))).toBeNull();
  });

  it('keeps sessions that no local account stands behind (an OpenID sign-in) until their limits', async () => {
    const s = await sessions.open({ ...hoa, userId: 'oidc:abc' }, null);
    await credentials.bumpEpoch(accountId);
    expect((await sessions.resolve(s.token))?.accountId).toBeNull();
    later(3600);
    expect(await sessions.resolve(s.token)).toBeNull();
  });
});
