import type { ZonedInstant } from '#shared-kernel';
import type { ReferralRecord, ScreeningRecord, SupportRecord } from '../domain/person.state.js';

export interface SupportView {
  readonly supportId: string;
  readonly kind: string;
  readonly provider: string;
  readonly occurredAt: string;
  readonly recordedBy: { readonly userId: string; readonly unitId: string };
  /** Whether a sealed note exists; its text only in GET /persons/{id}, behind the read audit. */
  readonly hasNote: boolean;
}

export interface ReferralView {
  readonly referralId: string;
  readonly service: string;
  readonly receivingUnit: string | null;
  readonly state: string;
  /** The consent it rests on, or the exemption recorded instead. */
  readonly consentId: string | null;
  readonly exemption: string | null;
  readonly occurredAt: string;
  readonly answeredAt: string | null;
  readonly declineReason: string | null;
  readonly completedAt: string | null;
  readonly recordedBy: { readonly userId: string; readonly unitId: string };
  readonly hasNote: boolean;
}

export interface ScreeningView {
  readonly screeningId: string;
  readonly group: string;
  readonly exploitationTypes: readonly string[];
  readonly result: string;
  readonly occurredAt: string;
  readonly recordedBy: { readonly userId: string; readonly unitId: string };
}

/** The same with the opened note (null when none was written or the person was erased). */
export type SupportNoteView = SupportView & { readonly note: string | null };
export type ReferralNoteView = ReferralView & { readonly note: string | null };

/** Instants leave as UTC ISO strings; the screens show them in both zones (DualTime). */
const instant = (z: ZonedInstant): string => z.at;

export const supportView = (s: SupportRecord): SupportView => ({
  supportId: s.supportId,
  kind: s.kind,
  provider: s.provider,
  occurredAt: instant(s.occurredAt),
  recordedBy: s.recordedBy,
  hasNote: s.note !== null,
});

export const referralView = (r: ReferralRecord): ReferralView => ({
  referralId: r.referralId,
  service: r.service,
  receivingUnit: r.receivingUnit,
  state: r.state,
  consentId: r.consentId,
  exemption: r.exemption,
  occurredAt: instant(r.occurredAt),
  answeredAt: r.answeredAt ? instant(r.answeredAt) : null,
  declineReason: r.declineReason ?? null,
  completedAt: r.completedAt ? instant(r.completedAt) : null,
  recordedBy: r.recordedBy,
  hasNote: r.note !== null,
});

export const screeningView = (s: ScreeningRecord): ScreeningView => ({
  screeningId: s.screeningId,
  group: s.group,
  exploitationTypes: s.exploitationTypes,
  result: s.result,
  occurredAt: instant(s.occurredAt),
  recordedBy: s.recordedBy,
});
