import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadOrCreateSecretFile } from './secret-file.js';

describe('secret files in the data directory', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'blo-secret-'));
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('creates the file readable by the owner only, in a private folder, and keeps it', async () => {
    const path = join(dataDir, 'keys', 'a.key');
    const first = await loadOrCreateSecretFile(path, () => 'first');
    const again = await loadOrCreateSecretFile(path, () => 'second');
    expect([first, again]).toEqual(['first', 'first']);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect((await stat(join(dataDir, 'keys'))).mode & 0o777).toBe(0o700);
  });

  it('lets exactly one of many racing first starts win, and all of them read the winner', async () => {
    const path = join(dataDir, 'keys', 'race.key');
    let generated = 0;
    const results = await Promise.all(
      Array.from({ length: 16 }, () =>
        loadOrCreateSecretFile(path, () => {
          generated += 1;
          return randomUUID();
        }),
      ),
    );
    expect(generated).toBeGreaterThan(1); // the race really happened: several contenders wrote a candidate
    expect(new Set(results).size).toBe(1);
    expect(await readdir(join(dataDir, 'keys'))).toEqual(['race.key']); // no temp file left behind
  });

  it('never replaces a file another process published after we looked', async () => {
    const path = join(dataDir, 'keys', 'late.key');
    // The other process writes its key between our "not there yet" and our publish.
    const mine = await loadOrCreateSecretFile(path, () => {
      writeFileSync(path, 'theirs', { mode: 0o600 });
      return 'mine';
    });
    expect(mine).toBe('theirs');
    expect(await readFile(path, 'utf8')).toBe('theirs');
  });
});
