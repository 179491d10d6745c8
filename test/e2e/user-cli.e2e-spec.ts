import { runCli } from './support/cli-process.js';
import { PASSWORD, signIn } from './support/sign-in-fixtures.js';
import { describeEachStore, startTestApp, type TestApp } from './support/test-app.js';

/** `npm run cli -- user …` as a real process, the password piped to its standard input. */
const cli = (env: Record<string, string>, args: readonly string[], stdin = '') => runCli(env, ['user', ...args], stdin);

/**
 * On PGlite the CLI asks the running service over HTTP (the service owns the data directory);
 * on PostgreSQL it writes to the database itself and the running service signs the person in.
 */
describeEachStore('npm run cli -- user', (kind) => {
  let app: TestApp;
  let env: Record<string, string>;
  let via: string[];
  beforeAll(async () => {
    app = await startTestApp(kind);
    const c = app.config;
    env =
      kind === 'pglite'
        ? { DATA_DIR: c.dataDir }
        : {
            DATA_DIR: c.dataDir,
            EVENT_STORE: 'postgres',
            DATABASE_URL: c.databaseUrl!,
            MASTER_KEY: c.crypto.masterKey!,
          };
    via = kind === 'pglite' ? ['--url', app.url] : [];
  }, 60_000);
  afterAll(async () => app?.close());

  const add = ['add', '--username', 'Hoa.Nguyen', '--name', 'Nguyễn Thị Hoa', '--role', 'liaison_officer'];
  const where = ['--unit', 'VN-LS-BLO', '--province', 'lang-son'];

  it('adds an account with the password from standard input, and the person signs in with it', async () => {
    const r = await cli(env, [...add, ...where, '--gate', 'HUU_NGHI', ...via], `${PASSWORD}\r\n`);
    expect(r).toMatchObject({ code: 0, out: '' });
    expect(r.err).toContain('account hoa.nguyen created');
    expect(r.err).not.toContain(PASSWORD);
    const session = await signIn(app, 'hoa.nguyen', PASSWORD);
    expect(session.status).toBe(200);
    expect(session.body).toMatchObject({ userId: 'hoa.nguyen', name: 'Nguyễn Thị Hoa', gates: ['HUU_NGHI'] });

    const list = await cli(env, ['list', ...via]);
    expect(list.code).toBe(0);
    expect(list.out.trim()).toBe(
      ['hoa.nguyen', 'active', 'liaison_officer', 'VN-LS-BLO', 'lang-son', 'HUU_NGHI', 'Nguyễn Thị Hoa'].join('\t'),
    );
    const history = await (await app.as('auditor')).get('/users/hoa.nguyen/history');
    expect(history.body.entries[0]).toMatchObject({
      type: 'AccountCreated',
      actor: { userId: expect.stringMatching(/^cli:/) },
    });
  }, 60_000);

  it('refuses a short password and a second account of the same name', async () => {
    const short = await cli(
      env,
      [...add.slice(0, 2), 'short.pass', ...add.slice(3), ...where, ...via],
      'only-11-chr\n',
    );
    expect(short.code).toBe(1);
    expect(short.err).toContain('at least 12 characters');
    const again = await cli(env, [...add, ...where, ...via], `${PASSWORD}\n`);
    expect(again.code).toBe(1);
    expect(again.err).toContain('ACCOUNT.ALREADY_EXISTS');
  }, 60_000);

  it('disables, changes roles and the password, each taking effect at once', async () => {
    const live = await signIn(app, 'hoa.nguyen', PASSWORD);
    expect((await cli(env, ['roles', 'hoa.nguyen', '--grant', 'supervisor', ...via])).code).toBe(0);
    const me = await app.raw('/api/v1/me', { headers: { cookie: `blo_session=${live.token}` } });
    expect(me.status).toBe(401);
    expect((await cli(env, ['passwd', 'hoa.nguyen', ...via], 'Mật khẩu mới dài hơn\n')).code).toBe(0);
    expect((await signIn(app, 'hoa.nguyen', 'Mật khẩu mới dài hơn')).body.roles).toEqual([
      'liaison_officer',
      'supervisor',
    ]);
    expect((await cli(env, ['disable', 'hoa.nguyen', '--reason', 'nghỉ hưu', ...via])).code).toBe(0);
    expect((await signIn(app, 'hoa.nguyen', 'Mật khẩu mới dài hơn')).status).toBe(401);
  }, 90_000);
});
