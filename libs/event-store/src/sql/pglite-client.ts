import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import pg from 'pg';
import { DurableNodeFS, syncTree } from './pglite-durable-fs.js';
import { PoolSqlClient, type SqlClient } from './sql-client.js';

export interface PgliteOptions {
  /**
   * Flush each commit to stable storage before it is acknowledged (default true). Off, a commit
   * survives a killed process but not an OS crash or power loss. See docs/durability.md.
   */
  readonly syncOnCommit?: boolean;
  /** Checkpoint once this much WAL has piled up since the last one (default 32 MiB). */
  readonly checkpointWalBytes?: number;
  /** How often to look at the WAL size (default 10 s). */
  readonly checkpointCheckMs?: number;
}

export type PgliteSqlClient = SqlClient & { pglite: PGlite };

/**
 * Single-user PostgreSQL has no checkpointer, so the WAL would grow until someone checkpoints;
 * these bound it. `-F` (fsync off) is PGlite's default and is dropped when commits must be durable.
 */
function startParams(sync: boolean): string[] {
  const params = PGlite.defaultStartParams.filter((p) => !(sync && p === '-F'));
  params.push('-c', 'max_wal_size=64MB', '-c', 'min_wal_size=32MB');
  if (sync) params.push('-c', 'fsync=on', '-c', 'wal_sync_method=fsync', '-c', 'synchronous_commit=on');
  return params;
}

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
        startParams: startParams(sync),
      });
  if (sync) syncTree(dataDir, true);
  const pool = new pg.Pool({ ...createPgConfig(pglite), max: 1 });
  const checkpoints = inMemory ? null : new WalCheckpointer(pool, options);
  const client = new PoolSqlClient(pool, 'pglite', async () => {
    await checkpoints?.stop();
    await pglite.close();
  });
  return Object.assign(client, { pglite });
}

/** Runs CHECKPOINT when the WAL since the last one exceeds the limit. */
class WalCheckpointer {
  private readonly timer: NodeJS.Timeout;
  private running: Promise<void> | null = null;
  private readonly limit: number;

  constructor(
    private readonly pool: pg.Pool,
    options: PgliteOptions,
  ) {
    this.limit = options.checkpointWalBytes ?? 32 * 1024 * 1024;
    this.timer = setInterval(() => {
      this.running ??= this.check().finally(() => (this.running = null));
    }, options.checkpointCheckMs ?? 10_000);
    this.timer.unref();
  }

  private async check(): Promise<void> {
    try {
      const r = await this.pool.query<{ behind: string }>(
        `SELECT pg_wal_lsn_diff(pg_current_wal_insert_lsn(), redo_lsn)::text AS behind FROM pg_control_checkpoint()`,
      );
      if (Number(r.rows[0]?.behind ?? 0) > this.limit) await this.pool.query('CHECKPOINT');
    } catch {
      // closing, or busy: the next tick tries again
    }
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
