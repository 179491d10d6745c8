import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '#config';
import { CheckpointSigningKey, CheckpointVerifyKey, checkpointKeyPath } from './checkpoint-signing-key.js';

describe('the checkpoint signing key', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'blo-checkpoint-key-'));
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('is created once in DATA_DIR/keys (0600, folder 0700) and reused by every later start', async () => {
    const config = loadConfig({ DATA_DIR: dataDir }, dataDir);
    expect(await CheckpointSigningKey.existing(config)).toBeNull();
    const first = await CheckpointSigningKey.fromConfig(config);
    const path = checkpointKeyPath(dataDir);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect((await stat(join(dataDir, 'keys'))).mode & 0o777).toBe(0o700);
    expect(await readFile(path, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    const again = await Promise.all([CheckpointSigningKey.fromConfig(config), CheckpointSigningKey.existing(config)]);
    expect(again.map((k) => k?.keyId)).toEqual([first.keyId, first.keyId]);
  });

  it('signs so that only its public half verifies, and nothing else passes', async () => {
    const key = await CheckpointSigningKey.generate();
    const other = await CheckpointSigningKey.generate();
    const message = Buffer.from('blo-ledger checkpoint v1\n{}');
    const signature = key.sign(message);
    const pub = await CheckpointVerifyKey.fromPem(key.publicKeyPem());
    expect(pub.keyId).toBe(key.keyId);
    expect(pub.verify(message, signature)).toBe(true);
    expect(pub.verify(Buffer.from('blo-ledger checkpoint v1\n{"x":1}'), signature)).toBe(false);
    expect(other.verify(message, signature)).toBe(false);
    expect(pub.verify(message, 'not a signature')).toBe(false);
    expect(key.publicKeyPem()).not.toMatch(/PRIVATE/);
  });

  it('comes from CHECKPOINT_SIGNING_KEY as PKCS#8 PEM or base64 DER, and writes no file then', async () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const der = privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64');
    const fromPem = await CheckpointSigningKey.fromConfig(
      loadConfig({ DATA_DIR: dataDir, CHECKPOINT_SIGNING_KEY: pem }),
    );
    const fromDer = await CheckpointSigningKey.fromConfig(
      loadConfig({ DATA_DIR: dataDir, CHECKPOINT_SIGNING_KEY: der }),
    );
    expect(fromDer.keyId).toBe(fromPem.keyId);
    await expect(stat(checkpointKeyPath(dataDir))).rejects.toThrow();
  });

  it('refuses a key that is not an Ed25519 private key, without echoing it', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' });
    for (const value of [rsa.toString(), 'c2hvcnQ=', 'secret-value-123']) {
      let error: unknown;
      try {
        loadConfig({ CHECKPOINT_SIGNING_KEY: value, CHECKPOINT_INTERVAL_SECONDS: '-1' });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems).toContain('CHECKPOINT_SIGNING_KEY');
      expect(problems).toContain('CHECKPOINT_INTERVAL_SECONDS');
      expect(problems).not.toContain(value.slice(0, 12));
    }
  });
});
