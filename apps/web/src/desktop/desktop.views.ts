/**
 * Shapes of the api's answers that the desktop reads and the OpenAPI document does not describe
 * yet (see ../api/api.views.ts). Written from the api's answers (CaseView, PersonSummary, the
 * timeline and history queries, the deadline board, the audit page, the account list).
 */
import type { BorderTime } from '../api/api.views';

export type CaseStatus = 'received' | 'open' | 'reopened' | 'resolved' | 'closed';
export const CASE_STATUSES: readonly CaseStatus[] = ['received', 'open', 'reopened', 'resolved', 'closed'];
export const CASE_CHANNELS = [
  'hotline',
  'self_report',
  'rescue',
  'counterpart_notification',
  'blo_meeting',
  'counterpart_handover',
  'mission_abroad',
  'other',
] as const;
export type CaseChannel = (typeof CASE_CHANNELS)[number];
export const CASE_CLASSIFICATIONS = ['trafficking_suspected', 'not_trafficking', 'insufficient_information'] as const;
export type CaseClassification = (typeof CASE_CLASSIFICATIONS)[number];
export const PERSON_ROLES = ['presumed_victim', 'victim', 'accompanying_minor', 'relative', 'suspect'] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];

/** An instant as the api gives it: UTC, the offset it was declared with, and both sides' clocks. */
export interface ZonedTime extends BorderTime {
  readonly offset?: string;
}

export interface CaseListItem {
  readonly id: string;
  readonly status: CaseStatus;
  readonly province: string;
  readonly channel: CaseChannel;
  readonly classification: CaseClassification | null;
  readonly summary: string;
  readonly receivingUnit: string;
  readonly receivedAt: ZonedTime;
  readonly updatedAt: string;
  readonly counts: {
    readonly persons: number;
    readonly exchanges: number;
    readonly verifications: number;
    readonly handovers: number;
  };
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly next: string | null;
}

export interface PersonSummary {
  readonly id: string;
  readonly role: PersonRole;
  readonly status?: string;
  readonly ageBand?: string;
  /** null when masked for this reader or erased. */
  readonly fullName?: string | null;
  readonly masked?: boolean;
  readonly erased?: boolean;
  /** The proceedings holding the person's data, or null. */
  readonly legalHold?: { readonly proceedingsRef: string } | null;
  readonly consents?: readonly ConsentSummary[];
  /** Support given and referrals, without their sealed notes (issue 10). */
  readonly support?: readonly SupportSummary[];
  readonly referrals?: readonly ReferralSummary[];
  readonly screenings?: readonly ScreeningSummary[];
}

/** A screening as the case view lists it: codes only. */
export interface ScreeningSummary {
  readonly screeningId: string;
  readonly group: string;
  readonly exploitationTypes: readonly string[];
  readonly result: string;
  readonly occurredAt: string;
  readonly recordedBy: { readonly userId: string; readonly unitId: string };
}

/** Support given to a person as the case view lists it: codes, the unit's name and times. */
export interface SupportSummary {
  readonly supportId: string;
  readonly kind: string;
  readonly provider: string;
  readonly occurredAt: string;
  readonly recordedBy: { readonly userId: string; readonly unitId: string };
  readonly hasNote: boolean;
}

export interface ReferralSummary {
  readonly referralId: string;
  readonly service: string;
  readonly receivingUnit: string | null;
  readonly state: 'made' | 'accepted' | 'declined' | 'completed';
  readonly consentId: string | null;
  readonly exemption: string | null;
  readonly occurredAt: string;
  readonly answeredAt: string | null;
  readonly declineReason: string | null;
  readonly completedAt: string | null;
  readonly recordedBy: { readonly userId: string; readonly unitId: string };
  readonly hasNote: boolean;
}

/** A consent decision as the case view lists it: codes, the form's hash and times, no names. */
export interface ConsentSummary {
  readonly consentId: string;
  readonly decision: 'given' | 'refused';
  readonly purpose:
    | 'identity_verification'
    | 'family_tracing'
    | 'return_and_handover'
    | 'information_exchange'
    | 'referral_to_services';
  readonly recipient: string;
  readonly givenBy: 'person' | 'legal_representative' | 'person_and_legal_representative';
  readonly formSha256: string | null;
  readonly occurredAt: string;
  readonly withdrawnAt: string | null;
}

export interface CaseView {
  readonly id: string;
  readonly status: CaseStatus;
  readonly channel: CaseChannel;
  readonly province: string;
  readonly summary: string;
  readonly receivingUnit: string;
  readonly classification: CaseClassification | null;
  readonly receivedAt: ZonedTime;
  readonly resolution: { readonly resolution?: string; readonly at?: string } | string | null;
  readonly closure: { readonly reason?: string; readonly override?: boolean } | null;
  readonly reopenCount: number;
  readonly persons: readonly PersonSummary[];
  readonly exchangeIds: readonly string[];
  readonly verificationIds: readonly string[];
  readonly handoverIds: readonly string[];
  readonly revision: string;
}

export interface TimelineEntry {
  readonly position: string;
  readonly at: string;
  readonly offset?: string;
  readonly local: { readonly vn: string; readonly cn: string };
  readonly recordedAt: string;
  readonly type: string;
  readonly actor: { readonly role: string; readonly unitId: string; readonly userId: string };
  readonly summary: { readonly vi: string; readonly zh: string; readonly en: string };
  readonly ref: { readonly kind: string; readonly id: string };
}

export interface CaseHistory {
  readonly asOf: ZonedTime;
  readonly state: CaseView;
  readonly timeline: readonly TimelineEntry[];
}

export interface CaseIntegrity {
  readonly caseId: string;
  readonly valid: boolean;
  readonly events: number;
  readonly streams: number;
  readonly checkpoint: { readonly status: string };
  readonly brokenAt?: {
    readonly streamId: string;
    readonly revision: string;
    readonly eventId?: string;
    readonly position?: string;
    readonly problem: string;
  };
}

export interface WriteAnswer {
  readonly id: string;
  readonly revision: string;
  readonly position: string;
}

export interface DeadlineItem {
  readonly kind: string;
  readonly id: string;
  readonly caseId: string | null;
  readonly province: string;
  readonly parentId: string | null;
  /** Verification requests and messages; null for the other clocks. */
  readonly priority?: 'urgent' | 'normal' | null;
  readonly owedBy: string;
  readonly dueAt: string;
  readonly local: { readonly vn: string; readonly cn: string };
}

/** A draft of the caller's unit waiting for a second officer's release, oldest first. */
export interface AwaitingReleaseItem {
  readonly kind: 'message' | 'verification';
  readonly exchangeId: string | null;
  readonly messageId: string | null;
  readonly verificationId: string | null;
  readonly caseId: string | null;
  readonly author: string;
  readonly since: string;
}

export interface DeadlineBoard {
  readonly now: string;
  readonly overdue: readonly DeadlineItem[];
  readonly dueSoon: readonly DeadlineItem[];
  readonly awaitingRelease: readonly AwaitingReleaseItem[];
  /** Actions agreed at meetings (issue 11). */
  readonly agreedActions?: {
    readonly overdue: readonly AgreedActionItem[];
    readonly dueSoon: readonly AgreedActionItem[];
  };
  /** Reports to the steering committee still owed, overdue first (issue 11). */
  readonly reports?: readonly ReportDueItem[];
}

export interface AuditEntry {
  readonly position: string;
  readonly at: string;
  readonly type: string;
  readonly actor: { readonly userId: string; readonly role: string; readonly unitId: string };
  readonly subject: { readonly kind: string; readonly id: string } | null;
  readonly caseId: string | null;
  readonly purpose: string | null;
  readonly via: string | null;
}

export interface UserItem {
  readonly id: string;
  readonly username: string;
  readonly name: string;
  readonly roles: readonly string[];
  readonly unit: string;
  readonly province: string;
  readonly gates: readonly string[];
  readonly disabled: boolean;
  readonly revision: string;
}

/** GET /api/v1/admin/projections: one read model as the runner reports it (bigints as strings). */
export interface ProjectionStatus {
  readonly name: string;
  readonly version: number;
  readonly generation: number | null;
  readonly status: 'live' | 'building' | 'stale';
  readonly position: string;
  readonly lag: string;
  readonly rebuilding: { readonly generation: number; readonly position: string } | null;
  readonly failures: number;
  readonly lastError: string | null;
}

/** An action agreed at a meeting, falling due (issue 11). */
export interface AgreedActionItem {
  readonly actionId: string;
  readonly meetingId: string;
  readonly province: string;
  readonly owner: { readonly kind: string; readonly id: string };
  readonly dueAt: string;
}

export interface ReportDueItem {
  readonly reportId: string;
  readonly province: string;
  readonly period: string;
  readonly status: string;
  readonly dueAt: string;
  readonly overdue: boolean;
}
