import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { LocalSigningKey, mintToken } from '#security';
import type { Role } from '#shared-kernel';

const ROOT = join(import.meta.dirname, '../../..');
const HOOKS = join(ROOT, 'libs/testing/src/ts-child-register.mjs');

/** apps/api/src/main.ts as its own process, the way `npm start` and deploy/ run the build. */
export interface ServiceProcess {
  readonly child: ChildProcess;
  /** Everything written to stdout / stderr so far. */
  stdout(): string;
  stderr(): string;
  /** Resolves with the first match of `pattern` on stdout; fails if the process exits or time runs out. */
  waitFor(pattern: RegExp, timeoutMs: number): Promise<RegExpExecArray>;
  /** Resolves with the exit code once the process has ended by itself. */
  exitCode(): Promise<number | null>;
  /** SIGTERM, then resolves once the process has exited. */
  stop(): Promise<void>;
}

export function startService(env: Record<string, string>): ServiceProcess {
  const child = spawn(
    process.execPath,
    ['--conditions=source', '--import', HOOKS, join(ROOT, 'apps/api/src/main.ts')],
    {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  let err = '';
  child.stdout.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr.on('data', (b: Buffer) => (err += b.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let gone = false;
  void exited.then(() => (gone = true));
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    waitFor: (pattern, timeoutMs) =>
      new Promise((resolve, reject) => {
        const check = (): boolean => {
          const m = pattern.exec(out);
          if (!m) return false;
          cleanup();
          resolve(m);
          return true;
        };
        const onExit = (code: number | null): void => {
          cleanup();
          reject(new Error(`exited ${code} before ${pattern}: ${err}`));
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`no ${pattern} after ${timeoutMs} ms: ${out}\n${err}`));
        }, timeoutMs);
        const cleanup = (): void => {
          clearTimeout(timer);
          child.stdout.off('data', check);
          child.off('exit', onExit);
        };
        if (check()) return;
        child.stdout.on('data', check);
        child.on('exit', onExit);
      }),
    exitCode: () => exited,
    async stop() {
      if (!gone) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** A bearer token the service in `dataDir` accepts (its local signing key, made now if missing). */
export async function bearerFor(dataDir: string, role: Role, sub = `${role}.user`): Promise<string> {
  const key = await LocalSigningKey.loadOrCreate(dataDir);
  const token = await mintToken(
    key,
    { sub, roles: [role], unit: 'VN-LS-BLO', province: 'lang-son' },
    { issuer: 'blo-ledger', audience: 'blo-ledger', ttlSeconds: 600 },
  );
  return `Bearer ${token}`;
}
