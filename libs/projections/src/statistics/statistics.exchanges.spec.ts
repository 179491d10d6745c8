import { newId } from '#shared-kernel';
import { APPLY_MODES, useProjectionHarness, z, type GivenEvent } from '../spec-support/projection.spec-fixtures.js';
import { exchangeOpened, reportReceived } from '../spec-support/given-events.js';
import { statisticsProjection } from './statistics.projection.js';
import { statisticsOf } from './statistics.spec-fixtures.js';

/** Exchanges per counterpart, verifications by outcome and handovers by gate; none of them opens sealed data. */
describe.each(APPLY_MODES)('statistics projection (%s)', (_mode, batched) => {
  const h = useProjectionHarness(() => statisticsProjection(async () => 'unknown'), batched);
  const stats = (period: string, province: string | null = null) => statisticsOf(h.sql, period, province);

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
      reportReceived(caseId, { at: '2026-03-01T09:00:00+07:00' }),
      exchangeOpened(x, [caseId]),
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
      reportReceived(caseId, { at: '2026-03-01T09:00:00+07:00' }),
      exchangeOpened(x, [caseId]),
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
      reportReceived(caseId, { at: '2026-06-01T09:00:00+07:00', channel: 'counterpart_handover', province: 'lao-cai' }),
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
});
