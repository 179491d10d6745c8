import { refuse } from './domain-error.js';
import type { Actor } from './decider.js';

/**
 * Sending a person's data to a foreign body is a cross-border transfer (PDPL 91/2025; Law 53/2024
 * on victims' confidentiality): the record must say on what basis each named person's data left.
 * Either the person's consent for that purpose and recipient, or one of the exceptions the law
 * allows without it, named with the reference that makes it checkable (the decision, the treaty,
 * the request of the competent authority).
 */
export const DISCLOSURE_BASES = [
  'consent',
  'vital_interest',
  'criminal_proceedings',
  'international_agreement',
  'competent_authority_order',
] as const;
export type DisclosureBasis = (typeof DISCLOSURE_BASES)[number];

/** Where a person's consent stands for one purpose and recipient (the persons context decides it). */
export type ConsentStanding = 'given' | 'refused' | 'withdrawn' | 'none';

/** What the caller states for one named person. */
export interface DisclosureInput {
  readonly basis?: string;
  readonly reference?: string;
  /** A supervisor's reason to send although consent does not stand. */
  readonly overrideReason?: string;
}

/** What the record keeps: the basis, its reference, and whether a supervisor overrode consent. */
export interface Disclosure {
  readonly personId: string;
  readonly basis: DisclosureBasis;
  readonly reference: string | null;
  /** Set only when consent did not stand and a supervisor sent anyway. */
  readonly override: { readonly consent: ConsentStanding; readonly reason: string } | null;
}

/** The refusal codes, in the namespace of the context that applies the rule. */
export interface DisclosureCodes {
  readonly BASIS_REQUIRED: string;
  readonly REFERENCE_REQUIRED: string;
  readonly CONSENT_MISSING: string;
  readonly CONSENT_WITHDRAWN: string;
  readonly OVERRIDE_NOT_ALLOWED: string;
}

const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim().length > 0 ? value.trim() : null;

/**
 * Decides the basis on which one person's data may leave, or refuses (409: the request is well
 * formed, the record does not allow it). A consent that does not stand can be overridden only by a
 * supervisor with a reason, and the override is kept with what consent stood at, for the auditors.
 */
export function decideDisclosure(
  personId: string,
  input: DisclosureInput | undefined,
  consent: ConsentStanding,
  actor: Actor,
  codes: DisclosureCodes,
): Disclosure {
  const basis = input?.basis;
  if (!DISCLOSURE_BASES.includes(basis as DisclosureBasis)) {
    return refuse(codes.BASIS_REQUIRED, 'each named person needs the legal basis on which their data is sent');
  }
  const reference = text(input?.reference);
  if (basis !== 'consent') {
    if (reference === null) return refuse(codes.REFERENCE_REQUIRED, 'a legal exception needs its reference', 'invalid');
    return { personId, basis: basis as DisclosureBasis, reference, override: null };
  }
  if (consent === 'given') return { personId, basis: 'consent', reference, override: null };
  const reason = text(input?.overrideReason);
  if (reason === null) {
    return consent === 'withdrawn'
      ? refuse(codes.CONSENT_WITHDRAWN, 'the person withdrew consent for this purpose and recipient')
      : refuse(codes.CONSENT_MISSING, 'no consent stands for this purpose and recipient');
  }
  if (actor.role !== 'supervisor') {
    return refuse(codes.OVERRIDE_NOT_ALLOWED, 'only a supervisor may send without standing consent');
  }
  return { personId, basis: 'consent', reference, override: { consent, reason } };
}
