import { assertNever } from '#shared-kernel';
import type { PersonSupportEvent } from './person.support.events.js';
import type { ReferralRecord, RegisteredPerson } from './person.state.js';

const withReferral = <S extends RegisteredPerson>(
  state: S,
  referralId: string,
  change: (r: ReferralRecord) => ReferralRecord,
): S => ({
  ...state,
  referrals: (state.referrals ?? []).map((r) => (r.referralId === referralId ? change(r) : r)),
});

/** Support, referrals and screenings change no identification status; they ride along like consent. */
export function evolveSupport<S extends RegisteredPerson>(state: S, event: PersonSupportEvent): S {
  switch (event.type) {
    case 'SupportProvided': {
      const { personId: _p, caseId: _c, ...record } = event.data;
      return { ...state, supports: [...(state.supports ?? []), record] };
    }
    case 'ReferralMade': {
      const { personId: _p, caseId: _c, ...made } = event.data;
      const record: ReferralRecord = { ...made, state: 'made' };
      return { ...state, referrals: [...(state.referrals ?? []), record] };
    }
    case 'ReferralAccepted':
      return withReferral(state, event.data.referralId, (r) =>
        r.state === 'made' ? { ...r, state: 'accepted', answeredAt: event.data.occurredAt } : r,
      );
    case 'ReferralDeclined':
      return withReferral(state, event.data.referralId, (r) =>
        r.state === 'made'
          ? { ...r, state: 'declined', answeredAt: event.data.occurredAt, declineReason: event.data.reason }
          : r,
      );
    case 'ReferralCompleted':
      return withReferral(state, event.data.referralId, (r) =>
        r.state === 'accepted' ? { ...r, state: 'completed', completedAt: event.data.occurredAt } : r,
      );
    case 'ScreeningRecorded': {
      const { personId: _p, caseId: _c, ...record } = event.data;
      return { ...state, screenings: [...(state.screenings ?? []), record] };
    }
    default:
      return assertNever(event);
  }
}
