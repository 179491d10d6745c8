import cluster, { type Worker } from 'node:cluster';
import type { AppConfig } from '#config';

/** Writes one operator line (main.ts's `announce`). */
export type Announce = (headline: string) => void;

/**
 * ROLE=api with API_PROCESSES=n: this process forks n api processes and only supervises them.
 * One event loop spends about a millisecond of CPU per request (docs/performance.md), so one
 * process cannot use a second core; the forks listen on the same port and node:cluster hands
 * them the connections in turn. The event store is already safe for several writers (the
 * appends serialise in PostgreSQL), and background work stays in the one ROLE=worker process.
 *
 * A fork that dies before it listens stops the whole service with exit 1, as a single process
 * that fails to start would (a restart loop would hide the cause); one that dies later is
 * replaced. SIGTERM and SIGINT are passed on, and the supervisor exits once every fork has.
 */
export function superviseApiProcesses(config: AppConfig, announce: Announce): void {
  const listening = new Set<number>();
  let stopping = false;

  const alive = (): Worker[] => Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);
  const stop = (code: number): void => {
    if (stopping) return;
    stopping = true;
    process.exitCode = code;
    for (const w of alive()) w.process.kill('SIGTERM');
    if (alive().length === 0) process.exit(code);
  };

  cluster.on('listening', (worker) => {
    listening.add(worker.id);
    if (listening.size === config.apiProcesses)
      announce(`BLO Ledger api: ${config.apiProcesses} processes share the port (API_PROCESSES)`);
  });
  cluster.on('exit', (worker, code, signal) => {
    const started = listening.delete(worker.id);
    if (stopping) {
      if (alive().length === 0) process.exit(process.exitCode ?? 0);
      return;
    }
    const how = signal ?? `exit ${code}`;
    if (!started) {
      console.error(`BLO Ledger: an api process failed to start (${how}); stopping the others`);
      stop(1);
      return;
    }
    console.error(`BLO Ledger: an api process ended (${how}); starting another`);
    cluster.fork();
  });
  process.on('SIGTERM', () => stop(0));
  process.on('SIGINT', () => stop(0));
  for (let i = 0; i < config.apiProcesses; i++) cluster.fork();
}

/** Whether this process is the supervisor of several api processes rather than one of them. */
export const supervisesApiProcesses = (config: AppConfig): boolean =>
  config.role === 'api' && config.apiProcesses > 1 && cluster.isPrimary;
