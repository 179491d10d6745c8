import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The built service as a child process of a bench, and the machine's CPU counters around it.
 * (test/e2e/support/service-process.ts does the same for the TypeScript sources under jest; the
 * bench runs from dist/ without #testing, so the two stay apart.)
 */
export const SERVICE_MAIN = fileURLToPath(new URL('../apps/api/src/main.js', import.meta.url));

export interface Child {
  readonly process: ChildProcess;
  waitFor(pattern: RegExp, timeoutMs: number): Promise<RegExpExecArray>;
  stop(): Promise<void>;
}

/** The built service as its own process (the bench runs from dist/, so main.js is beside it). */
export function startChild(env: Record<string, string>): Child {
  const child = spawn(process.execPath, [SERVICE_MAIN], {
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr?.on('data', (b: Buffer) => (err += b.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    process: child,
    waitFor: (pattern, timeoutMs) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const m = pattern.exec(out);
          if (!m) return;
          clearTimeout(timer);
          child.stdout?.off('data', check);
          resolve(m);
        };
        const timer = setTimeout(
          () => reject(new Error(`no ${pattern} after ${timeoutMs} ms: ${err.slice(-500)}`)),
          timeoutMs,
        );
        child.stdout?.on('data', check);
        void exited.then(() => reject(new Error(`service exited before ${pattern}: ${err.slice(-500)}`)));
        check();
      }),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** The machine's CPU counters (all cores, since boot), from /proc/stat; null where there is none. */
export function cpuTicks(): { idle: number; total: number } | null {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    // idle + iowait are the time no process ran.
    return { idle: fields[3] + (fields[4] ?? 0), total: fields.reduce((a, b) => a + b, 0) };
  } catch {
    return null;
  }
}
