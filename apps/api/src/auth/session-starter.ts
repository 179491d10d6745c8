import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Principal } from '#security';

/**
 * Opens a signed-in session for a principal established by some other means than the password
 * form (the OpenID Connect callback): stores the session and sets its cookie on the reply, which
 * the caller then sends as a redirect. The request is there for what a sign-in record needs
 * (the client address). Implemented by the session module; the OIDC callback only calls it.
 */
export interface SessionStarter {
  start(principal: Principal, reply: FastifyReply, request: FastifyRequest): Promise<void>;
}

export const SESSION_STARTER = Symbol('SESSION_STARTER');
