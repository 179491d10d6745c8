import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '#config';
import { openEventStore, type OpenedEventStore, type StreamWrite } from '#event-store';
import { CheckpointRecorder, IntegrityIndex } from '#integrity';
import { CheckpointSigningKey } from '#security';
import { newId } from '#shared-kernel';
import { createBenchDatabase, type StoreKind } from './bench-kit.js';
import { messageEvent } from './write-port.js';

/** A fresh store of one kind with the integrity index and a recorder over it, and how to throw it all away. */
export interface BenchLedger {
  readonly kind: StoreKind;
  readonly opened: OpenedEventStore;
  readonly index: IntegrityIndex;
  readonly recorder: CheckpointRecorder;
  readonly key: CheckpointSigningKey;
  drop(): Promise<void>;
}

export async function openBenchLedger(kind: StoreKind, pgliteSync: boolean): Promise<BenchLedger> {
  const dataDir = await mkdtemp(join(tmpdir(), 'blo-bench-integrity-'));
  const db = kind === 'postgres' ? await createBenchDatabase() : null;
  const env: Record<string, string> = { DATA_DIR: dataDir, PGLITE_SYNC: pgliteSync ? 'on' : 'off', LOG_LEVEL: 'error' };
  if (db)
    Object.assign(env, {
      EVENT_STORE: 'postgres',
      DATABASE_URL: db.url,
      MASTER_KEY: Buffer.alloc(32, 7).toString('base64'),
    });
  const opened = await openEventStore(loadConfig(env, dataDir));
  const index = new IntegrityIndex(opened.sql);
  await index.migrate();
  const key = await CheckpointSigningKey.generate();
  return {
    kind,
    opened,
    index,
    key,
    recorder: new CheckpointRecorder(opened.store, index, key, { eventsSql: opened.sql }),
    async drop() {
      await opened.close();
      await db?.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Fills a store with `count` message-sized events (~1.3 kB each, as the write bench's), spread
 * over streams of about 50 events, written 500 at a time: a log to checkpoint and verify, made
 * as fast as the store takes it. Reports progress every 100,000 events.
 */
export async function fillLog(ledger: BenchLedger, count: number, say: (line: string) => void): Promise<void> {
  const caseId = newId();
  const perStream = 50;
  const streamsPerAppend = 10;
  let written = 0;
  while (written < count) {
    const writes: StreamWrite[] = [];
    for (let s = 0; s < streamsPerAppend && written < count; s++) {
      const streamId = `exchange-${newId()}`;
      const n = Math.min(perStream, count - written);
      const now = new Date();
      writes.push({
        streamId,
        events: Array.from({ length: n }, () => messageEvent(streamId, caseId, now)),
        expectedRevision: 'no_stream',
      });
      written += n;
    }
    await ledger.opened.store.append(writes);
    if (written % 100_000 < perStream * streamsPerAppend)
      say(`    ${ledger.kind}: ${written.toLocaleString('en-US')} events written`);
  }
}
