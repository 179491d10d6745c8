import { assertNever } from '#shared-kernel';
import type { VerificationAnswerData, VerificationEvent } from './verification.events.js';
import type { ExistingVerification, VerificationFacts, VerificationState } from './verification.state.js';
import type { VerificationResult } from './verification.values.js';

function factsOf(state: ExistingVerification): VerificationFacts {
  const { verificationId, caseId, personId, direction, counterpart, subject, questions, legalBasis, disclosure } =
    state;
  const { requestedAt, dueAt, extensions } = state;
  return {
    verificationId,
    caseId,
    personId,
    direction,
    counterpart,
    subject,
    questions,
    legalBasis,
    disclosure,
    requestedAt,
    dueAt,
    extensions,
  };
}

function answered(
  state: VerificationState,
  result: VerificationResult,
  data: VerificationAnswerData,
): VerificationState {
  if (state.status !== 'requested' && state.status !== 'extended') return state;
  return {
    ...factsOf(state),
    status: 'answered',
    result,
    details: data.details,
    answeredAt: data.occurredAt,
    late: data.late,
  };
}

/** Total and pure: an event that does not fit the current status leaves the state as it is. */
export function evolveVerification(state: VerificationState, event: VerificationEvent): VerificationState {
  if (state.status === 'none') {
    if (event.type !== 'VerificationRequested') return state;
    const d = event.data;
    return {
      status: 'requested',
      verificationId: d.verificationId,
      caseId: d.caseId,
      personId: d.personId,
      direction: d.direction,
      counterpart: d.counterpart,
      subject: d.subject,
      questions: d.questions,
      legalBasis: d.legalBasis,
      disclosure: d.disclosure ? { basis: d.disclosure.basis, reference: d.disclosure.reference } : null,
      requestedAt: d.occurredAt,
      dueAt: d.dueAt,
      extensions: [],
    };
  }
  switch (event.type) {
    case 'VerificationRequested':
    case 'ConsentOverridden':
      return state;
    case 'VerificationExtended': {
      if (state.status !== 'requested' && state.status !== 'extended') return state;
      const { previousDueAt, newDueAt, reason } = event.data;
      return {
        ...factsOf(state),
        status: 'extended',
        dueAt: newDueAt,
        extensions: [...state.extensions, { previousDueAt, newDueAt, reason }],
      };
    }
    case 'VerificationAnsweredConfirmed':
      return answered(state, 'confirmed', event.data);
    case 'VerificationAnsweredNotConfirmed':
      return answered(state, 'not_confirmed', event.data);
    case 'VerificationAnsweredInconclusive':
      return answered(state, 'inconclusive', event.data);
    case 'VerificationWithdrawn':
      return state.status === 'requested' || state.status === 'extended'
        ? { ...factsOf(state), status: 'withdrawn', reason: event.data.reason }
        : state;
    default:
      return assertNever(event);
  }
}
