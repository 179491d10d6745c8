import type { Decider, DomainCommand, DomainEvent } from '#shared-kernel';
import {
  IdempotencyKeyReusedError,
  IdempotentReplay,
  StaleRevisionError,
  commandOf,
  handle,
  toNewEvents,
  type WriteContext,
  type WriteOptions,
} from './command-handling.js';
import type { RecordedEvent } from './event-envelope.js';
import type { StreamWrite } from './event-store.port.js';
import { openPglite } from './sql/pglite-client.js';
import type { SqlClient } from './sql/sql-client.js';
import { SqlEventStore } from './sql/sql-event-store.js';

/**
 * The one write path, below HTTP: a counter aggregate on an in-memory PGlite store. Each test
 * names the behaviour of `handle()` that every handler relies on.
 */
type Add = DomainCommand<'Add', { by: number }>;
type Added = DomainEvent<'Added', { by: number; secret?: string }>;
type Sealed = DomainEvent<'Added', { by: number; secret: string }>;

const counter: Decider<number, Add, Added> = {
  initialState: 0,
  decide: ({ data }, total) => {
    if (total + data.by > 10) throw new Error('a counter never passes 10');
    return [{ type: 'Added', data: { by: data.by } }];
  },
  evolve: (total, e) => total + e.data.by,
};

const ctx = (extra: Partial<WriteContext> = {}): WriteContext => ({
  actor: { userId: 'u-1', role: 'liaison_officer', unitId: 'VN-LS-BLO' },
  now: new Date('2026-12-07T02:00:00Z'),
  correlationId: 'c-1',
  ...extra,
});

const add = (by: number, c: WriteContext = ctx()) => commandOf<Add>('Add', { by }, c);

describe('handle(): the one write path (PGlite in memory)', () => {
  let sql: SqlClient;
  let store: SqlEventStore;

  beforeEach(async () => {
    sql = await openPglite('memory://');
    store = await SqlEventStore.open(sql);
  });

  afterEach(async () => {
    await store.close();
    await sql.close();
  });

  const write = (
    streamId: string,
    by: number,
    extra: Partial<WriteOptions<number, Add, Added, { messageId?: string }>> = {},
    c = ctx(),
  ) => handle({ store, decider: counter, streamId, id: streamId, command: add(by, c), ctx: c, ...extra });

  async function eventsIn(streamId: string): Promise<RecordedEvent[]> {
    const out: RecordedEvent[] = [];
    for await (const e of store.readStream(streamId)) out.push(e);
    return out;
  }
  const typesIn = async (streamId: string): Promise<unknown[]> => (await eventsIn(streamId)).map((e) => e.data);

  it('decides on the folded state and answers the new revision, created only the first time', async () => {
    const first = await write('counter-a', 4);
    const second = await write('counter-a', 5);
    expect([first.created, first.revision, second.created, second.revision]).toEqual([true, '0', false, '1']);
    await expect(write('counter-a', 2)).rejects.toThrow('never passes 10');
    expect(await typesIn('counter-a')).toEqual([{ by: 4 }, { by: 5 }]);
  });

  it('refuses a stale If-Match naming the revision it found', async () => {
    await write('counter-b', 1);
    await write('counter-b', 1);
    const stale = write('counter-b', 1, {}, ctx({ ifMatch: 0n }));
    await expect(stale).rejects.toThrow(StaleRevisionError);
    await expect(stale).rejects.toMatchObject({ expected: 0n, actual: '1' });
    await expect(write('counter-x', 1, {}, ctx({ ifMatch: 0n }))).rejects.toMatchObject({ actual: 'no_stream' });
  });

  it('under If-Match, a conflict on a linked stream is retried, not reported as a stale read', async () => {
    await write('counter-c', 1);
    await write('linked-c', 1);
    let attempts = 0;
    const answer = await write(
      'counter-c',
      1,
      {
        linked: async () => {
          attempts++;
          // The first attempt expects the linked stream's revision 0, then someone else writes it.
          const linked: StreamWrite = {
            streamId: 'linked-c',
            events: toNewEvents([{ type: 'Added', data: { by: 1 } }], ctx()),
            expectedRevision: attempts === 1 ? 0n : 1n,
          };
          if (attempts === 1) await write('linked-c', 1);
          return [linked];
        },
      },
      ctx({ ifMatch: 0n }),
    );
    expect({ attempts, revision: answer.revision }).toEqual({ attempts: 2, revision: '1' });
  });

  it('seals only after the decision and the linked writes passed, so a refusal seals nothing', async () => {
    const sealed: number[] = [];
    const seal = (events: readonly Added[]): Promise<Sealed[]> => {
      sealed.push(events.length);
      return Promise.resolve(events.map((e) => ({ ...e, data: { ...e.data, secret: 'ciphertext' } })));
    };
    const refusingLink = () => Promise.reject(new Error('the linked case is closed'));
    await expect(write('counter-d', 1, { seal, linked: refusingLink })).rejects.toThrow('closed');
    await expect(write('counter-d', 11, { seal })).rejects.toThrow('never passes 10');
    expect(sealed).toEqual([]);
    await write('counter-d', 1, { seal });
    expect({ sealed, stored: await typesIn('counter-d') }).toEqual({
      sealed: [1],
      stored: [{ by: 1, secret: 'ciphertext' }],
    });
  });

  it('with `any` concurrency neither loads nor conflicts (the audit of reads)', async () => {
    const log: Decider<number, Add, Added> = { ...counter, decide: ({ data }) => [{ type: 'Added', data }] };
    const many = await Promise.all(
      [1, 2, 3, 4, 5].map((by) =>
        handle({ store, decider: log, streamId: 'audit-e', id: 'e', command: add(by), ctx: ctx(), concurrency: 'any' }),
      ),
    );
    expect(new Set(many.map((a) => a.revision)).size).toBe(5);
    expect((await typesIn('audit-e')).length).toBe(5);
  });

  it('replays the first answer, extra fields included, for the same key and request; refuses another request', async () => {
    const idem = (requestHash: string) => ctx({ idempotency: { key: 'user-1:key-1', requestHash } });
    const first = await write('counter-f', 2, { answer: { messageId: 'm-1' } }, idem('h1'));
    const again = write('counter-f', 2, { answer: { messageId: 'm-other' } }, idem('h1'));
    await expect(again).rejects.toThrow(IdempotentReplay);
    await expect(again).rejects.toMatchObject({ response: { ...first, messageId: 'm-1' } });
    await expect(write('counter-f', 3, {}, idem('h2'))).rejects.toThrow(IdempotencyKeyReusedError);
    expect(await typesIn('counter-f')).toEqual([{ by: 2 }]);
  });

  it('indexes the events under the case the state names after the decision', async () => {
    await write('counter-g', 3, { caseId: (after: number) => `00000000-0000-4000-8000-00000000000${after}` });
    const [event] = await eventsIn('counter-g');
    expect(event?.metadata).toMatchObject({ caseId: '00000000-0000-4000-8000-000000000003' });
  });
});
