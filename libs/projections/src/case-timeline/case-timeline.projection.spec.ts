import { localTimes, newId } from '#shared-kernel';
import { eventLog, projectionHarness, type Harness } from '../spec-support/projection-harness.js';
import { CaseTimelineProjection } from './case-timeline.projection.js';
import { TIMELINE_EVENT_TYPES, summarise } from './timeline.summaries.js';
import { timelineOf } from './timeline.queries.js';

const zoned = (at: string, offset = '+08:00') => ({ at, offset, zone: offset === '+08:00' ? 'Asia/Shanghai' : null });
const SECRET = 'Nguyễn Thị Hoa bị giữ ở Bằng Tường';

/** A case with a person, an exchange shared with a second case, a verification and a handover. */
function history() {
  const e = eventLog();
  const [a, b, person, exchange, verification, handover] = Array.from({ length: 6 }, () => newId());
  const report = (caseId: string) =>
    e('case', caseId, 'ReportReceived', {
      caseId,
      channel: 'hotline',
      province: 'lang-son',
      summary: SECRET,
      occurredAt: zoned('2026-03-05T01:00:00.000Z', '+07:00'),
      receivingUnit: 'VN-LS-BLO',
    });
  const events = [
    report(a),
    report(b),
    e(
      'person',
      person,
      'PersonRegistered',
      {
        personId: person,
        caseId: a,
        role: 'presumed_victim',
        ageBand: 'adult',
        personal: 'v1.1.x.y.z',
        identification: 'presumed',
      },
      { caseId: a },
    ),
    e('case', a, 'PersonLinked', { caseId: a, personId: person, role: 'presumed_victim' }, { caseId: a }),
    e('exchange', exchange, 'ExchangeOpened', {
      exchangeId: exchange,
      caseIds: [a, b],
      counterpart: 'CN-GX-PSD',
      channel: 'official_letter',
      occurredAt: zoned('2026-03-06T01:00:00.000Z'),
    }),
    e('case', a, 'ExchangeLinked', { caseId: a, exchangeId: exchange }, { caseId: a }),
    e('case', b, 'ExchangeLinked', { caseId: b, exchangeId: exchange }, { caseId: b }),
    e('exchange', exchange, 'ExchangeClosed', { exchangeId: exchange, reason: SECRET }),
    e('verification', verification, 'VerificationRequested', {
      verificationId: verification,
      caseId: a,
      personId: person,
      direction: 'outgoing',
      counterpart: 'CN-GX-PSD',
      subject: 'identity',
      questions: SECRET,
      legalBasis: null,
      dueAt: zoned('2026-03-13T01:00:00.000Z'),
      occurredAt: zoned('2026-03-06T02:00:00.000Z'),
    }),
    e('case', a, 'VerificationLinked', { caseId: a, verificationId: verification }, { caseId: a }),
    e('handover', handover, 'HandoverProposed', {
      handoverId: handover,
      caseId: a,
      gate: 'HUU_NGHI',
      counterpart: 'CN-GX-PSD',
      proposedBy: 'cn',
      personIds: [person],
      occurredAt: zoned('2026-03-07T01:00:00.000Z'),
    }),
    e('case', a, 'HandoverLinked', { caseId: a, handoverId: handover }, { caseId: a }),
    e('handover', handover, 'HandoverScheduled', {
      handoverId: handover,
      gate: 'HUU_NGHI',
      scheduledAt: zoned('2026-03-10T01:00:00.000Z'),
    }),
    // Reading history is audited on the case's audit stream: never part of the timeline.
    e('audit', a, 'HistoryReplayed', { caseId: a, asOf: '2026-03-08T00:00:00Z', purpose: null }, { caseId: a }),
    e('case', a, 'CaseClosed', {
      caseId: a,
      reason: SECRET,
      closedFrom: 'received',
      override: true,
      openVerificationIds: [verification],
      unconfirmedHandoverIds: [handover],
    }),
  ];
  return { events, a, b, person, exchange, verification, handover };
}

describe('case timeline projection', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await projectionHarness(new CaseTimelineProjection());
  }, 60_000);
  beforeEach(async () => h.reset());
  afterAll(async () => h.close());

  it('shows the case’s own events and those of every linked record, in recorded order', async () => {
    const { events, a, b, person, exchange, handover } = history();
    await h.apply(events);
    const entries = await timelineOf(h.sql, a);
    expect(entries.map((x) => x.type)).toEqual([
      'ReportReceived',
      'PersonRegistered',
      'PersonLinked',
      'ExchangeOpened',
      'ExchangeLinked',
      'ExchangeClosed',
      'VerificationRequested',
      'VerificationLinked',
      'HandoverProposed',
      'HandoverLinked',
      'HandoverScheduled',
      'CaseClosed',
    ]);
    expect(entries.map((x) => BigInt(x.position))).toEqual(
      [...entries.map((x) => BigInt(x.position))].sort((x, y) => (x < y ? -1 : 1)),
    );
    expect(entries[1].ref).toEqual({ kind: 'person', id: person });
    expect(entries.find((x) => x.type === 'HandoverScheduled')?.ref).toEqual({ kind: 'handover', id: handover });
    expect(entries[3]).toMatchObject({
      at: '2026-03-06T01:00:00.000Z',
      offset: '+08:00',
      local: { vn: '2026-03-06T08:00:00+07:00', cn: '2026-03-06T09:00:00+08:00' },
      actor: { userId: 'an.nguyen', role: 'liaison_officer', unitId: 'VN-LS-BLO' },
      ref: { kind: 'exchange', id: exchange },
    });
    // Formatted by the query, not in JS: must read exactly as the shared helpers print them.
    for (const x of entries) {
      expect(x.local).toEqual(localTimes(x.at));
      expect(x.recordedAt).toBe(new Date(x.recordedAt).toISOString());
    }
    expect(entries.map((x) => x.recordedAt)).toEqual(
      events
        .filter((ev) => entries.some((x) => x.position === ev.position.toString()))
        .map((ev) => ev.metadata.recordedAt),
    );
    expect(entries.find((x) => x.type === 'HandoverScheduled')?.summary.en).toBe(
      'Handover scheduled at Huu Nghi International Border Gate for 2026-03-10 08:00 (UTC+7)',
    );
    // The shared exchange is on the second case's timeline too, and nothing of the first's.
    expect((await timelineOf(h.sql, b)).map((x) => x.type)).toEqual([
      'ReportReceived',
      'ExchangeOpened',
      'ExchangeLinked',
      'ExchangeClosed',
    ]);
  });

  it('never puts free text (which may hold personal data) into a summary', async () => {
    const { events, a } = history();
    await h.apply(events);
    const text = JSON.stringify((await timelineOf(h.sql, a)).map((x) => x.summary));
    expect(text).not.toContain('Nguyễn');
    expect(text).not.toContain('Bằng Tường');
  });

  it('changes nothing when events are applied again', async () => {
    const { events, a } = history();
    await h.apply(events);
    const before = [
      await h.rows('case_timeline_entries', 'position'),
      await h.rows('case_timeline_streams', 'case_id, stream_id'),
    ];
    await h.apply(events);
    await h.apply(events.slice(3, 7));
    expect([
      await h.rows('case_timeline_entries', 'position'),
      await h.rows('case_timeline_streams', 'case_id, stream_id'),
    ]).toEqual(before);
    expect(await timelineOf(h.sql, a)).toHaveLength(12);
  });

  it('as of an instant shows only what was recorded by then', async () => {
    const { events, a } = history();
    await h.apply(events);
    const cut = new Date(events[6].metadata.recordedAt);
    expect((await timelineOf(h.sql, a, cut)).map((x) => x.type)).toEqual([
      'ReportReceived',
      'PersonRegistered',
      'PersonLinked',
      'ExchangeOpened',
      'ExchangeLinked',
    ]);
  });

  it('has a three-language line for every event type, and a neutral one for a malformed payload', () => {
    for (const type of TIMELINE_EVENT_TYPES) {
      const line = summarise(type, {});
      expect(line.vi.length * line.en.length * line.zh.length).toBeGreaterThan(0);
    }
    expect(summarise('ReportReceived', null)).toEqual({
      vi: 'ReportReceived',
      en: 'ReportReceived',
      zh: 'ReportReceived',
    });
    expect(summarise('CaseClassified', { classification: 'not_trafficking' }).zh).toBe('定性：非拐卖案件');
  });
});
