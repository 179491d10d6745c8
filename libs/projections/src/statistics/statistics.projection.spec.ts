import { openPglite, type SqlClient } from '#event-store';
import { KeyStore, MasterKey, PersonalDataCipher } from '#security';
import { newId } from '#shared-kernel';
import { ProjectionHarness, viewNamer, z, type GivenEvent } from '../spec-support/projection.spec-fixtures.js';
import { parsePeriod } from './statistics.period.js';
import { statisticsProjection } from './statistics.projection.js';
import { periodStatistics, type StatisticsReport } from './statistics.query.js';
import { sexOpener } from './sex-opener.js';

const LIMITS = { messageReplyDefaultMs: 7 * 86_400_000, urgentReplyMs: 8 * 3_600_000 };
const NOW = new Date('2027-01-15T00:00:00Z');

const report = (caseId: string, at: string, channel = 'hotline', province = 'lang-son'): GivenEvent => ({
  type: 'ReportReceived',
  streamId: `case-${caseId}`,
  data: { caseId, channel, province, summary: 's', occurredAt: z(at), receivingUnit: 'VN-LS-BLO' },
  occurredAt: at,
});
const onCase = (type: string, caseId: string, at: string, extra: object = {}): GivenEvent => ({
  type,
  streamId: `case-${caseId}`,
  data: { caseId, ...extra },
  occurredAt: at,
});

describe.each([
  ['event by event', false],
  ['in one batch', true],
])('statistics projection (%s)', (_mode, batched) => {
  let sql: SqlClient;
  let keys: KeyStore;
  let cipher: PersonalDataCipher;
  let h: ProjectionHarness;

  beforeAll(async () => {
    sql = await openPglite('memory://');
    keys = new KeyStore(sql, MasterKey.fromBase64(Buffer.alloc(32, 9).toString('base64')));
    await keys.migrate();
    cipher = new PersonalDataCipher(keys);
  });
  afterAll(async () => sql.close());
  beforeEach(async () => {
    h = await ProjectionHarness.start(statisticsProjection(sexOpener(cipher)), sql, batched);
  });

  const stats = (period: string, province: string | null = null): Promise<StatisticsReport> =>
    periodStatistics(sql, viewNamer, { period: parsePeriod(period)!, province, now: NOW }, LIMITS);

  const person = async (caseId: string, sex: string | null, extra: object = {}, at = '2026-03-10T09:00:00+07:00') => {
    const personId = newId();
    const personal = await cipher.encrypt(personId, { fullName: 'Nguyễn Thị Hoa', nameVariants: [], sex });
    const event: GivenEvent = {
      type: 'PersonRegistered',
      streamId: `person-${personId}`,
      data: {
        personId,
        caseId,
        role: 'presumed_victim',
        ageBand: 'adult',
        personal,
        identification: 'presumed',
        ...extra,
      },
      occurredAt: at,
    };
    return { personId, event };
  };

  it('cuts the quarter at midnight Vietnam time, whatever offset a report was declared in', async () => {
    await h.given(
      report(newId(), '2026-03-31T23:59:59+07:00'),
      report(newId(), '2026-04-01T00:30:00+08:00'), // 23:30 on 31 March in Vietnam
      report(newId(), '2026-04-01T00:00:00+07:00'),
      report(newId(), '2026-03-31T17:00:00Z'), // 00:00 on 1 April in Vietnam
      report(newId(), '2025-12-31T23:59:59+07:00'),
      report(newId(), '2026-01-01T00:00:00+07:00'),
    );
    expect((await stats('2026-Q1')).reports.received).toBe(3);
    expect((await stats('2026-Q2')).reports.received).toBe(2);
    expect((await stats('2025-Q4')).reports.received).toBe(1);
    expect((await stats('2026-H1')).reports.received).toBe(5);
    expect((await stats('2026')).reports.received).toBe(5);
  });

  it('counts reports classified and resolved by the end of the period, with the rates against the targets', async () => {
    const [a, b, c, d] = [newId(), newId(), newId(), newId()];
    await h.given(
      report(a, '2026-01-05T09:00:00+07:00', 'hotline'),
      report(b, '2026-02-05T09:00:00+07:00', 'self_report'),
      report(c, '2026-03-05T09:00:00+07:00', 'self_report'),
      report(d, '2026-03-30T09:00:00+07:00', 'rescue'),
      onCase('CaseClassified', a, '2026-01-06T09:00:00+07:00', { classification: 'trafficking_suspected' }),
      onCase('CaseClassified', a, '2026-01-07T09:00:00+07:00', { classification: 'not_trafficking' }),
      onCase('CaseClassified', b, '2026-02-06T09:00:00+07:00', { classification: 'trafficking_suspected' }),
      onCase('CaseClassified', c, '2026-03-06T09:00:00+07:00', { classification: 'trafficking_suspected' }),
      onCase('CaseClassified', d, '2026-04-02T09:00:00+07:00', { classification: 'trafficking_suspected' }),
      onCase('CaseResolved', a, '2026-02-01T09:00:00+07:00', { resolution: 'r' }),
      onCase('CaseResolved', b, '2026-03-01T09:00:00+07:00', { resolution: 'r' }),
      onCase('CaseReopened', b, '2026-03-02T09:00:00+07:00', { reason: 'r' }),
    );
    const q1 = (await stats('2026-Q1')).reports;
    expect(q1).toMatchObject({
      received: 4,
      classified: 3,
      resolved: 1,
      classifiedRate: 0.75,
      resolvedRate: 0.25,
      meetsClassifiedTarget: false,
      meetsResolvedTarget: false,
      byChannel: { hotline: 1, self_report: 2, rescue: 1 },
    });
    const h1 = (await stats('2026-H1')).reports;
    expect(h1).toMatchObject({ received: 4, classified: 4, classifiedRate: 1, meetsClassifiedTarget: true });
    expect((await stats('2026-Q2')).reports).toMatchObject({
      received: 0,
      classifiedRate: null,
      meetsClassifiedTarget: null,
    });
  });

  it('counts persons on the victim track by channel, sex (opened from the sealed data), age band, status and province', async () => {
    const hotline = newId();
    const self = newId();
    await h.given(report(hotline, '2026-03-01T09:00:00+07:00', 'hotline', 'lang-son'));
    await h.given(report(self, '2026-03-01T09:00:00+07:00', 'self_report', 'lao-cai'));
    const women = await Promise.all([person(hotline, 'female'), person(hotline, 'female'), person(self, 'male')]);
    const minor = await person(self, null, {
      role: 'accompanying_minor',
      ageBand: 'under_18',
      identification: 'accompanying',
    });
    const suspect = await person(self, 'male', { role: 'suspect', identification: 'not_on_victim_track' });
    await h.given(...women.map((p) => p.event), minor.event, suspect.event, {
      type: 'IdentificationBegun',
      streamId: `person-${women[0].personId}`,
      data: { personId: women[0].personId, caseId: hotline, basis: null },
    });
    const persons = (await stats('2026-Q1')).persons;
    expect(persons).toEqual({
      total: 4,
      byChannel: { hotline: 2, self_report: 2 },
      bySex: { female: 2, male: 1, unknown: 1 },
      byAgeBand: { adult: 3, under_18: 1 },
      byStatus: { presumed: 2, under_identification: 1, accompanying: 1 },
      byProvince: { 'lang-son': 2, 'lao-cai': 2 },
      byRole: { presumed_victim: 3, accompanying_minor: 1 },
      accompanyingMinors: 1,
    });
    expect((await stats('2026-Q1', 'lao-cai')).persons.total).toBe(2);
  });

  it('counts a person in the period their case was received, even when registered later', async () => {
    const caseId = newId();
    await h.given(report(caseId, '2026-03-31T23:00:00+07:00'));
    const late = await person(caseId, 'male', {}, '2026-04-03T09:00:00+07:00');
    await h.given(late.event);
    expect((await stats('2026-Q1')).persons.total).toBe(1);
    expect((await stats('2026-Q2')).persons.total).toBe(0);
  });

  it('counts an erased person’s sex as unknown, at query time and when rebuilt after the shredding', async () => {
    const caseId = newId();
    await h.given(report(caseId, '2026-03-01T09:00:00+07:00'));
    const p = await person(caseId, 'female');
    const [registered] = await h.given(p.event);
    expect((await stats('2026-Q1')).persons.bySex).toEqual({ female: 1 });
    await keys.shred(p.personId);
    expect((await stats('2026-Q1')).persons.bySex).toEqual({ unknown: 1 });
    const rebuilt = await ProjectionHarness.start(statisticsProjection(sexOpener(new PersonalDataCipher(keys))), sql);
    await rebuilt.given(report(caseId, '2026-03-01T09:00:00+07:00'));
    await rebuilt.apply(registered);
    const row = await sql.query<{ sex: string }>(`SELECT sex FROM ${viewNamer('stat_persons')}`);
    expect(row.rows).toEqual([{ sex: 'unknown' }]);
  });

  it('measures exchanges per counterpart: acknowledgement and reply times, overdue messages', async () => {
    const caseId = newId();
    const x = newId();
    const stream = `exchange-${x}`;
    const sent = (messageId: string, at: string, extra: object = {}): GivenEvent => ({
      type: 'MessageLogged',
      streamId: stream,
      data: { exchangeId: x, messageId, direction: 'outgoing', draft: false, occurredAt: z(at), ...extra },
    });
    const [m1, m2, m3, m4, m5] = [newId(), newId(), newId(), newId(), newId()];
    await h.given(
      report(caseId, '2026-03-01T09:00:00+07:00'),
      {
        type: 'ExchangeOpened',
        streamId: stream,
        data: {
          exchangeId: x,
          caseIds: [caseId],
          counterpart: 'CN-GX-PSD',
          channel: 'official_letter',
          occurredAt: z('2026-03-01T09:00:00+07:00'),
        },
      },
      sent(m1, '2026-03-01T09:00:00+07:00'),
      sent(m2, '2026-03-02T09:00:00+07:00', { responseDueAt: z('2026-03-03T09:00:00+07:00') }),
      sent(m3, '2026-03-03T09:00:00+07:00'),
      sent(m4, '2026-03-04T09:00:00+07:00', { draft: true }),
      sent(m5, '2026-03-04T09:00:00+07:00', { direction: 'incoming' }),
      {
        type: 'MessageAcknowledged',
        streamId: stream,
        data: { exchangeId: x, messageId: m1, occurredAt: z('2026-03-01T11:00:00+07:00') },
      },
      {
        type: 'MessageAcknowledged',
        streamId: stream,
        data: { exchangeId: x, messageId: m2, occurredAt: z('2026-03-02T13:00:00+07:00') },
      },
      {
        type: 'MessageAnswered',
        streamId: stream,
        data: { exchangeId: x, messageId: m1, replyMessageId: newId(), occurredAt: z('2026-03-02T09:00:00+07:00') },
      },
      {
        type: 'MessageAnswered',
        streamId: stream,
        data: { exchangeId: x, messageId: m2, replyMessageId: newId(), occurredAt: z('2026-03-04T09:00:00+07:00') },
      },
    );
    const ex = (await stats('2026-Q1')).exchanges;
    expect(ex.total).toBe(1);
    expect(ex.byCounterpart['CN-GX-PSD']).toEqual({
      exchanges: 1,
      outgoing: {
        messages: 3,
        acknowledged: 2,
        answered: 2,
        ackHours: { median: 3, p90: 3.8 },
        replyHours: { median: 36, p90: 45.6 },
        // m2 answered a day late; m3 never answered and its default 7 days ran out before NOW
        overdue: 2,
      },
      incoming: {
        messages: 1,
        acknowledged: 0,
        answered: 0,
        ackHours: { median: null, p90: null },
        replyHours: { median: null, p90: null },
        overdue: 0,
      },
    });
  });

  it('counts a draft held for release as sent from its release, with times measured from then', async () => {
    const caseId = newId();
    const x = newId();
    const m = newId();
    const stream = `exchange-${x}`;
    const step = (type: string, at: string, extra: object = {}): GivenEvent => ({
      type,
      streamId: stream,
      data: { exchangeId: x, messageId: m, occurredAt: z(at), ...extra },
    });
    await h.given(
      report(caseId, '2026-03-01T09:00:00+07:00'),
      {
        type: 'ExchangeOpened',
        streamId: stream,
        data: {
          exchangeId: x,
          caseIds: [caseId],
          counterpart: 'CN-GX-PSD',
          channel: 'official_letter',
          occurredAt: z('2026-03-01T09:00:00+07:00'),
        },
      },
      {
        type: 'MessageLogged',
        streamId: stream,
        data: {
          exchangeId: x,
          messageId: m,
          direction: 'outgoing',
          draft: true,
          occurredAt: z('2026-03-01T09:00:00+07:00'),
          release: { author: 'an.nguyen', unit: 'lang-son' },
        },
      },
      step('DraftReturned', '2026-03-01T10:00:00+07:00', { returnedBy: 'binh.tran', comment: 'sealed' }),
      step('DraftResubmitted', '2026-03-01T11:00:00+07:00'),
      // The approval is the sending: both at the same instant, in one append.
      step('DraftReleased', '2026-03-02T09:00:00+07:00', { releasedBy: 'binh.tran' }),
      step('DraftSent', '2026-03-02T09:00:00+07:00'),
      step('MessageAcknowledged', '2026-03-02T11:00:00+07:00'),
    );
    const outgoing = (await stats('2026-Q1')).exchanges.byCounterpart['CN-GX-PSD']?.outgoing;
    expect(outgoing).toMatchObject({ messages: 1, acknowledged: 1, ackHours: { median: 2, p90: 2 } });
  });

  it('counts verifications by outcome, handovers held and persons handed over by gate and counterpart, and the crackdown subtotal', async () => {
    const caseId = newId();
    const [v1, v2, v3] = [newId(), newId(), newId()];
    const ho = newId();
    const requested = (v: string, at: string, direction = 'outgoing'): GivenEvent => ({
      type: 'VerificationRequested',
      streamId: `verification-${v}`,
      data: { verificationId: v, caseId, direction, counterpart: 'CN-YN-PSD', occurredAt: z(at), dueAt: z(at) },
    });
    await h.given(
      report(caseId, '2026-06-01T09:00:00+07:00', 'counterpart_handover', 'lao-cai'),
      requested(v1, '2026-06-30T23:59:00+07:00'),
      requested(v2, '2026-07-01T00:00:00+07:00', 'incoming'),
      requested(v3, '2026-09-30T23:59:59+07:00'),
      {
        type: 'VerificationAnsweredConfirmed',
        streamId: `verification-${v1}`,
        data: { verificationId: v1, late: true },
      },
      { type: 'VerificationWithdrawn', streamId: `verification-${v2}`, data: { verificationId: v2 } },
      {
        type: 'HandoverProposed',
        streamId: `handover-${ho}`,
        data: { handoverId: ho, caseId, gate: 'LAO-CAI', counterpart: 'CN-YN-HEKOU', proposedBy: 'cn', personIds: [] },
      },
      {
        type: 'HandoverConducted',
        streamId: `handover-${ho}`,
        data: { handoverId: ho, gate: 'KIM-THANH', occurredAt: z('2026-08-10T09:00:00+08:00') },
      },
      ...[newId(), newId()].map((personId) => ({
        type: 'PersonReceived',
        streamId: `handover-${ho}`,
        data: { handoverId: ho, personId, occurredAt: z('2026-08-10T09:30:00+08:00') },
      })),
    );
    const year = await stats('2026');
    expect(year.verifications).toEqual({
      requested: 3,
      byOutcome: { confirmed: 1, withdrawn: 1, open: 1 },
      byDirection: { outgoing: 2, incoming: 1 },
      answeredLate: 1,
    });
    expect(year.handovers).toEqual({
      held: 1,
      cancelled: 0,
      personsHandedOver: 2,
      personsByGate: { 'KIM-THANH': 2 },
      personsByCounterpart: { 'CN-YN-HEKOU': 2 },
    });
    expect(year.crackdown).toMatchObject({
      from: '2026-07-01T00:00:00+07:00',
      to: '2026-10-01T00:00:00+07:00',
      verifications: { requested: 2 },
      handovers: { held: 1, personsHandedOver: 2 },
      reports: { received: 0 },
    });
    expect((await stats('2026-H1')).crackdown).toBeNull();
    expect((await stats('2026-Q3', 'quang-ninh')).verifications.requested).toBe(0);
  });

  it('a duplicate event changes nothing', async () => {
    const caseId = newId();
    const p = await person(caseId, 'female');
    const recorded = await h.given(
      report(caseId, '2026-03-01T09:00:00+07:00'),
      p.event,
      onCase('CaseResolved', caseId, '2026-03-02T09:00:00+07:00', { resolution: 'r' }),
      onCase('CaseReopened', caseId, '2026-03-03T09:00:00+07:00', { reason: 'r' }),
      {
        type: 'VictimIdentified',
        streamId: `person-${p.personId}`,
        data: { personId: p.personId, caseId, evidenceBases: [], documentRef: null },
      },
    );
    const before = await h.snapshot();
    for (const e of recorded) await h.apply(e);
    await h.applyBatch(recorded);
    expect(await h.snapshot()).toEqual(before);
    expect((await stats('2026-Q1')).reports.resolved).toBe(0);
  });
});
