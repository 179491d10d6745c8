import { spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '../../..');
const HOOKS = join(ROOT, 'libs/testing/src/ts-child-register.mjs');

export interface CliRun {
  readonly code: number | null;
  readonly out: string;
  readonly err: string;
}

/**
 * `npm run cli -- <args>` as a real process, with only the environment given; `stdin`, when
 * given, is piped to it (a password), else its standard input is empty.
 */
export function runCli(env: Record<string, string>, args: readonly string[], stdin?: string): Promise<CliRun> {
  const child = spawn(
    process.execPath,
    ['--conditions=source', '--import', HOOKS, join(ROOT, 'apps/cli/src/main.ts'), ...args],
    {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'error', ...env },
      stdio: [stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    },
  );
  let out = '';
  let err = '';
  child.stdout?.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr?.on('data', (b: Buffer) => (err += b.toString()));
  if (stdin !== undefined) child.stdin?.end(stdin);
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, out, err })));
}
