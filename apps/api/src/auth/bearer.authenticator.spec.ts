import type { Principal, TokenVerifier } from '#security';
import { BearerAuthenticator } from './bearer.authenticator.js';

const principal: Principal = {
  userId: 'an.nguyen',
  roles: ['liaison_officer'],
  unit: 'VN-LS-BLO',
  province: 'lang-son',
  gates: [],
};

/** A header whose payload carries `exp` (seconds); the fake verifier accepts any signature. */
const bearer = (exp: number | null, id = 'a'): string => {
  const payload = Buffer.from(JSON.stringify(exp === null ? { sub: id } : { sub: id, exp })).toString('base64url');
  return `Bearer e30.${payload}.sig-${id}`;
};

/** Counts how often the signature is checked: a cache hit does not check it. */
function counting(): { verifier: TokenVerifier; verifications: () => number } {
  let calls = 0;
  const verifier = {
    verifyAuthorization: async () => {
      calls += 1;
      return principal;
    },
  } as unknown as TokenVerifier;
  return { verifier, verifications: () => calls };
}

describe('BearerAuthenticator cache', () => {
  let now: number;
  const ask = (auth: BearerAuthenticator, authorization: string) =>
    auth.principalOf({ method: 'GET', headers: { authorization } });

  beforeEach(() => {
    now = 1_000_000_000_000;
  });

  it('verifies a token once a minute while it is valid longer', async () => {
    const { verifier, verifications } = counting();
    const auth = new BearerAuthenticator(verifier, () => now);
    const token = bearer(now / 1000 + 3600);
    await expect(ask(auth, token)).resolves.toEqual(principal);
    now += 59_999;
    await ask(auth, token);
    expect(verifications()).toBe(1);
    now += 1;
    await ask(auth, token);
    expect(verifications()).toBe(2);
  });

  it('never serves a token from the cache past its own expiry', async () => {
    const { verifier, verifications } = counting();
    const auth = new BearerAuthenticator(verifier, () => now);
    const token = bearer(now / 1000 + 10);
    await ask(auth, token);
    now += 9_999;
    await ask(auth, token);
    expect(verifications()).toBe(1);
    now += 1;
    await ask(auth, token);
    expect(verifications()).toBe(2);
  });

  it('does not cache a token without an expiry', async () => {
    const { verifier, verifications } = counting();
    const auth = new BearerAuthenticator(verifier, () => now);
    const token = bearer(null);
    await ask(auth, token);
    await ask(auth, token);
    expect(verifications()).toBe(2);
  });
});
