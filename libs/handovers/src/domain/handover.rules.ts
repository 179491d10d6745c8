import { assertNever, refuse, type ZonedInstant } from '#shared-kernel';
import { HandoverErrors as E } from './handover.errors.js';
import type { HandoverState } from './handover.state.js';

export const isBlank = (value: string | undefined): boolean => value === undefined || value.trim() === '';
export const isBefore = (a: ZonedInstant, b: ZonedInstant): boolean => Date.parse(a.at) < Date.parse(b.at);
import { isOneOf } from '#shared-kernel';

export { isOneOf };
export const SHA256_HEX = /^[0-9a-f]{64}$/i;

export type HandoverAct = 'schedule' | 'postpone' | 'cancel' | 'confirm' | 'transfer' | 'close';
const AFTER_CONDUCT: readonly HandoverAct[] = ['transfer', 'close'];

/** Refuses `act` in a state that does not allow it, with the reason the gate or the office can act on. */
export function refuseOutOfOrder(state: HandoverState, act: HandoverAct): never {
  const afterConduct = AFTER_CONDUCT.includes(act);
  switch (state.status) {
    case 'none':
      return refuse(E.NOT_FOUND, 'no such handover', 'not_found');
    case 'cancelled':
      return refuse(E.CANCELLED, 'the handover was cancelled');
    case 'proposed':
    case 'postponed':
      return afterConduct
        ? refuse(E.NOT_CONDUCTED, 'the handover has not taken place yet')
        : refuse(E.NOT_SCHEDULED, `the handover is ${state.status}, not scheduled`);
    case 'scheduled':
      return afterConduct
        ? refuse(E.NOT_CONDUCTED, 'the handover has not taken place yet')
        : refuse(E.INVALID_TRANSITION, 'the handover is already scheduled; postpone it to move it');
    case 'conducted':
      return act === 'close'
        ? refuse(E.MINUTES_NOT_SIGNED, 'the minutes are not signed')
        : refuse(E.ALREADY_CONDUCTED, 'the handover has already taken place');
    case 'minutes_signed':
      return refuse(E.ALREADY_CONDUCTED, 'the handover has already taken place');
    case 'closed':
      return afterConduct
        ? refuse(E.CLOSED, 'the handover is closed')
        : refuse(E.ALREADY_CONDUCTED, 'the handover has already taken place');
    default:
      return assertNever(state);
  }
}
