import { assertNever, refuse } from '#shared-kernel';
import type {
  HandoverCommand,
  PostponeHandover,
  ProposeHandover,
  RecordOnwardTransfer,
  ScheduleHandover,
} from './handover.commands.js';
import { confirmHandover } from './handover.confirm.js';
import { HandoverErrors as E } from './handover.errors.js';
import type { HandoverEvent } from './handover.events.js';
import { isBefore, isBlank, isOneOf, refuseOutOfOrder } from './handover.rules.js';
import type { HandoverState } from './handover.state.js';
import { ONWARD_TRANSFER_KINDS, PROPOSING_SIDES } from './handover.values.js';
import { pendingOnwardTransfers } from './handover.queries.js';

export function decideHandover(command: HandoverCommand, state: HandoverState): readonly HandoverEvent[] {
  switch (command.type) {
    case 'ProposeHandover':
      return propose(command, state);
    case 'ScheduleHandover':
      return schedule(command, state);
    case 'PostponeHandover':
      return postpone(command, state);
    case 'CancelHandover': {
      if (state.status !== 'proposed' && state.status !== 'scheduled' && state.status !== 'postponed') {
        return refuseOutOfOrder(state, 'cancel');
      }
      if (isBlank(command.data.reason)) refuse(E.REASON_REQUIRED, 'a cancellation needs a reason', 'invalid');
      return [{ type: 'HandoverCancelled', data: { handoverId: state.handoverId, reason: command.data.reason } }];
    }
    case 'ConfirmHandover':
      return state.status === 'scheduled' ? confirmHandover(command, state) : refuseOutOfOrder(state, 'confirm');
    case 'RecordOnwardTransfer':
      return recordTransfer(command, state);
    case 'CloseHandover': {
      if (state.status !== 'minutes_signed') return refuseOutOfOrder(state, 'close');
      // Domain rule: a handover closes only with signed minutes and an onward transfer for every person received.
      const pending = pendingOnwardTransfers(state).length;
      if (pending > 0) refuse(E.TRANSFERS_MISSING, `${pending} received person(s) still lack an onward transfer`);
      return [{ type: 'HandoverClosed', data: { handoverId: state.handoverId } }];
    }
    default:
      return assertNever(command);
  }
}

function propose(command: ProposeHandover, state: HandoverState): readonly HandoverEvent[] {
  if (state.status !== 'none') refuse(E.ALREADY_EXISTS, 'this handover already exists');
  const { handoverId, caseId, gate, counterpart, proposedBy, personIds, proposedAt } = command.data;
  if (isBlank(caseId) || isBlank(counterpart) || !isOneOf(PROPOSING_SIDES, proposedBy)) {
    refuse(E.INVALID_PROPOSAL, 'a proposal needs its case, the counterpart unit and the proposing side', 'invalid');
  }
  if (isBlank(gate)) refuse(E.GATE_REQUIRED, 'a proposal names a gate or boundary marker', 'invalid');
  if (personIds.length === 0) refuse(E.PERSONS_REQUIRED, 'a handover concerns at least one person', 'invalid');
  if (new Set(personIds).size !== personIds.length) refuse(E.DUPLICATE_PERSON, 'a person is listed twice', 'invalid');
  return [
    {
      type: 'HandoverProposed',
      data: { handoverId, caseId, gate, counterpart, proposedBy, personIds, occurredAt: proposedAt },
    },
  ];
}

function schedule(command: ScheduleHandover, state: HandoverState): readonly HandoverEvent[] {
  if (state.status !== 'proposed' && state.status !== 'postponed') return refuseOutOfOrder(state, 'schedule');
  const { gate, scheduledAt } = command.data;
  if (isBlank(gate)) refuse(E.GATE_REQUIRED, 'scheduling names the gate or boundary marker', 'invalid');
  if (isBefore(scheduledAt, state.proposedAt)) {
    refuse(E.INVALID_TIME, 'a handover cannot be scheduled before it was proposed', 'invalid');
  }
  return [{ type: 'HandoverScheduled', data: { handoverId: state.handoverId, gate, scheduledAt } }];
}

/**
 * Postponed with a known new time is a reschedule at the same gate: HandoverPostponed then
 * HandoverScheduled, so the record shows both facts and the gate can confirm at once. Without a
 * new time the handover waits in Postponed for a ScheduleHandover (which may also change the gate).
 */
function postpone(command: PostponeHandover, state: HandoverState): readonly HandoverEvent[] {
  if (state.status !== 'scheduled') return refuseOutOfOrder(state, 'postpone');
  const { reason, newScheduledAt } = command.data;
  if (isBlank(reason)) refuse(E.REASON_REQUIRED, 'a postponement needs a reason', 'invalid');
  if (newScheduledAt && !isBefore(state.scheduledAt, newScheduledAt)) {
    refuse(E.INVALID_TIME, 'a postponement moves the handover to a later time', 'invalid');
  }
  const { handoverId, gate, scheduledAt } = state;
  return [
    { type: 'HandoverPostponed', data: { handoverId, reason, previousScheduledAt: scheduledAt } },
    ...(newScheduledAt
      ? [{ type: 'HandoverScheduled' as const, data: { handoverId, gate, scheduledAt: newScheduledAt } }]
      : []),
  ];
}

/**
 * Allowed once the handover is conducted (in practice minutes_signed, since a confirmation signs
 * them in the same decision) and until it is closed; once per received person.
 */
function recordTransfer(command: RecordOnwardTransfer, state: HandoverState): readonly HandoverEvent[] {
  if (state.status !== 'conducted' && state.status !== 'minutes_signed') return refuseOutOfOrder(state, 'transfer');
  const { personId, toUnit, toKind, at } = command.data;
  if (isBlank(toUnit) || !isOneOf(ONWARD_TRANSFER_KINDS, toKind)) {
    refuse(E.INVALID_TRANSFER, 'an onward transfer names the receiving unit and its kind', 'invalid');
  }
  if (!state.personIds.includes(personId)) {
    refuse(E.UNKNOWN_PERSON, 'the person is not part of this handover', 'invalid');
  }
  const person = state.received.find((p) => p.personId === personId);
  if (!person) return refuse(E.PERSON_NOT_RECEIVED, 'the person was not received at the gate');
  if (state.transfers.some((t) => t.personId === personId)) {
    refuse(E.ALREADY_TRANSFERRED, 'the onward transfer of this person is already recorded');
  }
  if (isBefore(at, person.receivedAt)) {
    refuse(E.INVALID_TIME, 'an onward transfer cannot precede the reception at the gate', 'invalid');
  }
  return [
    {
      type: 'OnwardTransferRecorded',
      data: { handoverId: state.handoverId, personId, toUnit, toKind, occurredAt: at },
    },
  ];
}
