import * as oidc from 'openid-client';
import { TestBrowser } from '../../../testing/src/test-browser.js';
import { TestOidcProvider } from '../../../testing/src/oidc-test-provider.js';
import { TokenVerifier } from '../tokens/token-verifier.js';

// A machine client (the handheld app at the gate) asks the provider for a token for our API.
const REDIRECT = 'https://gate-app.test/callback';
const API = 'https://api.blo-ledger.test';
const OTHER_API = 'https://api.other-service.test';
const ACCOUNTS = {
  'binh.lo': {
    name: 'Lò Văn Bình',
    roles: ['border_guard'],
    unit: 'VN-LC-BP-LAOCAI',
    province: 'lao-cai',
    gates: ['LAO_CAI'],
  },
  'no.unit': { roles: ['liaison_officer'], province: 'lang-son' },
};

describe('JWT access tokens of a real provider, verified as bearer tokens', () => {
  let idp: TestOidcProvider;
  let client: oidc.Configuration;
  beforeAll(async () => {
    idp = await TestOidcProvider.start({
      clients: [{ client_id: 'gate-app', token_endpoint_auth_method: 'none', redirect_uris: [REDIRECT] }],
      accounts: ACCOUNTS,
      resources: {
        [API]: { audience: 'blo-ledger', scope: 'ledger' },
        [OTHER_API]: { audience: 'other-service', scope: 'ledger' },
      },
    });
    client = await oidc.discovery(new URL(idp.issuer), 'gate-app', undefined, oidc.None(), {
      execute: [oidc.allowInsecureRequests],
    });
  });
  afterAll(() => idp.stop());

  /** The authorization code flow of the gate app, for `resource`, signed in as `account`. */
  async function accessToken(account: string, resource: string): Promise<string> {
    const verifier = oidc.randomPKCECodeVerifier();
    const url = oidc.buildAuthorizationUrl(client, {
      redirect_uri: REDIRECT,
      scope: 'openid ledger',
      resource,
      state: 'gate-state',
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
    });
    const callback = await new TestBrowser().follow(url, account, (next) => next.href.startsWith(REDIRECT));
    const tokens = await oidc.authorizationCodeGrant(
      client,
      callback,
      { pkceCodeVerifier: verifier, expectedState: 'gate-state' },
      { resource },
    );
    return tokens.access_token;
  }

  const verifier = (): TokenVerifier => TokenVerifier.oidc(idp.jwksUri, { issuer: idp.issuer, audience: 'blo-ledger' });

  it('accepts a token issued for our API, with the claims the provider put in it', async () => {
    const token = await accessToken('binh.lo', API);
    // A JWT, not an opaque handle: the resource server settings asked for one.
    expect(token.split('.')).toHaveLength(3);
    await expect(verifier().verify(token)).resolves.toEqual({
      userId: 'binh.lo',
      name: 'Lò Văn Bình',
      roles: ['border_guard'],
      unit: 'VN-LC-BP-LAOCAI',
      province: 'lao-cai',
      gates: ['LAO_CAI'],
    });
  });

  it('refuses a token the same provider issued for another API (wrong audience)', async () => {
    const token = await accessToken('binh.lo', OTHER_API);
    await expect(verifier().verify(token)).rejects.toMatchObject({ reason: 'bad_claims' });
    // Only the audience is wrong: the service it was meant for accepts the very same token.
    const theirs = TokenVerifier.oidc(idp.jwksUri, { issuer: idp.issuer, audience: 'other-service' });
    await expect(theirs.verify(token)).resolves.toMatchObject({ userId: 'binh.lo' });
  });

  it('refuses a token for our API that lacks a claim a principal needs', async () => {
    const token = await accessToken('no.unit', API);
    await expect(verifier().verify(token)).rejects.toMatchObject({
      reason: 'bad_claims',
      detail: 'claim "unit" is missing or invalid',
    });
  });

  it('refuses a token of our API checked against another issuer', async () => {
    const token = await accessToken('binh.lo', API);
    const elsewhere = TokenVerifier.oidc(idp.jwksUri, { issuer: 'https://idp.example.gov.vn', audience: 'blo-ledger' });
    await expect(elsewhere.verify(token)).rejects.toMatchObject({ reason: 'bad_claims' });
  });
});
