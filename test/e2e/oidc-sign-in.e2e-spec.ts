import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig } from '#config';
import { freeLoopbackPort, TestOidcProvider } from '../../libs/testing/src/oidc-test-provider.js';
import { TestBrowser } from '../../libs/testing/src/test-browser.js';
import { createApp } from '../../apps/api/src/app.factory.js';

const SECRET = 'ledger-client-secret-for-tests-only';
const ACCOUNTS = {
  'binh.lo': {
    name: 'Lò Văn Bình',
    blo_roles: ['blo-guard', 'uma_authorization'],
    unit: 'VN-LC-BP-LAOCAI',
    province: 'lao-cai',
    gates: ['LAO_CAI'],
  },
  'no.unit': { name: 'Vi Văn Đức', blo_roles: ['blo-officer'], province: 'lang-son' },
};

/**
 * The whole service, configured for OIDC sign-in the way an operator would (environment only),
 * against a real provider, driven like a browser: to the provider, through its login and consent
 * pages, back to the callback, and on with a session cookie.
 */
describe('signing in with the OpenID provider (e2e)', () => {
  let idp: TestOidcProvider;
  let app: NestFastifyApplication;
  let dataDir: string;
  let base: string;

  beforeAll(async () => {
    // The redirect URI is PUBLIC_URL + the callback path, so the port is chosen before the app
    // starts (startTestApp always listens on a port of its own choosing).
    const port = await freeLoopbackPort();
    base = `http://127.0.0.1:${port}`;
    idp = await TestOidcProvider.start({
      clients: [
        { client_id: 'blo-ledger', client_secret: SECRET, redirect_uris: [`${base}/api/v1/session/oidc/callback`] },
      ],
      accounts: ACCOUNTS,
    });
    dataDir = await mkdtemp(join(tmpdir(), 'blo-e2e-oidc-'));
    const config = loadConfig(
      {
        DATA_DIR: dataDir,
        PORT: String(port),
        LOG_LEVEL: 'error',
        PGLITE_SYNC: 'off',
        PUBLIC_URL: base,
        OIDC_ISSUER_URL: idp.issuer,
        OIDC_CLIENT_ID: 'blo-ledger',
        OIDC_CLIENT_SECRET: SECRET,
        OIDC_SCOPES: 'openid profile blo',
        OIDC_CLAIM_ROLES: 'blo_roles',
        OIDC_ROLE_MAP: 'blo-guard=border_guard,blo-officer=liaison_officer',
      },
      dataDir,
    );
    app = await createApp(config, { quiet: true });
    await app.listen({ host: '127.0.0.1', port });
  });

  afterAll(async () => {
    await app?.close();
    await idp?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  const start = (returnTo: string): string => `${base}/api/v1/session/oidc?returnTo=${encodeURIComponent(returnTo)}`;
  const backHome = (next: URL): boolean => next.origin === base && !next.pathname.startsWith('/api/v1/session/oidc');

  it('signs a border guard in, and GET /me answers the principal mapped from the provider claims', async () => {
    const browser = new TestBrowser();
    const end = await browser.follow(start('/handovers'), 'binh.lo', backHome);
    expect(end.href).toBe(`${base}/handovers`);
    expect(browser.visited.some((url) => url.origin === idp.issuer)).toBe(true);
    expect(browser.cookies(base).has('blo_session')).toBe(true);
    expect(browser.cookies(base).has('blo_oidc')).toBe(false);

    const me = await browser.request(`${base}/api/v1/me`);
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({
      userId: 'binh.lo',
      name: 'Lò Văn Bình',
      roles: ['border_guard'],
      unit: 'VN-LC-BP-LAOCAI',
      province: 'lao-cai',
      gates: ['LAO_CAI'],
    });
  });

  it('sets the session cookie HttpOnly and SameSite=Strict on the callback', async () => {
    const browser = new TestBrowser();
    const callback = await browser.follow(start('/'), 'binh.lo', (next) => next.pathname.endsWith('/oidc/callback'));
    const res = await browser.request(callback);
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/');
    const session = res.headers.getSetCookie().find((c) => c.startsWith('blo_session='));
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/SameSite=Strict/i);
  });

  it('refuses an account the provider sends without a unit: 401, and no session', async () => {
    const browser = new TestBrowser();
    const callback = await browser.follow(start('/'), 'no.unit', (next) => next.pathname.endsWith('/oidc/callback'));
    const res = await browser.request(callback);
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(await res.json()).toMatchObject({ code: 'AUTH.OIDC_CLAIMS' });
    expect(browser.cookies(base).has('blo_session')).toBe(false);
    expect((await browser.request(`${base}/api/v1/me`)).status).toBe(401);
  });
});
