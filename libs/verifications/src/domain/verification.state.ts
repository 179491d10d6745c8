import type { DisclosureBasis, Priority, ReleaseOfficer, ReleaseState, ZonedInstant } from '#shared-kernel';
import type { VerificationDirection, VerificationResult, VerificationSubject } from './verification.values.js';

export interface VerificationExtension {
  readonly previousDueAt: ZonedInstant;
  readonly newDueAt: ZonedInstant;
  readonly reason: string;
}

/**
 * A request held for a second officer's release (the rule: shared kernel, release.ts), and what
 * became of it. Kept after the release so the request shows who let it go.
 */
export interface VerificationRelease {
  readonly author: ReleaseOfficer;
  readonly state: ReleaseState;
  /** The last return, kept after a resubmission so the request shows why it came back. */
  readonly returned?: { readonly by: string; readonly at: ZonedInstant; readonly comment: string };
  readonly released?: { readonly by: string; readonly at: ZonedInstant };
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
  readonly priority: Priority;
  /** The basis on which the named person's data was sent (outgoing requests about a person). */
  readonly disclosure: {
    readonly basis: DisclosureBasis;
    readonly reference: string | null;
    /** A supervisor sent it although consent did not stand (ConsentOverridden). */
    readonly overridden: boolean;
  } | null;
  /** Sent or received; for a draft, when it was written. */
  readonly requestedAt: ZonedInstant;
  /** Null for a request never held for release. */
  readonly release: VerificationRelease | null;
  /** The due time in force (the last extension's, else the original). */
  readonly dueAt: ZonedInstant;
  readonly extensions: readonly VerificationExtension[];
}

export type NoVerification = { readonly status: 'none' };
/** Held for release: nothing has left, no clock runs; `dueAt` is the one proposed when written. */
export type DraftVerification = VerificationFacts & { readonly status: 'draft'; readonly release: VerificationRelease };
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
export type ExistingVerification = DraftVerification | OpenVerification | AnsweredVerification | WithdrawnVerification;
export type VerificationState = NoVerification | ExistingVerification;
export type VerificationStatus = VerificationState['status'];

export const initialVerificationState: VerificationState = { status: 'none' };
