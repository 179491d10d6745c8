import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { events, newEvent } from '../contract/contract-fixtures.js';
import { openPglite, type PgliteOptions } from './pglite-client.js';
import { DurableNodeFS } from './pglite-durable-fs.js';
import { SqlEventStore } from './sql-event-store.js';

describe('PGlite in a data directory', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'blo-pglite-client-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** WAL on disk right after the appends (a clean close would checkpoint and trim it). */
  async function walAfterAppends(options: PgliteOptions, batches: number): Promise<number> {
    const dataDir = join(dir, `pglite-${options.checkpointWalBytes}`);
    const sql = await openPglite(dataDir, options);
    const store = await SqlEventStore.open(sql);
    try {
      for (let b = 0; b < batches; b++) {
        const padded = Array.from({ length: 100 }, () => newEvent('Padded', { note: 'x'.repeat(600) }));
        await store.append([{ streamId: `wal-${b}`, events: padded, expectedRevision: 'no_stream' }]);
      }
      const wal = join(dataDir, 'pg_wal');
      const segments = readdirSync(wal).filter((f) => /^[0-9A-F]{24}$/.test(f));
      return segments.reduce((sum, f) => sum + statSync(join(wal, f)).size, 0);
    } finally {
      await store.close();
      await sql.close();
    }
  }

  it('with syncOnCommit, flushes to the disk on every commit', async () => {
    const sql = await openPglite(join(dir, 'synced'), { syncOnCommit: true });
    const store = await SqlEventStore.open(sql);
    try {
      const fs = sql.pglite.fs;
      expect(fs).toBeInstanceOf(DurableNodeFS);
      const before = (fs as DurableNodeFS).fsyncs;
      for (let i = 0; i < 50; i++)
        await store.append([{ streamId: `sync-${i}`, events: events(1), expectedRevision: 'no_stream' }]);
      expect((fs as DurableNodeFS).fsyncs - before).toBeGreaterThanOrEqual(50);
    } finally {
      await store.close();
      await sql.close();
    }
  });

  it('keeps the WAL bounded although single-user PostgreSQL has no checkpointer', async () => {
    const bounded = await walAfterAppends(
      { syncOnCommit: false, checkpointWalBytes: 8 << 20, checkpointCheckMs: 0 },
      600,
    );
    const unbounded = await walAfterAppends({ syncOnCommit: false, checkpointWalBytes: Number.MAX_SAFE_INTEGER }, 600);
    expect(bounded).toBeLessThanOrEqual(64 << 20);
    expect(unbounded).toBeGreaterThan(64 << 20);
  }, 120_000);
});
