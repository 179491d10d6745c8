import { PGlite } from '@electric-sql/pglite';

/**
 * Single-user PostgreSQL has no checkpointer, so the WAL would grow until someone checkpoints;
 * these bound it. `-F` (fsync off) is PGlite's default and is dropped when commits must be durable.
 */
export function pgliteStartParams(sync: boolean): string[] {
  const params = PGlite.defaultStartParams.filter((p) => !(sync && p === '-F'));
  params.push('-c', 'max_wal_size=64MB', '-c', 'min_wal_size=32MB');
  if (sync) params.push('-c', 'fsync=on', '-c', 'wal_sync_method=fsync', '-c', 'synchronous_commit=on');
  return params;
}
