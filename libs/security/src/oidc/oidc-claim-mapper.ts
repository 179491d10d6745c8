import type { OidcLoginConfig } from '#config';
import { isRole } from '../roles/access.policy.js';

type Claims = Readonly<Record<string, unknown>>;

/**
 * A configured claim name is looked up as it is first, since namespaced claims are often URLs
 * with dots (`https://blo.gov.vn/roles`); only when absent is it read as a path into nested
 * objects, which is where Keycloak puts realm roles (`realm_access.roles`).
 */
export function claimAt(claims: Claims, name: string): unknown {
  if (Object.hasOwn(claims, name)) return claims[name];
  if (!name.includes('.')) return undefined;
  let value: unknown = claims;
  for (const part of name.split('.')) {
    if (value === null || typeof value !== 'object' || Array.isArray(value) || !Object.hasOwn(value, part))
      return undefined;
    value = (value as Claims)[part];
  }
  return value;
}

/** Providers send a single-valued multi-valued claim as a bare string; both mean a list. */
function listOf(value: unknown): unknown {
  return typeof value === 'string' ? [value] : value;
}

/**
 * The provider's role names become ours through the role map; a provider role not in the map
 * is dropped, because providers hand every user roles meant for other applications
 * (`offline_access`, `uma_authorization`…). With an empty map the names are ours already, and
 * anything that is not one of our roles is dropped the same way. When nothing is left the
 * principal check refuses the sign-in: a person with no role here has nothing to do here.
 */
function mapRoles(value: unknown, roleMap: Readonly<Record<string, string>>): unknown {
  const listed = listOf(value);
  if (!Array.isArray(listed)) return listed;
  const identity = Object.keys(roleMap).length === 0;
  const ours = listed
    .filter((role): role is string => typeof role === 'string')
    .map((role) => (identity ? role : Object.hasOwn(roleMap, role) ? roleMap[role] : undefined))
    .filter(isRole);
  return [...new Set(ours)];
}

/** Whether the claims hold everything a principal cannot do without (the rest is optional). */
export function hasRequiredClaims(claims: Claims, config: Pick<OidcLoginConfig, 'claims'>): boolean {
  const { roles, unit, province } = config.claims;
  return [roles, unit, province].every((name) => claimAt(claims, name) !== undefined);
}

/**
 * Reads the provider's claims under the configured names into the shape principalFromClaims
 * checks (our claim names). Nothing is validated here beyond the role mapping: every rule about
 * units, provinces and gates lives in one place, the principal check, for tokens and sign-ins alike.
 */
export function mapOidcClaims(claims: Claims, config: Pick<OidcLoginConfig, 'claims' | 'roleMap'>): object {
  const names = config.claims;
  const gates = claimAt(claims, names.gates);
  const name = claimAt(claims, names.name);
  return {
    sub: claims.sub,
    // Some providers send null for a name they do not have: that is no name, not a bad one.
    ...(name === undefined || name === null ? {} : { name }),
    roles: mapRoles(claimAt(claims, names.roles), config.roleMap),
    unit: claimAt(claims, names.unit),
    province: claimAt(claims, names.province),
    ...(gates === undefined || gates === null ? {} : { gates: listOf(gates) }),
  };
}
