import type { Role } from '#shared-kernel';
import { NATIONAL, type Principal } from '../tokens/principal.js';
import { rolesFor, ruleOf, scopeOf, type Act, type Scope } from './access.policy.js';

/** Where a record lives: the provinces of its case(s) and, for handovers and their persons, the gates. */
export interface RecordScope {
  readonly provinces: readonly string[];
  readonly gates: readonly string[];
}

export type Admission =
  | { readonly ok: true; readonly role: Role; readonly scope: Scope }
  /**
   * forbidden: none of the caller's roles may do the act at all (403);
   * out_of_scope: the record is outside what the caller may know of (404, as if it did not exist);
   * national_read_only: a national unit asked to change a record (403; it may see the record).
   */
  | { readonly ok: false; readonly reason: 'forbidden' | 'out_of_scope' | 'national_read_only' };

/**
 * Decides whether the principal may do the act on the record (or, without a record, on the
 * records it will be shown: a list is then filtered with `listScope`). The role returned is the
 * most accountable one that may, which is the one recorded on events.
 */
export function admit(principal: Principal, act: Act, record?: RecordScope): Admission {
  const candidates = rolesFor(act).filter((r) => principal.roles.includes(r));
  if (candidates.length === 0) return { ok: false, reason: 'forbidden' };
  let nationalWrite = false;
  for (const role of candidates) {
    const scope = scopeOf(act, role) as Scope;
    if (scope === 'global') return { ok: true, role, scope };
    if (scope === 'province' && principal.province === NATIONAL) {
      if (ruleOf(act).kind === 'read') return { ok: true, role, scope };
      nationalWrite = true;
    } else if (record === undefined || covers(principal, scope, record)) {
      return { ok: true, role, scope };
    }
  }
  return { ok: false, reason: nationalWrite ? 'national_read_only' : 'out_of_scope' };
}

function covers(principal: Principal, scope: Scope, record: RecordScope): boolean {
  if (scope === 'province') return record.provinces.includes(principal.province);
  if (scope === 'gates') return record.gates.some((g) => principal.gates.includes(g));
  return true;
}

/**
 * Which rows of a list the principal may see for an act: every province (a national unit), the
 * provinces named, or the rows at the gates named. A row is visible when either matches.
 */
export interface ListScope {
  readonly allProvinces: boolean;
  readonly provinces: readonly string[];
  readonly gates: readonly string[];
}

export function listScope(principal: Principal, act: Act): ListScope {
  let allProvinces = false;
  const provinces = new Set<string>();
  const gates = new Set<string>();
  for (const role of rolesFor(act).filter((r) => principal.roles.includes(r))) {
    const scope = scopeOf(act, role);
    if (scope === 'global') allProvinces = true;
    else if (scope === 'province' && principal.province === NATIONAL) allProvinces = true;
    else if (scope === 'province') provinces.add(principal.province);
    else if (scope === 'gates') for (const g of principal.gates) gates.add(g);
  }
  return { allProvinces, provinces: [...provinces], gates: [...gates] };
}

/** True when a row of this province (and gate, when it has one) is inside the list scope. */
export function inListScope(scope: ListScope, province: string | null, gate?: string | null): boolean {
  if (scope.allProvinces) return true;
  if (province !== null && scope.provinces.includes(province)) return true;
  return gate !== undefined && gate !== null && scope.gates.includes(gate);
}
