import { generateKeyPair, SignJWT } from 'jose';
import * as oidc from 'openid-client';
import type { OidcLoginConfig } from '#config';
import { TestBrowser } from '../../../testing/src/test-browser.js';
import { TestOidcProvider } from '../../../testing/src/oidc-test-provider.js';
import { AuthError } from '../tokens/auth-error.js';
import { OidcLogin, type OidcLoginOptions } from './oidc-login.js';
import { OidcLoginError } from './oidc-login.errors.js';

// Never requested: the test browser stops when the provider sends it here.
const REDIRECT = 'https://blo-ledger.test/api/v1/session/oidc/callback';
const OTHER_REDIRECT = 'https://other-app.test/callback';
const SECRET = 'ledger-client-secret-for-tests-only';
const OTHER_SECRET = 'other-client-secret-for-tests-only';

const ACCOUNTS = {
  'binh.lo': {
    name: 'Lò Văn Bình',
    roles: ['border_guard'],
    unit: 'VN-LC-BP-LAOCAI',
    province: 'lao-cai',
    gates: ['LAO_CAI'],
  },
  'hoa.nguyen': {
    name: 'Nguyễn Thị Hoa',
    blo_roles: ['blo-officer', 'blo-supervisor', 'uma_authorization'],
    unit: 'VN-LS-BLO',
    province: 'lang-son',
  },
  'an.tran': { roles: ['liaison_officer', 'offline_access'], unit: 'VN-LS-BLO', province: 'lang-son' },
  'no.unit': { name: 'Vi Văn Đức', roles: ['liaison_officer'], province: 'lang-son' },
};

const CLIENTS = [
  { client_id: 'blo-ledger', client_secret: SECRET, redirect_uris: [REDIRECT] },
  { client_id: 'blo-ledger-public', token_endpoint_auth_method: 'none', redirect_uris: [REDIRECT] },
  { client_id: 'other-app', client_secret: OTHER_SECRET, redirect_uris: [OTHER_REDIRECT] },
];

function settings(issuerUrl: string, over: Partial<OidcLoginConfig> = {}): OidcLoginConfig {
  return {
    issuerUrl,
    clientId: 'blo-ledger',
    clientSecret: SECRET,
    scopes: 'openid profile blo',
    claims: { roles: 'roles', unit: 'unit', province: 'province', gates: 'gates', name: 'name' },
    roleMap: {},
    ...over,
  };
}

describe('OIDC sign-in against a real provider', () => {
  let idp: TestOidcProvider;
  beforeAll(async () => {
    idp = await TestOidcProvider.start({ clients: CLIENTS, accounts: ACCOUNTS });
  });
  afterAll(() => idp.stop());

  const loginWith = (over: Partial<OidcLoginConfig> = {}, options: Partial<OidcLoginOptions> = {}): OidcLogin =>
    new OidcLogin(settings(idp.issuer, over), { redirectUri: REDIRECT, ...options });

  /** Starts a sign-in and walks the browser through the provider's pages, up to the callback. */
  async function signIn(login: OidcLogin, account: string, returnTo?: string) {
    const { url, transaction } = await login.start(returnTo);
    const callback = await new TestBrowser().follow(url, account, (next) => next.href.startsWith(REDIRECT));
    return { url, callback, transaction };
  }

  it('signs a border guard in with the claims of the ID token: roles, unit, province, gates, name', async () => {
    const requests: string[] = [];
    const login = loginWith(
      {},
      { fetch: (url, options) => (requests.push(new URL(url).pathname), fetch(url, options)) },
    );
    const { url, callback, transaction } = await signIn(login, 'binh.lo', '/handovers?gate=LAO_CAI');
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('state')).toBe(transaction.state);
    expect(url.searchParams.get('nonce')).toBe(transaction.nonce);
    expect(url.searchParams.get('scope')).toBe('openid profile blo');
    expect(url.href).not.toContain(transaction.codeVerifier);
    expect(url.href).not.toContain(SECRET);
    expect(transaction.returnTo).toBe('/handovers?gate=LAO_CAI');
    await expect(login.finish(callback, transaction)).resolves.toEqual({
      userId: 'binh.lo',
      name: 'Lò Văn Bình',
      roles: ['border_guard'],
      unit: 'VN-LC-BP-LAOCAI',
      province: 'lao-cai',
      gates: ['LAO_CAI'],
    });
    // Everything came with the ID token (checked against the provider's keys): no userinfo call.
    expect(requests).toEqual(['/.well-known/openid-configuration', '/token', '/jwks']);
  });

  it('maps provider roles through the role map and drops the ones it does not list', async () => {
    const login = loginWith({
      claims: { roles: 'blo_roles', unit: 'unit', province: 'province', gates: 'gates', name: 'name' },
      roleMap: { 'blo-officer': 'liaison_officer', 'blo-supervisor': 'supervisor' },
    });
    const { callback, transaction } = await signIn(login, 'hoa.nguyen');
    expect(transaction.returnTo).toBe('/');
    await expect(login.finish(callback, transaction)).resolves.toMatchObject({
      userId: 'hoa.nguyen',
      roles: ['liaison_officer', 'supervisor'],
      province: 'lang-son',
      gates: [],
    });
  });

  it('without a role map keeps only the role names that are ours', async () => {
    const login = loginWith();
    const { callback, transaction } = await signIn(login, 'an.tran');
    await expect(login.finish(callback, transaction)).resolves.toMatchObject({ roles: ['liaison_officer'] });
  });

  it('signs in as a public client with PKCE alone', async () => {
    const login = loginWith({ clientId: 'blo-ledger-public', clientSecret: null });
    const { callback, transaction } = await signIn(login, 'binh.lo');
    await expect(login.finish(callback, transaction)).resolves.toMatchObject({ userId: 'binh.lo' });
  });

  it('refuses an account without a unit, naming the claim and none of its values', async () => {
    const login = loginWith();
    const { callback, transaction } = await signIn(login, 'no.unit');
    const refusal = await login.finish(callback, transaction).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(AuthError);
    expect(refusal).toMatchObject({ reason: 'bad_claims', detail: 'claim "unit" is missing or invalid' });
    expect(String((refusal as Error).message)).not.toContain('Vi Văn Đức');
  });

  it('refuses a callback that belongs to another sign-in (state mismatch)', async () => {
    const login = loginWith();
    const { callback } = await signIn(login, 'binh.lo');
    const { transaction: another } = await login.start('/');
    await expect(login.finish(callback, another)).rejects.toMatchObject({ reason: 'state_mismatch' });
    await expect(login.finish(callback, null)).rejects.toMatchObject({ reason: 'transaction_missing' });
  });

  it('refuses a transaction past its lifetime', async () => {
    const login = loginWith({}, { transactionSeconds: 1, now: () => new Date(Date.now() - 5_000) });
    const { callback, transaction } = await signIn(login, 'binh.lo');
    await expect(loginWith().finish(callback, transaction)).rejects.toMatchObject({ reason: 'transaction_missing' });
  });

  it('reports the provider refusing to sign the user in', async () => {
    const login = loginWith();
    const { url, transaction } = await login.start('/');
    // A fresh browser has no session at the provider: prompt=none makes it answer login_required.
    url.searchParams.set('prompt', 'none');
    const callback = await new TestBrowser().follow(url, 'binh.lo', (next) => next.href.startsWith(REDIRECT));
    expect(callback.searchParams.get('error')).toBe('login_required');
    await expect(login.finish(callback, transaction)).rejects.toMatchObject({
      reason: 'provider_refused',
      detail: 'login_required',
    });
  });

  it('refuses a code used a second time', async () => {
    const login = loginWith();
    const { callback, transaction } = await signIn(login, 'binh.lo');
    await login.finish(callback, transaction);
    await expect(login.finish(callback, transaction)).rejects.toMatchObject({
      reason: 'code_refused',
      detail: 'invalid_grant',
    });
  });

  /**
   * A login whose token endpoint answers carry another ID token once `substitute` is set, as a
   * mix-up or a compromised path would deliver it.
   */
  function substitutingLogin(substitute: () => string | null): OidcLogin {
    return loginWith(
      {},
      {
        fetch: async (url, options) => {
          const res = await fetch(url, options);
          const idToken = substitute();
          if (idToken === null || !url.endsWith('/token')) return res;
          const body = { ...((await res.json()) as object), id_token: idToken };
          return new Response(JSON.stringify(body), {
            status: res.status,
            headers: { 'content-type': 'application/json' },
          });
        },
      },
    );
  }

  it('refuses an ID token the provider issued to another client, even with our nonce (wrong audience)', async () => {
    let substitute: string | null = null;
    const login = substitutingLogin(() => substitute);
    const { callback, transaction } = await signIn(login, 'binh.lo');
    // Genuine and signed by the provider, only not meant for us.
    substitute = await idTokenForOtherApp(idp, transaction.nonce);
    await expect(login.finish(callback, transaction)).rejects.toMatchObject({
      reason: 'id_token_refused',
      detail: 'OAUTH_JWT_CLAIM_COMPARISON_FAILED aud',
    });
  });

  it('refuses an ID token with the right claims that the provider did not sign', async () => {
    let substitute: string | null = null;
    const login = substitutingLogin(() => substitute);
    const { callback, transaction } = await signIn(login, 'binh.lo');
    const genuine = JSON.parse(
      Buffer.from((await idTokenForOtherApp(idp, transaction.nonce)).split('.')[0], 'base64url').toString(),
    );
    const { privateKey } = await generateKeyPair('RS256');
    substitute = await new SignJWT({ ...ACCOUNTS['binh.lo'], roles: ['supervisor'], nonce: transaction.nonce })
      .setProtectedHeader({ alg: 'RS256', kid: genuine.kid })
      .setIssuer(idp.issuer)
      .setAudience('blo-ledger')
      .setSubject('binh.lo')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);
    await expect(login.finish(callback, transaction)).rejects.toMatchObject({
      reason: 'id_token_refused',
      detail: 'OAUTH_INVALID_RESPONSE signature',
    });
  });

  it('reads the claims from userinfo when the provider keeps them out of the ID token', async () => {
    const strict = await TestOidcProvider.start({ clients: CLIENTS, accounts: ACCOUNTS, claimsIn: 'userinfo' });
    try {
      const requests: string[] = [];
      const login = new OidcLogin(settings(strict.issuer), {
        redirectUri: REDIRECT,
        fetch: (url, options) => (requests.push(new URL(url).pathname), fetch(url, options)),
      });
      const { callback, transaction } = await signIn(login, 'binh.lo');
      await expect(login.finish(callback, transaction)).resolves.toMatchObject({
        userId: 'binh.lo',
        roles: ['border_guard'],
        gates: ['LAO_CAI'],
      });
      expect(requests).toContain('/me');
    } finally {
      await strict.stop();
    }
  });

  it('answers unavailable while the provider is down, and discovers it again once it is back', async () => {
    const gone = new OidcLogin(settings('http://127.0.0.1:1'), { redirectUri: REDIRECT, timeoutSeconds: 2 });
    await expect(gone.start('/')).rejects.toMatchObject({ reason: 'unavailable', detail: 'discovery' });
    const login = loginWith();
    idp.available = false;
    try {
      await expect(login.start('/')).rejects.toBeInstanceOf(OidcLoginError);
    } finally {
      idp.available = true;
    }
    await expect(login.start('/')).resolves.toMatchObject({ transaction: { returnTo: '/' } });
  });
});

/** A genuine ID token for `binh.lo`, issued by the same provider to another client, carrying `nonce`. */
async function idTokenForOtherApp(idp: TestOidcProvider, nonce: string): Promise<string> {
  const other = await oidc.discovery(
    new URL(idp.issuer),
    'other-app',
    OTHER_SECRET,
    oidc.ClientSecretBasic(OTHER_SECRET),
    { execute: [oidc.allowInsecureRequests] },
  );
  const verifier = oidc.randomPKCECodeVerifier();
  const url = oidc.buildAuthorizationUrl(other, {
    redirect_uri: OTHER_REDIRECT,
    scope: 'openid profile blo',
    state: 'other-state',
    nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
  });
  const callback = await new TestBrowser().follow(url, 'binh.lo', (next) => next.href.startsWith(OTHER_REDIRECT));
  const tokens = await oidc.authorizationCodeGrant(other, callback, {
    pkceCodeVerifier: verifier,
    expectedState: 'other-state',
    expectedNonce: nonce,
  });
  if (tokens.id_token === undefined) throw new Error('the provider issued no ID token to other-app');
  return tokens.id_token;
}
