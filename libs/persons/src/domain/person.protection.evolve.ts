import { assertNever } from '#shared-kernel';
import type { PersonProtectionEvent } from './person.protection.events.js';
import type { ConsentRecord, RegisteredPerson } from './person.state.js';

/** Consent and legal holds change no identification status; they ride along on any registered person. */
export function evolveProtection<S extends RegisteredPerson>(state: S, event: PersonProtectionEvent): S {
  switch (event.type) {
    case 'ConsentGiven':
    case 'ConsentRefused': {
      const { consentId, purpose, recipient, givenBy, formSha256, occurredAt } = event.data;
      const decision = event.type === 'ConsentGiven' ? 'given' : 'refused';
      const record: ConsentRecord = { consentId, decision, purpose, recipient, givenBy, formSha256, occurredAt };
      return { ...state, consents: [...(state.consents ?? []), record] };
    }
    case 'ConsentWithdrawn': {
      const consents = (state.consents ?? []).map((c) =>
        c.consentId === event.data.consentId ? { ...c, withdrawnAt: event.data.occurredAt } : c,
      );
      return { ...state, consents };
    }
    case 'LegalHoldPlaced':
      return { ...state, legalHold: { proceedingsRef: event.data.proceedingsRef } };
    case 'LegalHoldReleased': {
      const { legalHold: _released, ...rest } = state;
      return rest as S;
    }
    default:
      return assertNever(event);
  }
}
