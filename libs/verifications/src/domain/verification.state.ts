import type { ZonedInstant, DisclosureBasis } from '#shared-kernel';
import type { VerificationDirection, VerificationResult, VerificationSubject } from './verification.values.js';

export interface VerificationExtension {
  readonly previousDueAt: ZonedInstant;
  readonly newDueAt: ZonedInstant;
  readonly reason: string;
}

/** What every existing request knows, whatever its status. */
export interface VerificationFacts {
  readonly verificationId: string;
  readonly caseId: string;
  readonly personId: string | null;
  readonly direction: VerificationDirection;
  readonly counterpart: string;
  readonly subject: VerificationSubject;
  readonly questions: string;
  readonly legalBasis: string | null;
  /** The basis on which the named person's data was sent (outgoing requests about a person). */
  readonly disclosure: { readonly basis: DisclosureBasis; readonly reference: string | null } | null;
  readonly requestedAt: ZonedInstant;
  /** The due time in force (the last extension's, else the original). */
  readonly dueAt: ZonedInstant;
  readonly extensions: readonly VerificationExtension[];
}

export type NoVerification = { readonly status: 'none' };
export type RequestedVerification = VerificationFacts & { readonly status: 'requested' };
export type ExtendedVerification = VerificationFacts & { readonly status: 'extended' };
export type AnsweredVerification = VerificationFacts & {
  readonly status: 'answered';
  readonly result: VerificationResult;
  readonly details: string;
  readonly answeredAt: ZonedInstant;
  readonly late: boolean;
};
export type WithdrawnVerification = VerificationFacts & { readonly status: 'withdrawn'; readonly reason: string };

export type OpenVerification = RequestedVerification | ExtendedVerification;
export type ExistingVerification = OpenVerification | AnsweredVerification | WithdrawnVerification;
export type VerificationState = NoVerification | ExistingVerification;
export type VerificationStatus = VerificationState['status'];

export const initialVerificationState: VerificationState = { status: 'none' };
