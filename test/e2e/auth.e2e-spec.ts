import { SQL_CLIENT, type SqlClient } from '#event-store';
import { LocalSigningKey, mintToken } from '#security';
import { parseArgs } from '../../apps/cli/src/cli-args.js';
import { tokenCommand } from '../../apps/cli/src/token.command.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { head, newCase } from './support/journey.js';

describe('authentication and roles', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp('pglite');
  }, 60_000);
  afterAll(async () => app.close());

  const createWith = (authorization: string | null) =>
    app.raw('/api/v1/cases', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      body: JSON.stringify(newCase),
    });

  it('accepts a token minted by the CLI for this data directory and records its holder as the actor', async () => {
    const token = await tokenCommand(
      parseArgs([
        'token',
        '--sub',
        'an.nguyen',
        '--role',
        'liaison_officer',
        '--unit',
        'VN-LS-BLO',
        '--province',
        'lang-son',
      ]),
      app.config,
    );
    expect(token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    const r = await createWith(`Bearer ${token}`);
    expect(r.status).toBe(201);
  });

  it.each([
    ['no token', null, 'AUTH.MISSING'],
    ['a malformed header', 'Token abc', 'AUTH.MALFORMED'],
    ['garbage', 'Bearer not.a.jwt', 'AUTH.MALFORMED'],
  ])('refuses %s with 401 and writes nothing', async (_n, header, code) => {
    const before = await head(app);
    const r = await createWith(header);
    expect(r.status).toBe(401);
    expect(r.body.code).toBe(code);
    expect(await head(app)).toBe(before);
  });

  it('refuses an expired token and a token signed by another key', async () => {
    const expired = await mintToken(
      await LocalSigningKey.loadOrCreate(app.config.dataDir),
      { sub: 'x', roles: ['liaison_officer'], unit: 'VN-LS-BLO', province: 'lang-son' },
      { issuer: 'blo-ledger', audience: 'blo-ledger', ttlSeconds: 60, now: new Date(Date.now() - 3600_000) },
    );
    expect((await createWith(`Bearer ${expired}`)).body.code).toBe('AUTH.EXPIRED');
    const forged = await mintToken(
      await LocalSigningKey.generate(),
      { sub: 'x', roles: ['supervisor'], unit: 'VN-LS-BLO', province: 'lang-son' },
      { issuer: 'blo-ledger', audience: 'blo-ledger', ttlSeconds: 60 },
    );
    const r = await createWith(`Bearer ${forged}`);
    expect(r.status).toBe(401);
    expect(r.body.code).toBe('AUTH.BAD_SIGNATURE');
  });

  it.each(['border_guard', 'auditor', 'admin'] as const)(
    'forbids a %s to open a case (403), writing nothing',
    async (role) => {
      const before = await head(app);
      const r = await createWith(`Bearer ${await app.token(role)}`);
      expect(r.status).toBe(403);
      expect(r.body.code).toBe('AUTH.FORBIDDEN');
      expect(await head(app)).toBe(before);
    },
  );

  it('records the actor from the token on every event', async () => {
    const officer = await app.as('liaison_officer', { sub: 'hoa.le' });
    const made = await officer.post('/cases', newCase);
    const sql = app.app.get<SqlClient>(SQL_CLIENT);
    const row = await sql.query<{ actor: { userId: string; role: string; unitId: string } }>(
      `SELECT metadata->'actor' AS actor FROM events WHERE stream_id = $1`,
      [`case-${made.body.id}`],
    );
    expect(row.rows[0].actor).toMatchObject({ userId: 'hoa.le', role: 'liaison_officer', unitId: 'VN-LS-BLO' });
  });
});
