import { type CanActivate, type ExecutionContext, Inject, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Actor } from '#shared-kernel';
import { ProblemError, problem } from './problem.js';
import type { AuthenticatedRequest } from './request-context.js';

export const ACT_KEY = 'blo:act';
export const PUBLIC_KEY = 'blo:public';

/** The act a route performs; the roles policy decides who may. Every non-public route declares one. */
export const Act = (act: string): MethodDecorator & ClassDecorator => SetMetadata(ACT_KEY, act);
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_KEY, true);

/** Verifies a bearer token and decides whether its holder may perform an act. */
export interface Gatekeeper {
  /** Resolves the actor for the act, or throws a ProblemError (401 or 403). */
  admit(authorization: string | undefined, act: string): Promise<Actor>;
}
export const GATEKEEPER = Symbol('GATEKEEPER');

/** Deny by default: a route without a declared act is refused, so a forgotten check fails closed. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(GATEKEEPER) private readonly gatekeeper: Gatekeeper,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const act = this.reflector.getAllAndOverride<string | undefined>(ACT_KEY, targets);
    const req = ctx.switchToHttp().getRequest<AuthenticatedRequest>();
    if (!act) throw new ProblemError(problem(403, 'AUTH.NO_POLICY', 'This route has no access policy.'));
    req.actor = await this.gatekeeper.admit(req.headers.authorization, act);
    return true;
  }
}
