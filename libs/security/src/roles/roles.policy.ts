import { ROLES, type Role } from '#shared-kernel';

/** Every act the HTTP edge checks before it runs a command or a query. */
export const ACTS = [
  'case.create',
  'case.classify',
  'case.open',
  'case.resolve',
  'case.close',
  'case.close.override',
  'case.reopen',
  'person.register',
  'person.read_personal',
  'person.erase',
  'person.identify',
  'exchange.write',
  'verification.write',
  'handover.propose',
  'handover.schedule',
  'handover.confirm',
  'handover.onward_transfer',
  'handover.close',
  'handover.cancel',
  'read',
  'audit.read',
  'reference.admin',
] as const;
export type Act = (typeof ACTS)[number];

const OFFICE: readonly Role[] = ['liaison_officer', 'supervisor'];

/**
 * The single table of who may do what (domain.md, "Who uses it"). Coarse role checks only: rules
 * that depend on state (a closing with open verifications needs the override) stay in the domain.
 *
 * - Liaison officers work cases, persons, exchanges, verifications and propose/schedule handovers.
 * - Supervisors may do everything officers do, plus the override when closing a case.
 * - Border guards confirm at the gate who was received and record each onward transfer; they do
 *   not open or work cases. They may read personal data because confirming WHO was received
 *   means matching people to names; every such read is recorded.
 * - Auditors (thanh tra) read everything, including who read personal data, and write nothing.
 * - Administrators manage reference data and see no personal data by default.
 */
export const PERMISSIONS: Readonly<Record<Act, readonly Role[]>> = {
  'case.create': OFFICE,
  'case.classify': OFFICE,
  'case.open': OFFICE,
  'case.resolve': OFFICE,
  'case.close': OFFICE,
  'case.close.override': ['supervisor'],
  'case.reopen': OFFICE,
  'person.register': OFFICE,
  'person.read_personal': ['liaison_officer', 'supervisor', 'border_guard', 'auditor'],
  // Erasure is irreversible and a decision of the unit's leadership (PDPL 91/2025 requests).
  'person.erase': ['supervisor'],
  'person.identify': OFFICE,
  'exchange.write': OFFICE,
  'verification.write': OFFICE,
  'handover.propose': OFFICE,
  'handover.schedule': OFFICE,
  // The gate confirmation is the border guard's own record; a supervisor may enter it when the
  // guard's phone cannot reach the service. Liaison officers propose, they do not attest.
  'handover.confirm': ['border_guard', 'supervisor'],
  // Onward transfer is arranged with provincial police or the social protection centre, by the
  // gate or by the BLO, so both record it.
  'handover.onward_transfer': ['border_guard', 'liaison_officer', 'supervisor'],
  'handover.close': OFFICE,
  'handover.cancel': OFFICE,
  read: ROLES,
  'audit.read': ['auditor'],
  'reference.admin': ['admin'],
};

/** Acts that only look at the record. */
export const READ_ACTS: readonly Act[] = ['read', 'audit.read', 'person.read_personal'];

/** Acts that change the record; an auditor may do none of them. */
export const WRITE_ACTS: readonly Act[] = ACTS.filter((a) => !READ_ACTS.includes(a));

/**
 * When one person holds several roles, the one recorded on an event is the most accountable one
 * that may do the act: a supervisor's signature weighs more than an officer's.
 */
export const ROLE_PRECEDENCE: readonly Role[] = ['supervisor', 'liaison_officer', 'border_guard', 'admin', 'auditor'];

export const isAct = (value: unknown): value is Act =>
  typeof value === 'string' && (ACTS as readonly string[]).includes(value);

export const isRole = (value: unknown): value is Role =>
  typeof value === 'string' && (ROLES as readonly string[]).includes(value);

/** True when any of the roles may do the act. */
export function can(roles: Role | readonly Role[], act: Act): boolean {
  const held = typeof roles === 'string' ? [roles] : roles;
  return held.some((r) => PERMISSIONS[act].includes(r));
}

/** The roles that may do the act, most accountable first. */
export function rolesFor(act: Act): readonly Role[] {
  return ROLE_PRECEDENCE.filter((r) => PERMISSIONS[act].includes(r));
}
