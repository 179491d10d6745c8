import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { APP_CONFIG, type AppConfig } from '#config';
import { EVENT_STORE, type EventStore } from '#event-store';
import { errorClassOf, PROJECTION_PROGRESS, type ProjectionProgress } from '#projections';
import { can, TokenVerifier } from '#security';

/**
 * Liveness and lag for the orchestrator's probes: the worker serves nothing else. Answers like
 * the api's /health: { status: up } or 503 { status: down } to anyone, and the positions and
 * projection lag only to a bearer token that may do ops.read (the worker has no sessions).
 */
@Controller()
export class WorkerHealthController {
  /** Built on the first request that carries a token: probes never need it. */
  private verifier?: Promise<TokenVerifier>;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PROJECTION_PROGRESS) private readonly projections: ProjectionProgress,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('health')
  async health(
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<
    | { status: 'up' | 'down' }
    | { status: 'up'; role: 'worker'; headPosition: string; projections: unknown[] }
    | { status: 'down'; role: 'worker'; reason: string }
  > {
    void reply.header('cache-control', 'no-store');
    const detailed = await this.mayOperate(req.headers.authorization);
    try {
      const head = await this.store.headPosition();
      if (!detailed) return { status: 'up' };
      const lags = await this.projections.projectionStatus();
      return {
        status: 'up',
        role: 'worker',
        headPosition: head.toString(),
        projections: lags.map((p) => ({ name: p.name, position: p.position.toString(), lag: p.lag.toString() })),
      };
    } catch (error) {
      void reply.status(503);
      return detailed ? { status: 'down', role: 'worker', reason: errorClassOf(error) } : { status: 'down' };
    }
  }

  /** A missing or bad token is no error on a probe: the caller gets the short answer. */
  private async mayOperate(authorization: string | undefined): Promise<boolean> {
    if (!authorization) return false;
    this.verifier ??= TokenVerifier.fromConfig(this.config).catch((error: unknown) => {
      // Not cached: a JWKS or key file that could not be read may be readable on the next probe.
      this.verifier = undefined;
      throw error;
    });
    try {
      return can((await (await this.verifier).verifyAuthorization(authorization)).roles, 'ops.read');
    } catch {
      return false;
    }
  }
}
