import { newId } from '#shared-kernel';
import { APPLY_MODES, useProjectionHarness, z } from '../spec-support/projection.spec-fixtures.js';
import { reportReceived } from '../spec-support/given-events.js';
import { boardAt, DAY, LIMITS } from './deadline-board.spec-fixtures.js';
import { deadlinesProjection } from './deadlines.projection.js';

const recordedBy = { userId: 'can.bo', unitId: 'VN-LS-BLO' };

/** Referrals a receiving service has not answered within the configured limit (issue 10). */
describe.each(APPLY_MODES)('referral answers on the deadline board (%s)', (_mode, batched) => {
  const h = useProjectionHarness(deadlinesProjection, batched);

  const board = (now: string, limits = LIMITS, province: string | null = null) =>
    boardAt(h.sql, now, { limits, province });

  const onPerson = (type: string, personId: string, caseId: string, referralId: string, at: string, extra = {}) => ({
    type,
    streamId: `person-${personId}`,
    data: { personId, caseId, referralId, occurredAt: z(at), recordedBy, ...extra },
    occurredAt: at,
  });
  const made = (personId: string, caseId: string, referralId: string, at: string) =>
    onPerson('ReferralMade', personId, caseId, referralId, at, {
      service: 'social_protection_centre',
      receivingUnit: 'Cơ sở BTXH',
      consentId: null,
      exemption: 'urgent_child_protection',
      note: null,
    });

  it('lists unanswered referrals by their due time, overdue first, until the service answers', async () => {
    const [caseId, personId] = [newId(), newId()];
    const [old, recent, answered, declined] = [newId(), newId(), newId(), newId()];
    await h.given(
      reportReceived(caseId),
      made(personId, caseId, old, '2026-03-01T10:00:00+07:00'),
      made(personId, caseId, recent, '2026-03-04T10:00:00+07:00'),
      made(personId, caseId, answered, '2026-03-01T11:00:00+07:00'),
      made(personId, caseId, declined, '2026-03-01T12:00:00+07:00'),
      onPerson('ReferralAccepted', personId, caseId, answered, '2026-03-02T09:00:00+07:00'),
      onPerson('ReferralDeclined', personId, caseId, declined, '2026-03-02T09:00:00+07:00', { reason: 'no_capacity' }),
    );
    const b = await board('2026-03-10T09:00:00+07:00');
    expect(b.overdue.map((e) => e.id)).toEqual([old]);
    expect(b.dueSoon.map((e) => e.id)).toEqual([recent]);
    expect(b.overdue[0]).toMatchObject({
      kind: 'referral_answer',
      caseId,
      province: 'lang-son',
      parentId: personId,
      owedBy: null,
      dueAt: '2026-03-08T03:00:00.000Z',
      since: '2026-03-01T03:00:00.000Z',
    });
    // The limit is configuration, applied when the board is read.
    const stricter = { ...LIMITS, referralAnswerMs: 2 * DAY };
    const early = await board('2026-03-05T09:00:00+07:00', stricter);
    expect([early.overdue.map((e) => e.id), early.dueSoon.map((e) => e.id)]).toEqual([[old], [recent]]);
    expect((await board('2026-03-05T09:00:00+07:00')).overdue).toEqual([]);
    expect((await board('2026-03-10T09:00:00+07:00', LIMITS, 'lao-cai')).overdue).toEqual([]);
  });
});
