import { DomainError, type Actor, type Role } from '#shared-kernel';
import { isAct, isRole, rolesFor, ROLE_PRECEDENCE, type Act } from '../roles/access.policy.js';
import type { Principal } from './principal.js';

/**
 * The Actor recorded on the events of a command. With an act, the principal's most accountable
 * role that may do it; with a role, that role (which the principal must hold); with neither, the
 * principal's most accountable role. Refusals are DomainErrors of kind 'forbidden' (403).
 */
export function actorFor(principal: Principal, want?: Role | Act): Actor {
  return { ...actorBase(principal), role: chooseRole(principal, want) };
}

/** Throws a 403 unless one of the principal's roles may do the act. */
export function authorize(principal: Principal, act: Act): void {
  chooseRole(principal, act);
}

function chooseRole(principal: Principal, want: Role | Act | undefined): Role {
  if (want === undefined) {
    const top = ROLE_PRECEDENCE.find((r) => principal.roles.includes(r));
    if (top) return top;
  } else if (isRole(want)) {
    if (principal.roles.includes(want)) return want;
    throw new DomainError('AUTH.ROLE_NOT_HELD', `the caller does not hold the role ${want}`, 'forbidden');
  } else if (isAct(want)) {
    const allowed = rolesFor(want).find((r) => principal.roles.includes(r));
    if (allowed) return allowed;
    throw new DomainError('AUTH.FORBIDDEN', `none of the caller's roles may do ${want}`, 'forbidden');
  }
  throw new DomainError('AUTH.FORBIDDEN', 'the caller holds no usable role', 'forbidden');
}

function actorBase(principal: Principal): Omit<Actor, 'role'> {
  return {
    userId: principal.userId,
    unitId: principal.unit,
    province: principal.province,
    ...(principal.name !== undefined ? { name: principal.name } : {}),
  };
}
