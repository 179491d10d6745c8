import { mkdirSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { protocol, type messages } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import pg from 'pg';
import { PgliteClient, WalCheckpointer, type PgliteOptions } from './pglite-client.js';
import type { SqlClient } from './sql-client.js';
import type { FromWorker, PgliteWorkerData, ToWorker } from './pglite-worker.js';

export interface PgliteWorkerOptions extends PgliteOptions {
  /**
   * Node options of the worker thread (default: the process's own). Running from the TypeScript
   * sources the worker needs the loader hooks of a child process; jest's own are not inherited.
   */
  readonly execArgv?: readonly string[];
}

/** Whether this module runs from the TypeScript sources (tests) rather than the build. */
export const pgliteWorkerFromSource = (): boolean => import.meta.url.endsWith('.ts');

/**
 * Whether a worker thread started now can load the worker's entry. The build always can. From
 * the TypeScript sources it can when this process was started with a loader hook (`--import`),
 * which a worker thread inherits with the process's execArgv: a service the e2e suites start as
 * a child process. Inside jest's module sandbox it cannot; PGlite then stays on this thread.
 */
export const pgliteWorkerLoadable = (): boolean =>
  !pgliteWorkerFromSource() || process.execArgv.some((a) => a === '--import' || a.startsWith('--import='));

/**
 * PGlite in a data directory on a worker thread, driven through the same node-postgres adapter
 * as on the calling thread: the adapter's connection hands each protocol message to the thread
 * and parses the answer here, so the SQL code path, transactions and errors are unchanged.
 */
export async function openPgliteWorker(dataDir: string, options: PgliteWorkerOptions = {}): Promise<SqlClient> {
  if (dataDir.startsWith('memory://')) throw new Error('a PGlite worker needs a data directory');
  mkdirSync(dataDir, { recursive: true });
  const entry = new URL(pgliteWorkerFromSource() ? './pglite-worker.ts' : './pglite-worker.js', import.meta.url);
  const workerData: PgliteWorkerData = { dataDir, sync: options.syncOnCommit ?? true };
  const worker = new Worker(entry, { workerData, ...(options.execArgv ? { execArgv: [...options.execArgv] } : {}) });
  const remote = new RemotePglite(worker);
  try {
    await remote.waitReady;
  } catch (error) {
    await worker.terminate();
    throw error;
  }
  // createPgConfig takes anything that executes protocol messages like a PGlite instance.
  const pool = new pg.Pool({ ...createPgConfig(remote as unknown as Parameters<typeof createPgConfig>[0]), max: 1 });
  return new PgliteClient(pool, () => remote.close(), new WalCheckpointer(pool, options), 'worker');
}

type Pending = { resolve: (bytes: Uint8Array) => void; reject: (error: Error) => void };

/** The calling thread's handle on the worker: protocol bytes out, parsed backend messages back. */
class RemotePglite {
  readonly waitReady: Promise<void>;
  private readonly pending = new Map<number, Pending>();
  private readonly parser = new protocol.Parser();
  private nextId = 1;
  private gone: Error | null = null;

  constructor(private readonly worker: Worker) {
    this.waitReady = new Promise((resolve, reject) => {
      worker.on('message', (m: FromWorker) => {
        if ('ready' in m) return resolve();
        if ('failed' in m) return reject(new Error(`PGlite did not open: ${m.failed}`));
        const waiting = this.pending.get(m.id);
        if (!waiting) return;
        this.pending.delete(m.id);
        if (this.pending.size === 0) worker.unref();
        if ('error' in m) waiting.reject(new Error(m.error));
        else waiting.resolve(m.bytes);
      });
      const fail = (error: Error): void => {
        this.gone ??= error;
        reject(error);
        for (const p of this.pending.values()) p.reject(error);
        this.pending.clear();
      };
      worker.on('error', fail);
      worker.on('exit', (code) => fail(new Error(`the PGlite worker exited (${code})`)));
    });
    // Callers see failures through their own requests; this one is only the start-up signal.
    this.waitReady.then(() => worker.unref()).catch(() => undefined);
  }

  /** What the node-postgres adapter calls for every message it would write to a socket. */
  async execProtocolStream(message: Uint8Array): Promise<messages.BackendMessage[]> {
    const bytes = await this.send((id) => ({ id, bytes: message }));
    const parsed: messages.BackendMessage[] = [];
    this.parser.parse(bytes, (m) => parsed.push(m));
    return parsed;
  }

  async close(): Promise<void> {
    if (this.gone) return;
    await this.send((id) => ({ id, close: true }));
    await this.worker.terminate();
  }

  private send(build: (id: number) => ToWorker): Promise<Uint8Array> {
    if (this.gone) return Promise.reject(this.gone);
    const id = this.nextId++;
    // Like PGlite on the calling thread, an idle worker does not keep the process alive (a CLI
    // command ends when its work does); one with a statement in flight does.
    if (this.pending.size === 0) this.worker.ref();
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage(build(id));
    });
  }
}
