import type { ConsentRecord, RegisteredPerson } from '../domain/person.state.js';
import type { PersonalData } from './personal-data.js';
import {
  referralView,
  screeningView,
  supportView,
  type ReferralNoteView,
  type ReferralView,
  type ScreeningView,
  type SupportNoteView,
  type SupportView,
} from './person-support.view.js';

/** Opened notes by support / referral id (see openNotes); empty when nothing was opened. */
export interface OpenedNotes {
  readonly supports: ReadonlyMap<string, string | null>;
  readonly referrals: ReadonlyMap<string, string | null>;
}

export interface PersonView {
  readonly id: string;
  readonly caseId: string;
  readonly role: string;
  readonly status: string;
  readonly ageBand: string;
  /** True when the person's key was destroyed: the record stays, the identity is gone. */
  readonly erased: boolean;
  readonly personal: PersonalData | null;
  /** Consent decisions, newest last: codes, the form's hash and times, no names. */
  readonly consents: readonly ConsentView[];
  /** The proceedings that hold the person's data, or null. */
  readonly legalHold: { readonly proceedingsRef: string } | null;
  /** Support given, referrals and screenings, with notes opened under the read audit. */
  readonly support: readonly SupportNoteView[];
  readonly referrals: readonly ReferralNoteView[];
  readonly screenings: readonly ScreeningView[];
  readonly revision: string;
}

export interface ConsentView {
  readonly consentId: string;
  readonly decision: string;
  readonly purpose: string;
  readonly recipient: string;
  readonly givenBy: string;
  readonly formSha256: string | null;
  readonly occurredAt: string;
  readonly withdrawnAt: string | null;
}

export const consentView = (c: ConsentRecord): ConsentView => ({
  consentId: c.consentId,
  decision: c.decision,
  purpose: c.purpose,
  recipient: c.recipient,
  givenBy: c.givenBy,
  formSha256: c.formSha256,
  occurredAt: c.occurredAt.at,
  withdrawnAt: c.withdrawnAt?.at ?? null,
});

export function personView(
  state: RegisteredPerson,
  revision: bigint,
  personal: PersonalData | null,
  notes: OpenedNotes = { supports: new Map(), referrals: new Map() },
): PersonView {
  return {
    id: state.personId,
    caseId: state.caseId,
    role: state.role,
    status: state.status,
    ageBand: state.ageBand,
    erased: personal === null,
    personal,
    consents: (state.consents ?? []).map(consentView),
    legalHold: state.legalHold ? { proceedingsRef: state.legalHold.proceedingsRef } : null,
    support: (state.supports ?? []).map((s) => ({ ...supportView(s), note: notes.supports.get(s.supportId) ?? null })),
    referrals: (state.referrals ?? []).map((r) => ({
      ...referralView(r),
      note: notes.referrals.get(r.referralId) ?? null,
    })),
    screenings: (state.screenings ?? []).map(screeningView),
    revision: revision.toString(),
  };
}

/** A person as a case page lists them. */
export interface PersonSummary {
  readonly id: string;
  readonly role: string;
  readonly status: string;
  readonly ageBand: string;
  /** null when masked for this reader or erased. */
  readonly fullName: string | null;
  readonly masked: boolean;
  readonly erased: boolean;
  /** The proceedings that hold the person's data, or null: the case page says so beside erasure. */
  readonly legalHold: { readonly proceedingsRef: string } | null;
  /** Consent decisions hold no personal data, so every reader of the case sees them. */
  readonly consents: readonly ConsentView[];
  /** Support and referrals without their notes: codes, unit names and times only. */
  readonly support: readonly SupportView[];
  readonly referrals: readonly ReferralView[];
  /** Screenings hold codes only (group, exploitation types, result). */
  readonly screenings: readonly ScreeningView[];
}
