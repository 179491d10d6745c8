import { type CanActivate, type ExecutionContext, Inject, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  actorFor,
  admit,
  isAct,
  isBorderProvince,
  rolesFor,
  scopeOf,
  type Act as ActName,
  type RecordScope,
} from '#security';
import { DomainError } from '#shared-kernel';
import { AUTHENTICATOR, type Authenticator } from '../auth/authenticator.js';
import { RecordScopeResolver, type RecordKind } from '../auth/record-scope.resolver.js';
import { ProblemError, problem } from './problem.js';
import type { AuthenticatedRequest } from './request-context.js';

export const ACT_KEY = 'blo:act';
export const PUBLIC_KEY = 'blo:public';

/**
 * The record a route acts on, for the need-to-know check: a path parameter or a query parameter
 * naming it, a body field naming the case(s) it will belong to, or the body's province for a new case.
 */
export type RouteTarget =
  | { readonly from: 'param'; readonly kind: RecordKind; readonly name: string }
  | { readonly from: 'query'; readonly kind: RecordKind; readonly name: string }
  | { readonly from: 'body'; readonly kind: 'case'; readonly name: string }
  | { readonly from: 'body'; readonly kind: 'province'; readonly name: string };

export interface RoutePolicy {
  readonly act: ActName;
  readonly target?: RouteTarget;
}

/** The act a route performs, and the record it performs it on; every non-public route declares one. */
export const Act = (act: ActName, target?: RouteTarget): MethodDecorator & ClassDecorator =>
  SetMetadata(ACT_KEY, { act, ...(target ? { target } : {}) } satisfies RoutePolicy);
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_KEY, true);

export const onParam = (kind: RecordKind, name = 'id'): RouteTarget => ({ from: 'param', kind, name });
export const onQuery = (kind: RecordKind, name: string): RouteTarget => ({ from: 'query', kind, name });
export const onBodyCase = (name: string): RouteTarget => ({ from: 'body', kind: 'case', name });
export const inBodyProvince = (name = 'province'): RouteTarget => ({ from: 'body', kind: 'province', name });

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const NOT_FOUND: Record<RecordKind, [string, string]> = {
  case: ['CASE.NOT_FOUND', 'no case with this id'],
  person: ['PERSON.NOT_FOUND', 'no person with this id'],
  exchange: ['EXCHANGE.NOT_FOUND', 'no exchange with this id'],
  verification: ['VERIFICATION.NOT_FOUND', 'no verification request with this id'],
  handover: ['HANDOVER.NOT_FOUND', 'no handover with this id'],
  meeting: ['MEETING.NOT_FOUND', 'no meeting with this id'],
  event: ['EVENT.NOT_FOUND', 'no event with this id'],
};

/**
 * Authenticates, then applies the access table (libs/security access.policy.ts): the role may do
 * the act (else 403), and the record is inside the caller's province or gates. A record outside
 * that scope answers exactly as one that does not exist — 404 when named in the path, 422 when
 * named in the body — so no answer tells whether it exists. Deny by default: a route without a
 * declared act is refused, so a forgotten check fails closed.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(AUTHENTICATOR) private readonly authenticator: Authenticator,
    private readonly records: RecordScopeResolver,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const policy = this.reflector.getAllAndOverride<RoutePolicy | undefined>(ACT_KEY, targets);
    const req = ctx.switchToHttp().getRequest<AuthenticatedRequest>();
    if (!policy || !isAct(policy.act))
      throw new ProblemError(problem(403, 'AUTH.NO_POLICY', 'This route has no access policy.'));
    const principal = await this.authenticator.principalOf(req);
    req.principal = principal;
    const { act, target } = policy;
    if (!rolesFor(act).some((r) => principal.roles.includes(r)))
      throw new DomainError('AUTH.FORBIDDEN', `none of the caller's roles may do ${act}`, 'forbidden');
    const withGates = principal.roles.some((r) => scopeOf(act, r) === 'gates');
    const record = target ? await this.recordOf(target, req, withGates) : undefined;
    const admission = admit(principal, act, record ?? undefined);
    if (!admission.ok) {
      if (admission.reason === 'national_read_only')
        throw new DomainError(
          'AUTH.NATIONAL_READ_ONLY',
          'a national unit reads across provinces and writes in none',
          'forbidden',
        );
      if (admission.reason === 'forbidden')
        throw new DomainError('AUTH.FORBIDDEN', `none of the caller's roles may do ${act}`, 'forbidden');
      throw notFound(target);
    }
    req.actor = actorFor(principal, admission.role);
    req.admission = { act, role: admission.role, scope: admission.scope };
    return true;
  }

  /**
   * The record's scope; undefined when the request does not name one validly (the validation
   * pipe then refuses it with a 400 before anything runs). A named record that does not exist
   * is refused here, the same way as one out of scope.
   */
  private async recordOf(
    target: RouteTarget,
    req: AuthenticatedRequest,
    withGates: boolean,
  ): Promise<RecordScope | undefined> {
    if (target.from === 'param' || target.from === 'query') {
      const named = target.from === 'param' ? req.params : req.query;
      const id = (named as Record<string, unknown> | undefined)?.[target.name];
      if (typeof id !== 'string' || !UUID.test(id)) return undefined;
      return (await this.records.resolve(target.kind, id.toLowerCase(), withGates)) ?? { provinces: [], gates: [] };
    }
    const value = (req.body as Record<string, unknown> | null | undefined)?.[target.name];
    if (target.kind === 'province') return isBorderProvince(value) ? { provinces: [value], gates: [] } : undefined;
    const ids = Array.isArray(value) ? value : [value];
    if (ids.length === 0 || !ids.every((v): v is string => typeof v === 'string' && UUID.test(v))) return undefined;
    // Every named case must be in scope: writing into one case of another province is refused.
    let scope: RecordScope | undefined;
    for (const id of ids) {
      const one = await this.records.resolve('case', id.toLowerCase(), false);
      if (one === null) return { provinces: [], gates: [] };
      scope =
        scope === undefined ? one : { provinces: scope.provinces.filter((p) => one.provinces.includes(p)), gates: [] };
    }
    return scope;
  }
}

function notFound(target: RouteTarget | undefined): DomainError {
  if (target === undefined || target.kind === 'province')
    return new DomainError('AUTH.OUT_OF_SCOPE', 'this record is outside your province', 'forbidden');
  const [code, message] = NOT_FOUND[target.kind];
  // A case named in the body that does not exist makes the request unprocessable (422).
  return new DomainError(code, message, target.from === 'body' ? 'invalid' : 'not_found');
}
