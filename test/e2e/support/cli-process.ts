import { spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '../../..');
const HOOKS = join(ROOT, 'libs/testing/src/ts-child-register.mjs');

export interface CliRun {
  readonly code: number | null;
  readonly out: string;
  readonly err: string;
}

/** `npm run cli -- <args>` as a real process, with only the environment given. */
export function runCli(env: Record<string, string>, args: readonly string[]): Promise<CliRun> {
  const child = spawn(
    process.execPath,
    ['--conditions=source', '--import', HOOKS, join(ROOT, 'apps/cli/src/main.ts'), ...args],
    {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'error', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  let err = '';
  child.stdout.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr.on('data', (b: Buffer) => (err += b.toString()));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, out, err })));
}
