import fc from 'fast-check';
import { evolveCase, initialCaseState, type CaseEvent, type CaseState } from '#cases';
import { openPglite, SqlEventStore, type NewEvent, type PgliteSqlClient, type RecordedEvent } from '#event-store';
import { newId, parseStreamId, streamIdOf } from '#shared-kernel';
import { CaseTimelineProjection } from '../case-timeline/case-timeline.projection.js';
import { ProjectionRunner } from '../runner/projection-runner.js';
import { OFFICER } from '../spec-support/projection-harness.js';
import { caseHistory, caseStateView } from './case-history.js';

const KINDS = [
  'classify',
  'open',
  'resolve',
  'close',
  'reopen',
  'person',
  'personNext',
  'handover',
  'handoverNext',
  'exchange',
] as const;
type Kind = (typeof KINDS)[number];
interface Step {
  readonly kind: Kind;
  /** Minutes after the previous step. */
  readonly minutes: number;
  /** Servers' clocks disagree a little: recording times are not always in position order. */
  readonly skewMs: number;
}

const step = fc.record({
  kind: fc.constantFrom(...KINDS),
  minutes: fc.integer({ min: 0, max: 10 }),
  skewMs: fc.integer({ min: -300_000, max: 300_000 }),
});

const zoned = (at: string) => ({ at, offset: '+07:00', zone: 'Asia/Ho_Chi_Minh' });

function envelope(type: string, data: object, recordedAt: string, caseId?: string): NewEvent {
  return {
    id: newId(),
    type,
    data,
    metadata: {
      actor: OFFICER,
      correlationId: newId(),
      causationId: null,
      occurredAt: zoned(recordedAt),
      recordedAt,
      ...(caseId ? { caseId } : {}),
    },
  };
}

/** Appends a random history of one case and its linked records; returns what the store recorded. */
async function record(
  store: SqlEventStore,
  steps: readonly Step[],
): Promise<{ caseId: string; events: RecordedEvent[] }> {
  const caseId = newId();
  const caseStream = streamIdOf('case', caseId);
  const events: RecordedEvent[] = [];
  const persons: string[] = [];
  const handovers: string[] = [];
  let clock = Date.parse('2026-03-05T02:00:00.000Z');
  const append = async (writes: { streamId: string; events: NewEvent[] }[]) => {
    const r = await store.append(writes.map((w) => ({ ...w, expectedRevision: 'any' as const })));
    events.push(...r.events);
  };
  const onCase = (type: string, data: object, at: string) => ({
    streamId: caseStream,
    events: [envelope(type, { caseId, ...data }, at, caseId)],
  });
  await append([
    onCase(
      'ReportReceived',
      {
        channel: 'hotline',
        province: 'lang-son',
        summary: 's',
        occurredAt: zoned(new Date(clock).toISOString()),
        receivingUnit: 'VN-LS-BLO',
      },
      new Date(clock).toISOString(),
    ),
  ]);
  for (const s of steps) {
    clock += s.minutes * 60_000;
    const at = new Date(clock + s.skewMs).toISOString();
    const id = newId();
    switch (s.kind) {
      case 'classify':
        await append([
          onCase('CaseClassified', { classification: 'not_trafficking', previousClassification: null, note: null }, at),
        ]);
        break;
      case 'open':
        await append([onCase('CaseOpened', { reason: null }, at)]);
        break;
      case 'resolve':
        await append([onCase('CaseResolved', { resolution: 'r' }, at)]);
        break;
      case 'close':
        await append([
          onCase(
            'CaseClosed',
            { reason: 'c', closedFrom: 'open', override: false, openVerificationIds: [], unconfirmedHandoverIds: [] },
            at,
          ),
        ]);
        break;
      case 'reopen':
        await append([onCase('CaseReopened', { reason: 'n' }, at)]);
        break;
      case 'person':
        persons.push(id);
        await append([
          {
            streamId: streamIdOf('person', id),
            events: [
              envelope(
                'PersonRegistered',
                {
                  personId: id,
                  caseId,
                  role: 'victim',
                  ageBand: 'adult',
                  personal: 'v1.1.a.b.c',
                  identification: 'identified_victim',
                },
                at,
                caseId,
              ),
            ],
          },
          onCase('PersonLinked', { personId: id, role: 'victim' }, at),
        ]);
        break;
      case 'personNext':
        if (persons.length > 0)
          await append([
            {
              streamId: streamIdOf('person', persons.at(-1)!),
              events: [envelope('IdentificationBegun', { personId: persons.at(-1), caseId, basis: null }, at)],
            },
          ]);
        break;
      case 'handover':
        handovers.push(id);
        await append([
          {
            streamId: streamIdOf('handover', id),
            events: [
              envelope(
                'HandoverProposed',
                {
                  handoverId: id,
                  caseId,
                  gate: 'HUU_NGHI',
                  counterpart: 'CN-GX-PSD',
                  proposedBy: 'cn',
                  personIds: [],
                  occurredAt: zoned(at),
                },
                at,
                caseId,
              ),
            ],
          },
          onCase('HandoverLinked', { handoverId: id }, at),
        ]);
        break;
      case 'handoverNext':
        if (handovers.length > 0)
          await append([
            {
              streamId: streamIdOf('handover', handovers.at(-1)!),
              events: [
                envelope(
                  'HandoverScheduled',
                  { handoverId: handovers.at(-1), gate: 'HUU_NGHI', scheduledAt: zoned(at) },
                  at,
                ),
              ],
            },
          ]);
        break;
      case 'exchange':
        await append([
          {
            streamId: streamIdOf('exchange', id),
            events: [
              envelope(
                'ExchangeOpened',
                {
                  exchangeId: id,
                  caseIds: [caseId],
                  counterpart: 'CN-GX-PSD',
                  channel: 'official_letter',
                  occurredAt: zoned(at),
                },
                at,
              ),
            ],
          },
          onCase('ExchangeLinked', { exchangeId: id }, at),
        ]);
        break;
    }
  }
  return { caseId, events };
}

/** The specification, written plainly: what "as of T" must show. */
function expected(caseId: string, events: readonly RecordedEvent[], asOf: number) {
  const time = (e: RecordedEvent) => Date.parse(e.metadata.recordedAt);
  const caseStream = streamIdOf('case', caseId);
  let state: CaseState = initialCaseState;
  let revision = -1n;
  for (const e of events) {
    if (e.streamId !== caseStream || time(e) > asOf) continue;
    state = evolveCase(state, { type: e.type, data: e.data } as CaseEvent);
    revision = e.revision;
  }
  // A linked record belongs to the case from the moment its first event (which names the case)
  // or the link event was recorded, whichever is earlier.
  const linkedAt = new Map<string, number>([[caseStream, -Infinity]]);
  for (const e of events) {
    const targets: string[] = [];
    if (e.streamId !== caseStream) targets.push(e.streamId);
    const d = e.data as Record<string, string>;
    for (const [type, category, field] of [
      ['PersonLinked', 'person', 'personId'],
      ['HandoverLinked', 'handover', 'handoverId'],
      ['ExchangeLinked', 'exchange', 'exchangeId'],
    ]) {
      if (e.type === type) targets.push(streamIdOf(category, d[field]));
    }
    const linking =
      e.streamId === caseStream ||
      e.metadata.caseId === caseId ||
      d.caseId === caseId ||
      (e.data as { caseIds?: string[] }).caseIds?.includes(caseId);
    if (!linking) continue;
    for (const s of targets) linkedAt.set(s, Math.min(linkedAt.get(s) ?? Infinity, time(e)));
  }
  const timeline = events
    .filter((e) => time(e) <= asOf && (linkedAt.get(e.streamId) ?? Infinity) <= asOf)
    .map((e) => ({
      position: e.position.toString(),
      type: e.type,
      ref: { kind: parseStreamId(e.streamId).category, id: parseStreamId(e.streamId).id },
    }));
  return { state: caseStateView(state, revision), timeline };
}

describe('history as of T (property)', () => {
  let sql: PgliteSqlClient;
  let store: SqlEventStore;
  let runner: ProjectionRunner;

  beforeAll(async () => {
    sql = await openPglite('memory://');
    store = await SqlEventStore.open(sql);
    runner = new ProjectionRunner(store, sql, [new CaseTimelineProjection()], { warn: () => undefined });
    await runner.start();
  }, 60_000);
  afterAll(async () => {
    await runner.stop();
    await store.close();
    await sql.close();
  });

  it('equals the fold of exactly the events recorded at or before T, for random histories and instants', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(step, { maxLength: 25 }),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom(-1, 0, 1, 45_000)), { minLength: 1, maxLength: 6 }),
        async (steps, picks) => {
          const { caseId, events } = await record(store, steps);
          expect(await runner.waitFor(await store.headPosition(), 10_000)).toBe(true);
          // Instants on, just before and just after recording times, and in between.
          const instants = [
            Date.parse('2026-03-05T01:00:00.000Z'),
            ...picks.map(([i, delta]) => Date.parse(events[i % events.length].metadata.recordedAt) + delta),
          ];
          for (const t of instants) {
            const actual = await caseHistory(store, sql, caseId, new Date(t));
            const want = expected(caseId, events, t);
            expect(actual?.state ?? null).toEqual(want.state);
            expect(actual?.timeline.map((e) => ({ position: e.position, type: e.type, ref: e.ref }))).toEqual(
              want.timeline,
            );
          }
        },
      ),
      { numRuns: 60 },
    );
  }, 120_000);
});
