import { ROLES, type Role } from '#shared-kernel';

/**
 * How far a role's permission for an act reaches:
 * - `province`: records of the caller's own province (a national unit reads every province and
 *   writes in none);
 * - `gates`: handovers at a gate the caller serves, and the persons in them;
 * - `global`: acts that touch no case (reference data, operations, one's own session).
 */
export type Scope = 'province' | 'gates' | 'global';

/** Whether an act only looks at the record or changes it; a national unit may only look. */
export type ActKind = 'read' | 'write';

export interface ActRule {
  readonly kind: ActKind;
  readonly roles: Readonly<Partial<Record<Role, Scope>>>;
}

const P = 'province' as const;
const G = 'gates' as const;
const ANY = 'global' as const;

const OFFICE = { liaison_officer: P, supervisor: P } as const;
const OFFICE_AND_AUDIT = { ...OFFICE, auditor: P } as const;
const EVERYONE = Object.fromEntries(ROLES.map((r) => [r, ANY])) as Record<Role, Scope>;

const write = (roles: ActRule['roles']): ActRule => ({ kind: 'write', roles });
const read = (roles: ActRule['roles']): ActRule => ({ kind: 'read', roles });

/**
 * The one table of who may do what, and over which records (docs/domain.md, People and what
 * they need; docs/access.md states it in words). Every route names one act; the HTTP guard looks
 * the act up here, and a generated test walks every cell of it over HTTP (test/e2e/access-matrix).
 *
 * - Liaison officers work their province's cases, persons, exchanges, verifications and propose,
 *   schedule and close handovers. Supervisors may do all of that, plus the closing override,
 *   erasure and the gate confirmation when the guard's phone cannot reach the service.
 * - Border guards see only the handovers at the gates they serve and, of each person in them,
 *   what checks identity at the gate; they confirm the handover and record onward transfers.
 *   No case list, no search, no exchanges, verifications or statistics.
 * - Auditors (thanh tra) read everything of their province, including who read personal data,
 *   and write nothing.
 * - Administrators manage reference data and operations and see no case and no personal data.
 * Rules that depend on the record's state or the request's content stay in the domain: closing
 * with open verifications needs a supervisor's override (case.decide.ts refuses it to others).
 */
export const ACCESS = {
  'case.create': write(OFFICE),
  'case.classify': write(OFFICE),
  'case.open': write(OFFICE),
  'case.resolve': write(OFFICE),
  'case.close': write(OFFICE),
  'case.reopen': write(OFFICE),
  'case.read': read(OFFICE_AND_AUDIT),
  'case.list': read(OFFICE_AND_AUDIT),
  'case.history': read(OFFICE_AND_AUDIT),
  'person.register': write(OFFICE),
  // A guard matches the people in front of them to names, birth dates and documents; every such
  // read is recorded like any other.
  'person.read_personal': read({ ...OFFICE_AND_AUDIT, border_guard: G }),
  // Possible duplicates of a name in the case's province (issue 12): those who read the case and
  // its persons' names; the answer names no one, opening a candidate is the audited read.
  'person.duplicates': read(OFFICE_AND_AUDIT),
  'person.identify': write(OFFICE),
  // Erasure is irreversible and a decision of the unit's leadership (PDPL 91/2025 requests).
  'person.erase': write({ supervisor: P }),
  // Consent is recorded by the officer who took it (or the refusal, or its withdrawal).
  'person.consent': write(OFFICE),
  // A hold answers an order of the procuracy or a court; placing and releasing it is the unit's
  // leadership's act, like erasure, which it blocks.
  'person.legal_hold': write({ supervisor: P }),
  // Support given, referrals and their answers, screenings of returnees: the office's daily work
  // with a victim (issue 10); who may be supported and when consent is needed is the domain's rule.
  'person.support': write(OFFICE),
  'exchange.write': write(OFFICE),
  // Releasing (or returning) a colleague's draft that carries personal data: the second officer of
  // the author's unit (issue 10). That it is not the author, and the same unit, is the domain's rule.
  'exchange.release': write(OFFICE),
  'exchange.read': read(OFFICE_AND_AUDIT),
  'verification.write': write(OFFICE),
  // The same release for an outgoing verification request about a person (issue 10).
  'verification.release': write(OFFICE),
  'verification.read': read(OFFICE_AND_AUDIT),
  'handover.propose': write(OFFICE),
  'handover.schedule': write(OFFICE),
  'handover.cancel': write(OFFICE),
  // The gate confirmation is the border guard's own record; a supervisor may enter it when the
  // guard's phone cannot reach the service. Liaison officers propose, they do not attest.
  'handover.confirm': write({ border_guard: G, supervisor: P }),
  // Onward transfer is arranged with provincial police or the social protection centre, by the
  // gate or by the BLO, so both record it.
  'handover.onward_transfer': write({ border_guard: G, ...OFFICE }),
  'handover.close': write(OFFICE),
  'handover.read': read({ ...OFFICE_AND_AUDIT, border_guard: G }),
  'handover.list': read({ ...OFFICE_AND_AUDIT, border_guard: G }),
  // Meetings with the counterpart and what was agreed there (issue 11): the liaison office's own
  // follow-up, in its province; the agreed actions are on the deadline board of the same readers.
  'meeting.write': write(OFFICE),
  'meeting.read': read(OFFICE_AND_AUDIT),
  // A joint campaign changes the subtotals of the province's statistics: its leadership records it.
  'campaign.write': write({ supervisor: P }),
  'deadlines.read': read(OFFICE_AND_AUDIT),
  'statistics.read': read(OFFICE_AND_AUDIT),
  'audit.read': read({ auditor: P }),
  // Reports to the steering committee (issue 11): the office opens a period's report and writes its
  // narrative; the unit's leadership approves and submits it, which freezes its figures. The
  // national unit reads every province's reports and where each stands.
  'report.read': read(OFFICE_AND_AUDIT),
  'report.write': write(OFFICE),
  'report.approve': write({ supervisor: P }),
  'report.submit': write({ supervisor: P }),
  'reference.read': read(EVERYONE),
  'reference.admin': write({ admin: ANY }),
  'ops.read': read({ admin: ANY }),
  // Accounts: administrators create, grant, disable; auditors see who could do what, and when.
  'user.admin': write({ admin: ANY }),
  'user.read': read({ admin: ANY, auditor: P }),
  // Signed checkpoints (ADR 0009). Proving that a record was not changed is part of reading it:
  // whoever may read a province's cases may see the signed head and prove their events. The
  // checkpoint itself names no record; its per-stream heads appear only inside the proof of an
  // event the caller may see (the route's target), so a province learns nothing of another's.
  'integrity.read': read(OFFICE_AND_AUDIT),
  // Sealing the record now adds no fact about any case: administrators (operations) and auditors
  // (before they examine the record, or hand a checkpoint to the counterpart) may ask for one.
  'integrity.checkpoint': write({ admin: ANY, auditor: ANY }),
  // Who am I and what may I do: every signed-in person.
  self: read(EVERYONE),
} as const satisfies Readonly<Record<string, ActRule>>;

export type Act = keyof typeof ACCESS;
export const ACTS = Object.keys(ACCESS) as readonly Act[];

/**
 * When one person holds several roles, the one recorded on an event is the most accountable one
 * that may do the act: a supervisor's signature weighs more than an officer's.
 */
export const ROLE_PRECEDENCE: readonly Role[] = ['supervisor', 'liaison_officer', 'border_guard', 'admin', 'auditor'];

export const isAct = (value: unknown): value is Act => typeof value === 'string' && Object.hasOwn(ACCESS, value);

export const isRole = (value: unknown): value is Role =>
  typeof value === 'string' && (ROLES as readonly string[]).includes(value);

export const ruleOf = (act: Act): ActRule => ACCESS[act];

/** The scope a role has for an act, or undefined when the role may not do it at all. */
export const scopeOf = (act: Act, role: Role): Scope | undefined => ruleOf(act).roles[role];

/** True when any of the roles may do the act on at least some records. */
export function can(roles: Role | readonly Role[], act: Act): boolean {
  const held = typeof roles === 'string' ? [roles] : roles;
  return held.some((r) => scopeOf(act, r) !== undefined);
}

/** The roles that may do the act, most accountable first. */
export function rolesFor(act: Act): readonly Role[] {
  return ROLE_PRECEDENCE.filter((r) => scopeOf(act, r) !== undefined);
}
