import type { ZonedInstant } from '#shared-kernel';
import type { MinutesLanguage, OnwardTransferKind, ProposingSide, ReceivedPersonInput } from './handover.values.js';

export interface HandoverProposal {
  readonly handoverId: string;
  readonly caseId: string;
  /** The proposed gate until scheduling names the one agreed with the other side. */
  readonly gate: string;
  readonly counterpart: string;
  readonly proposedBy: ProposingSide;
  readonly personIds: readonly string[];
  readonly proposedAt: ZonedInstant;
}

export type ReceivedPerson = ReceivedPersonInput & { readonly receivedAt: ZonedInstant };

export interface NotReceivedPerson {
  readonly personId: string;
  readonly reason: string;
}

export interface OnwardTransfer {
  readonly personId: string;
  readonly toUnit: string;
  readonly toKind: OnwardTransferKind;
  readonly at: ZonedInstant;
}

export interface Minutes {
  readonly number: string;
  readonly signedAt: ZonedInstant;
  readonly languages: readonly MinutesLanguage[];
  readonly scanSha256?: string;
}

/** What happened at the gate; persons are filled in by the events that follow HandoverConducted. */
export interface HandoverConduct {
  readonly scheduledAt: ZonedInstant;
  readonly conductedAt: ZonedInstant;
  readonly vnOfficers: readonly string[];
  readonly cnOfficers: readonly string[];
  readonly received: readonly ReceivedPerson[];
  readonly notReceived: readonly NotReceivedPerson[];
  readonly transfers: readonly OnwardTransfer[];
}

/**
 * Proposed → Scheduled ⇄ Postponed → Conducted → MinutesSigned → Closed;
 * Proposed/Scheduled/Postponed → Cancelled. 'conducted' only lasts between the events of one
 * confirmation, so "PersonReceived only while Conducted" holds by construction.
 */
export type HandoverState =
  | { readonly status: 'none' }
  | (HandoverProposal & { readonly status: 'proposed' })
  | (HandoverProposal & { readonly status: 'scheduled'; readonly scheduledAt: ZonedInstant })
  | (HandoverProposal & {
      readonly status: 'postponed';
      readonly previousScheduledAt: ZonedInstant;
      readonly postponeReason: string;
    })
  | (HandoverProposal & {
      readonly status: 'cancelled';
      readonly cancelledFrom: 'proposed' | 'scheduled' | 'postponed';
      readonly cancelReason: string;
    })
  | (HandoverProposal & HandoverConduct & { readonly status: 'conducted' })
  | (HandoverProposal & HandoverConduct & { readonly status: 'minutes_signed'; readonly minutes: Minutes })
  | (HandoverProposal & HandoverConduct & { readonly status: 'closed'; readonly minutes: Minutes });

export type HandoverStatus = HandoverState['status'];
export type ConductedHandover = Extract<HandoverState, { status: 'conducted' | 'minutes_signed' | 'closed' }>;

export const initialHandoverState: HandoverState = { status: 'none' };

export const isConducted = (state: HandoverState): state is ConductedHandover =>
  state.status === 'conducted' || state.status === 'minutes_signed' || state.status === 'closed';
