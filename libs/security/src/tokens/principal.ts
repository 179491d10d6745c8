import { isBorderProvince, type BorderProvince, type Role } from '#shared-kernel';
import { isRole } from '../roles/access.policy.js';
import { AuthError } from './auth-error.js';

export { BORDER_PROVINCES, isBorderProvince, type BorderProvince } from '#shared-kernel';

/** The province of a national unit (the Ministry's anti-trafficking department): reads all, writes in none. */
export const NATIONAL = '*';
export type Jurisdiction = BorderProvince | typeof NATIONAL;

export const isJurisdiction = (value: unknown): value is Jurisdiction => value === NATIONAL || isBorderProvince(value);

/** Who is calling, as established by a verified token or a signed-in session. */
export interface Principal {
  readonly userId: string;
  readonly name?: string;
  readonly roles: readonly Role[];
  /** The user's unit, e.g. VN-LS-BLO (country, province, unit). */
  readonly unit: string;
  readonly province: Jurisdiction;
  /** Gate codes of the reference register a border guard serves; empty for every other role. */
  readonly gates: readonly string[];
}

/** The claims this service reads from a token (and writes when it mints one). */
export interface IdentityClaims {
  readonly sub: string;
  readonly name?: string;
  readonly roles: readonly Role[];
  readonly unit: string;
  readonly province: string;
  readonly gates?: readonly string[];
}

// Country code, then one to four upper-case segments: VN-LS-BLO, VN-QN-BP-MONGCAI.
const UNIT = /^[A-Z]{2}(?:-[A-Z0-9]{1,24}){1,4}$/;
// Gate codes of the reference register: HUU_NGHI, LAO_CAI, MONG_CAI.
const GATE = /^[A-Z][A-Z0-9_]{1,39}$/;
const MAX_TEXT = 200;
const MAX_GATES = 50;

function refuseClaim(claim: string): never {
  throw new AuthError('bad_claims', `claim "${claim}" is missing or invalid`);
}

function gatesOf(gates: unknown, roles: readonly Role[]): readonly string[] {
  if (gates === undefined || gates === null) {
    // A border guard's whole view is the gates they serve: without one they could see nothing,
    // which is a mistake in the account, not a quiet empty screen.
    if (roles.includes('border_guard')) refuseClaim('gates');
    return [];
  }
  if (!Array.isArray(gates) || gates.length > MAX_GATES) refuseClaim('gates');
  if (!gates.every((g) => typeof g === 'string' && GATE.test(g))) refuseClaim('gates');
  if (roles.includes('border_guard') && gates.length === 0) refuseClaim('gates');
  return [...new Set(gates as string[])];
}

/** Checks the claim shapes of a (verified, or about to be minted) token and builds the principal. */
export function principalFromClaims(claims: object): Principal {
  const { sub, name, roles, unit, province, gates } = claims as Readonly<Record<string, unknown>>;
  if (typeof sub !== 'string' || sub.trim() === '' || sub.length > MAX_TEXT) refuseClaim('sub');
  if (name !== undefined && (typeof name !== 'string' || name.length > MAX_TEXT)) refuseClaim('name');
  if (!Array.isArray(roles) || roles.length === 0 || !roles.every(isRole)) refuseClaim('roles');
  if (typeof unit !== 'string' || !UNIT.test(unit)) refuseClaim('unit');
  if (!isJurisdiction(province)) refuseClaim('province');
  const held = [...new Set(roles)];
  return {
    userId: sub,
    ...(typeof name === 'string' && name !== '' ? { name } : {}),
    roles: held,
    unit,
    province,
    gates: gatesOf(gates, held),
  };
}
