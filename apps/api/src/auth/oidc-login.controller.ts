import { Controller, Get, Logger, type OnModuleInit, Req, Res } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthError, OidcLogin, OidcLoginError, type OidcLoginFailure } from '#security';
import { Public } from '../http/auth.guard.js';
import { ProblemError, problem } from '../http/problem.js';
import { OidcTransactionCookie } from './oidc-transaction.cookie.js';
import { SESSION_STARTER, type SessionStarter } from './session-starter.js';

/** What the person is told: fixed sentences, nothing from the request or the provider's answer. */
const REFUSALS: Readonly<Record<Exclude<OidcLoginFailure, 'unavailable'>, string>> = {
  transaction_missing: 'No sign-in was started in this browser, or it took too long. Start again.',
  state_mismatch: 'This answer does not belong to the sign-in started in this browser. Start again.',
  provider_refused: 'The identity provider did not sign you in.',
  code_refused: 'The identity provider did not confirm the sign-in. Start again.',
  id_token_refused: "The identity provider's answer could not be verified.",
};

/**
 * Browser sign-in with the organisation's OpenID provider. `GET /session/oidc` sends the browser
 * off with a sealed transaction cookie; the provider sends it back to `/session/oidc/callback`,
 * where the answer is checked, a session is opened and the browser goes on to where it started.
 * Only registered when OIDC is configured (OidcLoginModule).
 */
@ApiTags('session')
@Controller('session/oidc')
export class OidcLoginController implements OnModuleInit {
  private readonly logger = new Logger('oidc');
  private sessions!: SessionStarter;

  constructor(
    private readonly login: OidcLogin,
    private readonly cookie: OidcTransactionCookie,
    private readonly moduleRef: ModuleRef,
  ) {}

  /** Found wherever the session module provides it; a missing one stops the start, not a sign-in. */
  onModuleInit(): void {
    try {
      this.sessions = this.moduleRef.get<SessionStarter>(SESSION_STARTER, { strict: false });
    } catch {
      throw new Error('OIDC sign-in is configured but no SESSION_STARTER is provided to open its sessions');
    }
  }

  @Get()
  @Public()
  @ApiOperation({ summary: 'Start signing in at the OpenID provider; returnTo is a path on this service' })
  @ApiQuery({ name: 'returnTo', required: false, example: '/cases' })
  @ApiResponse({ status: 302, description: 'to the provider' })
  @ApiResponse({ status: 503, description: 'the provider cannot be reached' })
  async start(@Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const returnTo = (req.query as Record<string, unknown> | undefined)?.returnTo;
    let started: Awaited<ReturnType<OidcLogin['start']>>;
    try {
      started = await this.login.start(returnTo);
    } catch (error) {
      throw this.refusal(error);
    }
    await reply
      .header('set-cookie', await this.cookie.set(started.transaction))
      .header('cache-control', 'no-store')
      .redirect(started.url.href, 302);
  }

  @Get('callback')
  @Public()
  @ApiOperation({ summary: 'Where the OpenID provider sends the browser back; opens the session' })
  @ApiResponse({ status: 302, description: 'signed in; to the returnTo path' })
  @ApiResponse({ status: 401, description: 'the sign-in was refused' })
  async callback(@Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const transaction = await this.cookie.read(req.headers);
    void reply.header('set-cookie', this.cookie.clear()).header('cache-control', 'no-store');
    try {
      const principal = await this.login.finish(req.url, transaction);
      await this.sessions.start(principal, reply, req);
    } catch (error) {
      throw this.refusal(error);
    }
    // finish() only succeeds with a transaction, whose path safeReturnTo has checked.
    await reply.redirect(transaction?.returnTo ?? '/', 302);
  }

  /**
   * A refusal becomes a problem document that repeats nothing of the request; the log gets the
   * reason and the library's code or the claim's name, never a value, a token or who it was.
   */
  private refusal(error: unknown): unknown {
    if (error instanceof OidcLoginError) {
      this.logger.warn(`sign-in refused: ${error.reason}${error.detail ? ` (${error.detail})` : ''}`);
      if (error.reason === 'unavailable')
        return new ProblemError(
          problem(503, 'AUTH.OIDC_UNAVAILABLE', 'The identity provider cannot be reached. Try again shortly.'),
        );
      return new ProblemError(problem(401, `AUTH.OIDC_${error.reason.toUpperCase()}`, REFUSALS[error.reason]));
    }
    if (error instanceof AuthError && error.reason === 'bad_claims') {
      const claim = /^claim "([a-z]+)"/.exec(error.detail ?? '')?.[1] ?? 'account';
      this.logger.warn(`sign-in refused: bad_claims (${claim})`);
      return new ProblemError(
        problem(
          401,
          'AUTH.OIDC_CLAIMS',
          `Your account at the identity provider has no valid ${claim} for this service. Ask your administrator.`,
        ),
      );
    }
    return error;
  }
}
