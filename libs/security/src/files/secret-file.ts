import { randomBytes } from 'node:crypto';
import { chmod, link, mkdir, open, readFile, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * A secret that lives in a file under DATA_DIR (the local signing key, the embedded master key).
 *
 * Two processes may start on an empty data directory at the same moment (the API and a CLI
 * minting the first token). If both generated and wrote the file, one of them would go on
 * using a key the other overwrote: tokens it minted would never verify, data it encrypted
 * would never decrypt. So the first writer wins atomically and everyone re-reads the winner:
 * the content goes to a private temp file first and is published with link(2), which fails
 * with EEXIST instead of replacing an existing file. A reader can never see a half-written file.
 */
export async function loadOrCreateSecretFile(path: string, generate: () => string): Promise<string> {
  const existing = await readIfExists(path);
  if (existing !== null) return existing;
  await ensurePrivateDir(dirname(path));
  await publishOnce(path, generate());
  const winner = await readIfExists(path);
  if (winner === null) throw new Error(`secret file ${basename(path)} vanished right after it was created`);
  return winner;
}

async function readIfExists(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if (isCode(error, 'ENOENT')) return null;
    throw error;
  }
}

/** The keys folder is readable by the service account only (0700), like ~/.ssh. */
async function ensurePrivateDir(dir: string): Promise<void> {
  const created = await mkdir(dir, { recursive: true, mode: 0o700 });
  // mkdir's mode is filtered by the umask; set it explicitly on the folder we made.
  if (created !== undefined) await chmod(dir, 0o700);
}

async function publishOnce(path: string, content: string): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', 0o600);
  try {
    await handle.writeFile(content, 'utf8');
    await handle.chmod(0o600);
    await handle.sync(); // the content is on disk before the name points at it
  } finally {
    await handle.close();
  }
  try {
    await link(temp, path);
    await syncDir(dirname(path));
  } catch (error) {
    if (!isCode(error, 'EEXIST')) throw error; // another process won the race: use its key
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}

async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } catch {
    // Some file systems refuse fsync on a directory; the file itself is already synced.
  } finally {
    await handle.close();
  }
}

function isCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;
}
