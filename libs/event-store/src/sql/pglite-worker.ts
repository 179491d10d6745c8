import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';
import { DurableNodeFS, syncTree } from './pglite-durable-fs.js';
import { pgliteStartParams } from './pglite-params.js';

/**
 * The embedded database on its own thread (docs/performance.md, "PGlite off the request
 * thread"): PostgreSQL-in-WASM executes here, and so do its synchronous fsyncs at commit, so
 * neither blocks the event loop that serves HTTP. It speaks the wire protocol only: bytes in,
 * bytes out, in the order they arrive; the caller's node-postgres connection does everything
 * else (prepared statements, transactions, parsing).
 */
export interface PgliteWorkerData {
  readonly dataDir: string;
  readonly sync: boolean;
}

export type ToWorker =
  { readonly id: number; readonly bytes: Uint8Array } | { readonly id: number; readonly close: true };
export type FromWorker =
  | { readonly ready: true }
  | { readonly failed: string }
  | { readonly id: number; readonly bytes: Uint8Array }
  | { readonly id: number; readonly error: string };

async function main(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('pglite-worker runs as a worker thread only');
  const { dataDir, sync } = workerData as PgliteWorkerData;
  let pglite: PGlite;
  try {
    pglite = await PGlite.create({
      fs: sync ? new DurableNodeFS(dataDir) : new NodeFS(dataDir),
      startParams: pgliteStartParams(sync),
    });
    if (sync) syncTree(dataDir, true);
  } catch (error) {
    port.postMessage({ failed: error instanceof Error ? error.message : String(error) } satisfies FromWorker);
    return;
  }
  // One message at a time, as one connection would: a message is executed only after the
  // previous one answered, so a transaction's statements never interleave with another's.
  let queue: Promise<void> = Promise.resolve();
  port.on('message', (m: ToWorker) => {
    queue = queue.then(async () => {
      try {
        if ('close' in m) {
          await pglite.close();
          port.postMessage({ id: m.id, bytes: new Uint8Array(0) } satisfies FromWorker);
          port.close();
          return;
        }
        // The answer is a view of PGlite's own buffer, reused by the next message: copy it out.
        const out = (await pglite.execProtocolRaw(m.bytes)).slice();
        port.postMessage({ id: m.id, bytes: out } satisfies FromWorker, [out.buffer]);
      } catch (error) {
        port.postMessage({
          id: m.id,
          error: error instanceof Error ? error.message : String(error),
        } satisfies FromWorker);
      }
    });
  });
  port.postMessage({ ready: true } satisfies FromWorker);
}

void main();
