import { assertNever } from '#shared-kernel';
import type { HandoverEvent } from './handover.events.js';
import type { HandoverProposal, HandoverState } from './handover.state.js';

/** Total and pure: an event that does not fit the current state leaves it unchanged. */
export function evolveHandover(state: HandoverState, event: HandoverEvent): HandoverState {
  switch (event.type) {
    case 'HandoverProposed': {
      if (state.status !== 'none') return state;
      const { handoverId, caseId, gate, counterpart, proposedBy, personIds, occurredAt } = event.data;
      return {
        status: 'proposed',
        handoverId,
        caseId,
        gate,
        counterpart,
        proposedBy,
        personIds,
        proposedAt: occurredAt,
      };
    }
    case 'HandoverScheduled': {
      if (state.status !== 'proposed' && state.status !== 'postponed') return state;
      return { ...proposalOf(state), status: 'scheduled', gate: event.data.gate, scheduledAt: event.data.scheduledAt };
    }
    case 'HandoverPostponed': {
      if (state.status !== 'scheduled') return state;
      return {
        ...proposalOf(state),
        status: 'postponed',
        previousScheduledAt: state.scheduledAt,
        postponeReason: event.data.reason,
      };
    }
    case 'HandoverCancelled': {
      if (state.status !== 'proposed' && state.status !== 'scheduled' && state.status !== 'postponed') return state;
      return {
        ...proposalOf(state),
        status: 'cancelled',
        cancelledFrom: state.status,
        cancelReason: event.data.reason,
      };
    }
    case 'HandoverConducted': {
      if (state.status !== 'scheduled') return state;
      const { occurredAt, vnOfficers, cnOfficers, gate } = event.data;
      return {
        ...state,
        status: 'conducted',
        gate,
        conductedAt: occurredAt,
        vnOfficers,
        cnOfficers,
        received: [],
        notReceived: [],
        transfers: [],
      };
    }
    case 'PersonReceived': {
      const { handoverId: _id, occurredAt, ...person } = event.data;
      if (state.status !== 'conducted' || !isUnlisted(state, person.personId)) return state;
      return { ...state, received: [...state.received, { ...person, receivedAt: occurredAt }] };
    }
    case 'PersonNotReceived': {
      const { personId, reason } = event.data;
      if (state.status !== 'conducted' || !isUnlisted(state, personId)) return state;
      return { ...state, notReceived: [...state.notReceived, { personId, reason }] };
    }
    case 'MinutesSigned': {
      if (state.status !== 'conducted') return state;
      const { number, occurredAt, languages, scanSha256 } = event.data;
      const minutes = { number, signedAt: occurredAt, languages, ...(scanSha256 !== undefined ? { scanSha256 } : {}) };
      return { ...state, status: 'minutes_signed', minutes };
    }
    case 'OnwardTransferRecorded': {
      if (state.status !== 'conducted' && state.status !== 'minutes_signed') return state;
      const { personId, toUnit, toKind, occurredAt } = event.data;
      const received = state.received.some((p) => p.personId === personId);
      if (!received || state.transfers.some((t) => t.personId === personId)) return state;
      return { ...state, transfers: [...state.transfers, { personId, toUnit, toKind, at: occurredAt }] };
    }
    case 'HandoverClosed':
      return state.status === 'minutes_signed' ? { ...state, status: 'closed' } : state;
    default:
      return assertNever(event);
  }
}

function proposalOf(state: HandoverProposal): HandoverProposal {
  const { handoverId, caseId, gate, counterpart, proposedBy, personIds, proposedAt } = state;
  return { handoverId, caseId, gate, counterpart, proposedBy, personIds, proposedAt };
}

/** A person of this handover not yet listed as received or not received. */
function isUnlisted(state: Extract<HandoverState, { status: 'conducted' }>, personId: string): boolean {
  return (
    state.personIds.includes(personId) &&
    !state.received.some((p) => p.personId === personId) &&
    !state.notReceived.some((p) => p.personId === personId)
  );
}
