import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MasterKey, masterKeyPath } from './master-key.js';

describe('the master key from configuration', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'blo-master-'));
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('in embedded mode is a 0600 key file created once, the same for racing first starts', async () => {
    const keys = await Promise.all(
      Array.from({ length: 8 }, () => MasterKey.fromConfig({ dataDir, crypto: { masterKey: null } })),
    );
    expect(new Set(keys.map((k) => k.id)).size).toBe(1);
    const path = masterKeyPath(dataDir);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(Buffer.from((await readFile(path, 'utf8')).trim(), 'base64')).toHaveLength(32);
    const wrapped = keys[0].wrap(randomBytes(32), 'ctx');
    const reopened = await MasterKey.fromConfig({ dataDir, crypto: { masterKey: null } });
    expect(reopened.unwrap(wrapped, 'ctx')).toHaveLength(32);
  });

  it('comes from MASTER_KEY when set, and then writes no file', async () => {
    const configured = randomBytes(32).toString('base64');
    const key = await MasterKey.fromConfig({ dataDir, crypto: { masterKey: configured } });
    expect(key.id).toBe(MasterKey.fromBase64(configured).id);
    await expect(stat(masterKeyPath(dataDir))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
