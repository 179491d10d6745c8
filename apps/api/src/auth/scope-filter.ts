import { listScope, type Act, type ListScope } from '#security';
import { DomainError } from '#shared-kernel';
import type { AuthenticatedRequest } from '../http/request-context.js';
import type { RecordScopeResolver } from './record-scope.resolver.js';

/** The list scope of the act the guard admitted this request for. */
export function scopeOfRequest(req: AuthenticatedRequest): ListScope {
  if (!req.principal || !req.admission) throw new Error('list scope asked on an unauthenticated route');
  return listScope(req.principal, req.admission.act);
}

/**
 * The province a list, board or report is restricted to: the caller's own, or for a national
 * unit the one asked for (null: every province). Asking a provincial account for another
 * province is refused outright — provinces are public, so this tells nothing about records.
 */
export function provinceFilter(req: AuthenticatedRequest, requested: string | undefined | null): string | null {
  const scope = scopeOfRequest(req);
  if (scope.allProvinces) return requested ?? null;
  const own = scope.provinces[0];
  if (own === undefined || (requested !== undefined && requested !== null && requested !== own))
    throw new DomainError('AUTH.OUT_OF_SCOPE', 'you may only see your own province', 'forbidden');
  return own;
}

/** The provinces whose records the caller may see, or null for all (a national unit). */
export function visibleProvinces(req: AuthenticatedRequest): readonly string[] | null {
  const scope = scopeOfRequest(req);
  return scope.allProvinces ? null : scope.provinces;
}

/** The case ids of a record the caller may know of (all of them for a national unit). */
export async function casesInScope(
  req: AuthenticatedRequest,
  records: RecordScopeResolver,
  caseIds: readonly string[],
): Promise<readonly string[]> {
  const provinces = visibleProvinces(req);
  if (provinces === null) return caseIds;
  const kept: string[] = [];
  for (const id of caseIds) {
    const scope = await records.resolve('case', id, false);
    if (scope !== null && scope.provinces.some((p) => provinces.includes(p))) kept.push(id);
  }
  return kept;
}

export type { Act };
