import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import pg from 'pg';
import { DurableNodeFS, syncTree } from './pglite-durable-fs.js';
import { pgliteStartParams } from './pglite-params.js';
import { PoolSqlClient, type SqlClient, type SqlResult } from './sql-client.js';

export interface PgliteOptions {
  /**
   * Flush each commit to stable storage before it is acknowledged (default true). Off, a commit
   * survives a killed process but not an OS crash or power loss. See docs/durability.md.
   */
  readonly syncOnCommit?: boolean;
  /** Checkpoint once this much WAL has piled up since the last one (default 32 MiB). */
  readonly checkpointWalBytes?: number;
  /** Look at the WAL size at most this often, after a statement (default 1 s). */
  readonly checkpointCheckMs?: number;
}

export type PgliteSqlClient = SqlClient & { pglite: PGlite };

/**
 * Embedded PostgreSQL (WASM) in a data directory, driven through the node-postgres adapter so
 * the SQL code path is the one used against a server. `memory://` gives a throwaway instance.
 */
export async function openPglite(dataDir: string, options: PgliteOptions = {}): Promise<PgliteSqlClient> {
  const inMemory = dataDir.startsWith('memory://');
  const sync = !inMemory && (options.syncOnCommit ?? true);
  if (!inMemory) mkdirSync(dataDir, { recursive: true });
  const pglite = inMemory
    ? await PGlite.create(dataDir)
    : await PGlite.create({
        fs: sync ? new DurableNodeFS(dataDir) : new NodeFS(dataDir),
        startParams: pgliteStartParams(sync),
      });
  if (sync) syncTree(dataDir, true);
  const pool = new pg.Pool({ ...createPgConfig(pglite), max: 1 });
  return new InThreadPgliteClient(pool, pglite, inMemory ? null : new WalCheckpointer(pool, options));
}

/**
 * The PGlite SqlClient: after a statement it may look at the WAL. Not on a timer: a loop of
 * appends resolves entirely through promises (no real I/O), so timers would starve exactly
 * when the WAL grows fastest.
 */
export class PgliteClient extends PoolSqlClient {
  constructor(
    pool: pg.Pool,
    closeDatabase: () => Promise<void>,
    private readonly checkpoints: WalCheckpointer | null,
    /** Where the database runs: on this thread, or on its own worker thread (operators see it in /health). */
    readonly thread: 'main' | 'worker',
  ) {
    super(pool, 'pglite', closeDatabase);
  }

  /** The checkpointer first: a check still queued on an ended pool would never be answered. */
  override async close(): Promise<void> {
    await this.checkpoints?.stop();
    await super.close();
  }

  override async query<R>(text: string, params?: readonly unknown[], name?: string): Promise<SqlResult<R>> {
    const result = await super.query<R>(text, params, name);
    this.checkpoints?.tick();
    return result;
  }

  override async transaction<T>(fn: (tx: SqlClient) => Promise<T>): Promise<T> {
    const result = await super.transaction(fn);
    this.checkpoints?.tick();
    return result;
  }
}

/** PGlite on the calling thread; its instance is at hand (tests look at its file system). */
class InThreadPgliteClient extends PgliteClient implements PgliteSqlClient {
  constructor(
    pool: pg.Pool,
    readonly pglite: PGlite,
    checkpoints: WalCheckpointer | null,
  ) {
    super(pool, () => pglite.close(), checkpoints, 'main');
  }
}

/** Runs CHECKPOINT when the WAL written since the last one exceeds the limit. */
export class WalCheckpointer {
  private running: Promise<void> | null = null;
  private lastCheck = Date.now();
  private stopped = false;
  private readonly limit: number;
  private readonly everyMs: number;

  constructor(
    private readonly pool: pg.Pool,
    options: PgliteOptions,
  ) {
    this.limit = options.checkpointWalBytes ?? 32 * 1024 * 1024;
    this.everyMs = options.checkpointCheckMs ?? 1000;
  }

  tick(): void {
    if (this.stopped || this.running || Date.now() - this.lastCheck < this.everyMs) return;
    this.lastCheck = Date.now();
    this.running = this.check().finally(() => (this.running = null));
  }

  private async check(): Promise<void> {
    try {
      const r = await this.pool.query<{ behind: string }>(
        `SELECT pg_wal_lsn_diff(pg_current_wal_insert_lsn(), redo_lsn)::text AS behind FROM pg_control_checkpoint()`,
      );
      if (Number(r.rows[0]?.behind ?? 0) > this.limit) await this.pool.query('CHECKPOINT');
    } catch {
      // closing, or the database refused: the next tick tries again
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.running;
  }
}
