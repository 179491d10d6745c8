import { AuthError, TokenVerifier, actorFor, isAct } from '#security';
import type { Actor } from '#shared-kernel';
import type { Gatekeeper } from '../http/auth.guard.js';
import { ProblemError, problem } from '../http/problem.js';

/** Bearer token → principal → the actor that may perform the act (or a 401/403/503). */
export class TokenGatekeeper implements Gatekeeper {
  constructor(private readonly verifier: TokenVerifier) {}

  async admit(authorization: string | undefined, act: string): Promise<Actor> {
    if (!isAct(act)) throw new ProblemError(problem(403, 'AUTH.NO_POLICY', 'This route has no access policy.'));
    try {
      const principal = await this.verifier.verifyAuthorization(authorization);
      return actorFor(principal, act);
    } catch (error) {
      if (!(error instanceof AuthError)) throw error;
      const status = error.reason === 'unavailable' ? 503 : 401;
      throw new ProblemError(problem(status, `AUTH.${error.reason.toUpperCase()}`, error.message));
    }
  }
}
