import { eventLog, projectionHarness, type Harness } from '../spec-support/projection-harness.js';
import { gateHandoversProjection } from './gate-handovers.projection.js';

const CASE = '0b8c7d1e-2f3a-4b5c-8d6e-7f8091a2b3c4';
const OTHER_CASE = '1c9d8e2f-3a4b-4c6d-9e7f-8091a2b3c4d5';
const H1 = 'a1b2c3d4-0000-4000-8000-000000000001';
const H2 = 'a1b2c3d4-0000-4000-8000-000000000002';
const P1 = 'e1000000-0000-4000-8000-000000000001';
const P2 = 'e1000000-0000-4000-8000-000000000002';

const vn = (at: string) => ({ at, offset: '+07:00', zone: 'Asia/Ho_Chi_Minh' });
const cn = (at: string) => ({ at, offset: '+08:00', zone: 'Asia/Shanghai' });

const reportReceived = (caseId: string, province: string) => ({
  caseId,
  channel: 'counterpart_notification',
  province,
  summary: 'Phía Trung Quốc thông báo hai phụ nữ được giải cứu tại Bằng Tường',
  occurredAt: vn('2026-03-01T01:00:00.000Z'),
  receivingUnit: 'VN-LS-BLO',
});

const proposed = (handoverId: string, caseId: string, gate: string) => ({
  handoverId,
  caseId,
  gate,
  counterpart: 'CN-BIS-PINGXIANG',
  proposedBy: 'cn',
  personIds: [P1, P2],
  occurredAt: cn('2026-03-01T02:00:00.000Z'),
});

describe('gate handovers projection', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await projectionHarness(gateHandoversProjection);
  }, 60_000);
  beforeEach(async () => h.reset());
  afterAll(async () => h.close());

  const row = async (id: string) => (await h.rows('gate_handovers', 'handover_id')).find((r) => r.handover_id === id);

  it('follows a handover from proposal to closing, with the gate it really happened at', async () => {
    const e = eventLog();
    await h.apply([
      e('case', CASE, 'ReportReceived', reportReceived(CASE, 'lang-son')),
      e('handover', H1, 'HandoverProposed', proposed(H1, CASE, 'TAN_THANH')),
    ]);
    expect(await row(H1)).toMatchObject({
      case_id: CASE,
      province: 'lang-son',
      gate: 'TAN_THANH',
      status: 'proposed',
      counterpart: 'CN-BIS-PINGXIANG',
      persons: 2,
      proposed_at: new Date('2026-03-01T02:00:00.000Z'),
      scheduled_at: null,
      conducted_at: null,
    });

    await h.apply([
      e('handover', H1, 'HandoverScheduled', {
        handoverId: H1,
        gate: 'HUU_NGHI',
        scheduledAt: cn('2026-03-05T01:00:00.000Z'),
      }),
    ]);
    expect(await row(H1)).toMatchObject({
      gate: 'HUU_NGHI',
      status: 'scheduled',
      scheduled_at: new Date('2026-03-05T01:00:00.000Z'),
    });

    await h.apply([
      e('handover', H1, 'HandoverConducted', {
        handoverId: H1,
        gate: 'HUU_NGHI',
        occurredAt: cn('2026-03-05T01:20:00.000Z'),
        vnOfficers: ['Thiếu tá Lê Văn Đức'],
        cnOfficers: ['王警官'],
      }),
      e('handover', H1, 'MinutesSigned', {
        handoverId: H1,
        number: '07/BB-ĐBPCKHN',
        occurredAt: cn('2026-03-05T01:45:00.000Z'),
        languages: ['vi', 'zh'],
      }),
    ]);
    expect(await row(H1)).toMatchObject({
      status: 'minutes_signed',
      scheduled_at: new Date('2026-03-05T01:00:00.000Z'),
      conducted_at: new Date('2026-03-05T01:20:00.000Z'),
    });

    await h.apply([e('handover', H1, 'HandoverClosed', { handoverId: H1 })]);
    expect(await row(H1)).toMatchObject({ status: 'closed', position: 6n });
  });

  it('clears the time on a postponement until a new one is agreed, and keeps it on a cancellation', async () => {
    const e = eventLog();
    await h.apply([
      e('case', CASE, 'ReportReceived', reportReceived(CASE, 'lang-son')),
      e('handover', H1, 'HandoverProposed', proposed(H1, CASE, 'HUU_NGHI')),
      e('handover', H1, 'HandoverScheduled', {
        handoverId: H1,
        gate: 'HUU_NGHI',
        scheduledAt: cn('2026-03-05T01:00:00.000Z'),
      }),
      e('handover', H1, 'HandoverPostponed', {
        handoverId: H1,
        reason: 'Phía Trung Quốc chưa hoàn tất thủ tục',
        previousScheduledAt: cn('2026-03-05T01:00:00.000Z'),
      }),
    ]);
    expect(await row(H1)).toMatchObject({ status: 'postponed', scheduled_at: null });

    await h.apply([
      e('handover', H1, 'HandoverScheduled', {
        handoverId: H1,
        gate: 'HUU_NGHI',
        scheduledAt: cn('2026-03-07T01:00:00.000Z'),
      }),
      e('handover', H1, 'HandoverCancelled', { handoverId: H1, reason: 'Nạn nhân đã về qua đường khác' }),
    ]);
    expect(await row(H1)).toMatchObject({
      status: 'cancelled',
      scheduled_at: new Date('2026-03-07T01:00:00.000Z'),
    });
  });

  it('changes nothing when events come again, in whole or in part', async () => {
    const e = eventLog();
    const events = [
      e('case', CASE, 'ReportReceived', reportReceived(CASE, 'lang-son')),
      e('handover', H1, 'HandoverProposed', proposed(H1, CASE, 'HUU_NGHI')),
      e('handover', H1, 'HandoverScheduled', {
        handoverId: H1,
        gate: 'HUU_NGHI',
        scheduledAt: cn('2026-03-05T01:00:00.000Z'),
      }),
      e('handover', H1, 'HandoverPostponed', {
        handoverId: H1,
        reason: 'Thời tiết xấu',
        previousScheduledAt: cn('2026-03-05T01:00:00.000Z'),
      }),
      e('case', OTHER_CASE, 'ReportReceived', reportReceived(OTHER_CASE, 'lao-cai')),
      e('handover', H2, 'HandoverProposed', proposed(H2, OTHER_CASE, 'LAO_CAI')),
    ];
    await h.apply(events);
    const handovers = await h.rows('gate_handovers', 'handover_id');
    const cases = await h.rows('gate_handover_cases', 'case_id');

    await h.apply(events);
    // The schedule again after the postponement would bring the old time back if it were not a replay.
    await h.apply([events[2]]);
    await h.apply([events[1], events[4]]);

    expect(await h.rows('gate_handovers', 'handover_id')).toEqual(handovers);
    expect(await h.rows('gate_handover_cases', 'case_id')).toEqual(cases);
    expect(handovers.map((r) => [r.handover_id, r.province, r.status])).toEqual([
      [H1, 'lang-son', 'postponed'],
      [H2, 'lao-cai', 'proposed'],
    ]);
  });

  it('leaves a handover unchanged by a step its state does not allow, as the domain does', async () => {
    const e = eventLog();
    await h.apply([
      e('case', CASE, 'ReportReceived', reportReceived(CASE, 'lang-son')),
      e('handover', H1, 'HandoverProposed', proposed(H1, CASE, 'HUU_NGHI')),
      // Not scheduled yet: the domain would not take either step.
      e('handover', H1, 'HandoverConducted', {
        handoverId: H1,
        gate: 'TAN_THANH',
        occurredAt: cn('2026-03-05T01:20:00.000Z'),
        vnOfficers: [],
        cnOfficers: [],
      }),
      e('handover', H1, 'HandoverClosed', { handoverId: H1 }),
      // Unknown handover, and a scheduling without a time: nothing to use.
      e('handover', H2, 'HandoverScheduled', {
        handoverId: H2,
        gate: 'HUU_NGHI',
        scheduledAt: cn('2026-03-05T01:00:00.000Z'),
      }),
      e('handover', H1, 'HandoverScheduled', { handoverId: H1, gate: 'HUU_NGHI' }),
    ]);
    expect(await h.rows('gate_handovers', 'handover_id')).toEqual([
      expect.objectContaining({
        handover_id: H1,
        status: 'proposed',
        gate: 'HUU_NGHI',
        conducted_at: null,
        position: 2n,
      }),
    ]);
  });

  it('learns the province of a handover whose case it had not seen yet', async () => {
    const e = eventLog();
    const report = e('case', CASE, 'ReportReceived', reportReceived(CASE, 'lang-son'));
    await h.apply([e('handover', H1, 'HandoverProposed', proposed(H1, CASE, 'HUU_NGHI'))]);
    expect(await row(H1)).toMatchObject({ province: null });
    await h.apply([report]);
    expect(await row(H1)).toMatchObject({ province: 'lang-son' });
  });
});
