import type { ZonedInstant } from '#shared-kernel';
import type { HandoverState } from './handover.state.js';

/**
 * Not yet confirmed from the gate (proposed, scheduled or postponed): closing the case then needs a
 * supervisor's override. Cancelled and conducted handovers are settled.
 */
export const isHandoverUnconfirmed = (state: HandoverState): boolean =>
  state.status === 'proposed' || state.status === 'scheduled' || state.status === 'postponed';

export interface PendingOnwardTransfer {
  readonly personId: string;
  /** Start of the same-day onward-transfer target. */
  readonly receivedAt: ZonedInstant;
}

/** Received persons whose onward transfer is not recorded yet, in the order they were received. */
export function pendingOnwardTransfers(state: HandoverState): readonly PendingOnwardTransfer[] {
  if (state.status !== 'conducted' && state.status !== 'minutes_signed' && state.status !== 'closed') return [];
  return state.received
    .filter((p) => !state.transfers.some((t) => t.personId === p.personId))
    .map((p) => ({ personId: p.personId, receivedAt: p.receivedAt }));
}

export const receivedPersonIds = (state: HandoverState): readonly string[] =>
  state.status === 'conducted' || state.status === 'minutes_signed' || state.status === 'closed'
    ? state.received.map((p) => p.personId)
    : [];
