import { assertNever } from '#shared-kernel';
import type { PersonEvent, PersonRegistered } from './person.events.js';
import type { PersonFacts, PersonState, RegisteredPerson } from './person.state.js';
import { initialIdentificationStatus } from './person.values.js';
import { evolveProtection } from './person.protection.evolve.js';
import { evolveSupport } from './person.support.evolve.js';

/** The facts that outlive a change of identification status; optional ones only when present. */
function factsOf(state: RegisteredPerson): PersonFacts {
  const { personId, caseId, role, ageBand, personal, erased, consents, legalHold, supports, referrals, screenings } =
    state;
  return {
    personId,
    caseId,
    role,
    ageBand,
    personal,
    ...(erased ? { erased } : {}),
    ...(consents ? { consents } : {}),
    ...(legalHold ? { legalHold } : {}),
    ...(supports ? { supports } : {}),
    ...(referrals ? { referrals } : {}),
    ...(screenings ? { screenings } : {}),
  };
}

function registered(event: PersonRegistered): RegisteredPerson {
  const { personId, caseId, role, ageBand, personal, identification } = event.data;
  const facts: PersonFacts = { personId, caseId, role, ageBand, personal };
  switch (identification) {
    case 'presumed':
    case 'accompanying':
    case 'not_on_victim_track':
      return { ...facts, status: identification };
    case 'identified_victim':
      return { ...facts, status: 'identified_victim', evidenceBases: [], documentRef: null };
    case 'under_identification':
    case 'not_confirmed':
      // Registration never starts mid-procedure; fall back to what the role implies.
      return registered({ ...event, data: { ...event.data, identification: initialIdentificationStatus(role) } });
    default:
      return assertNever(identification);
  }
}

/** Total and pure: an event that does not fit the current status leaves the state as it is. */
export function evolvePerson(state: PersonState, event: PersonEvent): PersonState {
  if (state.status === 'none') return event.type === 'PersonRegistered' ? registered(event) : state;
  switch (event.type) {
    case 'PersonRegistered':
      return state;
    case 'IdentificationBegun':
      return state.status === 'presumed' || state.status === 'accompanying'
        ? { ...factsOf(state), status: 'under_identification', basis: event.data.basis }
        : state;
    case 'VictimIdentified':
      return state.status === 'under_identification'
        ? {
            ...factsOf(state),
            status: 'identified_victim',
            evidenceBases: event.data.evidenceBases,
            documentRef: event.data.documentRef,
          }
        : state;
    case 'IdentificationNotConfirmed':
      return state.status === 'under_identification'
        ? { ...factsOf(state), status: 'not_confirmed', reason: event.data.reason }
        : state;
    case 'IdentificationReopened':
      return state.status === 'not_confirmed'
        ? { ...factsOf(state), status: 'under_identification', basis: event.data.newEvidence }
        : state;
    case 'PersonalDataCorrected':
      return { ...state, personal: event.data.personal };
    case 'PersonalDataErased':
      return { ...state, erased: true };
    case 'ConsentGiven':
    case 'ConsentRefused':
    case 'ConsentWithdrawn':
    case 'LegalHoldPlaced':
    case 'LegalHoldReleased':
      return evolveProtection(state, event);
    case 'SupportProvided':
    case 'ReferralMade':
    case 'ReferralAccepted':
    case 'ReferralDeclined':
    case 'ReferralCompleted':
    case 'ScreeningRecorded':
      return evolveSupport(state, event);
    default:
      return assertNever(event);
  }
}
