import type { ZonedInstant } from '#shared-kernel';
import type { ClosableStatus } from './case.events.js';
import type { CaseChannel, CaseClassification, BorderProvince, LinkedPersonRole } from './case.values.js';

export interface LinkedPerson {
  readonly personId: string;
  readonly role: LinkedPersonRole;
}

/** Ids of the records created for this case, in the order they were linked, without duplicates. */
export interface CaseLinks {
  readonly persons: readonly LinkedPerson[];
  readonly exchangeIds: readonly string[];
  readonly verificationIds: readonly string[];
  readonly handoverIds: readonly string[];
}

export const NO_LINKS: CaseLinks = { persons: [], exchangeIds: [], verificationIds: [], handoverIds: [] };

/** What every existing case knows, whatever its status. */
export interface CaseFacts {
  readonly caseId: string;
  readonly channel: CaseChannel;
  readonly province: BorderProvince;
  readonly summary: string;
  readonly receivedAt: ZonedInstant;
  readonly receivingUnit: string;
  readonly classification: CaseClassification | null;
  readonly links: CaseLinks;
  /** How many times the case was reopened after closing. */
  readonly reopenCount: number;
}

export interface CaseClosure {
  readonly reason: string;
  readonly closedFrom: ClosableStatus;
  /** The resolution the case had when it was closed from `resolved`, else null. */
  readonly resolution: string | null;
  readonly override: boolean;
  readonly openVerificationIds: readonly string[];
  readonly unconfirmedHandoverIds: readonly string[];
}

export type NoCase = { readonly status: 'none' };
/** A signal, not yet a case. */
export type ReceivedCase = CaseFacts & { readonly status: 'received' };
export type OpenedCase = CaseFacts & { readonly status: 'open' };
/** Open again after closing; works like `open` but keeps the history visible in the status. */
export type ReopenedCase = CaseFacts & { readonly status: 'reopened' };
export type ResolvedCase = CaseFacts & { readonly status: 'resolved'; readonly resolution: string };
export type ClosedCase = CaseFacts & { readonly status: 'closed'; readonly closure: CaseClosure };

export type ExistingCase = ReceivedCase | OpenedCase | ReopenedCase | ResolvedCase | ClosedCase;
export type CaseState = NoCase | ExistingCase;
export type CaseStatus = CaseState['status'];

export const initialCaseState: CaseState = { status: 'none' };
