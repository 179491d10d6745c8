import { newId } from '#shared-kernel';
import { APPLY_MODES, useProjectionHarness, z, type GivenEvent } from '../spec-support/projection.spec-fixtures.js';
import type { BorderProvince } from '#cases';
import { personRegistered, reportReceived } from '../spec-support/given-events.js';
import { publish } from './statistics.export.js';
import { statisticsProjection } from './statistics.projection.js';
import { statisticsOf } from './statistics.spec-fixtures.js';

const recordedBy = { userId: 'can.bo', unitId: 'VN-LS-BLO' };

/** Support given and referrals (issue 10): counted by kind, service and outcome, per province and period. */
describe.each(APPLY_MODES)('statistics of support and referrals (%s)', (_mode, batched) => {
  const h = useProjectionHarness(() => statisticsProjection(async () => 'unknown'), batched);

  const stats = (period: string, province: string | null = null) => statisticsOf(h.sql, period, province);

  /** A case in a province with one presumed victim. */
  const personIn = (province: BorderProvince): { personId: string; events: GivenEvent[] } => {
    const caseId = newId();
    const personId = newId();
    const at = '2026-03-01T09:00:00+07:00';
    return {
      personId,
      events: [reportReceived(caseId, { province, at }), personRegistered({ personId, caseId }, 'v1.1.a.b.c', at)],
    };
  };
  const onPerson = (type: string, personId: string, at: string, data: object): GivenEvent => ({
    type,
    streamId: `person-${personId}`,
    data: { personId, ...data, occurredAt: z(at), recordedBy },
    occurredAt: at,
  });
  const supportGiven = (personId: string, kind: string, at = '2026-03-02T09:00:00+07:00') =>
    onPerson('SupportProvided', personId, at, { supportId: newId(), kind, provider: 'Trạm Y tế', note: null });
  const referred = (personId: string, referralId: string, service: string, at = '2026-03-02T10:00:00+07:00') =>
    onPerson('ReferralMade', personId, at, { referralId, service, receivingUnit: null, note: null });
  const answered = (type: string, personId: string, referralId: string, extra: object = {}) =>
    onPerson(type, personId, '2026-03-05T10:00:00+07:00', { referralId, ...extra });

  it('counts support by kind and referrals by service and outcome, in the province and period', async () => {
    const ls = personIn('lang-son');
    const lc = personIn('lao-cai');
    const [r1, r2, r3, r4] = [newId(), newId(), newId(), newId()];
    await h.given(
      ...ls.events,
      ...lc.events,
      supportGiven(ls.personId, 'medical_care'),
      supportGiven(ls.personId, 'food'),
      supportGiven(ls.personId, 'food'),
      supportGiven(lc.personId, 'interpreter'),
      supportGiven(ls.personId, 'food', '2026-04-01T00:00:00+07:00'), // next quarter in Vietnam
      referred(ls.personId, r1, 'social_protection_centre'),
      referred(ls.personId, r2, 'health_facility'),
      referred(ls.personId, r3, 'family'),
      referred(lc.personId, r4, 'womens_union'),
      answered('ReferralAccepted', ls.personId, r1),
      answered('ReferralCompleted', ls.personId, r1),
      answered('ReferralDeclined', ls.personId, r2, { reason: 'no_capacity' }),
    );
    const q1 = await stats('2026-Q1', 'lang-son');
    expect(q1.support).toEqual({ given: 3, byKind: { medical_care: 1, food: 2 } });
    expect(q1.referrals).toEqual({
      made: 3,
      byService: { social_protection_centre: 1, health_facility: 1, family: 1 },
      byOutcome: { completed: 1, declined: 1, pending: 1 },
    });
    const all = await stats('2026-Q1');
    expect(all.support.byKind).toEqual({ medical_care: 1, food: 2, interpreter: 1 });
    expect(all.referrals.byService.womens_union).toBe(1);
    expect((await stats('2026-Q2', 'lang-son')).support).toEqual({ given: 1, byKind: { food: 1 } });
    // Published with the same small-cell suppression as every other count.
    const published = publish(q1);
    expect(published.support).toEqual({ given: '<11', byKind: { medical_care: '<11', food: '<11' } });
    expect(published.referrals.byOutcome).toEqual({ completed: '<11', declined: '<11', pending: '<11' });
  });

  it('a replayed answer moves no referral back', async () => {
    const ls = personIn('lang-son');
    const r = newId();
    const recorded = await h.given(
      ...ls.events,
      referred(ls.personId, r, 'legal_aid_centre'),
      answered('ReferralAccepted', ls.personId, r),
      answered('ReferralCompleted', ls.personId, r),
    );
    await h.apply(recorded[3]);
    expect((await stats('2026-Q1', 'lang-son')).referrals.byOutcome).toEqual({ completed: 1 });
  });
});
