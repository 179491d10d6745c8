import { Body, Controller, Delete, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { SignInService, csrfTokenOf } from '#accounts/application';
import { APP_CONFIG, type AppConfig } from '#config';
import { sessionCookieOf, sessionTokenOf, usesSession, type SessionCookie } from '../auth/session-cookie.js';
import { Act, Public } from '../http/auth.guard.js';
import { ProblemError, problem } from '../http/problem.js';
import type { AuthenticatedRequest } from '../http/request-context.js';
import { SignInDto } from './account.dto.js';
import { meView, type MeView } from './me.view.js';

/** One answer for every failure, so it tells nobody whether the account exists or is disabled. */
const SIGN_IN_FAILED = (): ProblemError =>
  new ProblemError(
    problem(401, 'AUTH.SIGN_IN_FAILED', 'The user name or the password is wrong, or the account may not sign in.'),
  );

/**
 * People sign in with a local account: a server-side session behind an HttpOnly, SameSite=Strict
 * cookie (ADR 0007). Rate limits on POST /session are applied before this runs (session-plugins.ts).
 */
@ApiTags('session')
@Controller()
export class SessionController {
  private readonly cookie: SessionCookie;

  constructor(
    private readonly signIns: SignInService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.cookie = sessionCookieOf(config.access);
  }

  @Post('session')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ description: 'the same body as GET /me, with csrfToken; sets the session cookie' })
  async signIn(
    @Body() body: SignInDto,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<MeView> {
    const outcome = await this.signIns.signIn(body.username, body.password, req.ip);
    if (!outcome.ok) throw SIGN_IN_FAILED();
    void reply
      .setCookie(this.cookie.name, outcome.session.token, this.cookie.options)
      .header('cache-control', 'no-store');
    return meView(outcome.principal, outcome.session.csrfToken);
  }

  @Delete('session')
  @Act('self')
  @HttpCode(204)
  @ApiBearerAuth()
  async signOut(@Req() req: AuthenticatedRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    const token = usesSession(req.headers, this.cookie) ? sessionTokenOf(req.headers, this.cookie) : undefined;
    if (token !== undefined && req.principal) await this.signIns.signOut(token, req.principal, req.ip);
    void reply.clearCookie(this.cookie.name, this.cookie.options);
  }

  @Get('me')
  @Act('self')
  @ApiBearerAuth()
  @ApiOkResponse({ description: '{ userId, name, roles, unit, province, gates, may, csrfToken? }' })
  me(@Req() req: AuthenticatedRequest, @Res({ passthrough: true }) reply: FastifyReply): MeView {
    const token = usesSession(req.headers, this.cookie) ? sessionTokenOf(req.headers, this.cookie) : undefined;
    void reply.header('cache-control', 'no-store');
    return meView(req.principal!, token === undefined ? undefined : csrfTokenOf(token));
  }
}
