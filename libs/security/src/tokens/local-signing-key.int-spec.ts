import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalSigningKey, signingKeyPath } from './local-signing-key.js';
import { mintToken } from './mint-token.js';
import { TokenVerifier } from './token-verifier.js';

describe('the local signing key', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'blo-signing-'));
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('is created once (0600) and a token minted by one process verifies in another', async () => {
    const cli = await LocalSigningKey.loadOrCreate(dataDir);
    const path = signingKeyPath(dataDir);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(path, 'utf8'))).toMatchObject({ kty: 'OKP', crv: 'Ed25519' });

    const api = await LocalSigningKey.loadOrCreate(dataDir);
    expect(api.kid).toBe(cli.kid);
    const token = await mintToken(
      cli,
      { sub: 'bg.tran', roles: ['border_guard'], unit: 'VN-LS-BP-HUUNGHI', province: 'lang-son', gates: ['HUU_NGHI'] },
      { issuer: 'blo-ledger', audience: 'blo-ledger', ttlSeconds: 60 },
    );
    const verifier = await TokenVerifier.fromConfig({
      dataDir,
      auth: { mode: 'local', jwksUrl: null, issuer: 'blo-ledger', audience: 'blo-ledger', tokenTtlSeconds: 60 },
    });
    await expect(verifier.verify(token)).resolves.toMatchObject({ userId: 'bg.tran', roles: ['border_guard'] });
  });

  it('comes out the same for every instance racing on an empty data directory', async () => {
    const keys = await Promise.all(Array.from({ length: 8 }, () => LocalSigningKey.loadOrCreate(dataDir)));
    expect(new Set(keys.map((k) => k.kid)).size).toBe(1);
  });

  it('publishes only the public half', async () => {
    const key = await LocalSigningKey.loadOrCreate(dataDir);
    const jwk = key.publicJwk();
    expect(jwk).toMatchObject({ kty: 'OKP', crv: 'Ed25519', kid: key.kid, alg: 'EdDSA', use: 'sig' });
    expect(jwk).not.toHaveProperty('d');
  });
});
