import type { FastifyReply, FastifyRequest } from 'fastify';
import { SessionStore, recordSignIn } from '#accounts/application';
import type { EventStore } from '#event-store';
import { actorFor, type Principal } from '#security';
import type { SessionCookie } from './session-cookie.js';
import type { SessionStarter } from './session-starter.js';

/**
 * The session an OpenID Connect sign-in ends in: the same server-side session and cookie as a
 * password sign-in, without a local account behind it (so no account epoch: it lives until its
 * idle or absolute limit, or sign-out). The sign-in is recorded like a password one.
 */
export class CookieSessionStarter implements SessionStarter {
  constructor(
    private readonly sessions: SessionStore,
    private readonly store: EventStore,
    private readonly cookie: SessionCookie,
  ) {}

  async start(principal: Principal, reply: FastifyReply, request: FastifyRequest): Promise<void> {
    const opened = await this.sessions.open(principal, null);
    await recordSignIn(
      this.store,
      { type: 'SignInSucceeded', data: { username: principal.userId, address: request.ip, via: 'oidc' } },
      actorFor(principal),
      new Date(),
    );
    void reply.setCookie(this.cookie.name, opened.token, this.cookie.options);
  }
}
