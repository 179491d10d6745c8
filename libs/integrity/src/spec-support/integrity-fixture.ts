import { openPglite, SqlEventStore, type EventStore, type NewEvent, type SqlClient } from '#event-store';
import { CheckpointSigningKey } from '#security';
import { newId, zonedNow, type Actor } from '#shared-kernel';
import { CheckpointRecorder } from '../checkpoint/checkpoint-recorder.js';
import { IntegrityIndex } from '../index/integrity-index.js';
import { EventProofs } from '../verify/event-proofs.js';
import { StreamVerifier } from '../verify/stream-verifier.js';

export const SPEC_ACTOR: Actor = { userId: 'an.nguyen', role: 'liaison_officer', unitId: 'VN-LS-BLO' };

export function specEvent(type: string, data: unknown): NewEvent {
  const now = new Date();
  return {
    id: newId(),
    type,
    data,
    metadata: {
      actor: SPEC_ACTOR,
      correlationId: newId(),
      causationId: null,
      occurredAt: zonedNow(now),
      recordedAt: now.toISOString(),
    },
  };
}

export interface IntegrityFixture {
  readonly sql: SqlClient;
  readonly store: EventStore;
  readonly index: IntegrityIndex;
  readonly key: CheckpointSigningKey;
  readonly recorder: CheckpointRecorder;
  readonly verifier: StreamVerifier;
  readonly proofs: EventProofs;
  /** Appends `count` events to the stream after whatever it holds; returns their ids. */
  append(streamId: string, count: number, type?: string): Promise<string[]>;
  /** Another recorder over the same store and index (a second process), reading through the port. */
  recorderWith(index?: IntegrityIndex): CheckpointRecorder;
  close(): Promise<void>;
}

/** The real parts over a real (embedded, in-memory) PostgreSQL: no part of the database is faked. */
export async function openIntegrityFixture(sql?: SqlClient): Promise<IntegrityFixture> {
  const db = sql ?? (await openPglite('memory://'));
  const store = await SqlEventStore.open(db);
  const index = new IntegrityIndex(db);
  await index.migrate();
  const key = await CheckpointSigningKey.generate();
  // This one reads new events straight from the table; `recorderWith` through the store's port.
  const recorder = new CheckpointRecorder(store, index, key, { eventsSql: db });
  return {
    sql: db,
    store,
    index,
    key,
    recorder,
    verifier: new StreamVerifier(store, index, recorder, db),
    proofs: new EventProofs(store, index, recorder, db),
    async append(streamId, count, type = 'ThingHappened') {
      const events = Array.from({ length: count }, (_, n) => specEvent(type, { n, note: `sự việc ${n}` }));
      await store.append([{ streamId, events, expectedRevision: 'any' }]);
      return events.map((e) => e.id);
    },
    recorderWith: (other = index) => new CheckpointRecorder(store, other, key),
    async close() {
      await store.close();
      if (!sql) await db.close();
    },
  };
}
