import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, type JWK } from 'jose';
import { loadConfig } from '#config';
import { TokenVerifier } from './token-verifier.js';

const SITE = { issuer: 'https://idp.example.gov.vn/realms/blo', audience: 'blo-ledger' };
const CLAIMS = {
  name: 'Lò Văn Bình',
  roles: ['border_guard'],
  unit: 'VN-LC-BP-LAOCAI',
  province: 'lao-cai',
  gates: ['LAO_CAI'],
};

/** A stand-in identity provider: a real HTTP server on loopback that serves its JWKS. */
class FakeIdp {
  readonly key: KeyObject = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  jwksRequests = 0;
  status = 200;
  private server!: Server;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      this.jwksRequests += 1;
      if (req.url !== '/certs' || this.status !== 200) {
        res.writeHead(this.status === 200 ? 404 : this.status).end();
        return;
      }
      const jwk = { ...(this.key.export({ format: 'jwk' }) as JWK), kid: 'idp-1', alg: 'RS256', use: 'sig' };
      const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...publicJwk } = jwk;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [publicJwk] }));
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/certs`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  sign(kid = 'idp-1', key: KeyObject = this.key, claims: Record<string, unknown> = CLAIMS): Promise<string> {
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid })
      .setSubject('binh.lo')
      .setIssuer(SITE.issuer)
      .setAudience(SITE.audience)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(key);
  }
}

describe('OIDC tokens verified against the provider JWKS', () => {
  const idp = new FakeIdp();
  beforeAll(() => idp.start());
  afterAll(() => idp.stop());

  it('accepts a token signed by the provider key and fetches the key set once', async () => {
    const verifier = TokenVerifier.oidc(idp.url, SITE);
    const before = idp.jwksRequests;
    await expect(verifier.verify(await idp.sign())).resolves.toEqual({
      userId: 'binh.lo',
      name: 'Lò Văn Bình',
      roles: ['border_guard'],
      unit: 'VN-LC-BP-LAOCAI',
      province: 'lao-cai',
      gates: ['LAO_CAI'],
    });
    await expect(verifier.verify(await idp.sign())).resolves.toMatchObject({ userId: 'binh.lo' });
    expect(idp.jwksRequests - before).toBe(1);
  });

  it("maps a provider's own claim names and roles the same way as a browser sign-in", async () => {
    const config = loadConfig({
      AUTH_JWKS_URL: idp.url,
      AUTH_ISSUER: SITE.issuer,
      AUTH_AUDIENCE: SITE.audience,
      OIDC_ISSUER_URL: SITE.issuer,
      OIDC_CLIENT_ID: 'blo-ledger',
      OIDC_CLAIM_ROLES: 'realm_access.roles',
      OIDC_CLAIM_UNIT: 'https://blo.gov.vn/unit',
      OIDC_ROLE_MAP: 'blo-guard=border_guard',
    });
    const verifier = await TokenVerifier.fromConfig(config);
    const keycloakLike = {
      name: 'Lò Văn Bình',
      realm_access: { roles: ['blo-guard', 'offline_access'] },
      'https://blo.gov.vn/unit': 'VN-LC-BP-LAOCAI',
      province: 'lao-cai',
      gates: 'LAO_CAI',
    };
    await expect(verifier.verify(await idp.sign('idp-1', idp.key, keycloakLike))).resolves.toEqual({
      userId: 'binh.lo',
      name: 'Lò Văn Bình',
      roles: ['border_guard'],
      unit: 'VN-LC-BP-LAOCAI',
      province: 'lao-cai',
      gates: ['LAO_CAI'],
    });
    // Only roles in the map count: a token with none of ours is refused, not let in without a role.
    const stranger = { ...keycloakLike, realm_access: { roles: ['offline_access'] } };
    await expect(verifier.verify(await idp.sign('idp-1', idp.key, stranger))).rejects.toMatchObject({
      reason: 'bad_claims',
    });
  });

  it('refuses a token signed by a key the provider does not publish', async () => {
    const verifier = TokenVerifier.oidc(idp.url, SITE);
    const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    await expect(verifier.verify(await idp.sign('idp-1', stranger))).rejects.toMatchObject({ reason: 'bad_signature' });
    await expect(verifier.verify(await idp.sign('unknown-kid', stranger))).rejects.toMatchObject({
      reason: 'bad_signature',
    });
  });

  it('reports the provider as unavailable rather than blaming the token', async () => {
    idp.status = 503;
    try {
      const verifier = TokenVerifier.oidc(idp.url, SITE);
      await expect(verifier.verify(await idp.sign())).rejects.toMatchObject({ reason: 'unavailable' });
    } finally {
      idp.status = 200;
    }
    const gone = TokenVerifier.oidc('http://127.0.0.1:1/certs', SITE);
    await expect(gone.verify(await idp.sign())).rejects.toMatchObject({ reason: 'unavailable' });
  });
});
