import { assertNever } from '#shared-kernel';
import type { VerificationAnswerData, VerificationEvent, VerificationRequestData } from './verification.events.js';
import type {
  ExistingVerification,
  VerificationFacts,
  VerificationRelease,
  VerificationState,
} from './verification.state.js';
import type { VerificationResult } from './verification.values.js';

function factsOf(state: ExistingVerification): VerificationFacts {
  const { verificationId, caseId, personId, direction, counterpart, subject, questions, legalBasis, priority } = state;
  const { disclosure } = state;
  const { requestedAt, dueAt, extensions, release } = state;
  return {
    verificationId,
    caseId,
    personId,
    direction,
    counterpart,
    subject,
    questions,
    legalBasis,
    priority,
    disclosure,
    requestedAt,
    release,
    dueAt,
    extensions,
  };
}

/** The facts a request states, from its VerificationRequested or VerificationDrafted. */
function stated(d: VerificationRequestData, release: VerificationRelease | null): VerificationFacts {
  return {
    verificationId: d.verificationId,
    caseId: d.caseId,
    personId: d.personId,
    direction: d.direction,
    counterpart: d.counterpart,
    subject: d.subject,
    questions: d.questions,
    legalBasis: d.legalBasis,
    priority: d.priority ?? 'normal',
    disclosure: d.disclosure
      ? { basis: d.disclosure.basis, reference: d.disclosure.reference, overridden: false }
      : null,
    requestedAt: d.occurredAt,
    release,
    dueAt: d.dueAt,
    extensions: [],
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

/** A step of a held draft's release; anything but a draft is left as it is. */
function released(
  state: VerificationState,
  change: (r: VerificationRelease) => VerificationRelease,
): VerificationState {
  return state.status === 'draft' ? { ...state, release: change(state.release) } : state;
}

/** Total and pure: an event that does not fit the current status leaves the state as it is. */
export function evolveVerification(state: VerificationState, event: VerificationEvent): VerificationState {
  if (state.status === 'none') {
    if (event.type === 'VerificationRequested') return { ...stated(event.data, null), status: 'requested' };
    if (event.type !== 'VerificationDrafted') return state;
    const release: VerificationRelease = {
      author: { userId: event.data.release.author, unit: event.data.release.unit },
      state: 'awaiting_release',
    };
    return { ...stated(event.data, release), status: 'draft', release };
  }
  switch (event.type) {
    case 'VerificationDrafted':
      return state;
    // The sending of a released draft: the request as sent, its clock from the release.
    case 'VerificationRequested': {
      if (state.status !== 'draft') return state;
      const { release, disclosure } = state;
      // The override was recorded with the draft; the sent request keeps it.
      return { ...stated(event.data, release), disclosure, status: 'requested' };
    }
    case 'VerificationPriorityChanged':
      return state.status === 'answered' || state.status === 'withdrawn'
        ? state
        : { ...state, priority: event.data.priority };
    case 'ConsentOverridden':
      return state.disclosure ? { ...state, disclosure: { ...state.disclosure, overridden: true } } : state;
    case 'VerificationReleased': {
      const { releasedBy, occurredAt } = event.data;
      return released(state, (r) => ({ ...r, state: 'released', released: { by: releasedBy, at: occurredAt } }));
    }
    case 'VerificationDraftReturned': {
      const { returnedBy, comment, occurredAt } = event.data;
      return released(state, (r) => ({
        ...r,
        state: 'returned',
        returned: { by: returnedBy, at: occurredAt, comment },
      }));
    }
    case 'VerificationReleaseWithdrawn':
      return released(state, (r) => ({ ...r, state: 'withdrawn' }));
    case 'VerificationDraftResubmitted':
      return released(state, (r) => ({ ...r, state: 'awaiting_release' }));
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
      return state.status === 'requested' || state.status === 'extended' || state.status === 'draft'
        ? { ...factsOf(state), status: 'withdrawn', reason: event.data.reason }
        : state;
    default:
      return assertNever(event);
  }
}
