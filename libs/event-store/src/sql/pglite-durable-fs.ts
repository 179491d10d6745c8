import { closeSync, fsyncSync, openSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';

type InitResult = Awaited<ReturnType<NodeFS['init']>>;
type EmscriptenOptions = InitResult['emscriptenOpts'];

interface NodeFsInternals {
  stream_ops: Record<string, unknown>;
  tryFSOperation<T>(f: () => T): T;
}

/**
 * PGlite's Node file system writes through to real files but its Emscripten layer has no fsync:
 * PostgreSQL's fsync() reaches `stream_ops.fsync`, which NODEFS leaves undefined, so it silently
 * succeeds and nothing is flushed (and fdatasync is a stub). This file system fills that hole with
 * a real fsync(2) on the host file, so PostgreSQL's own durability logic (WAL flush at commit,
 * data file sync at checkpoint) works as on a server. Use it with fsync on (no `-F`) and
 * `wal_sync_method=fsync`, the one method that reaches this hook.
 */
export class DurableNodeFS extends NodeFS {
  /** fsync(2) calls made on PostgreSQL's behalf; observable proof that commits reach the disk. */
  fsyncs = 0;

  override async init(pg: PGlite, options: Partial<EmscriptenOptions>): Promise<InitResult> {
    const result = await super.init(pg, options);
    const opts = result.emscriptenOpts;
    const preRun = Array.isArray(opts.preRun) ? opts.preRun : [];
    opts.preRun = [
      ...preRun,
      (mod: { NODEFS: unknown }) => {
        const nodefs = mod.NODEFS as NodeFsInternals;
        nodefs.stream_ops.fsync = (stream: { nfd: number }) =>
          nodefs.tryFSOperation(() => {
            fsyncSync(stream.nfd);
            this.fsyncs += 1;
            return 0;
          });
      },
    ];
    return result;
  }
}

/**
 * fsync of every file and directory under `dir`, as PostgreSQL does before recovery: files that
 * initdb or an earlier run without sync left only in the page cache become durable before any
 * commit is acknowledged on top of them.
 */
export function syncTree(dir: string, andParent = false): number {
  let count = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) count += syncTree(path);
    else if (entry.isFile()) count += syncPath(path);
  }
  return count + syncPath(dir) + (andParent ? syncPath(dirname(dir)) : 0);
}

function syncPath(path: string): number {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
    return 1;
  } finally {
    closeSync(fd);
  }
}
