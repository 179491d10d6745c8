import { SignJWT } from 'jose';
import { AuthError, type AuthErrorReason } from './auth-error.js';
import { LocalSigningKey } from './local-signing-key.js';
import { mintToken } from './mint-token.js';
import type { IdentityClaims } from './principal.js';
import { TokenVerifier } from './token-verifier.js';

const NOW = new Date('2026-03-05T02:00:00Z');
const SITE = { issuer: 'blo-ledger', audience: 'blo-ledger' };
const CLAIMS: IdentityClaims = {
  sub: 'an.nguyen',
  name: 'Nguyễn Văn An',
  roles: ['liaison_officer'],
  unit: 'VN-LS-BLO',
  province: 'lang-son',
};

const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
const decodePart = (token: string, i: number): Record<string, unknown> =>
  JSON.parse(Buffer.from(token.split('.')[i], 'base64url').toString('utf8'));

async function refusal(verifier: TokenVerifier, token: string): Promise<AuthErrorReason> {
  const error: unknown = await verifier.verify(token).then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AuthError)) throw new Error(`expected an AuthError, got ${String(error)}`);
  // Nothing of the token, not even its signature, may leak through the error into a log.
  for (const part of token.split('.').filter((p) => p.length > 8)) {
    expect(`${error.message} ${error.stack ?? ''}`).not.toContain(part);
  }
  expect(error.cause).toBeUndefined();
  return error.reason;
}

describe('local tokens', () => {
  let key: LocalSigningKey;
  let verifier: TokenVerifier;
  const mint = (claims: IdentityClaims = CLAIMS, now = NOW, ttlSeconds = 3600) =>
    mintToken(key, claims, { ...SITE, ttlSeconds, now });
  const signRaw = (payload: Record<string, unknown>, signer = key) =>
    new SignJWT(payload)
      .setProtectedHeader({ alg: 'EdDSA' })
      .setIssuer(SITE.issuer)
      .setAudience(SITE.audience)
      .setIssuedAt(Math.floor(NOW.getTime() / 1000))
      .setExpirationTime(Math.floor(NOW.getTime() / 1000) + 600)
      .sign(signer.privateKey);

  beforeAll(async () => {
    key = await LocalSigningKey.generate();
    verifier = TokenVerifier.local(key, { ...SITE, now: () => NOW });
  });

  it('round-trips the claims into a principal', async () => {
    const token = await mint({ ...CLAIMS, roles: ['supervisor', 'liaison_officer', 'supervisor'] });
    expect(decodePart(token, 0)).toEqual({ alg: 'EdDSA', kid: key.kid, typ: 'JWT' });
    await expect(verifier.verify(token)).resolves.toEqual({
      userId: 'an.nguyen',
      name: 'Nguyễn Văn An',
      roles: ['supervisor', 'liaison_officer'],
      unit: 'VN-LS-BLO',
      province: 'lang-son',
      gates: [],
    });
    await expect(verifier.verifyAuthorization(`Bearer ${token}`)).resolves.toMatchObject({ userId: 'an.nguyen' });
  });

  it('refuses an expired token, and one not valid yet beyond the clock tolerance', async () => {
    expect(await refusal(verifier, await mint(CLAIMS, new Date(NOW.getTime() - 3700_000)))).toBe('expired');
    expect(await refusal(verifier, await mint(CLAIMS, new Date(NOW.getTime() + 120_000)))).toBe('bad_claims');
    // A phone a few seconds ahead of the server is tolerated.
    await expect(verifier.verify(await mint(CLAIMS, new Date(NOW.getTime() + 10_000)))).resolves.toBeDefined();
  });

  it('refuses a token signed by another key', async () => {
    const other = await LocalSigningKey.generate();
    const forged = await mintToken(other, CLAIMS, { ...SITE, ttlSeconds: 600, now: NOW });
    expect(await refusal(verifier, forged)).toBe('bad_signature');
  });

  it('refuses a token for another issuer or audience', async () => {
    const wrongIssuer = await mintToken(key, CLAIMS, { ...SITE, issuer: 'someone-else', ttlSeconds: 600, now: NOW });
    const wrongAudience = await mintToken(key, CLAIMS, { ...SITE, audience: 'another-app', ttlSeconds: 600, now: NOW });
    expect(await refusal(verifier, wrongIssuer)).toBe('bad_claims');
    expect(await refusal(verifier, wrongAudience)).toBe('bad_claims');
  });

  it('refuses an unsigned (alg none) token and an HMAC token keyed with the public key', async () => {
    const token = await mint();
    const unsigned = `${b64({ alg: 'none', typ: 'JWT' })}.${token.split('.')[1]}.`;
    expect(await refusal(verifier, unsigned)).toBe('bad_signature');
    const publicBytes = Buffer.from(key.publicJwk().x as string, 'base64url');
    const confused = await new SignJWT(decodePart(token, 1)).setProtectedHeader({ alg: 'HS256' }).sign(publicBytes);
    expect(await refusal(verifier, confused)).toBe('bad_signature');
  });

  it('refuses a token whose payload was altered after signing', async () => {
    const [header, , signature] = (await mint()).split('.');
    const escalated = { ...decodePart(await mint(), 1), roles: ['supervisor'] };
    expect(await refusal(verifier, `${header}.${b64(escalated)}.${signature}`)).toBe('bad_signature');
  });

  it.each([
    ['no subject', { sub: undefined }],
    ['an empty subject', { sub: ' ' }],
    ['no roles', { roles: [] }],
    ['an unknown role', { roles: ['liaison_officer', 'root'] }],
    ['roles as a string', { roles: 'supervisor' }],
    ['a unit not like VN-LS-BLO', { unit: 'lang son blo' }],
    ['a province outside the seven', { province: 'ha-noi' }],
    ['a pre-merger province', { province: 'ha-giang' }],
    ['a name that is not text', { name: 42 }],
    ['a border guard without gates', { roles: ['border_guard'] }],
    ['a border guard with an empty gate list', { roles: ['border_guard'], gates: [] }],
    ['a gate code that is not one', { roles: ['border_guard'], gates: ['hữu nghị'] }],
    ['gates as a string', { gates: 'HUU_NGHI' }],
  ])('refuses a signed token with %s', async (_what, change) => {
    const token = await signRaw({ ...CLAIMS, ...change });
    expect(await refusal(verifier, token)).toBe('bad_claims');
  });

  it("carries a guard's gates and a national unit's * province into the principal", async () => {
    const guard = await verifier.verify(
      await mint({ ...CLAIMS, roles: ['border_guard'], gates: ['HUU_NGHI', 'HUU_NGHI', 'TAN_THANH'] }),
    );
    expect(guard.gates).toEqual(['HUU_NGHI', 'TAN_THANH']);
    const national = await verifier.verify(await mint({ ...CLAIMS, province: '*', unit: 'VN-BCA-C02' }));
    expect(national.province).toBe('*');
  });

  it('names the offending claim but never its value', async () => {
    const error = await verifier.verify(await signRaw({ ...CLAIMS, province: 'ha-noi' })).catch((e: unknown) => e);
    expect(error).toMatchObject({ reason: 'bad_claims', message: expect.stringContaining('"province"') });
    expect((error as Error).message).not.toContain('ha-noi');
  });

  it('tells a missing token from a malformed one', async () => {
    expect(await refusal(verifier, '')).toBe('missing');
    await expect(verifier.verifyAuthorization(undefined)).rejects.toMatchObject({ reason: 'missing' });
    await expect(verifier.verifyAuthorization('Basic YWxhZGRpbjpvcGVu')).rejects.toMatchObject({ reason: 'malformed' });
    expect(await refusal(verifier, 'not-a-jwt')).toBe('malformed');
    expect(await refusal(verifier, `bm90IGpzb24.${b64({ sub: 'x' })}.c2ln`)).toBe('malformed');
  });

  it('never mints a token the verifier would refuse', async () => {
    await expect(mint({ ...CLAIMS, province: 'ha-noi' })).rejects.toMatchObject({ reason: 'bad_claims' });
    await expect(mint(CLAIMS, NOW, 0)).rejects.toThrow(RangeError);
  });
});
