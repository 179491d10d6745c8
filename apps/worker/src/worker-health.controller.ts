import { Controller, Get, Inject } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '#event-store';
import { PROJECTION_PROGRESS, type ProjectionProgress } from '#projections';

/** Liveness and lag for the orchestrator's probes: the worker serves nothing else. */
@Controller()
export class WorkerHealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PROJECTION_PROGRESS) private readonly projections: ProjectionProgress,
  ) {}

  @Get('health')
  async health(): Promise<{ status: 'ok'; role: 'worker'; headPosition: string; projections: unknown[] }> {
    const head = await this.store.headPosition();
    const lags = await this.projections.projectionStatus();
    return {
      status: 'ok',
      role: 'worker',
      headPosition: head.toString(),
      projections: lags.map((p) => ({ name: p.name, position: p.position.toString(), lag: p.lag.toString() })),
    };
  }
}
