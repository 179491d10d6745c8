// Child process for the PGlite durability test: appends events to a data directory as fast as
// it can and prints "<position> <eventId>" for each append only after the store acknowledged
// it. The parent kills it with SIGKILL mid-stream and checks every printed event survived.
// Stdout to a pipe is synchronous on Linux, so a printed line is an acknowledged commit.
// Run with: node --conditions=source --import libs/testing/src/ts-child-register.mjs
const [dataDir, syncFlag = 'on', thread = 'main'] = process.argv.slice(2);
const { openPglite } = await import('../sql/pglite-client.ts');
const { openPgliteWorker } = await import('../sql/pglite-thread.ts');
const { SqlEventStore } = await import('../sql/sql-event-store.ts');
const { newId, zonedNow } = await import('#shared-kernel');

// thread=worker: PGlite on a worker thread (it inherits this process's loader hooks).
const open = thread === 'worker' ? openPgliteWorker : openPglite;
const sql = await open(dataDir, { syncOnCommit: syncFlag === 'on' });
const store = await SqlEventStore.open(sql);
const actor = { userId: newId(), role: 'liaison_officer', unitId: 'unit-mong-cai' };
const streams = Array.from({ length: 5 }, () => `durability-${newId()}`);
const revisions = new Map();
process.stdout.write('ready\n');

for (let i = 0; ; i++) {
  const streamId = streams[i % streams.length];
  const now = new Date();
  const event = {
    id: newId(),
    type: 'DurabilityProbed',
    schemaVersion: 1,
    data: { i, note: 'Biên bản giao nhận 交接记录' },
    metadata: { actor, correlationId: newId(), causationId: null, occurredAt: zonedNow(now), recordedAt: now.toISOString() },
  };
  const expected = revisions.get(streamId) ?? 'no_stream';
  const result = await store.append([{ streamId, events: [event], expectedRevision: expected }]);
  revisions.set(streamId, result.streams[0].nextRevision);
  process.stdout.write(`${result.position} ${event.id}\n`);
}
