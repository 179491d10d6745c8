import { createHash } from 'node:crypto';
import { SQL_CLIENT, type SqlClient } from '#event-store';
import { head, newCase } from './support/journey.js';
import { PASSWORD, createAccount, signIn, withSession } from './support/sign-in-fixtures.js';
import { describeEachStore, startTestApp, type Caller, type TestApp } from './support/test-app.js';

const hashOf = (token: string): string => createHash('sha256').update(token).digest('hex');

/** People sign in with local accounts: cookies, sessions, CSRF, rate limits, and the record of it all. */
describeEachStore('signing in', (kind) => {
  let app: TestApp;
  let admin: Caller;
  let sql: SqlClient;
  beforeAll(async () => {
    app = await startTestApp(kind, { SIGNIN_MAX_PER_ACCOUNT: '3', SIGNIN_MAX_PER_ADDRESS: '1000' });
    admin = await app.as('admin');
    sql = app.app.get<SqlClient>(SQL_CLIENT);
  }, 60_000);
  afterAll(async () => app?.close());

  /** Moves a session's clock readings into the past, as if that much time had gone by. */
  const age = (token: string, column: 'last_seen_at' | 'expires_at', seconds: number) =>
    sql.query(`UPDATE user_sessions SET ${column} = ${column} - make_interval(secs => $2) WHERE token_hash = $1`, [
      hashOf(token),
      seconds,
    ]);

  it('signs in with a session cookie that scripts and other sites cannot use, and /me says who and what', async () => {
    await createAccount(admin, 'hoa.nguyen');
    const r = await signIn(app, 'Hoa.Nguyen ');
    expect(r.status).toBe(200);
    expect(r.headers.get('cache-control')).toBe('no-store');
    const flags = r.setCookie!.split(';').map((f) => f.trim());
    expect(flags).toEqual(expect.arrayContaining(['Path=/', 'HttpOnly', 'SameSite=Strict']));
    expect(flags).not.toContain('Secure');
    expect(flags.some((f) => /^(Max-Age|Expires|Domain)=/i.test(f))).toBe(false);
    expect(r.body).toMatchObject({
      userId: 'hoa.nguyen',
      name: 'Nguyễn Thị Hoa',
      roles: ['liaison_officer'],
      unit: 'VN-LS-BLO',
      province: 'lang-son',
      gates: [],
      csrfToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
    });
    expect(r.body.may).toEqual(expect.arrayContaining(['case.create', 'person.register', 'self']));
    expect(r.body.may).not.toEqual(expect.arrayContaining(['user.admin']));
    const stored = await sql.query('SELECT token_hash FROM user_sessions WHERE token_hash = $1', [hashOf(r.token!)]);
    expect(stored.rowCount).toBe(1);
    expect(JSON.stringify((await sql.query('SELECT * FROM user_sessions')).rows)).not.toContain(r.token!);

    const me = await withSession(app, r.token!, 'GET', '/me');
    expect(me.status).toBe(200);
    expect(me.body).toEqual(r.body);
  });

  it('answers a wrong password, an unknown user and a disabled account alike, and records each', async () => {
    await createAccount(admin, 'lan.pham');
    await createAccount(admin, 'binh.tran');
    expect((await admin.post('/users/binh.tran/disable', { reason: 'chuyển công tác' })).status).toBe(200);
    const answers = [
      await signIn(app, 'lan.pham', 'not the password at all'),
      await signIn(app, 'khong.co.ai', PASSWORD),
      await signIn(app, 'binh.tran', PASSWORD),
    ];
    for (const a of answers) {
      expect(a.status).toBe(401);
      expect(a.headers.get('content-type')).toContain('application/problem+json');
      expect(a.token).toBeUndefined();
      expect(a.body).toEqual(answers[0].body);
    }
    expect(answers[0].body.code).toBe('AUTH.SIGN_IN_FAILED');

    const auditor = await app.as('auditor');
    const reasons = async (name: string) =>
      (await auditor.get(`/users/${name}/history`)).body.entries
        .filter((e: any) => e.type === 'SignInFailed')
        .map((e: any) => [e.data.username, e.data.reason, e.data.address]);
    expect(await reasons('lan.pham')).toEqual([['lan.pham', 'wrong_password', '127.0.0.1']]);
    expect(await reasons('khong.co.ai')).toEqual([['khong.co.ai', 'unknown_account', '127.0.0.1']]);
    expect(await reasons('binh.tran')).toEqual([['binh.tran', 'disabled', '127.0.0.1']]);
    const all = JSON.stringify((await auditor.get('/users/lan.pham/history')).body);
    expect(all).not.toContain('not the password');
  });

  it('signs out, and the old cookie no longer opens anything', async () => {
    await createAccount(admin, 'thu.vu');
    const s = await signIn(app, 'thu.vu');
    expect((await withSession(app, s.token!, 'DELETE', '/session')).status).toBe(403);
    const out = await withSession(app, s.token!, 'DELETE', '/session', { csrf: s.body.csrfToken });
    expect(out.status).toBe(204);
    expect(out.headers.getSetCookie().join()).toMatch(/blo_session=;.*Expires=Thu, 01 Jan 1970/);
    const after = await withSession(app, s.token!, 'GET', '/me');
    expect(after.status).toBe(401);
    expect(after.body.code).toBe('AUTH.SESSION_ENDED');
  });

  it('ends a live session at once when the account is disabled or its password changed', async () => {
    await createAccount(admin, 'minh.do');
    const s = await signIn(app, 'minh.do');
    expect((await withSession(app, s.token!, 'GET', '/me')).status).toBe(200);
    expect((await admin.post('/users/minh.do/disable', {})).status).toBe(200);
    expect((await withSession(app, s.token!, 'GET', '/me')).status).toBe(401);
    expect((await admin.post('/users/minh.do/enable', {})).status).toBe(200);
    expect((await signIn(app, 'minh.do')).status).toBe(200);

    await createAccount(admin, 'khoa.bui');
    const again = await signIn(app, 'khoa.bui');
    const changed = await app.raw('/api/v1/users/khoa.bui/password', {
      method: 'PUT',
      headers: { authorization: `Bearer ${await app.token('admin')}`, 'content-type': 'application/json' },
      body: JSON.stringify({ password: 'Một mật khẩu mới hơn 2027' }),
    });
    expect(changed.status).toBe(200);
    expect((await withSession(app, again.token!, 'GET', '/me')).status).toBe(401);
    expect((await signIn(app, 'khoa.bui')).status).toBe(401);
    expect((await signIn(app, 'khoa.bui', 'Một mật khẩu mới hơn 2027')).status).toBe(200);
  });

  it('ends a session idle past SESSION_IDLE_SECONDS, and any session past SESSION_MAX_SECONDS', async () => {
    await createAccount(admin, 'quynh.ha');
    const idle = await signIn(app, 'quynh.ha');
    await age(idle.token!, 'last_seen_at', app.config.access.session.idleSeconds - 5);
    expect((await withSession(app, idle.token!, 'GET', '/me')).status).toBe(200);
    await age(idle.token!, 'last_seen_at', app.config.access.session.idleSeconds + 1);
    expect((await withSession(app, idle.token!, 'GET', '/me')).status).toBe(401);

    const busy = await signIn(app, 'quynh.ha');
    await age(busy.token!, 'expires_at', app.config.access.session.maxSeconds);
    const r = await withSession(app, busy.token!, 'GET', '/me');
    expect(r.status).toBe(401);
    expect(r.body.code).toBe('AUTH.SESSION_ENDED');
  });

  it('refuses a cookie-authenticated write without the CSRF header and writes nothing; bearer clients need none', async () => {
    await createAccount(admin, 'an.nguyen');
    const s = await signIn(app, 'an.nguyen');
    const before = await head(app);
    // One character off: the last one replaced by a different character, whatever it was.
    const token = s.body.csrfToken as string;
    const offByOne = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
    for (const csrf of [undefined, 'forged', offByOne]) {
      const r = await withSession(app, s.token!, 'POST', '/cases', { body: newCase, ...(csrf ? { csrf } : {}) });
      expect(r.status).toBe(403);
      expect(r.body.code).toBe('AUTH.CSRF');
    }
    expect(await head(app)).toBe(before);
    const ok = await withSession(app, s.token!, 'POST', '/cases', { body: newCase, csrf: s.body.csrfToken });
    expect(ok.status).toBe(201);
    const bearer = await app.as('liaison_officer');
    expect((await bearer.post('/cases', newCase)).status).toBe(201);
  });

  it('limits attempts per account name: 429 with Retry-After, recording the refusal once', async () => {
    for (let i = 0; i < 3; i++) expect((await signIn(app, 'doan.kiem', `wrong guess ${i} !!`)).status).toBe(401);
    const before = BigInt(await head(app));
    const refused = await signIn(app, 'Doan.Kiem', PASSWORD);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.body).toMatchObject({ status: 429, code: 'AUTH.TOO_MANY_ATTEMPTS' });
    expect(BigInt(await head(app))).toBe(before + 1n);
    expect((await signIn(app, 'doan.kiem', PASSWORD)).status).toBe(429);
    expect(BigInt(await head(app))).toBe(before + 1n);
    const history = (await (await app.as('auditor')).get('/users/doan.kiem/history')).body;
    expect(history.account).toBeNull();
    expect(history.entries.map((e: any) => e.type)).toEqual([
      'SignInFailed',
      'SignInFailed',
      'SignInFailed',
      'SignInThrottled',
    ]);
    expect(history.entries[3].data).toMatchObject({ username: 'doan.kiem', limit: 'account', address: '127.0.0.1' });
  });

  it('lets administrators and auditors read accounts and their history, and nobody else', async () => {
    await createAccount(admin, 'tuan.le', { name: 'Lê Văn Tuấn', roles: ['border_guard'], gates: ['HUU_NGHI'] });
    const list = await admin.get('/users');
    expect(list.status).toBe(200);
    expect(list.body.items.find((u: any) => u.username === 'tuan.le')).toMatchObject({
      name: 'Lê Văn Tuấn',
      roles: ['border_guard'],
      unit: 'VN-LS-BLO',
      province: 'lang-son',
      gates: ['HUU_NGHI'],
      disabled: false,
      created: expect.any(String),
    });
    expect(JSON.stringify(list.body)).not.toMatch(/argon2|password/i);
    expect((await (await app.as('liaison_officer')).get('/users')).status).toBe(403);
    expect((await (await app.as('supervisor')).get('/users/tuan.le/history')).status).toBe(403);
    expect((await (await app.as('auditor')).post('/users', {})).status).toBe(403);
    const officer = await signIn(app, 'hoa.nguyen');
    expect((await withSession(app, officer.token!, 'GET', '/users')).status).toBe(403);

    expect((await admin.post('/users/tuan.le/roles', { grant: ['supervisor'], revoke: ['border_guard'] })).status).toBe(
      200,
    );
    const history = await (await app.as('auditor')).get('/users/tuan.le/history');
    expect(history.status).toBe(200);
    expect(history.body.account).toMatchObject({ username: 'tuan.le', roles: ['supervisor'] });
    expect(history.body.entries.map((e: any) => [e.type, e.actor.userId])).toEqual([
      ['AccountCreated', 'admin.user'],
      ['RoleGranted', 'admin.user'],
      ['RoleRevoked', 'admin.user'],
    ]);
    const asOf = encodeURIComponent(history.body.entries[0].at.replace('Z', '+00:00'));
    const then = await admin.get(`/users?asOf=${asOf}`);
    expect(then.body.items.find((u: any) => u.username === 'tuan.le').roles).toEqual(['border_guard']);
  });

  it('keeps bearer tokens working, and /me answers for them without a CSRF token', async () => {
    const me = await (await app.as('auditor', { province: '*' })).get('/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ userId: 'auditor.user', province: '*', roles: ['auditor'] });
    expect(me.body.csrfToken).toBeUndefined();
    expect(me.body.may).toEqual(expect.arrayContaining(['case.read', 'audit.read', 'user.read']));
    expect(me.body.may).not.toContain('case.create');
  });
});

describe('signing in behind HTTPS (pglite)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp('pglite', { PUBLIC_URL: 'https://blo.example.vn', SIGNIN_MAX_PER_ADDRESS: '2' });
  }, 60_000);
  afterAll(async () => app.close());

  it('marks the cookie Secure with the __Host- prefix, and limits attempts per address', async () => {
    await createAccount(await app.as('admin'), 'hoa.nguyen');
    const r = await signIn(app, 'hoa.nguyen', PASSWORD, '__Host-blo_session');
    expect(r.status).toBe(200);
    expect(r.setCookie!.split(';').map((f) => f.trim())).toEqual(
      expect.arrayContaining(['Path=/', 'HttpOnly', 'SameSite=Strict', 'Secure']),
    );
    const me = await withSession(app, r.token!, 'GET', '/me', { cookieName: '__Host-blo_session' });
    expect(me.body.userId).toBe('hoa.nguyen');
    expect((await signIn(app, 'someone.else', PASSWORD, '__Host-blo_session')).status).toBe(401);
    const refused = await signIn(app, 'a.third.name', PASSWORD, '__Host-blo_session');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
  });
});
