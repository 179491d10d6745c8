import { Controller, Get, Inject, Optional, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { APP_CONFIG, type AppConfig } from '#config';
import { EVENT_STORE, PgliteClient, SQL_CLIENT, type EventStore, type SqlClient } from '#event-store';
import { CounterpartGatewayService, KafkaRelayService } from '#messaging';
import { errorClassOf, ProjectionRunnerLifecycle, type ProjectionProgress } from '#projections';
import { can } from '#security';
import { AUTHENTICATOR, type Authenticator } from '../auth/authenticator.js';
import { Public } from '../http/auth.guard.js';
import { PROJECTION_PROGRESS } from '../read-side/read-side.tokens.js';

/** All that a caller without the ops.read act learns: whether the service can serve. */
type Brief = { status: 'up' | 'down' };

/** The background parts that run in this process: what ROLE (and KAFKA_BROKERS) made of it. */
type Component = 'projections' | 'kafka-relay' | 'counterpart-gateway';

interface Detailed {
  status: 'up' | 'down';
  role: AppConfig['role'];
  /** This process, among several api processes on one port (API_PROCESSES). */
  pid: number;
  running: Component[];
  eventStore: string;
  /** The embedded store only: whether PGlite runs on its own thread or on the one serving HTTP. */
  storeThread?: 'main' | 'worker';
  headPosition?: string;
  projections?: { name: string; position: string; lag: string }[];
  /** Why the store could not be reached: the error's class (and SQLSTATE), never its message. */
  reason?: string;
}

@ApiTags('operations')
@Controller()
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(AUTHENTICATOR) private readonly authenticator: Authenticator,
    @Optional() @Inject(PROJECTION_PROGRESS) private readonly projections?: ProjectionProgress,
    @Optional() private readonly runner?: ProjectionRunnerLifecycle,
    @Optional() private readonly relay?: KafkaRelayService,
    @Optional() private readonly gateway?: CounterpartGatewayService,
  ) {}

  /**
   * Public, because load balancers and orchestrators probe without credentials; they get
   * { status: up } or 503 { status: down } and nothing else. The store kind, positions and
   * projection lag describe the deployment, so they go only to callers who may do ops.read.
   */
  @Get('health')
  @Public()
  @ApiOkResponse({
    description:
      '{ status: "up" } anonymously; with an admin token also { role, pid, running, eventStore, storeThread (embedded store only), headPosition, projections: [{ name, position, lag }] }',
  })
  @ApiServiceUnavailableResponse({ description: '{ status: "down" }: the event store cannot be reached' })
  async health(@Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<Brief | Detailed> {
    // A probe's answer must be fresh, never a cached "up".
    void reply.header('cache-control', 'no-store');
    const detailed = await this.mayOperate(req);
    try {
      const head = await this.store.headPosition();
      if (!detailed) return { status: 'up' };
      const projections = ((await this.projections?.projectionStatus()) ?? []).map((p) => ({
        name: p.name,
        position: p.position.toString(),
        lag: p.lag.toString(),
      }));
      return { status: 'up', ...this.process(), headPosition: head.toString(), projections };
    } catch (error) {
      void reply.status(503);
      return detailed ? { status: 'down', ...this.process(), reason: errorClassOf(error) } : { status: 'down' };
    }
  }

  /** The role and the components actually running (not merely configured) in this process. */
  private process(): Pick<Detailed, 'role' | 'pid' | 'running' | 'eventStore' | 'storeThread'> {
    const running: Component[] = [];
    if (this.runner?.running) running.push('projections');
    if (this.relay?.running) running.push('kafka-relay');
    if (this.gateway?.running) running.push('counterpart-gateway');
    const thread = this.sql instanceof PgliteClient ? { storeThread: this.sql.thread } : {};
    return { role: this.config.role, pid: process.pid, running, eventStore: this.config.eventStore, ...thread };
  }

  /**
   * Whether the caller may see the details. Missing, invalid or expired credentials are not an
   * error here: a probe must never fail for anything but the service's own health, so such a
   * caller simply gets the anonymous answer.
   */
  private async mayOperate(req: FastifyRequest): Promise<boolean> {
    try {
      return can((await this.authenticator.principalOf(req)).roles, 'ops.read');
    } catch {
      return false;
    }
  }
}
