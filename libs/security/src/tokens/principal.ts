import { isBorderProvince, type BorderProvince, type Role } from '#shared-kernel';
import { isRole } from '../roles/roles.policy.js';
import { AuthError } from './auth-error.js';

export { BORDER_PROVINCES, isBorderProvince, type BorderProvince } from '#shared-kernel';

/** Who is calling, as established by a verified token. */
export interface Principal {
  readonly userId: string;
  readonly name?: string;
  readonly roles: readonly Role[];
  /** The user's unit, e.g. VN-LS-BLO (country, province, unit). */
  readonly unit: string;
  readonly province: BorderProvince;
}

/** The claims this service reads from a token (and writes when it mints one). */
export interface IdentityClaims {
  readonly sub: string;
  readonly name?: string;
  readonly roles: readonly Role[];
  readonly unit: string;
  readonly province: string;
}

// Country code, then one to four upper-case segments: VN-LS-BLO, VN-QN-BP-MONGCAI.
const UNIT = /^[A-Z]{2}(?:-[A-Z0-9]{1,24}){1,4}$/;
const MAX_TEXT = 200;

function refuseClaim(claim: string): never {
  throw new AuthError('bad_claims', `claim "${claim}" is missing or invalid`);
}

/** Checks the claim shapes of a (verified, or about to be minted) token and builds the principal. */
export function principalFromClaims(claims: object): Principal {
  const { sub, name, roles, unit, province } = claims as Readonly<Record<string, unknown>>;
  if (typeof sub !== 'string' || sub.trim() === '' || sub.length > MAX_TEXT) refuseClaim('sub');
  if (name !== undefined && (typeof name !== 'string' || name.length > MAX_TEXT)) refuseClaim('name');
  if (!Array.isArray(roles) || roles.length === 0 || !roles.every(isRole)) refuseClaim('roles');
  if (typeof unit !== 'string' || !UNIT.test(unit)) refuseClaim('unit');
  if (!isBorderProvince(province)) refuseClaim('province');
  return {
    userId: sub,
    ...(typeof name === 'string' && name !== '' ? { name } : {}),
    roles: [...new Set(roles)],
    unit,
    province,
  };
}
