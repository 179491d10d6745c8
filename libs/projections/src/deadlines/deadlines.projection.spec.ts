import { newId } from '#shared-kernel';
import { APPLY_MODES, useProjectionHarness, z } from '../spec-support/projection.spec-fixtures.js';
import { reportReceived, verificationRequested } from '../spec-support/given-events.js';
import { boardAt, DAY, kinds, type BoardAsk } from './deadline-board.spec-fixtures.js';
import { deadlinesProjection } from './deadlines.projection.js';

/** The clocks of cases and verifications, and how the board lists them; threads and handovers: deadlines-messages-handovers. */
describe.each(APPLY_MODES)('deadlines projection (%s)', (_mode, batched) => {
  const h = useProjectionHarness(deadlinesProjection, batched);
  const board = (now: string, ask?: BoardAsk) => boardAt(h.sql, now, ask);

  it('runs the 3-day initial-verification clock of a self-report until the case is classified', async () => {
    const caseId = newId();
    await h.given(
      reportReceived(caseId, { channel: 'self_report', province: 'lang-son', at: '2026-03-01T09:00:00+07:00' }),
    );
    const early = await board('2026-03-02T10:00:00+07:00');
    expect(kinds(early)).toEqual({ overdue: [], dueSoon: [`initial_verification:${caseId}`] });
    expect(early.dueSoon[0]).toMatchObject({
      caseId,
      province: 'lang-son',
      owedBy: 'us',
      dueAt: '2026-03-04T02:00:00.000Z',
      local: { vn: '2026-03-04T09:00:00+07:00', cn: '2026-03-04T10:00:00+08:00' },
      since: '2026-03-01T02:00:00.000Z',
    });
    expect(kinds(await board('2026-03-04T09:00:01+07:00')).overdue).toEqual([`initial_verification:${caseId}`]);
    await h.given({
      type: 'CaseClassified',
      streamId: `case-${caseId}`,
      data: { caseId, classification: 'trafficking_suspected', previousClassification: null, note: null },
    });
    expect(kinds(await board('2026-03-04T09:00:01+07:00'))).toEqual({ overdue: [], dueSoon: [] });
  });

  it('stops the initial-verification clock when a verification is requested on the case; other channels have none', async () => {
    const selfReport = newId();
    const hotline = newId();
    const verificationId = newId();
    await h.given(
      reportReceived(selfReport, { channel: 'self_report' }),
      reportReceived(hotline, { channel: 'hotline' }),
    );
    expect(kinds(await board('2026-03-10T09:00:00+07:00')).overdue).toEqual([`initial_verification:${selfReport}`]);
    await h.given(
      verificationRequested(verificationId, selfReport, {
        dueAt: z('2026-03-20T17:00:00+08:00'),
        occurredAt: z('2026-03-10T08:00:00+07:00'),
      }),
    );
    const b = await board('2026-03-19T17:00:00+07:00');
    expect(kinds(b)).toEqual({ overdue: [], dueSoon: [`verification_reply:${verificationId}`] });
    expect(b.dueSoon[0]).toMatchObject({
      owedBy: 'counterpart',
      dueAt: '2026-03-20T09:00:00.000Z',
      caseId: selfReport,
    });
  });

  it('follows a verification through an extension to its answer', async () => {
    const caseId = newId();
    const v = newId();
    const stream = `verification-${v}`;
    await h.given(
      reportReceived(caseId),
      verificationRequested(v, caseId, {
        direction: 'incoming',
        counterpart: 'CN-YN-PSD',
        subject: 'nationality',
        dueAt: z('2026-03-05T09:00:00+07:00'),
        occurredAt: z('2026-03-01T09:00:00+07:00'),
      }),
    );
    const before = await board('2026-03-06T09:00:00+07:00');
    expect(kinds(before).overdue).toEqual([`verification_reply:${v}`]);
    expect(before.overdue[0].owedBy).toBe('us');
    await h.given({
      type: 'VerificationExtended',
      streamId: stream,
      data: {
        verificationId: v,
        caseId,
        previousDueAt: z('2026-03-05T09:00:00+07:00'),
        newDueAt: z('2026-03-07T09:00:00+07:00'),
        reason: 'r',
      },
    });
    expect(kinds(await board('2026-03-06T09:00:00+07:00'))).toEqual({
      overdue: [],
      dueSoon: [`verification_reply:${v}`],
    });
    await h.given({
      type: 'VerificationAnsweredInconclusive',
      streamId: stream,
      data: { verificationId: v, caseId, details: 'd', occurredAt: z('2026-03-06T10:00:00+07:00'), late: false },
    });
    expect(kinds(await board('2026-03-06T09:00:00+07:00'))).toEqual({ overdue: [], dueSoon: [] });
  });

  it('filters by province and leaves clocks due after the window out', async () => {
    const ls = newId();
    const lc = newId();
    await h.given(
      reportReceived(ls, { channel: 'self_report', province: 'lang-son', at: '2026-03-01T09:00:00+07:00' }),
      reportReceived(lc, { channel: 'self_report', province: 'lao-cai', at: '2026-03-02T09:00:00+07:00' }),
    );
    expect(kinds(await board('2026-03-04T10:00:00+07:00', { province: 'lao-cai' }))).toEqual({
      overdue: [],
      dueSoon: [`initial_verification:${lc}`],
    });
    expect(kinds(await board('2026-03-01T10:00:00+07:00', { within: DAY }))).toEqual({ overdue: [], dueSoon: [] });
    expect(kinds(await board('2026-03-01T10:00:00+07:00', { within: 4 * DAY })).dueSoon).toEqual([
      `initial_verification:${ls}`,
      `initial_verification:${lc}`,
    ]);
  });

  it('cuts each list at the limit, earliest due first, and counts them all', async () => {
    const ids = [newId(), newId(), newId()];
    await h.given(
      reportReceived(ids[0], { channel: 'self_report', province: 'lang-son', at: '2026-03-03T09:00:00+07:00' }),
      reportReceived(ids[1], { channel: 'self_report', province: 'lang-son', at: '2026-03-01T09:00:00+07:00' }),
      reportReceived(ids[2], { channel: 'self_report', province: 'lang-son', at: '2026-03-02T09:00:00+07:00' }),
    );
    const b = await board('2026-03-20T09:00:00+07:00', { limit: 2 });
    expect(b.overdue.map((e) => e.id)).toEqual([ids[1], ids[2]]);
    expect(b.totals).toEqual({ overdue: 3, dueSoon: 0 });
  });

  it('a duplicate event changes nothing', async () => {
    const caseId = newId();
    const v = newId();
    const recorded = await h.given(
      reportReceived(caseId, { channel: 'self_report' }),
      verificationRequested(v, caseId, {
        dueAt: z('2026-03-20T17:00:00+08:00'),
        occurredAt: z('2026-03-10T08:00:00+07:00'),
      }),
      {
        type: 'VerificationWithdrawn',
        streamId: `verification-${v}`,
        data: { verificationId: v, caseId, reason: 'r' },
      },
    );
    const before = await h.snapshot();
    for (const e of recorded) await h.apply(e);
    expect(await h.snapshot()).toEqual(before);
    expect(kinds(await board('2026-03-19T17:00:00+07:00'))).toEqual({ overdue: [], dueSoon: [] });
  });
});
